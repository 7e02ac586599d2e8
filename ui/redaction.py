"""Streamlit glue for checking redaction: what SME users would see of a profile, and why."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

import ui
from core.privacy.redact import RedactionPreview
from core.search.profiles import ProfilePreview, preview_profile


def _findings_table(preview: RedactionPreview) -> pd.DataFrame:
    rows = [(ui.t("redact.removed"), ui.label(f.kind), f.excerpt) for f in preview.removed] + [
        (ui.t("redact.flagged"), ui.label(f.kind), f.excerpt) for f in preview.flagged
    ]
    headers = [ui.t("redact.col.action"), ui.t("redact.col.kind"), ui.t("redact.col.text")]
    return pd.DataFrame(rows, columns=headers)


def redaction_preview(codes: Sequence[str], *, key: str) -> None:
    """An expander: pick a profile, see its texts as companies see them, removals and flags."""
    with st.expander(ui.t("redact.preview"), icon=":material/visibility_off:"):
        st.caption(ui.t("redact.preview_help"))
        code = st.selectbox(
            ui.t("redact.choose"), list(codes), index=None, key=key, placeholder=ui.t("app.choose")
        )
        if code is None:
            return
        with ui.session() as db:
            preview = preview_profile(db, code)
        if preview is None:
            return
        show_preview(preview)


def show_preview(preview: ProfilePreview, *, texts: bool = True) -> None:
    """Each text as companies see it (when `texts`) and what was removed or flagged in it."""
    for label, part in (
        (ui.t("io.col.skills"), preview.skills),
        (ui.t("io.col.interests"), preview.interests),
    ):
        st.markdown(f"**{label}**")
        if texts:
            st.text(part.redacted or "–")  # plain text: profile texts are never Markdown
        if part.removed or part.flagged:
            st.dataframe(_findings_table(part), hide_index=True, width="stretch")
        else:
            st.caption(ui.t("redact.nothing"))
