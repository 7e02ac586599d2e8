"""Contact requests (manager): who asked about which profile; record the student's answer."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from core.search.contact import (
    ContactError,
    ContactStatus,
    contact_requests,
    record_student_answer,
)

ui.guard(__file__)
st.title(ui.t("contact.list.title"))
st.caption(ui.t("contact.list.intro"))
if st.session_state.pop("contact_saved", False):
    st.success(ui.t("contact.saved"), icon=":material/check:")
with ui.reading() as db:
    rows = contact_requests(db)
if not rows:
    st.info(ui.t("contact.list.none"))
    st.stop()
st.dataframe(
    pd.DataFrame(
        [
            {
                ui.t("contact.col.created"): ui.local_time(r.created_at),
                ui.t("contact.col.company"): r.company,
                ui.t("contact.col.profile"): r.profile_code,
                ui.t("contact.col.query"): r.query,
                ui.t("contact.col.message"): r.message,
                ui.t("contact.col.status"): ui.label(ContactStatus(r.status)),
                ui.t("contact.col.answered"): r.consent_recorded_at.date()
                if r.consent_recorded_at
                else None,
            }
            for r in rows
        ]
    ),
    hide_index=True,
    width="stretch",
)
labels = {r.id: f"#{r.id} · {r.profile_code} · {r.company}" for r in rows}
with st.form("contact_answer"):
    st.subheader(ui.t("contact.answer"))
    chosen = st.selectbox(
        ui.t("contact.which"), list(labels), format_func=labels.get, key="contact_which"
    )
    agreed = st.toggle(ui.t("contact.agreed"), key="contact_agreed")
    day = st.date_input(
        ui.t("contact.answered_on"), value=ui.today(), max_value=ui.today(), key="contact_day"
    )
    if st.form_submit_button(ui.t("contact.save"), type="primary") and chosen is not None:
        try:
            with ui.unit_of_work() as db:
                record_student_answer(db, int(chosen), consented=agreed, on=day)
        except ContactError as error:
            ui.error(error, warning=True)
        else:
            st.session_state["contact_saved"] = True
            st.rerun()
