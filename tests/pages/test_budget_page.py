"""The Budget page per role: the manager sees the ledger's months, steering sees sums that hold
no one's salary; an SME user cannot open it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from core.access.navigation import PageName, pages_for
from core.codes import Role
from core.models import Project
from tests.pages.conftest import RunApp

DEMO_DAY = date(2026, 12, 4)
pytestmark = pytest.mark.demo(DEMO_DAY)  # the database starts with this demo world
PAGE = "pages/budget.py"


@pytest.fixture
def demo(
    engine: Engine, session: Session, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.today", lambda: DEMO_DAY)


def _frames(at: object) -> list[object]:
    return [frame.value for frame in at.dataframe]  # type: ignore[attr-defined]


def test_manager_sees_lines_roles_and_months(app: RunApp, demo: None) -> None:
    at = app(role="manager", page=PAGE)
    assert at.title[0].value == "Budget and spending"
    lines = _frames(at)[0]
    assert list(lines["Line"])[:3] == ["Salaries", "Flat rate 40 % of salaries", "Costs in total"]
    salaries, flat = lines["Spent (€)"][0], lines["Spent (€)"][1]
    assert flat == pytest.approx(round(salaries * 0.4, 2), abs=0.01)  # 40 % of what was paid
    roles = _frames(at)[2]
    assert "Project manager" in list(roles["Role"])  # one person: the manager may see it
    assert any(e.label == "Salaries by month and role" for e in at.expander)
    assert len(at.get("plotly_chart")) == 1


def test_steering_never_sees_one_persons_salary(app: RunApp, demo: None) -> None:
    at = app(role="steering", page=PAGE)
    roles = _frames(at)[2]
    assert list(roles["Role"]) == ["Research assistant", "Other roles"]
    assert not any(e.label == "Salaries by month and role" for e in at.expander)
    assert any("at least 3 people" in c.value for c in at.caption)
    # The cost per participant divides by the published (rounded) count.
    note = next(c.value for c in at.caption if "participants and" in c.value)
    assert "325 participants" in note


@pytest.mark.once  # wording in Finnish: core/i18n.py, the same on any database server
def test_finnish_page(app: RunApp, demo: None) -> None:
    at = app(role="steering", lang="fi", page=PAGE)
    assert at.title[0].value == "Budjetti ja kustannukset"
    assert _frames(at)[0]["Rivi"].iloc[0] == "Palkkakustannukset"


@pytest.mark.once  # who may open a page: core/access/navigation, not the database
@pytest.mark.parametrize("role", [Role.SME])
def test_other_roles_cannot_open_it(app: RunApp, demo: None, role: Role) -> None:
    assert PageName.BUDGET not in [page.title for page in pages_for(role)]
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app(role=role.value, page=PAGE)


def test_salary_costs_can_be_entered_on_the_records_page(app: RunApp, demo: None) -> None:
    at = app(role="manager", page="pages/data_records.py")
    at.segmented_control(key="records_kind").set_value("salary_costs").run()
    assert not at.exception
    # The demo's ledger, May 2025 – November 2026 (19 months): manager 19, coordinator 19,
    # researchers 16 + 15, assistants in term months 12 + 12 + 8 = 101 rows.
    assert at.caption[0].value.startswith("101 records")
