"""A page that fails shows a short message with a reference, never a traceback; the
reference leads the manager to the traceback in the log file and to an audit entry."""

from __future__ import annotations

import re

import pytest
import streamlit as st
from sqlmodel import Session, select

import core.indicators.overview
from core.access.incidents import log_file
from core.models import AuditLog, Project
from tests.pages.conftest import RunApp

# What an exception's message may carry; it belongs in the log, not on screen or in the trail.
SECRET_DETAIL = "Virtanen Aino 040-1234567"


def _broken_overview(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError(f"cannot build the overview for {SECRET_DETAIL}")


@pytest.mark.parametrize(
    ("lang", "phrase"), [("en", "tell the project manager"), ("fi", "kerro hankkeen")]
)
def test_a_failing_page_shows_a_reference_not_a_traceback(
    app: RunApp,
    project: Project,
    session: Session,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    phrase: str,
) -> None:
    monkeypatch.setattr(core.indicators.overview, "build_overview", _broken_overview)
    at = app(lang=lang)

    assert not at.exception, "the traceback reached the page"
    assert len(at.error) == 1
    message = at.error[0].value
    assert phrase in message
    assert "Traceback" not in message and SECRET_DETAIL not in message
    match = re.search(r"\b([0-9a-f]{8})\b", message)
    assert match is not None, message
    reference = match.group(1)

    # The log holds the traceback under the reference, with what went wrong.
    log = log_file().read_text(encoding="utf-8")
    at_reference = log[log.index(f"ref={reference}") :]
    assert "Traceback (most recent call last)" in at_reference
    assert f"RuntimeError: cannot build the overview for {SECRET_DETAIL}" in at_reference

    # The manager finds the reference in the audit trail, without the personal detail.
    entry = session.exec(select(AuditLog).where(AuditLog.action == "error")).one()
    assert entry.entity_key == reference
    assert entry.entity == "page:overview"
    assert "RuntimeError" in entry.detail and SECRET_DETAIL not in entry.detail
    assert entry.username == "manager"


def test_st_stop_is_not_an_error(
    app: RunApp, project: Project, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pages stop a run on purpose (the sign-in guard, empty states): not an error to log.
    def stop(*_args: object, **_kwargs: object) -> None:
        st.info("nothing to show")
        st.stop()

    monkeypatch.setattr(core.indicators.overview, "build_overview", stop)
    at = app()
    assert not at.exception
    assert [i.value for i in at.info] == ["nothing to show"]
    assert not at.error
    assert session.exec(select(AuditLog).where(AuditLog.action == "error")).first() is None
