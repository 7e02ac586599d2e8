"""Audit log (manager): who changed, searched or signed in, and when; filter and export."""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

import ui
from core.access.audit_log import (
    AuditColumn,
    AuditFilter,
    audit_choices,
    audit_entries,
    audit_workbook,
    record_export,
)

signed = ui.guard(__file__)
st.title(ui.t("audit.title"))
st.caption(ui.t("audit.intro"))

with ui.reading() as db:
    usernames, actions, entities = audit_choices(db)
today = ui.today()
left, middle, right = st.columns(3)
period = ui.date_input(
    ui.t("audit.period"), (today - timedelta(days=30), today), where=left, key="audit_period"
)
username = middle.selectbox(
    ui.t("audit.user"),
    ["", *usernames],
    key="audit_user",
    format_func=lambda v: v or ui.t("audit.any"),
)
action = right.selectbox(
    ui.t("audit.action"),
    ["", *actions],
    key="audit_action",
    format_func=lambda v: v or ui.t("audit.any"),
)
entity = left.selectbox(
    ui.t("audit.entity"),
    ["", *entities],
    key="audit_entity",
    format_func=lambda v: v or ui.t("audit.any"),
)
text = middle.text_input(ui.t("audit.text"), key="audit_text", max_chars=200)

start, end = (period[0], period[-1]) if isinstance(period, tuple) and period else (None, None)
filters = AuditFilter(start, end, username, action, entity, text)
with ui.reading() as db:
    page = audit_entries(db, filters)

st.caption(ui.t("audit.count", shown=len(page.entries), total=page.total))
headers = {column.value: ui.label(column) for column in AuditColumn}
st.dataframe(page.entries.rename(columns=headers), hide_index=True, width="stretch")


exporter = signed.username


def export() -> bytes:
    """Built only when clicked (on another thread, so the actor is named explicitly)."""
    with ui.unit_of_work() as db:
        record_export(session=db, username=exporter, entries=len(page.entries))
    return audit_workbook(page.entries, headers)


st.download_button(
    ui.t("audit.export"),
    data=export,
    file_name=f"silta-audit-{today.isoformat()}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/download:",
    key="audit_export",
    on_click="ignore",
)
