"""The EURA indicator export and the steering-group pack."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
from sqlmodel import Session

from core.indicators.eu_indicators import common_indicators
from core.io.exports.eura import eura_workbook
from core.io.exports.steering_pack import steering_pack
from core.models import Project
from core.periods import half_years
from tests.io.conftest import Importer, company, headers, participant, xlsx


def _data(do_import: Importer) -> None:
    people = [
        participant(f"P-{i}", gender=["woman", "man"][i % 2], entry_date="2026-02-01")
        for i in range(12)
    ]
    people.append(
        participant("P-NB", gender="non_binary", entry_date="2026-03-01", entry_status="unemployed")
    )
    book = xlsx(
        {
            "Participants": [headers("participants"), *people],
            "Companies": [headers("companies"), company(joined_on="2026-02-10")],
        }
    )
    assert do_import(book).ok


def test_half_years_are_clipped_to_the_project() -> None:
    periods = half_years(date(2025, 5, 1), date(2027, 12, 31))
    assert [p.label for p in periods][:2] == ["2025 H1", "2025 H2"]
    assert periods[0].start == date(2025, 5, 1) and periods[-1].end == date(2027, 12, 31)


def test_eura_export_matches_the_indicators_by_gender(
    do_import: Importer, session: Session, project: Project
) -> None:
    _data(do_import)
    period = next(
        p for p in half_years(project.start_date, project.end_date) if p.label == "2026 H1"
    )
    sheet = openpyxl.load_workbook(io.BytesIO(eura_workbook(session, project, period))).active
    rows = {r[1]: r for r in sheet.iter_rows(values_only=True) if r and r[1]}
    assert rows["EECO01"][3:7] == (6, 6, 1, 13)  # women, men, non-binary, total
    assert rows["EECO02"][3:7] == (0, 0, 1, 1)
    assert rows["EECO19"][6] == 1
    expected = common_indicators(session, project, period.window)
    assert int(expected.loc[expected.indicator == "participants", "total"].iloc[0]) == 13
    outside = next(
        p for p in half_years(project.start_date, project.end_date) if p.label == "2025 H2"
    )
    other = openpyxl.load_workbook(io.BytesIO(eura_workbook(session, project, outside))).active
    assert {r[1]: r for r in other.iter_rows(values_only=True) if r and r[1]}["EECO01"][6] == 0


def test_steering_pack_has_charts_and_hides_small_groups(
    do_import: Importer, session: Session, project: Project
) -> None:
    _data(do_import)
    book = openpyxl.load_workbook(io.BytesIO(steering_pack(session, project, date(2026, 6, 30))))
    assert book.sheetnames[0] == "KPIs"
    kpi = {r[0]: r for r in book["KPIs"].iter_rows(values_only=True) if r and r[0]}
    assert kpi["Participants"][1:3] == (610, 15)  # 13 people, rounded to 5 as steering sees it
    assert kpi["Companies"][2] == "<5"  # one company: too few to show
    status = [r for r in book["Participants by status"].iter_rows(values_only=True)]
    assert status[0] == ("Status", "Women", "Men", "Non-binary", "Total")
    unemployed = next(r for r in status if r[0] == "Unemployed")
    assert "<5" in unemployed  # the one non-binary unemployed participant is hidden
    charted = [name for name in book.sheetnames if book[name]._charts]
    assert {"Participants", "Participants by status", "Companies by size"} <= set(charted)
