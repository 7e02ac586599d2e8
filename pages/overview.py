"""Overview: KPI cards against the project's targets, trajectory with forecast, last 30 days."""

from __future__ import annotations

from datetime import date

import streamlit as st

import ui
from core.codes import Indicator, Role
from core.dashboards.charts.kpi import trajectory_figure
from core.dashboards.charts.locale import day_label
from core.indicators.eu_indicators import common_indicators, labelled_indicators
from core.indicators.kpi import Status
from core.indicators.overview import HEADLINE, Overview, Trajectory, build_overview
from core.periods import Window
from ui.plan import plan_section

ui.guard(__file__)

STATUS_COLOURS = {
    Status.ON_TRACK: "green",
    Status.AT_RISK: "orange",
    Status.BEHIND: "red",
    Status.NOT_STARTED: "gray",
    Status.NO_TARGET: "gray",
}


@st.cache_data(ttl=600, max_entries=16, show_spinner=False)
def load_overview(db_key: tuple[str, int], as_of: date, role: str) -> Overview | None:
    with ui.reading() as db:
        project = ui.current_project(db)
        return None if project is None else build_overview(db, project, as_of, role=Role(role))


def kpi_card(trajectory: Trajectory) -> None:
    progress = trajectory.progress
    actual = trajectory.actual_text
    with st.container(border=True):
        st.metric(
            ui.label(Indicator(progress.indicator)),
            f"{int(actual):,}".replace(",", " ") if actual.isdigit() else actual,
            delta=f"{progress.percent:.0f} % " + ui.t("overview.of_target", target=progress.target)
            if progress.percent is not None
            else None,
            delta_color="off",
            delta_arrow="off",
        )
        st.badge(ui.label(progress.status), color=STATUS_COLOURS[progress.status])
        st.caption(ui.t("overview.planned_by_now", planned=round(progress.planned)))


overview = load_overview(ui.database_key(), ui.today(), ui.current_role().value)
st.title(ui.t("overview.title"))
if overview is None:
    ui.no_project()
st.caption(ui.t("overview.as_of", day=day_label(overview.as_of, ui.t)))

for column, indicator in zip(
    st.columns(len(overview.trajectories)), overview.trajectories, strict=True
):
    with column:
        kpi_card(overview.trajectories[indicator])

choice = ui.url_choice(
    ui.t("overview.chart_for"),
    [i.value for i in HEADLINE if i in overview.trajectories],
    key="overview_indicator",
    default=Indicator.PARTICIPANTS.value,
    format_func=lambda code: ui.label(Indicator(code)),
)
chosen = overview.trajectories[Indicator(choice)]
st.plotly_chart(trajectory_figure(chosen, ui.t), width="stretch", key="overview_chart")
if chosen.forecast is None:
    st.caption(ui.t("overview.no_forecast"))
else:
    band = chosen.forecast
    st.caption(
        ui.t(
            "overview.forecast_end",
            end=day_label(chosen.progress.period_end, ui.t),
            value=round(band.at_end),
            low=round(band.low[-1]),
            high=round(band.high[-1]),
        )
    )
    with st.expander(ui.t("overview.method")):
        st.write(band.method)

plan_section(overview.plan)  # issue 15: every other target, by work package

st.subheader(ui.t("overview.recent"))
recent = overview.recent
for column, (label, value) in zip(
    st.columns(4),
    [
        (ui.t("overview.recent.participants"), recent.text("participants")),
        (ui.t("overview.recent.companies"), recent.text("companies")),
        (ui.t("overview.recent.events"), recent.text("events")),
        (ui.t("overview.recent.exits"), recent.text("exits")),
    ],
    strict=True,
):
    column.metric(label, value)

if ui.current_role() is Role.MANAGER:
    with st.expander(ui.t("overview.eu")):
        with ui.reading() as db:
            project = ui.current_project(db)
            assert project is not None
            table = common_indicators(db, project, Window(project.start_date, overview.as_of))
        st.dataframe(labelled_indicators(table, ui.t), hide_index=True, width="stretch")
