"""The EURA-aligned indicator export: EU common indicators of one reporting period by gender.

Counts are exact (the manager reports them to EURA 2021); steering-group material uses
`core.io.exports.steering_pack`, which suppresses small cells. The arithmetic is
`core.indicators.eu_indicators.common_indicators`; this module only lays it out.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlmodel import Session

from core.codes import Gender, SizeClass
from core.i18n import label_key, translate
from core.indicators.eu_indicators import (
    GENDERS,
    EuIndicator,
    EuSection,
    common_indicators,
    supported_companies,
)
from core.io.exports.writer import BOLD, Book, Sheet
from core.models import Project
from core.periods import ReportingPeriod, Window

# EU common indicator codes (ESF+ Regulation 2021/1057 Annex I, as numbered in EURA/SFC);
# rows without a code are the project's own indicators.
EU_CODES: dict[tuple[str, str], str] = {
    ("outputs", "participants"): "EECO01",
    ("outputs", "unemployed"): "EECO02",
    ("outputs", "inactive"): "EECO04",
    ("outputs", "employed"): "EECO05",
    ("outputs", "age_under_18"): "EECO06",
    ("outputs", "age_18_29"): "EECO07",
    ("outputs", "age_55_plus"): "EECO08",
    ("outputs", "isced_0_2"): "EECO09",
    ("outputs", "isced_3_4"): "EECO10",
    ("outputs", "isced_5_8"): "EECO11",
    ("outputs", "disability"): "EECO12",
    ("outputs", "third_country_national"): "EECO13",
    ("outputs", "foreign_background"): "EECO14",
    ("outputs", "minority"): "EECO15",
    ("outputs", "homeless"): "EECO16",
    ("outputs", "rural"): "EECO17",
    ("immediate", "job_searching"): "EECR01",
    ("immediate", "in_education_training"): "EECR02",
    ("immediate", "gained_qualification"): "EECR03",
    ("immediate", "in_employment"): "EECR04",
    ("six_months", "in_employment"): "EECR05",
    ("six_months", "improved_situation"): "EECR06",
}
SME_CODE = "EECO19"
Translate = Callable[..., str]
SME_SIZES = (SizeClass.MICRO.value, SizeClass.SMALL.value, SizeClass.MEDIUM.value)


def eura_workbook(
    session: Session,
    project: Project,
    period: ReportingPeriod,
    *,
    lang: str = "en",
    today: date | None = None,
) -> bytes:
    """One sheet: the period's indicators by gender (EU codes first), then supported SMEs."""

    def t(key: str, **values: object) -> str:
        return translate(key, lang, **values)

    book = Book()
    sheet = book.sheet(f"EURA {period.label}", widths=(30, 10, 44, 12, 12, 16, 12))
    sheet.append([project.name_fi if lang == "fi" and project.name_fi else project.name])
    sheet.append([t("eura.period"), period.label, period.start, period.end])
    sheet.append([t("eura.generated"), today or date.today()])
    sheet.append([])
    write_indicators(sheet, session, project, period.window, t)
    sheet.append([])
    sheet.append([t("eura.note")])
    return book.to_bytes()


def write_indicators(
    sheet: Sheet, session: Session, project: Project, window: Window, t: Translate
) -> None:
    """The indicators of `window` by gender (EU codes first), then the supported companies:
    the EURA export's table, also the payment-claim workbook's (issue 17)."""
    table = common_indicators(session, project, window)
    head = [
        t("eura.section"),
        t("eura.code"),
        t("eu.indicator"),
        *[t(label_key(Gender(g))) for g in GENDERS],
        t("gender.total"),
    ]
    sheet.append(head, BOLD)
    for row in table.to_dict("records"):
        code = EU_CODES.get((str(row["section"]), str(row["indicator"])), "")
        counts = [int(row[g]) for g in GENDERS]
        sheet.append(
            [
                t(label_key(EuSection(row["section"]))),
                code,
                t(label_key(EuIndicator(row["indicator"]))),
                *counts,
                int(row["total"]),
            ]
        )
    sheet.append([])
    companies = supported_companies(session, project, window)
    sheet.append(
        [
            t("eura.companies"),
            SME_CODE,
            t("eura.smes"),
            None,
            None,
            None,
            sum(companies.get(s, 0) for s in SME_SIZES),
        ]
    )
    for size in SizeClass:
        sheet.append(
            [
                "",
                "",
                t(label_key(size)),
                None,
                None,
                None,
                companies.get(size.value, 0),
            ]
        )
