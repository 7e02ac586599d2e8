"""Silta's entry point: page frame, sign-in, and the pages the signed-in role may open."""

from __future__ import annotations

import streamlit as st

from core import ui
from core.navigation import pages_for

st.set_page_config(page_title="Silta", page_icon=":material/hub:", layout="wide")
ui.language_selector()
user = ui.refresh_user() or ui.sso_sign_in()
ui.bind_actor(user)
if user is None:
    # Nobody is signed in: the only page that exists is the sign-in page (or, for a verified
    # single-sign-on identity without an account, the page that says whom to ask).
    gate = "pages/no_access.py" if ui.sso_identity_without_account() else "pages/login.py"
    login = st.Page(gate, title=ui.t("page.login"), icon=":material/login:", url_path="login")
    navigation = st.navigation([login], position="hidden")
else:
    specs = pages_for(user.role)
    sections: dict[str, list[st.Page]] = {}
    for spec in specs:
        page = st.Page(
            spec.path,
            title=ui.t(spec.title_key),
            icon=spec.icon,
            url_path=spec.url_path,
            default=spec is specs[0],
        )
        sections.setdefault(ui.t(spec.section_key), []).append(page)
    navigation = st.navigation(sections)
    ui.signed_in_caption(user)
ui.demo_banner()
navigation.run()
