"""Streamlit glue for contact requests (issue 14): dates in the UI's language, a request's
steps, the answer form and the next-step form shared by the student, SME and manager pages."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd
import streamlit as st

import ui
from core.access.auth import SignedIn
from core.codes import AgreedKind, ContactStatus, MaxLength
from core.config import get_settings
from core.contacts.flow import Actor, Shared, actor_of, answer, record_step
from core.contacts.requests import ContactError
from core.contacts.status import steps_for
from core.contacts.views import RequestView
from core.dashboards.charts.locale import day_label
from core.notify.outbox import outbox
from core.notify.smtp import send_soon
from core.text import escape_markdown

SAVED = "contacts_saved"


def current_actor(signed: SignedIn) -> Actor:
    with ui.reading() as db:
        return actor_of(db, signed)


def student_actor(signed: SignedIn) -> tuple[Actor, int]:
    """A student page's opening: the student and the participant their account belongs to
    (from the account row, never from the browser); without one, whom to ask, and stop."""
    actor = current_actor(signed)
    if actor.participant_id is None:
        st.info(ui.t("student.no_participant"))
        st.stop()
    return actor, actor.participant_id


def moment(at: datetime) -> str:
    """A stored time as a full date and time in the UI's language and the browser's zone."""
    local = ui.local_time(at)  # HH:MM, with " UTC" when the browser gave no zone
    zone = st.context.timezone
    day = at.astimezone(UTC).date() if not zone else _local_day(at, zone)
    return f"{day_label(day, ui.t)} {local}"


def _local_day(at: datetime, zone: str) -> date:
    try:
        return at.astimezone(ZoneInfo(zone)).date()
    except (ZoneInfoNotFoundError, ValueError):
        return at.astimezone(UTC).date()


def status_text(view: RequestView) -> str:
    text = ui.label(view.status)
    if view.agreed_kind is not None:
        text += f": {ui.label(view.agreed_kind)}"
    return text


def steps_line(view: RequestView) -> str:
    """ "Asked 4 Dec 2026 · Accepted 5 Dec 2026 · Agreed (internship) 6 Dec 2026" """
    parts = []
    for step in view.steps:
        name = (
            ui.t("contact.step.asked")
            if step.status is ContactStatus.ASKED
            else ui.label(step.status)
        )
        if step.kind is not None:
            name += f" ({ui.label(step.kind)})"
        by = f" – {escape_markdown(step.by, one_line=True)}" if step.by else ""
        parts.append(f"{name} {day_label(step.day, ui.t)} ({ui.label(step.by_role)}{by})")
    return " · ".join(parts)


SHARED = {
    "email": "contact.shared.email",
    "phone": "contact.shared.phone",
    "other": "contact.shared.other",
}


def shared_lines(shared: Shared) -> list[str]:
    values = {"email": shared.email, "phone": shared.phone, "other": shared.other}
    return [
        ui.t(SHARED[name], value=escape_markdown(value, one_line=True))
        for name, value in values.items()
        if value
    ]


def saved_notice() -> None:
    if st.session_state.pop(SAVED, False):
        st.success(ui.t("contact.saved"), icon=":material/check:")


def _done() -> None:
    send_soon()
    st.session_state[SAVED] = True
    st.rerun()


def answer_form(view: RequestView, actor: Actor, default_email: str, prefix: str) -> None:
    """Accept, choosing what to share, or decline (nothing is shared)."""
    key = f"{prefix}_{view.id}"
    with st.form(f"{key}_answer"):
        st.markdown(f"**{ui.t('contact.answer')}**")
        st.caption(ui.t("contact.share_help"))
        share_email = st.checkbox(
            ui.t("contact.share_email", email=default_email or "–"),
            value=bool(default_email),
            disabled=not default_email,
            key=f"{key}_email",
        )
        phone = st.text_input(
            ui.t("contact.share_phone"), max_chars=MaxLength.PHONE, key=f"{key}_phone"
        )
        other = st.text_input(
            ui.t("contact.share_other"), max_chars=MaxLength.SHARED_OTHER, key=f"{key}_other"
        )
        accept, decline = st.columns(2)
        accepted = accept.form_submit_button(ui.t("contact.accept"), type="primary")
        declined = decline.form_submit_button(ui.t("contact.decline"))
    if not (accepted or declined):
        return
    shared = Shared(default_email if share_email else "", phone, other)
    try:
        with ui.unit_of_work() as db:
            answer(db, actor, view.id, accept=accepted, shared=shared)
    except ContactError as error:
        ui.error(error, warning=True)
        return
    _done()


def next_step_form(view: RequestView, actor: Actor, prefix: str) -> None:
    """The steps this reader may record next (met, agreed on what, started, ended)."""
    steps = [
        s
        for s in steps_for(actor.role, view.status)
        if s not in (ContactStatus.ACCEPTED, ContactStatus.DECLINED)
    ]
    if not steps:
        return
    key = f"{prefix}_{view.id}"
    with st.form(f"{key}_step"):
        st.markdown(f"**{ui.t('contact.next_step')}**")
        left, middle, right = st.columns(3)
        step = left.selectbox(ui.t("contact.step"), steps, format_func=ui.label, key=f"{key}_to")
        kind = middle.selectbox(
            ui.t("contact.kind"), list(AgreedKind), format_func=ui.label, key=f"{key}_kind",
            help=ui.t("contact.kind_help"),
        )  # fmt: skip
        today = ui.today()
        day = ui.date_input(
            ui.t("contact.step_day"), today, where=right, max_value=today, key=f"{key}_day"
        )
        submitted = st.form_submit_button(ui.t("contact.record_step"))
    if not submitted or step is None:
        return
    try:
        with ui.unit_of_work() as db:
            record_step(
                db,
                actor,
                view.id,
                step,
                kind=kind if step is ContactStatus.AGREED else None,
                day=day,
            )
    except ContactError as error:
        ui.error(error, warning=True)
        return
    _done()


def outbox_expander() -> None:
    """The manager's view of the e-mail outbox: what was sent, what waits and why."""
    with ui.reading() as db:
        rows = outbox(db)
    configured = get_settings().smtp_configured
    with st.expander(ui.t("notify.outbox", n=len(rows)), icon=":material/outbox:"):
        st.caption(ui.t("notify.outbox_on" if configured else "notify.outbox_off"))
        if not rows:
            return
        table = [
            {
                ui.t("notify.col.kind"): ui.label(r.kind),
                ui.t("notify.col.to"): r.to_address,
                ui.t("notify.col.created"): moment(r.created_at),
                ui.t("notify.col.sent"): moment(r.sent_at) if r.sent_at else "",
                ui.t("notify.col.attempts"): r.attempts,
                ui.t("notify.col.error"): r.last_error,
            }
            for r in rows
        ]
        st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch")
