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
from core.codes import ConsentPurpose, ConsentSource
from core.models import MaxLength

ui.guard(__file__)
st.title(ui.t("consent.title"))
st.caption(ui.t("consent.intro"))
if st.session_state.pop("consent_saved", False):
    st.success(ui.t("consent.saved"), icon=":material/check:")
code = st.text_input(ui.t("consent.code"), key="consent_code", max_chars=MaxLength.CODE)
if not code.strip():
    st.stop()

with ui.session() as db:
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


with ui.session() as db:
    states = consents_of(db, participant_id)
    profiles = profile_codes_of(db, participant_id)
st.dataframe(
    pd.DataFrame(
        [
            {
                ui.t("consent.col.purpose"): ui.t(f"consent.purpose.{s.purpose.value}"),
                ui.t("consent.col.basis"): ui.t(f"consent.basis.{s.basis.value}"),
                ui.t("consent.col.state"): state_text(s.granted, s.withdrawn_on is not None),
                ui.t("consent.col.date"): s.withdrawn_on or s.granted_on,
                ui.t("consent.col.source"): ui.t(f"consent.source.{s.source.value}")
                if s.source
                else "",
                ui.t("consent.col.recorded_by"): s.recorded_by,
            }
            for s in states
        ]
    ),
    hide_index=True,
    width="stretch",
)
for profile_code, searchable in profiles:
    key = "consent.profile_searchable" if searchable else "consent.profile_hidden"
    st.caption(ui.t(key, code=profile_code))

with st.form("consent_form"):
    purpose = st.selectbox(
        ui.t("consent.col.purpose"),
        list(ConsentPurpose),
        format_func=lambda p: ui.t(f"consent.purpose.{p.value}"),
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
        format_func=lambda s: ui.t(f"consent.source.{s.value}"),
        key="consent_source",
    )
    day = st.date_input(ui.t("consent.col.date"), value=ui.today(), key="consent_day")
    submitted = st.form_submit_button(ui.t("consent.save"), type="primary")
if submitted:
    change = record_consent if grant else withdraw_consent
    try:
        with ui.session() as db:
            change(db, participant_id=participant_id, purpose=purpose, source=source, on=day)
            db.commit()
    except ConsentError as error:
        st.error(ui.t(error.key, **error.values))
    else:
        st.session_state["consent_saved"] = True
        st.rerun()
