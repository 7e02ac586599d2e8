"""Sign out: end this session at once and return to the sign-in page."""

from __future__ import annotations

import streamlit as st

import ui

ui.guard(__file__)
ui.sign_out()
st.rerun()
