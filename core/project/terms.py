"""A project's own code lists (event types, commitment kinds, survey kinds, badges…) in the
database, and their EN+FI names in the one translation table (issue 15)."""

from __future__ import annotations

import base64
from dataclasses import dataclass

from sqlmodel import Session, col, select

from core.codes import DEFAULT_TERMS, TermFamily, term_key
from core.i18n import define_terms, translate
from core.models import Project, ProjectTerm
from core.project.definition import ProjectDef
from core.project.plan_def import BadgeDef


@dataclass(frozen=True)
class Term:
    family: TermFamily
    code: str
    name: str
    name_fi: str
    description: str = ""
    description_fi: str = ""
    image: str = ""  # base64 PNG


def definition_terms(definition: ProjectDef) -> list[Term]:
    """Every code the definition declares, the built-in lists where it declares none."""
    result: list[Term] = []
    for family, declared in definition.term_lists().items():
        if declared is None:
            result += [_builtin(family, code) for code in DEFAULT_TERMS[family]]
            continue
        for item in declared:
            badge = item if isinstance(item, BadgeDef) else None
            result.append(
                Term(
                    family,
                    item.code,
                    item.name,
                    item.name_fi or item.name,
                    badge.criteria if badge else "",
                    (badge.criteria_fi or badge.criteria) if badge else "",
                    base64.b64encode(badge.image_png).decode() if badge else "",
                )
            )
    return result


def _builtin(family: TermFamily, code: str) -> Term:
    return Term(
        family,
        code,
        translate(term_key(family, code), "en"),
        translate(term_key(family, code), "fi"),
    )


def replace_terms(session: Session, project_id: int, definition: ProjectDef) -> None:
    """Store the definition's codes (nothing refers to these rows, so they are replaced)."""
    for old in session.exec(select(ProjectTerm).where(ProjectTerm.project_id == project_id)):
        session.delete(old)
    session.flush()
    terms = definition_terms(definition)
    for term in terms:
        session.add(
            ProjectTerm(
                project_id=project_id,
                family=term.family.value,
                code=term.code,
                name=term.name,
                name_fi=term.name_fi,
                description=term.description,
                description_fi=term.description_fi,
                image=term.image,
            )
        )
    session.flush()
    _register(terms)


def terms_of(session: Session, project: Project, family: TermFamily) -> list[Term]:
    """The project's codes of `family`, in the definition's order (built-in ones if none
    were stored: a project loaded before definitions declared their own lists)."""
    rows = session.exec(
        select(ProjectTerm)
        .where(ProjectTerm.project_id == project.id, ProjectTerm.family == family.value)
        .order_by(col(ProjectTerm.id))
    ).all()
    if not rows and not _stored_any(session, project):
        return [_builtin(family, code) for code in DEFAULT_TERMS[family]]
    terms = [_term(row) for row in rows]
    _register(terms)
    return terms


def codes_of(session: Session, project: Project, family: TermFamily) -> list[str]:
    return [term.code for term in terms_of(session, project, family)]


def register_project_terms(session: Session, project: Project) -> None:
    """Make the project's own code names known to the translation table (cheap; per run)."""
    rows = session.exec(select(ProjectTerm).where(ProjectTerm.project_id == project.id)).all()
    _register([_term(row) for row in rows])


def _stored_any(session: Session, project: Project) -> bool:
    query = select(ProjectTerm.id).where(ProjectTerm.project_id == project.id).limit(1)
    return session.exec(query).first() is not None


def _term(row: ProjectTerm) -> Term:
    return Term(
        TermFamily(row.family),
        row.code,
        row.name,
        row.name_fi,
        row.description,
        row.description_fi,
        row.image,
    )


def _register(terms: list[Term]) -> None:
    define_terms({term_key(t.family, t.code): (t.name, t.name_fi) for t in terms})
