"""Exports: the data workbook, every table, the EURA indicator export and the steering pack."""

from __future__ import annotations

from datetime import date

import streamlit as st

import ui
from core.io.exports.data import export_all_tables, export_workbook
from core.io.exports.eura import eura_workbook
from core.io.exports.steering_pack import steering_pack
from core.periods import half_years, period_containing, years

ui.guard(__file__)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@st.cache_data(ttl=600, max_entries=8, show_spinner=False)
def build(
    db_key: tuple[str, int], what: str, lang: str, period: str = "", as_of: date | None = None
) -> bytes | None:
    with ui.reading() as db:
        project = ui.current_project(db)
        if project is None:
            return None
        if what == "data":
            return export_workbook(db, project, lang=lang)
        if what == "tables":
            return export_all_tables(db)
        if what == "eura":
            chosen = next(
                p for p in _periods(project.start_date, project.end_date) if p.label == period
            )
            return eura_workbook(db, project, chosen, lang=lang)
        return steering_pack(db, project, as_of or ui.today(), lang=lang)


def _periods(start: date, end: date) -> list:  # type: ignore[type-arg]
    return [*half_years(start, end), *years(start, end)]


def offer(label: str, help_text: str, data: bytes | None, file_name: str, key: str) -> None:
    st.caption(help_text)
    if data is not None:
        st.download_button(
            label,
            data,
            file_name=file_name,
            mime=XLSX,
            icon=":material/download:",
            key=key,
            on_click="ignore",
        )


st.title(ui.t("exports.title"))
project = ui.require_project()
key, lang = ui.database_key(), ui.lang()
today = ui.today()

data_tab, eura_tab, pack_tab = st.tabs(
    [ui.t("exports.data"), ui.t("exports.eura"), ui.t("exports.pack")]
)
with data_tab:
    if st.button(ui.t("exports.prepare"), key="exports_prepare_data"):
        offer(
            ui.t("exports.data_download"),
            ui.t("exports.data_help"),
            build(key, "data", lang),
            f"silta-data-{today}.xlsx",
            "exports_data",
        )
        offer(
            ui.t("exports.tables_download"),
            ui.t("exports.tables_help"),
            build(key, "tables", lang),
            f"silta-tables-{today}.xlsx",
            "exports_tables",
        )
with eura_tab:
    periods = _periods(project.start_date, project.end_date)
    current = period_containing(half_years(project.start_date, project.end_date), today)
    labels = [p.label for p in periods]
    default = labels.index(current.label) if current is not None else 0
    period = st.selectbox(ui.t("exports.period"), labels, index=default, key="exports_period")
    st.caption(ui.t("exports.eura_help"))
    offer(
        ui.t("exports.eura_download"),
        ui.t("exports.exact_counts"),
        build(key, "eura", lang, period),
        f"silta-eura-{period.replace(' ', '-')}.xlsx",
        "exports_eura",
    )
with pack_tab:
    as_of = ui.date_input(ui.t("exports.as_of"), today, key="exports_as_of")
    offer(
        ui.t("exports.pack_download"),
        ui.t("exports.pack_help"),
        build(key, "pack", lang, as_of=as_of),
        f"silta-steering-pack-{as_of}.xlsx",
        "exports_pack",
    )
