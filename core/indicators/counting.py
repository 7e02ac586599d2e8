"""What each kind of target counts, day by day (aggregated in SQL where the data is dated).

One function per indicator family; `dated_counts` picks it. Every function returns
(day, count) rows inside the target's window, so progress, pace and the planned line work the
same way for events, commitments, survey answers, activities, badges and members (issue 15).
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from core.codes import EntryStatus, Indicator
from core.models import (
    Activity,
    BadgeAward,
    Commitment,
    Company,
    Event,
    Membership,
    Participant,
    Programme,
    Project,
    ProjectCompany,
    Spearhead,
    Survey,
    SurveyResponse,
    Target,
    TargetGroup,
)

ENTRY_STATUS = {
    Indicator.PARTICIPANTS_IN_EDUCATION: EntryStatus.IN_EDUCATION,
    Indicator.PARTICIPANTS_EMPLOYED: EntryStatus.EMPLOYED,
}


def dated_counts(session: Session, project: Project, target: Target) -> list[tuple[date, int]]:
    """How many `target` counted on each day of its window, sorted by day."""
    indicator = Indicator(target.indicator)
    if indicator is Indicator.COMMITMENTS_DELIVERED:
        rows = _commitments(session, project, target)
    else:
        day, query = _query(project, target, indicator)
        query = query.where(day >= target.period_start, day <= target.period_end).group_by(day)
        rows = [(_as_date(d), int(n)) for d, n in session.exec(query).all()]
    return sorted(rows)


def _query(project: Project, target: Target, indicator: Indicator) -> tuple[Any, Any]:
    if indicator is Indicator.COMPANIES:
        return _companies(project, target)
    if indicator is Indicator.EVENTS:
        day = col(Event.event_date)
        query = select(day, func.count()).where(Event.project_id == project.id)
        if target.work_package_id is not None:
            query = query.where(Event.work_package_id == target.work_package_id)
        if target.event_type is not None:
            query = query.where(Event.event_type == target.event_type)
        return day, query
    if indicator is Indicator.SURVEY_RESPONSES:
        day = col(SurveyResponse.submitted_on)
        query = (
            select(day, func.count())
            .join(Survey, col(Survey.id) == col(SurveyResponse.survey_id))
            .where(Survey.project_id == project.id)
        )
        if target.kind is not None:
            query = query.where(Survey.kind == target.kind)
        return day, query
    if indicator in (Indicator.ACTIVITIES, Indicator.DELIVERABLES_DONE):
        return _activities(project, target, done=indicator is Indicator.DELIVERABLES_DONE)
    if indicator is Indicator.BADGES_ISSUED:
        day = col(BadgeAward.issued_on)
        query = select(day, func.count()).where(BadgeAward.project_id == project.id)
        if target.kind is not None:
            query = query.where(BadgeAward.badge_code == target.kind)
        return day, query
    if indicator is Indicator.MEMBERS:
        # A member counts once, from the day they first joined this membership.
        first = (
            select(
                col(Membership.participant_id),
                func.min(Membership.start_date).label("joined"),
            )
            .where(Membership.project_id == project.id)
            .group_by(col(Membership.participant_id))
        )
        if target.kind is not None:
            first = first.where(Membership.kind == target.kind)
        joined = first.subquery()
        return joined.c.joined, select(joined.c.joined, func.count())
    return _participants(project, target, indicator)


def _participants(project: Project, target: Target, indicator: Indicator) -> tuple[Any, Any]:
    day = col(Participant.entry_date)
    query = select(day, func.count()).where(Participant.project_id == project.id)
    status = ENTRY_STATUS.get(indicator)
    if status is not None:
        query = query.where(Participant.entry_status == status.value)
    for field, value in (target.condition or {}).items():
        if field == "target_group":
            query = query.join(
                TargetGroup, col(TargetGroup.id) == col(Participant.target_group_id)
            ).where(TargetGroup.code == value)
        elif field == "programme":
            query = query.join(Programme, col(Programme.id) == col(Participant.programme_id)).where(
                Programme.code == value
            )
        elif field == "spearhead":
            query = query.join(Spearhead, col(Spearhead.id) == col(Participant.spearhead_id)).where(
                Spearhead.code == value
            )
        elif field in ("entry_status", "gender"):
            query = query.where(getattr(Participant, field) == value)
    return day, query


def _companies(project: Project, target: Target) -> tuple[Any, Any]:
    day = col(ProjectCompany.joined_on)
    query = select(day, func.count()).where(ProjectCompany.project_id == project.id)
    if target.condition:
        query = query.join(Company, col(Company.id) == col(ProjectCompany.company_id))
        for field, value in target.condition.items():
            if field in ("size_class", "municipality", "sector"):
                query = query.where(getattr(Company, field) == value)
    return day, query


def _activities(project: Project, target: Target, *, done: bool) -> tuple[Any, Any]:
    day = col(Activity.done_on) if done else col(Activity.activity_date)
    query = select(day, func.count()).where(Activity.project_id == project.id)
    if done:
        query = query.where(col(Activity.deliverable), col(Activity.done_on).is_not(None))
    if target.work_package_id is not None:
        query = query.where(Activity.work_package_id == target.work_package_id)
    if target.kind is not None:
        query = query.where(Activity.kind == target.kind)
    return day, query


def _commitments(session: Session, project: Project, target: Target) -> list[tuple[date, int]]:
    """Delivered places, talks, scholarships… A commitment's deliveries carry no dates of their
    own: they count from the day it was signed, or else from the start of its year."""
    query = select(Commitment.year, col(Commitment.signed_on), Commitment.delivered).where(
        Commitment.project_id == project.id, Commitment.delivered > 0
    )
    if target.kind is not None:
        query = query.where(Commitment.kind == target.kind)
    counts: Counter[date] = Counter()
    for year, signed_on, delivered in session.exec(query).all():
        day = signed_on or date(year, 1, 1)
        if target.period_start <= day <= target.period_end:
            counts[day] += delivered
    return list(counts.items())


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
