"""Streamlit pieces of the search page (filters, index preparation, result card, shortlist)."""

from __future__ import annotations

from datetime import date

import streamlit as st

import ui
from core.access.auth import SignedIn
from core.codes import Availability, MaxLength
from core.contacts.requests import ContactError, request_contact
from core.dashboards.charts.locale import day_label
from core.notify.smtp import send_soon
from core.search.filters import SearchFilters
from core.search.live import IndexStatus, ensure_index
from core.search.options import FilterOptions
from core.search.records import AVAILABILITY
from core.search.results import ResultCard, quoted
from core.text import escape_markdown

SHORTLIST = "search_shortlist"
SENT = "search_contact_sent"


def prepare_index(status: IndexStatus) -> None:
    """Say why the index is being built or updated, with a progress bar, then go on."""
    with st.status(ui.t("search.building"), expanded=True) as box:
        st.write(ui.label(status.state))
        bar = st.progress(0.0)

        def report(_step: str, done: int, total: int) -> None:
            bar.progress(done / total if total else 1.0)

        index = ensure_index(report)
        ready = ui.t("search.ready", profiles=index.size)
        box.update(label=ready, state="complete", expanded=False)


def filter_widgets(options: FilterOptions) -> SearchFilters:
    left, middle, right = st.columns(3)
    every = ui.t("filters.none_chosen")  # nothing chosen: every programme, year…
    programmes = left.multiselect(
        ui.t("search.programme"), list(options.programmes),
        format_func=lambda c: options.programmes[c], key="search_programmes", placeholder=every,
    )  # fmt: skip
    spearheads = left.multiselect(
        ui.t("search.spearhead"), list(options.spearheads),
        format_func=lambda c: options.spearheads[c], key="search_spearheads", placeholder=every,
    )  # fmt: skip
    years = middle.multiselect(
        ui.t("search.study_year"), list(range(1, 7)), key="search_years", placeholder=every
    )
    kinds = middle.pills(
        ui.t("search.available_for"), list(AVAILABILITY), selection_mode="multi",
        format_func=lambda k: ui.label(Availability(k)), key="search_kinds",
    )  # fmt: skip
    languages = right.multiselect(
        ui.t("search.languages"), list(options.languages), format_func=str.upper,
        key="search_languages", placeholder=every,
    )  # fmt: skip
    any_date = right.checkbox(ui.t("search.any_date"), value=True, key="search_any_date")
    label = ui.t("search.available_by")
    by = None if any_date else ui.date_input(label, where=right, key="search_by")
    return SearchFilters(
        frozenset(programmes), frozenset(spearheads), frozenset(years), frozenset(kinds or []),
        frozenset(languages), by if isinstance(by, date) else None,
    )  # fmt: skip


def _contact(card: ResultCard, signed: SignedIn, query: str, asked: set[str]) -> None:
    code = card.profile.code
    if code in asked:
        st.badge(ui.t("contact.requested"), icon=":material/check:", color="green")
        return
    with st.popover(ui.t("contact.request"), icon=":material/contact_mail:"):
        message = st.text_area(
            ui.t("contact.message"), max_chars=MaxLength.MESSAGE, key=f"search_msg_{code}"
        )
        if not st.button(ui.t("contact.send"), key=f"search_send_{code}", type="primary"):
            return
        try:
            with ui.unit_of_work() as db:
                request_contact(
                    db, company_id=signed.company_id or 0, user_id=signed.user_id,
                    profile_code=code, query=query, message=message,
                )  # fmt: skip
        except ContactError as error:
            ui.error(error, warning=True)
            return
        send_soon()
        # Issue 14: run again at once, so this card (and every later run) shows the badge.
        asked.add(code)
        st.session_state[SENT] = code
        st.rerun()


def sent_notice() -> None:
    """The confirmation of a request just sent (kept over the rerun that shows the badge)."""
    code = st.session_state.pop(SENT, None)
    if code:
        st.success(ui.t("contact.sent", code=code), icon=":material/check:")


def _facts(card: ResultCard) -> str:
    p = card.profile
    facts = [ui.label(Availability(k)) for k in p.available_for]
    languages = ", ".join(c.upper() for c in p.languages)
    facts.append(ui.t("search.card.languages", languages=languages))
    if p.available_from:
        facts.append(ui.t("search.card.from", day=day_label(p.available_from, ui.t)))
    return " · ".join(facts)


def result_card(
    card: ResultCard, signed: SignedIn | None, query: str = "", asked: set[str] | None = None
) -> None:
    """One anonymised profile: code, programme, year, score, why it matched, its skills.
    Without `signed` it is a preview (a student's own card): no score, shortlist or contact."""
    p = card.profile
    shortlist: list[str] = st.session_state.setdefault(SHORTLIST, [])
    with st.container(border=True):
        programme = (
            escape_markdown(p.programme.text(ui.lang()), one_line=True) if p.programme else ""
        )
        year = ui.t("search.card.year", year=p.study_year)
        rank = f"{card.rank}. " if card.rank else ""
        st.markdown(f"**{rank}{p.code}** · {programme} · {year}")
        if card.rank:
            st.progress(min(card.relative, 1.0), text=ui.t("search.card.score", score=card.score))
        if card.words:
            st.markdown(ui.t("search.card.words", words=quoted(card.words)))
        if card.meaning:
            st.markdown(ui.t("search.card.meaning", phrases=quoted(card.meaning)))
        st.markdown(card.skills_markdown)
        if p.interests:
            st.caption(ui.t("search.card.interests"))
            st.markdown(card.interests_markdown)
        st.caption(_facts(card))
        if signed is None:
            return
        add, contact = st.columns(2)
        if p.code not in shortlist and add.button(
            ui.t("search.shortlist.add"), key=f"search_add_{p.code}", icon=":material/bookmark_add:"
        ):
            shortlist.append(p.code)
            st.rerun()
        if signed.company_id is not None:
            with contact:
                _contact(card, signed, query, asked if asked is not None else set())


def shortlist_sidebar() -> None:
    shortlist: list[str] = st.session_state.setdefault(SHORTLIST, [])
    with st.sidebar:
        st.subheader(ui.t("search.shortlist", count=len(shortlist)))
        if not shortlist:
            st.caption(ui.t("search.shortlist.empty"))
        for code in list(shortlist):
            name, drop = st.columns([3, 1])
            name.write(code)
            if drop.button(ui.t("search.shortlist.remove"), key=f"search_drop_{code}"):
                shortlist.remove(code)
                st.rerun()


def pager(page_number: int, pages: int) -> None:
    back, where, forward = st.columns([1, 2, 1])
    if back.button(ui.t("search.previous"), key="search_prev", disabled=page_number == 0):
        st.session_state["search_page_no"] = page_number - 1
        st.rerun()
    where.caption(ui.t("search.page", page=page_number + 1, pages=pages))
    if forward.button(ui.t("search.next"), key="search_next", disabled=page_number + 1 >= pages):
        st.session_state["search_page_no"] = page_number + 1
        st.rerun()
