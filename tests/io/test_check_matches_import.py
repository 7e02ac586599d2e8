"""A check (`--check`, the Import page's preview) and the import never disagree.

The case that started it: moving profile SP-D62VP to P-000002, who already has a profile,
passed `--check` and then failed with "The database refused the change (UNIQUE constraint
failed…)". The check now runs the import's own writes in a savepoint it rolls back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session, select

from core.cli.main import main
from core.io.imports.importer import ImportReport
from core.models import CompetenceProfile, Participant, Project
from tests.io.conftest import Importer, headers, participant, xlsx
from tests.people import participant as stored_participant
from tests.people import profile as stored_profile


def _owners(session: Session) -> dict[str, str | None]:
    session.expire_all()
    query = select(CompetenceProfile.code, Participant.code).join(
        Participant, Participant.id == CompetenceProfile.participant_id, isouter=True
    )
    return dict(session.exec(query).all())


def _where(report: ImportReport) -> list[tuple[str, str, int | None, str]]:
    return [(p.key, p.sheet, p.row, p.column) for p in report.errors]


@pytest.fixture
def two_students(session: Session, project: Project) -> dict[str, str | None]:
    first = stored_participant(session, project, "P-000001")
    second = stored_participant(session, project, "P-000002")
    stored_profile(session, project, first, code="SP-D62VP")
    stored_profile(session, project, second, code="SP-K7Q2M")
    session.commit()
    return _owners(session)


def _profiles(*rows: tuple[str, str]) -> bytes:
    cells = [[code, person, "CSE-MSC", None, 2, "Python", "", "en", "job", None, None]
             for code, person in rows]  # fmt: skip
    return xlsx({"Profiles": [headers("profiles"), *cells]})


def test_moving_a_profile_onto_a_student_who_has_one(
    tmp_path: Path,
    do_import: Importer,
    session: Session,
    two_students: dict[str, str | None],
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = tmp_path / "move.xlsx"
    data.write_bytes(_profiles(("SP-D62VP", "P-000002")))
    check, real = do_import(data.read_bytes(), write=False), do_import(data.read_bytes())
    assert (
        _where(check)
        == _where(real)
        == [("io.err.participant_has_profile", "Profiles", 2, "Participant code")]
    )
    assert "P-000002 already has profile SP-K7Q2M" in real.errors[0].message("en")
    assert _owners(session) == two_students
    # The command line: --check fails as the import does, with the same words.
    assert main(["import", str(data), "--check"]) == 2
    checked = capsys.readouterr().out
    assert main(["import", str(data)]) == 2
    assert "Profiles, row 2, Participant code" in checked
    assert checked.splitlines()[0] == capsys.readouterr().out.splitlines()[0]


def test_a_rule_only_the_database_knows_is_found_by_the_check_with_its_row(
    do_import: Importer, session: Session, two_students: dict[str, str | None]
) -> None:
    """Swapping two students' profiles: every row is fine on its own and the file as a whole
    is consistent, but the database refuses the first update (the unique column is checked
    row by row). The check finds it as the import does, and names the rows."""
    data = _profiles(("SP-D62VP", "P-000002"), ("SP-K7Q2M", "P-000001"))
    check, real = do_import(data, write=False), do_import(data)
    assert _where(check) == _where(real)
    assert {(key, row, column) for key, _sheet, row, column in _where(real)} == {
        ("io.err.database_row", 2, "Participant code"),
        ("io.err.database_row", 3, "Participant code"),
    }
    assert "participant_id" in real.errors[0].message("en")
    assert not check.written and not real.written
    assert _owners(session) == two_students


def test_a_check_leaves_nothing_behind_and_the_import_then_writes(
    do_import: Importer, session: Session, project: Project
) -> None:
    book = xlsx({"Participants": [headers("participants"), participant("P-1"), participant("P-2")]})
    check = do_import(book, write=False)
    assert check.ok and not check.written and check.counts()["Participants"]["created"] == 2
    assert session.exec(select(Participant)).all() == []
    real = do_import(book)
    assert real.written and real.counts() == check.counts()
    assert len(session.exec(select(Participant)).all()) == 2


def test_two_profiles_for_one_new_participant_in_one_file(
    do_import: Importer, session: Session
) -> None:
    row = ["PRF-1", "P-1", "CSE-MSC", None, 2, "Python", "", "en", "job", None, None]
    book = xlsx(
        {
            "Participants": [headers("participants"), participant("P-1")],
            "Profiles": [headers("profiles"), row, ["PRF-2", *row[1:]]],
        }
    )
    report = do_import(book)
    assert _where(report) == [("io.err.participant_has_profile", "Profiles", 3, "Participant code")]
    assert session.exec(select(Participant)).all() == []
