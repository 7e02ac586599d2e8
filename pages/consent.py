"""Consents (manager): look a participant up by code, see and record consent per purpose."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from core.access.consent import (
    ConsentError,
    consents_of,
    participant_by_code,
    profile_codes_of,
    record_consent,
    withdraw_consent,
)
from core.codes import ConsentPurpose, ConsentSource, MaxLength

ui.guard(__file__)
st.title(ui.t("consent.title"))
st.caption(ui.t("consent.intro"))
if st.session_state.pop("consent_saved", False):
    st.success(ui.t("consent.saved"), icon=":material/check:")
code = st.text_input(ui.t("consent.code"), key="consent_code", max_chars=MaxLength.CODE)
if not code.strip():
    st.stop()

with ui.reading() as db:
    project = ui.current_project(db)
    participant = participant_by_code(db, project.id, code) if project and project.id else None
    participant_id = participant.id if participant else None
if participant_id is None:
    st.warning(ui.t("consent.not_found"))
    st.stop()


def state_text(granted: bool, withdrawn: bool) -> str:
    if granted:
        return ui.t("consent.state.granted")
    return ui.t("consent.state.withdrawn" if withdrawn else "consent.state.none")


with ui.reading() as db:
    states = consents_of(db, participant_id)
    profiles = profile_codes_of(db, participant_id)
st.dataframe(
    pd.DataFrame(
        [
            {
                ui.t("consent.col.purpose"): ui.label(s.purpose),
                ui.t("consent.col.basis"): ui.label(s.basis),
                ui.t("consent.col.state"): state_text(s.granted, s.withdrawn_on is not None),
                ui.t("consent.col.date"): s.withdrawn_on or s.granted_on,
                ui.t("consent.col.source"): ui.label(s.source) if s.source else "",
                ui.t("consent.col.recorded_by"): s.recorded_by,
            }
            for s in states
        ]
    ),
    hide_index=True,
    width="stretch",
)
for profile_code, searchable in profiles:
    st.caption(
        ui.t(
            "consent.profile_searchable" if searchable else "consent.profile_hidden",
            code=profile_code,
        )
    )

with st.form("consent_form"):
    purpose = st.selectbox(
        ui.t("consent.col.purpose"),
        list(ConsentPurpose),
        format_func=ui.label,
        key="consent_purpose",
    )
    grant = st.radio(
        ui.t("consent.decision"),
        [True, False],
        format_func=lambda g: ui.t("consent.grant" if g else "consent.withdraw"),
        horizontal=True,
        key="consent_grant",
    )
    source = st.selectbox(
        ui.t("consent.col.source"),
        list(ConsentSource),
        format_func=ui.label,
        key="consent_source",
    )
    day = ui.date_input(ui.t("consent.col.date"), ui.today(), key="consent_day")
    submitted = st.form_submit_button(ui.t("consent.save"), type="primary")
if submitted:
    change = record_consent if grant else withdraw_consent
    try:
        with ui.unit_of_work() as db:
            change(db, participant_id=participant_id, purpose=purpose, source=source, on=day)
    except ConsentError as error:
        ui.error(error)
    else:
        st.session_state["consent_saved"] = True
        st.rerun()
