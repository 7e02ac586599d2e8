"""Activities and deliverables per work package, with their evidence files (manager only)."""

from __future__ import annotations

import streamlit as st

import ui
from core.activities.files import MAX_FILE_MB, attach_file, files_of, read_file, remove_stored
from core.activities.records import (
    THEMES,
    ActivityError,
    activity_choices,
    activity_table,
    delete_activity,
    mark_done,
    theme_counts,
)
from core.codes import InterviewTheme, term_key
from ui.activities import new_activity_form

ui.guard(__file__)
st.title(ui.t("activity.title"))
st.caption(ui.t("activity.intro"))
project = ui.require_project()
with ui.reading() as db:
    choices = activity_choices(db, project)


def kind_name(code: str) -> str:
    return ui.t(term_key("activity_kind", code))


def theme_name(code: str) -> str:
    return ui.label(InterviewTheme(code))


# Labels in this run's language (a format function would be called later, outside the run).
kinds = {code: kind_name(code) for code in choices["kinds"]}
theme_names = {code: theme_name(code) for code in THEMES}

new_activity_form(project, choices, kinds, theme_names)

packages = {"": ui.t("activity.all_packages"), **choices["work_packages"]}
shown = st.selectbox(
    ui.t("activity.work_package"), list(packages), format_func=packages.get, key="activity_filter"
)
with ui.reading() as db:
    table = activity_table(db, project, shown or None)
    per_theme = theme_counts(db, project)
if table.empty:
    st.info(ui.t("activity.none"))
    st.stop()
view = table.assign(
    kind=[kind_name(k) for k in table.kind],
    themes=[", ".join(theme_name(x) for x in themes or []) for themes in table.themes],
).rename(
    columns={
        "work_package": ui.t("activity.work_package"),
        "date": ui.t("activity.date"),
        "kind": ui.t("activity.kind"),
        "title": ui.t("activity.name"),
        "deliverable": ui.t("activity.deliverable"),
        "done_on": ui.t("activity.col.done"),
        "themes": ui.t("activity.themes"),
        "bottlenecks": ui.t("activity.bottlenecks"),
        "people": ui.t("activity.people"),
        "files": ui.t("activity.col.files"),
    }
)
st.dataframe(view.drop(columns=["id"]), hide_index=True, width="stretch", key="activity_table")
st.caption(
    ui.t("activity.themes_count")
    + ": "
    + ", ".join(f"{theme_name(code)} {n}" for code, n in per_theme.items())
)

titles = {int(i): f"{d} · {t}" for i, d, t in zip(table.id, table.date, table.title, strict=True)}
chosen = st.selectbox(
    ui.t("activity.choose"), list(titles), format_func=titles.get, key="activity_open"
)
row = table[table.id == chosen].iloc[0]
if row.deliverable and row.done_on is None:
    done = ui.date_input(ui.t("activity.done_on"), ui.today(), key="activity_done_day")
    if st.button(ui.t("activity.mark_done"), key="activity_mark_done", type="primary"):
        try:
            with ui.unit_of_work() as db:
                mark_done(db, project, chosen, done)
            st.rerun()
        except ActivityError as error:
            ui.error(error)
st.markdown(f"**{ui.t('activity.files')}**")
with ui.reading() as db:
    files = files_of(db, chosen)
    contents = {f.id: read_file(db, project, int(f.id or 0)) for f in files}
for f in files:
    name, data = contents[f.id]
    st.download_button(
        f"{name} ({f.size_bytes // 1024 + 1} kB)",
        data,
        file_name=name,
        key=f"activity_file_{f.id}",
        icon=":material/download:",
    )
upload = st.file_uploader(ui.t("activity.upload", limit=MAX_FILE_MB), key="activity_upload")
if upload is not None and st.button(ui.t("activity.attach"), key="activity_attach"):
    try:
        with ui.unit_of_work() as db:
            attach_file(db, project, chosen, upload.name, upload.getvalue())
        st.rerun()
    except ActivityError as error:
        ui.error(error)
if st.button(ui.t("activity.delete"), key="activity_delete", icon=":material/delete:"):
    with ui.unit_of_work() as db:
        stored = delete_activity(db, project, chosen)
    remove_stored(stored)
    st.rerun()
