"""The command line: template, import (with errors and --check), import-profiles, export."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlmodel import Session

from core.cli.main import main
from core.models import CompetenceProfile, Participant, Project
from tests.io.conftest import count, headers, participant, participants_book


def test_template_import_export_round(
    tmp_path: Path, project: Project, session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "t.xlsx"
    assert main(["template", "participants", str(template), "--lang", "fi"]) == 0
    assert "Osallistujat" in openpyxl.load_workbook(template).sheetnames
    data = tmp_path / "people.xlsx"
    data.write_bytes(participants_book(participant("P-1"), participant("P-2")))
    assert main(["import", str(data), "--check"]) == 0
    assert count(session, Participant) == 0
    assert main(["import", str(data)]) == 0
    assert "Participants: 2 created, 0 updated, 0 unchanged" in capsys.readouterr().out
    exported = tmp_path / "export.xlsx"
    assert main(["export", str(exported)]) == 0
    assert main(["import", str(exported)]) == 0
    assert "Participants: 0 created, 0 updated, 2 unchanged" in capsys.readouterr().out


def test_import_with_errors_writes_nothing(
    tmp_path: Path, project: Project, session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "bad.xlsx"
    data.write_bytes(participants_book(participant("P-1"), participant("P-2", gender="?")))
    assert main(["import", str(data), "--lang", "fi"]) == 2
    output = capsys.readouterr()
    assert "Participants, row 3, Gender" in output.out and "Nothing was written" in output.err
    assert count(session, Participant) == 0


def test_import_profiles_from_csv(tmp_path: Path, project: Project, session: Session) -> None:
    data = tmp_path / "anything.csv"
    rows = [
        "code,programme,spearhead,study_year,skills,interests,languages,available_for,available_from,consent_search",
        'PRF-1,SE-MSC,,3,Rust; embedded,robots,"en,fi","thesis, job",1.9.2026,yes',
    ]
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["import-profiles", str(data)]) == 0
    assert count(session, CompetenceProfile) == 1
    assert main(["import-profiles", str(tmp_path / "missing.csv")]) == 2
    assert headers("profiles")[0] == "Profile code"
