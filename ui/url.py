"""Widget values kept in the URL (and in the session), so a link reopens the same view."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import streamlit as st

from ui.state import date_input

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
    date_input(label, where=where, min_value=low, max_value=high, key=key, **widget)
    value = st.session_state.get(key)
    if not isinstance(value, list | tuple) or len(value) != 2:
        # Half a range while someone is still picking the end: keep the last whole period.
        kept = st.session_state.get(_kept(key))
        return (kept[0], kept[1]) if kept else bounds
    to_url(key, bounds, encode=lambda v: f"{v[0].isoformat()}..{v[1].isoformat()}")
    return value[0], value[1]
