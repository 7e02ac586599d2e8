"""Silta's import graph, read with `ast`: modules per folder, cycles, largest modules, imports
that run up. `tests/test_structure.py` asserts on the same functions; run this file for the
figures:

    .venv/bin/python bench/import_graph.py             # this checkout
    .venv/bin/python bench/import_graph.py /tmp/old    # another tree (e.g. from `git archive`)

What counts:
- A module is a `.py` file under core/, ui/, pages/, or app.py; `core/access/__init__.py` is
  the module `core.access`.
- An edge a → b is any `import` or `from … import` in a that names b, anywhere in the file
  (inside functions too: they run as soon as the function is called). `from core.x import y`
  is an edge to `core.x.y` when that is a module, else to `core.x`. Imports of anything that is
  not one of these modules (the standard library, streamlit…) are left out.
- A cycle is a strongly connected component of more than one module.
- A module's package is the package that holds it (`core.access.audit` → `core.access`,
  `core.models` → `core`, `pages.search` → `pages`, `app` → `` ).
- An import runs up when it goes from package P to package Q while Q also imports modules of P:
  of the two directions between such a pair, the one with fewer imports is the one running up
  (both, on a tie). Example: `core.db` (package core) importing `core.access.audit` ran up,
  because the modules of core.access import core's (models, config, i18n…) far more often.
  Entry points (`ENTRY_POINTS`) exist to assemble the rest: imports from them never run up.
"""

from __future__ import annotations

import ast
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ROOTS = ("core", "ui", "pages")
SCRIPTS = ("app.py",)
ENTRY_POINTS = frozenset({"app", "core.__main__", "core.wiring"})

Graph = dict[str, set[str]]


@dataclass(frozen=True)
class Module:
    name: str
    path: Path
    lines: int

    @property
    def package(self) -> str:
        if self.path.name == "__init__.py":
            return self.name
        return self.name.rpartition(".")[0]


def module_name(path: Path, repo: Path = REPO) -> str:
    parts = list(path.relative_to(repo).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def find_modules(repo: Path = REPO) -> dict[str, Module]:
    paths = [p for root in ROOTS for p in sorted((repo / root).rglob("*.py"))]
    paths += [repo / script for script in SCRIPTS if (repo / script).exists()]
    found = {}
    for path in paths:
        name = module_name(path, repo)
        found[name] = Module(name, path, len(path.read_text(encoding="utf-8").splitlines()))
    return found


def imported_names(tree: ast.AST) -> Iterable[tuple[str, list[str]]]:
    """(module, names) for every import statement anywhere in `tree`; plain `import x` has no
    names. Silta uses no relative imports, so levels are not resolved."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, []
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module, [alias.name for alias in node.names]


def import_graph(modules: dict[str, Module]) -> Graph:
    graph: Graph = {name: set() for name in modules}
    for name, module in modules.items():
        tree = ast.parse(module.path.read_text(encoding="utf-8"), filename=str(module.path))
        for target, names in imported_names(tree):
            targets = [f"{target}.{n}" for n in names if f"{target}.{n}" in modules]
            if len(targets) < len(names) or not names:
                targets.append(target)
            graph[name] |= {t for t in targets if t in modules and t != name}
    return graph


def cycles(graph: Graph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), largest first."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10 * len(graph) + 100))
    try:
        for node in sorted(graph):
            if node not in index:
                visit(node)
    finally:
        sys.setrecursionlimit(limit)
    return sorted(found, key=lambda c: (-len(c), c))


def modules_per_folder(modules: dict[str, Module], repo: Path = REPO) -> Counter[str]:
    return Counter(str(m.path.parent.relative_to(repo)) for m in modules.values())


def top_level_core(repo: Path = REPO) -> list[str]:
    return sorted(p.name for p in (repo / "core").glob("*.py"))


def layer_violations(graph: Graph) -> list[tuple[str, str]]:
    """Imports against `pages → ui → core`: core importing ui or pages, ui importing pages."""
    below = {"core": ("ui", "pages"), "ui": ("pages",)}
    bad = []
    for source, targets in graph.items():
        forbidden = below.get(source.split(".")[0], ())
        bad += [(source, t) for t in sorted(targets) if t.split(".")[0] in forbidden]
    return sorted(bad)


def upward_imports(modules: dict[str, Module], graph: Graph) -> list[tuple[str, str]]:
    """Imports that run up (see the module docstring), sorted."""
    between: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for source, targets in graph.items():
        for target in targets:
            pair = (modules[source].package, modules[target].package)
            if pair[0] != pair[1]:
                between[pair].append((source, target))
    up: list[tuple[str, str]] = []
    for (p, q), edges in between.items():
        back = between.get((q, p), [])
        if back and len(edges) <= len(back):
            up += [(a, b) for a, b in edges if a not in ENTRY_POINTS]
    return sorted(up)


def largest(modules: dict[str, Module], count: int = 10) -> list[Module]:
    return sorted(modules.values(), key=lambda m: (-m.lines, m.name))[:count]


def report(repo: Path = REPO) -> str:
    modules = find_modules(repo)
    graph = import_graph(modules)
    found = cycles(graph)
    lines = [f"{len(modules)} modules, {sum(map(len, graph.values()))} imports between them"]
    lines.append("modules per folder:")
    folders = sorted(modules_per_folder(modules, repo).items())
    lines += [f"  {folder:<24} {n:>3}" for folder, n in folders]
    lines.append(f"core/ top level: {len(top_level_core(repo))} modules")
    lines.append(f"cycles (strongly connected components > 1): {len(found)}")
    lines += [f"  {len(c)}: {' '.join(c)}" for c in found]
    violations = layer_violations(graph)
    lines.append(f"layer violations (core→ui/pages, ui→pages): {len(violations)}")
    lines += [f"  {a} → {b}" for a, b in violations]
    up = upward_imports(modules, graph)
    lines.append(f"imports running up: {len(up)}")
    lines += [f"  {a} → {b}" for a, b in up]
    lines.append("largest modules (lines):")
    lines += [f"  {m.lines:>5}  {m.name}" for m in largest(modules)]
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else REPO))
