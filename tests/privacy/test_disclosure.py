"""The reader model: linear-programming ranges, and the cheap shortcut never claims too much."""

from __future__ import annotations

import hypothesis.strategies as st
import numpy as np
import pandas as pd
from hypothesis import given, settings

from core.privacy.disclosure import Line, Published, _bounds, _moves_reach, feasible_range
from core.privacy.policy import _lines
from core.privacy.rules import with_margins


def _published(grid: list[list[int]], hidden_cells: set[tuple[int, int]], threshold: int):
    table = pd.DataFrame(np.array(grid, dtype="int64"))
    framed, missing = with_margins(table, table.isna())
    values = framed.to_numpy()
    hidden = np.zeros(values.shape, dtype=bool)
    for r, c in hidden_cells:
        hidden[r % values.shape[0], c % values.shape[1]] = True
    small = hidden & (values > 0) & (values < threshold)
    lines = tuple(_lines(values.shape, True))
    return Published(values, ~hidden, small, missing.to_numpy(), threshold, lines)


def test_a_lone_hidden_cell_is_pinned_by_its_total() -> None:
    table = _published([[3], [20]], {(0, 0)}, 5)
    assert feasible_range(table, (0, 0)) == (3.0, 3.0)


def test_two_hidden_cells_in_a_line_can_trade() -> None:
    table = _published([[3], [20]], {(0, 0), (1, 0)}, 5)
    low, high = feasible_range(table, (0, 0))
    assert (low, high) == (1.0, 4.0)


def test_a_hidden_total_is_unbounded() -> None:
    table = _published([[3], [20]], {(0, 0), (1, 0), (2, 0)}, 5)
    assert feasible_range(table, (1, 0))[1] == float("inf")


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 4).flatmap(
        lambda rows: st.integers(1, 3).flatmap(
            lambda columns: st.tuples(
                st.lists(
                    st.lists(st.integers(0, 12), min_size=columns, max_size=columns),
                    min_size=rows,
                    max_size=rows,
                ),
                st.sets(st.tuples(st.integers(0, 4), st.integers(0, 3)), max_size=12),
            )
        )
    ),
    st.sampled_from([3, 5]),
)
def test_the_shortcut_only_claims_what_linear_programming_confirms(
    case: tuple[list[list[int]], set[tuple[int, int]]], threshold: int
) -> None:
    grid, hidden_cells = case
    table = _published(grid, hidden_cells, threshold)
    bounds = _bounds(table)
    for r, c in zip(*np.nonzero(~table.shown), strict=True):
        cell = (int(r), int(c))
        low, high = feasible_range(table, cell)
        for goal in (1, threshold - 1):
            if _moves_reach(table, bounds, cell, goal):
                assert low - 1e-6 <= goal <= high + 1e-6, (cell, goal, low, high)


def test_lines_of_a_two_way_table() -> None:
    lines = _lines((3, 3), True)
    assert Line(((0, 0), (0, 1)), (0, 2)) in lines
    assert Line(((0, 2), (1, 2)), (2, 2)) in lines
    assert len(lines) == 6
