"""Partnership numbers against the hand-made world (see world.py for the sums)."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlmodel import Session

from core.codes import Role
from core.dashboards.filters import Filters
from core.dashboards.partnerships import (
    commitment_ledger,
    company_detail,
    company_mix,
    new_companies_by_month,
    partnership_data,
)
from core.dashboards.views import partnership_view
from tests.dashboards.world import TODAY, World


def _rows(frame: pd.DataFrame, *keys: str) -> dict[tuple[object, ...], list[object]]:
    return {
        tuple(row[k] for k in keys): [v for c, v in row.items() if c not in keys]
        for row in frame.to_dict("records")
    }


def test_ledger_per_year_and_kind(session: Session, world: World, whole: Filters) -> None:
    ledger = commitment_ledger(session, world.project, whole)
    assert _rows(ledger, "year", "kind") == {
        (2025, "thesis_place"): [1, 1, 0, 0],
        (2026, "internship_place"): [2, 5, 4, 0],
        (2026, "scholarship"): [2, 3, 1, 8000],
    }


def test_ledger_over_the_period_counts_each_company_once(
    session: Session, world: World, whole: Filters
) -> None:
    kinds = commitment_ledger(session, world.project, whole, by_year=False)
    assert _rows(kinds, "kind") == {
        ("internship_place",): [2, 5, 4, 0],
        ("scholarship",): [2, 3, 1, 8000],
        ("thesis_place",): [1, 1, 0, 0],
    }


def test_period_picks_the_years_it_touches(session: Session, world: World) -> None:
    ledger = commitment_ledger(
        session, world.project, Filters(date(2025, 5, 1), date(2025, 12, 31))
    )
    assert ledger["year"].tolist() == [2025]


def test_company_mix_and_new_companies(session: Session, world: World, whole: Filters) -> None:
    mix = company_mix(session, world.project, whole)
    assert _rows(mix, "municipality", "size_class") == {
        ("Kempele", "micro"): [2],
        ("Oulu", "micro"): [5],
        ("Oulu", "small"): [1],
    }
    monthly = new_companies_by_month(session, world.project, whole, TODAY)
    counts = dict(zip(monthly["month"], monthly["companies"], strict=True))
    assert counts["2025-10"] == 5 and counts["2026-01"] == 1 and counts["2026-03"] == 1
    assert sum(counts.values()) == 8
    assert min(counts) == "2025-05" and max(counts) == "2026-11"  # up to today, not the end


def test_manager_sees_every_number(session: Session, world: World, whole: Filters) -> None:
    view = partnership_view(partnership_data(session, world.project, whole, TODAY), Role.MANAGER)
    assert view.committed.text.at["internship_place", "2026"] == "5"
    assert view.euros.text.at["scholarship", "total"] == "8000"
    assert view.mix.text.at["Oulu", "small"] == "1"
    assert not view.mix.any_hidden
    assert view.cumulative[-1] == ("2026-11", 8)
    assert len(view.cumulative) == len(view.new_companies.values) - 1  # every month, no total


def test_steering_sees_no_group_of_fewer_than_five(
    session: Session, world: World, whole: Filters
) -> None:
    view = partnership_view(partnership_data(session, world.project, whole, TODAY), Role.STEERING)
    # Two companies stand behind the 2026 internships: hidden, and so is anything that would
    # give them away by subtraction.
    assert view.committed.hidden.at["internship_place", "2026"]
    assert view.euros.hidden.at["scholarship", "2026"]
    assert view.mix.text.at["Oulu", "small"] == "<5"
    assert view.mix.text.at["Kempele", "micro"] == "<5"
    # With two towns, hiding Kempele's 2 hides Oulu's row as well (or 8 − Oulu gives it away);
    # the grand total stays.
    assert view.mix.text.at["Oulu", "micro"] == ".."
    assert view.mix.text.at["Oulu", "total"] == ".."
    assert view.mix.text.at["total", "total"] == "10"  # 8, rounded to the base
    assert view.mix.text.at["Oulu", "medium"] == "0"  # zero stays zero
    assert pd.isna(view.mix.values.at["Oulu", "small"])  # hidden is missing, never 0
    months = view.new_companies.text["count"]
    # 1 + 1 + 1 is still a small group, so October's 5 goes too; the total stays.
    assert months[["2025-10", "2026-01", "2026-02", "2026-03"]].tolist() == ["..", "<5", "<5", "<5"]
    assert months["total"] == "10"  # 8, rounded
    # The cumulative line cannot show any month from October on without revealing one.
    assert view.cumulative[-1] == ("2026-11", 10)  # 8, rounded
    assert [m for m, _ in view.cumulative if "2025-10" <= m < "2026-11"] == []


def test_company_drill_down(session: Session, world: World) -> None:
    detail = company_detail(session, world.project, world.companies["Alpha Oy"])
    assert detail is not None
    assert detail.joined_on == date(2025, 10, 3)
    assert detail.commitments[["year", "kind", "committed", "delivered"]].values.tolist() == [
        [2026, "internship_place", 2, 1],
        [2026, "scholarship", 1, 1],
    ]
    assert detail.events[["code", "people"]].values.tolist() == [["E4", 1], ["E2", 1]]
    assert company_detail(session, world.project, "9999999-9") is None
