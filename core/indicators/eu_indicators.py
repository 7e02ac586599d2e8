"""EU common indicators (ESF+ Regulation 2021/1057, Annex I) from participant records, by gender."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy import and_, func, literal, or_, union_all
from sqlalchemy import select as sql_select
from sqlmodel import Session, col, select

from core.codes import AgeBand, EntryStatus, FollowUpKind, FollowUpStatus, Gender, Isced
from core.i18n import Labelled, label_key
from core.models import SENSITIVE_FLAGS, Company, FollowUp, Participant, Project, ProjectCompany
from core.periods import Window

GENDERS = [g.value for g in Gender]
COLUMNS = ["section", "indicator", *GENDERS, "total"]

EMPLOYED_STATUSES = (FollowUpStatus.EMPLOYED.value, FollowUpStatus.SELF_EMPLOYED.value)


def _rows(session: Session, query: Any) -> dict[tuple[str, str], int]:
    return {(str(key), str(gender)): int(n) for key, gender, n in session.exec(query).all()}


def _entries(project: Project, window: Window) -> Any:
    return and_(
        col(Participant.project_id) == project.id,
        col(Participant.entry_date) >= window.start,
        col(Participant.entry_date) <= window.end,
    )


def output_counts(session: Session, project: Project, window: Window) -> dict[tuple[str, str], int]:
    """(indicator, gender) → participants who entered in the window, in one SQL round trip."""
    where = _entries(project, window)
    gender = col(Participant.gender)
    parts = [
        select(literal("participants"), gender, func.count()).where(where).group_by(gender),
        select(literal("status:") + col(Participant.entry_status), gender, func.count())
        .where(where)
        .group_by(col(Participant.entry_status), gender),
        select(literal("age:") + col(Participant.age_band), gender, func.count())
        .where(where)
        .group_by(col(Participant.age_band), gender),
        select(literal("isced:") + col(Participant.isced), gender, func.count())
        .where(where)
        .group_by(col(Participant.isced), gender),
    ]
    for flag in SENSITIVE_FLAGS:
        column = getattr(Participant, flag)
        parts.append(
            select(literal(f"flag:{flag}"), gender, func.count())
            .where(where, column.is_(True))
            .group_by(gender)
        )
    return _rows(session, union_all(*parts))


def latest_answer_query(
    project: Project,
    window: Window,
    *,
    kind: FollowUpKind | None = None,
    where: tuple[Any, ...] = (),
) -> Any:
    """Each participant's last answer: the one implementation of "the last answer wins".

    Among the follow-ups of `kind` (any kind when None) that meet `where`, of participants who
    left in `window`, the latest `recorded_on` wins, then the latest id. The subquery has the
    follow-up's columns and the participant's gender, spearhead_id and target_group_id.
    """
    rank = func.row_number().over(
        partition_by=col(FollowUp.participant_id),
        order_by=(col(FollowUp.recorded_on).desc(), col(FollowUp.id).desc()),
    )
    conditions = [
        Participant.project_id == project.id,
        col(Participant.exit_date) >= window.start,
        col(Participant.exit_date) <= window.end,
        *where,
    ]
    if kind is not None:
        conditions.append(FollowUp.kind == kind.value)
    ranked = (
        sql_select(
            FollowUp,
            col(Participant.gender),
            col(Participant.spearhead_id),
            col(Participant.target_group_id),
            rank.label("rank"),
        )
        .join(Participant, col(Participant.id) == col(FollowUp.participant_id))
        .where(*conditions)
        .subquery()
    )
    return sql_select(ranked).where(ranked.c.rank == 1).subquery()


def latest_answers(
    session: Session, project: Project, kind: FollowUpKind, exits: Window
) -> dict[int, tuple[date, str]]:
    """Participant id → (recorded on, status) of the answer that counts: the last one."""
    latest = latest_answer_query(project, exits, kind=kind)
    query = select(latest.c.participant_id, latest.c.recorded_on, latest.c.status)
    return {int(pid): (day, str(status)) for pid, day, status in session.exec(query)}


def result_counts(session: Session, project: Project, window: Window) -> dict[tuple[str, str], int]:
    """(indicator, gender) → immediate and longer-term results of those who left in the window."""
    counts: dict[tuple[str, str], int] = {}
    latest = latest_answer_query(project, window, kind=FollowUpKind.IMMEDIATE)
    status = func.coalesce(latest.c.status, "")
    query = select(literal("immediate:") + status, latest.c.gender, func.count()).group_by(
        status, latest.c.gender
    )
    counts.update(_rows(session, query))

    last = latest_answer_query(project, window, kind=FollowUpKind.SIX_MONTHS)
    employed = last.c.status.in_(EMPLOYED_STATUSES)
    improved = or_(
        last.c.precarious_to_stable.is_(True),
        last.c.underemployed_to_full.is_(True),
        last.c.more_skilled_job.is_(True),
    )
    checks = {
        "six_months:employed": employed,
        "six_months:improved": improved,
        "six_months:matches_education": and_(employed, last.c.job_matches_education.is_(True)),
        "six_months:in_ict": and_(employed, last.c.job_in_ict.is_(True)),
        "six_months:in_region": and_(employed, last.c.job_in_region.is_(True)),
    }
    for name, condition in checks.items():
        query = (
            select(literal(name), last.c.gender, func.count())
            .where(condition)
            .group_by(last.c.gender)
        )
        counts.update(_rows(session, query))
    return counts


def supported_companies(session: Session, project: Project, window: Window) -> dict[str, int]:
    """Supported enterprises by size class, each counted once, when it joined in the window."""
    query = (
        select(Company.size_class, func.count())
        .join(ProjectCompany, col(ProjectCompany.company_id) == col(Company.id))
        .where(
            ProjectCompany.project_id == project.id,
            col(ProjectCompany.joined_on) >= window.start,
            col(ProjectCompany.joined_on) <= window.end,
        )
        .group_by(Company.size_class)
    )
    return {str(size): int(n) for size, n in session.exec(query).all()}


# (section, indicator label key, count key) in reporting order.
class EuSection(Labelled, key_prefix="eu.section"):
    OUTPUTS = "outputs"
    IMMEDIATE = "immediate"
    SIX_MONTHS = "six_months"


class EuIndicator(Labelled, key_prefix="eu"):
    """The ESF+ common indicators Silta reports (rows of the EU table and the EURA export)."""

    PARTICIPANTS = "participants"
    UNEMPLOYED = "unemployed"
    INACTIVE = "inactive"
    IN_EDUCATION = "in_education"
    EMPLOYED = "employed"
    AGE_UNDER_18 = "age_under_18"
    AGE_18_29 = "age_18_29"
    AGE_55_PLUS = "age_55_plus"
    ISCED_0_2 = "isced_0_2"
    ISCED_3_4 = "isced_3_4"
    ISCED_5_8 = "isced_5_8"
    THIRD_COUNTRY_NATIONAL = "third_country_national"
    FOREIGN_BACKGROUND = "foreign_background"
    DISABILITY = "disability"
    MINORITY = "minority"
    HOMELESS = "homeless"
    RURAL = "rural"
    JOB_SEARCHING = "job_searching"
    IN_EDUCATION_TRAINING = "in_education_training"
    GAINED_QUALIFICATION = "gained_qualification"
    IN_EMPLOYMENT = "in_employment"
    IMPROVED_SITUATION = "improved_situation"
    JOB_MATCHES_EDUCATION = "job_matches_education"
    JOB_IN_ICT = "job_in_ict"
    JOB_IN_REGION = "job_in_region"


# (section, indicator, count key): every indicator is an EuIndicator (its label), every
# sensitive flag one of them (EuIndicator(flag) fails at import otherwise).
LAYOUT: list[tuple[str, str, str]] = [
    ("outputs", "participants", "participants"),
    ("outputs", "unemployed", f"status:{EntryStatus.UNEMPLOYED.value}"),
    ("outputs", "inactive", "inactive"),
    ("outputs", "in_education", f"status:{EntryStatus.IN_EDUCATION.value}"),
    ("outputs", "employed", f"status:{EntryStatus.EMPLOYED.value}"),
    ("outputs", "age_under_18", f"age:{AgeBand.UNDER_18.value}"),
    ("outputs", "age_18_29", f"age:{AgeBand.AGE_18_29.value}"),
    ("outputs", "age_55_plus", f"age:{AgeBand.AGE_55_PLUS.value}"),
    ("outputs", "isced_0_2", f"isced:{Isced.ISCED_0_2.value}"),
    ("outputs", "isced_3_4", f"isced:{Isced.ISCED_3_4.value}"),
    ("outputs", "isced_5_8", f"isced:{Isced.ISCED_5_8.value}"),
    *[("outputs", EuIndicator(flag).value, f"flag:{flag}") for flag in SENSITIVE_FLAGS],
    ("immediate", "job_searching", f"immediate:{FollowUpStatus.JOB_SEARCHING.value}"),
    ("immediate", "in_education_training", f"immediate:{FollowUpStatus.IN_EDUCATION.value}"),
    ("immediate", "gained_qualification", f"immediate:{FollowUpStatus.QUALIFICATION.value}"),
    ("immediate", "in_employment", "immediate:employment"),
    ("six_months", "in_employment", "six_months:employed"),
    ("six_months", "improved_situation", "six_months:improved"),
    ("six_months", "job_matches_education", "six_months:matches_education"),
    ("six_months", "job_in_ict", "six_months:in_ict"),
    ("six_months", "job_in_region", "six_months:in_region"),
]


def common_indicators(session: Session, project: Project, window: Window) -> pd.DataFrame:
    """One row per indicator with counts for women, men, non-binary and the total."""
    counts = output_counts(session, project, window) | result_counts(session, project, window)
    for gender in GENDERS:
        # Inactive includes those in education (a full-time student is inactive in EU terms).
        counts[("inactive", gender)] = counts.get(
            (f"status:{EntryStatus.INACTIVE.value}", gender), 0
        ) + counts.get((f"status:{EntryStatus.IN_EDUCATION.value}", gender), 0)
        counts[("immediate:employment", gender)] = sum(
            counts.get((f"immediate:{s}", gender), 0) for s in EMPLOYED_STATUSES
        )
    rows = []
    for section, label, key in LAYOUT:
        by_gender = [counts.get((key, g), 0) for g in GENDERS]
        rows.append([section, label, *by_gender, sum(by_gender)])
    return pd.DataFrame(rows, columns=COLUMNS)


def labelled_indicators(table: pd.DataFrame, t: Callable[[str], str]) -> pd.DataFrame:
    """The indicator table with section, indicator and column names in the UI language."""
    shown = table.copy()
    shown["section"] = [t(label_key(EuSection(s))) for s in shown["section"]]
    shown["indicator"] = [t(label_key(EuIndicator(i))) for i in shown["indicator"]]
    names = {"section": "", "indicator": t("eu.indicator"), "total": t("gender.total")}
    names.update({g: t(label_key(Gender(g))) for g in GENDERS})
    return shown.rename(columns=names)
