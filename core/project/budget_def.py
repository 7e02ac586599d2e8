"""The budget part of a project definition: cost lines, a flat rate of a named base, funding
shares, payment-claim periods; checked so that its parts add up before anything is written.

A flat rate is a rate of another cost line (40 % of salaries), never a fixed sum: what the funder
pays is the rate of the salaries actually paid. A funding line is a share of the total. An
amount written next to a rate must be that rate of its base to the euro (the funding decision
rounds to whole euros), and the funding lines must add up to the costs.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from pydantic import Field, model_validator

from core.codes import MaxLength
from core.project.fields import Period, Strict

HUNDRED = Decimal(100)
# Amounts in the funding decision are whole euros, each rounded on its own.
ROUNDING_TOLERANCE = Decimal("0.5")


def euros(value: Decimal) -> str:
    """`177820` → `177,820 €` (the definition's errors are in English, like the file)."""
    return f"{value.quantize(Decimal(1), rounding=ROUND_HALF_UP):,} €"


def rate_of(percent: Decimal, base: Decimal) -> Decimal:
    """`percent` % of `base`, rounded to the cent (half up, as the ledger rounds)."""
    return (base * percent / HUNDRED).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


class BudgetLineDef(Strict):
    """A cost or funding line: a fixed amount, or a rate (`percent`) of a base.

    A cost line's base is another cost line (`base: salaries`); a funding line's base is the
    total of the costs, so it takes no `base`.
    """

    code: str = Field(min_length=1, max_length=MaxLength.CODE)
    label: str = Field(min_length=1)
    label_fi: str = ""
    amount_eur: Decimal | None = Field(default=None, ge=0)
    percent: Decimal | None = Field(default=None, gt=0, le=100)
    base: str | None = None

    @model_validator(mode="after")
    def _amount_or_rate(self) -> BudgetLineDef:
        if self.amount_eur is None and self.percent is None:
            raise ValueError(f"{self.code}: give amount_eur, percent, or both")
        if self.base is not None and self.percent is None:
            raise ValueError(f"{self.code}: base {self.base!r} needs a percent")
        return self


class ClaimPeriodDef(Period):
    """One payment-claim period (maksatushakemuskausi)."""

    code: str = Field(min_length=1, max_length=MaxLength.CODE)


class BudgetDef(Strict):
    costs: list[BudgetLineDef] = Field(default_factory=list)
    funding: list[BudgetLineDef] = Field(default_factory=list)
    # The cost line the ledger's salary costs count towards.
    salary_line: str = "salaries"
    # The total as the funding decision states it; checked against the sum of the cost lines.
    total_eur: Decimal | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _adds_up(self) -> BudgetDef:
        amounts = self._cost_amounts()
        if not self.costs:
            return self
        if self.salary_line not in amounts or self._line(self.salary_line).percent is not None:
            raise ValueError(
                f"budget.salary_line: {self.salary_line!r} is not a fixed cost line "
                f"(known: {', '.join(line.code for line in self.costs)})"
            )
        total = sum(amounts.values(), Decimal(0))
        if self.total_eur is not None and abs(self.total_eur - total) >= ROUNDING_TOLERANCE:
            raise ValueError(
                f"budget.total_eur: {euros(self.total_eur)} is not the sum of the cost lines "
                f"({euros(total)})"
            )
        self._check_funding(total)
        return self

    def _line(self, code: str) -> BudgetLineDef:
        return next(line for line in self.costs if line.code == code)

    def _cost_amounts(self) -> dict[str, Decimal]:
        """Every cost line's amount; a rate line's from its base (which must be fixed)."""
        fixed = {line.code: line.amount_eur for line in self.costs if line.percent is None}
        amounts: dict[str, Decimal] = {}
        for i, line in enumerate(self.costs):
            where = f"budget.costs[{i}] ({line.code})"
            if line.percent is None:
                assert line.amount_eur is not None
                amounts[line.code] = line.amount_eur
                continue
            base_amount = fixed.get(line.base or "")
            if base_amount is None:
                raise ValueError(
                    f"{where}: a rate needs a base that is a fixed cost line "
                    f"(known: {', '.join(code for code in fixed) or 'none'}), not {line.base!r}"
                )
            amounts[line.code] = _checked(where, line, base_amount, f"{line.base}")
        return amounts

    def _check_funding(self, total: Decimal) -> None:
        if not self.funding:
            return
        shares: list[Decimal] = []
        for i, line in enumerate(self.funding):
            where = f"budget.funding[{i}] ({line.code})"
            if line.base is not None:
                raise ValueError(f"{where}: a funding share is a rate of the total; drop base")
            fixed = line.amount_eur if line.amount_eur is not None else Decimal(0)
            shares.append(_checked(where, line, total, "the total") if line.percent else fixed)
        percents = [line.percent for line in self.funding if line.percent is not None]
        if len(percents) == len(self.funding) and sum(percents) != HUNDRED:
            raise ValueError(
                f"budget.funding: the shares add up to {sum(percents)} %, not 100 % "
                f"({', '.join(f'{line.code} {line.percent} %' for line in self.funding)})"
            )
        funded = sum(shares, Decimal(0))
        if abs(funded - total) >= ROUNDING_TOLERANCE * len(self.funding):
            last = self.funding[-1]
            raise ValueError(
                f"budget.funding[{len(self.funding) - 1}] ({last.code}): the funding lines add "
                f"up to {euros(funded)}, the costs to {euros(total)} "
                f"(a difference of {euros(total - funded)})"
            )

    def amounts(self) -> dict[str, Decimal]:
        """Every line's planned amount, derived where the file gives a rate only."""
        costs = self._cost_amounts()
        total = sum(costs.values(), Decimal(0))
        funding = {
            line.code: line.amount_eur
            if line.amount_eur is not None
            else rate_of(line.percent or Decimal(0), total)
            for line in self.funding
        }
        return {**costs, **funding}


def _checked(where: str, line: BudgetLineDef, base: Decimal, base_name: str) -> Decimal:
    """The amount of a rate line: `percent` of `base`; a stated amount must agree to the euro."""
    assert line.percent is not None
    derived = rate_of(line.percent, base)
    if line.amount_eur is not None and abs(line.amount_eur - derived) >= ROUNDING_TOLERANCE:
        raise ValueError(
            f"{where}: {euros(line.amount_eur)} is not {line.percent} % of {base_name} "
            f"({euros(base)}), which is {euros(derived)}"
        )
    return line.amount_eur if line.amount_eur is not None else derived


def budget_summary(budget: BudgetDef) -> str:
    """The derived amounts in one line, as `load-project` prints them."""
    if not budget.costs:
        return "No cost lines in the budget."
    amounts = budget.amounts()
    total = sum((amounts[line.code] for line in budget.costs), Decimal(0))

    def part(line: BudgetLineDef) -> str:
        rate = f" ({line.percent} % of {line.base or 'the total'})" if line.percent else ""
        return f"{line.label} {euros(amounts[line.code])}{rate}"

    costs = " + ".join(part(line) for line in budget.costs)
    funding = ", ".join(part(line) for line in budget.funding)
    return f"Budget {euros(total)}: {costs}" + (f"; funding: {funding}" if funding else "")
