"""The Payment claim page (manager only): the period's costs, indicators and pre-claim check on
demo data, marking a missing EURA form, and submitting the claim locks its period."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from core.access.navigation import PageName, pages_for
from core.codes import Role
from core.models import ClaimPeriod, PeriodLock, Project
from tests.pages.conftest import RunApp

DEMO_DAY = date(2026, 12, 4)
pytestmark = pytest.mark.demo(DEMO_DAY)  # the database starts with this demo world
PAGE = "pages/payment_claim.py"


@pytest.fixture
def demo(
    engine: Engine, session: Session, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.today", lambda: DEMO_DAY)


def _to_check(at: object) -> int:
    """The count in "N things to check before the claim."."""
    found = [w.value for w in at.warning if w.value.endswith("to check before the claim.")]  # type: ignore[attr-defined]
    assert len(found) == 1, found
    return int(found[0].split()[0])


def test_manager_prepares_and_submits_a_claim(app: RunApp, demo: None, session: Session) -> None:
    at = app(role="manager", page=PAGE)
    at.selectbox(key="claim_period").set_value("2026-1").run()
    costs = at.dataframe[0].value
    total = costs.set_index("Line").loc["Costs in total", "Amount (€)"]
    salaries = costs.set_index("Line").loc["Salaries", "Amount (€)"]
    assert total == pytest.approx(round(salaries * 1.4, 2), abs=0.02)
    indicators = at.dataframe[1].value
    assert "Women" in indicators.columns or "Woman" in " ".join(indicators.columns)
    before = _to_check(at)
    # Mark the first missing EURA form done: one thing fewer to check.
    at.button(key="FormSubmitter:claim_forms-Mark EURA form done").click().run()
    assert _to_check(at) == before - 1
    submit = "FormSubmitter:claim_submit_form-Mark the claim submitted"
    at.button(key=submit).click().run()  # not ticked: refused, nothing locked
    assert any(w.value.startswith("Tick the box first") for w in at.warning)
    assert session.exec(select(PeriodLock)).first() is None
    at.checkbox(key="claim_submit_sure").check()
    at.button(key=submit).click().run()
    assert not at.exception
    session.expire_all()
    claim = session.exec(select(ClaimPeriod).where(ClaimPeriod.code == "2026-1")).one()
    assert claim.submitted_at is not None
    lock = session.exec(select(PeriodLock)).one()
    assert (lock.start_date, lock.end_date, lock.label) == (
        date(2026, 1, 1),
        date(2026, 6, 30),
        "Claim 2026-1",
    )
    assert any("the period is locked" in s.value for s in at.success)


@pytest.mark.once  # wording in Finnish: core/i18n.py, the same on any database server; navigation
def test_finnish_and_not_for_steering(app: RunApp, demo: None) -> None:
    at = app(role="manager", lang="fi", page=PAGE)
    assert at.title[0].value == "Maksatushakemus"
    assert PageName.PAYMENT_CLAIM not in [p.title for p in pages_for(Role.STEERING)]
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app(role="steering", page=PAGE)
