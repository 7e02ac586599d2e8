"""Writes no page waits for: a search's audit entry while an import holds the write lock."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from core.access.audit import record_search
from core.db import wait_for_writes
from core.models import AuditLog, utcnow


def _searches(engine: Engine) -> list[AuditLog]:
    with Session(engine) as session:
        return list(session.exec(select(AuditLog).where(AuditLog.action == "search")).all())


def test_a_search_is_logged_at_once_when_nothing_else_writes(engine: Engine) -> None:
    assert record_search(username="sme", company_id=None, query="embedded Linux") is True
    assert [entry.detail for entry in _searches(engine)] == ["embedded Linux"]


def test_a_search_does_not_wait_for_an_import_and_its_log_follows(
    engine: Engine, database_url: str
) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL does not make an insert wait for another transaction")
    importer = sqlite3.connect(database_url.split("///", 1)[1], isolation_level=None)
    importer.execute("BEGIN IMMEDIATE")  # what an import's write phase holds for seconds
    asked = utcnow()
    try:
        written_now = record_search(username="sme", company_id=None, query="React front end")
        assert written_now is False  # handed over instead of waiting 10 s for the lock
        assert _searches(engine) == []  # readers are not blocked (WAL); nothing written yet
    finally:
        importer.execute("COMMIT")
        importer.close()
    assert wait_for_writes(timeout_s=20)
    [entry] = _searches(engine)
    assert entry.detail == "React front end" and entry.username == "sme"
    # Dated when the user searched, not when the lock freed.
    assert abs(entry.at.replace(tzinfo=None) - asked.replace(tzinfo=None)) < timedelta(seconds=1)
