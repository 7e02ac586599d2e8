"""Streamlit glue shared by every page: language, cached engine, project, demo banner."""

from __future__ import annotations

from datetime import date

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


def language_selector() -> None:
    st.sidebar.segmented_control(
        translate("app.language", lang()),
        options=list(LANGUAGES),
        format_func=LANGUAGES.__getitem__,
        default=DEFAULT_LANG,
        required=True,
        key=LANG_KEY,
        bind="query-params",
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
