"""Counts in an order, where neighbours reveal each other: funnel stages and cumulative lines.

The difference of two shown numbers is a group of people too, so these rules look at
differences as well as the counts themselves.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from core.codes import Role
from core.privacy.rules import HIDDEN_MARKER, TOTAL, Rule, rule_for
from core.privacy.shown import COUNT, Shown, protect_series, shown_from


def protect_nested(role: Role, stages: Mapping[str, int]) -> Shown:
    """Stages of a funnel or ladder, each a subset of the one before it.

    Beside each count, the drop between two shown stages is a group of people too, so a
    stage is shown only when it and its drop from the last shown stage are 0 or at least the
    threshold.
    """
    rule = rule_for(role)
    raw = pd.DataFrame(
        {COUNT: pd.Series({str(k): int(v) for k, v in stages.items()}, dtype="int64")}
    )
    hidden, previous = [], None
    for value in raw[COUNT]:
        drop = 0 if previous is None else previous - int(value)
        visible = not rule.is_small(int(value)) and not rule.is_small(drop)
        hidden.append(not visible)
        previous = int(value) if visible else previous
    mask = pd.DataFrame({COUNT: hidden}, index=raw.index, dtype=bool)
    small = mask & raw.map(rule.is_small).astype(bool)
    return shown_from(raw, mask, small, rule.threshold, rule.suppressed)


def protect_cumulative(
    role: Role, counts: Mapping[str, int]
) -> tuple[Shown, list[tuple[str, int]]]:
    """Counts per period (in order) and the cumulative line drawn over them.

    Two shown cumulative points reveal the sum of the counts between them, so a point is
    drawn only where the counts hidden since the last drawn point are none, or at least two
    that hold 0 or at least the threshold together. The line ends with the total when the
    total is shown. Each point is the true running total rounded to the base (for everyone
    but the manager), like the bars: bars and points are both multiples of the base, so no
    difference between them, or between two points, is an exact small count.
    """
    rule = rule_for(role)
    bars = protect_series(role, counts)
    raw = {str(k): int(v) for k, v in counts.items()}
    hidden = bars.hidden[COUNT]
    points: list[tuple[str, int]] = []
    groups: list[tuple[int, int]] = []  # hidden cells and their sum before each point
    running, cells, hidden_sum = 0, 0, 0
    for key, value in raw.items():
        running += value
        if hidden[key]:
            cells, hidden_sum = cells + 1, hidden_sum + value
        if _safe(cells, hidden_sum, bars.threshold):
            points.append((key, running))
            groups.append((cells, hidden_sum))
            cells, hidden_sum = 0, 0
    if TOTAL in hidden.index and hidden[TOTAL]:
        return bars, _rounded(rule, points)  # a hidden total reveals nothing about the tail
    while cells and points:
        # The shown total would reveal the tail after the last point: merge it backwards.
        points.pop()
        before_cells, before_sum = groups.pop()
        cells, hidden_sum = cells + before_cells, hidden_sum + before_sum
        if _safe(cells, hidden_sum, bars.threshold):
            break
    if raw and (not points or points[-1][0] != list(raw)[-1]):
        points.append((list(raw)[-1], running))
    return bars, _rounded(rule, points)


def _rounded(rule: Rule, points: list[tuple[str, int]]) -> list[tuple[str, int]]:
    return [(key, rule.rounded(value)) for key, value in points]


def _safe(cells: int, hidden_sum: int, limit: int) -> bool:
    return cells == 0 or (cells >= 2 and (hidden_sum == 0 or hidden_sum >= limit))


# Issue 14: the contact funnel by spearhead or company size (core.contacts.funnel).
def protect_funnels(role: Role, table: pd.DataFrame) -> Shown:
    """One funnel per column (stages in the index, in order, each a subset of the one
    before), each protected as `protect_nested` protects one funnel, and a total column (the
    columns' sum, protected the same way) when there is more than one column.

    A stage's cells add up to its total, so were the counts exact, a hidden cell would be the
    total minus the cells shown beside it. For everyone but the manager every shown count is
    also rounded to the base, the totals too: that difference is then known only to within
    several people. A hidden group cell reads ".." rather than "<5": two "<5" cells beside a
    shown total of 10 (8 to 12) would each be at most 4 and together at least 8, so both 4.
    Without the bound, the total minus the shown cells never pins a small group down
    (tests/security/test_funnel_differencing.py attacks it). The total column keeps "<5", as
    the total funnel alone shows it: the groups beside a small total are hidden without a
    lower bound, so each may still be anything from 0 to the total.
    """
    frame = table.fillna(0).astype("int64")
    frame.columns = [str(c) for c in frame.columns]
    if frame.shape[1] > 1 and TOTAL not in frame.columns:
        frame[TOTAL] = frame.sum(axis=1)
    parts = [
        protect_nested(role, {str(k): int(v) for k, v in frame[name].items()})
        for name in frame.columns
    ]
    if not parts:
        return protect_nested(role, {})

    def joined(attribute: str) -> pd.DataFrame:
        columns: list[pd.Series] = [getattr(part, attribute)[COUNT] for part in parts]
        joined_frame: pd.DataFrame = pd.concat(columns, axis=1, keys=list(frame.columns))
        return joined_frame

    first, hidden, text = parts[0], joined("hidden"), joined("text")
    groups = [name for name in frame.columns if name != TOTAL]
    if TOTAL in frame.columns:
        text[groups] = text[groups].mask(hidden[groups], HIDDEN_MARKER)
    return Shown(joined("values"), text, hidden, first.threshold, first.suppressed)
