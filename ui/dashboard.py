"""Streamlit glue shared by the dashboard pages: cached reads, the page frame, charts, tables."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import ui
from core.budget.view import BudgetData, BudgetView, budget_data, budget_view
from core.codes import Role
from core.dashboards.bundle import Views
from core.dashboards.events import EventData, event_data
from core.dashboards.filters import ALL_FILTERS, FilterOptions, Filters, filter_options
from core.dashboards.partnerships import PartnershipData, partnership_data
from core.dashboards.progress import ProgressData, progress_data
from core.dashboards.results import ResultData, result_data
from core.dashboards.timeline import TimelineData, timeline_data
from core.dashboards.views import (
    EventView,
    PartnershipView,
    ProgressView,
    ResultView,
    event_view,
    partnership_view,
    progress_view,
    result_view,
)
from core.indicators.plan import PlanTarget, plan_targets, published_plan
from core.privacy.rules import TOTAL, rule_for
from core.privacy.shown import Shown
from ui.filters import filter_bar

DbKey = tuple[str, int]


# --- Cached reads: keyed on the data version, so every write invalidates them -----------------


@st.cache_data(ttl=3600, max_entries=32, show_spinner=False)
def load_options(db_key: DbKey) -> FilterOptions | None:
    with ui.reading() as db:
        project = ui.current_project(db)
        return None if project is None else filter_options(db, project)


def _with_project(read: Callable[..., object], *args: object) -> object:
    with ui.reading() as db:
        project = ui.current_project(db)
        assert project is not None, "pages check for a project first"
        return read(db, project, *args)


@st.cache_data(ttl=3600, max_entries=32, show_spinner=False)
def load_partnerships(db_key: DbKey, filters: Filters, as_of: date) -> PartnershipData:
    return _with_project(partnership_data, filters, as_of)  # type: ignore[return-value]


@st.cache_data(ttl=3600, max_entries=32, show_spinner=False)
def load_events(db_key: DbKey, filters: Filters, as_of: date) -> EventData:
    return _with_project(event_data, filters, as_of)  # type: ignore[return-value]


@st.cache_data(ttl=3600, max_entries=32, show_spinner=False)
def load_progress(db_key: DbKey, filters: Filters, as_of: date) -> ProgressData:
    return _with_project(progress_data, filters, as_of)  # type: ignore[return-value]


@st.cache_data(ttl=3600, max_entries=32, show_spinner=False)
def load_results(db_key: DbKey, filters: Filters) -> ResultData:
    return _with_project(result_data, filters)  # type: ignore[return-value]


@st.cache_data(ttl=3600, max_entries=32, show_spinner=False)
def load_timeline(db_key: DbKey, filters: Filters) -> TimelineData:
    return _with_project(timeline_data, filters)  # type: ignore[return-value]


# issue 15: every target of the plan as `role` sees it (not filtered: targets are project-wide).
@st.cache_data(ttl=3600, max_entries=32, show_spinner=False)
def load_plan(db_key: DbKey, as_of: date, role: Role) -> list[PlanTarget]:
    raw = _with_project(plan_targets, as_of)
    return published_plan(raw, role)  # type: ignore[arg-type]


# Views: what one role sees. Suppression is cheap but not free, so it is cached as well.


@st.cache_data(ttl=3600, max_entries=32, show_spinner=False)
def _progress_view(db_key: DbKey, filters: Filters, as_of: date, role: Role) -> ProgressView:
    return progress_view(load_progress(db_key, filters, as_of), role)


@st.cache_data(ttl=3600, max_entries=32, show_spinner=False)
def _partnership_view(db_key: DbKey, filters: Filters, as_of: date, role: Role) -> PartnershipView:
    return partnership_view(load_partnerships(db_key, filters, as_of), role)


@st.cache_data(ttl=3600, max_entries=32, show_spinner=False)
def _event_view(db_key: DbKey, filters: Filters, as_of: date, role: Role) -> EventView:
    return event_view(load_events(db_key, filters, as_of), role)


@st.cache_data(ttl=3600, max_entries=32, show_spinner=False)
def _result_view(db_key: DbKey, filters: Filters, role: Role) -> ResultView:
    return result_view(load_results(db_key, filters), role)


# Issue 17: the budget as of the filters' end (money is not filtered by group or package).
@st.cache_data(ttl=3600, max_entries=32, show_spinner=False)
def load_budget(db_key: DbKey, as_of: date) -> BudgetData:
    return _with_project(budget_data, as_of)  # type: ignore[return-value]


def budget_views(db_key: DbKey, as_of: date, role: Role) -> BudgetView:
    return budget_view(load_budget(db_key, as_of), role)


def partnerships_for(page: Page) -> PartnershipView:
    return _partnership_view(page.db_key, page.filters, page.today, page.role)


def events_for(page: Page) -> EventView:
    return _event_view(page.db_key, page.filters, page.today, page.role)


def results_for(page: Page) -> ResultView:
    return _result_view(page.db_key, page.filters, page.role)


def meeting_views(page: Page) -> Views:
    """The pack's views, always as the steering group sees them."""
    key, filters, today, steering = page.db_key, page.filters, page.today, Role.STEERING
    return Views(
        progress=lambda: _progress_view(key, filters, today, steering),
        partnerships=lambda: _partnership_view(key, filters, today, steering),
        events=lambda: _event_view(key, filters, today, steering),
        results=lambda: _result_view(key, filters, steering),
        timeline=lambda: load_timeline(key, filters),
        spearheads=page.names("spearheads"),
        target_groups=page.names("target_groups"),
        lang=page.lang,
        today=today,
        budget=lambda: budget_views(key, min(today, filters.end), steering),
        plan=lambda: load_plan(key, today, steering),
    )


# --- The page frame ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    db_key: DbKey
    options: FilterOptions
    filters: Filters
    role: Role
    lang: str
    today: date

    def names(self, which: str) -> dict[str, str]:
        """Spearhead or target-group codes → names in the UI language."""
        choices = self.options.spearheads if which == "spearheads" else self.options.target_groups
        return {c.code: c.label(self.lang) for c in choices}


def start_page(title: str, *, uses: Collection[str] = ALL_FILTERS, meeting: bool = False) -> Page:
    """Title, filter bar and the steering notice; stops the page when no project is loaded.

    `meeting`: no page title (the chart carries its own, and a projected chart needs the
    height) and the steering notice whoever is signed in (meeting mode shows steering numbers).
    """
    role = ui.current_role()  # the page's ui.guard has checked it may open the page
    if not meeting:
        st.title(title)
    db_key = ui.database_key()
    options = load_options(db_key)
    if options is None:
        ui.no_project()
    filters = filter_bar(options, uses=uses)
    rule = rule_for(Role.STEERING if meeting else role)
    if rule.suppressed:
        st.caption(
            ui.t(
                "dash.suppressed_view",
                threshold=rule.threshold,
                marker=rule.marker,
                base=rule.base,
            )
        )
    return Page(db_key, options, filters, role, ui.lang(), ui.today())


def project_name(page: Page) -> str:
    """The loaded project's name in the UI language (for exported title pages)."""
    with ui.reading() as db:
        project = ui.current_project(db)
        if project is None:
            return ""
        return project.name_fi if page.lang == "fi" and project.name_fi else project.name


def chart(fig: go.Figure, key: str, title: str | None = None) -> None:
    if title is not None:
        st.subheader(title)
    st.plotly_chart(fig, width="stretch", key=key)


def table(
    shown: Shown,
    *,
    rows: Callable[[str], str],
    columns: Callable[[str], str],
    key: str,
) -> None:
    """The display strings of `shown` ("<5", "..", numbers), with readable labels."""
    text = shown.text.copy()
    total = ui.t("gender.total")
    text.index = [total if r == TOTAL else rows(str(r)) for r in text.index]
    text.columns = [total if c == TOTAL else columns(str(c)) for c in text.columns]
    st.dataframe(text, width="stretch", key=key)


def ledger_labels() -> dict[str, str]:
    """Column names of a company's commitment ledger in the UI language."""
    return {
        "year": ui.t("dash.column.year"),
        "kind": ui.t("dash.column.kind"),
        "committed": ui.t("dash.column.committed"),
        "delivered": ui.t("dash.column.delivered"),
        "amount_eur": ui.t("dash.column.amount_eur"),
        "topic": ui.t("dash.column.topic"),
    }


def event_labels() -> dict[str, str]:
    """Column names of a company's event list in the UI language."""
    return {
        "event_date": ui.t("dash.column.event_date"),
        "code": ui.t("dash.column.code"),
        "name": ui.t("dash.column.name"),
        "people": ui.t("dash.column.people"),
    }


def package_labels() -> dict[str, str]:
    """Column names of the work-package table in the UI language."""
    return {
        "code": ui.t("filters.work_package"),
        "name": ui.t("dash.column.package"),
        "start": ui.t("dash.column.start"),
        "end": ui.t("dash.column.end"),
        "events": ui.t("dash.column.events"),
    }


def frame_table(rows: pd.DataFrame, labels: dict[str, str], key: str) -> None:
    """A plain frame (manager-only detail) with translated column names."""
    st.dataframe(rows.rename(columns=labels), hide_index=True, width="stretch", key=key)


def money_table(table: pd.DataFrame) -> None:
    """A table whose euro columns (headers ending in "(€)") read 134,891.93, not 134891.93."""
    euros = {
        name: st.column_config.NumberColumn(name, format="accounting")
        for name in table.columns
        if str(name).endswith("(€)") and pd.api.types.is_numeric_dtype(table[name])
    }
    st.dataframe(table, hide_index=True, width="stretch", column_config=euros)
