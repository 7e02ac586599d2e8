"""Small-cell suppression for aggregates shown to steering and SME users.

Counts of 1 to T − 1 people (T = the threshold, default 5) are hidden and shown as "<5"
(primary suppression). Because totals are shown, more cells are hidden (complementary
suppression, shown as "..") until no reader can work out anything about a small cell beyond
"<5", however they combine the shown counts and totals:

1. in every line (row or column with its total) either nothing is hidden, or at least two
   cells are, and when the total is shown the hidden cells together hold 0 or at least T
   people (so a hidden group is never itself small);
2. a linear-programming audit (`core.privacy.disclosure`) checks every hidden small cell: given all
   that is shown, it must still be able to hold any value from 1 to T − 1. While one can be
   narrowed, the smallest visible cell of its lines is hidden too; when its lines are hidden
   already, "<5" markers (which are bounds a reader can use) become ".." around it.

Zero stays visible ("0": nobody), and a cell without data is "–", never "<5" or "0". The
manager sees raw counts: `protect_for(role, …)` and `display_counts(…, role)` decide.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.codes import Role
from core.privacy.disclosure import Cell, Exposure, Line, Published, exposed_cells
from core.privacy.rules import (
    HIDDEN_MARKER,
    NO_DATA_MARKER,
    TOTAL,
    framed,
    rule_for,
    small_marker,
    suppression_threshold,
)


@dataclass(frozen=True)
class SuppressedTable:
    """Counts as they may be shown; every mask has the shape of `counts`."""

    counts: pd.DataFrame  # nullable Int64; hidden and no-data cells are <NA>
    hidden: pd.DataFrame  # bool: suppressed, whether small or complementary
    small: pd.DataFrame  # bool: shown as "<T" (every such cell holds 1 … T − 1)
    no_data: pd.DataFrame  # bool: nothing was recorded
    threshold: int

    @property
    def marker(self) -> str:
        return small_marker(self.threshold)

    def display(
        self, *, hidden: str = HIDDEN_MARKER, no_data: str = NO_DATA_MARKER
    ) -> pd.DataFrame:
        """Strings for tables: numbers, "<5" for small cells, ".." for the others hidden."""
        out = self.counts.astype("object").map(lambda v: "" if pd.isna(v) else f"{int(v)}")
        out = out.mask(self.hidden & ~self.small, hidden).mask(self.small, self.marker)
        return out.mask(self.no_data, no_data)


def suppress_table(
    table: pd.DataFrame, *, threshold: int | None = None, margins: bool = True
) -> SuppressedTable:
    """Suppress a rows × columns table of counts (NaN = no data); `margins` adds totals.

    With margins a total row is added, and a total column when there is more than one column.
    """
    limit = suppression_threshold() if threshold is None else threshold
    frame, no_data_in = framed(table, margins=margins)
    if (frame < 0).to_numpy().any():
        raise ValueError("counts cannot be negative")
    # dtype=bool: a table without columns would otherwise give an empty float array.
    values, no_data = frame.to_numpy(), no_data_in.to_numpy(dtype=bool)
    small = (values > 0) & (values < limit) & ~no_data
    hidden = small.copy()
    lines = _lines(values.shape, margins)
    _protect(values, hidden, small, no_data, lines, limit)

    def as_frame(mask: np.ndarray) -> pd.DataFrame:
        return pd.DataFrame(mask, index=frame.index, columns=frame.columns)

    counts = frame.astype("Int64").mask(as_frame(hidden | no_data))
    return SuppressedTable(counts, as_frame(hidden), as_frame(small), as_frame(no_data), limit)


def suppress_counts(
    counts: Mapping[str, int | None], *, threshold: int | None = None, total: bool = True
) -> SuppressedTable:
    """Suppress one series of counts (e.g. a bar chart); with `total`, a total row is added."""
    series = pd.Series(dict(counts), dtype="float64")
    return suppress_table(pd.DataFrame({"count": series}), threshold=threshold, margins=total)


def unsuppressed(table: pd.DataFrame, *, margins: bool = True) -> SuppressedTable:
    """The same table with nothing hidden (what the manager sees)."""
    frame, no_data_in = framed(table, margins=margins)
    nothing = pd.DataFrame(False, index=frame.index, columns=frame.columns)
    counts = frame.astype("Int64").mask(no_data_in)
    return SuppressedTable(counts, nothing, nothing.copy(), no_data_in, suppression_threshold())


def protect_for(
    role: Role, table: pd.DataFrame, *, margins: bool = True, threshold: int | None = None
) -> SuppressedTable:
    """The table as `role` may see it: raw for the manager, suppressed for everyone else."""
    if not rule_for(role).suppressed:
        return unsuppressed(table, margins=margins)
    return suppress_table(table, threshold=threshold, margins=margins)


def display_counts(
    table: pd.DataFrame,
    role: Role,
    *,
    margins: bool = True,
    total_label: str = TOTAL,
    threshold: int | None = None,
) -> pd.DataFrame:
    """Display-ready strings of a counts table for `role` (totals labelled `total_label`)."""
    shown = protect_for(role, table, margins=margins, threshold=threshold).display()
    return shown.rename(index={TOTAL: total_label}, columns={TOTAL: total_label})


def _lines(shape: tuple[int, ...], margins: bool) -> list[Line]:
    """Every row and column with its total last (the margins are the last row and column)."""
    rows, columns = shape
    if not margins or columns == 0:
        return []
    column_lines = [
        Line(tuple((r, c) for r in range(rows - 1)), (rows - 1, c)) for c in range(columns)
    ]
    if columns == 1:
        return column_lines
    row_lines = [
        Line(tuple((r, c) for c in range(columns - 1)), (r, columns - 1)) for r in range(rows)
    ]
    return row_lines + column_lines


def _protect(
    values: np.ndarray,
    hidden: np.ndarray,
    small: np.ndarray,
    no_data: np.ndarray,
    lines: list[Line],
    limit: int,
) -> None:
    """Hide cells (and drop "<T" bounds) until the line rules hold and the audit finds nothing.

    Every step hides one more cell or drops one marker, so the loop ends; with everything
    hidden and no markers left, a reader knows only that lines add up, which narrows nothing.
    """
    # Hiding a cell or dropping a marker only widens what a reader must allow for, so a cell
    # once found protected stays protected: only the others are audited again.
    pending = small.copy()  # cells that need protection and are not yet proven protected
    while True:
        _apply_line_rules(values, hidden, no_data, lines, limit)
        if not lines or not pending.any():
            return
        published = Published(values, ~hidden & ~no_data, small, no_data, limit, tuple(lines))
        exposed = exposed_cells(published, pending)
        pending[:] = False
        for exposure in exposed:
            pending[exposure.cell] = True
        if not exposed or not _repair(exposed, values, hidden, small, no_data, lines, limit):
            return


def _repair(
    exposed: list[Exposure],
    values: np.ndarray,
    hidden: np.ndarray,
    small: np.ndarray,
    no_data: np.ndarray,
    lines: list[Line],
    limit: int,
) -> bool:
    """One step for each exposed cell whose lines no earlier step of this round touched.

    A cell capped below T − 1 is capped by "<T" bounds around it (a small total, small
    neighbours): dropping those helps, hiding more does not. A cell held above 1 needs room
    to move: another hidden cell in its lines.
    """
    touched: set[Cell] = set()
    changed = False
    for exposure in exposed:
        cell = exposure.cell
        near = _near(cell, lines)
        if touched.intersection(near):
            continue  # the step just taken may already have protected this one
        totals = [line.total for line in lines if cell in line.parts]
        others = [c for c in near if c != cell]
        hide_near = _candidates(near, hidden, no_data)
        capped = exposure.high < limit - 1 - 1e-6
        step = (
            (capped and _drop_marker([*totals, *others, cell], small))
            or _hide_one(hide_near, values, hidden, lines)
            or _drop_marker([*totals, *others, cell], small)
            or _hide_one(_candidates(_everywhere(values), hidden, no_data), values, hidden, lines)
            or _drop_marker(_everywhere(values), small)
        )
        if step:
            touched.update(near)
            changed = True
    return changed


def _apply_line_rules(
    values: np.ndarray, hidden: np.ndarray, no_data: np.ndarray, lines: list[Line], limit: int
) -> None:
    changed = True
    while changed:
        changed = False
        for line in lines:
            changed = _protect_line(values, hidden, no_data, line, limit) or changed


def _candidates(cells: list[Cell], hidden: np.ndarray, no_data: np.ndarray) -> list[Cell]:
    return [cell for cell in cells if not hidden[cell] and not no_data[cell]]


def _cheapest(cells: list[Cell], values: np.ndarray) -> Cell:
    # The smallest non-zero count costs the least information; zeros help only last, because
    # hiding a zero does not make the hidden group any bigger.
    return min(cells, key=lambda cell: (int(values[cell]) == 0, int(values[cell]), cell))


def _protect_line(
    values: np.ndarray, hidden: np.ndarray, no_data: np.ndarray, line: Line, limit: int
) -> bool:
    """Hide more cells of one additive line until rule 1 holds; True if it changed."""
    changed = False
    while True:
        hidden_parts = [cell for cell in line.parts if hidden[cell]]
        total_hidden = bool(hidden[line.total])
        count = len(hidden_parts) + int(total_hidden)
        hidden_sum = sum(int(values[cell]) for cell in hidden_parts)
        if count == 0 or (count >= 2 and (total_hidden or hidden_sum >= limit or hidden_sum == 0)):
            return changed
        visible = _candidates(list(line.parts), hidden, no_data)
        if visible:
            hidden[_cheapest(visible, values)] = True
        elif not total_hidden and not no_data[line.total]:
            hidden[line.total] = True
        else:
            return changed
        changed = True


def _near(cell: Cell, lines: list[Line]) -> list[Cell]:
    """The cells that share a line with `cell`."""
    return [
        part
        for line in lines
        if cell in line.parts or cell == line.total
        for part in (*line.parts, line.total)
    ]


def _everywhere(values: np.ndarray) -> list[Cell]:
    return [(int(r), int(c)) for r, c in np.ndindex(*values.shape)]


def _hide_one(
    options: list[Cell], values: np.ndarray, hidden: np.ndarray, lines: list[Line]
) -> bool:
    if not options:
        return False
    # Prefer inner cells to totals: a hidden total hides more than it protects.
    inner = [o for o in options if all(o != line.total for line in lines)]
    hidden[_cheapest(inner or options, values)] = True
    return True


def _drop_marker(cells: list[Cell], small: np.ndarray) -> bool:
    """Show one "<T" cell as ".." instead: its bound 1 … T − 1 no longer helps a reader."""
    for cell in cells:
        if small[cell]:
            small[cell] = False
            return True
    return False
