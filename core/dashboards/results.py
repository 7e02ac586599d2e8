"""Follow-up results: EU 28-day and 6-month results by gender, the qualitative-employment ladder,
retention in the region and intent to stay, by spearhead (the last answer wins, as for the EU)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import and_, case, func, or_
from sqlmodel import Session, col, select

from core.codes import FollowUpKind
from core.dashboards.common import frame, rows_of
from core.dashboards.filters import Filters
from core.i18n import Labelled
from core.indicators.eu_indicators import EMPLOYED_STATUSES, latest_answer_query
from core.models import FollowUp, Participant, Project, Spearhead, TargetGroup
from core.periods import Window

NO_SPEARHEAD = "none"


class Rung(Labelled, key_prefix="dash.ladder"):
    """The ladder's rungs, lowest first: each rung is the highest one a person's last 6-month
    answer reaches, so the rungs partition the people who answered (and a table adds up)."""

    NOT_EMPLOYED = "not_employed"
    EMPLOYED = "employed"
    MATCHES_EDUCATION = "matches_education"
    IN_ICT = "in_ict"
    IN_REGION = "in_region"


class Place(Labelled, key_prefix="dash.retention"):
    """Where a person who left works six months later."""

    IN_REGION = "in_region"
    ELSEWHERE = "elsewhere"
    NOT_STATED = "not_stated"


class Intent(Labelled, key_prefix="dash.intent"):
    """Whether a person intends to stay in the region."""

    STAYS = "stays"
    LEAVES = "leaves"


class Improved(Labelled, key_prefix="dash.improved"):
    """The EU question "improved labour-market situation", as answered."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


LADDER = tuple(rung.value for rung in Rung)
RETENTION = tuple(place.value for place in Place)
INTENT = tuple(intent.value for intent in Intent)
IMPROVED = tuple(answer.value for answer in Improved)


@dataclass(frozen=True)
class ResultData:
    """Everything the follow-up page and its meeting slides draw, as small frames."""

    immediate: pd.DataFrame  # status, gender, people (last 28-day answer)
    six_months: pd.DataFrame  # status, gender, people (last 6-month answer)
    improved: pd.DataFrame  # answer (yes / no / unknown), gender, people
    ladder: pd.DataFrame  # rung, spearhead, people
    retention: pd.DataFrame  # place, spearhead, people (employed at 6 months)
    intent: pd.DataFrame  # answer, spearhead, people, score_sum, scored


def participant_conditions(project: Project, filters: Filters) -> tuple[Any, ...]:
    """Conditions on Participant for the spearhead and target-group filters."""
    where: list[Any] = []
    if filters.spearheads:
        codes = select(col(Spearhead.id)).where(
            Spearhead.project_id == project.id, col(Spearhead.code).in_(filters.spearheads)
        )
        where.append(col(Participant.spearhead_id).in_(codes))
    if filters.target_groups:
        codes = select(col(TargetGroup.id)).where(
            TargetGroup.project_id == project.id, col(TargetGroup.code).in_(filters.target_groups)
        )
        where.append(col(Participant.target_group_id).in_(codes))
    return tuple(where)


def _latest(project: Project, filters: Filters, kind: FollowUpKind | None, *extra: Any) -> Any:
    window = Window(filters.start, filters.end)
    return latest_answer_query(
        project, window, kind=kind, where=(*participant_conditions(project, filters), *extra)
    )


def by_status(session: Session, project: Project, filters: Filters, kind: FollowUpKind) -> Any:
    """People who left in the period, by the status of their last answer of `kind` and gender."""
    last = _latest(project, filters, kind)
    query = rows_of(last.c.status, last.c.gender, func.count()).group_by(
        last.c.status, last.c.gender
    )
    return frame(session, query, ["status", "gender", "people"])


def improved_situation(session: Session, project: Project, filters: Filters) -> pd.DataFrame:
    """Last 6-month answers: improved labour-market situation (EU), by gender."""
    last = _latest(project, filters, FollowUpKind.SIX_MONTHS)
    flags = (last.c.precarious_to_stable, last.c.underemployed_to_full, last.c.more_skilled_job)
    answer = case(
        (or_(*[f.is_(True) for f in flags]), "yes"),
        (and_(*[f.is_(False) for f in flags]), "no"),
        else_="unknown",
    )
    query = rows_of(answer, last.c.gender, func.count()).group_by(answer, last.c.gender)
    return frame(session, query, ["answer", "gender", "people"])


def _spearhead_code() -> Any:
    return func.coalesce(Spearhead.code, NO_SPEARHEAD)


def ladder(session: Session, project: Project, filters: Filters) -> pd.DataFrame:
    """Last 6-month answers by the highest rung reached, by spearhead."""
    last = _latest(project, filters, FollowUpKind.SIX_MONTHS)
    employed = last.c.status.in_(EMPLOYED_STATUSES)
    matches = and_(employed, last.c.job_matches_education.is_(True))
    ict = and_(matches, last.c.job_in_ict.is_(True))
    rung = case(
        (and_(ict, last.c.job_in_region.is_(True)), LADDER[4]),
        (ict, LADDER[3]),
        (matches, LADDER[2]),
        (employed, LADDER[1]),
        else_=LADDER[0],
    )
    return _by_spearhead(session, last, rung, ["rung", "spearhead", "people"])


def retention(session: Session, project: Project, filters: Filters) -> pd.DataFrame:
    """People employed at 6 months (last answer): job in the region or elsewhere, by spearhead."""
    last = _latest(project, filters, FollowUpKind.SIX_MONTHS)
    place = case(
        (last.c.job_in_region.is_(True), RETENTION[0]),
        (last.c.job_in_region.is_(False), RETENTION[1]),
        else_=RETENTION[2],
    )
    where = last.c.status.in_(EMPLOYED_STATUSES)
    return _by_spearhead(session, last, place, ["place", "spearhead", "people"], where)


def intent_to_stay(session: Session, project: Project, filters: Filters) -> pd.DataFrame:
    """Student-experience answers: the last stated intent to stay (either window), by spearhead,
    with the sum and number of experience scores (1–5) given in those same answers."""

    last = _latest(project, filters, None, col(FollowUp.intends_to_stay).is_not(None))
    answer = case((last.c.intends_to_stay.is_(True), INTENT[0]), else_=INTENT[1])
    spearhead = _spearhead_code()
    query = (
        rows_of(
            answer,
            spearhead,
            func.count(),
            func.coalesce(func.sum(last.c.experience_score), 0),
            func.count(last.c.experience_score),
        )
        .select_from(last)
        .outerjoin(Spearhead, col(Spearhead.id) == last.c.spearhead_id)
        .group_by(answer, spearhead)
    )
    return frame(session, query, ["answer", "spearhead", "people", "score_sum", "scored"])


def _by_spearhead(
    session: Session, last: Any, label: Any, columns: list[str], *where: Any
) -> pd.DataFrame:
    spearhead = _spearhead_code()
    query = (
        rows_of(label, spearhead, func.count())
        .select_from(last)
        .outerjoin(Spearhead, col(Spearhead.id) == last.c.spearhead_id)
        .where(*where)
        .group_by(label, spearhead)
    )
    return frame(session, query, columns)


def result_data(session: Session, project: Project, filters: Filters) -> ResultData:
    return ResultData(
        by_status(session, project, filters, FollowUpKind.IMMEDIATE),
        by_status(session, project, filters, FollowUpKind.SIX_MONTHS),
        improved_situation(session, project, filters),
        ladder(session, project, filters),
        retention(session, project, filters),
        intent_to_stay(session, project, filters),
    )
