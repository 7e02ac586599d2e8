"""The command line: help, migrate, and loading project files (good and bad)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from core.cli.base import COMMANDS
from core.cli.main import main
from core.project.loading import DEFAULT_PROJECT_FILE
from core.search.service import SearchInputError

REPO_ROOT = Path(__file__).resolve().parents[1]


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
