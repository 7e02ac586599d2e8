"""Company needs: record what a company needs in plain words; ESCO skills; matching profiles."""

from __future__ import annotations

import streamlit as st
from sqlmodel import select

import ui
from core.access.audit import record_search
from core.codes import NeedSource, Role
from core.competence.esco_map import get_mapper
from core.competence.needs import (
    Actor,
    NeedRefused,
    NeedView,
    add_need,
    list_needs,
    need_matches,
    needs_from_commitments,
)
from core.models import Company
from core.search.contact import requested_codes
from core.search.live import IndexState, index_status
from core.search.results import result_cards
from core.search.service import SearchInputError
from ui.search import prepare_index, result_card

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


def show_matches(need_id: int) -> None:
    """The search engine's cards for the need's text, as on the search page."""
    with ui.session() as db:
        status = index_status(db)
        asked = requested_codes(db, signed.company_id) if signed.company_id else set()
    if status.state is not IndexState.READY:
        prepare_index(status)
    try:
        with ui.session() as db:
            found = need_matches(db, actor=actor, need_id=need_id)
            cards = result_cards(db, found)
    except SearchInputError as error:
        st.warning(ui.t(error.key))
        return
    st.caption(ui.t("needs.matches.caption", shown=len(cards), total=found.total))
    for card in cards:
        result_card(card, signed, found.query, asked)


def toggle_matches(need: NeedView, opened: bool) -> None:
    label = ui.t("needs.matches.hide" if opened else "needs.matches")
    if st.button(label, key=f"needs_match_{need.id}", icon=":material/person_search:"):
        st.session_state["needs_open"] = None if opened else need.id
        if not opened:  # a search with the need's words, audited like one on the search page
            with ui.session() as db:
                record_search(
                    db, username=signed.username, company_id=signed.company_id,
                    query=need.text, filters={"need": need.id},
                )  # fmt: skip
                db.commit()
        st.rerun()


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
        opened = st.session_state.get("needs_open") == need.id
        toggle_matches(need, opened)
        if opened:
            show_matches(need.id)
