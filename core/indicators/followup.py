"""Who is due for the 28-day and the 6-month follow-up, who is overdue, and recording answers.

Windows: the 28-day answer may be recorded from the exit date and is due 28 days after it;
the 6-month answer opens two weeks before six months have passed and is due then. An
answer is overdue after a grace period. Which answer counts is the rule of
`core.indicators.eu_indicators` (the last one wins); it is not repeated here.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session, col, select

from core.codes import FollowUpKind
from core.i18n import Labelled
from core.indicators.eu_indicators import latest_answers
from core.io.imports.importer import ImportReport, import_into
from core.io.imports.planner import SheetInput
from core.models import Participant, Project
from core.periods import Window

IMMEDIATE_DAYS = 28
SIX_MONTHS_OPEN_BEFORE = timedelta(days=14)
GRACE = {FollowUpKind.IMMEDIATE: timedelta(days=14), FollowUpKind.SIX_MONTHS: timedelta(days=30)}
EVER = Window(date(1900, 1, 1), date(9999, 12, 31))


class DueState(Labelled, key_prefix="followup.state"):
    UPCOMING = "upcoming"  # the window opens within the horizon
    DUE = "due"  # the window is open
    OVERDUE = "overdue"  # past the due date and the grace period, no answer
    DONE = "done"  # an answer after the exit is recorded


@dataclass(frozen=True)
class FollowUpDue:
    participant_id: int
    code: str
    name: str
    email: str
    exit_date: date
    kind: FollowUpKind
    opens: date
    due: date
    state: DueState
    days_late: int
    last_status: str | None
    last_recorded: date | None


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def window_of(kind: FollowUpKind, exit_date: date) -> tuple[date, date]:
    """When the answer may first be recorded, and when it is due."""
    if kind is FollowUpKind.IMMEDIATE:
        return exit_date, exit_date + timedelta(days=IMMEDIATE_DAYS)
    due = add_months(exit_date, 6)
    return due - SIX_MONTHS_OPEN_BEFORE, due


def state_of(
    kind: FollowUpKind, exit_date: date, today: date, answered_on: date | None
) -> DueState:
    opens, due = window_of(kind, exit_date)
    if answered_on is not None and answered_on >= exit_date:
        return DueState.DONE
    if today < opens:
        return DueState.UPCOMING
    return DueState.OVERDUE if today > due + GRACE[kind] else DueState.DUE


def schedule(
    session: Session, project: Project, today: date, *, horizon_days: int = 30
) -> list[FollowUpDue]:
    """Every follow-up of every participant who has left (or leaves within the horizon)."""
    query = select(Participant).where(
        Participant.project_id == project.id,
        col(Participant.exit_date).is_not(None),
        col(Participant.exit_date) <= today + timedelta(days=horizon_days),
    )
    people = list(session.exec(query.order_by(col(Participant.exit_date))))
    answers = {kind: latest_answers(session, project, kind, EVER) for kind in FollowUpKind}
    result = []
    for person in people:
        assert person.id is not None and person.exit_date is not None
        for kind in FollowUpKind:
            opens, due = window_of(kind, person.exit_date)
            last = answers[kind].get(person.id)
            state = state_of(kind, person.exit_date, today, last[0] if last else None)
            if state is DueState.UPCOMING and opens > today + timedelta(days=horizon_days):
                continue
            result.append(
                FollowUpDue(
                    person.id,
                    person.code,
                    f"{person.first_name} {person.last_name}".strip(),
                    person.email,
                    person.exit_date,
                    kind,
                    opens,
                    due,
                    state,
                    max((today - due).days, 0),
                    last[1] if last else None,
                    last[0] if last else None,
                )
            )
    return result


def record_answers(
    session: Session, project: Project, answers: list[dict[str, Any]]
) -> ImportReport:
    """Record follow-up answers ({participant, kind, recorded_on, status, …}) through the
    same validation and writing as an import; nothing is written if any answer is wrong."""
    rows = [(i, answer) for i, answer in enumerate(answers, start=1)]
    sheet = SheetInput("follow_ups", "follow_ups", rows)
    return import_into(
        [sheet], session=session, project=project, file_name="follow-ups", action="form"
    )
