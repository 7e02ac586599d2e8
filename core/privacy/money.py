"""Sums of salaries as others may see them (issue 17): never one or two people's pay.

The manager sees salary costs per month, role and person (the ledger's rows). Everyone else sees
sums that each add up at least `MIN_PAID_PERSONS` people: roles with fewer people are merged into
"other roles", and when that merged group is itself too small, no breakdown by role is shown at
all (its amount would follow from the total by subtraction). Periods are merged with the next
one until they are large enough. The total of all salaries is the figure a payment claim reports
to the funder; it is always shown, as the budget follow-up cannot work without it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from core.codes import Role
from core.privacy.rules import MIN_PAID_PERSONS


@dataclass(frozen=True)
class MoneyCell:
    """A sum of salaries: its label (a role or a period), amount and how many people it adds."""

    label: str
    amount: Decimal
    people: frozenset[str]  # the ledger's employee keys (never leaves core)
    merged: bool = False  # "other roles", or periods merged into one

    @property
    def persons(self) -> int:
        return len(self.people)


def sees_salaries(role: Role | None) -> bool:
    """Only the manager sees one person's salary (the ledger's rows)."""
    return role is Role.MANAGER


def roles_for(role: Role | None, cells: list[MoneyCell]) -> list[MoneyCell]:
    """The per-role sums `role` may see; small roles merged, or [] when no breakdown is safe."""
    if sees_salaries(role):
        return cells
    large = [c for c in cells if c.persons >= MIN_PAID_PERSONS]
    small = [c for c in cells if c.persons < MIN_PAID_PERSONS]
    if not small:
        return large
    rest = MoneyCell(
        "",
        sum((c.amount for c in small), Decimal(0)),
        frozenset().union(*(c.people for c in small)),
        merged=True,
    )
    if rest.persons < MIN_PAID_PERSONS or not large:
        return []
    return [*large, rest]


def periods_for(role: Role | None, cells: list[MoneyCell]) -> list[MoneyCell]:
    """Per-period sums in order; for others than the manager a period with too few people is
    merged with the next (the last with the one before), labelled "first – last"."""
    if sees_salaries(role) or not cells:
        return cells
    out: list[MoneyCell] = []
    pending: MoneyCell | None = None
    for cell in cells:
        pending = cell if pending is None else _join(pending, cell)
        if pending.persons >= MIN_PAID_PERSONS:
            out.append(pending)
            pending = None
    if pending is not None:
        out.append(_join(out.pop(), pending) if out else pending)
    return out


def _join(first: MoneyCell, second: MoneyCell) -> MoneyCell:
    start = first.label.split(" – ")[0]
    return replace(
        first,
        label=f"{start} – {second.label.split(' – ')[-1]}",
        amount=first.amount + second.amount,
        people=first.people | second.people,
        merged=True,
    )
