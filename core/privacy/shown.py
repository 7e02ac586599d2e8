"""Counts as a role may see them: raw for the manager, small-cell suppressed and rounded to the
base (`core.privacy.rules.Rule`) for everyone else.

Every dashboard number goes through one of these functions before it reaches a chart or a
table. A hidden cell is missing in `values` (NaN, never 0) and reads "<5" when it holds 1 to 4
people or ".." when it was hidden only so that a small group cannot be worked out by
subtraction ("complementary" cells, which may hold any number). Counts in an order (funnels,
cumulative lines) are in `core.privacy.sequences`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from core.codes import Role
from core.privacy.policy import SuppressedTable, protect_for, suppress_table
from core.privacy.rules import (
    HIDDEN_MARKER,
    NO_DATA_MARKER,
    TOTAL,
    framed,
    rounded_frame,
    rounding_base,
    rule_for,
    small_marker,
)

COUNT = "count"


@dataclass(frozen=True)
class Shown:
    """A table of counts as one role sees it; every frame has the same index and columns."""

    values: pd.DataFrame  # float; NaN where hidden
    text: pd.DataFrame  # "12", "0", "<5" or ".."
    hidden: pd.DataFrame  # bool
    threshold: int
    suppressed: bool  # the suppression rules were applied (any role but the manager)
    # What was merged when the table is shown coarser than asked: a code of
    # core.privacy.aggregate.Merged (its text is the chart's note), or "".
    note: str = ""

    @property
    def marker(self) -> str:
        return small_marker(self.threshold)

    @property
    def any_hidden(self) -> bool:
        return bool(self.hidden.to_numpy().any())

    def column(self, name: str = COUNT) -> pd.Series:
        return self.values[name]


def shown_from(
    raw: pd.DataFrame,
    hidden: pd.DataFrame,
    small: pd.DataFrame,
    threshold: int,
    suppressed: bool,
    *,
    people: bool = True,
) -> Shown:
    """`raw` counts with `hidden` cells taken out: "<T" where `small`, ".." elsewhere; when
    `suppressed` and the counts are of `people` (or companies), the rest rounded to the base."""
    published = raw.astype("int64")
    if suppressed and people:
        published = rounded_frame(published, rounding_base())
    text = published.astype(str)
    text = text.mask(hidden, HIDDEN_MARKER).mask(hidden & small, small_marker(threshold))
    return Shown(published.astype("float64").mask(hidden), text, hidden, threshold, suppressed)


def _from_suppressed(raw: pd.DataFrame, result: SuppressedTable, role: Role) -> Shown:
    # core.privacy.policy says which hidden cells may show "<5"; it drops that bound where even
    # the bound would let a reader narrow a small group down, and those read "..".
    hidden, small = result.hidden.astype(bool), result.small.astype(bool)
    return shown_from(raw, hidden, small, result.threshold, rule_for(role).suppressed)


def _shaped(table: pd.DataFrame) -> pd.DataFrame:
    """At least one column, so an empty selection is an empty table rather than no table."""
    return table if table.shape[1] else table.assign(**{COUNT: 0})


def protect_table(role: Role, table: pd.DataFrame, *, margins: bool = True) -> Shown:
    """A rows × columns table of counts of people (or companies) with totals when `margins`."""
    clean = _shaped(table).fillna(0).astype("int64")
    raw, _ = framed(clean, margins=margins)
    if not rule_for(role).suppressed or not margins:
        return _from_suppressed(raw, protect_for(role, clean, margins=margins), role)
    return _suppress_without_empty_lines(clean, raw, role)


def _suppress_without_empty_lines(clean: pd.DataFrame, raw: pd.DataFrame, role: Role) -> Shown:
    """Suppress only the rows and columns that hold someone; all-zero lines stay "0".

    A line of zeros whose total is 0 tells a reader nothing about any other cell (every cell
    crossing it contributes 0 to its lines), so leaving it out of the suppression changes no
    one's protection, and it spares the disclosure audit (linear programs per small cell)
    the empty statuses, genders and size classes most tables have.
    """
    rows = [r for r in clean.index if clean.loc[r].any()]
    columns = [c for c in clean.columns if clean[c].any()]
    if not rows or not columns or (len(rows), len(columns)) == clean.shape:
        return _from_suppressed(raw, suppress_table(clean), role)
    part = suppress_table(clean.loc[rows, columns])
    keep_total_column = TOTAL in raw.columns
    frame_index = [*rows, TOTAL]
    frame_columns = [*columns, TOTAL] if len(columns) > 1 else columns

    def widen(mask: pd.DataFrame) -> pd.DataFrame:
        full = pd.DataFrame(False, index=raw.index, columns=raw.columns)
        full.loc[frame_index, frame_columns] = mask.loc[frame_index, frame_columns].to_numpy()
        if keep_total_column and len(columns) == 1:
            # The reduced table had no total column; the full one's equals the single column.
            full.loc[frame_index, TOTAL] = mask.loc[frame_index, columns[0]].to_numpy()
        return full

    hidden, small = widen(part.hidden.astype(bool)), widen(part.small.astype(bool))
    return shown_from(raw, hidden, small, part.threshold, suppressed=True)


def protect_series(role: Role, counts: Mapping[str, int], *, total: bool = True) -> Shown:
    """One series of counts (a bar chart); with `total`, its total row is protected too."""
    # Not through protect_table: a series is suppressed with its zero cells, which may help hide.
    table = pd.DataFrame(
        {COUNT: pd.Series({str(k): int(v) for k, v in counts.items()}, dtype="int64")}
    )
    raw, _ = framed(table, margins=total)
    return _from_suppressed(raw, protect_for(role, table, margins=total), role)


def protect_columns(role: Role, table: pd.DataFrame, *, total: bool = True) -> Shown:
    """Each column on its own, for columns that do not add up (committed vs delivered)."""
    parts = [
        protect_series(role, {str(k): int(v) for k, v in table[name].items()}, total=total)
        for name in table.columns
    ]
    if not parts:
        return protect_series(role, {}, total=total)

    def joined(attribute: str) -> pd.DataFrame:
        frames: list[pd.Series] = [
            getattr(p, attribute)[COUNT].rename(name)
            for p, name in zip(parts, table.columns, strict=True)
        ]
        return pd.concat(frames, axis=1)

    first = parts[0]
    return Shown(
        joined("values"), joined("text"), joined("hidden"), first.threshold, first.suppressed
    )


def protect_by_contributors(
    role: Role, contributors: pd.DataFrame, *amounts: pd.DataFrame
) -> list[Shown]:
    """Amounts (places, euros) shown only where enough companies contribute to the cell.

    `contributors` counts the companies behind each cell of every table of `amounts` (same
    index and columns); a cell is hidden whenever that count is suppressed, so no single
    company's commitment can be read or worked out from the totals.
    """
    companies = protect_table(role, contributors)
    shown = []
    for table in amounts:
        raw, _ = framed(_shaped(table), margins=True)
        hidden = companies.hidden.reindex_like(raw).fillna(True).astype(bool)
        no_bound = pd.DataFrame(False, index=raw.index, columns=raw.columns)
        shown.append(
            shown_from(
                raw, hidden, no_bound, companies.threshold, companies.suppressed, people=False
            )
        )
    return shown


def protect_means(
    role: Role, sums: pd.Series, people: pd.Series, *, beside: Shown | None = None
) -> Shown:
    """Mean scores (sum / people) per key, hidden where the people who gave one are too few;
    "–" where nobody did, "<5" where they are hidden.

    `beside` is the distribution of the same scores shown next to the means: if any of its
    cells is hidden, the means are hidden too (a mean to one decimal and the shown cells
    together pin down the hidden ones: 23 answers, mean 3.0, "..", 15, "<5" say x ≈ z)."""
    scored = protect_series(role, {str(k): int(v) for k, v in people.items()}, total=False)
    means = (sums / people.where(people > 0)).round(1)
    hidden = scored.hidden[COUNT]
    if beside is not None and beside.suppressed and beside.any_hidden:
        hidden = hidden | means.notna()
    text = means.map(lambda v: NO_DATA_MARKER if pd.isna(v) else f"{v:.1f}")
    text = text.mask(hidden, scored.marker)
    return Shown(
        means.mask(hidden).to_frame(COUNT),
        text.to_frame(COUNT),
        hidden.to_frame(COUNT),
        scored.threshold,
        scored.suppressed,
    )


def collapse_rare(role: Role, table: pd.DataFrame, other: str) -> pd.DataFrame:
    """Rows with fewer than the threshold in total (but someone) become one `other` row.

    Recoding before suppression: a row of "<5" cells per rare category hides almost
    everything and costs the disclosure audit (linear programs per small cell) seconds;
    together they are usually a group large enough to show. Empty rows stay as they are
    (zero is shown). The manager sees every category.
    """
    rule = rule_for(role)
    rare = table.sum(axis=1).map(rule.is_small).astype(bool)
    if rare.sum() < 2:
        return table
    together = table[rare].sum().to_frame(other).T
    return pd.concat([table[~rare], together])


def as_rows(shown: Shown, labels: Sequence[str] | None = None) -> pd.DataFrame:
    """The display strings with readable row labels (for st.dataframe)."""
    text = shown.text.copy()
    if labels is not None:
        text.index = list(labels)
    return text
