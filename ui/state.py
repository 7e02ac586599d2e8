"""What every page run starts from: the UI's language, its translation, a database session."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import streamlit as st
from sqlmodel import Session

from core.db import get_engine, session_scope
from core.i18n import DEFAULT_LANG, LANGUAGES, translate
from core.wiring import wire_sessions

LANG_KEY = "lang"


def lang() -> str:
    value = st.session_state.get(LANG_KEY, DEFAULT_LANG)
    return value if value in LANGUAGES else DEFAULT_LANG


# Streamlit's date pickers show YYYY/MM/DD unless told: the day comes first in both languages.
DATE_FORMATS = {"fi": "DD.MM.YYYY", "en": "DD/MM/YYYY"}


def date_format() -> str:
    """The date picker's format in the sidebar's language (Finnish 05.12.2026)."""
    return DATE_FORMATS.get(lang(), DATE_FORMATS[DEFAULT_LANG])


def date_input(label: str, value: Any = "today", *, where: Any = None, **widget: Any) -> Any:
    """The one date picker of the app (in a column or form when `where` is given)."""
    return (where or st).date_input(label, value, format=date_format(), **widget)


def t(key: str, /, **values: object) -> str:
    """Translate `key` into the language chosen in the sidebar."""
    return translate(key, lang(), **values)


def session() -> Session:
    """A new session on the cached engine; use it in a `with` block."""
    # app.py wires sessions, but on a fresh server a page (the sign-in page) can run before
    # app.py ever did (see `guard`); wiring again is a no-op.
    wire_sessions()
    return Session(get_engine(), expire_on_commit=False)


@contextmanager
def unit_of_work() -> Iterator[Session]:
    """One change: committed when the block ends normally, rolled back on any error (a
    DomainError the page then shows with `error`), so nothing is ever half-written."""
    wire_sessions()
    with session_scope() as db:
        yield db
