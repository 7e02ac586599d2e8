"""Follow-up results: EU results by gender, the qualitative-employment ladder, retention and
intent to stay by spearhead."""

from __future__ import annotations

import streamlit as st

import ui
from core.codes import FollowUpStatus, Gender
from core.dashboards.charts.results import by_gender_figure, by_spearhead_figure, row_label
from core.dashboards.filters import PERIOD, SPEARHEAD, TARGET_GROUP
from core.dashboards.results import Improved, Intent, Place, Rung
from core.i18n import Labelled
from ui import dashboard as dash
from ui.funnel import contact_funnel_section

ui.guard(__file__)

page = dash.start_page(ui.t("results.title"), uses={PERIOD, SPEARHEAD, TARGET_GROUP})
view = dash.results_for(page)
spearheads = page.names("spearheads")
st.caption(ui.t("results.window_note"))

left, right = st.columns(2)
with left:
    dash.chart(
        by_gender_figure(view.immediate, FollowUpStatus, ui.t),
        "results_28",
        ui.t("results.immediate"),
    )
with right:
    dash.chart(
        by_gender_figure(view.six_months, FollowUpStatus, ui.t),
        "results_6",
        ui.t("results.six_months"),
    )
dash.chart(
    by_gender_figure(view.improved, Improved, ui.t, keep_zero=[Improved.YES.value]),
    "results_improved",
    ui.t("results.improved"),
)

dash.chart(
    by_spearhead_figure(view.ladder, Rung, spearheads, ui.t, all_rows=True),
    "results_ladder",
    ui.t("results.ladder"),
)
st.caption(ui.t("results.ladder_help"))
left, right = st.columns(2)
with left:
    dash.chart(
        by_spearhead_figure(view.retention, Place, spearheads, ui.t),
        "results_retention",
        ui.t("results.retention"),
    )
with right:
    dash.chart(
        by_spearhead_figure(view.intent, Intent, spearheads, ui.t, all_rows=True),
        "results_intent",
        ui.t("results.intent"),
    )
st.subheader(ui.t("results.scores"))
dash.table(
    view.scores,
    rows=lambda code: spearheads.get(code, ui.t("dash.no_spearhead")),
    columns=lambda _: ui.t("results.mean_score"),
    key="results_scores",
)

# Issue 14: what contact requests led to, up to employment at 6 months.
contact_funnel_section(page, "results")

tables: list[tuple[str, str, type[Labelled]]] = [
    ("immediate", ui.t("results.immediate"), FollowUpStatus),
    ("six_months", ui.t("results.six_months"), FollowUpStatus),
    ("improved", ui.t("results.improved"), Improved),
]
with st.expander(ui.t("results.tables"), icon=":material/table:"):
    for name, title, codes in tables:
        st.markdown(f"**{title}**")
        dash.table(
            getattr(view, name),
            rows=row_label(codes, ui.t),
            columns=lambda gender: ui.label(Gender(gender)),
            key=f"results_table_{name}",
        )
