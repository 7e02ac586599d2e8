"""A survey's questions (scale 1–5, one choice, several choices, open text; EN+FI), their
validation, and the built-in surveys the plan relies on (issue 15)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from core.codes import MaxLength
from core.errors import DomainError
from core.i18n import Labelled

SCALE = tuple(str(n) for n in range(1, 6))


class SurveyError(DomainError, ValueError):
    """A survey, link or answer Silta refuses, naming the field or question."""


class QuestionType(Labelled, key_prefix="survey.qtype"):
    SCALE = "scale"  # 1 (lowest) … 5 (highest)
    CHOICE = "choice"
    MULTI = "multi"
    OPEN = "open"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class OptionDef(_Strict):
    code: str = Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_+\-]+$")
    text: str = Field(min_length=1, max_length=200)
    text_fi: str = Field(default="", max_length=200)


class QuestionDef(_Strict):
    code: str = Field(min_length=1, max_length=40, pattern=r"^[a-z0-9_]+$")
    type: QuestionType
    text: str = Field(min_length=1, max_length=500)
    text_fi: str = Field(default="", max_length=500)
    options: list[OptionDef] = []
    required: bool = False

    @model_validator(mode="after")
    def _options(self) -> QuestionDef:
        choosing = self.type in (QuestionType.CHOICE, QuestionType.MULTI)
        if choosing and len(self.options) < 2:
            raise ValueError("a choice question needs at least two options")
        if not choosing and self.options:
            raise ValueError(f"a {self.type.value} question takes no options")
        codes = [o.code for o in self.options]
        if len(set(codes)) != len(codes):
            raise ValueError("two options have the same code")
        return self

    def label(self, lang: str) -> str:
        return self.text_fi if lang == "fi" and self.text_fi else self.text

    def option_label(self, code: str, lang: str) -> str:
        for option in self.options:
            if option.code == code:
                return option.text_fi if lang == "fi" and option.text_fi else option.text
        return code


class SurveyDef(_Strict):
    code: str = Field(min_length=1, max_length=MaxLength.CODE, pattern=r"^[A-Za-z0-9_\-]+$")
    kind: str = Field(min_length=1, max_length=MaxLength.CODE)
    title: str = Field(min_length=1, max_length=MaxLength.NAME)
    title_fi: str = Field(default="", max_length=MaxLength.NAME)
    questions: list[QuestionDef] = Field(min_length=1, max_length=60)

    @model_validator(mode="after")
    def _unique(self) -> SurveyDef:
        codes = [q.code for q in self.questions]
        for i, code in enumerate(codes):
            if code in codes[:i]:
                raise ValueError(f"questions[{i}].code: duplicate code {code!r}")
        return self


def parse_survey(raw: dict[str, Any]) -> SurveyDef:
    """Validate a survey definition; the error names every bad field (`questions.2.options`)."""
    try:
        return SurveyDef.model_validate(raw)
    except ValidationError as error:
        problems = "; ".join(
            ".".join(str(p) for p in item["loc"])
            + ": "
            + str(item["msg"]).removeprefix("Value error, ")
            for item in error.errors()
        )
        raise SurveyError("survey.err.definition", problems=problems) from error


def questions_of(raw: list[dict[str, Any]]) -> list[QuestionDef]:
    """Stored questions (JSON) back as definitions."""
    return [QuestionDef.model_validate(q) for q in raw]


def _q(code: str, kind: str, en: str, fi: str, *options: tuple[str, str, str]) -> dict[str, Any]:
    return {
        "code": code,
        "type": kind,
        "text": en,
        "text_fi": fi,
        "options": [{"code": c, "text": e, "text_fi": f} for c, e, f in options],
    }


YES_MAYBE_NO = (("yes", "Yes", "Kyllä"), ("maybe", "Maybe", "Ehkä"), ("no", "No", "Ei"))
FORMS = (
    ("internship", "Internships", "Harjoittelut"),
    ("thesis", "Theses", "Opinnäytetyöt"),
    ("scholarship", "Scholarships", "Apurahat"),
    ("expert_talk", "Expert talks", "Asiantuntijapuheenvuorot"),
    ("mentoring", "Mentoring", "Mentorointi"),
)
# The four surveys the plan names. Scale questions run 1 (lowest) to 5 (highest).
BUILTIN: dict[str, dict[str, Any]] = {
    "launch_feedback": {
        "title": "Feedback on the cooperation offering (launch event)",
        "title_fi": "Palaute yhteistyötarjoomasta (julkistustilaisuus)",
        "questions": [
            _q("attractive", "scale",
               "How attractive is the cooperation offering to your organisation?",
               "Kuinka houkutteleva yhteistyötarjooma on organisaatiollenne?"),
            _q("usable", "scale", "How easy would it be to use the offering in practice?",
               "Kuinka helppoa tarjoomaa olisi hyödyntää käytännössä?"),
            _q("interest", "multi", "Which forms of cooperation interest you?",
               "Mitkä yhteistyömuodot kiinnostavat teitä?", *FORMS),
            _q("improve", "open", "What would make the offering more useful to you?",
               "Mikä tekisi tarjoomasta teille hyödyllisemmän?"),
        ],
    },
    "sme_recruitment": {
        "title": "Recruitment experience of micro and small companies",
        "title_fi": "Mikro- ja pk-yritysten rekrytointikokemus",
        "questions": [
            _q("positive", "scale", "How positive was the experience of recruiting a student?",
               "Kuinka myönteinen kokemus opiskelijan rekrytointi oli?"),
            _q("light", "scale", "How light was the process (5 = not laborious at all)?",
               "Kuinka kevyt prosessi oli (5 = ei lainkaan työläs)?"),
            _q("again", "choice", "Would you take a student again?",
               "Ottaisitteko opiskelijan uudelleen?", *YES_MAYBE_NO),
            _q("effort", "multi", "What took the most effort?", "Mikä vaati eniten työtä?",
               ("finding", "Finding a student", "Opiskelijan löytäminen"),
               ("agreement", "The agreement", "Sopimus"),
               ("supervision", "Supervision", "Ohjaus"),
               ("paperwork", "Paperwork", "Paperityöt"),
               ("language", "Language", "Kieli")),
            _q("comments", "open", "What should we make easier?", "Mitä meidän pitäisi helpottaa?"),
        ],
    },
    "student_experience": {
        "title": "International student experience",
        "title_fi": "Kansainvälisten opiskelijoiden opiskelijakokemus",
        "questions": [
            _q("study_year", "choice", "Your year of study", "Opintovuotesi",
               ("1", "First", "Ensimmäinen"), ("2", "Second", "Toinen"),
               ("3", "Third", "Kolmas"), ("4", "Fourth or later", "Neljäs tai myöhempi")),
            _q("experience", "scale", "How would you rate your student experience overall?",
               "Millaiseksi arvioit opiskelijakokemuksesi kokonaisuutena?"),
            _q("support", "scale", "How well have you been supported?",
               "Kuinka hyvin sinua on tuettu?"),
            _q("interaction", "scale",
               "How much have you interacted with companies and Finnish students?",
               "Kuinka paljon olet ollut tekemisissä yritysten ja suomalaisten "
               "opiskelijoiden kanssa?"),
            _q("intends_to_stay", "choice", "Do you intend to stay in the region after graduating?",
               "Aiotko jäädä alueelle valmistumisen jälkeen?", *YES_MAYBE_NO),
            _q("comments", "open", "What would improve your first year?",
               "Mikä parantaisi ensimmäistä opiskeluvuottasi?"),
        ],
    },
    "competence_data": {
        "title": "Usefulness of the competence data",
        "title_fi": "Osaamistiedon hyödyllisyys",
        "questions": [
            _q("role", "choice", "You answer as", "Vastaat roolissa",
               ("student", "Student", "Opiskelija"), ("supervisor", "Supervisor", "Ohjaaja")),
            _q("needs", "scale", "The competence analysis helped me understand companies' needs",
               "Osaamisanalyysi auttoi ymmärtämään yritysten tarpeita"),
            _q("goals", "scale", "It helped define the goals of the internship or thesis",
               "Se auttoi määrittelemään harjoittelun tai opinnäytetyön tavoitteet"),
            _q("comments", "open", "How did you use the competence data?",
               "Miten käytit osaamistietoa?"),
        ],
    },
}  # fmt: skip


def builtin_survey(kind: str, code: str) -> SurveyDef:
    return parse_survey({"code": code, "kind": kind, **BUILTIN[kind]})


def questions_from_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Questions as the manager types them in a table: code, type, text, text_fi and options
    written `code=English/Finnish; code=English/Finnish`."""
    result = []
    for row in rows:
        if not any(str(row.get(k) or "").strip() for k in ("code", "text")):
            continue  # an empty line of the editor
        options = []
        for part in str(row.get("options") or "").split(";"):
            if not part.strip():
                continue
            code, _, names = part.partition("=")
            english, _, finnish = names.partition("/")
            options.append(
                {
                    "code": code.strip(),
                    "text": english.strip() or code.strip(),
                    "text_fi": finnish.strip(),
                }
            )
        result.append(
            {
                "code": str(row.get("code") or "").strip(),
                "type": str(row.get("type") or "").strip(),
                "text": str(row.get("text") or "").strip(),
                "text_fi": str(row.get("text_fi") or "").strip(),
                "options": options,
            }
        )
    return result


def survey_from_form(
    *,
    start: str,
    code: str,
    kind: str,
    kinds: Collection[str],
    title: str,
    title_fi: str,
    rows: list[dict[str, Any]],
) -> SurveyDef:
    """The manager's new survey: a built-in one (`start`, keeping its own kind when the project
    has it, and the title typed if any) or the questions written in the table."""
    if not start:
        return parse_survey(
            {
                "code": code,
                "kind": kind,
                "title": title,
                "title_fi": title_fi,
                "questions": questions_from_rows(rows),
            }
        )
    update: dict[str, Any] = {"kind": start if start in kinds else kind}
    if title:
        update |= {"title": title, "title_fi": title_fi}
    return builtin_survey(start, code).model_copy(update=update)
