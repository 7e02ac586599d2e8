"""The dashboard pages through AppTest: each role, suppression, URL-kept filters, meeting mode."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
import streamlit as st
from sqlalchemy.engine import Engine
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from core.access.navigation import pages_for
from core.codes import Role
from core.dashboards.meeting.pack import PACK_KEYS
from core.i18n import translate
from core.models import Project
from tests.dashboards.world import build_world
from tests.pages.conftest import APP, REPO_ROOT, RunApp, account_for, as_fresh_server
from ui import USER_KEY, session_entry

PAGES = ["partnerships", "events", "results", "timeline", "meeting"]


@pytest.fixture
def world(session: Session, project: Project) -> None:
    build_world(session, project)


def _signed_in(role: str) -> AppTest:
    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[USER_KEY] = session_entry(account_for(role))
    return at


def _charts(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def _hidden_markers(at: AppTest) -> list[str]:
    return [
        text
        for figure in _charts(at)
        for trace in figure["data"]
        if trace.get("mode") == "text"
        for text in trace.get("text", [])
    ] + [
        cell
        for figure in _charts(at)
        for trace in figure["data"]
        if trace.get("type") == "heatmap"
        for row in trace["text"]
        for cell in row
        if cell in ("<5", "..")
    ]


@pytest.mark.parametrize("page", ["partnerships", "events", "results", "timeline"])
def test_manager_sees_raw_numbers(app: RunApp, world: None, page: str) -> None:
    at = app(role="manager", page=f"pages/{page}.py")
    assert _charts(at), page
    assert _hidden_markers(at) == []
    assert not any("Steering view" in c.value for c in at.caption)


@pytest.mark.parametrize("page", ["partnerships", "events", "results", "meeting"])
def test_steering_sees_suppressed_numbers(app: RunApp, world: None, page: str) -> None:
    at = app(role="steering", page=f"pages/{page}.py")
    if page == "meeting":
        at.selectbox(key="meeting_slide").set_value("immediate").run()
    # "<5" marks a hidden group of 1–4; ".." a cell hidden so that none can be worked out
    # (core.privacy.policy turns "<5" into ".." where even that bound would give something away).
    assert set(_hidden_markers(at)) & {"<5", ".."}, page
    assert any("groups smaller than 5 are hidden" in c.value for c in at.caption)


def test_steering_timeline_shows_the_plan(app: RunApp, world: None) -> None:
    at = app(role="steering", page="pages/timeline.py")
    (figure,) = _charts(at)
    assert len(figure["data"][0]["y"]) == 7  # T1.1 … T3.1


@pytest.mark.once  # who may open a page: core/access/navigation, not the database
def test_sme_cannot_open_the_dashboards(app: RunApp, world: None) -> None:
    offered = {spec.path for spec in pages_for(Role.SME)}
    assert not offered & {f"pages/{page}.py" for page in PAGES}
    for page in PAGES:
        at = _signed_in("sme")
        at.run()
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(str(REPO_ROOT / "pages" / f"{page}.py"))
        # A fresh server serves files in pages/ by URL: the page's own guard hands the request
        # to the router, which opens the SME's own start page instead.
        with as_fresh_server():
            fresh = _signed_in("sme")
            fresh.switch_page(str(REPO_ROOT / "pages" / f"{page}.py"))
            fresh.run()
        assert _charts(fresh) == [] and len(fresh.dataframe) == 0, page
        assert translate(f"page.{page}", "en") not in [t.value for t in fresh.title], page


def test_events_page_numbers_for_the_manager(app: RunApp, world: None) -> None:
    at = app(role="manager", page="pages/events.py")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Events": "4", "Unique people": "6", "Attendances": "10"}


def test_company_drill_down_only_for_the_manager(app: RunApp, world: None) -> None:
    manager = app(role="manager", page="pages/partnerships.py")
    manager.selectbox(key="partnerships_company").set_value("0000001-9").run()
    assert manager.query_params["partnerships_company"] == "0000001-9"
    # The joining date in the UI language.
    assert any("Oulu" in m.value and "3 Oct 2025" in m.value for m in manager.markdown)
    steering = app(role="steering", page="pages/partnerships.py")
    assert not [s for s in steering.selectbox if s.key == "partnerships_company"]


def test_filters_live_in_the_url_and_follow_to_the_next_page(app: RunApp, world: None) -> None:
    at = app(role="manager", page="pages/events.py")
    at.multiselect(key="group").set_value(["alumni"]).run()
    assert at.query_params["group"] == "alumni"
    assert {m.label: m.value for m in at.metric}["Unique people"] == "2"
    at.switch_page(str(REPO_ROOT / "pages" / "results.py"))
    at.run()
    assert at.multiselect(key="group").value == ["alumni"]


@pytest.mark.once  # filters read from and written to the URL: no query differs
def test_a_link_reopens_the_same_view(world: None, database_url: str) -> None:
    at = _signed_in("manager")
    at.query_params.update({"wp": "T2.2", "period": "2025-09-01..2025-12-31", "lang": "fi"})
    at.run()
    at.switch_page(str(REPO_ROOT / "pages" / "events.py"))
    at.run()
    assert at.multiselect(key="wp").value == ["T2.2"]
    assert at.title[0].value == "Tapahtumat ja tavoittavuus"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Tapahtumat"] == "2" and metrics["Osallistumiskerrat"] == "6"


@pytest.mark.once  # filters read from and written to the URL: no query differs
def test_bad_url_values_fall_back_to_the_defaults(world: None, database_url: str) -> None:
    at = _signed_in("manager")
    at.query_params.update({"wp": "T9.9,T2.2", "period": "yesterday..tomorrow"})
    at.run()
    at.switch_page(str(REPO_ROOT / "pages" / "events.py"))
    at.run()
    assert not at.exception
    assert at.multiselect(key="wp").value == ["T2.2"]  # the unknown code is dropped
    assert "period" not in at.query_params  # the whole project period again


def test_meeting_mode_steps_through_the_pack(app: RunApp, world: None) -> None:
    at = app(role="manager", page="pages/meeting.py")
    assert at.selectbox(key="meeting_slide").value == "participants"
    at.button(key="meeting_next").click().run()
    assert at.query_params["meeting_slide"] == "participants_by_status"
    (figure,) = _charts(at)
    assert figure["layout"]["title"]["text"] == "Participants by status"
    assert figure["layout"]["font"]["size"] >= 24
    at.button(key="meeting_previous").click().run()
    at.button(key="meeting_previous").click().run()
    assert at.query_params["meeting_slide"] == PACK_KEYS[-1]  # it wraps round
    # Whoever opens it, meeting mode shows what the steering group sees.
    at.selectbox(key="meeting_slide").set_value("commitments").run()
    assert "<5" in _hidden_markers(at) or ".." in _hidden_markers(at)


def _notes(at: AppTest) -> list[str]:
    return [
        note["text"]
        for figure in _charts(at)
        for note in figure["layout"].get("annotations", [])
        if note.get("name") == "hidden_note"
    ]


@pytest.mark.demo(date(2026, 11, 23))
def test_results_too_fine_for_steering_are_shown_merged_with_a_note(
    app: RunApp, engine: Engine, project: Project
) -> None:
    steering = _notes(app(role="steering", page="pages/results.py"))
    assert any(n.startswith("Genders merged") for n in steering), steering
    manager = _notes(app(role="manager", page="pages/results.py"))
    assert not any("merged" in n or "one total" in n for n in manager), manager


def test_meeting_mode_shows_the_budget_as_steering_sees_it(app: RunApp, world: None) -> None:
    """Issue 17: the budget slide is in the pack, whoever opens meeting mode."""
    at = app(role="manager", page="pages/meeting.py")
    at.selectbox(key="meeting_slide").set_value("budget").run()
    (figure,) = _charts(at)
    assert figure["layout"]["title"]["text"] == "Budget used against time gone"
    assert [bar["y"] for bar in figure["data"] if bar["type"] == "bar"] == [
        ["Salaries", "Flat rate 40 % of salaries", "Costs in total"]
    ]
