"""For a single-sign-on identity that no Silta account maps to: whom to ask, and a way out."""

from __future__ import annotations

import streamlit as st

import ui

st.title(ui.t("auth.no_access.title"))
st.warning(ui.t("auth.no_access.body"), icon=":material/person_off:")
# The identity comes from outside: shown as plain text, never as Markdown.
st.text(str(st.user.get("email") or st.user.get("sub") or ""))
if st.button(ui.t("auth.sign_out"), key="no_access_sign_out", icon=":material/logout:"):
    st.logout()
