"""The ledger's salary export through the one import: good rows in either language, hostile
rows refused by sheet, row and column with nothing written; a second import changes nothing."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlmodel import Session, select

from core.models import Project, SalaryCost
from tests.io.conftest import Importer, count, headers, xlsx


def _book(*rows: list[object], lang: str = "en") -> bytes:
    sheet = "Salary costs" if lang == "en" else "Palkkakustannukset"
    return xlsx({sheet: [headers("salary_costs", lang), *rows]})


def test_a_ledger_export_is_imported_once(
    project: Project, do_import: Importer, session: Session
) -> None:
    book = _book(
        ["2026-03", "Project manager", "HR-10231", 5200.5],
        [datetime(2026, 3, 31), "Project coordinator", "HR-10877", "3 900,00"],
        ["4/2026", "Project manager", "HR-10231", "5 150,25 €"],
        lang="fi",
    )
    report = do_import(book)
    assert report.ok, [str(p) for p in report.errors]
    stored = session.exec(select(SalaryCost).order_by(SalaryCost.month, SalaryCost.role)).all()
    assert [(s.month, s.role, s.amount_eur) for s in stored] == [
        (date(2026, 3, 1), "Project coordinator", Decimal("3900.00")),
        (date(2026, 3, 1), "Project manager", Decimal("5200.50")),
        (date(2026, 4, 1), "Project manager", Decimal("5150.25")),
    ]
    again = do_import(book)
    assert again.counts() == {"Palkkakustannukset": {"created": 0, "updated": 0, "unchanged": 3}}


def test_hostile_rows_are_refused_by_row_and_column_and_nothing_is_written(
    project: Project, do_import: Importer, session: Session
) -> None:
    report = do_import(
        _book(
            ["2026-03", "Project manager", "HR-1", 5200],
            ["2026-13", "Project manager", "HR-2", 5200],  # no 13th month
            ["2026-03", "Project manager", "HR-3", -100],  # negative
            ["2026-03", '=HYPERLINK("x")', "HR-4", 100],  # a formula as a role
            ["2026-03", "Project manager", "HR 5; DROP", 100],  # not a key
            ["2026-03", "Project manager", "HR-1", 5200],  # the first row again
            ["2026-03", "", "HR-6", 100],  # no role
            ["2026-03", "Project manager", "HR-7", "1,500"],  # ambiguous thousands
        )
    )
    found = {(p.row, p.column, p.key) for p in report.errors}
    assert found >= {
        (3, "Month", "io.err.date_invalid"),
        (4, "Amount (€)", "io.err.min"),
        (5, "Role", "io.err.formula"),
        (6, "Employee ID", "io.err.key_chars"),
        (7, "Month", "io.err.duplicate_key"),
        (8, "Role", "io.err.required"),
        (9, "Amount (€)", "io.err.decimal_ambiguous"),
    }
    assert not any(p.row == 2 for p in report.errors)
    assert all(p.sheet == "Salary costs" for p in report.errors)
    assert count(session, SalaryCost) == 0


def test_a_missing_amount_column_is_named(project: Project, do_import: Importer) -> None:
    rows = [["Month", "Role", "Employee ID"], ["2026-03", "Project manager", "HR-1"]]
    report = do_import(xlsx({"Salary costs": rows}))
    missing = [p for p in report.errors if p.key == "io.err.missing_column"]
    assert [p.column for p in missing] == ["Amount (€)"]


def test_a_salary_row_entered_by_hand_goes_through_the_same_rules(
    project: Project, session: Session
) -> None:
    from core.io.imports.editing import save_rows

    good = {"month": date(2026, 5, 17), "role": "Project manager", "person": "HR-1",
            "amount_eur": "5 000,00"}  # fmt: skip
    report = save_rows(session, project, "salary_costs", [(1, good)])
    assert report.ok
    stored = session.exec(select(SalaryCost)).one()
    assert (stored.month, stored.amount_eur) == (date(2026, 5, 1), Decimal("5000.00"))
    bad = {**good, "person": "HR-2", "amount_eur": "lots"}
    refused = save_rows(session, project, "salary_costs", [(1, bad)])
    assert [(p.row, p.column) for p in refused.errors] == [(1, "Amount (€)")]
