"""The competence commands: map-skills (real model), competence-report, import-reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document
from sqlmodel import Session, select

from core.cli.main import main
from core.models import Project, Report
from tests.competence.conftest import MakeParticipant


@pytest.mark.model
def test_map_skills_prints_one_json_line_per_input_line(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "texts.txt"
    source.write_text("I built a REST API with PostgreSQL.\n\nOsaan Pythonia.\n", encoding="utf-8")
    assert main(["map-skills", str(source)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["line"] for line in lines] == [1, 2, 3]
    first = lines[0]["skills"]
    assert {"uri", "label", "confidence", "claimed", "score", "evidence"} == set(first[0])
    assert len(first) == 5  # the default --top
    claimed = {s["label"] for s in first if s["claimed"]}
    assert "PostgreSQL" in claimed
    assert all(0 <= s["confidence"] <= 1 for s in first)
    assert lines[1]["skills"] == []
    assert "Python (computer programming)" in {s["label"] for s in lines[2]["skills"]}


@pytest.mark.model
def test_map_skills_ranks_short_finnish_inputs_instead_of_returning_nothing(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Inputs for which the threshold-only output was empty (issue 16).
    source = tmp_path / "texts.txt"
    source.write_text(
        "SAS-kieli\ninkrementaalinen kehittäminen\nanalysoida verkossa olevaa tietoa\n",
        encoding="utf-8",
    )
    assert main(["map-skills", str(source), "--top", "2"]) == 0
    lines = [json.loads(line)["skills"] for line in capsys.readouterr().out.splitlines()]
    assert [len(skills) for skills in lines] == [2, 2, 2]
    assert "SAS language" in {s["label"] for s in lines[0]}
    assert lines[1][0]["label"] == "Incremental development"
    assert main(["map-skills", str(source), "--top", "0"]) == 2
    assert "--top must be between 1 and 50" in capsys.readouterr().err


def test_map_skills_refuses_an_unreadable_file(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa")
    assert main(["map-skills", str(bad)]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_competence_report_writes_markdown_and_word(
    session: Session, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cse.md"
    assert main(["competence-report", "CSE-MSC", "--lang", "fi", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Tietotekniikka (DI)")
    word = tmp_path / "cse.docx"
    assert main(["competence-report", "cse-msc", "--out", str(word)]) == 0
    assert Document(str(word)).paragraphs[0].text == "Computer Science and Engineering (MSc)"
    assert main(["competence-report", "NOPE", "--out", str(out)]) == 2
    assert main(["competence-report", "CSE-MSC", "--out", str(tmp_path / "x.pdf")]) == 2


def test_import_reports_from_a_folder(
    session: Session,
    project: Project,
    make_participant: MakeParticipant,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SILTA_EMBEDDER", "hashing")
    from core.config import get_settings

    get_settings.cache_clear()
    make_participant("P-000010")
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "P-000010_harjoittelu.txt").write_text("Tein Django-sovelluksen.", encoding="utf-8")
    (folder / "notes.md").write_text("ignored", encoding="utf-8")
    assert main(["import-reports", str(folder), "--kind", "internship"]) == 0
    assert "1 new, 0 replaced" in capsys.readouterr().out
    (folder / "P-999999_x.txt").write_text("Java", encoding="utf-8")
    assert main(["import-reports", str(folder)]) == 2
    assert "P-999999" in capsys.readouterr().err
    session.expire_all()
    assert len(session.exec(select(Report)).all()) == 1
