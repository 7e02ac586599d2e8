"""Create surveys and their answer links; take answers through a link (personal: once).

A link's token is shown once when it is made; only its sha256 is stored (as for sign-in
sessions), so the database alone cannot answer anyone's survey.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from core.codes import TermFamily
from core.models import Event, Project, Survey, SurveyLink, SurveyResponse, utcnow
from core.project.terms import codes_of
from core.surveys.questions import (
    SCALE,
    QuestionDef,
    QuestionType,
    SurveyDef,
    SurveyError,
    questions_of,
)

MAX_OPEN_ANSWER = 2000
MAX_LINKS = 2000


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_survey(
    session: Session, project: Project, definition: SurveyDef, *, event_code: str = ""
) -> Survey:
    """Store a survey; its kind is one of the project's survey kinds."""
    kinds = codes_of(session, project, TermFamily.SURVEY_KIND)
    if definition.kind not in kinds:
        raise SurveyError("survey.err.kind", value=definition.kind, known=", ".join(kinds))
    taken = session.exec(
        select(Survey.id).where(Survey.project_id == project.id, Survey.code == definition.code)
    ).first()
    if taken is not None:
        raise SurveyError("survey.err.code_taken", code=definition.code)
    event_id = None
    if event_code:
        event = session.exec(
            select(Event).where(Event.project_id == project.id, Event.code == event_code)
        ).first()
        if event is None:
            raise SurveyError("survey.err.event", code=event_code)
        event_id = event.id
    assert project.id is not None
    survey = Survey(
        project_id=project.id,
        code=definition.code,
        kind=definition.kind,
        title=definition.title,
        title_fi=definition.title_fi,
        questions=[q.model_dump(mode="json") for q in definition.questions],
        event_id=event_id,
    )
    session.add(survey)
    session.flush()
    return survey


def survey_of(session: Session, project: Project, survey_id: int) -> Survey:
    survey = session.get(Survey, survey_id)
    if survey is None or survey.project_id != project.id:
        raise SurveyError("survey.err.no_link")
    return survey


def create_links(
    session: Session,
    survey: Survey,
    *,
    personal: Sequence[str] = (),
    anonymous: bool = False,
) -> list[tuple[str, str]]:
    """New links: one per participant code (answered once) and/or one anonymous link (any
    number of answers). Returns (who, token) pairs; the tokens are not kept."""
    codes = [c.strip() for c in personal if c.strip()]
    if len(codes) + int(anonymous) > MAX_LINKS:
        raise SurveyError("survey.err.too_many_links", limit=MAX_LINKS)
    if not codes and not anonymous:
        raise SurveyError("survey.err.no_links")
    made: list[tuple[str, str]] = []
    for who in [*codes, *([""] if anonymous else [])]:
        token = secrets.token_urlsafe(24)
        assert survey.id is not None
        session.add(
            SurveyLink(
                survey_id=survey.id, token_hash=_hash(token), personal=bool(who),
                participant_code=who,
            )
        )  # fmt: skip
        made.append((who, token))
    session.flush()
    return made


@dataclass(frozen=True)
class OpenLink:
    """What a respondent sees: the survey's title and questions, and whether they answered."""

    link_id: int
    survey_id: int
    title: tuple[str, str]
    questions: list[QuestionDef]
    personal: bool
    answered: bool
    open: bool


def open_link(session: Session, token: str) -> OpenLink | None:
    """The survey behind `token`, or None for any token that is not a link (no more said)."""
    if not token or len(token) > 100:
        return None
    link = session.exec(select(SurveyLink).where(SurveyLink.token_hash == _hash(token))).first()
    survey = session.get(Survey, link.survey_id) if link else None
    if link is None or survey is None or link.id is None or survey.id is None:
        return None
    return OpenLink(
        link.id,
        survey.id,
        (survey.title, survey.title_fi or survey.title),
        questions_of(survey.questions),
        link.personal,
        link.used_at is not None,
        survey.is_open,
    )


def clean_answers(questions: list[QuestionDef], answers: dict[str, Any]) -> dict[str, Any]:
    """The answers as stored: scale "1"…"5" as numbers, choices as codes, open text trimmed.
    Raises SurveyError naming the first question whose answer cannot be taken."""
    clean: dict[str, Any] = {}
    for question in questions:
        value = answers.get(question.code)
        if value in (None, "", []):
            if question.required:
                raise SurveyError("survey.err.required", question=question.text)
            continue
        clean[question.code] = answer_value(question, value)
    return clean


def answer_value(question: QuestionDef, value: Any) -> Any:
    codes = [o.code for o in question.options]
    if question.type is QuestionType.SCALE:
        text = str(value).strip().removesuffix(".0")
        if text not in SCALE:
            raise SurveyError("survey.err.scale", question=question.text, value=str(value)[:40])
        return int(text)
    if question.type is QuestionType.CHOICE:
        if str(value) not in codes:
            raise SurveyError("survey.err.choice", question=question.text, value=str(value)[:40])
        return str(value)
    if question.type is QuestionType.MULTI:
        chosen = value if isinstance(value, list) else [value]
        bad = [str(v) for v in chosen if str(v) not in codes]
        if bad:
            raise SurveyError(
                "survey.err.choice", question=question.text, value=", ".join(bad)[:40]
            )
        return [c for c in codes if c in {str(v) for v in chosen}]
    text = str(value).strip()
    if len(text) > MAX_OPEN_ANSWER:
        raise SurveyError("survey.err.too_long", question=question.text, limit=MAX_OPEN_ANSWER)
    return text


def submit(session: Session, token: str, answers: dict[str, Any], today: date) -> SurveyResponse:
    """Take one set of answers through `token`. A personal link answers once: the link is
    marked used in the same statement that checks it, so two tabs cannot both answer."""
    link = open_link(session, token)
    if link is None:
        raise SurveyError("survey.err.no_link")
    if not link.open:
        raise SurveyError("survey.err.closed")
    clean = clean_answers(link.questions, answers)
    if not clean:
        raise SurveyError("survey.err.empty")
    if link.personal:
        claimed = session.execute(
            update(SurveyLink)
            .where(col(SurveyLink.id) == link.link_id, col(SurveyLink.used_at).is_(None))
            .values(used_at=utcnow())
        )
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            raise SurveyError("survey.err.used")
    row = session.get(SurveyLink, link.link_id)
    survey = session.get(Survey, link.survey_id)
    assert row is not None and survey is not None
    year = clean.get("study_year")
    response = SurveyResponse(
        survey_id=link.survey_id,
        link_id=link.link_id,
        submitted_on=today,
        answers=clean,
        source="link",
        participant_code=row.participant_code,
        company_id=row.company_id,
        event_id=survey.event_id,
        study_year=int(year) if isinstance(year, str) and year.isdigit() else None,
    )
    session.add(response)
    session.flush()
    return response
