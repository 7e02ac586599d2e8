"""The data-management pages as the manager sees them; steering and SME users cannot open them."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlmodel import Session, select
from streamlit.testing.v1 import AppTest

from core.access.navigation import pages_for
from core.codes import Role
from core.models import Participant, PeriodLock, Project, TargetGroup
from tests.pages.conftest import APP, REPO_ROOT, RunApp

DATA_PAGES = [
    ("pages/data_import.py", "Import from Excel or CSV"),
    ("pages/data_records.py", "Records"),
    ("pages/followups.py", "Follow-ups due"),
    ("pages/data_exports.py", "Exports"),
    ("pages/period_locks.py", "Period locks"),
]


def _left(session: Session, project: Project, code: str, exit_date: date) -> None:
    group = session.exec(select(TargetGroup)).first()
    assert group is not None
    session.add(
        Participant(
            project_id=project.id,
            code=code,
            target_group_id=group.id,
            entry_status="in_education",
            gender="woman",
            age_band="18-29",
            isced="5-8",
            entry_date=date(2025, 9, 1),
            exit_date=exit_date,
            first_name="Anna",
            last_name="Virtanen",
        )
    )
    session.commit()


@pytest.mark.parametrize(("page", "title"), DATA_PAGES)
def test_manager_opens_every_data_page(
    app: RunApp, project: Project, page: str, title: str
) -> None:
    at = app(role="manager", page=page)
    assert at.title[0].value == title


@pytest.mark.once  # who may open a page: core/access/navigation, not the database
@pytest.mark.parametrize("role", [Role.STEERING, Role.SME])
def test_steering_and_sme_cannot_open_data_pages(app: RunApp, project: Project, role: Role) -> None:
    allowed = {spec.path for spec in pages_for(role)}
    for page, title in DATA_PAGES:
        assert page not in allowed
        if not allowed:
            continue  # this role has no pages at all yet: nothing can be opened
        at = AppTest.from_file(APP, default_timeout=60)
        at.session_state["role"] = role.value
        at.run()
        assert all(t.value != title for t in at.title)
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(str(REPO_ROOT / page))


@pytest.mark.once  # wording in Finnish: core/i18n.py, the same on any database server
def test_data_pages_in_finnish(app: RunApp, project: Project) -> None:
    at = app(role="manager", lang="fi", page="pages/period_locks.py")
    assert at.title[0].value == "Kausilukitukset"


def test_records_page_lists_participants(app: RunApp, project: Project, session: Session) -> None:
    _left(session, project, "P-7", date(2026, 1, 31))
    at = app(page="pages/data_records.py")
    assert "1 records" in at.caption[0].value


def test_followups_page_shows_who_is_overdue(
    app: RunApp, project: Project, session: Session
) -> None:
    _left(session, project, "P-1", date(2025, 10, 1))
    at = app(page="pages/followups.py")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Overdue"] == "2"  # both the 28-day and the 6-month answers


def test_lock_a_period_from_the_page(app: RunApp, project: Project, session: Session) -> None:
    at = app(page="pages/period_locks.py")
    at.selectbox(key="locks_period").select("2026 H1")
    at.text_input(key="locks_note").input("payment claim 2")
    at.button[0].click().run()
    assert not at.exception
    lock = session.exec(select(PeriodLock)).one()
    assert (lock.label, lock.start_date, lock.end_date) == (
        "2026 H1",
        date(2026, 1, 1),
        date(2026, 6, 30),
    )


def test_followups_editor_names_kinds_and_answers_in_words(
    app: RunApp, project: Project, session: Session
) -> None:
    _left(session, project, "P-1", date(2025, 10, 1))
    at = app(page="pages/followups.py", lang="fi")
    settings = json.loads(at.dataframe[0].proto.columns)  # the editor's column settings
    kinds = {o["value"]: o["label"] for o in settings["kind"]["type_config"]["options"]}
    assert kinds == {"28_days": "28 päivää päättymisestä", "6_months": "6 kuukautta päättymisestä"}
    answers = {o["value"]: o["label"] for o in settings["status"]["type_config"]["options"]}
    assert answers["employed"] == "Työssä"
