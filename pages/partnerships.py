"""Partnerships: commitments committed vs delivered, scholarships, company mix, new companies."""

from __future__ import annotations

import streamlit as st

import ui
from core.codes import Role, SizeClass, term_key
from core.dashboards.charts.locale import day_label
from core.dashboards.charts.partnerships import (
    commitments_figure,
    company_mix_figure,
    new_companies_figure,
    scholarships_figure,
)
from core.dashboards.filters import PERIOD
from core.dashboards.partnerships import company_detail, partner_companies
from ui import dashboard as dash
from ui.funnel import contact_funnel_section

ui.guard(__file__)

page = dash.start_page(ui.t("partnerships.title"), uses={PERIOD})
view = dash.partnerships_for(page)

dash.chart(new_companies_figure(view, ui.t), "partnerships_new", ui.t("partnerships.new_companies"))
left, right = st.columns(2)
with left:
    dash.chart(
        commitments_figure(view, ui.t),
        "partnerships_commitments",
        ui.t("partnerships.commitments"),
    )
with right:
    dash.chart(
        scholarships_figure(view, ui.t), "partnerships_euros", ui.t("partnerships.scholarships")
    )
dash.chart(company_mix_figure(view, ui.t), "partnerships_mix", ui.t("partnerships.mix"))


def kind(code: str) -> str:
    return ui.t(term_key("commitment_kind", code))


with st.expander(ui.t("partnerships.ledger"), icon=":material/table:"):
    st.caption(ui.t("partnerships.ledger_help"))
    for measure, title, shown in (
        ("committed", ui.t("dash.committed"), view.committed),
        ("delivered", ui.t("dash.delivered"), view.delivered),
    ):
        st.markdown(f"**{title}**")
        dash.table(shown, rows=kind, columns=str, key=f"partnerships_ledger_{measure}")

# Issue 14: contact requests → agreed → delivered → employed at 6 months, by group.
contact_funnel_section(page, "partnerships")

if page.role is Role.MANAGER:
    st.subheader(ui.t("partnerships.drilldown"))
    with ui.reading() as db:
        project = ui.current_project(db)
        assert project is not None
        companies = dict(partner_companies(db, project))
        ui.from_url("partnerships_company", list(companies), None)
        chosen = st.selectbox(
            ui.t("partnerships.company"),
            list(companies),
            format_func=lambda b: f"{companies[b]} ({b})",
            index=None,
            placeholder=ui.t("partnerships.pick_company"),
            key="partnerships_company",
        )
        ui.to_url("partnerships_company", None)
        detail = None if chosen is None else company_detail(db, project, chosen)
    if detail is not None:
        st.markdown(
            ui.t(
                "partnerships.company_facts",
                size=ui.label(SizeClass(detail.size_class)),
                municipality=detail.municipality or "–",
                sector=detail.sector or "–",
                joined=day_label(detail.joined_on, ui.t) if detail.joined_on else "–",
            )
        )
        commitments = detail.commitments.assign(kind=detail.commitments["kind"].map(kind))
        dash.frame_table(commitments, dash.ledger_labels(), "partnerships_company_ledger")
        st.markdown(f"**{ui.t('partnerships.company_events')}**")
        dash.frame_table(detail.events, dash.event_labels(), "partnerships_company_events")
