"""What the competence pages show, assembled per role (suppressed for steering and SME users)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlmodel import Session, col, or_, select

from core.codes import MentionSource, Role
from core.competence.clusters import CompetenceArea, competence_areas
from core.competence.skill_names import display_name, uris_named
from core.competence.supply import Gap, SkillFacts, gaps, load_facts, supply_table
from core.models import (
    Company,
    CompanyNeed,
    CompetenceProfile,
    Participant,
    Project,
    Report,
    SkillMention,
)
from core.privacy.rules import TOTAL, Rule, rule_for
from core.privacy.shown import COUNT, protect_series, protect_table

TOP_SKILLS = 25
GAP_ROWS = 10


@dataclass(frozen=True)
class GapRow:
    """One skill's demand against supply as a role may see it.

    The counts are published (rounded, small ones hidden) and the gap is worked out from the
    published counts over the published totals, so it gives away nothing the counts do not;
    with either count hidden the gap is hidden too (a gap with a known total would otherwise
    pin the hidden count down).
    """

    label: str
    companies: str  # "10", "0" or "<5"
    students: str
    gap: float | None  # percentage points; None when hidden

    def gap_text(self, marker: str) -> str:
        return marker if self.gap is None else f"{self.gap:.1f}"


@dataclass(frozen=True)
class CompetenceMap:
    """Heat map cells (numbers, with hidden cells as NaN) and their display strings."""

    values: pd.DataFrame  # skills × groups + "total"; NaN where suppressed
    display: pd.DataFrame  # the same as strings ("12", "<5")
    demand: pd.Series  # companies needing each skill (same index); NaN where suppressed
    under: list[GapRow]
    over: list[GapRow]
    areas: list[CompetenceArea]
    rule: Rule  # how this role sees counts of people

    @property
    def suppressed(self) -> bool:
        return self.rule.suppressed

    @property
    def threshold(self) -> int:
        return self.rule.threshold

    def count_text(self, students: int) -> str:
        """A count of students standing alone (a gap row, an area's size)."""
        return self.rule.count_text(students)

    @property
    def demand_text(self) -> pd.Series:
        """The demand column as shown: numbers, or the marker where hidden."""
        return self.demand.map(lambda n: self.rule.marker if pd.isna(n) else str(int(n)))

    def typical(self, area: CompetenceArea) -> list[tuple[str, int]]:
        """The area's typical skills this role may see named (each shown by enough students),
        with their published (rounded) counts."""
        return [(label, self.rule.rounded(n)) for label, n in area.typical if self.rule.may_name(n)]


def _top_skills(facts: SkillFacts, table: pd.DataFrame) -> list[str]:
    demand = facts.demand.groupby("label")["company_id"].nunique()
    supply = facts.supply.groupby("label")["student"].nunique()
    score = demand.reindex(table.index, fill_value=0) * 3 + supply.reindex(
        table.index, fill_value=0
    )
    return list(score.sort_values(ascending=False).head(TOP_SKILLS).index)


def build_map(
    session: Session, project: Project, *, role: Role, by: str, lang: str
) -> CompetenceMap | None:
    """The competence map for `role`; None when nothing has been mapped yet."""
    facts = load_facts(session, project, lang)
    if facts.supply.empty and facts.demand.empty:
        return None
    table = supply_table(facts, by)
    demanded = facts.demand["label"].unique()
    table = table.reindex(table.index.union(pd.Index(demanded)), fill_value=0)
    rows = _top_skills(facts, table)
    table = table.loc[rows] if len(table.columns) else pd.DataFrame(index=rows)
    # The row total is a count of people (one programme each); the column sums are not, so
    # only the total column is shown (its protection is kept by the suppression of the table).
    result = protect_table(role, table) if len(table.columns) else None
    if result is None:
        values = pd.DataFrame({TOTAL: 0.0}, index=rows)
        display = pd.DataFrame({TOTAL: "0"}, index=rows)
    else:
        values = result.values.drop(index=TOTAL)
        display = result.text.drop(index=TOTAL)
    if TOTAL not in values.columns:  # one group: its column is the total
        values[TOTAL] = values.iloc[:, 0]
        display[TOTAL] = display.iloc[:, 0]
    needing = facts.demand.groupby("label")["company_id"].nunique().reindex(rows, fill_value=0)
    demand = (
        protect_series(role, {str(k): int(v) for k, v in needing.items()}, total=False)
        .values[COUNT]
        .reindex(rows)
    )
    rule = rule_for(role)
    ranked = published_gaps(rule, facts)
    under = [g for g, raw in ranked if raw.companies > 0][:GAP_ROWS]
    over = sorted(
        (g for g, raw in ranked if raw.students > 0),
        key=lambda g: (g.gap is None, g.gap if g.gap is not None else 0.0, g.label),
    )[:GAP_ROWS]
    areas = competence_areas(facts)
    return CompetenceMap(values, display, demand, under, over, areas, rule)


def published_gaps(rule: Rule, facts: SkillFacts) -> list[tuple[GapRow, Gap]]:
    """Every skill's gap row as `rule` publishes it (with the raw gap it came from), most
    under-supplied first by the published gap; rows whose gap is hidden come last."""
    companies = facts.demand["company_id"].nunique()
    students = facts.supply["student"].nunique()
    rows = []
    for raw in gaps(facts):
        demand = rule.share(raw.companies, companies)
        supply = rule.share(raw.students, students)
        # A skill nobody shows (or asks for) has a share of 0 whatever the total.
        demand = 0.0 if raw.companies == 0 else demand
        supply = 0.0 if raw.students == 0 else supply
        gap = None if demand is None or supply is None else round(100 * (demand - supply), 1)
        shown = GapRow(
            raw.label, rule.count_text(raw.companies), rule.count_text(raw.students), gap
        )
        rows.append((shown, raw))
    return sorted(rows, key=lambda r: (r[0].gap is None, -(r[0].gap or 0.0), r[0].label))


@dataclass(frozen=True)
class ReportRow:
    """A report as the manager's list shows it (the text is fetched separately)."""

    id: int
    participant: str
    kind: str
    file_name: str
    imported: str
    skills: str


def report_rows(
    session: Session, project: Project, *, role: Role, lang: str = "en"
) -> list[ReportRow]:
    """The imported reports with their top skills; manager only, like the texts."""
    if role is not Role.MANAGER:
        return []
    query = (
        select(Report, Participant)
        .join(Participant, col(Participant.id) == col(Report.participant_id))
        .where(Report.project_id == project.id)
        .order_by(col(Report.imported_at).desc(), col(Report.id).desc())
    )
    rows = list(session.exec(query))
    ids = [r.id for r, _ in rows if r.id is not None]
    labels: dict[int, list[str]] = {}
    if ids:
        mentions = select(SkillMention).where(
            SkillMention.source_kind == MentionSource.REPORT.value,
            col(SkillMention.source_id).in_(ids),
        )
        for m in session.exec(mentions.order_by(col(SkillMention.confidence).desc())):
            labels.setdefault(m.source_id, []).append(display_name(m.uri, m.label, lang))
    return [
        ReportRow(
            report.id or 0,
            participant.code,
            report.kind,
            report.file_name,
            report.imported_at.date().isoformat(),
            ", ".join(labels.get(report.id or 0, [])[:8]),
        )
        for report, participant in rows
    ]


@dataclass(frozen=True)
class Evidence:
    """Where one skill was found: which text, whose, and the words that show it."""

    source: str  # profile / report / need
    owner: str  # profile code, participant code or company name
    evidence: str
    confidence: float


def skill_evidence(
    session: Session, project: Project, *, role: Role, label: str, limit: int = 200
) -> list[Evidence]:
    """The mentions behind one skill's counts; the manager only (the words are the students')."""
    if role is not Role.MANAGER:
        return []
    query = (
        select(SkillMention)
        .where(
            SkillMention.project_id == project.id,
            # The map names skills in the UI's language (issue 16): the label shown may be a
            # Finnish name or a marked English one.
            or_(SkillMention.label == label, col(SkillMention.uri).in_(uris_named(label))),
        )
        .order_by(col(SkillMention.confidence).desc())
        .limit(limit)
    )
    mentions = list(session.exec(query))
    owners: dict[tuple[str, int], str] = {}
    for m in mentions:
        key = (m.source_kind, m.source_id)
        if key in owners:
            continue
        if m.source_kind == MentionSource.PROFILE.value:
            profile = session.get(CompetenceProfile, m.source_id)
            owners[key] = profile.code if profile else "–"
        elif m.source_kind == MentionSource.REPORT.value:
            report = session.get(Report, m.source_id)
            person = session.get(Participant, report.participant_id) if report else None
            owners[key] = person.code if person else "–"
        else:
            need = session.get(CompanyNeed, m.source_id)
            company = session.get(Company, need.company_id) if need else None
            owners[key] = company.name if company else "–"
    return [
        Evidence(m.source_kind, owners[(m.source_kind, m.source_id)], m.evidence, m.confidence)
        for m in mentions
    ]
