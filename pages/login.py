"""Sign in: a local account (user name and password) or, when configured, single sign-on."""

from __future__ import annotations

import streamlit as st

import ui
from core.access.auth import LoginRefused, authenticate, refusal_message_key
from core.access.users import DEMO_PASSWORD, DEMO_USERS, count_users
from core.codes import MaxLength
from core.meta import is_demo


def show_refusal(refused: LoginRefused) -> None:
    if refusal_message_key(refused) == "auth.inactive":
        st.error(ui.t("auth.inactive"), icon=":material/person_off:")
    else:
        st.error(ui.t("auth.refused"), icon=":material/error:")


def demo_accounts() -> None:
    with st.container(border=True):
        st.markdown(f"**{ui.t('auth.demo_accounts')}**")
        for username, role in DEMO_USERS.items():
            st.markdown(
                ui.t(
                    "auth.demo_account",
                    username=username,
                    password=DEMO_PASSWORD,
                    role=ui.label(role),
                )
            )


st.title(ui.t("auth.title"))
# Kept (not popped) until the next sign-in: the cookie frame's answer reruns this page at once.
if st.session_state.get(ui.NOTICE_KEY) == "expired":
    st.info(ui.t("auth.expired"), icon=":material/timer_off:")

with ui.reading() as db:
    demo, nobody = is_demo(db), count_users(db) == 0
if nobody:
    st.warning(ui.t("auth.no_users"), icon=":material/person_add:")

with st.form("login_form", clear_on_submit=True):
    username = st.text_input(
        ui.t("auth.username"), key="login_username", max_chars=MaxLength.USERNAME
    )
    password = st.text_input(
        ui.t("auth.password"), type="password", key="login_password", max_chars=1024
    )
    submitted = st.form_submit_button(ui.t("auth.sign_in"), type="primary")
if submitted:
    with ui.unit_of_work() as db:  # a refusal is recorded too (failed attempts, lockout)
        result = authenticate(db, username, password)
    if isinstance(result, LoginRefused):
        show_refusal(result)
    else:
        ui.sign_in(result)
        st.rerun()

for provider in ui.sso_providers():
    label = ui.t("auth.sso", provider=provider or ui.t("auth.sso_default"))
    if st.button(label, key=f"login_sso_{provider or 'default'}", icon=":material/key:"):
        if provider:
            st.login(provider)
        else:
            st.login()

if demo:
    demo_accounts()
