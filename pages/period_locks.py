"""Period locks: close a reporting period after a payment claim; reopening needs a reason."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from core.access.locks import LockError, all_locks, lock_period, unlock_period
from core.periods import half_years

ui.guard(__file__)


@st.dialog(ui.t("locks.unlock"))
def confirm_unlock(lock_id: int, label: str) -> None:
    st.write(ui.t("locks.unlock_what", label=label))
    reason = st.text_area(ui.t("locks.reason"), key="locks_reason")
    if st.button(
        ui.t("locks.unlock"),
        type="primary",
        disabled=not reason.strip(),
        key="locks_unlock_confirm",
    ):
        try:
            with ui.unit_of_work() as db:
                unlock_period(db, lock_id=lock_id, reason=reason)
        except LockError as error:  # e.g. someone else opened it meanwhile
            ui.error(error)
            return
        st.cache_data.clear()
        st.rerun()


st.title(ui.t("locks.title"))
st.caption(ui.t("locks.intro"))
project = ui.require_project()
with ui.reading() as db:
    locks = all_locks(db, project)

if locks:
    st.dataframe(
        pd.DataFrame(
            {
                ui.t("locks.label"): [lock.label for lock in locks],
                ui.t("locks.start"): [lock.start_date for lock in locks],
                ui.t("locks.end"): [lock.end_date for lock in locks],
                ui.t("locks.state"): [
                    ui.t("locks.active") if lock.unlocked_at is None else ui.t("locks.opened")
                    for lock in locks
                ],
                ui.t("locks.by"): [lock.locked_by for lock in locks],
                ui.t("locks.note"): [lock.note or lock.unlock_reason for lock in locks],
            }
        ),
        hide_index=True,
        width="stretch",
    )
else:
    st.info(ui.t("locks.none"))

periods = {p.label: p for p in half_years(project.start_date, project.end_date)}
with st.form("locks_form"):
    st.subheader(ui.t("locks.new"))
    label = st.selectbox(ui.t("locks.period"), list(periods), key="locks_period")
    note = st.text_input(ui.t("locks.note"), key="locks_note", placeholder=ui.t("locks.note_hint"))
    if st.form_submit_button(ui.t("locks.lock"), type="primary", icon=":material/lock:"):
        chosen = periods[label]
        try:
            with ui.unit_of_work() as db:
                lock_period(
                    db,
                    project=project,
                    label=chosen.label,
                    start=chosen.start,
                    end=chosen.end,
                    note=note,
                )
        except LockError as error:
            ui.error(error)
        else:
            st.cache_data.clear()
            st.rerun()

active = {lock.id: lock.label for lock in locks if lock.unlocked_at is None and lock.id}
if active:
    choice = st.selectbox(
        ui.t("locks.unlock"), list(active), format_func=active.get, key="locks_unlock_choice"
    )
    if st.button(ui.t("locks.unlock"), icon=":material/lock_open:", key="locks_unlock"):
        confirm_unlock(choice, active[choice])
