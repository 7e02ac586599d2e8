"""ui's reads and units of work on a real database: what a page's change leaves behind."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

import ui
from core.access.users import UserError
from core.models import Company, Project


def _company(name: str) -> Company:
    return Company(business_id="0201256-6", name=name, size_class="micro")


def _names(session: Session) -> list[str]:
    session.expire_all()
    return [c.name for c in session.exec(select(Company))]


def test_a_unit_of_work_commits_when_the_block_ends(session: Session) -> None:
    with ui.unit_of_work() as db:
        db.add(_company("Kept Oy"))
    assert _names(session) == ["Kept Oy"]


def test_a_refusal_leaves_nothing_half_written(session: Session) -> None:
    with pytest.raises(UserError), ui.unit_of_work() as db:
        db.add(_company("Half Oy"))
        db.flush()  # written to the transaction, not yet committed
        raise UserError("users.err.not_found")
    assert _names(session) == []


def test_a_read_never_writes(session: Session) -> None:
    with ui.reading() as db:
        db.add(_company("Read Oy"))
        db.flush()
    assert _names(session) == []


def test_require_project_hands_back_the_loaded_project(project: Project) -> None:
    found = ui.require_project()
    assert (found.id, found.code) == (project.id, project.code)
    assert found.start_date == project.start_date  # usable after its session has closed
