"""The Activities page's new-activity form (issue 15)."""

from __future__ import annotations

import streamlit as st

import ui
from core.activities.records import ActivityError, ActivityInput, save_activity
from core.models import Project


def new_activity_form(
    project: Project,
    choices: dict[str, dict[str, str]],
    kinds: dict[str, str],
    themes: dict[str, str],
) -> None:
    """Record an interview, workshop, pilot, focus group or deliverable of a work package."""
    with st.expander(ui.t("activity.new"), icon=":material/add:"), st.form("activity_form"):
        left, right = st.columns(2)
        package = left.selectbox(
            ui.t("activity.work_package"),
            list(choices["work_packages"]),
            format_func=lambda code: choices["work_packages"][code],
            key="activity_wp",
        )
        kind = right.selectbox(
            ui.t("activity.kind"),
            list(kinds),
            format_func=lambda code: kinds[code],
            key="activity_kind",
        )
        title = st.text_input(ui.t("activity.name"), key="activity_name", max_chars=200)
        day = ui.date_input(ui.t("activity.date"), ui.today(), where=left, key="activity_date")
        people = right.number_input(
            ui.t("activity.people"), min_value=0, value=0, key="activity_people"
        )
        companies = st.multiselect(
            ui.t("activity.companies"),
            list(choices["companies"]),
            format_func=lambda code: choices["companies"][code],
            key="activity_companies",
            placeholder=ui.t("app.choose_many"),
        )
        codes = st.text_input(ui.t("activity.participants"), key="activity_codes")
        chosen_themes = st.multiselect(
            ui.t("activity.themes"),
            list(themes),
            format_func=lambda code: themes[code],
            key="activity_themes",
            placeholder=ui.t("app.choose_many"),
        )
        bottlenecks = st.text_area(ui.t("activity.bottlenecks"), key="activity_bottlenecks")
        notes = st.text_area(ui.t("activity.notes"), key="activity_notes")
        deliverable = st.checkbox(ui.t("activity.deliverable"), key="activity_deliverable")
        if st.form_submit_button(ui.t("activity.save"), type="primary"):
            data = ActivityInput(
                package,
                kind,
                title,
                day,
                deliverable,
                None,
                tuple(companies),
                codes,
                int(people) or None,
                tuple(chosen_themes),
                bottlenecks,
                notes,
            )
            try:
                with ui.unit_of_work() as db:
                    save_activity(db, project, data)
                st.success(ui.t("activity.saved", title=title))
            except ActivityError as error:
                ui.error(error)
