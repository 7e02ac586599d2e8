"""Pages stay thin: no page commits, writes SQL or opens its own session.

A page reads through `ui.reading()`, changes data through `ui.unit_of_work()` (which commits,
or rolls back on an error) and leaves queries to core functions; this reads every page's
source (`ast`) and names each place that does otherwise.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PAGES = sorted((Path(__file__).resolve().parents[2] / "pages").glob("*.py"))

# Session and transaction methods a page must leave to ui.unit_of_work and core.
SESSION_METHODS = {"commit", "rollback", "flush", "exec", "execute", "begin", "merge", "refresh"}
# Query builders and session factories called by name (sqlmodel / sqlalchemy / core.db), and
# session factories called on a module (`ui.session()`, `core.db.session_scope()`).
BUILDERS = {"select", "insert", "update", "delete", "text", "session_scope", "Session"}
FACTORIES = {"session_scope", "Session", "session"}
DATABASE_MODULES = ("sqlmodel", "sqlalchemy", "core.db", "core.models")
SQL = re.compile(r"\b(select\s+.+\s+from|insert\s+into|update\s+\w+\s+set|delete\s+from)\b", re.I)


def problems(source: str) -> list[str]:
    """Every line of `source` that does a core function's or the unit of work's job."""
    found = []
    for node in ast.walk(ast.parse(source)):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Import | ast.ImportFrom):
            modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            modules += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            found += [
                f"{line}: imports {m}"
                for m in modules
                if m.split(".")[0] in {"sqlmodel", "sqlalchemy"} or m in DATABASE_MODULES
            ]
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if isinstance(func, ast.Attribute) and name in SESSION_METHODS | FACTORIES:
                found.append(f"{line}: calls .{name}()")
            elif isinstance(func, ast.Name) and name in BUILDERS:
                found.append(f"{line}: calls {name}()")
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and SQL.search(node.value)
        ):
            found.append(f"{line}: SQL text {node.value[:40]!r}")
    return found


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_leaves_queries_and_commits_to_core_and_the_unit_of_work(page: Path) -> None:
    assert not problems(page.read_text(encoding="utf-8"))


def test_every_page_is_checked() -> None:
    assert len(PAGES) >= 20


@pytest.mark.parametrize(
    "source",
    [
        "import ui\nwith ui.session() as db:\n    db.add(x)\n    db.commit()\n",
        "from sqlmodel import select\nrows = db.exec(select(Company)).all()\n",
        "from core.db import session_scope\nwith session_scope() as db:\n    pass\n",
        'rows = db.execute("SELECT name FROM company")\n',
        'query = "delete from participant where id = 1"\n',
    ],
    ids=["commit", "select", "session_scope", "execute", "sql-text"],
)
def test_the_check_finds_what_pages_used_to_do(source: str) -> None:
    assert problems(source)


def test_a_thin_page_passes() -> None:
    source = (
        "import ui\n"
        "project = ui.require_project()\n"
        "with ui.reading() as db:\n    rows = list_users(db)\n"
        "with ui.unit_of_work() as db:\n    unlock(db, user_id=1)\n"
        'st.selectbox("Kind", ["a"], key="x")\n'
    )
    assert problems(source) == []
