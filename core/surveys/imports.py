"""Import a Webropol or Microsoft Forms Excel (or CSV) export as survey responses.

The export has one row per respondent and one column per question, headed by the question's
text (English or Finnish) or its code; a multi-choice cell lists options separated by ";".
The file goes through the one reader of `core.io.imports` (zip bombs, formulas, hidden sheets
refused), every cell is checked, and a problem names sheet, row and column: all or nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session

from core.io.imports.parse import is_empty, normalise_code, to_date, to_text
from core.io.imports.problems import CellError, Problem, Severity
from core.io.imports.reader import read_book
from core.models import Survey, SurveyResponse
from core.surveys.answers import answer_value
from core.surveys.questions import QuestionDef, QuestionType, SurveyError, questions_of

SHEET_KIND = "survey"
# Columns the tools add that are not questions (compared without case, spaces or dashes).
DATE_COLUMNS = {"completiontime", "valmistumisaika", "vastausaika", "submitted", "date", "pvm"}
CODE_COLUMNS = {"participantcode", "osallistujatunnus", "code", "tunnus"}
META_COLUMNS = {"id", "starttime", "aloitusaika", "email", "sähköposti", "name", "nimi",
                "lastmodifiedtime", "respondent", "vastaaja", "language", "kieli"}  # fmt: skip


@dataclass
class SurveyImport:
    """What an import would write (`responses`) and every problem found."""

    responses: list[SurveyResponse] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.problems)


def _key(text: Any) -> str:
    return normalise_code(to_text(text)).replace("_", "").replace(" ", "")


def _columns(headers: list[Any], questions: list[QuestionDef]) -> dict[int, str]:
    """Column position → question code, or a special column ("@date", "@code", "@skip")."""
    by_text: dict[str, str] = {}
    for q in questions:
        for text in (q.code, q.text, q.text_fi):
            if text:
                by_text[_key(text)] = q.code
    result: dict[int, str] = {}
    for position, header in enumerate(headers):
        key = _key(header) if not is_empty(header) else ""
        if key in by_text:
            result[position] = by_text[key]
        elif key in DATE_COLUMNS:
            result[position] = "@date"
        elif key in CODE_COLUMNS:
            result[position] = "@code"
        else:
            result[position] = "@skip"
    return result


def _option_code(question: QuestionDef, text: str) -> str:
    wanted = _key(text)
    for option in question.options:
        if wanted in {_key(option.code), _key(option.text), _key(option.text_fi)}:
            return option.code
    return text


def _cell(question: QuestionDef, value: Any) -> Any:
    if question.type is QuestionType.MULTI:
        parts = [p for p in re.split(r"[;\n]", to_text(value)) if p.strip()]
        return answer_value(question, [_option_code(question, p.strip()) for p in parts])
    if question.type is QuestionType.CHOICE:
        return answer_value(question, _option_code(question, to_text(value)))
    return answer_value(question, value)


def check_import(
    session: Session, survey: Survey, data: bytes, file_name: str, *, today: date
) -> SurveyImport:
    """Read and check the export; writes nothing."""
    book = read_book(data, file_name, kind=SHEET_KIND)
    result = SurveyImport(problems=list(book.problems))
    questions = questions_of(survey.questions)
    by_code = {q.code: q for q in questions}
    for sheet in book.sheets:
        columns = _columns(sheet.headers, questions)
        if not any(c in by_code for c in columns.values()):
            result.problems.append(Problem("survey.err.no_questions", {}, sheet=sheet.name))
            continue
        for number, cells in sheet.rows:
            response = _row(survey, sheet.name, number, sheet.headers, cells, columns, by_code,
                            result, today)  # fmt: skip
            if response is not None:
                result.responses.append(response)
    if not result.responses and result.ok:
        result.problems.append(Problem("survey.err.no_rows", {}, sheet=""))
    return result


def _row(
    survey: Survey,
    sheet: str,
    number: int,
    headers: list[Any],
    cells: list[Any],
    columns: dict[int, str],
    by_code: dict[str, QuestionDef],
    result: SurveyImport,
    today: date,
) -> SurveyResponse | None:
    answers: dict[str, Any] = {}
    submitted, code, bad = today, "", False
    for position, target in columns.items():
        value = cells[position] if position < len(cells) else None
        if target == "@skip" or is_empty(value):
            continue
        column = str(headers[position])[:60]
        try:
            if target == "@date":
                submitted = to_date(value)
            elif target == "@code":
                code = to_text(value)[:40]
            else:
                answers[target] = _cell(by_code[target], value)
        except (CellError, SurveyError) as error:
            result.problems.append(Problem(error.key, error.values, sheet, number, column))
            bad = True
    if bad or not answers:
        return None
    assert survey.id is not None
    year = answers.get("study_year")
    return SurveyResponse(
        survey_id=survey.id, submitted_on=submitted, answers=answers, source="import",
        participant_code=code, event_id=survey.event_id,
        study_year=int(year) if isinstance(year, str) and year.isdigit() else None,
    )  # fmt: skip


def import_responses(session: Session, survey: Survey, result: SurveyImport) -> int:
    """Write a checked import; refuses one with any error (nothing is written)."""
    if not result.ok:
        raise SurveyError("survey.err.import_has_errors")
    for response in result.responses:
        session.add(response)
    session.flush()
    return len(result.responses)
