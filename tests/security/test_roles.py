"""Each role sees exactly its pages: the menu, the page itself, and a page asked for by URL.

Runs every page of `core.access.navigation.PAGES` (so pages added later are covered too) as every
role and as nobody. A page outside a role's list is not registered for that role; asking for
its URL shows the role's own landing page instead, and on a freshly started server (when
Streamlit would serve any file of `pages/` directly) the page's own guard shows nothing.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from core.access.navigation import PAGES, PageSpec, pages_for
from core.codes import Role
from core.i18n import label
from core.models import Project
from tests.pages.conftest import RunApp, as_fresh_server
from tests.security.helpers import open_url, page_text

REPO_ROOT = Path(__file__).resolve().parents[2]
ROLES = [role.value for role in Role]
CASES = [(role, spec) for role in ROLES for spec in PAGES]


def _id(case: tuple[str, PageSpec]) -> str:
    return f"{case[0]}-{case[1].url_path}"


def _opener(spec: PageSpec) -> str:
    """The role that opens `spec` on PostgreSQL too: the manager where allowed."""
    allowed = [role for role in ROLES if Role(role) in spec.roles]
    return "manager" if "manager" in allowed else allowed[0]


def _case(case: tuple[str, PageSpec]) -> object:
    """Which menu a role gets and where a forbidden address leads is the same on any database
    server (tests/conftest.py): on PostgreSQL each page is still opened by one role."""
    role, spec = case
    marks = () if role == _opener(spec) else (pytest.mark.once,)
    return pytest.param(case, marks=marks, id=_id(case))


@pytest.mark.parametrize("case", [_case(c) for c in CASES])
def test_a_role_opens_its_pages_and_nothing_else(
    app: RunApp, project: Project, case: tuple[str, PageSpec]
) -> None:
    role, spec = case
    at = app(role)
    registered = {info.get("url_pathname") for info in at._registered_pages.values()}
    allowed = Role(role) in spec.roles
    landing = pages_for(Role(role))[0]
    assert (spec.url_path if spec is not landing else "") in registered or not allowed
    if allowed:
        if spec.url_path != "logout":  # opens without an exception (what app(role, page=)
            at.switch_page(str(REPO_ROOT / spec.path))  # does, without running the app again)
            assert not at.run().exception, [e.value for e in at.exception]
        return
    assert spec.url_path not in registered
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(spec.path)
    landing_titles = [t.value for t in at.title]
    forbidden = open_url(at, spec.url_path)
    assert not forbidden.exception
    assert [t.value for t in forbidden.title] == landing_titles
    assert not _widgets_of(forbidden, spec)


def _widgets_of(at: AppTest, spec: PageSpec) -> list[str]:
    """Keys of widgets that belong to `spec`'s page (widget keys carry the page's prefix)."""
    prefix = Path(spec.path).stem + "_"
    keys = [
        w.key for kind in ("text_input", "selectbox", "button", "date_input") for w in at.get(kind)
    ]
    return [k for k in keys if k and str(k).startswith(prefix)]


FRESH_CASES = [
    (role, spec)
    for role in [None, *ROLES]
    for spec in PAGES
    if not role or Role(role) not in spec.roles
]


@pytest.mark.once  # the guard and router decide from the role alone, on any database server
@pytest.mark.parametrize(
    "case", FRESH_CASES, ids=[f"{c[0] or 'nobody'}-{c[1].url_path}" for c in FRESH_CASES]
)
def test_a_fresh_server_shows_nothing_of_a_forbidden_page(
    app: RunApp, project: Project, case: tuple[str | None, PageSpec]
) -> None:
    role, spec = case
    at = app(role)
    # The old multipage mode serves pages/<file>.py at /<file>: what an attacker would try.
    # The page's guard hands the request to the router, which shows the sign-in page or the
    # role's own start page instead.
    with as_fresh_server():
        forbidden = open_url(at, Path(spec.path).stem)
    assert not forbidden.exception
    assert not _widgets_of(forbidden, spec), page_text(forbidden)[:500]
    titles = [t.value for t in forbidden.title]
    if role is None:
        assert titles == ["Sign in to Silta"]
    else:
        assert label(spec.title, "en") not in titles
        assert "Signed in as" in page_text(forbidden)


@pytest.mark.once  # signed out, the router shows the sign-in page on any database server
@pytest.mark.parametrize("spec", PAGES, ids=[s.url_path for s in PAGES])
def test_nobody_signed_in_sees_only_the_sign_in_page(
    app: RunApp, project: Project, spec: PageSpec
) -> None:
    at = app(role=None)
    assert [t.value for t in at.title] == ["Sign in to Silta"]
    # Every address is the sign-in page until someone signs in.
    # … and a survey's answer page, which shows only the survey its token names (issue 15),
    # and the invitation page, only the account its token names (issue 14).
    registered = {Path(p["script_path"]).name for p in at._registered_pages.values()}
    assert registered == {"login.py", "answer.py", "invite.py"}
    forbidden = open_url(at, spec.url_path)
    assert not forbidden.exception
    assert [t.value for t in forbidden.title] == ["Sign in to Silta"]
    assert not _widgets_of(forbidden, spec)


def _guard_first(path: Path) -> bool:
    """True when the first statement after the imports is `ui.guard(__file__)`."""
    body = ast.parse(path.read_text(encoding="utf-8")).body
    statements = [
        s
        for s in body
        if not isinstance(s, ast.Import | ast.ImportFrom)
        and not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))
    ]
    first = statements[0] if statements else None
    call = first.value if isinstance(first, ast.Expr | ast.Assign) else None
    return (
        isinstance(call, ast.Call)
        and ast.unparse(call.func) == "ui.guard"
        and [ast.unparse(a) for a in call.args] == ["__file__"]
    )


PAGE_FILES = sorted((REPO_ROOT / "pages").glob("*.py"))
# Shown to nobody-signed-in by design: no data, or (answer.py) one survey by its token, or
# (invite.py) one new account's name by its token.
OPEN_PAGES = {"login.py", "no_access.py", "answer.py", "invite.py"}


@pytest.mark.parametrize("path", PAGE_FILES, ids=[p.name for p in PAGE_FILES])
def test_every_page_guards_itself_first(path: Path) -> None:
    if path.name in OPEN_PAGES:
        return
    assert _guard_first(path), f"{path.name} must start with `ui.guard(__file__)`"
    assert any((REPO_ROOT / s.path).resolve() == path.resolve() for s in PAGES), (
        f"{path.name} is not registered in core/navigation.py PAGES"
    )


@pytest.mark.once  # menus come from core.access.navigation, not from the database
def test_menus_per_role(app: RunApp, project: Project, session: Session) -> None:
    expected = {
        "manager": {"overview", "audit", "consent", "users", "account", "logout"},
        "steering": {"overview", "account", "logout"},
        "sme": {"account", "logout"},
    }
    for role, pages in expected.items():
        assert {s.url_path for s in pages_for(Role(role))} >= pages
        if role != "manager":
            assert not {s.url_path for s in pages_for(Role(role))} & {"audit", "users", "consent"}
