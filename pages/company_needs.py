"""Company needs: record what a company needs in plain words; ESCO skills; matching profiles."""

from __future__ import annotations

import streamlit as st

import ui
from core.access.audit import record_search
from core.codes import NeedSource, Role
from core.competence.esco_map import get_mapper
from core.competence.needs import (
    Actor,
    NeedError,
    NeedRefused,
    NeedView,
    add_need,
    company_names,
    decide_skill,
    list_needs,
    need_matches,
    need_skills,
    needs_from_commitments,
)
from core.contacts.requests import requested_codes
from core.search.live import IndexState, index_status
from core.search.results import result_cards
from core.search.service import SearchInputError
from ui.search import prepare_index, result_card, sent_notice

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


def show_matches(need_id: int) -> None:
    """The search engine's cards for the need's text, as on the search page."""
    with ui.reading() as db:
        status = index_status(db)
        asked = requested_codes(db, signed.company_id) if signed.company_id else set()
    if status.state is not IndexState.READY:
        prepare_index(status)
    try:
        with ui.reading() as db:
            found = need_matches(db, actor=actor, need_id=need_id)
            cards = result_cards(db, found)
    except SearchInputError as error:
        ui.error(error, warning=True)
        return
    st.caption(ui.t("needs.matches.caption", shown=len(cards), total=found.total))
    sent_notice()
    for card in cards:
        result_card(card, signed, found.query, asked)


STATUS_KEYS = {
    "claimed": "needs.status.claimed",
    "confirmed": "needs.status.confirmed",
    "removed": "needs.status.removed",
    "candidate": "needs.status.candidate",
}


def toggle_matches(need: NeedView, opened: bool) -> None:
    label = ui.t("needs.matches.hide" if opened else "needs.matches")
    if st.button(label, key=f"needs_match_{need.id}", icon=":material/person_search:"):
        st.session_state["needs_open"] = None if opened else need.id
        if not opened:  # a search with the need's words, audited like one on the search page
            record_search(
                username=signed.username, company_id=signed.company_id,
                query=need.text, filters={"need": need.id},
            )  # fmt: skip
        st.rerun()


def decide(need_id: int, uri: str, decision: str) -> None:
    try:
        with ui.unit_of_work() as db:
            decide_skill(db, actor=actor, need_id=need_id, uri=uri, decision=decision)
    except (NeedError, NeedRefused) as error:
        ui.error(error)
        return
    st.rerun()


def show_candidates(need: NeedView) -> None:
    """The need's ranked candidate skills (issue 16): always shown, each with its status and
    the company's confirm / remove (or undo) buttons."""
    if not need.candidates:  # mapped before candidates were kept: its stored skills
        if need.skills:
            st.dataframe(
                {
                    ui.t("competence.skill"): [s[0] for s in need.skills],
                    ui.t("competence.confidence"): [round(s[1], 2) for s in need.skills],
                },
                hide_index=True,
                width="stretch",
            )
        else:
            st.caption(ui.t("needs.no_skills"))
        return
    st.markdown(f"**{ui.t('needs.candidates')}**")
    st.caption(ui.t("needs.candidates.caption"))
    for c in need.candidates:
        name, confidence, status, action = st.columns([6, 2, 2, 2], vertical_alignment="center")
        name.markdown(f"**{c.name}**" if c.counted else c.name)
        confidence.write(f"{round(c.confidence * 100)} %")
        code = c.decision or ("claimed" if c.claimed else "candidate")
        status.write(ui.t(STATUS_KEYS[code]))
        key = f"needs_{need.id}_{c.uri}"
        if c.decision:
            if action.button(ui.t("needs.undo"), key=f"{key}_undo"):
                decide(need.id, c.uri, "")
        elif c.claimed:
            if action.button(ui.t("needs.remove"), key=f"{key}_remove"):
                decide(need.id, c.uri, "removed")
        elif action.button(ui.t("needs.confirm"), key=f"{key}_confirm"):
            decide(need.id, c.uri, "confirmed")


with ui.reading() as db:
    needs = list_needs(db, actor=actor, project=project, lang=ui.lang())
if not needs:
    st.info(ui.t("needs.none"))
for need in needs:
    with st.container(border=True):
        st.markdown(f"**{need.company}** · {ui.label(NeedSource(need.source))} · {need.created_at}")
        st.write(need.text)
        show_candidates(need)
        opened = st.session_state.get("needs_open") == need.id
        toggle_matches(need, opened)
        if opened:
            show_matches(need.id)
