"""No personal field reaches the steering group or a company, on any page they can open.

Runs on demo data (hundreds of generated people with names, e-mail addresses and student
numbers) and every page `core.access.navigation` gives those roles, so pages added later are checked
too.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from core.access.navigation import PageSpec, pages_for
from core.codes import Role
from core.models import Participant, Project
from tests.pages.conftest import RunApp
from tests.security.helpers import page_text

pytestmark = pytest.mark.demo(date(2026, 11, 1))  # the database starts with this demo world
OUTSIDE = [(role, spec) for role in (Role.STEERING, Role.SME) for spec in pages_for(role)]


@pytest.fixture
def people(engine: Engine, project: Project, session: Session) -> list[Participant]:
    return list(session.exec(select(Participant)))


def _identifying(people: list[Participant]) -> list[str]:
    values = []
    for person in people:
        values += [person.email, person.student_number, f"{person.first_name} {person.last_name}"]
    return [v for v in values if v and len(v) > 5]


@pytest.mark.parametrize(
    "case", OUTSIDE, ids=[f"{role.value}-{spec.url_path}" for role, spec in OUTSIDE]
)
def test_no_name_email_or_student_number_on_screen(
    app: RunApp, people: list[Participant], case: tuple[Role, PageSpec]
) -> None:
    role, spec = case
    if spec.url_path == "logout":
        return
    at = app(role.value, page=spec.path)
    text = page_text(at)
    leaked = [value for value in _identifying(people) if value in text]
    assert not leaked, f"{role.value} sees {leaked[:3]} on {spec.url_path}"


def test_the_demo_has_people_to_leak(people: list[Participant]) -> None:
    assert len(_identifying(people)) > 300
