"""The reader who attacks: what a published number says, and what two of them say together.

Written out independently of core/privacy. The reader knows the published policy: the
threshold T, and the rounding base B (1 when the code has no rounding: every number is then
exact). From the strings a steering or SME user sees:

- a number v is a count between v − ⌊(B − 1)/2⌋ and v + ⌊B/2⌋ (rounded half up; exact if B is 1),
  and since small counts are never shown as numbers, at least T when v > 0;
- "<T" is a count from 1 to T − 1; ".." (or nothing drawn) is any count from 0 up.

A small group is *disclosed* when what the reader can derive pins it to one value from 1 to
T − 1 (the exact count of a small group of people).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from core.config import get_settings
from core.privacy import rules

ATTACK_DAY = date(2026, 11, 23)  # the demo world the attack suites read (tests/security)

Interval = tuple[float, float]
ANY: Interval = (0.0, math.inf)


@dataclass(frozen=True)
class Policy:
    threshold: int
    base: int

    @classmethod
    def published(cls) -> Policy:
        # The base is part of the published policy; code without rounding publishes exact counts.
        base = rules.rounding_base() if hasattr(rules, "rounding_base") else 1
        return cls(get_settings().suppression_threshold, base)

    @property
    def marker(self) -> str:
        return f"<{self.threshold}"

    def of(self, shown: object) -> Interval:
        """What a published value (a string, a number or None for hidden) says of the count."""
        if shown is None or (isinstance(shown, float) and math.isnan(shown)):
            return ANY
        text = str(shown).strip()
        if text == self.marker:
            return (1.0, self.threshold - 1.0)
        try:
            value = float(text.replace(" ", ""))
        except ValueError:
            return ANY  # "..", "–", anything that is not a number
        low, high = value - (self.base - 1) // 2, value + self.base // 2
        if value > 0:
            low = max(low, float(self.threshold))  # a number is never a small count
        return (max(low, 0.0), high)

    def disclosed(self, truth: int, *intervals: Interval) -> bool:
        """Whether the intervals together pin a small group of `truth` people down."""
        if not 0 < truth < self.threshold:
            return False
        low = max([0.0, *(i[0] for i in intervals)])
        high = min([math.inf, *(i[1] for i in intervals)])
        if math.isinf(high):
            return False  # no upper bound pins nothing down
        return math.ceil(low - 1e-9) == math.floor(high + 1e-9) == truth


def minus(a: Interval, b: Interval) -> Interval:
    """The difference of two counts, one nested in the other (so never below 0)."""
    return (max(a[0] - b[1], 0.0), a[1] - b[0])


def plus(a: Interval, b: Interval) -> Interval:
    return (a[0] + b[0], a[1] + b[1])
