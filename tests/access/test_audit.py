"""The audit trail: automatic for every ORM change, masked personal data, append-only."""

from __future__ import annotations

from datetime import timedelta
from io import BytesIO

import pytest
from openpyxl import load_workbook
from sqlalchemy import text, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col, select

from core.access import audit
from core.access.audit import PERSONAL, SECRET, AuditLogIsAppendOnly, record_search
from core.access.audit_log import AuditFilter, audit_choices, audit_entries, audit_workbook
from core.access.users import create_user
from core.codes import Role
from core.models import AuditLog, Participant, Project, utcnow
from tests.people import company, participant


def _entries(session: Session, entity: str) -> list[AuditLog]:
    query = select(AuditLog).where(AuditLog.entity == entity).order_by(col(AuditLog.id))
    return list(session.exec(query))


def test_create_update_delete_are_logged_with_actor_and_values(
    session: Session, project: Project
) -> None:
    with audit.acting_as("maija"):
        person = participant(session, project)
        session.commit()
        person.exit_date = person.entry_date + timedelta(days=90)
        person.email = "new@example.fi"
        session.add(person)
        session.commit()
        session.delete(person)
        session.commit()
    created, updated, deleted = _entries(session, "participant")
    assert [e.action for e in (created, updated, deleted)] == ["create", "update", "delete"]
    assert {e.username for e in (created, updated, deleted)} == {"maija"}
    assert created.entity_key == str(person.id)
    assert created.after is not None and created.after["code"] == "P-1"
    assert updated.before == {"exit_date": None, "email": PERSONAL}
    assert updated.after == {"exit_date": "2025-11-30", "email": PERSONAL}
    assert deleted.before is not None and deleted.before["gender"] == "woman"


def test_personal_values_never_reach_the_trail(session: Session, project: Project) -> None:
    participant(session, project, disability=True)
    session.commit()
    (entry,) = _entries(session, "participant")
    assert entry.after is not None
    for field in ("first_name", "last_name", "email", "student_number", "birth_year"):
        assert entry.after[field] == PERSONAL
    assert entry.after["disability"] == PERSONAL
    stored = str(entry.after)
    assert "Aino" not in stored and "Virtanen" not in stored and "2512345" not in stored


def test_secrets_are_never_written_and_sign_in_counters_stay_quiet(session: Session) -> None:
    user = create_user(session, username="pekka", role=Role.STEERING, password="long password 1")
    session.commit()
    user.failed_logins = 2
    user.last_login_at = utcnow()
    session.add(user)
    session.commit()
    (created,) = _entries(session, "user")  # the counter change made no entry
    assert created.after is not None and "password_hash" not in created.after
    assert "$argon2" not in str(created.after)
    user.password_hash = "changed"
    session.add(user)
    session.commit()
    changed = _entries(session, "user")[-1]
    assert changed.before == {"password_hash": SECRET} and changed.after == {
        "password_hash": SECRET
    }


def test_bulk_statements_leave_a_summary(session: Session, project: Project) -> None:
    participant(session, project)
    session.commit()
    session.execute(update(Participant).values(exit_date=None))
    session.commit()
    bulk = session.exec(select(AuditLog).where(AuditLog.action == "bulk_update")).one()
    assert bulk.entity == "participant" and "UPDATE participant" in bulk.detail


def test_the_orm_refuses_to_edit_or_delete_entries(session: Session) -> None:
    audit.record(session, action="note", detail="original")
    session.commit()
    entry = session.exec(select(AuditLog)).one()
    entry.detail = "rewritten"
    session.add(entry)
    with pytest.raises(AuditLogIsAppendOnly):
        session.commit()
    session.rollback()
    session.delete(entry)
    with pytest.raises(AuditLogIsAppendOnly):
        session.commit()
    session.rollback()
    with pytest.raises(AuditLogIsAppendOnly):
        session.execute(update(AuditLog).values(detail="x"))


def test_the_database_refuses_raw_updates_and_deletes(engine: Engine) -> None:
    with Session(engine) as session:
        audit.record(session, action="note", detail="original")
        session.commit()
    for statement in ("UPDATE audit_log SET detail = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
            connection.execute(text(statement))
    with Session(engine) as session:
        assert session.exec(select(AuditLog.detail)).all() == ["original"]


def test_searches_are_logged_with_company_and_query(session: Session) -> None:
    firm = company(session)
    session.commit()
    record_search(
        username="sme",
        company_id=firm.id,
        query="embedded C; DROP TABLE x",
        filters={"spearhead": "devices"},
        results=7,
    )
    page = audit_entries(session, AuditFilter(action="search"))
    row = page.entries.iloc[0]
    assert (row["username"], row["company"]) == ("sme", "Kide Oy")
    assert row["detail"] == "embedded C; DROP TABLE x" and '"results": 7' in row["after"]


def test_filters_treat_wildcards_as_letters(session: Session) -> None:
    audit.record(session, action="note", detail="100% done")
    audit.record(session, action="note", detail="1000 done")
    session.commit()
    assert audit_entries(session, AuditFilter(text="0% d")).total == 1
    assert audit_entries(session, AuditFilter(text="_")).total == 0
    assert audit_entries(session, AuditFilter(username="nobody")).total == 0
    usernames, actions, _entities = audit_choices(session)
    assert "note" in actions and "system" in usernames


def test_period_filter_counts_whole_days(session: Session) -> None:
    audit.record(session, action="note")
    session.commit()
    today = utcnow().date()
    assert audit_entries(session, AuditFilter(start=today, end=today)).total == 1
    yesterday = today - timedelta(days=1)
    assert audit_entries(session, AuditFilter(start=yesterday, end=yesterday)).total == 0


@pytest.mark.parametrize(
    "hostile",
    ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tTAB", "＝HYPERLINK(1)", "a\x00b\x1bc"],
)
def test_export_never_holds_a_formula_or_a_control_character(
    session: Session, hostile: str
) -> None:
    audit.record(session, action="note", username=hostile, detail=hostile)
    session.commit()
    data = audit_workbook(audit_entries(session, AuditFilter()).entries)
    sheet = load_workbook(BytesIO(data)).active
    assert sheet is not None
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f"
            if isinstance(cell.value, str):
                assert not cell.value.startswith(("=", "+", "-", "@", "\t", "＝"))
                assert "\x00" not in cell.value and "\x1b" not in cell.value
