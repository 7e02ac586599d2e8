"""Streamlit glue shared by every page: language, reads and units of work, the project, errors,
the demo banner, who is signed in. Pages read through `reading()`, change through
`unit_of_work()`, and never commit or write SQL themselves (tests/pages/test_pages_thin.py)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import NoReturn
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st
from sqlmodel import Session

from core.config import get_settings
from core.errors import DomainError
from core.i18n import DEFAULT_LANG, LANGUAGES, Labelled, label_key, translate
from core.meta import data_version, is_demo
from core.models import Project
from core.project.loading import get_project
from core.project.terms import register_project_terms
from ui import signin
from ui.state import LANG_KEY as LANG_KEY
from ui.state import date_input as date_input
from ui.state import lang as lang
from ui.state import session as session
from ui.state import t as t
from ui.state import unit_of_work as unit_of_work

# URL-kept widget values live in ui.url; pages use them as ui.url_choice(...) and so on.
from ui.url import KEPT as KEPT
from ui.url import forget_url as forget_url
from ui.url import from_url as from_url
from ui.url import to_url as to_url
from ui.url import url_choice as url_choice
from ui.url import url_multi as url_multi
from ui.url import url_period as url_period


def label(code: Labelled) -> str:
    """The UI text of a code (a role, a status, a kind…) in the sidebar's language."""
    return translate(label_key(code), lang())


def error(problem: DomainError, *, warning: bool = False) -> None:
    """The one way a page shows a refusal: its message in the UI's language, as an error (or,
    for input to correct rather than a failure, a warning)."""
    show = st.warning if warning else st.error
    show(problem.message(lang()))


def language_selector() -> None:
    url_choice(
        translate("app.language", lang()),
        list(LANGUAGES),
        key=LANG_KEY,
        default=DEFAULT_LANG,
        format_func=lambda code: LANGUAGES.get(code, code),  # type: ignore[call-overload]
        where=st.sidebar,
    )


@contextmanager
def reading() -> Iterator[Session]:
    """A session for reads: what it loads stays usable after the block; nothing is committed."""
    with session() as db:
        yield db


def database_key() -> tuple[str, int]:
    """What cached query results depend on: the database and its data version."""
    with reading() as db:
        return get_settings().database_url, data_version(db)


def current_project(db: Session) -> Project | None:
    try:
        project = get_project(db)
    except LookupError:
        return None
    register_project_terms(db, project)  # issue 15: the project's own code names, EN+FI
    return project


def no_project() -> NoReturn:
    """The standard message when no project is loaded; the page stops here."""
    st.info(t("app.no_project"))
    st.stop()


def require_project() -> Project:
    """The loaded project; without one, the standard message and the page stops."""
    with reading() as db:
        project = current_project(db)
    if project is None:
        no_project()
    return project


def base_url() -> str:
    """This server's address as the browser sees it (for links sent to people; issue 15)."""
    url = str(getattr(st.context, "url", "") or "")
    return url.split("?")[0].rsplit("/", 1)[0] if "://" in url else ""


def today() -> date:
    return date.today()


def demo_banner() -> None:
    with reading() as db:
        if is_demo(db):
            st.warning(t("app.demo_banner"), icon=":material/science:")


# --- Who is signed in: ui.signin; the names pages use --------------------------------------
NOTICE_KEY = signin.NOTICE_KEY
USER_KEY = signin.USER_KEY
current_role = signin.current_role
current_user = signin.current_user
guard = signin.guard
open_page = signin.open_page
session_entry = signin.session_entry
sign_in = signin.sign_in
sign_out = signin.sign_out
sso_providers = signin.sso_providers


def local_time(moment: datetime) -> str:
    """`moment` as HH:MM in the browser's time zone (UTC when the browser does not say)."""
    zone_name = st.context.timezone
    try:
        zone = ZoneInfo(zone_name) if zone_name else UTC
    except (ZoneInfoNotFoundError, ValueError):
        zone = UTC
    suffix = "" if zone_name else " UTC"
    return moment.astimezone(zone).strftime("%H:%M") + suffix
