"""Follow-ups: who is due for the 28-day and 6-month answers, who is overdue; record in place."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

import ui
from core.codes import FollowUpKind, FollowUpStatus
from core.contacts.outcomes import jobs_started
from core.dashboards.charts.locale import day_label
from core.indicators.followup import DueState, FollowUpDue, record_answers, schedule
from ui.forms import show_report

ui.guard(__file__)

OPEN = (DueState.OVERDUE, DueState.DUE, DueState.UPCOMING)


@st.cache_data(ttl=600, max_entries=8, show_spinner=False)
def load_schedule(db_key: tuple[str, int], today: object) -> list[FollowUpDue] | None:
    with ui.reading() as db:
        project = ui.current_project(db)
        return None if project is None else schedule(db, project, ui.today())


def table(items: list[FollowUpDue], jobs: dict[int, date]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "participant": [i.code for i in items],
            "name": [i.name for i in items],
            "email": [i.email for i in items],
            "kind": [i.kind.value for i in items],
            "exit": [i.exit_date for i in items],
            "due": [i.due for i in items],
            "state": [ui.label(i.state) for i in items],
            # Issue 14: a job agreed through a contact request, and the day it started.
            "job": [
                day_label(jobs[i.participant_id], ui.t) if i.participant_id in jobs else ""
                for i in items
            ],
            "status": [None] * len(items),
            "recorded_on": [ui.today()] * len(items),
        }
    )


st.title(ui.t("followup.title"))
items = load_schedule(ui.database_key(), ui.today())
if items is None:
    ui.no_project()
for column, state in zip(st.columns(4), [*OPEN, DueState.DONE], strict=True):
    column.metric(ui.label(state), sum(1 for i in items if i.state is state))

waiting = sorted((i for i in items if i.state in OPEN), key=lambda i: (OPEN.index(i.state), i.due))
if not waiting:
    st.success(ui.t("followup.none_due"))
    st.stop()
st.caption(ui.t("followup.help"))
with ui.reading() as db:
    current = ui.current_project(db)
    jobs = jobs_started(db, current.id or 0) if current is not None else {}
frame = table(waiting, jobs)
labels = {
    "participant": ui.t("followup.col.participant"),
    "name": ui.t("followup.col.name"),
    "email": ui.t("followup.col.email"),
    "kind": ui.t("followup.col.kind"),
    "exit": ui.t("followup.col.exit"),
    "due": ui.t("followup.col.due"),
    "state": ui.t("followup.col.state"),
    "job": ui.t("followup.col.job"),
    "status": ui.t("followup.col.status"),
    "recorded_on": ui.t("followup.col.recorded_on"),
}
edited = st.data_editor(
    frame,
    column_config={
        **{c: st.column_config.Column(labels[c], disabled=True) for c in frame.columns},
        "kind": st.column_config.SelectboxColumn(
            labels["kind"],
            options=[k.value for k in FollowUpKind],
            format_func=lambda k: ui.label(FollowUpKind(k)),
            disabled=True,
        ),
        "status": st.column_config.SelectboxColumn(
            labels["status"],
            options=[s.value for s in FollowUpStatus],
            format_func=lambda s: ui.label(FollowUpStatus(s)),
        ),
        "recorded_on": st.column_config.DateColumn(labels["recorded_on"], format="YYYY-MM-DD"),
    },
    hide_index=True,
    width="stretch",
    key=f"followup_editor_{st.session_state.get('followup_version', 0)}",
)
answers = [
    {"participant": r.participant, "kind": r.kind, "recorded_on": r.recorded_on, "status": r.status}
    for r in edited.itertuples(index=False)
    if isinstance(r.status, str) and r.status
]
if st.button(
    ui.t("followup.save", count=len(answers)),
    type="primary",
    disabled=not answers,
    key="followup_save",
):
    project = ui.require_project()
    # Answers with any error write nothing (the import path checks before it writes).
    with ui.unit_of_work() as db:
        report = record_answers(db, project, answers)
    if report.written:
        st.cache_data.clear()
        st.session_state["followup_version"] = st.session_state.get("followup_version", 0) + 1
        st.rerun()
    show_report(report)
