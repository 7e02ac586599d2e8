"""The budget in the project definition: derived amounts, and budgets that do not add up refused
with the line named (and nothing written)."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from core.models import BudgetLine, ClaimPeriod, Project
from core.project.definition import ProjectDefinitionError, parse_definition
from core.project.loading import DEFAULT_PROJECT_FILE, load_project_file


def _oulu() -> dict[str, Any]:
    loaded = yaml.safe_load(DEFAULT_PROJECT_FILE.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def _refused(raw: dict[str, Any]) -> str:
    with pytest.raises(ProjectDefinitionError) as caught:
        parse_definition(raw)
    return str(caught.value)


def test_oulu_budget_amounts_follow_from_the_rates() -> None:
    budget = parse_definition(_oulu()).budget
    # 40 % of 444,549 = 177,819.60 -> 177,820; 80 % of 622,369 = 497,895.20 -> 497,895;
    # 20 % = 124,473.80 -> 124,474 (each rounded to the euro, as the funding decision does).
    assert budget.amounts() == {
        "salaries": Decimal(444549),
        "flat_rate_40": Decimal(177820),
        "eu_state": Decimal(497895),
        "own": Decimal(124474),
    }


def test_a_rate_without_a_stated_amount_is_derived() -> None:
    raw = _oulu()
    del raw["budget"]["costs"][1]["amount_eur"]
    for line in raw["budget"]["funding"]:
        del line["amount_eur"]
    amounts = parse_definition(raw).budget.amounts()
    assert amounts["flat_rate_40"] == Decimal("177819.60")
    # The total is then 444,549 + 177,819.60 = 622,368.60: 80 % is 497,894.88, 20 % 124,473.72.
    assert amounts["eu_state"] == Decimal("497894.88")
    assert amounts["own"] == Decimal("124473.72")


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda b: b["costs"][1].update(amount_eur=170000), "budget.costs[1] (flat_rate_40)"),
        (lambda b: b["costs"][1].update(base="travel"), "budget.costs[1] (flat_rate_40)"),
        (lambda b: b.update(total_eur=600000), "budget.total_eur"),
        (lambda b: b["funding"][1].update(amount_eur=100000), "budget.funding[1] (own)"),
        (lambda b: b["funding"][1].update(percent=25), "budget.funding[1] (own)"),
        (
            lambda b: (
                [line.pop("percent") for line in b["funding"]]
                and b["funding"][1].update(amount_eur=120000)
            ),
            "budget.funding[1] (own)",
        ),
        (lambda b: b.update(salary_line="flat_rate_40"), "budget.salary_line"),
    ],
)
def test_a_budget_that_does_not_add_up_is_refused_naming_the_line(change: Any, named: str) -> None:
    raw = copy.deepcopy(_oulu())
    change(raw["budget"])
    assert named in _refused(raw)


def test_overlapping_claim_periods_are_refused() -> None:
    raw = _oulu()
    raw["payment_claims"][1]["start"] = "2025-12"
    assert "payment_claims[1] (2026-1)" in _refused(raw)
    raw = _oulu()
    raw["last_payment_date"] = "2027-06-30"
    assert "last_payment_date" in _refused(raw)


def test_loading_stores_rates_claims_and_last_payment(engine: Engine, session: Session) -> None:
    project = load_project_file(DEFAULT_PROJECT_FILE)
    lines = {line.code: line for line in session.exec(select(BudgetLine))}
    flat = lines["flat_rate_40"]
    assert (flat.percent, flat.base_code, flat.amount_eur) == (40, "salaries", 177820)
    assert lines["salaries"].is_salaries and not flat.is_salaries
    assert lines["eu_state"].percent == 80 and lines["eu_state"].base_code is None
    claims = session.exec(select(ClaimPeriod).order_by(ClaimPeriod.start_date)).all()
    assert [c.code for c in claims] == ["2025-2", "2026-1", "2026-2", "2027-1", "2027-2"]
    assert str(project.last_payment_date) == "2028-06-30"


def test_a_refused_budget_writes_nothing(engine: Engine, session: Session, tmp_path: Path) -> None:
    raw = _oulu()
    raw["budget"]["costs"][0]["amount_eur"] = 450000  # the flat rate no longer matches
    path = tmp_path / "project.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ProjectDefinitionError, match=r"budget.costs\[1\] \(flat_rate_40\)"):
        load_project_file(path)
    assert session.exec(select(Project)).first() is None


def test_load_project_prints_the_derived_amounts_or_names_the_bad_line(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from core.cli.main import main

    assert main(["load-project", str(DEFAULT_PROJECT_FILE)]) == 0
    out = capsys.readouterr().out
    assert "Budget 622,369 €: Salaries 444,549 € + Flat rate 40 % of salaries 177,820 €" in out
    assert "EU and state funding 497,895 € (80 % of the total)" in out
    assert "Own funding (other public) 124,474 € (20 % of the total)" in out
    raw = _oulu()
    raw["budget"]["funding"][0]["amount_eur"] = 497000
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    assert main(["load-project", str(path)]) != 0
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert "budget.funding[0] (eu_state): 497,000 € is not 80 % of the total" in text
    assert "Nothing was written." in text
