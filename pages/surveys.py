"""Surveys: define or pick one, make answer links, import an export, read the results."""

from __future__ import annotations

import streamlit as st

import ui
from core.codes import Role, SurveyKind, TermFamily, term_key
from core.project.terms import codes_of
from core.surveys.answers import survey_of
from core.surveys.questions import BUILTIN
from core.surveys.results import survey_table
from ui import surveys as surveys_ui

signed = ui.guard(__file__)
role = signed.role
manager = role is Role.MANAGER
st.title(ui.t("survey.title"))
st.caption(ui.t("survey.intro"))
project = ui.require_project()
lang = ui.lang()
with ui.reading() as db:
    kinds = {
        code: ui.t(term_key(TermFamily.SURVEY_KIND, code))
        for code in codes_of(db, project, TermFamily.SURVEY_KIND)
    }
starts = {"": ui.t("survey.own"), **{k: ui.label(SurveyKind(k)) for k in BUILTIN}}

if manager:  # steering reads the results only, as the disclosure policy allows
    surveys_ui.new_survey_form(project, kinds, starts)

with ui.reading() as db:
    surveys = survey_table(db, project, role)
if surveys.empty:
    st.info(ui.t("survey.none"))
    st.stop()
title_col = "title_fi" if lang == "fi" else "title"
st.dataframe(
    surveys.assign(kind=[kinds.get(k, k) for k in surveys.kind])[
        ["code", "kind", title_col, "responses", "links", "answered"]
    ].rename(
        columns={
            "code": ui.t("survey.code"),
            "kind": ui.t("survey.kind"),
            title_col: ui.t("survey.name"),
            "responses": ui.t("survey.col.responses"),
            "links": ui.t("survey.col.links"),
            "answered": ui.t("survey.col.answered"),
        }
    ),
    hide_index=True,
    width="stretch",
    key="survey_table",
)
names = {
    int(i): f"{c} · {n}"
    for i, c, n in zip(surveys.id, surveys.code, surveys[title_col], strict=True)
}
chosen = st.selectbox(ui.t("survey.choose"), list(names), format_func=names.get, key="survey_open")
with ui.reading() as db:
    survey = survey_of(db, project, chosen)

if manager:
    links_tab, import_tab, results_tab = st.tabs(
        [ui.t("survey.links"), ui.t("survey.import"), ui.t("survey.results")]
    )
else:
    links_tab = import_tab = None
    results_tab = st.container()  # steering: the results only
if links_tab is not None and import_tab is not None:
    with links_tab:
        surveys_ui.links_form(survey)
    with import_tab:
        surveys_ui.import_form(survey, lang)
with results_tab:
    surveys_ui.results_view(project, chosen, role, lang)
