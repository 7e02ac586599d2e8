"""Streamlit glue shared by every page: language, cached engine, project, demo banner."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import streamlit as st
from sqlmodel import Session

from core.codes import Role
from core.config import get_settings
from core.db import get_engine
from core.i18n import DEFAULT_LANG, LANGUAGES, translate
from core.meta import data_version, is_demo
from core.models import Project
from core.project import get_project

LANG_KEY = "lang"


def lang() -> str:
    value = st.session_state.get(LANG_KEY, DEFAULT_LANG)
    return value if value in LANGUAGES else DEFAULT_LANG


def t(key: str, **values: object) -> str:
    """Translate `key` into the language chosen in the sidebar."""
    return translate(key, lang(), **values)


def from_url(key: str, options: Sequence[str], default: str | None) -> None:
    """Before drawing widget `key`: start from the URL's value when it is a valid option.

    Streamlit's own query-parameter binding writes display labels into the URL, which change
    with the language; Silta keeps codes there so a link reopens the same view in any language.
    """
    if key not in st.session_state:
        value = st.query_params.get(key)
        st.session_state[key] = value if value in options else default


def to_url(key: str, default: str | None) -> None:
    """After drawing widget `key`: keep its value in the URL (left out when it is the default)."""
    value = st.session_state.get(key)
    if value is None or value == default:
        if key in st.query_params:
            del st.query_params[key]
    else:
        st.query_params[key] = str(value)


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


def current_role() -> Role:
    """The role of whoever is using the app (every visitor is the manager until login exists)."""
    return Role(st.session_state.get("role", Role.MANAGER.value))


def current_company_id() -> int | None:
    """The SME user's own company (set at sign-in; None for the manager and steering)."""
    value = st.session_state.get("company_id")
    return int(value) if value is not None else None
