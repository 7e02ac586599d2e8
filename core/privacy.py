"""Small-cell suppression for aggregates shown to steering and SME users.

A count below the threshold is hidden (primary suppression). Because totals are shown, one
hidden cell in a row or column could be recovered by subtraction, so more cells are hidden
(complementary suppression) until, in every row and column, either nothing is hidden or at
least two cells are hidden and together hold at least `threshold` people (a hidden group is
never itself small). Zero stays visible: "<5" means one to four, never none.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.config import get_settings

TOTAL = "total"


def suppression_threshold() -> int:
    """The one place that knows the threshold (SILTA_SUPPRESSION_THRESHOLD, default 5)."""
    return get_settings().suppression_threshold


@dataclass(frozen=True)
class SuppressedTable:
    """Counts as they may be shown: hidden cells are missing in `counts`, True in `hidden`."""

    counts: pd.DataFrame  # nullable Int64; hidden cells are <NA>
    hidden: pd.DataFrame  # bool, same shape
    threshold: int

    @property
    def marker(self) -> str:
        return f"<{self.threshold}"

    def display(self) -> pd.DataFrame:
        """Strings for tables: numbers, or the marker for hidden cells."""
        shown = self.counts.astype("object").where(~self.hidden, self.marker)
        return shown.map(lambda v: v if isinstance(v, str) else f"{int(v)}")


def suppress_table(
    table: pd.DataFrame, *, threshold: int | None = None, margins: bool = True
) -> SuppressedTable:
    """Suppress a rows × columns table of counts; `margins` adds and protects total row/column."""
    limit = suppression_threshold() if threshold is None else threshold
    frame = table.fillna(0).astype("int64")
    if (frame < 0).to_numpy().any():
        raise ValueError("counts cannot be negative")
    if margins:
        frame = _with_margins(frame)
    values = frame.to_numpy()
    hidden = (values > 0) & (values < limit)
    lines = _lines(values.shape) if margins else []
    changed = True
    while changed:
        changed = False
        for cells in lines:
            changed = _protect_line(values, hidden, cells, limit) or changed
    mask = pd.DataFrame(hidden, index=frame.index, columns=frame.columns)
    return SuppressedTable(counts=frame.astype("Int64").mask(mask), hidden=mask, threshold=limit)


def suppress_counts(
    counts: Mapping[str, int], *, threshold: int | None = None, total: bool = True
) -> SuppressedTable:
    """Suppress one series of counts (e.g. a bar chart); with `total`, a total row is added."""
    table = pd.DataFrame({"count": pd.Series(dict(counts), dtype="int64")})
    limit = suppression_threshold() if threshold is None else threshold
    if not total:
        return suppress_table(table, threshold=limit, margins=False)
    result = suppress_table(table, threshold=limit, margins=True)
    keep = ["count"]
    return SuppressedTable(result.counts[keep], result.hidden[keep], result.threshold)


def _with_margins(values: pd.DataFrame) -> pd.DataFrame:
    framed = values.copy()
    framed[TOTAL] = framed.sum(axis=1)
    framed.loc[TOTAL] = framed.sum(axis=0)
    return framed


Cell = tuple[int, int]


def _lines(shape: tuple[int, ...]) -> list[list[Cell]]:
    """Every row and column with its total last (the margins are the last row and column)."""
    rows, columns = shape
    return [[(r, c) for c in range(columns)] for r in range(rows)] + [
        [(r, c) for r in range(rows)] for c in range(columns)
    ]


def _protect_line(values: np.ndarray, hidden: np.ndarray, cells: list[Cell], limit: int) -> bool:
    """Hide more cells of one additive line until it leaks nothing; True if it changed.

    `cells` ends with the line's total. With the total shown, hidden parts add up to a known
    number, so at least two must be hidden and hold at least `limit` people together; with the
    total hidden, two hidden cells suffice (the total is protected by its own line).
    """
    *parts, total = cells
    changed = False
    while True:
        hidden_parts = [cell for cell in parts if hidden[cell]]
        total_hidden = bool(hidden[total])
        count = len(hidden_parts) + int(total_hidden)
        hidden_sum = sum(int(values[cell]) for cell in hidden_parts)
        if count == 0 or (count >= 2 and (total_hidden or hidden_sum >= limit)):
            return changed
        visible = [cell for cell in parts if not hidden[cell]]
        if visible:
            # The smallest visible part costs the least information; zeros help only last,
            # because hiding a zero does not grow the hidden group.
            visible.sort(key=lambda cell: (int(values[cell]) == 0, int(values[cell])))
            hidden[visible[0]] = True
        elif not total_hidden:
            hidden[total] = True
        else:
            return changed
        changed = True
