"""Streamlit glue for the manager's bulk student accounts (issue 14), on the Users page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from core.notify.smtp import send_soon
from core.students.accounts import (
    BulkReport,
    StudentAccountError,
    create_student_accounts,
    link_goes_by_email,
    parse_codes,
)
from core.students.invitations import InvitationError, reinvite


def _absolute(link: str) -> str:
    """A link made without `settings.app_url` starts with "/": put this server in front."""
    return f"{ui.base_url()}{link}" if link.startswith("/") else link


def _show(report: BulkReport) -> None:
    if report.created:
        st.success(ui.t("users.students.created", n=len(report.created)), icon=":material/check:")
        handed = any(a.link for a in report.created)
        if handed:
            st.warning(ui.t("users.students.links"), icon=":material/link:")
        rows = [
            {
                ui.t("users.students.col.code"): a.code,
                ui.t("users.students.col.username"): a.username,
                ui.t("users.students.col.email"): a.email,
                **({ui.t("users.students.col.link"): _absolute(a.link)} if handed else {}),
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
    """Paste participant codes, create one student account each with an invitation link; a
    link that cannot be e-mailed is shown once, in this run only (never kept in session
    state)."""
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
                send_soon()  # the invitations, at once when e-mail is set up
                _show(report)


def reinvite_button(user_id: int, email: str) -> None:
    """For a student who has not chosen a password yet: a new invitation link (the old one
    stops working), e-mailed, or shown here once when it cannot be."""
    if not st.button(
        ui.t("users.reinvite"), key="users_reinvite", help=ui.t("users.reinvite.help")
    ):
        return
    try:
        with ui.unit_of_work() as db:
            issued = reinvite(db, user_id)
    except InvitationError as error:
        ui.error(error)
        return
    send_soon()
    if link_goes_by_email(email):
        st.success(ui.t("users.done.reinvited"), icon=":material/check:")
    else:
        st.warning(ui.t("users.reinvite.link", link=_absolute(issued.link)), icon=":material/link:")
