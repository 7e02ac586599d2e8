"""Who is signed in: the server-side session behind the browser's cookie, and single sign-on.

The browser keeps one cookie, a random token (`core.access.sessions`); session state keeps
plain values (ids, names, the role, the token), never ORM objects, and every run re-reads the
account through the token, so a role change, a switched-off account, an idle or too old
session and a sign-out elsewhere all apply on the next click. A reload starts a new Streamlit
session: `st.context.cookies` (what the browser sent when it connected) brings the token back.
The cookie is written and deleted through extra-streamlit-components' CookieManager, which
does it from a tiny same-origin frame; the frame is drawn only until it has done so.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from core.access import audit
from core.access.auth import SignedIn, user_for_identity
from core.access.navigation import may_open, pages_for
from core.access.sessions import (
    Resumed,
    end_session,
    resume_session,
    start_session,
    touch_session,
)
from core.codes import Role, SessionEnd
from core.db import write_soon
from core.i18n import label_key
from core.models import utcnow
from core.students.accounts import remember_language
from core.text import escape_markdown
from ui.state import LANG_KEY, lang, t, unit_of_work

log = logging.getLogger(__name__)

FAVICON = Path(__file__).with_name("favicon.png")
COOKIE = "silta_session"
USER_KEY = "auth_user"
NOTICE_KEY = "auth_notice"
_WRITE = "auth_cookie_write"  # {"token", "expires_at"} the browser should keep
_DELETE = "auth_cookie_delete"  # the browser should forget its cookie
_SEEN = "auth_cookie_seen"  # the cookie value this tab has already tried
_GAVE_UP = "auth_cookie_gave_up"  # the browser never confirmed the cookie: go on without it
COOKIE_WAIT_S = 5.0  # how long a sign-in waits for the browser to confirm its cookie
_WIDGETS = {"manager": "auth_cookie_all", _WRITE: "auth_cookie_set", _DELETE: "auth_cookie_del"}


def session_entry(
    signed: SignedIn, *, sso: bool = False, token: str | None = None
) -> dict[str, Any]:
    """What `sign_in` keeps in session state for `signed`; without a `token` a new server-side
    session is started (tests and benchmarks preset session state this way)."""
    if token is None:
        with unit_of_work() as db:
            token = start_session(db, signed, sso=sso).token
    return {
        "user_id": signed.user_id,
        "username": signed.username,
        "role": signed.role.value,
        "company_id": signed.company_id,
        "display_name": signed.display_name,
        "sso": sso,
        "token": token,
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
        if key not in (LANG_KEY, _SEEN):
            del st.session_state[key]


def sign_in(signed: SignedIn, *, sso: bool = False) -> None:
    """Start a server-side session for `signed` and have the browser keep its cookie."""
    with unit_of_work() as db:
        new = start_session(db, signed, sso=sso)
        remember_language(db, signed.user_id, lang())  # issue 14: e-mails in this language
    _reset_session_state()
    st.session_state[USER_KEY] = session_entry(signed, sso=sso, token=new.token)
    st.session_state[_WRITE] = {
        "token": new.token,
        "expires_at": new.expires_at,
        "asked_at": time.monotonic(),
    }


def sign_out() -> None:
    """End this tab's session (audited), forget everything but the language, drop the cookie."""
    entry = st.session_state.get(USER_KEY)
    if entry is not None:
        with unit_of_work() as db:
            end_session(db, entry["token"])
    _forget(SessionEnd.SIGNED_OUT, sso=bool(entry and entry.get("sso")))


def _forget(ended: SessionEnd | None, *, sso: bool = False) -> None:
    _reset_session_state()
    st.session_state[_DELETE] = True
    if ended is SessionEnd.EXPIRED:
        st.session_state[NOTICE_KEY] = "expired"
    # The identity provider's sign-in would otherwise sign the same person straight back in.
    if ended is not None and (sso or sso_identity_without_account()) and sso_configured():
        st.logout()


def current_user() -> SignedIn | None:
    """Who is signed in for this run (the router has checked it), or None."""
    entry = st.session_state.get(USER_KEY)
    return None if entry is None else _signed(entry)


def _unseen_cookie() -> str | None:
    """The session cookie the browser sent, the first time this tab looks at it."""
    token = st.context.cookies.get(COOKIE)
    if not isinstance(token, str) or not token or st.session_state.get(_SEEN) == token:
        return None
    st.session_state[_SEEN] = token  # what the browser sent stays the same all session long
    return token


def refresh_user() -> SignedIn | None:
    """The router's check on every run: this tab's session, else the browser's cookie (after a
    reload), re-read from the database; an ended session signs out, saying why if it expired."""
    entry = st.session_state.get(USER_KEY)
    token = entry["token"] if entry is not None else _unseen_cookie()
    if token is None:
        return None
    with unit_of_work() as db:
        result = resume_session(db, token, touch=False)
    if isinstance(result, Resumed) and result.touch_due:
        write_soon(partial(touch_session, token=token, now=utcnow()))
    if not isinstance(result, Resumed):
        _forget(result, sso=bool(entry and entry.get("sso")))
        return None
    fresh = session_entry(result.signed, sso=result.sso, token=token)
    st.session_state[USER_KEY] = fresh
    return result.signed


def keep_cookie() -> bool:
    """Have the browser write the new session's cookie or delete an ended one (the router
    calls this on every run, before the page). True while a new session's cookie is not yet
    confirmed by the browser: see `hold_until_cookie_kept`."""
    write, delete = st.session_state.get(_WRITE), st.session_state.get(_DELETE)
    for pending in (_WRITE, _DELETE):  # the frame answers True once it has done its work
        if st.session_state.get(_WIDGETS[pending]) is True:
            st.session_state.pop(pending, None)
            write = None if pending == _WRITE else write
            delete = None if pending == _DELETE else delete
    if not write and not delete:
        return False
    # Imported here: a component registers with the running server when it is first imported,
    # and `python -m ui.serve` imports this package before the server exists.
    from extra_streamlit_components import CookieManager  # type: ignore[import-untyped]

    with st.sidebar:
        manager = CookieManager(key=_WIDGETS["manager"])
        if write:
            _write_cookie(manager, write["token"], write["expires_at"])
        else:
            manager.cookies.setdefault(COOKIE, "")  # delete() forgets only what it has read
            manager.delete(COOKIE, key=_WIDGETS[_DELETE])
    return bool(write) and not st.session_state.get(_GAVE_UP)


def hold_until_cookie_kept() -> None:
    """Show only "Signing in…" until the browser has confirmed the new session's cookie.

    The cookie frame answers with a rerun of the page it was drawn on; a menu click made
    before that answer arrives (the first second after signing in, longer on a busy server)
    would be overtaken by it and lost. So the menu and the page wait for the answer; a
    browser that never answers gets them after COOKIE_WAIT_S (a reload then asks for a
    sign-in again, nothing worse)."""
    st.caption(t("auth.signing_in"))
    _give_up_after_a_while()
    st.stop()


@st.fragment(run_every=0.5)
def _give_up_after_a_while() -> None:
    write = st.session_state.get(_WRITE)
    asked_at = write.get("asked_at") if write else None
    if asked_at is None or time.monotonic() - asked_at > COOKIE_WAIT_S:
        st.session_state[_GAVE_UP] = True
        st.rerun(scope="app")


def _write_cookie(manager: Any, token: str, expires_at: datetime) -> None:
    manager.set(
        COOKIE,
        token,
        key=_WIDGETS[_WRITE],
        path="/",
        expires_at=expires_at,
        same_site="strict",
        secure=str(st.context.url or "").startswith("https://") or None,
    )


def bind_actor(signed: SignedIn | None) -> None:
    """Every change this run makes is audited as `signed` (anonymous visitors as "anonymous")."""
    audit.current_actor.set(signed.username if signed else "anonymous")
    audit.current_company.set(signed.company_id if signed else None)


def guard(page_file: str) -> SignedIn:
    """The first statement of every page: `signed = ui.guard(__file__)`.

    Stops the run, showing nothing, unless someone is signed in whose role may open this
    page (`core.access.navigation.PAGES`). The router already offers only allowed pages, but
    a server started with a plain `streamlit run app.py` (not `python -m ui.serve`) treats
    `pages/` as an old-style multipage folder until `app.py` has called `st.navigation`
    once, and serves any file in it by URL, without `app.py`. A page run that way switches
    the server to the router (what `st.navigation` itself does) and runs again through
    `app.py`, on the same address.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
    signed = current_user()
    if signed is None or not may_open(signed.role, page_file):
        st.stop()
    return signed


def open_page(page_file: str) -> None:
    """The first statement of a page open to everyone (a survey's answer page, issue 15).

    It checks no role, but hands a run served straight from `pages/` to the router as
    `guard` does, so the page is only ever shown inside Silta's frame."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def current_role() -> Role:
    """The signed-in user's role; a page run without one stops here, showing nothing."""
    signed = current_user()
    if signed is None:
        st.stop()
    return signed.role


def to_landing_page() -> None:
    """A signed-in user who opens the sign-in page's address goes to their landing page."""
    signed = current_user()
    if signed is not None:
        st.switch_page(pages_for(signed.role)[0].path)


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
    role = t(label_key(signed.role))
    st.sidebar.caption(t("auth.signed_in_as", name=escape_markdown(signed.label), role=role))
