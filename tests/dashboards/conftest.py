"""The hand-made world of `tests/dashboards/world.py` on this test's database."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from core.dashboards.filters import Filters
from core.models import Project
from tests.dashboards.world import World, build_world


@pytest.fixture
def world(session: Session, project: Project) -> World:
    return build_world(session, project)


@pytest.fixture
def whole(world: World) -> Filters:
    return Filters.whole(world.project)
