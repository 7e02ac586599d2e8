"""Counts as a role may see them: raw for the manager, small-cell suppressed for everyone else.

Every dashboard number goes through one of these functions before it reaches a chart or a
table, so the rule lives in one place. A hidden cell is missing in `values` (NaN, never 0)
and reads "<5" when it holds 1 to 4 people or ".." when it was hidden only so that a small
group cannot be worked out by subtraction ("complementary" cells, which may hold any number).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from core.codes import Role
from core.privacy.policy import (
    TOTAL,
    SuppressedTable,
    suppress_counts,
    suppress_table,
    suppression_threshold,
)

COMPLEMENTARY = ".."
TOTAL_KEY = TOTAL  # the label of total rows and columns
COUNT = "count"


@dataclass(frozen=True)
class Shown:
    """A table of counts as one role sees it; every frame has the same index and columns."""

    values: pd.DataFrame  # float; NaN where hidden
    text: pd.DataFrame  # "12", "0", "<5" or ".."
    hidden: pd.DataFrame  # bool
    threshold: int
    suppressed: bool  # the suppression rules were applied (any role but the manager)

    @property
    def marker(self) -> str:
        return f"<{self.threshold}"

    @property
    def any_hidden(self) -> bool:
        return bool(self.hidden.to_numpy().any())

    def column(self, name: str = COUNT) -> pd.Series:
        return self.values[name]


def _text(
    raw: pd.DataFrame, hidden: pd.DataFrame, small: pd.DataFrame, marker: str
) -> pd.DataFrame:
    shown = raw.astype("int64").astype(str)
    return shown.mask(hidden, COMPLEMENTARY).mask(hidden & small, marker)


def _from_suppressed(raw: pd.DataFrame, result: SuppressedTable, suppressed: bool) -> Shown:
    hidden = result.hidden.astype(bool)
    # core.privacy.policy says which hidden cells may show "<5"; it drops that bound where even the
    # bound would let a reader narrow a small group down, and those read "..".
    small = result.small.astype(bool)
    values = raw.astype("float64").mask(hidden)
    return Shown(
        values, _text(raw, hidden, small, result.marker), hidden, result.threshold, suppressed
    )


def _raw_with_margins(table: pd.DataFrame, margins: bool) -> pd.DataFrame:
    """The counts laid out as `suppress_table` lays them out: a total row, and a total column
    when there is more than one column."""
    framed = table.copy()
    if margins:
        if framed.shape[1] > 1:
            framed[TOTAL] = framed.sum(axis=1)
        framed.loc[TOTAL] = framed.sum(axis=0)
    return framed.astype("int64")


def _shaped(table: pd.DataFrame) -> pd.DataFrame:
    """At least one column, so an empty selection is an empty table rather than no table."""
    return table if table.shape[1] else table.assign(**{COUNT: 0})


def protect_table(role: Role, table: pd.DataFrame, *, margins: bool = True) -> Shown:
    """A rows × columns table of counts of people (or companies) with totals when `margins`."""
    clean = _shaped(table).fillna(0).astype("int64")
    raw = _raw_with_margins(clean, margins)
    manager = role is Role.MANAGER
    if manager or not margins:
        result = suppress_table(clean, threshold=1 if manager else None, margins=margins)
        return _from_suppressed(raw, result, suppressed=not manager)
    return _suppress_without_empty_lines(clean, raw)


def _suppress_without_empty_lines(clean: pd.DataFrame, raw: pd.DataFrame) -> Shown:
    """Suppress only the rows and columns that hold someone; all-zero lines stay "0".

    A line of zeros whose total is 0 tells a reader nothing about any other cell (every cell
    crossing it contributes 0 to its lines), so leaving it out of the suppression changes no
    one's protection, and it spares the disclosure audit (linear programs per small cell)
    the empty statuses, genders and size classes most tables have.
    """
    rows = [r for r in clean.index if clean.loc[r].any()]
    columns = [c for c in clean.columns if clean[c].any()]
    if not rows or not columns or (len(rows), len(columns)) == clean.shape:
        return _from_suppressed(raw, suppress_table(clean), suppressed=True)
    part = suppress_table(clean.loc[rows, columns])
    keep_total_column = TOTAL in raw.columns
    frame_index = [*rows, TOTAL]
    frame_columns = [*columns, TOTAL] if len(columns) > 1 else columns

    def widen(mask: pd.DataFrame) -> pd.DataFrame:
        full = pd.DataFrame(False, index=raw.index, columns=raw.columns)
        full.loc[frame_index, frame_columns] = mask.loc[frame_index, frame_columns].to_numpy()
        if keep_total_column and len(columns) == 1:
            # The reduced table had no total column; the full one's equals the single column.
            full.loc[frame_index, TOTAL] = mask.loc[frame_index, columns[0]].to_numpy()
        return full

    hidden, small = widen(part.hidden.astype(bool)), widen(part.small.astype(bool))
    values = raw.astype("float64").mask(hidden)
    return Shown(values, _text(raw, hidden, small, part.marker), hidden, part.threshold, True)


def protect_series(role: Role, counts: Mapping[str, int], *, total: bool = True) -> Shown:
    """One series of counts (a bar chart); with `total`, its total row is protected too."""
    clean = {str(k): int(v) for k, v in counts.items()}
    manager = role is Role.MANAGER
    result = suppress_counts(clean, threshold=1 if manager else None, total=total)
    raw = _raw_with_margins(pd.DataFrame({COUNT: pd.Series(clean, dtype="int64")}), total)
    return _from_suppressed(raw, result, suppressed=not manager)


def protect_columns(role: Role, table: pd.DataFrame, *, total: bool = True) -> Shown:
    """Each column on its own, for columns that do not add up (committed vs delivered)."""
    parts = [
        protect_series(role, {str(k): int(v) for k, v in table[name].items()}, total=total)
        for name in table.columns
    ]
    if not parts:
        return protect_series(role, {}, total=total)

    def joined(attribute: str) -> pd.DataFrame:
        frames: list[pd.Series] = [
            getattr(p, attribute)[COUNT].rename(name)
            for p, name in zip(parts, table.columns, strict=True)
        ]
        return pd.concat(frames, axis=1)

    first = parts[0]
    return Shown(
        joined("values"), joined("text"), joined("hidden"), first.threshold, first.suppressed
    )


def protect_nested(role: Role, stages: Mapping[str, int]) -> Shown:
    """Stages of a funnel or ladder, each a subset of the one before it.

    Beside each count, the drop between two shown stages is a group of people too, so a
    stage is shown only when it and its drop from the last shown stage are 0 or at least the
    threshold.
    """
    raw = pd.DataFrame(
        {COUNT: pd.Series({str(k): int(v) for k, v in stages.items()}, dtype="int64")}
    )
    limit = 1 if role is Role.MANAGER else suppression_threshold()
    hidden, previous = [], None
    for value in raw[COUNT]:
        drop = 0 if previous is None else previous - int(value)
        visible = not (0 < value < limit) and not (0 < drop < limit)
        hidden.append(not visible)
        previous = int(value) if visible else previous
    mask = pd.DataFrame({COUNT: hidden}, index=raw.index)
    small = mask & (raw > 0) & (raw < limit)
    values = raw.astype("float64").mask(mask)
    text = _text(raw, mask, small, f"<{limit}")
    return Shown(values, text, mask, limit, role is not Role.MANAGER)


def protect_by_contributors(
    role: Role, contributors: pd.DataFrame, *amounts: pd.DataFrame
) -> list[Shown]:
    """Amounts (places, euros) shown only where enough companies contribute to the cell.

    `contributors` counts the companies behind each cell of every table of `amounts` (same
    index and columns); a cell is hidden whenever that count is suppressed, so no single
    company's commitment can be read or worked out from the totals.
    """
    companies = protect_table(role, contributors)
    shown = []
    for table in amounts:
        raw = _raw_with_margins(_shaped(table).fillna(0).astype("int64"), True)
        hidden = companies.hidden.reindex_like(raw).fillna(True).astype(bool)
        text = raw.astype("int64").astype(str).mask(hidden, COMPLEMENTARY)
        values = raw.astype("float64").mask(hidden)
        shown.append(Shown(values, text, hidden, companies.threshold, companies.suppressed))
    return shown


def protect_cumulative(
    role: Role, counts: Mapping[str, int]
) -> tuple[Shown, list[tuple[str, int]]]:
    """Counts per period (in order) and the cumulative line drawn over them.

    Two shown cumulative points reveal the sum of the counts between them, so a point is
    drawn only where the counts hidden since the last drawn point are none, or at least two
    that hold 0 or at least the threshold together. The line ends with the total when the
    total is shown.
    """
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
    if "total" in hidden.index and hidden["total"]:
        return bars, points  # a hidden total reveals nothing about the tail
    while cells and points:
        # The shown total would reveal the tail after the last point: merge it backwards.
        points.pop()
        before_cells, before_sum = groups.pop()
        cells, hidden_sum = cells + before_cells, hidden_sum + before_sum
        if _safe(cells, hidden_sum, bars.threshold):
            break
    if raw and (not points or points[-1][0] != list(raw)[-1]):
        points.append((list(raw)[-1], running))
    return bars, points


def _safe(cells: int, hidden_sum: int, limit: int) -> bool:
    return cells == 0 or (cells >= 2 and (hidden_sum == 0 or hidden_sum >= limit))


def as_rows(shown: Shown, labels: Sequence[str] | None = None) -> pd.DataFrame:
    """The display strings with readable row labels (for st.dataframe)."""
    text = shown.text.copy()
    if labels is not None:
        text.index = list(labels)
    return text
