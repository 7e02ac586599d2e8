"""Streamlit glue shared by every page: language, cached engine, project, demo banner, who is in."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st
from sqlmodel import Session
from streamlit.runtime.pages_manager import PagesManager

from core.access import audit
from core.access.auth import SignedIn, record_logout, still_signed_in, user_for_identity
from core.access.navigation import may_open
from core.codes import Role
from core.config import get_settings
from core.db import get_engine
from core.i18n import DEFAULT_LANG, LANGUAGES, translate
from core.meta import data_version, is_demo
from core.models import Project
from core.project.loading import get_project

LANG_KEY = "lang"
log = logging.getLogger(__name__)


def lang() -> str:
    value = st.session_state.get(LANG_KEY, DEFAULT_LANG)
    return value if value in LANGUAGES else DEFAULT_LANG


def t(key: str, /, **values: object) -> str:
    """Translate `key` into the language chosen in the sidebar."""
    return translate(key, lang(), **values)


KEPT = "_kept_"  # session-state prefix: a URL-kept value survives switching pages


def _kept(key: str) -> str:
    return KEPT + key


def from_url(
    key: str,
    options: Sequence[str] | None,
    default: Any,
    *,
    decode: Callable[[str], Any] | None = None,
) -> None:
    """Before drawing widget `key`: start from the URL's value when it is valid, else from the
    value this session last had on any page, else from `default`.

    Streamlit's own query-parameter binding writes display labels into the URL, which change
    with the language; Silta keeps codes there so a link reopens the same view in any language.
    `options` lists the valid codes of a single choice; `decode` turns the URL text into a
    value (None when it is not valid) for other widgets.
    """
    if key in st.session_state:
        return
    raw = st.query_params.get(key)
    value: Any = None
    if raw is not None:
        value = decode(raw) if decode is not None else (raw if options and raw in options else None)
    if value is None:
        value = st.session_state.get(_kept(key))
    st.session_state[key] = default if value is None else value


def to_url(key: str, default: Any, *, encode: Callable[[Any], str] = str) -> None:
    """After drawing widget `key`: keep its value in the URL (left out when it is the default)
    and in the session, so the next page starts from it."""
    value = st.session_state.get(key)
    st.session_state[_kept(key)] = value
    if value is None or _same(value, default):
        if key in st.query_params:
            del st.query_params[key]
    else:
        st.query_params[key] = encode(value)


def _same(value: Any, default: Any) -> bool:
    if isinstance(value, list | tuple) and isinstance(default, list | tuple):
        return list(value) == list(default)  # widgets hand back lists for tuples
    return bool(value == default)


def forget_url(*keys: str) -> None:
    """Drop URL-kept widget values (a "reset" button's callback)."""
    for key in keys:
        for name in (key, _kept(key)):
            st.session_state.pop(name, None)
        if key in st.query_params:
            del st.query_params[key]


def url_choice(
    label: str,
    options: Sequence[str],
    *,
    key: str,
    default: str,
    format_func: Callable[[str], str] = str,
    where: Any = st,
) -> str:
    """A single choice (segmented control) whose value lives in the URL under `key`."""
    from_url(key, options, default)
    where.segmented_control(
        label, options=list(options), format_func=format_func, required=True, key=key
    )
    to_url(key, default)
    value = st.session_state.get(key)
    return str(value) if value in options else default


def url_multi(
    label: str,
    options: Sequence[str],
    *,
    key: str,
    format_func: Callable[[str], str] = str,
    where: Any = st,
    **widget: Any,
) -> tuple[str, ...]:
    """Several codes (multiselect) kept in the URL as `key=a,b`; none chosen is the default."""

    def decode(raw: str) -> list[str] | None:
        chosen = set(raw.split(","))
        return [o for o in options if o in chosen] or None

    from_url(key, None, [], decode=decode)
    kept = [o for o in st.session_state[key] if o in options]
    st.session_state[key] = kept  # codes that no longer exist are dropped, not errors
    where.multiselect(label, list(options), format_func=format_func, key=key, **widget)
    to_url(key, [], encode=",".join)
    return tuple(o for o in options if o in st.session_state.get(key, []))


def url_period(
    label: str, *, key: str, bounds: tuple[date, date], where: Any = st, **widget: Any
) -> tuple[date, date]:
    """A period (date range) kept in the URL as `key=2026-01-01..2026-06-30`, within `bounds`;
    the default is the whole of `bounds`."""
    low, high = bounds

    def decode(raw: str) -> tuple[date, date] | None:
        try:
            start, end = (date.fromisoformat(part) for part in raw.split(".."))
        except ValueError:
            return None
        start, end = max(start, low), min(end, high)
        return (start, end) if start <= end else None

    from_url(key, None, bounds, decode=decode)
    where.date_input(label, min_value=low, max_value=high, key=key, **widget)
    value = st.session_state.get(key)
    if not isinstance(value, list | tuple) or len(value) != 2:
        # Half a range while someone is still picking the end: keep the last whole period.
        kept = st.session_state.get(_kept(key))
        return (kept[0], kept[1]) if kept else bounds
    to_url(key, bounds, encode=lambda v: f"{v[0].isoformat()}..{v[1].isoformat()}")
    return value[0], value[1]


def language_selector() -> None:
    url_choice(
        translate("app.language", lang()),
        list(LANGUAGES),
        key=LANG_KEY,
        default=DEFAULT_LANG,
        format_func=lambda code: LANGUAGES.get(code, code),  # type: ignore[call-overload]
        where=st.sidebar,
    )


def session() -> Session:
    """A new session on the cached engine; use it in a `with` block."""
    return Session(get_engine(), expire_on_commit=False)


def database_key() -> tuple[str, int]:
    """What cached query results depend on: the database and its data version."""
    with session() as db:
        return get_settings().database_url, data_version(db)


def current_project(db: Session) -> Project | None:
    try:
        return get_project(db)
    except LookupError:
        return None


def today() -> date:
    return date.today()


def demo_banner() -> None:
    with session() as db:
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
        with session() as db:
            record_logout(db, _signed(entry), expired=expired)
            db.commit()
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
    with session() as db:
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
    with session() as db:
        signed = user_for_identity(db, subject=subject, email=email)
        db.commit()
    if signed is not None:
        sign_in(signed, sso=True)
    return signed


def sso_identity_without_account() -> bool:
    """True when the identity provider signed someone in whom no Silta account maps to."""
    return sso_configured() and bool(st.user.is_logged_in)


def signed_in_caption(signed: SignedIn) -> None:
    role = t(f"role.{signed.role.value}")
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
