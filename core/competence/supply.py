"""Skills supply (students) against demand (company needs), from the stored ESCO mentions.

Every number is a count of distinct students or companies, so each can be traced back to the
mentions that make it (`SkillMention` rows and their evidence).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlmodel import Session, col, select

from core.codes import MentionSource
from core.competence.skill_names import display_name
from core.i18n import Labelled
from core.models import (
    CompanyNeed,
    CompetenceProfile,
    Participant,
    Programme,
    Project,
    Report,
    SkillMention,
    Spearhead,
)


class Grouping(Labelled, key_prefix="competence.map.by"):
    """What the competence map groups students by."""

    PROGRAMME = "programme"
    SPEARHEAD = "spearhead"
    STUDY_YEAR = "study_year"


GROUPINGS = tuple(grouping.value for grouping in Grouping)


@dataclass(frozen=True)
class SkillFacts:
    """Long tables behind the map: who shows which skill, which company needs which."""

    students: pd.DataFrame  # student, programme, spearhead, study_year (one row per student)
    supply: pd.DataFrame  # student, uri, label, mentions
    demand: pd.DataFrame  # company_id, uri, label, needs


def _student_key(participant_id: int | None, profile_id: int | None) -> str:
    # A participant may have a profile and reports: one student. A profile without an entry
    # record is a student of its own.
    return f"p{participant_id}" if participant_id is not None else f"c{profile_id}"


def _names(session: Session, lang: str) -> tuple[dict[int, str], dict[int, str]]:
    """Programme and spearhead names by id, in `lang` when there is a Finnish name."""

    def pick(name: str, name_fi: str) -> str:
        return name_fi if lang == "fi" and name_fi else name

    programmes = {p.id: pick(p.name, p.name_fi) for p in session.exec(select(Programme)) if p.id}
    spearheads = {s.id: pick(s.name, s.name_fi) for s in session.exec(select(Spearhead)) if s.id}
    return programmes, spearheads


def load_facts(session: Session, project: Project, lang: str = "en") -> SkillFacts:
    programmes, spearheads = _names(session, lang)
    students: dict[str, dict[str, object]] = {}
    profile_student: dict[int, str] = {}
    for profile in session.exec(
        select(CompetenceProfile).where(CompetenceProfile.project_id == project.id)
    ):
        assert profile.id is not None
        key = _student_key(profile.participant_id, profile.id)
        profile_student[profile.id] = key
        students[key] = {
            "student": key,
            "programme": programmes.get(profile.programme_id or 0, "–"),
            "spearhead": spearheads.get(profile.spearhead_id or 0, "–"),
            "study_year": str(profile.study_year),
        }
    report_student: dict[int, str] = {}
    query = (
        select(Report, Participant)
        .join(Participant, col(Participant.id) == col(Report.participant_id))
        .where(Report.project_id == project.id)
    )
    for report, participant in session.exec(query):
        assert report.id is not None
        key = _student_key(participant.id, None)
        report_student[report.id] = key
        students.setdefault(
            key,
            {
                "student": key,
                "programme": programmes.get(participant.programme_id or 0, "–"),
                "spearhead": spearheads.get(participant.spearhead_id or 0, "–"),
                "study_year": "–",
            },
        )
    return SkillFacts(
        students=pd.DataFrame(
            list(students.values()), columns=["student", *GROUPINGS], dtype="object"
        ),
        supply=_named(_supply(session, project, profile_student, report_student), lang),
        demand=_named(_demand(session, project), lang),
    )


# issue 16: skills are named in the facts' language (Finnish names from the reviewed file,
# marked English where there is none), so every text built from the facts is in one language.
def _named(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    if frame.empty or lang == "en":
        return frame
    named = frame.copy()
    named["label"] = [
        display_name(uri, label, lang)
        for uri, label in zip(frame["uri"], frame["label"], strict=True)
    ]
    return named


def _supply(
    session: Session, project: Project, profiles: dict[int, str], reports: dict[int, str]
) -> pd.DataFrame:
    rows = []
    query = select(SkillMention).where(
        SkillMention.project_id == project.id,
        col(SkillMention.source_kind).in_(
            [MentionSource.PROFILE.value, MentionSource.REPORT.value]
        ),
    )
    for m in session.exec(query):
        owner = profiles if m.source_kind == MentionSource.PROFILE.value else reports
        if m.source_id in owner:
            rows.append((owner[m.source_id], m.uri, m.label))
    frame = pd.DataFrame(rows, columns=["student", "uri", "label"])
    return (
        frame.groupby(["student", "uri", "label"], as_index=False)
        .size()
        .rename(columns={"size": "mentions"})
    )


def _demand(session: Session, project: Project) -> pd.DataFrame:
    query = (
        select(SkillMention, CompanyNeed)
        .join(CompanyNeed, col(CompanyNeed.id) == col(SkillMention.source_id))
        .where(SkillMention.project_id == project.id)
        .where(SkillMention.source_kind == MentionSource.NEED.value)
    )
    rows = [(need.company_id, m.uri, m.label) for m, need in session.exec(query)]
    frame = pd.DataFrame(rows, columns=["company_id", "uri", "label"])
    return (
        frame.groupby(["company_id", "uri", "label"], as_index=False)
        .size()
        .rename(columns={"size": "needs"})
    )


def supply_table(facts: SkillFacts, by: str) -> pd.DataFrame:
    """Skills (rows, by label) × groups (columns): distinct students showing each skill."""
    if by not in GROUPINGS:
        raise ValueError(f"group by one of {', '.join(GROUPINGS)}")
    joined = facts.supply.merge(facts.students, on="student")
    if joined.empty:
        return pd.DataFrame(dtype="int64")
    table = joined.groupby(["label", by])["student"].nunique().unstack(fill_value=0)
    return table.astype("int64")


@dataclass(frozen=True)
class Gap:
    """One skill's demand and supply, with the shares the ranking uses."""

    uri: str
    label: str
    companies: int  # companies that need it
    students: int  # students who show it
    demand_share: float  # of companies with any need
    supply_share: float  # of students with any skill

    @property
    def gap(self) -> float:
        """Positive: asked for more often than students show it."""
        return self.demand_share - self.supply_share


def gaps(facts: SkillFacts) -> list[Gap]:
    """Every skill that is demanded or supplied, most under-supplied first."""
    companies = max(facts.demand["company_id"].nunique(), 1)
    students = max(facts.supply["student"].nunique(), 1)
    demand = facts.demand.groupby(["uri", "label"])["company_id"].nunique()
    supply = facts.supply.groupby(["uri", "label"])["student"].nunique()
    both = pd.concat([demand.rename("companies"), supply.rename("students")], axis=1).fillna(0)
    found = [
        Gap(
            str(uri),
            str(label),
            int(n_companies),
            int(n_students),
            float(n_companies) / companies,
            float(n_students) / students,
        )
        for uri, label, n_companies, n_students in both.reset_index().itertuples(index=False)
    ]
    return sorted(found, key=lambda g: (-g.gap, -g.companies, g.label))
