"""Session wiring: the engine module registers nothing; app.py, the command line and a second
call of `wire_sessions()` leave every listener registered exactly once."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, col, select

from core.meta import data_version
from core.models import AuditLog, Company, Project
from core.project.loading import DEFAULT_PROJECT_FILE
from core.wiring import sessions_wired, wire_sessions

REPO_ROOT = Path(__file__).resolve().parents[1]


def _python(code: str) -> str:
    """Run `code` in a fresh interpreter (no test fixture has wired it) and return its output."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.strip()


def test_importing_the_engine_and_the_listeners_registers_nothing() -> None:
    out = _python(
        """
        import core.db, core.meta, core.access.audit, core.access.locks, core.access.consent
        import core.io.imports.hooks
        from core.wiring import sessions_wired
        print(sessions_wired())
        """
    )
    assert out == "False"


def test_wiring_again_writes_one_audit_entry_and_one_version_per_change(
    session: Session,
) -> None:
    assert sessions_wired()
    wire_sessions()
    wire_sessions()
    before = data_version(session)
    session.add(Company(business_id="1572860-0", name="Wired Oy", size_class="small"))
    session.commit()
    entries = session.exec(select(AuditLog).where(AuditLog.entity == "company")).all()
    assert [e.action for e in entries] == ["create"]
    assert data_version(session) == before + 1


def test_the_command_line_wires_its_sessions(database_url: str, session: Session) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "core", "load-project", str(DEFAULT_PROJECT_FILE)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    created = session.exec(
        select(func.count())
        .select_from(AuditLog)
        .where(AuditLog.action == "create", col(AuditLog.entity).in_(["project", "target_group"]))
    ).one()
    assert session.exec(select(Project)).first() is not None
    assert created >= 2
    assert data_version(session) > 0


def test_the_app_wires_sessions_before_its_first_page(database_url: str) -> None:
    out = _python(
        f"""
        from streamlit.testing.v1 import AppTest
        from core.wiring import sessions_wired
        before = sessions_wired()
        at = AppTest.from_file({str(REPO_ROOT / "app.py")!r}, default_timeout=120).run()
        assert not at.exception, at.exception
        print(before, sessions_wired())
        """
    )
    assert out.splitlines()[-1] == "False True"
