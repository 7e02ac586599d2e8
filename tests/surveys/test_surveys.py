"""Surveys (issue 15): built-in and own questions, links answered once, Webropol/Forms imports
that are all or nothing, and results through the disclosure policy."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest
from sqlmodel import Session, func, select

from core.codes import Role
from core.models import Project, SurveyResponse
from core.surveys.answers import create_links, create_survey, open_link, submit
from core.surveys.imports import check_import, import_responses
from core.surveys.questions import SurveyError, builtin_survey, parse_survey, questions_from_rows
from core.surveys.results import experience_by_year, survey_results

TODAY = date(2026, 3, 2)


def _count(session: Session) -> int:
    return int(session.exec(select(func.count()).select_from(SurveyResponse)).one())


def test_a_personal_link_answers_once_an_anonymous_one_many(
    session: Session, project: Project
) -> None:
    survey = create_survey(session, project, builtin_survey("launch_feedback", "LAUNCH-2025"))
    (who, personal), (_, anonymous) = create_links(
        session, survey, personal=["P-1"], anonymous=True
    )
    session.commit()
    assert who == "P-1" and open_link(session, personal) is not None
    assert open_link(session, "not-a-token") is None
    answers = {"attractive": "4", "interest": ["thesis", "mentoring"], "improve": " More talks "}
    response = submit(session, personal, answers, TODAY)
    session.commit()
    assert response.answers == {
        "attractive": 4,
        "interest": ["thesis", "mentoring"],
        "improve": "More talks",
    }
    assert response.participant_code == "P-1"
    with pytest.raises(SurveyError) as used:
        submit(session, personal, {"attractive": "5"}, TODAY)
    assert used.value.key == "survey.err.used"
    session.rollback()
    for _ in range(3):
        submit(session, anonymous, {"usable": 3}, TODAY)
    session.commit()
    assert _count(session) == 4


@pytest.mark.parametrize(
    ("answers", "key"),
    [
        ({"attractive": "7"}, "survey.err.scale"),
        ({"interest": ["space_travel"]}, "survey.err.choice"),
        ({"improve": "x" * 2001}, "survey.err.too_long"),
        ({}, "survey.err.empty"),
    ],
)
def test_a_bad_answer_names_its_question(
    session: Session, project: Project, answers: dict[str, object], key: str
) -> None:
    survey = create_survey(session, project, builtin_survey("launch_feedback", "L"))
    [(_, token)] = create_links(session, survey, personal=["P-9"])
    with pytest.raises(SurveyError) as raised:
        submit(session, token, answers, TODAY)
    assert raised.value.key == key
    session.rollback()
    assert _count(session) == 0


def test_own_questions_in_two_languages_and_a_bad_one_named(
    session: Session, project: Project
) -> None:
    rows = [
        {"code": "useful", "type": "scale", "text": "Useful?", "text_fi": "Hyödyllinen?"},
        {"code": "pick", "type": "choice", "text": "Pick", "options": "a=A/Ä; b=B/Bee"},
        {"code": "", "type": "", "text": ""},  # an empty editor line is skipped
    ]
    definition = parse_survey(
        {"code": "OWN", "kind": "other", "title": "Own", "questions": questions_from_rows(rows)}
    )
    assert definition.questions[1].option_label("a", "fi") == "Ä"
    rows[1]["options"] = "a=A"
    with pytest.raises(SurveyError, match=r"questions\.1: .*at least two options"):
        parse_survey(
            {"code": "X", "kind": "other", "title": "X", "questions": questions_from_rows(rows)}
        )
    with pytest.raises(SurveyError, match="not a survey kind"):
        create_survey(session, project, definition.model_copy(update={"kind": "gossip"}))


def _export(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Vastaukset"
    sheet.append(
        [
            "Vastaaja",
            "Valmistumisaika",
            "Opintovuotesi",
            "How would you rate your student experience overall?",
            "Aiotko jäädä alueelle valmistumisen jälkeen?",
            "Kommentit",
        ]
    )
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_webropol_export_imports_all_or_nothing(session: Session, project: Project) -> None:
    survey = create_survey(session, project, builtin_survey("student_experience", "EXP-2026"))
    session.commit()
    good = [
        [1, date(2026, 2, 1), "First", 4, "Kyllä", "x"],
        [2, date(2026, 2, 2), "Toinen", 5, "no", None],
    ]
    bad = [*good, [3, date(2026, 2, 3), "First", "excellent", "yes", None]]
    checked = check_import(session, survey, _export(bad), "webropol.xlsx", today=TODAY)
    assert not checked.ok
    [problem] = checked.problems
    assert (problem.sheet, problem.row, problem.column) == (
        "Vastaukset",
        4,
        "How would you rate your student experience overall?",
    )
    with pytest.raises(SurveyError):
        import_responses(session, survey, checked)
    assert _count(session) == 0
    checked = check_import(session, survey, _export(good), "webropol.xlsx", today=TODAY)
    assert checked.ok and import_responses(session, survey, checked) == 2
    session.commit()
    stored = session.exec(select(SurveyResponse).order_by(SurveyResponse.id)).all()
    assert [(r.study_year, r.answers["intends_to_stay"]) for r in stored] == [(1, "yes"), (2, "no")]
    assert stored[0].submitted_on == date(2026, 2, 1)


def test_steering_sees_counts_as_the_policy_allows_and_no_open_answers(
    session: Session, project: Project
) -> None:
    survey = create_survey(session, project, builtin_survey("student_experience", "EXP"))
    [(_, token)] = create_links(session, survey, anonymous=True)
    for score in (4, 4, 4, 4, 5, 5, 2):
        submit(
            session,
            token,
            {
                "study_year": "1",
                "experience": score,
                "intends_to_stay": "yes",
                "comments": "Lonely in winter",
            },
            TODAY,
        )
    session.commit()
    assert survey.id is not None
    manager = survey_results(session, survey.id, Role.MANAGER)
    steering = survey_results(session, survey.id, Role.STEERING)
    by_code = {r.question.code: r for r in manager.questions}
    assert by_code["comments"].open_answers == ("Lonely in winter",) * 7
    assert by_code["experience"].mean == "4.0"
    seen = {r.question.code: r for r in steering.questions}
    assert seen["comments"].open_answers == ()
    assert steering.responses == "5"  # 7 rounded to the nearest 5
    counts = seen["experience"].counts
    assert counts is not None
    assert counts.text.loc["2", "count"] == "<5" and counts.text.loc["4", "count"] == "<5"
    means, staying = experience_by_year(session, project, Role.STEERING)
    assert means.text.loc["1", "count"] == "4.0" and staying.text.loc["1", "count"] == "5"


def test_the_new_survey_form_keeps_a_builtin_kind_and_a_typed_title() -> None:
    from core.surveys.questions import survey_from_form

    built = survey_from_form(
        start="sme_recruitment", code="SME-1", kind="other", kinds={"sme_recruitment", "other"},
        title="Recruitment 2026", title_fi="Rekrytointi 2026", rows=[],
    )  # fmt: skip
    assert (built.kind, built.title, built.title_fi) == (
        "sme_recruitment",
        "Recruitment 2026",
        "Rekrytointi 2026",
    )
    assert built.questions  # the built-in questions
    # A project without that kind files it under the kind chosen; an empty title keeps the
    # built-in one.
    other = survey_from_form(
        start="sme_recruitment", code="SME-2", kind="other", kinds={"other"},
        title="", title_fi="", rows=[],
    )  # fmt: skip
    assert other.kind == "other" and other.title
    own = survey_from_form(
        start="", code="OWN-1", kind="other", kinds={"other"}, title="Own", title_fi="Oma",
        rows=[{"code": "q1", "type": "scale", "text": "How?", "text_fi": "Miten?", "options": ""}],
    )  # fmt: skip
    assert [q.code for q in own.questions] == ["q1"]
