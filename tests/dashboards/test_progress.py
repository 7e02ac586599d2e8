"""Participants against the targets, and the Excel pack drawn from the same chart list."""

from __future__ import annotations

import io

import openpyxl
from sqlmodel import Session

from core.codes import Role
from core.dashboards.filters import Filters
from core.dashboards.meeting.pack import PACK
from core.dashboards.progress import progress_data
from core.dashboards.views import progress_view
from core.i18n import translate
from core.io.exports.steering_pack import steering_pack
from tests.dashboards.world import TODAY, World, assert_no_small_group_shown


def test_entries_per_month_planned_line_and_status(
    session: Session, world: World, whole: Filters
) -> None:
    data = progress_data(session, world.project, whole, TODAY)
    monthly = dict(zip(data.entries["month"], data.entries["participants"], strict=True))
    assert monthly["2025-09"] == 5 and sum(monthly.values()) == 5
    assert data.target == 610
    assert data.planned["2027-12"] == 610.0
    assert data.planned["2026-06"] == 300.0  # the "Half way" milestone shapes the line
    manager = progress_view(data, Role.MANAGER)
    assert manager.by_status.text.loc["in_education"].tolist() == ["2", "2", "1", "5"]
    steering = progress_view(data, Role.STEERING)
    assert steering.by_status.hidden.loc["in_education", ["woman", "man", "non_binary"]].all()
    assert_no_small_group_shown(steering.by_status)
    assert steering.entries.text.at["2025-09", "count"] == "5"


def test_the_excel_pack_has_a_sheet_for_every_chart_of_the_pack(
    session: Session, world: World
) -> None:
    book = openpyxl.load_workbook(io.BytesIO(steering_pack(session, world.project, TODAY)))
    expected = [chart.sheet(translate)[:31] for chart in PACK]
    assert book.sheetnames == ["KPIs", *expected]
    status = list(book["Participants by status"].iter_rows(values_only=True))
    assert status[0] == ("Status", "Women", "Men", "Non-binary", "Total")
    (education,) = [row for row in status if row[0] == "In education"]
    assert set(education[1:4]) <= {"<5", ".."}  # 2 women, 2 men, 1 non-binary: all hidden
    groups = list(book["Event reach"].iter_rows(values_only=True))
    assert groups[-1] == ("Total", 5, 10)  # 6 people, rounded to the base
    charted = [name for name in book.sheetnames if book[name]._charts]
    assert len(charted) == len(PACK)
