"""Survey results as a role may see them: per question counts and means through the one
disclosure policy, response rates, open answers for the manager only; and the T3.1 student
experience and intent to stay by year of study."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import func
from sqlmodel import Session, col, select

from core.codes import Role
from core.models import Project, Survey, SurveyLink, SurveyResponse
from core.privacy.rules import rule_for
from core.privacy.shown import Shown, protect_means, protect_series
from core.surveys.questions import SCALE, QuestionDef, QuestionType, questions_of

STUDENT_EXPERIENCE = "student_experience"


@dataclass(frozen=True)
class QuestionResult:
    question: QuestionDef
    answered: str  # how many answered it, as published
    counts: Shown | None  # per option (or scale point); None for open questions
    mean: str  # a scale question's mean ("3.8"), or the marker when too few answered
    open_answers: tuple[str, ...] = ()  # the manager only


@dataclass(frozen=True)
class SurveyResults:
    survey_id: int
    title: tuple[str, str]
    kind: str
    responses: str  # as published
    links_sent: str
    links_answered: str
    rate: float | None  # answered / sent personal links, from the published counts
    questions: list[QuestionResult]


def _answers(session: Session, survey_id: int) -> list[dict[str, object]]:
    query = select(SurveyResponse.answers).where(SurveyResponse.survey_id == survey_id)
    return [dict(a or {}) for a in session.exec(query)]


def survey_results(session: Session, survey_id: int, role: Role) -> SurveyResults:
    survey = session.get(Survey, survey_id)
    assert survey is not None and survey.id is not None
    rule = rule_for(role)
    answers = _answers(session, survey_id)
    sent, answered = _links(session, survey_id)
    shown_sent, shown_answered = rule.shown(sent), rule.shown(answered)
    rate = (
        None
        if not shown_sent or shown_answered is None
        else round(100.0 * shown_answered / shown_sent, 1)
    )
    results = [_question(q, answers, role) for q in questions_of(survey.questions)]
    return SurveyResults(
        survey.id,
        (survey.title, survey.title_fi or survey.title),
        survey.kind,
        rule.count_text(len(answers)),
        rule.count_text(sent),
        rule.count_text(answered),
        rate,
        results,
    )


def _links(session: Session, survey_id: int) -> tuple[int, int]:
    row = session.exec(
        select(func.count(), func.count(col(SurveyLink.used_at))).where(
            SurveyLink.survey_id == survey_id, col(SurveyLink.personal)
        )
    ).one()
    return int(row[0]), int(row[1])


def _question(
    question: QuestionDef, answers: list[dict[str, object]], role: Role
) -> QuestionResult:
    rule = rule_for(role)
    given = [a[question.code] for a in answers if question.code in a]
    if question.type is QuestionType.OPEN:
        texts = tuple(str(v) for v in given if str(v).strip())
        return QuestionResult(
            question, rule.count_text(len(texts)), None, "", texts if not rule.suppressed else ()
        )
    counts: Counter[str] = Counter()
    for value in given:
        for one in value if isinstance(value, list) else [value]:
            counts[str(one)] += 1
    keys = (
        list(SCALE) if question.type is QuestionType.SCALE else [o.code for o in question.options]
    )
    multi = question.type is QuestionType.MULTI
    shown = protect_series(role, {k: counts.get(k, 0) for k in keys}, total=not multi)
    mean = ""
    if question.type is QuestionType.SCALE:
        scores = [int(v) for v in given if isinstance(v, int | str) and str(v) in SCALE]
        means = protect_means(
            role, pd.Series({"all": sum(scores)}), pd.Series({"all": len(scores)}), beside=shown
        )
        mean = str(means.text.iloc[0, 0])
    return QuestionResult(question, rule.count_text(len(given)), shown, mean)


def survey_table(session: Session, project: Project, role: Role) -> pd.DataFrame:
    """Every survey with its responses as `role` may see them."""
    rule = rule_for(role)
    rows = []
    for survey in session.exec(
        select(Survey).where(Survey.project_id == project.id).order_by(col(Survey.id))
    ):
        assert survey.id is not None
        count = session.exec(
            select(func.count()).where(SurveyResponse.survey_id == survey.id)
        ).one()
        sent, answered = _links(session, survey.id)
        rows.append(
            {
                "id": survey.id,
                "code": survey.code,
                "kind": survey.kind,
                "title": survey.title,
                "title_fi": survey.title_fi or survey.title,
                "responses": rule.count_text(int(count)),
                "links": rule.count_text(sent),
                "answered": rule.count_text(answered),
            }
        )
    columns = ["id", "code", "kind", "title", "title_fi", "responses", "links", "answered"]
    return pd.DataFrame(rows, columns=columns)


def experience_by_year(session: Session, project: Project, role: Role) -> tuple[Shown, Shown]:
    """T3.1: the mean overall experience (1–5) and how many intend to stay in the region, by
    year of study, from every student-experience survey; both as `role` may see them."""
    query = (
        select(SurveyResponse.study_year, SurveyResponse.answers)
        .join(Survey, col(Survey.id) == col(SurveyResponse.survey_id))
        .where(Survey.project_id == project.id, Survey.kind == STUDENT_EXPERIENCE)
    )
    sums: Counter[str] = Counter()
    people: Counter[str] = Counter()
    staying: Counter[str] = Counter()
    years = ["1", "2", "3", "4"]
    for year, answers in session.exec(query):
        key = str(min(year, 4)) if year else ""
        if key not in years:
            continue
        score = (answers or {}).get("experience")
        if isinstance(score, int):
            sums[key] += score
            people[key] += 1
        if (answers or {}).get("intends_to_stay") == "yes":
            staying[key] += 1
    means = protect_means(
        role,
        pd.Series({y: sums[y] for y in years}, dtype="float64"),
        pd.Series({y: people[y] for y in years}, dtype="int64"),
    )
    stay = protect_series(role, {y: staying[y] for y in years}, total=False)
    return means, stay
