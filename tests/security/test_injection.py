"""Hostile input in every text field of the access pages: no crash, no leak, nothing executed.

SQL, HTML, JavaScript, Markdown links, Excel formulas, path traversal, 100 kB strings,
control characters, emoji and direction marks go into the sign-in fields, the audit-log
search, the consent lookup, a user's display name and the password change. Values reach SQL
only as bound parameters, so tables stay whole; text that is stored is shown as text
(Markdown escaped) and exported without formulas.
"""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, inspect
from sqlmodel import Session, select

from core.access import audit
from core.access.audit_log import AuditFilter, audit_entries, audit_workbook
from core.access.users import create_user
from core.codes import Role
from core.db import get_engine
from core.models import AuditLog, Project, User
from core.text import without_controls
from tests.pages.conftest import RunApp, account_for
from tests.security.helpers import PAYLOADS, page_text, submit

# Text a database server stores like any other string: its danger is in how pages and exports
# show it, checked on SQLite (`once`, tests/conftest.py). SQL, long, control, non-ASCII and
# LIKE-wildcard text meets server differences and runs on PostgreSQL too.
SHOWN_ONLY = {"html", "javascript", "markdown_link", "excel_formula", "excel_dde", "path_traversal"}
KINDS = [
    pytest.param(kind, marks=(pytest.mark.once,) if kind in SHOWN_ONLY else (), id=kind)
    for kind in PAYLOADS
]


def _tables_intact() -> None:
    names = set(inspect(get_engine()).get_table_names())
    assert {"user", "participant", "audit_log", "consent"} <= names


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("field", ["login_username", "login_password"])
def test_sign_in_fields(
    app: RunApp, project: Project, session: Session, field: str, kind: str
) -> None:
    account_for("manager")
    at = app(role=None)
    values = {"login_username": "manager", "login_password": "wrong"}
    values[field] = PAYLOADS[kind]
    for key, value in values.items():
        at.text_input(key=key).set_value(value)  # set_value: a client can bypass max_chars
    at = submit(at, "Sign in")
    assert not at.exception
    assert [e.value for e in at.error] == [
        "Wrong user name or password, or the account is locked for a while. Try again later or "
        "ask the project manager."
    ]
    assert "auth_user" not in at.session_state
    _tables_intact()
    assert session.exec(select(func.count()).select_from(User)).one() == 1
    # The attempt is audited without what was typed (a password may be in the name field).
    entry = session.exec(select(AuditLog).where(AuditLog.action == "login_refused")).one()
    assert PAYLOADS[kind][:20] not in f"{entry.username} {entry.detail} {entry.after}" or kind in (
        "like_wildcards",
    )


@pytest.mark.parametrize("kind", KINDS)
def test_audit_log_search(app: RunApp, project: Project, session: Session, kind: str) -> None:
    with audit.acting_as("someone"):
        audit.record(session, action="note", detail=f"stored {PAYLOADS[kind]}")
    session.commit()
    at = app("manager", page="pages/audit.py")
    at.text_input(key="audit_text").set_value(PAYLOADS[kind])
    at.run()
    assert not at.exception
    _tables_intact()
    caption = " ".join(c.value for c in at.caption)
    assert "Showing 1 of 1 matching" in caption  # found as text, wildcards and all


@pytest.mark.parametrize("kind", KINDS)
def test_consent_lookup(app: RunApp, project: Project, kind: str) -> None:
    at = app("manager", page="pages/consent.py")
    at.text_input(key="consent_code").set_value(PAYLOADS[kind])
    at.run()
    assert not at.exception
    assert at.warning[0].value == "No participant with that code in this project."
    _tables_intact()


@pytest.mark.parametrize("kind", KINDS)
def test_display_names_are_shown_as_text(
    app: RunApp, project: Project, session: Session, kind: str
) -> None:
    # As the Users page stores it: through create_user, which drops control characters.
    create_user(
        session,
        username="shown",
        role=Role.STEERING,
        password="a long enough password",
        display_name=PAYLOADS[kind],
    )
    session.commit()
    at = app("steering", username="shown")
    assert not at.exception
    caption = at.sidebar.caption[0].value
    name = caption.removeprefix("Signed in as ").removesuffix(" (steering group)")
    # Markdown is escaped: no link, emphasis, colour or HTML can take effect.
    assert not re.search(r"(?<!\\)[<>\[\]()*_`:$]", name), name
    users_page = app("manager", page="pages/users.py")
    assert not users_page.exception
    assert PAYLOADS[kind][:120].split()[0][:10] in page_text(users_page) or kind in (
        "control_chars",
        "rtl_override",
        "emoji_unicode",
    )


@pytest.mark.parametrize("kind", KINDS)
def test_password_change(app: RunApp, project: Project, kind: str) -> None:
    at = app("manager", page="pages/account.py")
    for key in ("account_current", "account_new", "account_again"):
        at.text_input(key=key).set_value("demo" if key == "account_current" else PAYLOADS[kind])
    at = submit(at, "Change password")
    assert not at.exception
    messages = [e.value for e in at.error] + [s.value for s in at.success]
    assert len(messages) == 1
    assert PAYLOADS[kind] not in page_text(at) or len(PAYLOADS[kind]) < 3


@pytest.mark.parametrize("kind", KINDS)
def test_searches_are_stored_as_data_and_exported_inert(session: Session, kind: str) -> None:
    audit.record_search(username=PAYLOADS[kind][:80], company_id=None, query=PAYLOADS[kind])
    stored = session.exec(select(AuditLog).where(AuditLog.action == "search")).one()
    assert stored.detail == without_controls(PAYLOADS[kind])[: audit.MAX_DETAIL_CHARS]
    book = load_workbook(BytesIO(audit_workbook(audit_entries(session, AuditFilter()).entries)))
    sheet = book.active
    assert sheet is not None
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f"
            if isinstance(cell.value, str):
                assert not cell.value.startswith(("=", "+", "-", "@"))
                assert not any(ch in cell.value for ch in "\x00\x07\x1b")
