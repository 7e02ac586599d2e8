"""Every UI text key the code can ask for exists in English and Finnish.

Keys are found by reading the source (`ast`), not by running it, so a key on a path no test
takes is checked as well. A key reaches the translation table in one of these ways:

- a literal (or `a if x else b` of literals) given to `t()` / `translate()`, to a DomainError
  subclass, or to a `Problem`;
- `label_key(code)`, for a code of a `Labelled` list: every code of every such list is checked;
- `column_key(kind, name)`, for the import columns: every column of every kind is checked.

A `t()` / `translate()` call that takes anything else (an f-string, a variable) fails the test:
such a key cannot be checked before a user meets the KeyError.
"""

from __future__ import annotations

import ast
import importlib
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from core.i18n import TEXTS, label_key, labelled_lists
from core.io.imports.sheets import column_key, columns
from core.io.imports.validate import KINDS

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ["core", "ui", "pages", "app.py"]
TRANSLATORS = {"t", "_t", "translate"}  # ui.t, a chart's `t` parameter, core.i18n.translate
# term_key: a project code's text (built-in codes in TEXTS, a definition's own added when it loads).
KEY_HELPERS = {"label_key", "column_key", "term_key"}


def source_files() -> list[Path]:
    files: list[Path] = []
    for name in SOURCES:
        path = ROOT / name
        files += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return files


@dataclass
class Findings:
    keys: dict[str, str] = field(default_factory=dict)  # key → where it was first seen
    dynamic: list[str] = field(default_factory=list)  # t()/translate() calls with other keys


def _module_dicts(tree: ast.Module) -> dict[str, list[str]]:
    """Module-level `NAME = {…: "literal", …}` tables: a lookup in one is a set of literals."""
    found: dict[str, list[str]] = {}
    for node in tree.body:
        target, value = None, None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        if isinstance(target, ast.Name) and isinstance(value, ast.Dict):
            values = [v.value for v in value.values if isinstance(v, ast.Constant)]
            if len(values) == len(value.values) and all(isinstance(v, str) for v in values):
                found[target.id] = values
    return found


def _literals(node: ast.expr, tables: dict[str, list[str]]) -> list[str] | None:
    """The keys `node` can be when that is known statically, else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _literals(node.body, tables), _literals(node.orelse, tables)
        return None if body is None or orelse is None else body + orelse
    if (
        isinstance(node, ast.Subscript)
        and isinstance(node.value, ast.Name)
        and node.value.id in tables
    ):
        return tables[node.value.id]
    return None


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _key_argument(call: ast.Call) -> ast.expr | None:
    if call.args:
        return call.args[0]
    return next((k.value for k in call.keywords if k.arg == "key"), None)


def _domain_error_classes(trees: dict[Path, ast.Module]) -> dict[str, bool]:
    """DomainError and its subclasses → whether calling the class takes a key first (a class
    with its own `__init__(self, problem)` or `(self, lock, …)` builds its key inside)."""
    bases: dict[str, list[str]] = {}
    own_init: dict[str, bool | None] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = [_name(b) for b in node.bases]
                init = next(
                    (
                        f
                        for f in node.body
                        if isinstance(f, ast.FunctionDef) and f.name == "__init__"
                    ),
                    None,
                )
                own_init[node.name] = (
                    None if init is None else [a.arg for a in init.args.args[1:2]] == ["key"]
                )
    found = {"DomainError": True}
    changed = True
    while changed:
        changed = False
        for name, parents in bases.items():
            parent = next((p for p in parents if p in found), None)
            if name not in found and parent is not None:
                takes_key = own_init[name]
                found[name] = found[parent] if takes_key is None else takes_key
                changed = True
    return found


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _enclosing(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> list[ast.AST]:
    chain = []
    while node in parents:
        node = parents[node]
        chain.append(node)
    return chain


def _forwarded(arg: ast.expr, chain: list[ast.AST]) -> bool:
    """`arg` is the first parameter of the function it is in (a wrapper passing its key on),
    or `self.key` inside a `message` method (a key checked where the object was made)."""
    function = next((n for n in chain if isinstance(n, ast.FunctionDef)), None)
    if function is None:
        return False
    every = [*function.args.posonlyargs, *function.args.args]
    params = [a.arg for a in every if a.arg not in {"self", "cls"}]
    if isinstance(arg, ast.Name) and params and arg.id == params[0]:
        return True
    return (
        isinstance(arg, ast.Attribute)
        and arg.attr == "key"
        and isinstance(arg.value, ast.Name)
        and arg.value.id == "self"
        and function.name == "message"
    )


def _translates(call: ast.Call, imported: set[str]) -> bool:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id in {"t", "_t"} or func.id in imported
    # `ui.t(…)` only: `text.translate(table)` is str.translate.
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "t"
        and isinstance(func.value, ast.Name)
        and func.value.id == "ui"
    )


def _i18n_translate_names(tree: ast.Module) -> set[str]:
    """Local names of core.i18n.translate (the search glossary has a `translate` of its own)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "core.i18n":
            names |= {a.asname or a.name for a in node.names if a.name == "translate"}
    return names


def scan() -> Findings:
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in source_files()}
    errors = _domain_error_classes(trees)
    findings = Findings()
    for path, tree in trees.items():
        where = path.relative_to(ROOT)
        tables, parents = _module_dicts(tree), _parents(tree)
        imported = _i18n_translate_names(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            arg = _key_argument(node)
            if arg is None:
                continue
            name = _name(node.func)
            chain = _enclosing(node, parents)
            is_super_init = (
                name == "__init__"
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Call)
                and _name(node.func.value.func) == "super"
                and any(isinstance(n, ast.ClassDef) and n.name in errors for n in chain)
            )
            translates = _translates(node, imported)
            if not (translates or is_super_init or errors.get(name) or name == "Problem"):
                continue
            keys = _literals(arg, tables)
            if keys is not None:
                for key in keys:
                    findings.keys.setdefault(key, f"{where}:{node.lineno}")
            elif translates and not (
                (isinstance(arg, ast.Call) and _name(arg.func) in KEY_HELPERS)
                or _forwarded(arg, chain)
            ):
                findings.dynamic.append(f"{where}:{node.lineno}: {ast.unparse(node)}")
    return findings


FINDINGS = scan()


def _missing(key: str) -> str | None:
    if key not in TEXTS:
        return "missing"
    english, finnish = TEXTS[key]
    if bool(english.strip()) != bool(finnish.strip()):  # both empty: a deliberately blank header
        return "one language is empty"
    return None


def test_every_literal_key_exists_in_both_languages() -> None:
    assert len(FINDINGS.keys) > 500  # the scan finds the keys at all
    bad = {
        key: f"{_missing(key)} ({where})" for key, where in FINDINGS.keys.items() if _missing(key)
    }
    assert not bad, bad


def test_no_translation_takes_a_key_built_at_run_time() -> None:
    assert not FINDINGS.dynamic, "\n".join(FINDINGS.dynamic)


def _labelled_modules() -> Iterator[str]:
    """Modules that declare a Labelled code list (imported so every list is registered)."""
    for path in (ROOT / "core").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(
            isinstance(n, ast.ClassDef) and "Labelled" in {_name(b) for b in n.bases}
            for n in ast.walk(tree)
        ):
            yield ".".join(path.relative_to(ROOT).with_suffix("").parts)


def test_every_code_of_every_labelled_list_has_both_languages() -> None:
    modules = list(_labelled_modules())
    for module in modules:
        importlib.import_module(module)
    lists = labelled_lists()
    assert len(lists) >= len(modules)
    bad = {
        label_key(code): _missing(label_key(code))
        for codes in lists
        for code in codes
        if _missing(label_key(code))
    }
    assert not bad, bad


def test_every_import_column_has_a_header_in_both_languages() -> None:
    keys = [column_key(kind, column.name) for kind in KINDS for column in columns(kind)]
    bad = {key: _missing(key) for key in keys if _missing(key)}
    assert not bad, bad


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_both_languages_fill_in_the_same_values(key: str) -> None:
    english, finnish = TEXTS[key]

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert fields(english) == fields(finnish)


def test_the_scan_catches_a_key_built_at_run_time(tmp_path: Path) -> None:
    """The checks above can fail: an f-string key and an unknown literal are both found."""
    tree = ast.parse('import ui\nui.t(f"role.{x}")\nui.t("no.such.key")\n')
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and _translates(n, set())]
    assert [_literals(_key_argument(c), {}) for c in calls] == [None, ["no.such.key"]]  # type: ignore[arg-type]
    assert _missing("no.such.key") == "missing"
