"""Company needs: record what a company needs in plain words; see the ESCO skills found."""

from __future__ import annotations

import streamlit as st
from sqlmodel import select

from core import ui
from core.codes import NeedSource, Role
from core.competence.esco_map import get_mapper
from core.competence.needs import Actor, NeedRefused, add_need, list_needs, needs_from_commitments
from core.models import Company

signed = ui.guard(__file__)
role = signed.role
actor = Actor(role, signed.company_id, signed.username)
st.title(ui.t("needs.title"))
st.caption(ui.t("needs.caption"))
with ui.session() as db:
    project = ui.current_project(db)
    companies = {c.id: c.name for c in db.exec(select(Company).order_by(Company.name)) if c.id}
if project is None:
    st.info(ui.t("app.no_project"))
    st.stop()
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
    source = st.selectbox(
        ui.t("needs.source"),
        [s.value for s in NeedSource],
        format_func=lambda code: ui.t(f"code.need_source.{code}"),
        key="needs_source",
    )
    if st.form_submit_button(ui.t("needs.add"), type="primary"):
        try:
            with ui.session() as db:
                need = add_need(
                    db,
                    actor=actor,
                    project=project,
                    company_id=int(company_id or 0),
                    text=text,
                    source=NeedSource(source),
                    mapper=get_mapper(),
                )
                found = len(list_needs(db, actor=actor, project=project)[0].skills)
                db.commit()
            st.success(ui.t("needs.saved", n=found))
        except (ValueError, NeedRefused) as error:
            st.error(str(error))

if role is Role.MANAGER and st.button(ui.t("needs.from_commitments"), key="needs_commitments"):
    with st.spinner(), ui.session() as db:
        added = needs_from_commitments(db, actor=actor, project=project, mapper=get_mapper())
        db.commit()
    st.success(ui.t("needs.added_from_commitments", n=added))

with ui.session() as db:
    needs = list_needs(db, actor=actor, project=project)
if not needs:
    st.info(ui.t("needs.none"))
for need in needs:
    with st.container(border=True):
        st.markdown(
            f"**{need.company}** · {ui.t(f'code.need_source.{need.source}')} · {need.created_at}"
        )
        st.write(need.text)
        if need.skills:
            st.dataframe(
                {
                    ui.t("competence.skill"): [s[0] for s in need.skills],
                    ui.t("competence.confidence"): [round(s[1], 2) for s in need.skills],
                    ui.t("competence.evidence"): [s[2] for s in need.skills],
                },
                hide_index=True,
                width="stretch",
            )
        else:
            st.caption(ui.t("needs.no_skills"))
