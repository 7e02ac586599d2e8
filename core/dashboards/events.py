"""Event numbers: events over time, reach against attendance, repeat visits, the funnel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy import case, distinct, func
from sqlmodel import Session, col, select

from core.codes import CommitmentKind
from core.dashboards.common import by_month, frame, month_key, month_label, rows_of
from core.dashboards.filters import Filters, one_of, within
from core.eu_indicators import EMPLOYED_STATUSES, Window, latest_answers
from core.models import (
    Attendance,
    Attendee,
    Commitment,
    Event,
    Participant,
    Project,
    Spearhead,
    TargetGroup,
    WorkPackage,
)

# Whenever someone left: the funnel follows people, not a reporting window.
EVER = Window(date(1900, 1, 1), date(9999, 12, 31))
PLACES = (CommitmentKind.INTERNSHIP_PLACE.value, CommitmentKind.THESIS_PLACE.value)


@dataclass(frozen=True)
class EventData:
    """Everything the events page and its meeting slides draw, as small frames."""

    events: pd.DataFrame  # month, event_type, work_package, events (months with events)
    reach: pd.DataFrame  # month, attendances, people (every month of the period)
    attendees: pd.DataFrame  # target_group, events_attended, participant (bool), people
    places_delivered: int  # internship and thesis places delivered in the period's years
    place_companies: int  # companies that delivered them
    employed: int  # attendees who are participants with an employed result (last answer)


def events_by_month(session: Session, project: Project, filters: Filters) -> pd.DataFrame:
    """Events held per month, by event type and work package (period and work package apply)."""
    year, month = month_key(Event.event_date)
    query = (
        rows_of(year, month, Event.event_type, WorkPackage.code, func.count())
        .join(WorkPackage, col(WorkPackage.id) == col(Event.work_package_id))
        .where(
            Event.project_id == project.id,
            within(Event.event_date, filters.start, filters.end),
            one_of(WorkPackage.code, filters.work_packages),
        )
        .group_by(year, month, Event.event_type, WorkPackage.code)
    )
    rows = frame(session, query, ["year", "month", "event_type", "work_package", "events"])
    rows["month"] = [month_label(y, m) for y, m in zip(rows.year, rows.month, strict=True)]
    return rows.drop(columns="year")


def _attendance(project: Project, filters: Filters, *columns: Any) -> Any:
    """SELECT `columns` FROM attendance rows the filters keep (one row per person and event)."""
    query = (
        rows_of(*columns)
        .select_from(Attendance)
        .join(Event, col(Event.id) == col(Attendance.event_id))
        .join(Attendee, col(Attendee.id) == col(Attendance.attendee_id))
        .where(
            Event.project_id == project.id,
            within(Event.event_date, filters.start, filters.end),
        )
    )
    if filters.work_packages:
        codes = select(col(WorkPackage.id)).where(
            WorkPackage.project_id == project.id, one_of(WorkPackage.code, filters.work_packages)
        )
        query = query.where(col(Event.work_package_id).in_(codes))
    if filters.target_groups:
        codes = select(col(TargetGroup.id)).where(
            TargetGroup.project_id == project.id, one_of(TargetGroup.code, filters.target_groups)
        )
        query = query.where(col(Attendee.target_group_id).in_(codes))
    if filters.spearheads:
        # Only attendees with an entry record have a spearhead; the others drop out.
        spearheads = select(col(Spearhead.id)).where(
            Spearhead.project_id == project.id, one_of(Spearhead.code, filters.spearheads)
        )
        query = query.join(Participant, col(Participant.id) == col(Attendee.participant_id)).where(
            col(Participant.spearhead_id).in_(spearheads)
        )
    return query


def reach_by_month(
    session: Session, project: Project, filters: Filters, as_of: date
) -> pd.DataFrame:
    """Per month up to `as_of`: attendances (a person at an event) and unique people."""
    year, month = month_key(Event.event_date)
    query = _attendance(
        project,
        filters,
        year,
        month,
        func.count(),
        func.count(distinct(col(Attendance.attendee_id))),
    ).group_by(year, month)
    rows = frame(session, query, ["year", "month", "attendances", "people"])
    return by_month(rows, filters.start, min(filters.end, as_of), ["attendances", "people"])


def attendee_profile(session: Session, project: Project, filters: Filters) -> pd.DataFrame:
    """People by target group, number of events they came to, and whether they are participants.

    One pass over the attendance rows; repeat attendance, reach by target group and the first
    two funnel stages are sums over this small frame.
    """
    per_person = _attendance(
        project,
        filters,
        col(Attendee.id).label("attendee_id"),
        col(Attendee.target_group_id).label("group_id"),
        case((col(Attendee.participant_id).is_(None), 0), else_=1).label("participant"),
        func.count().label("events_attended"),
    ).group_by(Attendee.id, Attendee.target_group_id, Attendee.participant_id)
    person = per_person.subquery()
    query = (
        rows_of(TargetGroup.code, person.c.events_attended, person.c.participant, func.count())
        .join(TargetGroup, col(TargetGroup.id) == person.c.group_id)
        .group_by(TargetGroup.code, person.c.events_attended, person.c.participant)
    )
    rows = frame(session, query, ["target_group", "events_attended", "participant", "people"])
    rows["participant"] = rows["participant"].astype(bool)
    return rows


def places_delivered(session: Session, project: Project, filters: Filters) -> tuple[int, int]:
    """Internship and thesis places partner companies delivered in the years of the period, and
    how many companies delivered them."""
    query = rows_of(
        func.coalesce(func.sum(Commitment.delivered), 0),
        func.count(distinct(col(Commitment.company_id))),
    ).where(
        Commitment.project_id == project.id,
        col(Commitment.year).in_(filters.years),
        col(Commitment.kind).in_(PLACES),
        col(Commitment.delivered) > 0,
    )
    places, companies = session.execute(query).one()
    return int(places), int(companies)


def employed_attendees(session: Session, project: Project, filters: Filters) -> int:
    """Attendees (as filtered) who are participants whose last follow-up says employed.

    The last answer of either window (28 days or 6 months) wins, whenever they left.
    """
    people = _attendance(project, filters, col(Attendee.participant_id)).where(
        col(Attendee.participant_id).is_not(None)
    )
    latest = latest_answers(project, EVER)
    query = select(func.count(distinct(latest.c.participant_id))).where(
        latest.c.status.in_(EMPLOYED_STATUSES), latest.c.participant_id.in_(people)
    )
    return int(session.exec(query).one())


def event_data(session: Session, project: Project, filters: Filters, as_of: date) -> EventData:
    return EventData(
        events_by_month(session, project, filters),
        reach_by_month(session, project, filters, as_of),
        attendee_profile(session, project, filters),
        *places_delivered(session, project, filters),
        employed_attendees(session, project, filters),
    )
