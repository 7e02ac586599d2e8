"""Programme competence descriptions: measured, readable, exportable (Markdown and Word)."""

from __future__ import annotations

import streamlit as st

import ui
from core.competence.programme_text import (
    ProgrammeDescription,
    programme_description,
    programme_names,
    to_docx,
    to_markdown,
)
from core.i18n import LANGUAGES

signed = ui.guard(__file__)


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def load_description(db_key: tuple[str, int], code: str, lang: str) -> ProgrammeDescription | None:
    with ui.reading() as db:
        project = ui.current_project(db)
        if project is None:
            return None
        return programme_description(session=db, project=project, code=code, lang=lang)


st.title(ui.t("desc.title"))
st.caption(ui.t("desc.caption"))
project = ui.require_project()
with ui.reading() as db:
    programmes = programme_names(session=db, project=project, lang=ui.lang())
if not programmes:
    ui.no_project()
code = st.selectbox(
    ui.t("desc.programme"), list(programmes), format_func=programmes.get, key="desc_programme"
)
lang = ui.url_choice(
    ui.t("desc.language"),
    list(LANGUAGES),
    key="desc_lang",
    default=ui.lang(),
    format_func=lambda c: LANGUAGES.get(c, c),  # type: ignore[call-overload]
)
description = load_description(ui.database_key(), code, lang)
if description is None:
    st.info(ui.t("competence.no_data"))
    st.stop()
markdown = to_markdown(description)
with st.container(border=True):
    st.markdown(markdown)
left, right = st.columns(2)
left.download_button(
    ui.t("desc.download_md"),
    markdown,
    file_name=f"{code}-{lang}.md",
    mime="text/markdown",
    key="desc_md",
    on_click="ignore",
)
right.download_button(
    ui.t("desc.download_docx"),
    to_docx(description),
    file_name=f"{code}-{lang}.docx",
    mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    key="desc_docx",
    on_click="ignore",
)
