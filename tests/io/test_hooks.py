"""Profile changes reach listeners (the search index) after commit, and only then."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlmodel import Session, select

from core.io.imports.hooks import on_profiles_changed, remove_listener
from core.models import CompetenceProfile
from tests.io.conftest import Importer, headers, xlsx


@pytest.fixture
def heard() -> Iterator[list[frozenset[int]]]:
    calls: list[frozenset[int]] = []

    def listener(ids: frozenset[int]) -> None:
        calls.append(ids)

    on_profiles_changed(listener)
    yield calls
    remove_listener(listener)


def _profiles(*rows: list[object]) -> bytes:
    return xlsx({"Profiles": [headers("profiles"), *rows]})


def test_listeners_hear_created_and_changed_profiles(
    heard: list[frozenset[int]], do_import: Importer, session: Session
) -> None:
    assert do_import(
        _profiles(["PRF-1", None, "CSE-MSC", None, 2, "Python", "", "en", "job", None, "yes"])
    ).ok
    ids = {p.id for p in session.exec(select(CompetenceProfile))}
    assert heard == [frozenset(ids)]
    do_import(
        _profiles(["PRF-1", None, "CSE-MSC", None, 2, "Python", "", "en", "job", None, "yes"])
    )
    assert len(heard) == 1  # nothing changed, nobody is told
    do_import(_profiles(["PRF-1", None, "CSE-MSC", None, 2, "Rust", "", "en", "job", None, "no"]))
    assert heard[-1] == frozenset(ids)  # new skills: the index must embed them again


def test_nothing_is_heard_when_the_import_fails(
    heard: list[frozenset[int]], do_import: Importer
) -> None:
    report = do_import(
        _profiles(["PRF-1", None, "CSE-MSC", None, 2], ["PRF-2", None, "CSE-MSC", None, 99])
    )
    assert not report.ok and heard == []
