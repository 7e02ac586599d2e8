"""Silta's entry point: page frame, language, and the pages the signed-in role may open."""

from __future__ import annotations

import streamlit as st

from core import ui
from core.navigation import pages_for

st.set_page_config(page_title="Silta", page_icon=":material/hub:", layout="wide")
ui.language_selector()
role = ui.current_role()
specs = pages_for(role)
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
ui.demo_banner()
navigation.run()
