"""The import's check shows what companies will not see of the profile texts it brings, with
the sheet, row and column, before anything is written (issue 12: a preview for whoever imports
the text); the import itself writes the texts and its report carries no preview."""

from __future__ import annotations

from sqlmodel import Session

from core.models import CompetenceProfile, Project
from tests.io.conftest import Importer, count, headers, participant, xlsx

SKILLS = (
    "Python and Rust. Write to ak_2001 at gmail.com or find AinoKorhonen on Discord. "
    "Student no. 26 33 333."
)
INTERESTS = "Embedded Linux. Originally from Kochi, did a summer job in Helsinki."


def _book() -> bytes:
    person = participant("P-1", first_name="Aino", last_name="Korhonen", email="aino.k@example.com")
    profile = ["SP-1", "P-1", "CSE-MSC", None, 2, SKILLS, INTERESTS, "en", "job", None, None]
    quiet = ["SP-2", None, "CSE-MSC", None, 1, "Go and Kubernetes", "", "en", "job", None, None]
    return xlsx({
        "Participants": [headers("participants"), person],
        "Profiles": [headers("profiles"), profile, quiet],
    })  # fmt: skip


def test_the_check_lists_every_removal_and_flag_by_sheet_row_and_column(
    do_import: Importer, session: Session, project: Project
) -> None:
    report = do_import(_book(), write=False)
    assert report.ok and not report.written
    assert count(session, CompetenceProfile) == 0  # a check writes nothing
    found = {
        (r.sheet, r.row, r.code, r.column, r.removed, r.kind, r.excerpt) for r in report.redactions
    }
    assert ("Profiles", 2, "SP-1", "Skills", True, "email", "ak_2001 at gmail.com") in found
    assert ("Profiles", 2, "SP-1", "Skills", True, "name", "AinoKorhonen") in found
    removed_skills = {r.excerpt for r in report.redactions if r.column == "Skills" and r.removed}
    assert any("26 33 333" in text for text in removed_skills)
    interests = {
        (r.removed, r.kind, r.excerpt) for r in report.redactions if r.column == "Interests"
    }
    assert (True, "place", "Kochi") in interests  # the student's own home town goes
    assert (False, "place", "Helsinki") in interests  # other places stay, flagged
    assert all(r.code == "SP-1" for r in report.redactions)  # nothing found in SP-2


def test_the_import_writes_the_texts_and_carries_no_preview(
    do_import: Importer, session: Session, project: Project
) -> None:
    report = do_import(_book())
    assert report.written and report.redactions == []
    assert count(session, CompetenceProfile) == 2
