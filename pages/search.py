"""Search (SME; the manager too): anonymised profiles by competence, shortlist, contact."""

from __future__ import annotations

import streamlit as st

import ui
from core.access.audit import record_search
from core.contacts.requests import requested_codes
from core.search.live import IndexState, index_status
from core.search.options import EXAMPLE_QUERIES, filter_options, filters_for_log
from core.search.results import result_cards
from core.search.service import SearchInputError, search_profiles
from ui.search import (
    filter_widgets,
    pager,
    prepare_index,
    result_card,
    sent_notice,
    shortlist_sidebar,
)

signed = ui.guard(__file__)
PER_PAGE = 10
st.title(ui.t("search.title"))
st.caption(ui.t("search.intro"))
sent_notice()
with ui.reading() as db:
    status = index_status(db)
    project = ui.current_project(db)
    options = filter_options(db, project.id if project else None, ui.lang())
    asked = requested_codes(db, signed.company_id) if signed.company_id else set()
if status.state is not IndexState.READY:
    prepare_index(status)
shortlist_sidebar()


def use_example() -> None:
    st.session_state["search_query"] = st.session_state.get("search_example") or ""


query = st.text_input(
    ui.t("search.query"), key="search_query", placeholder=ui.t("search.placeholder"),
    max_chars=10_000,
)  # fmt: skip
st.pills(ui.t("search.examples"), EXAMPLE_QUERIES, key="search_example", on_change=use_example)
with st.expander(ui.t("search.filters")):
    filters = filter_widgets(options)
if not query.strip():
    st.stop()
asked_for = (query, filters)
if st.session_state.get("search_asked") != asked_for:
    st.session_state["search_asked"], st.session_state["search_page_no"] = asked_for, 0
try:
    page = search_profiles(
        query, filters=filters, page=st.session_state["search_page_no"], per_page=PER_PAGE
    )
except SearchInputError as error:
    ui.error(error, warning=True)
    st.stop()
if st.session_state.get("search_logged") != asked_for:  # once per search, not per page
    record_search(
        username=signed.username, company_id=signed.company_id, query=page.query,
        filters=filters_for_log(filters), results=page.total,
    )  # fmt: skip
    st.session_state["search_logged"] = asked_for
if page.shortened:
    st.info(ui.t("search.shortened"))
with ui.reading() as db:
    cards = result_cards(db, page)
st.write(ui.t("search.results", total=page.total) if cards else ui.t("search.none"))
for card in cards:
    result_card(card, signed, page.query, asked)
if page.pages > 1:
    pager(page.page, page.pages)
