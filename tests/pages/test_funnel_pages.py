"""The contact funnel on the Partnerships and Follow-up results pages (issue 14): the manager
sees raw counts per spearhead and company size, steering the same under the disclosure policy,
hidden groups drawn as hidden and never as 0."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pandas as pd
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from core.codes import AgreedKind, ContactStatus
from core.contacts.funnel import FunnelBy
from core.demo.seed import seed_demo
from core.models import Project
from tests.contacts.funnel_world import firm, request, student
from tests.pages.conftest import RunApp

PAGES = ["pages/partnerships.py", "pages/results.py"]
EMPLOYED = "Employed at 6 months"


@pytest.fixture
def world(session: Session, project: Project) -> None:
    """Devices: 15 requests from Kide (micro): 10 accepted, agreed on a job that started
    eight months ago (5, employed at 6 months) or an internship (5). Software: 3 requests from
    Muu (small), unanswered: a small group."""
    ago = date.today() - timedelta(days=300)
    kide = firm(session, "0201256-6", "Kide Oy", "micro")
    muu = firm(session, "0201263-9", "Muu Oy", "small")
    for number in range(15):
        card = student(session, project, f"D{number:02d}", "devices")
        steps = [(ContactStatus.ASKED, ago), (ContactStatus.ACCEPTED, ago + timedelta(days=2))]
        if number >= 10:
            request(session, kide, card, steps[:1])
        elif number >= 5:
            agreed = (ContactStatus.AGREED, ago + timedelta(days=5))
            request(session, kide, card, [*steps, agreed], AgreedKind.INTERNSHIP)
        else:
            job = [
                (ContactStatus.AGREED, ago + timedelta(days=5)),
                (ContactStatus.STARTED, ago + timedelta(days=40)),
            ]
            request(session, kide, card, [*steps, *job], AgreedKind.JOB)
    for number in range(3):
        card = student(session, project, f"S{number:02d}", "software")
        request(session, muu, card, [(ContactStatus.ASKED, ago)])
    session.commit()


def funnel_table(at: AppTest) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if EMPLOYED in d.value.index)


def funnel_chart(at: AppTest) -> dict[str, Any]:
    for chart in at.get("plotly_chart"):
        figure = json.loads(chart.proto.spec)
        if EMPLOYED in figure["layout"].get("xaxis", {}).get("ticktext", []):
            return figure
    raise AssertionError("no funnel chart")


@pytest.mark.parametrize("page", PAGES)
def test_the_manager_sees_the_funnel_by_spearhead_raw(app: RunApp, world: None, page: str) -> None:
    at = app("manager", page=page)
    assert not at.exception
    table = funnel_table(at)
    assert list(table.columns) == ["Devices", "Software", "Total"]
    assert list(table["Devices"]) == ["15", "10", "10", "10", "5"]
    assert list(table["Software"]) == ["3", "0", "0", "0", "0"]
    bars = {t["name"]: t["y"] for t in funnel_chart(at)["data"] if t["type"] == "bar"}
    assert bars == {"Devices": [15, 10, 10, 10, 5], "Software": [3, 0, 0, 0, 0]}


@pytest.mark.parametrize("page", PAGES)
def test_steering_sees_the_funnel_with_the_small_group_hidden(
    app: RunApp, world: None, page: str
) -> None:
    at = app("steering", page=page)
    assert not at.exception
    table = funnel_table(at)
    assert list(table["Devices"]) == ["15", "10", "10", "10", "5"]
    # Hidden beside a shown total, a group reads ".." (no "<5" bound to subtract against).
    assert table.at["Requested", "Software"] == ".."
    assert table.at["Requested", "Total"] == "20"  # 18, rounded to the base
    chart = funnel_chart(at)
    software = next(t for t in chart["data"] if t["type"] == "bar" and t["name"] == "Software")
    assert software["y"][0] is None  # hidden: no bar, never a bar of 0
    markers = [m for t in chart["data"] if t.get("mode") == "text" for m in t["text"]]
    assert ".." in markers


def test_the_breakdown_by_company_size_and_the_total(app: RunApp, world: None) -> None:
    at = app("manager", page="pages/partnerships.py")
    at.radio(key="partnerships_funnel_by").set_value(FunnelBy.SIZE).run()
    table = funnel_table(at)
    assert list(table.columns) == ["Micro", "Small", "Medium", "Large", "Total"]
    assert list(table["Micro"]) == ["15", "10", "10", "10", "5"]
    assert list(table["Large"]) == ["0", "0", "0", "0", "0"]
    at.radio(key="partnerships_funnel_by").set_value(FunnelBy.TOTAL).run()
    assert list(funnel_table(at)["Total"]) == ["18", "10", "10", "10", "5"]


def test_the_funnel_speaks_finnish(app: RunApp, world: None) -> None:
    at = app("steering", lang="fi", page="pages/results.py")
    assert not at.exception
    table = next(d.value for d in at.dataframe if "Työssä 6 kk kuluttua" in d.value.index)
    assert "Laitteet" in table.columns
    assert any("Yhteydenottopyynnöstä työhön" in s.value for s in at.subheader)


def test_steering_sees_the_demo_funnel_by_spearhead(
    app: RunApp, engine: Engine, project: Project
) -> None:
    """The demo world's contact requests fill the funnel: steering sees numbers in every
    spearhead's column, up to employment at 6 months in total (not a chart of hidden cells)."""
    seed_demo(engine=engine, today=date.today())
    at = app("steering", page="pages/partnerships.py")
    assert not at.exception
    table = funnel_table(at)
    assert list(table.columns) == ["Devices", "Software", "Total"]
    for group in table.columns:
        assert int(table.at["Requested", group]) >= 50, table
    assert int(table.at[EMPLOYED, "Total"]) >= 5, table
    numbers = [v for v in table.to_numpy().ravel() if str(v).isdigit()]
    assert all(int(v) % 5 == 0 for v in numbers)  # rounded to the base
