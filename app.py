"""Silta's entry point: page frame, sign-in, and the pages the signed-in role may open."""

from __future__ import annotations

import streamlit as st

import ui
from core.access.navigation import PAGES, pages_for
from core.wiring import wire_sessions
from ui import signin
from ui.boundary import run_page

ANSWER_PAGE = "pages/answer.py"  # open to everyone: one survey, by the token in its address
INVITE_PAGE = "pages/invite.py"  # open to everyone: one new account's password, by its token

wire_sessions()  # audit trail, period locks, data version… on every session; idempotent
# A local icon: a ":material/…:" one would be fetched from a font server on every load.
st.set_page_config(page_title="Silta", page_icon=str(signin.FAVICON), layout="wide")
ui.language_selector()
user = signin.refresh_user() or signin.sso_sign_in()
signin.bind_actor(user)
holding = signin.keep_cookie()  # a new session's cookie not yet in the browser
if user is None:
    # Nobody is signed in: the only page that exists is the sign-in page (or, for a verified
    # single-sign-on identity without an account, the page that says whom to ask).
    # Every page's address opens the sign-in page, so a shared link (with its filters in the
    # query string) asks for a sign-in and then, on the same address, shows what it links to.
    # The default page answers at "/" only, so "/login" is one of the addresses too.
    gate = "pages/no_access.py" if signin.sso_identity_without_account() else "pages/login.py"
    addresses = ["login", *(spec.url_path for spec in PAGES)]
    gates = [st.Page(gate, title=ui.t("page.login"), url_path="start", default=True)]
    gates += [st.Page(gate, title=ui.t("page.login"), url_path=address) for address in addresses]
    # A survey's answer page is open without an account (issue 15): it shows only the survey
    # whose random token is in its address.
    gates.append(st.Page(ANSWER_PAGE, title=ui.t("page.answer"), url_path="answer"))
    # A new student's invitation link (issue 14): one account, by the token in its address.
    gates.append(st.Page(INVITE_PAGE, title=ui.t("page.invite"), url_path="invite"))
    navigation = st.navigation(gates, position="hidden")
else:
    specs = pages_for(user.role)
    sections: dict[str, list[st.Page]] = {}
    for spec in specs:
        page = st.Page(
            spec.path,
            title=ui.label(spec.title),
            icon=spec.icon,
            # The landing page answers at "/"; Streamlit would not find it at its own name, so
            # that name ("/overview", an SME's "/search") is an alias below.
            url_path="start" if spec is specs[0] else spec.url_path,
            default=spec is specs[0],
        )
        sections.setdefault(ui.label(spec.section), []).append(page)
    # "/login" (bookmarked, or where someone just signed in) and the landing page's own name
    # lead to the landing page.
    landing = ui.label(specs[0].title)
    sections[ui.label(specs[-1].section)] += [
        st.Page(signin.to_landing_page, title=landing, url_path=alias, visibility="hidden")
        for alias in ("login", specs[0].url_path)
    ]
    sections[ui.label(specs[-1].section)].append(
        st.Page(ANSWER_PAGE, title=ui.t("page.answer"), url_path="answer", visibility="hidden")
    )
    # Signed in, the invitation page only says to sign out first (issue 14).
    sections[ui.label(specs[-1].section)].append(
        st.Page(INVITE_PAGE, title=ui.t("page.invite"), url_path="invite", visibility="hidden")
    )
    navigation = st.navigation(sections, expanded=True, position="hidden" if holding else "sidebar")
    if holding:
        signin.hold_until_cookie_kept()
    signin.signed_in_caption(user)
ui.demo_banner()
run_page(navigation)  # a page that fails shows a reference, never a traceback
