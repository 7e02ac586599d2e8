"""Our contact requests (SME): each request's answer; the student's shared contact details
once they accepted (never before); record the meeting, the agreement and its start and end."""

from __future__ import annotations

import streamlit as st

import ui
from core.contacts.views import requests_for
from core.text import escape_markdown
from ui import contacts

signed = ui.guard(__file__)
st.title(ui.t("sme.requests.title"))
st.caption(ui.t("sme.requests.intro"))
contacts.saved_notice()
actor = contacts.current_actor(signed)
with ui.reading() as db:
    views = requests_for(db, actor)
if not views:
    st.info(ui.t("sme.requests.none"))
for view in views:
    with st.container(border=True):
        st.markdown(f"**{view.profile_code}** · {contacts.status_text(view)}")
        st.caption(ui.t("contact.asked_at", when=contacts.moment(view.asked_at)))
        if view.need:
            st.markdown(ui.t("contact.need", need=escape_markdown(view.need, one_line=True)))
        st.caption(contacts.steps_line(view))
        if view.shared is not None:
            st.markdown(ui.t("sme.requests.shared"))
            for line in contacts.shared_lines(view.shared):
                st.markdown(f"- {line}")
        contacts.next_step_form(view, actor, "company_contacts")
