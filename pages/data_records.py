"""Records: create, correct and delete every kind of record, with the import's validation."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

import ui
from core.access.locks import PeriodLockedError
from core.db import session_scope
from core.io.imports.editing import (
    delete_records,
    editor_rows,
    key_label,
    keys_of,
    records_frame,
    save_rows,
)
from core.io.imports.records import load_catalog
from core.io.imports.sheets import columns
from core.io.imports.validate import KINDS, Catalog
from ui.forms import column_config, show_report
from ui.redaction import redaction_preview

ui.guard(__file__)


@st.cache_data(ttl=600, max_entries=16, show_spinner=False)
def load_records(db_key: tuple[str, int], kind: str) -> tuple[pd.DataFrame, Catalog] | None:
    with ui.session() as db:
        project = ui.current_project(db)
        if project is None:
            return None
        return records_frame(db, project, kind), load_catalog(db, project)


@st.dialog(ui.t("records.delete"), width="medium")
def confirm_delete(kind: str, keys: list[tuple[Any, ...]]) -> None:
    st.write(ui.t("records.confirm_delete", count=len(keys), kind=ui.t(f"io.sheet.{kind}")))
    st.caption(", ".join(key_label(kind, k) for k in keys[:20]))
    if st.button(ui.t("records.delete_now"), type="primary", key="records_delete_confirm"):
        try:
            with session_scope() as db:
                project = ui.current_project(db)
                assert project is not None
                deleted = delete_records(db, project, kind, keys)
        except PeriodLockedError as refused:
            st.error(refused.message(ui.lang()))
            return
        st.cache_data.clear()
        st.session_state["records_notice"] = ui.t("records.deleted", count=deleted)
        st.rerun()


st.title(ui.t("records.title"))
kind = st.segmented_control(
    ui.t("import.kind"),
    KINDS,
    format_func=lambda k: ui.t(f"io.sheet.{k}"),
    default=KINDS[0],
    required=True,
    key="records_kind",
)
loaded = load_records(ui.database_key(), kind)
if loaded is None:
    st.info(ui.t("app.no_project"))
    st.stop()
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
    try:
        with session_scope() as db:
            project = ui.current_project(db)
            assert project is not None
            report = save_rows(
                db, project, kind, changed, sheet=ui.t(f"io.sheet.{kind}"), headers=headers
            )
            if not report.ok:
                db.rollback()
    except PeriodLockedError as refused:
        st.error(refused.message(ui.lang()))
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
    )
    if st.button(ui.t("records.delete"), disabled=not chosen, key="records_delete"):
        confirm_delete(kind, chosen)
