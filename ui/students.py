"""Streamlit glue for the manager's bulk student accounts (issue 14), on the Users page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from core.students.accounts import (
    BulkReport,
    StudentAccountError,
    create_student_accounts,
    parse_codes,
)


def _show(report: BulkReport) -> None:
    if report.created:
        st.success(ui.t("users.students.created", n=len(report.created)), icon=":material/check:")
        rows = [
            {
                ui.t("users.students.col.code"): a.code,
                ui.t("users.students.col.username"): a.username,
                ui.t("users.students.col.email"): a.email,
                ui.t("users.students.col.password"): a.password,
            }
            for a in report.created
        ]
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    if report.skipped:
        st.markdown(f"**{ui.t('users.students.skipped')}**")
        rows = [
            {
                ui.t("users.students.col.code"): code,
                ui.t("users.students.col.reason"): why.message(ui.lang()),
            }
            for code, why in report.skipped
        ]
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def student_accounts_section() -> None:
    """Paste participant codes, create one student account each; the first passwords are
    shown once, in this run only (never kept in session state)."""
    project = ui.require_project()
    with st.expander(ui.t("users.students.title"), icon=":material/school:"):
        with st.form("users_students_form", clear_on_submit=True):
            text = st.text_area(
                ui.t("users.students.codes"), help=ui.t("users.students.help"),
                key="users_students_codes", max_chars=100_000,
            )  # fmt: skip
            submitted = st.form_submit_button(ui.t("users.students.create"), type="primary")
        if submitted:
            try:
                codes = parse_codes(text)
                with ui.unit_of_work() as db:
                    report = create_student_accounts(db, project.id or 0, codes)
            except StudentAccountError as error:
                ui.error(error)
            else:
                _show(report)
