"""Programme competence descriptions: templates filled from measured counts, EN and FI.

Nothing is claimed that the data does not show: every sentence carries its counts, and a
skill shown by fewer students than the suppression threshold is left out (the text is meant
for companies and prospective students).
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from sqlmodel import Session, select

from core.competence.skill_names import is_foreign_name
from core.competence.supply import SkillFacts, load_facts
from core.i18n import translate
from core.models import Programme, Project
from core.privacy.rules import rule_for

TOP_SKILLS = 10
TOP_PAIRS = 5


@dataclass(frozen=True)
class SkillCount:
    label: str
    students: int
    mentions: int  # pieces of evidence (one per text a skill was found in)


@dataclass(frozen=True)
class MetNeed:
    label: str
    companies: int
    students: int


@dataclass(frozen=True)
class ProgrammeDescription:
    programme: str
    lang: str
    students: int  # students of the programme with at least one mapped skill
    top: tuple[SkillCount, ...]
    pairs: tuple[tuple[str, str, int], ...]
    met_needs: tuple[MetNeed, ...]
    threshold: int


def describe_programme(facts: SkillFacts, programme: str, lang: str = "en") -> ProgrammeDescription:
    """Measure one programme (its name as in `facts.students`)."""
    rule = rule_for(None)  # the text is published outside the project
    members = set(facts.students.loc[facts.students["programme"] == programme, "student"])
    supply = facts.supply[facts.supply["student"].isin(members)]
    students = supply["student"].nunique()
    per_skill = supply.groupby("label").agg(
        students=("student", "nunique"), mentions=("mentions", "sum")
    )
    named = per_skill["students"].map(rule.may_name).astype(bool)
    per_skill = per_skill[named].sort_values(["students", "mentions"], ascending=False)
    top = tuple(
        SkillCount(str(label), int(row.students), int(row.mentions))
        for label, row in per_skill.head(TOP_SKILLS).iterrows()
    )
    shown = {s.label for s in top}
    pair_counts: Counter[tuple[str, str]] = Counter()
    for _, skills in supply[supply["label"].isin(shown)].groupby("student")["label"]:
        pair_counts.update(combinations(sorted(set(skills)), 2))
    top_pairs = pair_counts.most_common(TOP_PAIRS)
    pairs = tuple((a, b, n) for (a, b), n in top_pairs if rule.may_name(n))
    demand = facts.demand.groupby("label")["company_id"].nunique()
    met = tuple(
        MetNeed(label, int(demand[label]), s.students)
        for s in top
        for label in [s.label]
        if label in demand.index
    )
    return ProgrammeDescription(
        programme,
        lang,
        int(students),
        top,
        pairs,
        tuple(sorted(met, key=lambda m: -m.companies)),
        rule.threshold,
    )


def _name(programme: Programme, lang: str) -> str:
    return programme.name_fi if lang == "fi" and programme.name_fi else programme.name


def programme_names(*, session: Session, project: Project, lang: str) -> dict[str, str]:
    """The project's programmes: code → name in `lang` (English when there is no Finnish)."""
    found = session.exec(select(Programme).where(Programme.project_id == project.id))
    return {p.code: _name(p, lang) for p in found}


def programme_description(
    *, session: Session, project: Project, code: str, lang: str
) -> ProgrammeDescription | None:
    """The measured description of the project's programme `code`, or None when none has it."""
    programme = session.exec(
        select(Programme).where(Programme.project_id == project.id, Programme.code == code)
    ).first()
    if programme is None:
        return None
    return describe_programme(load_facts(session, project, lang), _name(programme, lang), lang)


def _t(key: str, lang: str, **values: object) -> str:
    return translate(key, lang, **values)


def _pair(a: str, b: str, students: int, lang: str) -> str:
    """A pair as a sentence, or, when either name is marked English in a Finnish text, as a
    plain list line: an English name never sits inside a Finnish sentence (issue 16)."""
    if is_foreign_name(a) or is_foreign_name(b):
        return _t("competence.desc.pair_plain", lang, a=a, b=b, students=students)
    return _t("competence.desc.pair", lang, a=a, b=b, students=students)


def to_markdown(d: ProgrammeDescription) -> str:
    """The description as Markdown; every claim shows the counts it rests on."""
    lang = d.lang
    lines = [f"# {d.programme}", "", _t("competence.desc.intro", lang, students=d.students), ""]
    if not d.top:
        lines.append(_t("competence.desc.too_few", lang, threshold=d.threshold))
        return "\n".join(lines) + "\n"
    lines += [f"## {_t('competence.desc.top', lang)}", ""]
    lines += [
        "- "
        + _t("competence.desc.skill", lang, skill=s.label, students=s.students, mentions=s.mentions)
        for s in d.top
    ]
    if d.pairs:
        lines += ["", f"## {_t('competence.desc.pairs', lang)}", ""]
        lines += ["- " + _pair(a, b, n, lang) for a, b, n in d.pairs]
    lines += ["", f"## {_t('competence.desc.needs', lang)}", ""]
    if d.met_needs:
        lines += [
            "- "
            + _t(
                "competence.desc.need",
                lang,
                skill=m.label,
                companies=m.companies,
                students=m.students,
            )
            for m in d.met_needs
        ]
    else:
        lines.append(_t("competence.desc.no_needs", lang))
    lines += ["", "_" + _t("competence.desc.method", lang, threshold=d.threshold) + "_"]
    return "\n".join(lines) + "\n"


def to_docx(d: ProgrammeDescription) -> bytes:
    """The same description as a Word document."""
    from docx import Document

    document = Document()
    for line in to_markdown(d).splitlines():
        if line.startswith("# "):
            document.add_heading(line[2:], level=1)
        elif line.startswith("## "):
            document.add_heading(line[3:], level=2)
        elif line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        elif line.startswith("_") and line.endswith("_"):
            document.add_paragraph().add_run(line.strip("_")).italic = True
        elif line:
            document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
