"""Company needs: record what a company needs in plain words; ESCO skills; matching profiles."""

from __future__ import annotations

import streamlit as st

import ui
from core.codes import NeedSource, Role
from core.competence.esco_map import get_mapper
from core.competence.needs import (
    Actor,
    NeedError,
    NeedRefused,
    add_need,
    company_names,
    list_needs,
    need_skills,
    needs_from_commitments,
)
from ui import needs as needs_ui

signed = ui.guard(__file__)
role = signed.role
actor = Actor(role, signed.company_id, signed.username)
st.title(ui.t("needs.title"))
st.caption(ui.t("needs.caption"))
project = ui.require_project()
with ui.reading() as db:
    companies = company_names(session=db)
if role is Role.SME and actor.company_id not in companies:
    st.warning(ui.t("needs.no_company"))
    st.stop()

with st.form("needs_form", clear_on_submit=True):
    if role is Role.MANAGER:
        company_id = st.selectbox(
            ui.t("needs.company"), list(companies), format_func=companies.get, key="needs_company"
        )
    else:
        company_id = actor.company_id
        st.markdown(f"**{companies[company_id or 0]}**")
    text = st.text_area(ui.t("needs.text"), key="needs_text", max_chars=2000)
    sources = {s.value: ui.label(s) for s in NeedSource}  # labels in this run's language
    source = st.selectbox(
        ui.t("needs.source"),
        list(sources),
        format_func=sources.__getitem__,
        key="needs_source",
    )
    if st.form_submit_button(ui.t("needs.add"), type="primary"):
        try:
            with ui.unit_of_work() as db:
                need = add_need(
                    db,
                    actor=actor,
                    project=project,
                    company_id=int(company_id or 0),
                    text=text,
                    source=NeedSource(source),
                    mapper=get_mapper(),
                )
                found = len(need_skills(session=db, need_id=need.id or 0))
            st.success(ui.t("needs.saved", n=found))
        except (NeedError, NeedRefused) as error:
            ui.error(error)

if role is Role.MANAGER and st.button(ui.t("needs.from_commitments"), key="needs_commitments"):
    with st.spinner(), ui.unit_of_work() as db:
        added = needs_from_commitments(db, actor=actor, project=project, mapper=get_mapper())
    st.success(ui.t("needs.added_from_commitments", n=added))


with ui.reading() as db:
    needs = list_needs(db, actor=actor, project=project, lang=ui.lang())
if not needs:
    st.info(ui.t("needs.none"))
for need in needs:
    with st.container(border=True):
        st.markdown(f"**{need.company}** · {ui.label(NeedSource(need.source))} · {need.created_at}")
        st.write(need.text)
        needs_ui.show_candidates(actor, need)
        opened = st.session_state.get("needs_open") == need.id
        needs_ui.toggle_matches(signed, need, opened)
        if opened:
            needs_ui.show_matches(signed, actor, need.id)
