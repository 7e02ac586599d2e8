"""Security tests run the real app too: the `app` fixture of the page tests; and one demo world
for the attack suites (seeding takes seconds; the attacks only read it)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from core.db import make_engine
from core.demo.seed import seed_demo
from core.project.definition import read_definition
from core.project.loading import DEFAULT_PROJECT_FILE, load_project
from tests.pages.conftest import app  # noqa: F401
from tests.security.attack import ATTACK_DAY


@pytest.fixture(scope="session")
def demo(_sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """The demo world on `ATTACK_DAY`, shared by every attack module of this worker."""
    path = tmp_path_factory.mktemp("attack") / "demo.db"
    shutil.copy(_sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    with Session(engine) as session:
        load_project(read_definition(DEFAULT_PROJECT_FILE), session=session)
        session.commit()
    seed_demo(engine=engine, today=ATTACK_DAY)
    yield engine
    engine.dispose()
