"""Streamlit glue shared by every page: language, reads and units of work, the project, errors,
the demo banner, who is signed in. Pages read through `reading()`, change through
`unit_of_work()`, and never commit or write SQL themselves (tests/pages/test_pages_thin.py)."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any, NoReturn
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st
from sqlmodel import Session
from streamlit.runtime.pages_manager import PagesManager

from core.access import audit
from core.access.auth import SignedIn, record_logout, still_signed_in, user_for_identity
from core.access.navigation import may_open
from core.codes import Role
from core.config import get_settings
from core.db import get_engine, session_scope
from core.errors import DomainError
from core.i18n import DEFAULT_LANG, LANGUAGES, Labelled, label_key, translate
from core.meta import data_version, is_demo
from core.models import Project
from core.project.loading import get_project

# URL-kept widget values live in ui.url; pages use them as ui.url_choice(...) and so on.
from ui.url import KEPT as KEPT
from ui.url import forget_url as forget_url
from ui.url import from_url as from_url
from ui.url import to_url as to_url
from ui.url import url_choice as url_choice
from ui.url import url_multi as url_multi
from ui.url import url_period as url_period

LANG_KEY = "lang"
log = logging.getLogger(__name__)


def lang() -> str:
    value = st.session_state.get(LANG_KEY, DEFAULT_LANG)
    return value if value in LANGUAGES else DEFAULT_LANG


def t(key: str, **values: object) -> str:
    """Translate `key` into the language chosen in the sidebar.

    `key` is a literal or `label_key(code)` (tests/test_i18n.py checks every one exists)."""
    return translate(key, lang(), **values)


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
    with Session(get_engine(), expire_on_commit=False) as db:
        yield db


@contextmanager
def unit_of_work() -> Iterator[Session]:
    """One change: committed when the block ends normally, rolled back on any error (a
    DomainError the page then shows with `error`), so nothing is ever half-written."""
    with session_scope() as db:
        yield db


def database_key() -> tuple[str, int]:
    """What cached query results depend on: the database and its data version."""
    with reading() as db:
        return get_settings().database_url, data_version(db)


def current_project(db: Session) -> Project | None:
    try:
        return get_project(db)
    except LookupError:
        return None


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


def today() -> date:
    return date.today()


def demo_banner() -> None:
    with reading() as db:
        if is_demo(db):
            st.warning(t("app.demo_banner"), icon=":material/science:")


# --- Who is signed in ------------------------------------------------------------------------
# Session state keeps plain values only (ids, names, the role), never ORM objects.
USER_KEY = "auth_user"
NOTICE_KEY = "auth_notice"


def session_entry(
    signed: SignedIn, *, sso: bool = False, now: float | None = None
) -> dict[str, Any]:
    """What `sign_in` keeps in session state for `signed` (tests preset the same)."""
    return {
        "user_id": signed.user_id,
        "username": signed.username,
        "role": signed.role.value,
        "company_id": signed.company_id,
        "display_name": signed.display_name,
        "sso": sso,
        "last_seen": time.time() if now is None else now,
    }


def _signed(entry: dict[str, Any]) -> SignedIn:
    return SignedIn(
        entry["user_id"],
        entry["username"],
        Role(entry["role"]),
        entry["company_id"],
        entry.get("display_name", ""),
    )


def _reset_session_state() -> None:
    # Nothing one person saw or typed may stay for the next one in this browser tab.
    for key in list(st.session_state):
        if key != LANG_KEY:
            del st.session_state[key]


def sign_in(signed: SignedIn, *, sso: bool = False) -> None:
    _reset_session_state()
    st.session_state[USER_KEY] = session_entry(signed, sso=sso)


def sign_out(*, expired: bool = False) -> None:
    entry = st.session_state.get(USER_KEY)
    if entry is not None:
        with unit_of_work() as db:
            record_logout(db, _signed(entry), expired=expired)
    _reset_session_state()
    if expired:
        st.session_state[NOTICE_KEY] = "expired"
    if entry is not None and entry.get("sso") and sso_configured():
        st.logout()


def current_user() -> SignedIn | None:
    """Who is signed in for this run (the router has checked it), or None."""
    entry = st.session_state.get(USER_KEY)
    return None if entry is None else _signed(entry)


def refresh_user() -> SignedIn | None:
    """The router's check on every run: idle timeout, then the account as the database has it."""
    entry = st.session_state.get(USER_KEY)
    if entry is None:
        return None
    idle_limit = get_settings().session_idle_minutes * 60
    if time.time() - float(entry.get("last_seen", 0)) > idle_limit:
        sign_out(expired=True)
        return None
    with reading() as db:
        fresh = still_signed_in(db, _signed(entry))
    if fresh is None:
        sign_out()
        return None
    st.session_state[USER_KEY] = {**session_entry(fresh, sso=bool(entry.get("sso")))}
    return fresh


def bind_actor(signed: SignedIn | None) -> None:
    """Every change this run makes is audited as `signed` (anonymous visitors as "anonymous")."""
    audit.current_actor.set(signed.username if signed else "anonymous")
    audit.current_company.set(signed.company_id if signed else None)


def guard(page_file: str) -> SignedIn:
    """The first statement of every page: `signed = ui.guard(__file__)`.

    Stops the run, showing nothing, unless someone is signed in whose role may open this
    page (`core.access.navigation.PAGES`). The router already offers only allowed pages, but
    Streamlit can run a file in `pages/` on its own: until `app.py` has called
    `st.navigation` once in the server process, it treats `pages/` as an old-style
    multipage folder and serves any file in it by URL, without `app.py`. A page run that way
    switches the server to the router (what `st.navigation` itself does) and runs again
    through `app.py`, on the same address.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
    signed = current_user()
    if signed is None or not may_open(signed.role, page_file):
        st.stop()
    return signed


def current_role() -> Role:
    """The signed-in user's role; a page run without one stops here, showing nothing."""
    signed = current_user()
    if signed is None:
        st.stop()
    return signed.role


def sso_configured() -> bool:
    """Single sign-on is on when .streamlit/secrets.toml has an [auth] section."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError as error:  # also a secrets file that does not parse
        if "pars" in str(error):
            log.warning("single sign-on is off: %s", error)
        return False


def sso_providers() -> list[str | None]:
    """Named providers ([auth.name] sections), or [None] for a single unnamed one."""
    if not sso_configured():
        return []
    section = st.secrets["auth"]
    named = [name for name, value in section.items() if hasattr(value, "items")]
    return list(named) if named else [None]


def sso_sign_in() -> SignedIn | None:
    """Sign in whoever the identity provider vouches for, if a Silta account maps to them."""
    if not sso_configured() or not st.user.is_logged_in:
        return None
    subject, email = str(st.user.get("sub") or ""), str(st.user.get("email") or "")
    with unit_of_work() as db:
        signed = user_for_identity(db, subject=subject, email=email)
    if signed is not None:
        sign_in(signed, sso=True)
    return signed


def sso_identity_without_account() -> bool:
    """True when the identity provider signed someone in whom no Silta account maps to."""
    return sso_configured() and bool(st.user.is_logged_in)


def signed_in_caption(signed: SignedIn) -> None:
    role = label(signed.role)
    st.sidebar.caption(t("auth.signed_in_as", name=plain(signed.label), role=role))


def local_time(moment: datetime) -> str:
    """`moment` as HH:MM in the browser's time zone (UTC when the browser does not say)."""
    zone_name = st.context.timezone
    try:
        zone = ZoneInfo(zone_name) if zone_name else UTC
    except (ZoneInfoNotFoundError, ValueError):
        zone = UTC
    suffix = "" if zone_name else " UTC"
    return moment.astimezone(zone).strftime("%H:%M") + suffix


_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()<>#+-.!|~$:="})


def plain(text: str) -> str:
    """`text` made safe to put inside Markdown: no links, emphasis, colours or LaTeX."""
    return " ".join(text.split()).translate(_MARKDOWN_SPECIAL)
