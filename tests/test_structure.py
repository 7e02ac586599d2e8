"""The shape of the house (STYLE.md): core never imports streamlit, layers point one way
(pages → ui → core), no import cycles, a small core/ top level, and an engine module that
reaches up to nothing. Read with `ast` (bench/import_graph.py prints the same figures)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bench.import_graph import (
    REPO,
    Graph,
    cycles,
    find_modules,
    import_graph,
    imported_names,
    layer_violations,
    top_level_core,
)

CORE_TOP_LEVEL_LIMIT = 15


@pytest.fixture(scope="module")
def graph() -> Graph:
    return import_graph(find_modules())


def _imports_streamlit(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return any(
        module == "streamlit" or module.startswith("streamlit.")
        for module, _names in imported_names(tree)
    )


def test_no_core_module_imports_streamlit() -> None:
    offenders = [
        str(path.relative_to(REPO))
        for path in sorted((REPO / "core").rglob("*.py"))
        if _imports_streamlit(path)
    ]
    assert offenders == []


def test_the_streamlit_check_sees_imports_inside_functions() -> None:
    tree = ast.parse("def page() -> None:\n    from streamlit import session_state\n")
    assert [module for module, _ in imported_names(tree)] == ["streamlit"]


def test_no_import_cycles_between_modules(graph: Graph) -> None:
    assert cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_layers_point_one_way(graph: Graph) -> None:
    """core never imports ui or pages; ui never imports pages."""
    assert layer_violations(graph) == []


def test_the_layer_check_sees_a_page_imported_by_core() -> None:
    assert layer_violations({"core.x": {"pages.search", "core.y"}, "ui": {"core.y"}}) == [
        ("core.x", "pages.search")
    ]


def test_core_top_level_stays_small() -> None:
    modules = top_level_core()
    assert len(modules) <= CORE_TOP_LEVEL_LIMIT, modules


def test_the_engine_module_imports_only_settings(graph: Graph) -> None:
    """core.db is the engine factory and unit of work: the session listeners are registered by
    core.wiring, which the entry points call."""
    assert graph["core.db"] <= {"core", "core.config"}
    assert graph["core.wiring"] >= {"core.access.audit", "core.access.locks", "core.meta"}
