"""Import: templates to download, an upload with a full preview, then all-or-nothing import."""

from __future__ import annotations

import streamlit as st

import ui
from core.io.exports.templates import template_workbook
from core.io.imports.importer import ImportReport, ImportStep, run_import
from core.io.imports.sheets import sheet_name
from core.io.imports.validate import KINDS
from ui.forms import show_report

ui.guard(__file__)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@st.cache_data(ttl=600, max_entries=4, show_spinner=False)
def check_file(db_key: tuple[str, int], data: bytes, name: str) -> ImportReport:
    """The preview: every problem and what would change; nothing is written."""
    return run_import(data, name, write=False)


st.title(ui.t("import.title"))
st.caption(ui.t("import.intro"))

with st.expander(ui.t("import.templates"), icon=":material/download:"):
    kind = st.selectbox(
        ui.t("import.kind"),
        ["all", *KINDS],
        format_func=lambda k: ui.t("import.all_kinds") if k == "all" else sheet_name(k, ui.lang()),
        key="import_template_kind",
    )
    with ui.reading() as db:
        project = ui.current_project(db)
        template = template_workbook(kind, lang=ui.lang(), session=db, project=project)
    st.download_button(
        ui.t("import.download_template"),
        template,
        file_name=f"silta-{kind}-template.xlsx",
        mime=XLSX,
        icon=":material/table_view:",
        key="import_template_download",
        on_click="ignore",
    )

upload = st.file_uploader(
    ui.t("import.upload"), type=["xlsx", "csv"], key="import_file", help=ui.t("import.upload_help")
)
if upload is None:
    st.stop()

data = upload.getvalue()
preview = check_file(ui.database_key(), data, upload.name)
st.subheader(ui.t("import.preview"))
if preview.encoding and preview.encoding != "UTF-8":
    st.info(ui.t("import.encoding", encoding=preview.encoding))
show_report(preview)
if not preview.ok:
    st.stop()

if st.button(ui.t("import.apply"), type="primary", icon=":material/upload:", key="import_apply"):
    bar = st.progress(0.0, text=ui.t("import.working"))

    def progress(step: str, fraction: float) -> None:
        bar.progress(min(fraction, 1.0), text=ui.label(ImportStep(step)))

    result = run_import(data, upload.name, progress=progress)
    if result.written:
        st.success(ui.t("import.done", file=upload.name), icon=":material/check_circle:")
        st.cache_data.clear()
    show_report(result)
