"""Indicator arithmetic: counts against targets, planned line, pace status and forecast."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, col, select

from core.codes import Indicator
from core.i18n import Labelled
from core.indicators.counting import dated_counts
from core.models import Milestone, Project, Target

# Pace thresholds: actual / planned-to-date.
ON_TRACK_RATIO = 0.95
AT_RISK_RATIO = 0.80
FORECAST_MONTHS = 6
FORECAST_Z = 1.2816  # two-sided 80 % band
FORECAST_METHOD = (
    "Linear trend: the average monthly increase of the last {months} full months, carried "
    "to the end date. The band is an 80 % range from the month-to-month variation of "
    "that increase (± 1.28 × standard deviation × √months ahead)."
)


class Status(Labelled, key_prefix="status"):
    ON_TRACK = "on_track"  # green
    AT_RISK = "at_risk"  # amber
    BEHIND = "behind"  # red
    NOT_STARTED = "not_started"
    NO_TARGET = "no_target"


@dataclass(frozen=True)
class Progress:
    """One target's state on `as_of`."""

    target_id: int
    indicator: str
    target: int
    actual: int
    planned: float
    percent: float | None  # actual / target × 100; None when the target is 0
    status: Status
    period_start: date
    period_end: date
    as_of: date
    work_package_id: int | None = None
    event_type: str | None = None
    kind: str | None = None

    @property
    def remaining(self) -> int:
        return max(self.target - self.actual, 0)


@dataclass(frozen=True)
class Forecast:
    months: list[date]
    expected: list[float]
    low: list[float]
    high: list[float]
    at_end: float
    method: str


def month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)


def month_ends(start: date, end: date) -> list[date]:
    """The last day of every month from `start`'s month to `end`'s month."""
    result, current = [], month_end(start)
    while current <= month_end(end):
        result.append(current)
        current = month_end(current + timedelta(days=1))
    return result


def daily_counts(session: Session, project: Project, target: Target) -> list[tuple[date, int]]:
    """How many the target counted on each day (aggregated in SQL; see core.indicators.counting)."""
    return dated_counts(session, project, target)


def cumulative_series(
    daily: list[tuple[date, int]], start: date, as_of: date
) -> list[tuple[date, int]]:
    """Cumulative count at each month end from `start` to `as_of` (the last point is `as_of`)."""
    if as_of < start:
        return []
    points = [*[m for m in month_ends(start, as_of) if m < as_of], as_of]
    series, total, i = [], 0, 0
    for point in points:
        while i < len(daily) and daily[i][0] <= point:
            total += daily[i][1]
            i += 1
        series.append((point, total))
    return series


def planned_value(
    target: int, start: date, end: date, on: date, milestones: Sequence[tuple[date, int]] = ()
) -> float:
    """The planned cumulative value on `on`: linear from (start, 0) via milestones to the end."""
    if on < start:
        return 0.0
    if on >= end:
        return float(target)
    knots = [(start, 0.0), *sorted((d, float(v)) for d, v in milestones), (end, float(target))]
    for (d0, v0), (d1, v1) in itertools.pairwise(knots):
        if d0 <= on <= d1:
            span = (d1 - d0).days
            return v1 if span == 0 else v0 + (v1 - v0) * (on - d0).days / span
    return float(target)


def pace_status(
    actual: int, planned: float, target: int, as_of: date, start: date, end: date
) -> Status:
    """Green/amber/red by pace against the planned line; after the end, reached or not."""
    if target == 0:
        return Status.NO_TARGET
    if as_of < start:
        return Status.NOT_STARTED
    if actual >= target:
        return Status.ON_TRACK
    if as_of >= end:
        return Status.BEHIND
    if planned <= 0:
        return Status.ON_TRACK
    ratio = actual / planned
    if ratio >= ON_TRACK_RATIO:
        return Status.ON_TRACK
    return Status.AT_RISK if ratio >= AT_RISK_RATIO else Status.BEHIND


def milestones_of(session: Session, target: Target) -> list[tuple[date, int]]:
    rows = session.exec(select(Milestone).where(Milestone.target_id == target.id))
    return [(m.due_date, m.value) for m in rows]


def progress_against_target(
    session: Session, project: Project, target: Target, as_of: date
) -> Progress:
    daily = daily_counts(session, project, target)
    counted_until = min(as_of, target.period_end)
    actual = sum(n for day, n in daily if day <= counted_until)
    planned = planned_value(
        target.value,
        target.period_start,
        target.period_end,
        as_of,
        milestones_of(session, target),
    )
    assert target.id is not None
    return Progress(
        target_id=target.id,
        indicator=target.indicator,
        target=target.value,
        actual=actual,
        planned=planned,
        percent=None if target.value == 0 else 100.0 * actual / target.value,
        status=pace_status(
            actual, planned, target.value, as_of, target.period_start, target.period_end
        ),
        period_start=target.period_start,
        period_end=target.period_end,
        as_of=as_of,
        work_package_id=target.work_package_id,
        event_type=target.event_type,
        kind=target.kind,
    )


def targets_of(session: Session, project: Project) -> list[Target]:
    query = select(Target).where(Target.project_id == project.id).order_by(col(Target.id))
    return list(session.exec(query))


def headline_target(session: Session, project: Project, indicator: Indicator) -> Target | None:
    """The project-wide cumulative target for `indicator` (no work-package or type breakdown)."""
    for target in targets_of(session, project):
        if (
            target.indicator == indicator.value
            and target.period == "cumulative"
            and target.work_package_id is None
            and target.event_type is None
            and target.kind is None
            and not target.condition
        ):
            return target
    return None


def forecast(
    series: list[tuple[date, int]], end: date, months: int = FORECAST_MONTHS
) -> Forecast | None:
    """Carry the recent monthly pace to `end`; None when fewer than 3 full months are known."""
    month_points = [(d, v) for d, v in series if d == month_end(d)]
    if len(month_points) < 3 or not series or series[-1][0] >= end:
        return None
    recent = month_points[-(months + 1) :]
    steps = [b[1] - a[1] for a, b in itertools.pairwise(recent)]
    rate = sum(steps) / len(steps)
    spread = math.sqrt(sum((s - rate) ** 2 for s in steps) / max(len(steps) - 1, 1))
    last_day, last_value = series[-1]
    ahead = [m for m in month_ends(last_day, end) if m > last_day]
    expected, low, high = [], [], []
    for m in ahead:
        h = (m - last_day).days / 30.44
        mean = last_value + rate * h
        width = FORECAST_Z * spread * math.sqrt(h)
        expected.append(mean)
        low.append(max(float(last_value), mean - width))
        high.append(mean + width)
    return Forecast(
        ahead,
        expected,
        low,
        high,
        expected[-1] if expected else float(last_value),
        FORECAST_METHOD.format(months=len(steps)),
    )


def planned_series(
    target: int, start: date, end: date, milestones: Sequence[tuple[date, int]] = ()
) -> list[tuple[date, float]]:
    """The planned line at every month end of the period (for charts)."""
    return [(m, planned_value(target, start, end, m, milestones)) for m in month_ends(start, end)]
