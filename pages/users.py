"""Users (manager): who may sign in, with which role; create, switch off, unlock, reset."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from core.access.users import (
    PASSWORD_MIN_CHARS,
    UserError,
    company_choices,
    create_user,
    list_users,
    set_active,
    set_password,
    unlock,
)
from core.codes import MaxLength, Role
from ui.students import reinvite_button, student_accounts_section

signed = ui.guard(__file__)
st.title(ui.t("users.title"))
if notice := st.session_state.pop("users_notice", None):
    st.success(notice, icon=":material/check:")

with ui.reading() as db:
    users = list_users(db)
    companies = company_choices(db)
st.dataframe(
    pd.DataFrame(
        [
            {
                ui.t("users.col.username"): u.username,
                ui.t("users.col.role"): ui.label(u.role),
                ui.t("users.col.company"): u.company,
                ui.t("users.col.name"): u.display_name,
                ui.t("users.col.active"): u.is_active,
                ui.t("users.col.locked_until"): u.locked_until,
                ui.t("users.col.last_login"): u.last_login_at,
                ui.t("users.col.sso"): u.single_sign_on,
            }
            for u in users
        ]
    ),
    hide_index=True,
    width="stretch",
)


def attempt(done: str, change: object) -> None:
    """Run one change in its own unit of work; a refusal is shown, nothing half-done; `done`
    is said after the page reloads."""
    try:
        with ui.unit_of_work() as db:
            change(db)  # type: ignore[operator]
    except UserError as error:
        ui.error(error)
    else:
        st.session_state["users_notice"] = done
        st.rerun()


with (
    st.expander(ui.t("users.create"), icon=":material/person_add:"),
    st.form("users_create_form", clear_on_submit=True),
):
    username = st.text_input(
        ui.t("users.col.username"), key="users_new_username", max_chars=MaxLength.USERNAME
    )
    role = st.selectbox(
        ui.t("users.col.role"),
        [r for r in Role if r is not Role.STUDENT],  # students: in bulk, below
        format_func=ui.label,
        key="users_new_role",
    )
    company = st.selectbox(
        ui.t("users.col.company"),
        [None, *companies],
        format_func=lambda c: companies.get(c, "—") if c else "—",
        key="users_new_company",
    )
    name = st.text_input(
        ui.t("users.col.name"), key="users_new_name", max_chars=MaxLength.DISPLAY_NAME
    )
    email = st.text_input(ui.t("users.email"), key="users_new_email", max_chars=MaxLength.EMAIL)
    password = st.text_input(
        ui.t("account.new_password", n=PASSWORD_MIN_CHARS),
        type="password",
        key="users_new_password",
        help=ui.t("users.password_help"),
    )
    if st.form_submit_button(ui.t("users.create"), type="primary"):
        attempt(
            ui.t("users.done.created"),
            lambda db: create_user(
                db,
                username=username,
                role=role,
                company_id=company,
                display_name=name,
                email=email,
                password=password or None,
            ),
        )

student_accounts_section()
others = {u.id: u for u in users}
chosen = st.selectbox(
    ui.t("users.manage"),
    [None, *others],
    key="users_chosen",
    format_func=lambda i: others[i].username if i else "—",
)
if chosen is not None:
    user = others[chosen]
    left, middle = st.columns(2)
    if left.button(
        ui.t("users.switch_off" if user.is_active else "users.switch_on"), key="users_toggle"
    ):
        attempt(
            ui.t("users.done.saved"),
            lambda db: set_active(
                db, user_id=chosen, active=not user.is_active, acting_user_id=signed.user_id
            ),
        )
    if user.locked_until is not None and middle.button(ui.t("users.unlock"), key="users_unlock"):
        attempt(ui.t("users.done.saved"), lambda db: unlock(db, user_id=chosen))
    if user.role is Role.STUDENT and user.is_active and not user.has_password:
        reinvite_button(chosen, user.email)  # issue 14: a new invitation link
    with st.form("users_password_form", clear_on_submit=True):
        new = st.text_input(
            ui.t("account.new_password", n=PASSWORD_MIN_CHARS), type="password", key="users_reset"
        )
        if st.form_submit_button(ui.t("users.reset_password")):
            attempt(
                ui.t("users.done.saved"), lambda db: set_password(db, user_id=chosen, password=new)
            )
