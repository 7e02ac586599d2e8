"""The error boundary around every page run: a short message and a reference, never a
traceback (the traceback goes to the log file, see `core.access.incidents`)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.navigation.page import StreamlitPage
from streamlit.runtime.scriptrunner import RerunException, StopException

from core.access.incidents import report_unexpected
from ui.state import t


def run_page(navigation: StreamlitPage) -> None:
    """Run the page `st.navigation` chose; an unexpected exception is logged and shown as
    one translated line with its reference."""
    try:
        navigation.run()
    except (StopException, RerunException):
        raise  # st.stop(), st.rerun(), st.switch_page(): Streamlit's own control flow
    except Exception as error:  # noqa: BLE001 - the boundary: anything unexpected
        reference = report_unexpected(error, f"page:{_page_name(navigation)}")
        st.error(t("error.unexpected", reference=reference))


def _page_name(navigation: StreamlitPage) -> str:
    # The default page has the empty address; its file's name says which page it is.
    script = getattr(navigation, "_page", None)
    return Path(script).stem if isinstance(script, Path) else navigation.url_path or "start"
