"""Reports (manager only): import internship/thesis reports, see the ESCO skills found."""

from __future__ import annotations

import streamlit as st

import ui
from core.codes import ReportKind
from core.competence.esco_map import get_mapper
from core.competence.reports import (
    ReportImport,
    read_report_files,
    read_report_sheet,
    report_text,
    store_reports,
)
from core.competence.view import report_rows

signed = ui.guard(__file__)
role = signed.role
st.title(ui.t("reports.title"))
st.caption(ui.t("reports.caption"))
project = ui.require_project()

kind = ReportKind(
    st.selectbox(
        ui.t("reports.kind"),
        [k.value for k in ReportKind],
        format_func=lambda code: ui.label(ReportKind(code)),
        key="reports_kind",
    )
)
files = st.file_uploader(
    ui.t("reports.files"),
    type=["txt", "docx", "pdf"],
    accept_multiple_files=True,
    key="reports_files",
)
sheet = st.file_uploader(ui.t("reports.sheet"), type=["xlsx", "csv"], key="reports_sheet")
if st.button(
    ui.t("reports.import"), type="primary", key="reports_import", disabled=not (files or sheet)
):
    reading = ReportImport()
    if files:
        reading = read_report_files([(f.name, f.getvalue()) for f in files], kind)
    if sheet is not None:
        from_sheet = read_report_sheet(sheet.getvalue(), sheet.name, kind)
        reading.inputs += from_sheet.inputs
        reading.problems += from_sheet.problems
    bar = st.progress(0.0, text=ui.t("reports.analysing"))
    # Reports with any problem write nothing (store_reports checks them all first).
    with ui.unit_of_work() as db:
        result = store_reports(
            db,
            project,
            reading,
            get_mapper(),
            lambda done, total: bar.progress(done / max(total, 1)),
        )
    bar.empty()
    if result.ok:
        st.success(
            ui.t(
                "reports.imported",
                created=result.created,
                replaced=result.replaced,
                skills=result.skills,
            )
        )
    else:
        st.error(ui.t("reports.nothing_written"))
        for problem in result.problems:
            where = problem.where()
            st.write(f"- {where + ': ' if where else ''}{problem.message(ui.lang())}")

st.subheader(ui.t("reports.list"))
with ui.reading() as db:
    rows = report_rows(db, project, role=role, lang=ui.lang())
if not rows:
    st.info(ui.t("reports.none"))
for row in rows:
    with st.expander(f"{row.participant} · {ui.label(ReportKind(row.kind))} · {row.file_name}"):
        st.caption(f"{ui.t('reports.skills')}: {row.skills or '–'}")
        if st.toggle(ui.t("reports.show_text"), key=f"reports_text_{row.id}"):
            with ui.reading() as db:
                st.text(report_text(db, role=role, report_id=row.id))
