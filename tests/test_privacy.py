"""Small-cell suppression: primary cells, complementary cells, and what stays visible."""

from __future__ import annotations

import pandas as pd

from core.privacy import suppress_counts, suppress_table


def test_one_small_cell_takes_a_second_one_with_it() -> None:
    result = suppress_counts({"Oulu": 20, "Kempele": 3, "Raahe": 8}, threshold=5)
    hidden = result.hidden["count"].to_dict()
    assert hidden == {"Oulu": False, "Kempele": True, "Raahe": True, "total": False}
    assert result.display()["count"].to_dict() == {
        "Oulu": "20",
        "Kempele": "<5",
        "Raahe": "<5",
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


def test_two_way_table_protects_rows_and_columns() -> None:
    table = pd.DataFrame({"women": [10, 2, 15], "men": [12, 9, 20]}, index=["x", "y", "z"])
    result = suppress_table(table, threshold=5)
    hidden = result.hidden
    for line in [*hidden.index, *hidden.columns]:
        row = hidden.loc[line] if line in hidden.index else hidden[line]
        assert row.sum() != 1, line
    assert hidden.at["y", "women"]


def test_without_margins_only_small_cells_go() -> None:
    result = suppress_counts({"a": 1, "b": 9}, threshold=5, total=False)
    assert result.hidden["count"].tolist() == [True, False]
