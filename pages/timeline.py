"""Work-package timeline: T1.1–T3.1 as a Gantt chart with today's line, events and milestones."""

from __future__ import annotations

import streamlit as st

import ui
from core.dashboards.charts.timeline import timeline_figure
from core.dashboards.filters import PERIOD, WORK_PACKAGE
from ui import dashboard as dash

ui.guard(__file__)

page = dash.start_page(ui.t("timeline.title"), uses={PERIOD, WORK_PACKAGE})
data = dash.load_timeline(page.db_key, page.filters)
dash.chart(timeline_figure(data, ui.t, today=page.today, lang=page.lang), "timeline_chart")
st.caption(ui.t("timeline.help"))

packages = data.packages.assign(
    name=[
        fi if page.lang == "fi" and fi else en
        for en, fi in zip(data.packages["name"], data.packages["name_fi"], strict=True)
    ]
).drop(columns="name_fi")

dash.frame_table(packages, dash.package_labels(), "timeline_packages")
