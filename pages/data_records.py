"""Records: create, correct and delete every kind of record, with the import's validation."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

import ui
from core.access.locks import PeriodLockedError
from core.io.imports.editing import (
    delete_records,
    editor_rows,
    key_label,
    keys_of,
    records_frame,
    save_rows,
)
from core.io.imports.records import load_catalog
from core.io.imports.sheets import columns, sheet_name
from core.io.imports.validate import KINDS, Catalog
from ui.forms import column_config, show_report
from ui.redaction import redaction_preview

ui.guard(__file__)


@st.cache_data(ttl=600, max_entries=16, show_spinner=False)
def load_records(db_key: tuple[str, int], kind: str) -> tuple[pd.DataFrame, Catalog] | None:
    with ui.reading() as db:
        project = ui.current_project(db)
        if project is None:
            return None
        return records_frame(db, project, kind), load_catalog(db, project)


@st.dialog(ui.t("records.delete"), width="medium")
def confirm_delete(kind: str, keys: list[tuple[Any, ...]]) -> None:
    st.write(ui.t("records.confirm_delete", count=len(keys), kind=sheet_name(kind, ui.lang())))
    st.caption(", ".join(key_label(kind, k) for k in keys[:20]))
    if st.button(ui.t("records.delete_now"), type="primary", key="records_delete_confirm"):
        project = ui.require_project()
        try:
            with ui.unit_of_work() as db:
                deleted = delete_records(db, project, kind, keys)
        except PeriodLockedError as refused:
            ui.error(refused)
            return
        st.cache_data.clear()
        st.session_state["records_notice"] = ui.t("records.deleted", count=deleted)
        st.rerun()


st.title(ui.t("records.title"))
kind = st.segmented_control(
    ui.t("import.kind"),
    KINDS,
    format_func=lambda k: sheet_name(k, ui.lang()),
    default=KINDS[0],
    required=True,
    key="records_kind",
)
loaded = load_records(ui.database_key(), kind)
if loaded is None:
    ui.no_project()
frame, catalog = loaded
if notice := st.session_state.pop("records_notice", None):
    st.success(notice)
st.caption(ui.t("records.help", count=len(frame)))

# A new key after each save gives a fresh editor (widget state cannot be reset in place).
editor_key = f"records_editor_{kind}_{st.session_state.get('records_version', 0)}"
st.data_editor(
    frame,
    column_config=column_config(kind, catalog),
    num_rows="add",
    hide_index=True,
    width="stretch",
    key=editor_key,
)
changed = editor_rows(frame, st.session_state.get(editor_key, {}))
if st.button(
    ui.t("records.save", count=len(changed)),
    type="primary",
    disabled=not changed,
    icon=":material/save:",
    key="records_save",
):
    headers = {c.name: c.header(ui.lang()) for c in columns(kind)}
    project = ui.require_project()
    try:
        # A report with errors has written nothing (the import path checks before it writes).
        with ui.unit_of_work() as db:
            report = save_rows(
                db, project, kind, changed, sheet=sheet_name(kind, ui.lang()), headers=headers
            )
    except PeriodLockedError as refused:
        ui.error(refused)
    else:
        if report.written:
            st.cache_data.clear()
            st.session_state["records_notice"] = ui.t("records.saved", count=len(changed))
            st.session_state["records_version"] = st.session_state.get("records_version", 0) + 1
            st.rerun()
        show_report(report)

if kind == "profiles":
    redaction_preview([key[0] for key in keys_of(frame, kind)], key="records_redaction_code")

with st.expander(ui.t("records.delete"), icon=":material/delete:"):
    keys = keys_of(frame, kind)
    chosen = st.multiselect(
        ui.t("records.choose"),
        keys,
        format_func=lambda k: key_label(kind, k),
        key="records_delete_keys",
        placeholder=ui.t("app.choose_many"),
    )
    if st.button(ui.t("records.delete"), disabled=not chosen, key="records_delete"):
        confirm_delete(kind, chosen)
