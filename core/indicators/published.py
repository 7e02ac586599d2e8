"""A target's count and cumulative line as a role may see them (through core.privacy)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from core.codes import Role
from core.indicators.kpi import Progress, pace_status
from core.privacy.rules import Rule
from core.privacy.sequences import protect_cumulative


def published_line(role: Role, series: list[tuple[date, int]]) -> list[tuple[date, int]]:
    """The cumulative line as `role` may see it: the monthly steps protected together with the
    line (`protect_cumulative`), each drawn point the true running total, rounded."""
    steps: dict[str, int] = {}
    days: dict[str, date] = {}
    previous = 0
    for day, value in series:
        steps[day.isoformat()], days[day.isoformat()] = value - previous, day
        previous = value
    _, points = protect_cumulative(role, steps)
    return [(days[key], value) for key, value in points]


def published_progress(rule: Rule, progress: Progress) -> Progress:
    """Progress with the actual as published; percent and status follow the published count
    (a hidden actual has neither percent nor a pace that would bound it)."""
    if not rule.suppressed:
        return progress
    shown = rule.shown(progress.actual)
    actual = 0 if shown is None else shown
    percent = None if shown is None or progress.target == 0 else 100.0 * actual / progress.target
    status = pace_status(
        actual,
        progress.planned,
        progress.target,
        progress.as_of,
        progress.period_start,
        progress.period_end,
    )
    return replace(progress, actual=actual, percent=percent, status=status)
