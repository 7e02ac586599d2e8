"""The follow-up schedule: due, overdue, upcoming, answered; answers go through validation."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from core.codes import FollowUpKind
from core.indicators.followup import (
    DueState,
    add_months,
    record_answers,
    schedule,
    state_of,
    window_of,
)
from core.models import Project
from tests.io.conftest import Importer, participant, participants_book


def test_windows_and_states() -> None:
    left = date(2026, 1, 31)
    assert window_of(FollowUpKind.IMMEDIATE, left) == (left, date(2026, 2, 28))
    assert window_of(FollowUpKind.SIX_MONTHS, left) == (date(2026, 7, 17), date(2026, 7, 31))
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert state_of(FollowUpKind.IMMEDIATE, left, date(2026, 2, 10), None) is DueState.DUE
    assert state_of(FollowUpKind.IMMEDIATE, left, date(2026, 3, 20), None) is DueState.OVERDUE
    assert state_of(FollowUpKind.SIX_MONTHS, left, date(2026, 3, 20), None) is DueState.UPCOMING
    assert (
        state_of(FollowUpKind.IMMEDIATE, left, date(2026, 3, 20), date(2026, 2, 2)) is DueState.DONE
    )
    assert (
        state_of(FollowUpKind.IMMEDIATE, left, date(2026, 3, 20), date(2025, 12, 1))
        is DueState.OVERDUE
    )


def test_schedule_and_recording_answers(
    do_import: Importer, session: Session, project: Project
) -> None:
    book = participants_book(
        participant("P-1", exit_date="2026-01-31"),
        participant("P-2", exit_date="2026-03-01"),
        participant("P-3"),  # still taking part: never due
    )
    assert do_import(book).ok
    today = date(2026, 3, 20)
    states = {(d.code, d.kind): d.state for d in schedule(session, project, today)}
    assert states == {
        ("P-1", FollowUpKind.IMMEDIATE): DueState.OVERDUE,
        ("P-2", FollowUpKind.IMMEDIATE): DueState.DUE,
    }
    report = record_answers(
        session,
        project,
        [
            {
                "participant": "P-1",
                "kind": "28_days",
                "recorded_on": date(2026, 3, 1),
                "status": "job_searching",
            },
            {
                "participant": "P-1",
                "kind": "28_days",
                "recorded_on": date(2026, 3, 20),
                "status": "employed",
            },
        ],
    )
    session.commit()
    assert report.ok and report.sheets[0].created == 2
    answered = {(d.code, d.kind): d for d in schedule(session, project, today)}
    done = answered[("P-1", FollowUpKind.IMMEDIATE)]
    assert done.state is DueState.DONE and done.last_status == "employed"  # the last answer wins
    refused = record_answers(
        session,
        project,
        [
            {
                "participant": "P-2",
                "kind": "28_days",
                "recorded_on": date(2026, 2, 1),
                "status": "employed",
            }
        ],
    )
    assert refused.errors[0].key == "io.err.follow_up_before_exit"
