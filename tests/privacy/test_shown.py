"""The role-aware protection every dashboard number passes through (shown and sequences)."""

from __future__ import annotations

import pandas as pd

from core.codes import Role
from core.privacy.sequences import protect_cumulative, protect_nested
from core.privacy.shown import (
    protect_by_contributors,
    protect_columns,
    protect_series,
    protect_table,
)

STEERING, MANAGER = Role.STEERING, Role.MANAGER


def test_manager_sees_raw_numbers_with_totals() -> None:
    shown = protect_series(MANAGER, {"a": 1, "b": 0, "c": 12})
    assert shown.text["count"].tolist() == ["1", "0", "12", "13"]
    assert not shown.any_hidden and not shown.suppressed


def test_steering_hides_small_and_complementary_cells_never_zero() -> None:
    shown = protect_series(STEERING, {"a": 3, "b": 0, "c": 12, "d": 20})
    assert shown.text["count"].tolist() == ["<5", "0", "..", "20", "35"]
    assert pd.isna(shown.values.at["a", "count"]) and shown.values.at["b", "count"] == 0
    assert shown.suppressed


def test_tables_protect_rows_and_columns() -> None:
    table = pd.DataFrame({"woman": [10, 2, 15], "man": [12, 9, 20]}, index=["x", "y", "z"])
    shown = protect_table(STEERING, table)
    for line in [*shown.hidden.index, *shown.hidden.columns]:
        hidden = shown.hidden.loc[line] if line in shown.hidden.index else shown.hidden[line]
        assert hidden.sum() != 1, line
    assert shown.text.at["y", "woman"] == "<5"


def test_columns_that_do_not_add_up_are_protected_apart() -> None:
    table = pd.DataFrame({"committed": [10, 3, 8], "delivered": [6, 0, 7]}, index=list("abc"))
    shown = protect_columns(STEERING, table)
    assert shown.text["committed"].tolist() == ["10", "<5", "..", "20"]  # 21, rounded
    assert shown.text["delivered"].tolist() == ["5", "0", "5", "15"]


def test_nested_stages_hide_small_drops() -> None:
    shown = protect_nested(STEERING, {"came": 100, "joined": 97, "worked": 40, "stayed": 38})
    assert shown.text["count"].tolist() == ["100", "..", "40", ".."]
    assert protect_nested(MANAGER, {"came": 100, "joined": 97}).text["count"].tolist() == [
        "100",
        "97",
    ]


def test_amounts_follow_the_companies_behind_them() -> None:
    companies = pd.DataFrame({"2025": [10, 1], "2026": [8, 9]}, index=["talks", "grants"])
    euros = pd.DataFrame({"2025": [0, 5000], "2026": [0, 42000]}, index=["talks", "grants"])
    (shown,) = protect_by_contributors(STEERING, companies, euros)
    assert shown.hidden.at["grants", "2025"]  # one company: its grant would be on show
    assert shown.text.at["grants", "2025"] == ".."
    assert shown.text.at["total", "total"] == "47000"


def test_cumulative_line_skips_points_that_reveal_a_hidden_month() -> None:
    counts = {"01": 10, "02": 3, "03": 0, "04": 12, "05": 2, "06": 7, "07": 1}
    bars, points = protect_cumulative(STEERING, counts)
    assert bars.text["count"].tolist() == ["10", "<5", "0", "10", "<5", "5", "<5", "35"]
    # 02 alone is small, 02 + 05 = 5 would do, but then 07 alone would be revealed by the
    # total: the line goes from January straight to the end.
    assert points == [("01", 10), ("07", 35)]
    _, every = protect_cumulative(MANAGER, counts)
    assert [v for _, v in every] == [10, 13, 13, 25, 27, 34, 35]


def test_a_mean_beside_a_distribution_with_hidden_cells_is_hidden_too() -> None:
    # 23 answers: 2 → 4, 3 → 15, 4 → 4. Steering sees "..", 15, "<5"; a mean of 3.0 beside them
    # would say the two hidden cells are about equal.
    from core.privacy.shown import protect_means

    scores = {"1": 0, "2": 4, "3": 15, "4": 4, "5": 0}
    total = sum(int(k) * n for k, n in scores.items())
    args = (pd.Series({"all": total}), pd.Series({"all": sum(scores.values())}))
    steering_cells = protect_series(Role.STEERING, scores)
    assert steering_cells.any_hidden
    hidden = protect_means(Role.STEERING, *args, beside=steering_cells)
    assert hidden.text.iloc[0, 0] == steering_cells.marker
    manager = protect_means(Role.MANAGER, *args, beside=protect_series(Role.MANAGER, scores))
    assert manager.text.iloc[0, 0] == "3.0"
    # With every cell shown (all groups large), the mean is shown to steering as well.
    large = {"1": 0, "2": 10, "3": 15, "4": 10, "5": 0}
    args = (pd.Series({"all": 105}), pd.Series({"all": 35}))
    shown = protect_means(Role.STEERING, *args, beside=protect_series(Role.STEERING, large))
    assert shown.text.iloc[0, 0] == "3.0"
