"""Events: events over time, reach against attendance, repeat visits, target groups, funnel."""

from __future__ import annotations

import streamlit as st

import ui
from core.dashboards.charts.events import (
    BY_PACKAGE,
    BY_TYPE,
    ColourBy,
    events_figure,
    funnel_figure,
    groups_figure,
    reach_figure,
    repeat_figure,
)
from ui import dashboard as dash

ui.guard(__file__)

page = dash.start_page(ui.t("events.title"))
data = dash.load_events(page.db_key, page.filters, page.today)
view = dash.events_for(page)

held = int(data.events["events"].sum()) if not data.events.empty else 0
for column, (label, value) in zip(
    st.columns(3),
    [
        (ui.t("dash.events"), str(held)),
        (ui.t("dash.people"), view.repeat.text.at["total", "count"]),
        (ui.t("dash.attendances"), view.groups.text["attendances"].get("total", "0")),
    ],
    strict=True,
):
    column.metric(label, value)

st.subheader(ui.t("events.over_time"))
by = ui.url_choice(
    ui.t("events.colour_by"),
    [BY_TYPE, BY_PACKAGE],
    key="events_by",
    default=BY_TYPE,
    format_func=lambda code: ui.label(ColourBy(code)),
)
dash.chart(events_figure(data.events, by, ui.t), "events_over_time")
st.caption(ui.t("events.not_people"))

dash.chart(reach_figure(view, ui.t), "events_reach", ui.t("events.reach"))
left, right = st.columns(2)
with left:
    dash.chart(repeat_figure(view, ui.t), "events_repeat", ui.t("events.repeat"))
with right:
    dash.chart(
        groups_figure(view, page.names("target_groups"), ui.t),
        "events_groups",
        ui.t("events.groups"),
    )
dash.chart(funnel_figure(view, ui.t), "events_funnel", ui.t("events.funnel"))
with st.expander(ui.t("events.funnel_how"), icon=":material/help:"):
    st.markdown(ui.t("events.funnel_definitions"))
