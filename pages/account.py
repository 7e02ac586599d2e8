"""Your account: who you are signed in as, and changing your own password."""

from __future__ import annotations

import streamlit as st

import ui
from core.access.users import PASSWORD_MIN_CHARS, UserError, account_of, change_own_password

signed = ui.guard(__file__)
st.title(ui.t("account.title"))
with ui.reading() as db:
    account = account_of(session=db, user_id=signed.user_id)

st.text(ui.t("account.username", username=signed.username))
st.text(ui.t("account.role", role=ui.label(signed.role)))
if account.company:
    st.text(ui.t("account.company", company=account.company))

if account.has_password:
    st.subheader(ui.t("account.change_password"))
    with st.form("account_password_form", clear_on_submit=True):
        current = st.text_input(
            ui.t("account.current_password"), type="password", key="account_current"
        )
        new = st.text_input(
            ui.t("account.new_password", n=PASSWORD_MIN_CHARS), type="password", key="account_new"
        )
        again = st.text_input(ui.t("account.repeat_password"), type="password", key="account_again")
        submitted = st.form_submit_button(ui.t("account.save_password"), type="primary")
    if submitted:
        if new != again:
            st.error(ui.t("account.passwords_differ"))
        else:
            try:
                with ui.unit_of_work() as db:
                    change_own_password(db, user_id=signed.user_id, current=current, new=new)
                st.success(ui.t("account.password_changed"))
            except UserError as error:
                ui.error(error)
else:
    st.caption(ui.t("account.sso_only"))
