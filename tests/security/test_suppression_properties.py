"""Property tests: no hidden cell of a suppressed table can be worked out from what is shown.

The reader (attacker) model, written out independently of `core.privacy.disclosure`, and built only
from the strings a steering or SME user sees (`SuppressedTable.display()`):

- a number is that cell's exact count; "–" (no data) adds nothing;
- "<T" is a count from 1 to T − 1; ".." is any count from 0 up;
- every row and column of parts adds up to its total.

Properties, checked for random 1-D and 2-D tables with margins and thresholds 3 to 10:

1. **No narrowing** — for every hidden cell that truly holds 1 … T − 1 people (shown "<T",
   or ".." where even "<T" would tell too much), linear programming over everything shown
   finds every count from 1 to T − 1 feasible: the reader learns nothing beyond "fewer than
   T", and never one exact count. (Tables with margins are totally unimodular, so the real
   bounds equal the whole-number bounds.)
2. **No small hidden group** — in every line whose total is shown, the hidden cells together
   hold 0 or at least T people, so "these hidden cells together" is never a small group.
3. **Truthful display** — shown numbers are the true counts and never 1 … T − 1; "<T"
   appears only on counts 1 … T − 1, "0" only on zero, "–" only where there is no data.
4. **Nothing hidden without need** — a table without small counts is shown whole.
"""

from __future__ import annotations

import math
import os

import hypothesis.strategies as st
import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from scipy.optimize import linprog

from core.codes import Role
from core.privacy.policy import display_counts, suppress_counts, suppress_table
from core.privacy.rules import TOTAL

PROPERTY_SETTINGS = settings(
    max_examples=int(os.environ.get("SILTA_PROPERTY_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Counts with many small values, the occasional zero and some large ones.
counts = st.one_of(st.integers(0, 6), st.integers(0, 40), st.integers(0, 400))
maybe_missing = st.one_of(counts, counts, counts, counts, st.none())
thresholds = st.sampled_from([3, 5, 5, 5, 10])


def _reader_bounds(shown: pd.DataFrame, threshold: int) -> list[tuple[float, float | None]]:
    bounds: list[tuple[float, float | None]] = []
    for text in shown.to_numpy().ravel():
        if text == "–":
            bounds.append((0.0, 0.0))
        elif text == f"<{threshold}":
            bounds.append((1.0, threshold - 1.0))
        elif text == "..":
            bounds.append((0.0, None))
        else:
            value = float(int(text))
            bounds.append((value, value))
    return bounds


def _reader_equations(shown: pd.DataFrame) -> np.ndarray:
    rows, columns = shown.shape
    has_total_column = shown.columns[-1] == TOTAL
    equations = []
    for c in range(columns):  # every column adds up to the total row
        line = np.zeros(rows * columns)
        for r in range(rows - 1):
            line[r * columns + c] = 1.0
        line[(rows - 1) * columns + c] = -1.0
        equations.append(line)
    if has_total_column:
        for r in range(rows):  # every row adds up to the total column
            line = np.zeros(rows * columns)
            for c in range(columns - 1):
                line[r * columns + c] = 1.0
            line[r * columns + columns - 1] = -1.0
            equations.append(line)
    return np.array(equations)


def reader_range(shown: pd.DataFrame, threshold: int, row: int, column: int) -> tuple[float, float]:
    """What the reader can prove about one cell: its smallest and largest possible count."""
    bounds = _reader_bounds(shown, threshold)
    a_eq = _reader_equations(shown)
    goal = np.zeros(shown.size)
    goal[row * shown.shape[1] + column] = 1.0
    low = linprog(goal, A_eq=a_eq, b_eq=np.zeros(len(a_eq)), bounds=bounds, method="highs")
    high = linprog(-goal, A_eq=a_eq, b_eq=np.zeros(len(a_eq)), bounds=bounds, method="highs")
    assert low.status == 0, "the shown table contradicts itself"
    return low.fun, math.inf if high.status == 3 else -high.fun


def assert_protected(table: pd.DataFrame, threshold: int) -> None:
    result = suppress_table(table, threshold=threshold)
    shown = result.display()
    truth = result.counts.astype("float64").where(~result.hidden, np.nan)
    framed = _true_with_margins(table)
    marker = f"<{threshold}"
    for (r, c), text in np.ndenumerate(shown.to_numpy()):
        value = framed.iat[r, c]
        if text in (marker, "..") and 0 < value < threshold:  # property 1
            low, high = reader_range(shown, threshold, r, c)
            assert low <= 1 + 1e-6 and high >= threshold - 1 - 1e-6, (
                f"cell {shown.index[r]}/{shown.columns[c]} narrowed to [{low}, {high}]\n{shown}"
            )
        if text == marker:
            assert 1 <= value < threshold  # property 3
        elif text == "–":
            assert np.isnan(value) or value == 0
        elif text != "..":
            assert int(text) == value and truth.iat[r, c] == value
            assert value == 0 or value >= threshold, f"a small count is shown\n{shown}"
    _assert_no_small_hidden_group(shown, framed, threshold)  # property 2


def _true_with_margins(table: pd.DataFrame) -> pd.DataFrame:
    framed = table.fillna(0).astype("int64")
    if framed.shape[1] > 1:
        framed[TOTAL] = framed.sum(axis=1)
    framed.loc[TOTAL] = framed.sum(axis=0)
    return framed


def _assert_no_small_hidden_group(shown: pd.DataFrame, truth: pd.DataFrame, limit: int) -> None:
    hidden = shown.isin([f"<{limit}", ".."]).to_numpy()
    values = truth.to_numpy()
    lines = [(values[:-1, c], hidden[:-1, c], hidden[-1, c]) for c in range(values.shape[1])]
    if shown.columns[-1] == TOTAL:
        lines += [(values[r, :-1], hidden[r, :-1], hidden[r, -1]) for r in range(values.shape[0])]
    for parts, hidden_parts, total_hidden in lines:
        if not total_hidden:
            group = int(parts[hidden_parts].sum())
            assert group == 0 or group >= limit, f"a hidden group of {group}\n{shown}"


@PROPERTY_SETTINGS
@given(st.lists(maybe_missing, min_size=1, max_size=9), thresholds)
def test_one_way_tables_leak_nothing(values: list[int | None], threshold: int) -> None:
    table = pd.DataFrame({"count": [np.nan if v is None else v for v in values]})
    table.index = [f"c{i}" for i in range(len(values))]
    assert_protected(table, threshold)


@st.composite
def two_way_tables(draw: st.DrawFn) -> pd.DataFrame:
    rows, columns = draw(st.integers(1, 5)), draw(st.integers(2, 4))
    cells = draw(st.lists(maybe_missing, min_size=rows * columns, max_size=rows * columns))
    grid = np.array([np.nan if v is None else v for v in cells], dtype="float64")
    return pd.DataFrame(
        grid.reshape(rows, columns),
        index=[f"r{i}" for i in range(rows)],
        columns=[f"k{j}" for j in range(columns)],
    )


@PROPERTY_SETTINGS
@given(two_way_tables(), thresholds)
def test_two_way_tables_leak_nothing(table: pd.DataFrame, threshold: int) -> None:
    assert_protected(table, threshold)


@settings(max_examples=60, deadline=None)
@given(two_way_tables(), thresholds)
def test_nothing_is_hidden_without_a_small_count(table: pd.DataFrame, threshold: int) -> None:
    big = table.where(table.isna() | (table == 0) | (table >= threshold), threshold)
    result = suppress_table(big, threshold=threshold)
    framed = _true_with_margins(big).to_numpy()
    if not ((framed > 0) & (framed < threshold)).any():
        assert not result.hidden.to_numpy().any()


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=5), counts, min_size=1, max_size=8))
def test_the_manager_sees_raw_counts_and_others_do_not(values: dict[str, int]) -> None:
    table = pd.DataFrame({"count": pd.Series(values, dtype="float64")})
    manager = display_counts(table, Role.MANAGER, threshold=5)
    assert "<5" not in manager.to_numpy() and ".." not in manager.to_numpy()
    for role in (Role.STEERING, Role.SME):
        shown = display_counts(table, role, threshold=5).to_numpy()
        small = [v for v in values.values() if 0 < v < 5]
        assert all(str(v) not in shown.ravel()[: len(values)] or v >= 5 or v == 0 for v in small)
        if small:
            assert "<5" in shown


def test_the_classic_leak_is_closed() -> None:
    # Two hidden 4s in a line with a shown total: "<5" + "<5" = 8 would pin both to 4.
    result = suppress_counts({"a": 4, "b": 4, "c": 30}, threshold=5)
    assert result.display()["count"].tolist() == ["<5", "<5", "..", "38"]
