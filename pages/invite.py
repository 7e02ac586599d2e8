"""Choose your password through an invitation link, without signing in (issue 14).

Open to everyone by design, like the survey answer page: it shows one account's name, the
one whose invitation token is in the address (`/invite?t=…`), and a password form. A used,
replaced, expired or unknown link shows one and the same sentence. Someone signed in is told
to sign out first: the link is for a new account, not theirs.
"""

from __future__ import annotations

import streamlit as st

import ui
from core.access.users import PASSWORD_MIN_CHARS, UserError
from core.students.invitations import InvitationError, accept, account_name

ui.open_page(__file__)
st.title(ui.t("invite.title"))
if ui.current_user() is not None:
    st.info(ui.t("invite.signed_in"))
    st.stop()
token = str(st.query_params.get("t", ""))
if token:  # a (new) link: whatever this browser did before, this link is the question now
    st.session_state.pop("invite_done", None)
if done := st.session_state.get("invite_done"):
    st.success(ui.t("invite.done", username=done), icon=":material/check:")
    if st.button(ui.t("invite.to_sign_in"), type="primary", key="invite_sign_in"):
        st.session_state.pop("invite_done", None)
        st.query_params.clear()
        st.switch_page("pages/login.py")
    st.stop()
try:
    with ui.reading() as db:
        username = account_name(db, token)
except InvitationError as error:
    ui.error(error)
    st.stop()
st.text(ui.t("invite.account", username=username))
with st.form("invite_form", clear_on_submit=True):
    new = st.text_input(
        ui.t("account.new_password", n=PASSWORD_MIN_CHARS), type="password", key="invite_new"
    )
    again = st.text_input(ui.t("invite.repeat"), type="password", key="invite_again")
    submitted = st.form_submit_button(ui.t("invite.submit"), type="primary")
if submitted:
    if new != again:
        st.error(ui.t("invite.differ"))
    else:
        try:
            with ui.unit_of_work() as db:
                name = accept(db, token, new)
        except (InvitationError, UserError) as error:
            ui.error(error)
        else:
            st.session_state["invite_done"] = name
            st.query_params.clear()  # the spent token leaves the address bar
            st.rerun()
