"""Aggregate up before hiding: a mostly hidden breakdown is shown coarser, a fine one as is."""

from __future__ import annotations

import pandas as pd

from core.codes import Role
from core.privacy.aggregate import ALL, Coarser, Merged, aggregate_up, merged_all, merged_columns
from core.privacy.rules import TOTAL

GENDERS = Coarser(merged_columns, Merged.GENDERS)
EVERYONE = Coarser(merged_all, Merged.EVERYONE)


def _table(rows: dict[str, tuple[int, int]]) -> pd.DataFrame:
    return pd.DataFrame.from_dict(rows, orient="index", columns=["woman", "man"])


def test_a_mostly_hidden_table_is_shown_with_genders_merged() -> None:
    table = _table({"employed": (3, 4), "studying": (2, 6), "searching": (4, 3)})
    shown = aggregate_up(Role.STEERING, table, [GENDERS, EVERYONE])
    assert shown.note == Merged.GENDERS.value
    assert list(shown.values.columns) == [TOTAL]
    assert shown.values.loc["employed", TOTAL] == 5  # 7, rounded to the base
    assert shown.values.loc["studying", TOTAL] == 10  # 8
    assert not shown.any_hidden


def test_when_even_the_merged_rows_hide_everyone_is_one_total() -> None:
    table = _table({"employed": (6, 6), "other": (1, 2)})  # 12 beside 3: both hidden
    shown = aggregate_up(Role.STEERING, table, [GENDERS, EVERYONE])
    assert shown.note == Merged.EVERYONE.value
    assert shown.values.loc[ALL, TOTAL] == 15  # 15 people, shown (rounded) and not hidden
    assert not shown.any_hidden


def test_a_table_that_shows_most_cells_is_left_as_it_is() -> None:
    table = _table({"employed": (13, 22), "studying": (6, 9), "searching": (7, 5)})
    shown = aggregate_up(Role.STEERING, table, [GENDERS, EVERYONE])
    assert shown.note == ""
    assert list(shown.values.columns) == ["woman", "man", TOTAL]
    assert shown.values.loc["employed", "man"] == 20


def test_the_manager_always_sees_the_table_as_asked() -> None:
    table = _table({"employed": (3, 4), "studying": (2, 6)})
    shown = aggregate_up(Role.MANAGER, table, [GENDERS, EVERYONE])
    assert shown.note == ""
    assert shown.values.loc["employed", "woman"] == 3


def test_a_group_too_small_even_in_total_stays_hidden() -> None:
    table = _table({"employed": (1, 1), "other": (1, 0)})
    shown = aggregate_up(Role.STEERING, table, [GENDERS, EVERYONE])
    assert shown.values.isna().all().all() or (shown.values.fillna(0) == 0).all().all()
    assert shown.any_hidden  # drawn as hidden, never as 0
