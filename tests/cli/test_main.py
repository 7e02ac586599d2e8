"""The command line: help, migrate, and loading project files (good and bad)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import Session, select

from core.access.incidents import log_file
from core.cli.base import COMMANDS
from core.cli.main import main
from core.db import get_engine
from core.models import AuditLog
from core.project.loading import DEFAULT_PROJECT_FILE
from core.search.service import SearchInputError

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_help_lists_the_commands() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "core", "--help"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    for name in ("migrate", "load-project", "seed-demo", "setup"):
        assert name in result.stdout


def test_migrate_and_load_project(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["migrate"]) == 0
    assert main(["load-project", str(DEFAULT_PROJECT_FILE)]) == 0
    assert "Loaded project OULU-ICT-2025" in capsys.readouterr().out


def test_bad_project_file_names_the_field(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        DEFAULT_PROJECT_FILE.read_text(encoding="utf-8").replace(
            "{indicator: companies, value: 50}", "{indicator: companies, value: -50}"
        ),
        encoding="utf-8",
    )
    assert main(["load-project", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "targets.3.value" in err and "Nothing was written" in err
    assert err.startswith("error: ") and err.count("\n") == 1  # one line, for scripts


def test_a_refusal_no_command_expected_is_one_english_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(_args: object) -> int:
        raise SearchInputError("search.err.no_words")

    monkeypatch.setitem(COMMANDS, "refuse", ("always refuses", None, refuse))
    assert main(["refuse"]) == 2
    assert capsys.readouterr().err == (
        "error: Your search has no words in it. Describe the skills in words, "
        "e.g. “React developer”.\n"
    )


def test_import_without_a_project_says_so_in_one_line(database_url: str, tmp_path: Path) -> None:
    # The reported case: `python -m core import FILE` on a database where no project is loaded.
    template = tmp_path / "participants.xlsx"
    assert main(["template", "participants", str(template)]) == 0
    result = subprocess.run(
        [sys.executable, "-m", "core", "import", str(template)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        "error: Project 'OULU-ICT-2025' is not in the database; "
        "run `python -m core load-project FILE`."
    ]


def test_an_unexpected_error_prints_a_reference_and_logs_the_traceback(
    database_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_args: object) -> int:
        return {"a": 1}["b"]  # a bug: a KeyError is not a "not found" for the user

    help_text, arguments, _handler = COMMANDS["migrate"]
    monkeypatch.setitem(COMMANDS, "migrate", (help_text, arguments, broken))
    assert main(["migrate"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    match = re.search(r"reference ([0-9a-f]{8})\)", err)
    assert match is not None, err
    reference = match.group(1)
    log = log_file().read_text(encoding="utf-8")
    assert str(log_file()) in err
    assert "KeyError: 'b'" in log[log.index(f"ref={reference} in cli:migrate") :]
    with Session(get_engine()) as session:
        entry = session.exec(select(AuditLog).where(AuditLog.action == "error")).one()
    assert (entry.entity_key, entry.entity, entry.username) == (
        reference,
        "cli:migrate",
        "cli:migrate",
    )
