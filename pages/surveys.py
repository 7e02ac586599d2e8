"""Surveys: define or pick one, make answer links, import an export, read the results."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from core.codes import Role, SurveyKind, TermFamily, term_key
from core.dashboards.charts.surveys import question_figure, year_figure
from core.project.terms import codes_of
from core.surveys.answers import create_links, create_survey, survey_of
from core.surveys.imports import check_import, import_responses
from core.surveys.questions import (
    BUILTIN,
    SurveyError,
    builtin_survey,
    parse_survey,
    questions_from_rows,
)
from core.surveys.results import experience_by_year, survey_results, survey_table

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
    with st.expander(ui.t("survey.new"), icon=":material/add:"), st.form("survey_form"):
        start = st.selectbox(
            ui.t("survey.builtin"), list(starts), format_func=starts.get, key="survey_start"
        )
        code = st.text_input(ui.t("survey.code"), key="survey_code", max_chars=40)
        kind = st.selectbox(
            ui.t("survey.kind"), list(kinds), format_func=kinds.get, key="survey_kind"
        )
        title = st.text_input(ui.t("survey.name"), key="survey_name")
        title_fi = st.text_input(ui.t("survey.name_fi"), key="survey_name_fi")
        event = st.text_input(ui.t("survey.event"), key="survey_event")
        st.caption(ui.t("survey.questions"))
        rows = st.data_editor(
            pd.DataFrame(columns=["code", "type", "text", "text_fi", "options"], dtype="object"),
            num_rows="dynamic",
            key="survey_questions",
            width="stretch",
            column_config={
                "type": st.column_config.SelectboxColumn(
                    ui.t("survey.col.type"), options=["scale", "choice", "multi", "open"]
                )
            },
        )
        if st.form_submit_button(ui.t("survey.create"), type="primary"):
            try:
                if start:
                    definition = builtin_survey(start, code)
                    # A built-in survey keeps its own kind when the project has it.
                    definition = definition.model_copy(
                        update={"kind": start if start in kinds else kind}
                    )
                else:
                    definition = parse_survey(
                        {
                            "code": code,
                            "kind": kind,
                            "title": title,
                            "title_fi": title_fi,
                            "questions": questions_from_rows(rows.to_dict("records")),
                        }
                    )
                if start and title:
                    definition = definition.model_copy(
                        update={"title": title, "title_fi": title_fi}
                    )
                with ui.unit_of_work() as db:
                    create_survey(db, project, definition, event_code=event.strip())
                st.success(ui.t("survey.created", code=code))
            except SurveyError as error:
                ui.error(error)

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
    with links_tab, st.form("survey_links_form"):
        codes = st.text_area(ui.t("survey.personal_codes"), key="survey_link_codes")
        anonymous = st.checkbox(ui.t("survey.anonymous"), key="survey_link_anonymous")
        if st.form_submit_button(ui.t("survey.make_links")):
            try:
                with ui.unit_of_work() as db:
                    made = create_links(
                        db, survey, personal=codes.splitlines(), anonymous=anonymous
                    )
                st.warning(ui.t("survey.links_once"))
                st.dataframe(
                    pd.DataFrame(
                        [
                            (
                                who or ui.t("survey.anonymous_who"),
                                f"{ui.base_url()}/answer?s={token}",
                            )
                            for who, token in made
                        ],
                        columns=[ui.t("survey.col.links"), "URL"],
                    ),
                    hide_index=True,
                    width="stretch",
                    key="survey_made_links",
                )
            except SurveyError as error:
                ui.error(error)

    with import_tab:
        upload = st.file_uploader(
            ui.t("survey.import_file"), type=["xlsx", "csv"], key="survey_upload"
        )
        if upload is not None:
            with ui.reading() as db:
                checked = check_import(db, survey, upload.getvalue(), upload.name, today=ui.today())
            if checked.problems:
                st.dataframe(
                    pd.DataFrame(
                        [(p.where(), p.message(lang)) for p in checked.problems], columns=["", ""]
                    ),
                    hide_index=True,
                    width="stretch",
                    key="survey_problems",
                )
            if checked.ok:
                st.success(ui.t("survey.import_ok", count=len(checked.responses)))
                if st.button(ui.t("survey.import_do"), type="primary", key="survey_import_do"):
                    with ui.unit_of_work() as db:
                        count = import_responses(db, survey, checked)
                    st.success(ui.t("survey.imported", count=count))

with results_tab:
    with ui.reading() as db:
        results = survey_results(db, chosen, role)
    st.caption(
        ui.t(
            "survey.rate",
            responses=results.responses,
            sent=results.links_sent,
            answered=results.links_answered,
            rate="–" if results.rate is None else f"{results.rate:.0f} %",
        )
    )
    for number, result in enumerate(results.questions, start=1):
        st.markdown(f"**{number}. {result.question.label(lang)}**")
        if result.counts is not None:
            st.plotly_chart(
                question_figure(result, ui.t, lang),
                width="stretch",
                key=f"survey_chart_{result.question.code}",
            )
            if result.mean:
                st.caption(ui.t("survey.mean", mean=result.mean, n=result.answered))
        else:
            with st.expander(ui.t("survey.open_answers") + f" ({result.answered})"):
                for text in result.open_answers:
                    st.text(text)
    if results.kind == "student_experience":
        st.subheader(ui.t("survey.t31"))
        with ui.reading() as db:
            means, staying = experience_by_year(db, project, role)
        st.plotly_chart(year_figure(means, ui.t), width="stretch", key="survey_t31")
        st.dataframe(
            staying.text.rename(columns={"count": ui.t("survey.t31.stay")}),
            width="stretch",
            key="survey_t31_stay",
        )
