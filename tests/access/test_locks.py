"""Period locks: refused by import, form and plain ORM code alike; attempts and unlocks audited."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from core.access.audit import acting_as
from core.access.locks import PeriodLockedError, lock_period, touched_dates, unlock_period
from core.io.imports.editing import save_rows
from core.io.imports.records import load_stored
from core.models import AuditLog, FollowUp, Participant, PeriodLock, Project
from tests.io.conftest import Importer, count, participant, participants_book


@pytest.fixture
def locked(do_import: Importer, session: Session, project: Project) -> PeriodLock:
    assert do_import(participants_book(participant("P-1", entry_date="2026-02-01"))).ok
    with acting_as("manager1"):
        lock = lock_period(
            session,
            project=project,
            label="2026 H1",
            start=date(2026, 1, 1),
            end=date(2026, 6, 30),
            note="claim 2",
        )
    session.commit()
    return lock


def test_touched_dates_follow_what_changed() -> None:
    entry, exit_day = date(2026, 2, 1), date(2026, 9, 1)
    before = {"entry_date": entry, "exit_date": None, "gender": "man", "email": ""}
    assert touched_dates("participant", before, {**before, "email": "a@b.fi"}) == set()
    assert touched_dates("participant", before, {**before, "exit_date": exit_day}) == {exit_day}
    assert touched_dates("participant", before, {**before, "gender": "woman"}) == {entry}
    assert touched_dates("participant", None, before) == {entry}
    assert touched_dates("event", {"event_date": entry}, None) == {entry}


def test_import_into_a_locked_period_is_refused_and_names_the_lock(
    locked: PeriodLock, do_import: Importer, session: Session
) -> None:
    report = do_import(
        participants_book(
            participant("P-2", entry_date="2026-03-01"), participant("P-3", entry_date="2026-08-01")
        )
    )
    assert not report.written
    error = report.errors[0]
    assert (error.key, error.sheet, error.row) == ("io.err.locked", "Participants", 2)
    assert "2026 H1" in error.message("en") and "2026 H1" in error.message("fi")
    assert count(session, Participant) == 1


def test_exit_after_the_locked_period_may_still_be_recorded(
    locked: PeriodLock, do_import: Importer, session: Session
) -> None:
    report = do_import(
        participants_book(participant("P-1", entry_date="2026-02-01", exit_date="2026-08-15"))
    )
    assert report.ok and report.sheets[0].updated == 1


def test_form_and_plain_code_are_refused_and_the_attempt_is_audited(
    locked: PeriodLock, session: Session, project: Project
) -> None:
    row = dict(load_stored(session, project, "participants")[("P-1",)].row, gender="man")
    report = save_rows(session, project, "participants", [(1, row)])
    assert report.errors[0].key == "io.err.locked"
    session.rollback()
    person = session.exec(select(Participant)).one()
    person.isced = "3-4"
    session.add(person)
    with acting_as("someone"), pytest.raises(PeriodLockedError, match="2026 H1"):
        session.commit()
    session.rollback()
    refused = session.exec(select(AuditLog).where(AuditLog.action == "lock_refused")).all()
    assert len(refused) == 1 and refused[0].username == "someone"
    assert "2026 H1" in refused[0].detail and "participant P-1" in refused[0].entity_key
    session.refresh(person)
    assert person.isced == "5-8"


def test_contact_details_may_be_corrected_in_a_locked_period(
    locked: PeriodLock, session: Session
) -> None:
    person = session.exec(select(Participant)).one()
    person.email = "new@example.com"
    session.add(person)
    session.commit()


def test_follow_up_dated_in_the_lock_is_refused(
    do_import: Importer, session: Session, project: Project
) -> None:
    assert do_import(participants_book(participant("P-1", exit_date="2026-01-10"))).ok
    lock_period(
        session, project=project, label="2026 H1", start=date(2026, 1, 1), end=date(2026, 6, 30)
    )
    session.commit()
    person = session.exec(select(Participant)).one()
    session.add(
        FollowUp(
            participant_id=person.id,
            kind="28_days",
            recorded_on=date(2026, 2, 1),
            status="employed",
        )
    )
    with pytest.raises(PeriodLockedError):
        session.commit()
    session.rollback()
    assert count(session, FollowUp) == 0


def test_unlock_needs_a_reason_and_both_are_audited(
    locked: PeriodLock, do_import: Importer, session: Session
) -> None:
    assert locked.id is not None
    with pytest.raises(ValueError, match="reason"):
        unlock_period(session, lock_id=locked.id, reason="  ")
    with acting_as("manager1"):
        unlock_period(session, lock_id=locked.id, reason="EURA asked for a correction")
    session.commit()
    assert do_import(participants_book(participant("P-2", entry_date="2026-03-01"))).ok
    actions = [
        (a.action, a.username)
        for a in session.exec(select(AuditLog).where(AuditLog.entity == "period_lock"))
    ]
    assert ("lock", "manager1") in actions and ("unlock", "manager1") in actions
    unlocked = session.exec(select(AuditLog).where(AuditLog.action == "unlock")).one()
    assert unlocked.detail == "EURA asked for a correction"
