"""Contact requests (student): which companies want to meet you; accept, choosing what to
share, or decline; then record what came of it."""

from __future__ import annotations

import streamlit as st

import ui
from core.contacts.flow import student_email
from core.contacts.status import ASKED
from core.contacts.views import requests_for
from core.text import escape_markdown
from ui import contacts

signed = ui.guard(__file__)
st.title(ui.t("student.requests.title"))
st.caption(ui.t("student.requests.intro"))
contacts.saved_notice()
actor, participant_id = contacts.student_actor(signed)
with ui.reading() as db:
    views = requests_for(db, actor)
    email = student_email(db, participant_id)
if not views:
    st.info(ui.t("student.requests.none"))
for view in views:
    with st.container(border=True):
        st.markdown(
            f"**{escape_markdown(view.company, one_line=True)}** · {contacts.status_text(view)}"
        )
        st.caption(ui.t("contact.asked_at", when=contacts.moment(view.asked_at)))
        if view.need:
            st.markdown(ui.t("contact.need", need=escape_markdown(view.need, one_line=True)))
        if view.message:
            st.markdown(f"**{ui.t('contact.col.message')}**")
            st.text(view.message)  # the company's words, shown as plain text
        st.caption(contacts.steps_line(view))
        if view.shared is not None:
            st.markdown(ui.t("student.requests.you_shared"))
            for line in contacts.shared_lines(view.shared):
                st.markdown(f"- {line}")
        if view.status is ASKED:
            contacts.answer_form(view, actor, email, "my_requests")
        else:
            contacts.next_step_form(view, actor, "my_requests")
