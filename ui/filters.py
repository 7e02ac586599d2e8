"""The shared dashboard filter bar: one set of widgets, the same on every page, kept in the URL."""

from __future__ import annotations

from collections.abc import Collection

import streamlit as st

import ui
from core.dashboards.filters import (
    ALL_FILTERS,
    PERIOD,
    SPEARHEAD,
    TARGET_GROUP,
    WORK_PACKAGE,
    Choice,
    FilterName,
    FilterOptions,
    Filters,
)

# Widget keys are the query-parameter names, shared by every dashboard page on purpose.
KEYS = {PERIOD: "period", WORK_PACKAGE: "wp", SPEARHEAD: "spearhead", TARGET_GROUP: "group"}


def _labels(choices: tuple[Choice, ...], *, with_code: bool = False) -> dict[str, str]:
    lang = ui.lang()
    return {c.code: f"{c.code} {c.label(lang)}" if with_code else c.label(lang) for c in choices}


def filter_bar(options: FilterOptions, *, uses: Collection[str] = ALL_FILTERS) -> Filters:
    """Draw the filters in the sidebar and return what they select.

    Filters a page does not use stay visible but disabled, so a choice made on one page is
    still there on the next and nobody expects it to change this page.
    """
    bar = st.sidebar
    bar.subheader(ui.t("filters.title"))
    names = [ui.label(FilterName(name)) for name in ALL_FILTERS if name in uses]
    bar.caption(ui.t("filters.in_use", names=", ".join(names)))

    def state(name: str) -> dict[str, object]:
        off = name not in uses
        return {"disabled": off, "help": ui.t("filters.not_here") if off else None}

    start, end = ui.url_period(
        ui.t("filters.period"),
        key=KEYS[PERIOD],
        bounds=(options.start, options.end),
        where=bar,
        **state(PERIOD),
    )
    picked: dict[str, tuple[str, ...]] = {}
    for name, choices in (
        (WORK_PACKAGE, options.work_packages),
        (SPEARHEAD, options.spearheads),
        (TARGET_GROUP, options.target_groups),
    ):
        labels = _labels(choices, with_code=name == WORK_PACKAGE)
        picked[name] = ui.url_multi(
            ui.label(FilterName(name)),
            list(labels),
            key=KEYS[name],
            format_func=lambda code, labels=labels: labels.get(code, code),  # type: ignore[misc]
            where=bar,
            placeholder=ui.t("filters.none_chosen"),
            **state(name),
        )
    bar.button(
        ui.t("filters.reset"),
        key="filters_reset",
        on_click=ui.forget_url,
        args=tuple(KEYS.values()),
        icon=":material/filter_alt_off:",
    )
    return Filters(
        start,
        end,
        picked[WORK_PACKAGE] if WORK_PACKAGE in uses else (),
        picked[SPEARHEAD] if SPEARHEAD in uses else (),
        picked[TARGET_GROUP] if TARGET_GROUP in uses else (),
    )
