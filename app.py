"""Silta's entry point: page frame, sign-in, and the pages the signed-in role may open."""

from __future__ import annotations

import streamlit as st

import ui
from core.access.navigation import PAGES, pages_for

st.set_page_config(page_title="Silta", page_icon=":material/hub:", layout="wide")
ui.language_selector()
user = ui.refresh_user() or ui.sso_sign_in()
ui.bind_actor(user)
if user is None:
    # Nobody is signed in: the only page that exists is the sign-in page (or, for a verified
    # single-sign-on identity without an account, the page that says whom to ask).
    # Every page's address opens the sign-in page, so a shared link (with its filters in the
    # query string) asks for a sign-in and then, on the same address, shows what it links to.
    gate = "pages/no_access.py" if ui.sso_identity_without_account() else "pages/login.py"
    addresses = ["login", *(spec.url_path for spec in PAGES)]
    gates = [
        st.Page(gate, title=ui.t("page.login"), url_path=address, default=address == "login")
        for address in addresses
    ]
    navigation = st.navigation(gates, position="hidden")
else:
    specs = pages_for(user.role)
    sections: dict[str, list[st.Page]] = {}
    for spec in specs:
        page = st.Page(
            spec.path,
            title=ui.label(spec.title),
            icon=spec.icon,
            url_path=spec.url_path,
            default=spec is specs[0],
        )
        sections.setdefault(ui.label(spec.section), []).append(page)
    navigation = st.navigation(sections, expanded=True)
    ui.signed_in_caption(user)
ui.demo_banner()
navigation.run()
