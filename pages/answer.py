"""Answer a survey through its link, without an account (issue 15).

Open to everyone by design, like the sign-in page: it shows one survey, the one whose random
token is in the address (`/answer?s=…`), and nothing else of Silta. A personal link answers
once; any other address shows only that the link is not valid.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

import ui
from core.surveys.answers import open_link, submit
from core.surveys.questions import SCALE, QuestionType, SurveyError

ui.open_page(__file__)
token = str(st.query_params.get("s", ""))
lang = ui.lang()
with ui.reading() as db:
    link = open_link(db, token)
if link is None:
    st.title(ui.t("app.title"))
    st.error(ui.t("survey.answer.invalid"))
    st.stop()
st.title(link.title[1] if lang == "fi" else link.title[0])
if st.session_state.get("answer_done") == token:
    st.success(ui.t("survey.answer.thanks"))
    st.stop()
if link.personal and link.answered:
    st.info(ui.t("survey.err.used"))
    st.stop()
if not link.open:
    st.info(ui.t("survey.err.closed"))
    st.stop()

answers: dict[str, Any] = {}
with st.form("answer_form"):
    for question in link.questions:
        label = question.label(lang)
        key = f"answer_{question.code}"
        options = {o.code: question.option_label(o.code, lang) for o in question.options}
        if question.type is QuestionType.SCALE:
            answers[question.code] = st.radio(
                label,
                list(SCALE),
                index=None,
                horizontal=True,
                key=key,
                help=ui.t("survey.answer.scale_hint"),
            )
        elif question.type is QuestionType.CHOICE:
            answers[question.code] = st.radio(
                label, list(options), index=None, format_func=options.get, key=key
            )
        elif question.type is QuestionType.MULTI:
            answers[question.code] = st.multiselect(
                label, list(options), format_func=options.get, key=key,
                placeholder=ui.t("app.choose_many"),
            )  # fmt: skip
        else:
            answers[question.code] = st.text_area(label, key=key, max_chars=2000)
    if st.form_submit_button(ui.t("survey.answer.submit"), type="primary"):
        try:
            with ui.unit_of_work() as db:
                submit(db, token, answers, ui.today())
            st.session_state["answer_done"] = token
            st.rerun()
        except SurveyError as error:
            ui.error(error)
