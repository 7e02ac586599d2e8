"""Aggregate up before hiding: a breakdown that would be mostly hidden is shown coarser.

A status × gender table of 40 people hides nearly every cell; the same people by status alone
show. So when more than half of a table's inner cells (those that hold someone) would be hidden,
the next coarser version is tried (genders merged, spearheads merged, size classes merged, ...)
until one shows most of its cells, and the result carries a note key saying what was merged.

This opens no differencing channel: every coarser table is suppressed and rounded by the same
rule as any other table, and it is a margin of the fine one. Which version is shown depends
only on which cells the fine table hides, and the fine table would publish that pattern anyway.
The manager sees the table as asked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import pandas as pd

from core.codes import Role
from core.i18n import Labelled
from core.privacy.rules import TOTAL, rule_for
from core.privacy.shown import Shown, protect_table


class Merged(Labelled, key_prefix="privacy.merged"):
    """What a coarser table merged: the code a `Shown.note` holds, its text the chart's note."""

    GENDERS = "genders"
    SPEARHEADS = "spearheads"
    SIZES = "sizes"
    EVERYONE = "everyone"  # the last resort: one count of everyone in the table


ALL = "all"  # the one row of a table with every row and column merged


@dataclass(frozen=True)
class Coarser:
    """One coarser version of a table: how to make it from the fine table, and what it says."""

    make: Callable[[pd.DataFrame], pd.DataFrame]
    note: Merged


def merged_columns(table: pd.DataFrame) -> pd.DataFrame:
    """Every column added into one total column (genders, spearheads, size classes merged)."""
    return table.sum(axis=1).to_frame(TOTAL).astype("int64")


def merged_all(table: pd.DataFrame) -> pd.DataFrame:
    """The whole table as one count (one row, one column)."""
    return pd.DataFrame({TOTAL: [int(table.to_numpy().sum())]}, index=[ALL], dtype="int64")


def mostly_hidden(shown: Shown) -> bool:
    """More than half of the inner cells that hold someone (are not a shown 0) are hidden."""
    inner = [r for r in shown.values.index if r != TOTAL]
    columns = [c for c in shown.values.columns if c != TOTAL] or [TOTAL]
    hidden = shown.hidden.loc[inner, columns].to_numpy()
    someone = hidden | (shown.values.loc[inner, columns].fillna(0).to_numpy() > 0)
    return bool(someone.sum()) and hidden.sum() * 2 > someone.sum()


def _visible(shown: Shown) -> int:
    inner = [r for r in shown.values.index if r != TOTAL]
    values = shown.values.loc[inner]
    return int((values.fillna(0) > 0).to_numpy().sum())


Protect = Callable[[Role, pd.DataFrame], Shown]


def aggregate_up(
    role: Role,
    table: pd.DataFrame,
    steps: Sequence[Coarser],
    *,
    fine: Shown | None = None,
    protect: Protect = protect_table,
) -> Shown:
    """`table` protected for `role`, or the first of `steps` (finer first) that is not mostly
    hidden; when every one is, the one that shows the most. `fine` is `table` already
    protected for `role`, when the caller has it (the disclosure audit is not free).
    `protect` protects the table and each coarser one: a table with margins by default,
    funnels per column (`core.privacy.sequences.protect_funnels`) for stages in order."""
    fine = fine if fine is not None else protect(role, table)
    if not rule_for(role).suppressed or not mostly_hidden(fine):
        return fine
    tried = [fine]
    for step in steps:
        coarse = replace(protect(role, step.make(table)), note=step.note.value)
        if not mostly_hidden(coarse):
            return coarse
        tried.append(coarse)
    return max(tried, key=_visible)  # max keeps the first (finest) of equals
