"""Programme competence descriptions: measured, readable, exportable (Markdown and Word)."""

from __future__ import annotations

import streamlit as st
from sqlmodel import select

import ui
from core.competence.programme_text import (
    ProgrammeDescription,
    describe_programme,
    to_docx,
    to_markdown,
)
from core.competence.supply import load_facts
from core.i18n import LANGUAGES
from core.models import Programme

signed = ui.guard(__file__)


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def load_description(db_key: tuple[str, int], code: str, lang: str) -> ProgrammeDescription | None:
    with ui.session() as db:
        project = ui.current_project(db)
        programme = db.exec(select(Programme).where(Programme.code == code)).first()
        if project is None or programme is None:
            return None
        name = programme.name_fi if lang == "fi" and programme.name_fi else programme.name
        return describe_programme(load_facts(db, project, lang), name, lang)


st.title(ui.t("desc.title"))
st.caption(ui.t("desc.caption"))
with ui.session() as db:
    project = ui.current_project(db)
    programmes = {
        p.code: (p.name_fi if ui.lang() == "fi" and p.name_fi else p.name)
        for p in db.exec(
            select(Programme).where(Programme.project_id == (project.id if project else -1))
        )
    }
if not programmes:
    st.info(ui.t("app.no_project"))
    st.stop()
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
