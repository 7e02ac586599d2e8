"""The contact funnel section (issue 14) shared by the Partnerships and Follow-up results
pages: a breakdown choice, the chart and the table, as the signed-in role may see them."""

from __future__ import annotations

from datetime import date

import streamlit as st

import ui
from core.codes import Role
from core.contacts.funnel import FunnelBy, contact_funnel
from core.dashboards.charts.contacts import contact_funnel_figure, group_label, stage_label
from core.privacy.shown import Shown
from ui import dashboard as dash


@st.cache_data(ttl=3600, max_entries=32, show_spinner=False)
def load_funnel(
    db_key: dash.DbKey, years: tuple[int, ...], by: FunnelBy, role: Role, today: date
) -> Shown:
    with ui.reading() as db:
        project = ui.current_project(db)
        assert project is not None, "pages check for a project first"
        return contact_funnel(db, project, years, by, role, today)


def contact_funnel_section(page: dash.Page, key: str) -> None:
    """The funnel for the page's period; `key` prefixes the widgets' keys (the page's name)."""
    st.subheader(ui.t("funnel.title"))
    chosen = st.radio(
        ui.t("funnel.breakdown"),
        list(FunnelBy),
        index=list(FunnelBy).index(FunnelBy.SPEARHEAD),
        format_func=ui.label,
        horizontal=True,
        key=f"{key}_funnel_by",
    )
    by = FunnelBy(chosen or FunnelBy.SPEARHEAD)
    shown = load_funnel(page.db_key, page.filters.years, by, page.role, page.today)
    spearheads = page.names("spearheads")
    dash.chart(contact_funnel_figure(shown, by, spearheads, ui.t), f"{key}_funnel_chart")
    st.caption(ui.t("funnel.help"))
    with st.expander(ui.t("funnel.table"), icon=":material/table:"):
        dash.table(
            shown,
            rows=stage_label(ui.t),
            columns=group_label(by, spearheads, ui.t),
            key=f"{key}_funnel_table",
        )
