"""The disclosure rule stated once: the threshold, the rounding base, the markers, who sees raw
counts, the totals.

Nothing outside core/privacy reads the threshold setting or writes a "<5" or ".." itself; it
asks `rule_for(role)` or passes its counts through `policy` / `shown` / `sequences`
(tests/privacy/test_one_policy.py keeps it so).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from core.codes import Role
from core.config import get_settings

TOTAL = "total"  # the label of total rows and columns
HIDDEN_MARKER = ".."  # hidden so that a small cell cannot be worked out (any count from 0 up)
NO_DATA_MARKER = "–"  # nothing was recorded: neither a count nor a hidden one


# Issue 17: a sum of money shown to anyone but the manager adds up the salaries of at least this
# many people. A sum over one person is their salary; over two, each of them can subtract their
# own and learn the other's (the n = 3 of the (n, k) dominance rule for magnitude tables).
MIN_PAID_PERSONS = 3


def suppression_threshold() -> int:
    """The one place that reads the threshold (SILTA_SUPPRESSION_THRESHOLD, default 5)."""
    return get_settings().suppression_threshold


def rounding_base() -> int:
    """The one place that reads the rounding base (SILTA_ROUNDING_BASE, default 5)."""
    return get_settings().rounding_base


def round_to(count: float, base: int) -> int:
    """`count` rounded half up to a multiple of `base`; someone is never rounded to nobody
    (a positive count becomes at least `base`: "0" must mean 0)."""
    if base <= 1 or count <= 0:
        return int(count)
    return max(base, int(base * ((2 * int(count) + base) // (2 * base))))


def small_marker(threshold: int) -> str:
    """What a hidden small cell reads: "<5" says it holds 1 … threshold − 1."""
    return f"<{threshold}"


@dataclass(frozen=True)
class Rule:
    """How one audience sees counts of people: raw (the manager), or small-cell suppressed and
    rounded (everyone else).

    Suppression alone does not stop differencing: two shown totals whose filters differ by a
    small group reveal it by subtraction (66 − 64 = 2). So every count shown to a suppressed
    audience is also rounded to `base`: a difference of two shown counts is then a multiple of
    the base, which says nothing exact about the group between them.
    """

    threshold: int
    suppressed: bool  # False only for the manager, who sees raw counts
    base: int = 1  # shown counts are multiples of this (1 for the manager)

    @property
    def marker(self) -> str:
        return small_marker(self.threshold)

    def is_small(self, count: int) -> bool:
        """A group of 1 … threshold − 1 that this audience may not see; zero is not small."""
        return self.suppressed and 0 < count < self.threshold

    def rounded(self, count: int) -> int:
        """The count as published: rounded to the base (raw for the manager)."""
        return round_to(count, self.base) if self.suppressed else int(count)

    def shown(self, count: int) -> int | None:
        """The count as published, None when it is hidden (small)."""
        return None if self.is_small(count) else self.rounded(count)

    def count_text(self, count: int) -> str:
        """One count standing alone (no total beside it to protect): "10", "0" or "<5"."""
        return self.marker if self.is_small(count) else str(self.rounded(count))

    def share(self, part: int, whole: int) -> float | None:
        """part / whole from the published counts; None when either is hidden or whole is 0."""
        shown_part, shown_whole = self.shown(part), self.shown(whole)
        if shown_part is None or shown_whole is None or shown_whole == 0:
            return None
        return shown_part / shown_whole

    def may_name(self, count: int) -> bool:
        """Whether a thing `count` people show may be named on its own (a skill in a text):
        only when at least the threshold do, unlike `is_small`, which lets zero through."""
        return not self.suppressed or count >= self.threshold


def rule_for(role: Role | None) -> Rule:
    """The rule for `role`; None is an audience outside the project (published texts)."""
    suppressed = role is not Role.MANAGER
    return Rule(suppression_threshold(), suppressed, rounding_base() if suppressed else 1)


def rounded_frame(values: pd.DataFrame, base: int) -> pd.DataFrame:
    """Every count of `values` (whole numbers) rounded to `base`."""
    return values.map(lambda v: round_to(int(v), base)).astype("int64")


def with_margins(values: pd.DataFrame, no_data: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A total row, and a total column when there is more than one column; a total has no
    data only when none of its cells has."""
    framed, missing = values.copy(), no_data.copy()
    if framed.shape[1] > 1:
        framed[TOTAL] = framed.sum(axis=1)
        missing[TOTAL] = missing.all(axis=1)
    framed.loc[TOTAL] = framed.sum(axis=0)
    missing.loc[TOTAL] = missing.all(axis=0)
    return framed, missing.astype(bool)


def framed(table: pd.DataFrame, *, margins: bool) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Counts (NaN = no data, read as 0) as int64 with their no-data mask, totals added when
    `margins`: the layout every suppressed or raw table (and amounts beside it) is shown in."""
    no_data = table.isna()
    frame = table.fillna(0).astype("int64")
    if margins:
        frame, no_data = with_margins(frame, no_data)
    return frame.astype("int64"), no_data.astype(bool)
