"""Follow-up results: EU results by gender, the qualitative-employment ladder, retention and
intent to stay by spearhead."""

from __future__ import annotations

import streamlit as st

import ui
from core.dashboards.charts.results import by_gender_figure, by_spearhead_figure
from core.dashboards.filters import PERIOD, SPEARHEAD, TARGET_GROUP
from ui import dashboard as dash

ui.guard(__file__)

page = dash.start_page("results.title", uses={PERIOD, SPEARHEAD, TARGET_GROUP})
view = dash.results_for(page)
spearheads = page.names("spearheads")
st.caption(ui.t("results.window_note"))

status = "code.follow_up_status"
left, right = st.columns(2)
with left:
    dash.chart(by_gender_figure(view.immediate, status, ui.t), "results_28", "results.immediate")
with right:
    dash.chart(by_gender_figure(view.six_months, status, ui.t), "results_6", "results.six_months")
dash.chart(
    by_gender_figure(view.improved, "dash.improved", ui.t, keep_zero=["yes"]),
    "results_improved",
    "results.improved",
)

dash.chart(
    by_spearhead_figure(view.ladder, "dash.ladder", spearheads, ui.t, all_rows=True),
    "results_ladder",
    "results.ladder",
)
st.caption(ui.t("results.ladder_help"))
left, right = st.columns(2)
with left:
    dash.chart(
        by_spearhead_figure(view.retention, "dash.retention", spearheads, ui.t),
        "results_retention",
        "results.retention",
    )
with right:
    dash.chart(
        by_spearhead_figure(view.intent, "dash.intent", spearheads, ui.t, all_rows=True),
        "results_intent",
        "results.intent",
    )
st.subheader(ui.t("results.scores"))
dash.table(
    view.scores,
    rows=lambda code: spearheads.get(code, ui.t("dash.no_spearhead")),
    columns=lambda _: ui.t("results.mean_score"),
    key="results_scores",
)

with st.expander(ui.t("results.tables"), icon=":material/table:"):
    for name, prefix in (
        ("immediate", status),
        ("six_months", status),
        ("improved", "dash.improved"),
    ):
        st.markdown(f"**{ui.t(f'results.{name}')}**")
        dash.table(
            getattr(view, name),
            rows=lambda code, prefix=prefix: ui.t(f"{prefix}.{code}"),
            columns=lambda gender: ui.t(f"gender.{gender}"),
            key=f"results_table_{name}",
        )
