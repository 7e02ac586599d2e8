"""Streamlit glue for the data forms: column settings for `st.data_editor`, problem tables."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from core.io.exports.workbook import choices
from core.io.imports.importer import ImportReport
from core.io.imports.sheets import columns
from core.io.imports.validate import Catalog
from core.privacy.findings import Kind


def column_config(kind: str, catalog: Catalog | None) -> dict[str, object]:
    """How each column is edited: drop-downs for codes, dates, numbers, check boxes."""
    config: dict[str, object] = {}
    for column in columns(kind):
        label = column.header(ui.lang())
        widget = column.cell.widget
        options = choices(column, catalog, "en") if widget in {"code", "ref"} else []
        if column.cell.read_only:
            # Recorded elsewhere (search consent: the Consents page); shown, not edited.
            config[column.name] = st.column_config.Column(label, disabled=True)
        elif widget == "bool":
            config[column.name] = st.column_config.CheckboxColumn(label)
        elif options:
            config[column.name] = st.column_config.SelectboxColumn(
                label, options=options, required=column.required
            )
        elif widget == "date":
            config[column.name] = st.column_config.DateColumn(
                label, format="YYYY-MM-DD", required=column.required
            )
        elif widget in {"int", "decimal"}:
            config[column.name] = st.column_config.NumberColumn(label, required=column.required)
        else:
            config[column.name] = st.column_config.TextColumn(label, required=column.required)
    return config


def problems_table(report: ImportReport) -> pd.DataFrame:
    """Every problem by sheet, row, column and message, in the UI language."""
    return pd.DataFrame(
        [
            {
                ui.t("io.problem.severity"): ui.label(p.severity),
                ui.t("io.problem.sheet"): p.sheet,
                ui.t("io.problem.row"): p.row,
                ui.t("io.problem.column"): p.column,
                ui.t("io.problem.message"): p.message(ui.lang()),
            }
            for p in report.problems
        ]
    )


def redactions_table(report: ImportReport) -> pd.DataFrame:
    """The check's redaction preview: by sheet, row, profile and column, what and why."""
    removed, flagged = ui.t("redact.removed"), ui.t("redact.flagged")
    return pd.DataFrame(
        [
            {
                ui.t("io.problem.sheet"): r.sheet,
                ui.t("io.problem.row"): r.row,
                ui.t("redact.choose"): r.code,
                ui.t("io.problem.column"): r.column,
                ui.t("redact.col.action"): removed if r.removed else flagged,
                ui.t("redact.col.kind"): ui.label(Kind(r.kind)),
                ui.t("redact.col.text"): r.excerpt,
            }
            for r in report.redactions
        ]
    )


def show_report(report: ImportReport) -> None:
    """Problems first (nothing was written while any error remains), then counts per sheet."""
    if report.errors:
        st.error(ui.t("io.nothing_written", count=len(report.errors)), icon=":material/block:")
    if report.problems:
        st.dataframe(problems_table(report), hide_index=True, width="stretch")
    if report.sheets:
        counts = pd.DataFrame(
            [
                {
                    ui.t("io.problem.sheet"): s.sheet,
                    ui.t("io.count.rows"): s.rows,
                    ui.t("io.count.created"): s.created,
                    ui.t("io.count.updated"): s.updated,
                    ui.t("io.count.unchanged"): s.unchanged,
                }
                for s in report.sheets
            ]
        )
        st.dataframe(counts, hide_index=True, width="stretch")
    if report.redactions and not report.written:
        st.markdown(f"**{ui.t('redact.import_title')}**")
        st.caption(ui.t("redact.import_help"))
        st.dataframe(redactions_table(report), hide_index=True, width="stretch")
