"""Steering meeting mode: one big chart per screen, suppressed as for the steering group,
previous / next buttons, the position in the URL, and the pack exported as PNG, PPTX and PDF."""

from __future__ import annotations

import streamlit as st

import ui
from core.dashboards.meeting.export import ExportError, export_pack
from core.dashboards.meeting.pack import PACK, PACK_KEYS, cover, slide
from ui import dashboard as dash

ui.guard(__file__)

KEY = "meeting_slide"  # also the query parameter: ?meeting_slide=funnel
EXPORT = "meeting_export"

page = dash.start_page(ui.t("meeting.title"), meeting=True)
titles = {chart.key: chart.title(ui.t) for chart in PACK}


def step(by: int) -> None:
    position = PACK_KEYS.index(st.session_state.get(KEY, PACK_KEYS[0]))
    st.session_state[KEY] = PACK_KEYS[(position + by) % len(PACK_KEYS)]


ui.from_url(KEY, PACK_KEYS, PACK_KEYS[0])
back, where, forward = st.columns([1, 3, 1], vertical_alignment="center")
back.button(
    ui.t("meeting.previous"),
    key="meeting_previous",
    on_click=step,
    args=(-1,),
    icon=":material/arrow_back:",
    width="stretch",
)
where.selectbox(
    ui.t("meeting.position", total=len(PACK_KEYS)),
    PACK_KEYS,
    format_func=lambda k: f"{PACK_KEYS.index(k) + 1} / {len(PACK_KEYS)} · {titles[k]}",
    key=KEY,
    label_visibility="collapsed",
)
forward.button(
    ui.t("meeting.next"),
    key="meeting_next",
    on_click=step,
    args=(1,),
    icon=":material/arrow_forward:",
    width="stretch",
    type="primary",
)
ui.to_url(KEY, PACK_KEYS[0])

views = dash.meeting_views(page)
current = PACK[PACK_KEYS.index(st.session_state[KEY])]
# theme=None: the slide's own large type, not the page theme's smaller one.
st.plotly_chart(
    slide(current, views, ui.t).figure, width="stretch", theme=None, key="meeting_chart"
)

with st.expander(ui.t("meeting.export"), icon=":material/download:"):
    signature = (page.db_key, page.filters, page.lang, page.today)
    if st.button(ui.t("meeting.prepare"), key="meeting_prepare", icon=":material/slideshow:"):
        with st.status(ui.t("meeting.drawing", n=len(PACK)), expanded=True) as status:
            bar = st.progress(0.0)
            try:
                files = export_pack(
                    [slide(chart, views, ui.t) for chart in PACK],
                    cover(
                        project=dash.project_name(page),
                        filters=page.filters,
                        options=page.options,
                        t=ui.t,
                        lang=page.lang,
                        today=page.today,
                    ),
                    progress=lambda done, total: bar.progress(done / total),
                )
            except ExportError as error:
                status.update(label=ui.t("meeting.export_failed"), state="error")
                ui.error(error)
            else:
                st.session_state[EXPORT] = (signature, files)
                status.update(label=ui.t("meeting.ready", n=files.count), state="complete")
    prepared = st.session_state.get(EXPORT)
    if prepared is not None and prepared[0] == signature:
        files = prepared[1]
        stem = f"silta-steering-{page.today.isoformat()}"
        for column, (label, payload, suffix, mime) in zip(
            st.columns(3),
            [
                (
                    ui.t("meeting.pptx"),
                    files.pptx,
                    "pptx",
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                ),
                (ui.t("meeting.pdf"), files.pdf, "pdf", "application/pdf"),
                (ui.t("meeting.png"), files.zip, "zip", "application/zip"),
            ],
            strict=True,
        ):
            column.download_button(
                label,
                payload,
                file_name=f"{stem}.{suffix}",
                mime=mime,
                key=f"meeting_download_{suffix}",
                on_click="ignore",
                width="stretch",
            )
