"""Competence map: skills supply by student group against company demand, gaps, areas."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from core.codes import MentionSource, Role
from core.competence.esco_map import get_mapper
from core.competence.mentions import remap_project
from core.competence.supply import GROUPINGS, Grouping
from core.competence.view import CompetenceMap, GapRow, build_map, skill_evidence
from core.dashboards.charts.kpi import skill_heatmap

signed = ui.guard(__file__)


@st.cache_data(ttl=600, max_entries=16, show_spinner=False)
def load_map(db_key: tuple[str, int], role: str, by: str, lang: str) -> CompetenceMap | None:
    with ui.reading() as db:
        project = ui.current_project(db)
        return (
            None if project is None else build_map(db, project, role=Role(role), by=by, lang=lang)
        )


def gap_table(rows: list[GapRow], view: CompetenceMap) -> pd.DataFrame:
    return pd.DataFrame(
        {
            ui.t("competence.gap.skill"): [g.label for g in rows],
            ui.t("competence.gap.companies"): [g.companies for g in rows],
            ui.t("competence.gap.students"): [g.students for g in rows],
            ui.t("competence.gap.gap"): [g.gap_text(view.rule.marker) for g in rows],
        }
    )


st.title(ui.t("competence.map.title"))
st.caption(ui.t("competence.map.caption"))
by = ui.url_choice(
    ui.t("competence.map.by"),
    list(GROUPINGS),
    key="competence_by",
    default="programme",
    format_func=lambda code: ui.label(Grouping(code)),
)
if signed.role is Role.MANAGER and st.button(ui.t("competence.remap"), key="competence_remap"):
    bar = st.progress(0.0, text=ui.t("reports.analysing"))
    with ui.unit_of_work() as db:
        project = ui.current_project(db)
        if project is not None:
            remap_project(db, project, get_mapper(), lambda d, n: bar.progress(d / max(n, 1)))
    bar.empty()
view = load_map(ui.database_key(), signed.role.value, by, ui.lang())
if view is None:
    st.info(ui.t("competence.no_data"))
    st.stop()
if view.suppressed:
    st.caption(ui.t("privacy.legend", n=view.threshold, marker=view.rule.marker))
values = view.values.rename(columns={"total": ui.t("competence.map.students_total")})
display = view.display.rename(columns={"total": ui.t("competence.map.students_total")})
figure = skill_heatmap(
    values, display, view.demand, ui.t("competence.map.demand"), demand_text=view.demand_text
)
st.plotly_chart(figure, width="stretch", key="competence_heatmap")

if not view.suppressed:
    skill = st.selectbox(
        ui.t("competence.evidence_for"), list(view.values.index), key="competence_skill"
    )
    with ui.reading() as db:
        project = ui.current_project(db)
        found = (
            [] if project is None else skill_evidence(db, project, role=Role.MANAGER, label=skill)
        )
    st.dataframe(
        {
            ui.t("competence.source"): [ui.label(MentionSource(e.source)) for e in found],
            ui.t("competence.owner"): [e.owner for e in found],
            ui.t("competence.evidence"): [e.evidence for e in found],
            ui.t("competence.confidence"): [round(e.confidence, 2) for e in found],
        },
        hide_index=True,
        width="stretch",
        key="competence_evidence",
    )

st.subheader(ui.t("competence.gap.title"))
left, right = st.columns(2)
with left:
    st.markdown(f"**{ui.t('competence.gap.under')}**")
    st.dataframe(gap_table(view.under, view), hide_index=True, width="stretch")
with right:
    st.markdown(f"**{ui.t('competence.gap.over')}**")
    st.dataframe(gap_table(view.over, view), hide_index=True, width="stretch")

st.subheader(ui.t("competence.areas.title"))
st.caption(ui.t("competence.areas.caption"))
if not view.areas:
    st.info(ui.t("competence.areas.none"))
for area in view.areas:
    size = view.count_text(area.students)
    with st.container(border=True):
        st.markdown(f"**{area.name}** · {ui.t('competence.areas.students', n=size)}")
        st.caption(" · ".join(f"{label} ({n})" for label, n in view.typical(area)))
