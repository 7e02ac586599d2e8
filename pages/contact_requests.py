"""Contact requests (manager): every request with the student's name and e-mail, full dates;
answer for a student (on paper, by phone) and record what came of a contact."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from core.contacts.status import ASKED
from core.contacts.views import RequestView, requests_for
from core.dashboards.charts.locale import day_label
from core.text import escape_markdown
from ui import contacts

signed = ui.guard(__file__)
st.title(ui.t("contact.list.title"))
st.caption(ui.t("contact.list.intro"))
contacts.saved_notice()
actor = contacts.current_actor(signed)
with ui.reading() as db:
    views = requests_for(db, actor)
if not views:
    st.info(ui.t("contact.list.none"))
    contacts.outbox_expander()
    st.stop()


# Pixel widths that add up to the table's 978 px at 1440 px: every column without scrolling,
# whatever the longest company name or address (a cut cell shows in full on hover).
WIDTHS = {
    ui.t("contact.col.created"): 125, ui.t("contact.col.company"): 170,
    ui.t("contact.col.profile"): 85, ui.t("contact.col.student"): 145,
    ui.t("contact.col.email"): 200, ui.t("contact.col.status"): 145,
    ui.t("contact.col.answered"): 95,
}  # fmt: skip


def row(v: RequestView) -> dict[str, object]:
    return {
        ui.t("contact.col.created"): contacts.moment(v.asked_at),
        ui.t("contact.col.company"): v.company,
        ui.t("contact.col.profile"): v.profile_code,
        ui.t("contact.col.student"): v.student_name,
        ui.t("contact.col.email"): v.student_email,
        ui.t("contact.col.status"): contacts.status_text(v),
        ui.t("contact.col.answered"): day_label(v.answered_on, ui.t) if v.answered_on else "",
    }


st.dataframe(
    pd.DataFrame([row(v) for v in views]),
    hide_index=True,
    width="stretch",
    column_config={name: st.column_config.Column(width=px) for name, px in WIDTHS.items()},
)
contacts.outbox_expander()
labels = {v.id: f"{v.profile_code} · {v.student_name or '–'} · {v.company}" for v in views}
chosen = st.selectbox(
    ui.t("contact.which"), list(labels), format_func=labels.get, index=None, key="contact_which",
    placeholder=ui.t("app.choose"),
)  # fmt: skip
view = next((v for v in views if v.id == chosen), None)
if view is None:
    st.stop()
if view.need:
    st.markdown(ui.t("contact.need", need=escape_markdown(view.need, one_line=True)))
if view.message:
    st.markdown(f"**{ui.t('contact.col.message')}**")
    st.text(view.message)
st.caption(contacts.steps_line(view))
if view.shared is not None:
    st.markdown(ui.t("contact.list.shared"))
    for line in contacts.shared_lines(view.shared):
        st.markdown(f"- {line}")
if view.status is ASKED:
    contacts.answer_form(view, actor, view.student_email, "contact_requests")
else:
    contacts.next_step_form(view, actor, "contact_requests")
