"""The payment-claim workbook (issue 17): one claim period's costs, flat rate and funding shares,
its EU common indicators by gender, and the pre-claim check. For the manager: exact figures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas as pd
from sqlmodel import Session

from core.budget.claims import Finding, pre_claim_check
from core.budget.figures import budget_status
from core.budget.spending import monthly_salaries, planned_lines
from core.i18n import label_key, translate
from core.io.exports.eura import write_indicators
from core.io.exports.writer import BOLD, Book
from core.models import ClaimPeriod, Project
from core.periods import Window

Translate = Callable[..., str]


def claim_costs(
    session: Session, project: Project, claim: ClaimPeriod
) -> list[tuple[str, str, float]]:
    """(kind, line, euros) of the period: the salaries booked in it, the flat rate of them,
    the total, and each funding share of that total."""
    lines = planned_lines(session, project)
    monthly = monthly_salaries(session, project, claim.start_date, claim.end_date)
    status = budget_status(
        lines, monthly, start=claim.start_date, end=claim.end_date, as_of=claim.end_date
    )
    rows = [("cost", s.line.code, float(s.spent)) for s in status.costs]
    rows.append(("total", "", float(status.spent_total)))
    rows += [("funding", s.line.code, float(s.spent)) for s in status.funding]
    return rows


def claim_costs_table(
    session: Session, project: Project, claim: ClaimPeriod, t: Translate, lang: str
) -> pd.DataFrame:
    """The period's cost lines, total and funding shares, named in the UI's language."""
    names = {line.code: line.name(lang) for line in planned_lines(session, project)}
    rows = claim_costs(session, project, claim)
    return pd.DataFrame(
        {
            t("budget.line"): [
                t("budget.total") if kind == "total" else names.get(code, code)
                for kind, code, _ in rows
            ],
            t("claim.euros"): [round(euros, 2) for _, _, euros in rows],
        }
    )


def claim_workbook(
    session: Session,
    project: Project,
    claim: ClaimPeriod,
    *,
    lang: str = "en",
    today: date | None = None,
) -> bytes:
    """Three sheets: costs and shares, indicators by gender, the pre-claim check."""

    def t(key: str, **values: object) -> str:
        return translate(key, lang, **values)

    today = today or date.today()
    book = Book()
    costs = book.sheet(t("claim.sheet.costs"), widths=(36, 16))
    costs.append([project.name_fi if lang == "fi" and project.name_fi else project.name])
    costs.append([t("claim.period"), claim.code, claim.start_date, claim.end_date])
    costs.append([t("eura.generated"), today])
    costs.append([])
    costs.table(claim_costs_table(session, project, claim, t, lang))
    indicators = book.sheet(t("claim.sheet.indicators"), widths=(30, 10, 44, 12, 12, 16, 12))
    indicators.append([t("claim.period"), claim.code, claim.start_date, claim.end_date])
    indicators.append([])
    write_indicators(indicators, session, project, Window(claim.start_date, claim.end_date), t)
    _check_sheet(book, pre_claim_check(session, project, claim, today), t, lang)
    return book.to_bytes()


def _check_sheet(book: Book, findings: list[Finding], t: Translate, lang: str) -> None:
    sheet = book.sheet(t("claim.sheet.check"), widths=(34, 16, 28, 12, 40))
    sheet.append(
        [t("claim.kind"), t("claim.subject"), t("claim.name"), t("claim.day"), t("claim.detail")],
        BOLD,
    )
    for finding in findings:
        sheet.append(
            [
                t(label_key(finding.kind)),
                finding.subject,
                finding.name,
                finding.day,
                finding.detail(lang),
            ]
        )
    if not findings:
        sheet.append([t("claim.all_clear")])
