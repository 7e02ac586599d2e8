"""What a reader can work out about hidden cells of a published table, by linear programming.

The reader sees every shown count exactly, knows that the cells of each line add up to its
total, that a small hidden cell ("<T") holds 1 to T − 1 people, that any other hidden cell
holds 0 or more, and that a cell without data adds nothing. For a hidden cell, the smallest
and largest value consistent with all that is its feasibility interval. Tables with margins
have a totally unimodular constraint matrix, so the real-valued bounds computed here are also
the bounds over whole numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog

Cell = tuple[int, int]


@dataclass(frozen=True)
class Line:
    """Cells that add up to a total: `parts` sum to `total`."""

    parts: tuple[Cell, ...]
    total: Cell


@dataclass(frozen=True)
class Published:
    """A table as a reader sees it: values of shown cells and what kind each hidden cell is."""

    values: np.ndarray  # the true counts; only read where `shown`
    shown: np.ndarray  # bool: the value is visible
    small: np.ndarray  # bool: hidden and published as "<T" (1 … T − 1)
    no_data: np.ndarray  # bool: known to contribute nothing
    threshold: int
    lines: tuple[Line, ...]


def _bounds(table: Published) -> list[tuple[float, float | None]]:
    bounds: list[tuple[float, float | None]] = []
    for index, value in np.ndenumerate(table.values):
        if table.no_data[index]:
            bounds.append((0.0, 0.0))
        elif table.shown[index]:
            bounds.append((float(value), float(value)))
        elif table.small[index]:
            bounds.append((1.0, float(table.threshold - 1)))
        else:
            bounds.append((0.0, None))
    return bounds


def _equations(table: Published) -> np.ndarray | None:
    if not table.lines:
        return None
    columns = table.values.shape[1]
    matrix = np.zeros((len(table.lines), table.values.size))
    for row, line in enumerate(table.lines):
        for r, c in line.parts:
            matrix[row, r * columns + c] += 1.0
        r, c = line.total
        matrix[row, r * columns + c] -= 1.0
    return matrix


def feasible_range(table: Published, cell: Cell) -> tuple[float, float]:
    """The smallest and largest value `cell` can hold given what is published (max may be inf)."""
    bounds = _bounds(table)
    a_eq = _equations(table)
    b_eq = None if a_eq is None else np.zeros(a_eq.shape[0])
    objective = np.zeros(table.values.size)
    objective[cell[0] * table.values.shape[1] + cell[1]] = 1.0
    low = linprog(objective, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
    high = linprog(-objective, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
    if low.status != 0:
        raise RuntimeError(f"published table is inconsistent: {low.message}")
    upper = float("inf") if high.status == 3 else -float(high.fun)  # 3: unbounded
    return float(low.fun), upper


@dataclass(frozen=True)
class Exposure:
    """A cell a reader can narrow to `low` … `high`, which misses part of 1 … T − 1."""

    cell: Cell
    low: float
    high: float


def exposed_cells(table: Published, sensitive: np.ndarray) -> list[Exposure]:
    """Cells of `sensitive` whose feasible range does not cover all of 1 … T − 1.

    Such a cell is narrowed: the reader learns more about it than "fewer than T". A cheap
    sufficient test (`_moves_reach`) settles most cells; the others get two linear programs.
    """
    exposed = []
    top = table.threshold - 1
    bounds = _bounds(table)
    for index in zip(*np.nonzero(sensitive), strict=True):
        cell = (int(index[0]), int(index[1]))
        if _moves_reach(table, bounds, cell, 1) and _moves_reach(table, bounds, cell, top):
            continue
        low, high = feasible_range(table, cell)
        if low > 1 + 1e-6 or high < top - 1e-6:
            exposed.append(Exposure(cell, low, high))
    return exposed


def _moves_reach(
    table: Published, bounds: list[tuple[float, float | None]], cell: Cell, goal: int
) -> bool:
    """True if one elementary move keeps every line's sum and brings `cell` to `goal`.

    A move changes the true table along a cycle of hidden cells: in a one-column table two
    parts of the line (or a part and its hidden total); in a table with margins a rectangle,
    where a total corner moves against the inner ones (its line subtracts it).
    """
    rows, columns = table.values.shape
    change = goal - int(table.values[cell])
    if change == 0:
        return True

    def fits(corner: Cell, delta: float) -> bool:
        low, high = bounds[corner[0] * columns + corner[1]]
        value = float(table.values[corner]) + delta
        return low - 1e-9 <= value and (high is None or value <= high + 1e-9)

    if not fits(cell, change):
        return False
    if columns == 1:
        # Parts add up to the total: a part moves against another part or with the total.
        total_row = rows - 1
        for other in [(r, 0) for r in range(rows) if r != cell[0]]:
            same_way = cell[0] == total_row or other[0] == total_row
            if fits(other, change if same_way else -change):
                return True
        return False

    def sign(r: int, c: int) -> int:
        return (-1 if r == rows - 1 else 1) * (-1 if c == columns - 1 else 1)

    step = change * sign(*cell)  # the change in the signed coordinates where rows sum to 0
    r1, c1 = cell
    for r2 in range(rows):
        for c2 in range(columns):
            if r2 == r1 or c2 == c1:
                continue
            corners = [((r1, c2), -step), ((r2, c1), -step), ((r2, c2), step)]
            if all(fits(corner, move * sign(*corner)) for corner, move in corners):
                return True
    return False
