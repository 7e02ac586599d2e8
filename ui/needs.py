"""Company needs' parts (issue 16): ranked candidate skills to confirm or remove, and the
matching profiles, searched with the need's words as on the search page."""

from __future__ import annotations

import streamlit as st

import ui
from core.access.audit import record_search
from core.access.auth import SignedIn
from core.competence.needs import (
    Actor,
    NeedError,
    NeedRefused,
    NeedView,
    decide_skill,
    need_matches,
)
from core.contacts.requests import requested_codes
from core.search.live import IndexState, index_status
from core.search.results import result_cards
from core.search.service import SearchInputError
from ui.search import prepare_index, result_card, sent_notice


def show_matches(signed: SignedIn, actor: Actor, need_id: int) -> None:
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


def toggle_matches(signed: SignedIn, need: NeedView, opened: bool) -> None:
    label = ui.t("needs.matches.hide" if opened else "needs.matches")
    if st.button(label, key=f"needs_match_{need.id}", icon=":material/person_search:"):
        st.session_state["needs_open"] = None if opened else need.id
        if not opened:  # a search with the need's words, audited like one on the search page
            record_search(
                username=signed.username, company_id=signed.company_id,
                query=need.text, filters={"need": need.id},
            )  # fmt: skip
        st.rerun()


def decide(actor: Actor, need_id: int, uri: str, decision: str) -> None:
    try:
        with ui.unit_of_work() as db:
            decide_skill(db, actor=actor, need_id=need_id, uri=uri, decision=decision)
    except (NeedError, NeedRefused) as error:
        ui.error(error)
        return
    st.rerun()


def show_candidates(actor: Actor, need: NeedView) -> None:
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
                decide(actor, need.id, c.uri, "")
        elif c.claimed:
            if action.button(ui.t("needs.remove"), key=f"{key}_remove"):
                decide(actor, need.id, c.uri, "removed")
        elif action.button(ui.t("needs.confirm"), key=f"{key}_confirm"):
            decide(actor, need.id, c.uri, "confirmed")
