"""The Surveys page's parts (issue 15): the new-survey form, answer links, imports, results."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from core.codes import Role
from core.dashboards.charts.surveys import question_figure, year_figure
from core.models import Project, Survey
from core.surveys.answers import create_links, create_survey
from core.surveys.imports import check_import, import_responses
from core.surveys.questions import SurveyError, survey_from_form
from core.surveys.results import experience_by_year, survey_results


def new_survey_form(project: Project, kinds: dict[str, str], starts: dict[str, str]) -> None:
    with st.expander(ui.t("survey.new"), icon=":material/add:"), st.form("survey_form"):
        start = st.selectbox(
            ui.t("survey.builtin"),
            list(starts),
            format_func=lambda k: starts[k],
            key="survey_start",
        )
        code = st.text_input(ui.t("survey.code"), key="survey_code", max_chars=40)
        kind = st.selectbox(
            ui.t("survey.kind"), list(kinds), format_func=lambda k: kinds[k], key="survey_kind"
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
                definition = survey_from_form(
                    start=start or "", code=code, kind=kind or "", kinds=kinds, title=title,
                    title_fi=title_fi, rows=[{str(k): v for k, v in r.items()} for r in
                                             rows.to_dict("records")],
                )  # fmt: skip
                with ui.unit_of_work() as db:
                    create_survey(db, project, definition, event_code=event.strip())
                st.success(ui.t("survey.created", code=code))
            except SurveyError as error:
                ui.error(error)


def links_form(survey: Survey) -> None:
    with st.form("survey_links_form"):
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


def import_form(survey: Survey, lang: str) -> None:
    upload = st.file_uploader(ui.t("survey.import_file"), type=["xlsx", "csv"], key="survey_upload")
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


def results_view(project: Project, chosen: int, role: Role, lang: str) -> None:
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
