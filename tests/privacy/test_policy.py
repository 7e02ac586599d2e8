"""Small-cell suppression: primary cells, complementary cells, and what stays visible."""

from __future__ import annotations

import numpy as np
import pandas as pd

from core.codes import Role
from core.privacy.policy import display_counts, protect_for, suppress_counts, suppress_table


def test_one_small_cell_takes_a_second_one_with_it() -> None:
    result = suppress_counts({"Oulu": 20, "Kempele": 3, "Raahe": 8}, threshold=5)
    assert result.display()["count"].to_dict() == {
        "Oulu": "20",
        "Kempele": "<5",
        "Raahe": "..",  # hidden to protect Kempele, but not itself small
        "total": "31",
    }


def test_nothing_small_nothing_hidden_and_zero_stays_zero() -> None:
    result = suppress_counts({"a": 5, "b": 0, "c": 12}, threshold=5)
    assert not result.hidden.to_numpy().any()
    assert result.display()["count"].tolist() == ["5", "0", "12", "17"]


def test_hidden_group_is_never_itself_small() -> None:
    # 1 and 2 are both small; hiding only them would reveal "3 people" by subtraction.
    result = suppress_counts({"a": 1, "b": 2, "c": 30, "d": 40}, threshold=5)
    assert result.hidden["count"].tolist() == [True, True, True, False, False]


def test_small_total_is_hidden() -> None:
    result = suppress_counts({"a": 2, "b": 0}, threshold=5)
    assert result.display()["count"].tolist() == ["<5", "0", "<5"]


def test_no_data_is_neither_zero_nor_small() -> None:
    result = suppress_counts({"a": 12, "b": None, "c": 0, "d": 7}, threshold=5)
    assert result.display()["count"].tolist() == ["12", "–", "0", "7", "19"]


def test_two_way_table_protects_rows_and_columns() -> None:
    table = pd.DataFrame({"women": [10, 2, 15], "men": [12, 9, 20]}, index=["x", "y", "z"])
    result = suppress_table(table, threshold=5)
    hidden = result.hidden
    for line in [*hidden.index, *hidden.columns]:
        row = hidden.loc[line] if line in hidden.index else hidden[line]
        assert row.sum() != 1, line
    assert result.display().at["y", "women"] == "<5"


def test_all_small_line_drops_the_bounds_that_would_pin_it() -> None:
    # 1 + 1 = 2 with everything "<3" would pin both cells to 1; the total is shown as "..".
    shown = suppress_counts({"a": 1, "b": 1}, threshold=3).display()["count"].tolist()
    assert shown.count("..") >= 1 and "1" not in shown and "2" not in shown


def test_without_margins_only_small_cells_go() -> None:
    result = suppress_counts({"a": 1, "b": 9}, threshold=5, total=False)
    assert result.hidden["count"].tolist() == [True, False]


def test_the_manager_sees_raw_numbers_everyone_else_suppressed() -> None:
    table = pd.DataFrame({"women": [1, 7], "men": [6, 8]}, index=["T1.1", "T2.1"])
    manager = display_counts(table, Role.MANAGER, total_label="Total")
    assert manager.at["T1.1", "women"] == "1" and manager.at["Total", "Total"] == "22"
    for role in (Role.STEERING, Role.SME):
        shown = display_counts(table, role, total_label="Total")
        assert shown.at["T1.1", "women"] == "<5"
        assert "1" not in shown.to_numpy()


def test_counts_for_charts_have_gaps_where_hidden() -> None:
    table = pd.DataFrame({"count": [3.0, 20.0, 9.0]}, index=["a", "b", "c"])
    result = protect_for(Role.STEERING, table)
    assert result.counts["count"].isna().tolist() == [True, False, True, False]
    assert np.array_equal(result.hidden.to_numpy(), result.counts.isna().to_numpy())
