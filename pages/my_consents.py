"""My consents (student): give or withdraw search and contact, with dates and history; ESF+
reporting is shown as information (a legal obligation, not consent)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from core.access.consent import ConsentError
from core.codes import ConsentPurpose
from core.dashboards.charts.locale import day_label
from core.students.consents import STUDENT_DECIDES, change_my_consent, consent_history, my_consents
from ui import contacts

signed = ui.guard(__file__)
ABOUT = {
    ConsentPurpose.SEARCH: "student.consents.about.search",
    ConsentPurpose.CONTACT: "student.consents.about.contact",
    ConsentPurpose.ESF_REPORTING: "student.consents.about.esf_reporting",
}
st.title(ui.t("student.consents.title"))
st.caption(ui.t("student.consents.intro"))
if st.session_state.pop("my_consents_saved", False):
    st.success(ui.t("consent.saved"), icon=":material/check:")
_, participant_id = contacts.student_actor(signed)
with ui.reading() as db:
    states = my_consents(db, participant_id)
    history = consent_history(db, participant_id, signed.username)


def change(purpose: ConsentPurpose, grant: bool) -> None:
    try:
        with ui.unit_of_work() as db:
            change_my_consent(db, participant_id, purpose, grant=grant)
    except ConsentError as error:
        ui.error(error)
    else:
        st.session_state["my_consents_saved"] = True
        st.rerun()


for state in states:
    with st.container(border=True):
        st.markdown(f"**{ui.label(state.purpose)}**")
        st.caption(ui.t(ABOUT[state.purpose]))
        if state.granted and state.granted_on:
            st.markdown(ui.t("student.consents.given", day=day_label(state.granted_on, ui.t)))
        elif state.withdrawn_on:
            st.markdown(ui.t("student.consents.withdrawn", day=day_label(state.withdrawn_on, ui.t)))
        else:
            st.markdown(ui.t("student.consents.not_given"))
        if state.purpose not in STUDENT_DECIDES:
            continue  # reporting: information only
        key = f"my_consents_{state.purpose.value}"
        if state.granted:
            if st.button(ui.t("student.consents.withdraw"), key=key):
                change(state.purpose, False)
        elif st.button(ui.t("student.consents.give"), key=key, type="primary"):
            change(state.purpose, True)

st.subheader(ui.t("student.consents.history"))
if not history:
    st.caption(ui.t("student.consents.no_history"))
else:
    st.dataframe(
        pd.DataFrame(
            [
                {
                    ui.t("student.consents.col.when"): contacts.moment(h.at),
                    ui.t("consent.col.purpose"): ui.label(h.purpose),
                    ui.t("consent.col.state"): ui.t(
                        "consent.state.granted" if h.granted else "consent.state.withdrawn"
                    ),
                    ui.t("student.consents.col.by"): ui.t(
                        "student.consents.by_you" if h.by_self else "student.consents.by_project"
                    ),
                }
                for h in history
            ]
        ),
        hide_index=True,
        width="stretch",
    )
