"""Participants against the project's targets: entries per month, the planned line, and who
entered by labour-market status and gender."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import func
from sqlmodel import Session

from core.codes import Indicator
from core.dashboards.common import count_by_month, frame, rows_of
from core.dashboards.filters import Filters, within
from core.dashboards.results import participant_conditions
from core.indicators.kpi import headline_target, milestones_of, planned_series
from core.models import Participant, Project


@dataclass(frozen=True)
class ProgressData:
    entries: pd.DataFrame  # month, participants (entered that month), up to today
    target: int | None  # the participants target (610), when the project has one
    planned: dict[str, float]  # month → the planned cumulative count at its end
    by_status: pd.DataFrame  # status, gender, people (entered in the period)


def entries_by_month(
    session: Session, project: Project, filters: Filters, as_of: date
) -> pd.DataFrame:
    """Participants whose entry date falls in each month of the period (up to `as_of`)."""
    conditions = [
        Participant.project_id == project.id,
        within(Participant.entry_date, filters.start, filters.end),
        *participant_conditions(project, filters),
    ]
    end = min(filters.end, as_of)
    return count_by_month(
        session, Participant.entry_date, conditions, filters.start, end, "participants"
    )


def entries_by_status(session: Session, project: Project, filters: Filters) -> pd.DataFrame:
    """Participants who entered in the period, by labour-market status at entry and gender."""
    query = (
        rows_of(Participant.entry_status, Participant.gender, func.count())
        .where(
            Participant.project_id == project.id,
            within(Participant.entry_date, filters.start, filters.end),
            *participant_conditions(project, filters),
        )
        .group_by(Participant.entry_status, Participant.gender)
    )
    return frame(session, query, ["status", "gender", "people"])


def progress_data(
    session: Session, project: Project, filters: Filters, as_of: date
) -> ProgressData:
    target = headline_target(session, project, Indicator.PARTICIPANTS)
    planned: dict[str, float] = {}
    if target is not None:
        line = planned_series(
            target.value, target.period_start, target.period_end, milestones_of(session, target)
        )
        planned = {f"{day.year:04d}-{day.month:02d}": value for day, value in line}
    return ProgressData(
        entries_by_month(session, project, filters, as_of),
        None if target is None else target.value,
        planned,
        entries_by_status(session, project, filters),
    )
