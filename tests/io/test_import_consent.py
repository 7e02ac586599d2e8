"""Search consent comes only from consent records: an import can neither grant nor withdraw it.

The case that started it: search consent withdrawn on the Consents page, then an old export
with "Consent to be searchable = yes" imported: it said "1 updated" and the student was
searchable again.
"""

from __future__ import annotations

import io

import openpyxl
from sqlmodel import Session, select

from core.access.consent import record_consent, withdraw_consent
from core.codes import ConsentPurpose, ConsentSource
from core.io.exports.data import export_workbook
from core.io.imports.problems import Severity
from core.models import CompetenceProfile, Participant, Project
from core.search.profiles import is_searchable, searchable_profiles
from core.search.records import searchable_records
from tests.io.conftest import Importer, headers, participant, xlsx
from tests.people import participant as stored_participant
from tests.people import profile as stored_profile

CONSENT = "Consent to be searchable"


def _profile_row(code: str, person: str | None, consent: str | None) -> list[object]:
    return [code, person, "CSE-MSC", None, 2, "Python, Rust", "", "en", "job", None, consent]


def _searchable(session: Session, code: str) -> bool:
    """What every part of search says (cards, the index's records), asked afresh."""
    session.expire_all()
    cards = [p.code for p in searchable_profiles(session)]
    records = [r.code for r in searchable_records(session)]
    assert (code in cards) == (code in records) == is_searchable(session, code)
    return is_searchable(session, code)


def test_an_old_export_cannot_undo_a_withdrawal(
    do_import: Importer, session: Session, project: Project
) -> None:
    person = stored_participant(session, project, "P-000001")
    stored_profile(session, project, person, code="SP-D62VP")  # consent on record
    session.commit()
    old_export = export_workbook(session, project, kind="profiles")
    assert _searchable(session, "SP-D62VP")

    # The Consents page records the withdrawal.
    withdraw_consent(
        session, participant_id=person.id or 0, purpose=ConsentPurpose.SEARCH,
        source=ConsentSource.EMAIL,
    )  # fmt: skip
    session.commit()
    assert not _searchable(session, "SP-D62VP")

    for write in (False, True):  # the check and the import say the same
        report = do_import(old_export, "old-export.xlsx", write=write)
        assert not report.ok and not report.written
        (problem,) = report.errors
        assert problem.key == "io.err.consent_withdrawn"
        assert (problem.sheet, problem.row, problem.column) == ("Profiles", 2, CONSENT)
        assert "P-000001" in problem.message("en") and "Consents" in problem.message("en")
        assert "Suostumukset" in problem.message("fi")
    assert not _searchable(session, "SP-D62VP")
    assert session.exec(select(CompetenceProfile.consent_search)).one() is False


def test_an_imported_yes_without_a_record_is_written_but_not_searchable(
    do_import: Importer, session: Session, project: Project
) -> None:
    book = xlsx(
        {
            "Participants": [headers("participants"), participant("P-1")],
            "Profiles": [headers("profiles"), _profile_row("PRF-1", "P-1", "yes")],
        }
    )
    report = do_import(book)
    assert report.ok and report.written  # a warning, not an error: the rest is written
    (warning,) = report.problems
    assert warning.severity is Severity.WARNING and warning.key == "io.warn.consent_not_recorded"
    assert (warning.sheet, warning.row, warning.column) == ("Profiles", 2, CONSENT)
    assert "Consents page" in warning.message("en")
    assert session.exec(select(CompetenceProfile.code)).one() == "PRF-1"
    assert not _searchable(session, "PRF-1")

    # Recorded on the Consents page, the profile is searchable; the import never was the way.
    person = session.exec(select(Participant)).one()
    record_consent(
        session, participant_id=person.id or 0, purpose=ConsentPurpose.SEARCH,
        source=ConsentSource.FORM,
    )  # fmt: skip
    session.commit()
    assert _searchable(session, "PRF-1")


def test_a_profile_moved_to_a_consenting_student_follows_that_record(
    do_import: Importer, session: Session, project: Project
) -> None:
    consenting = stored_participant(session, project, "P-1")
    stored_participant(session, project, "P-2")
    session.commit()
    record_consent(
        session, participant_id=consenting.id or 0, purpose=ConsentPurpose.SEARCH,
        source=ConsentSource.FORM,
    )  # fmt: skip
    session.commit()
    assert do_import(xlsx({"Profiles": [headers("profiles"), _profile_row("PRF-1", "P-2", "")]})).ok
    assert not _searchable(session, "PRF-1")
    report = do_import(xlsx({"Profiles": [headers("profiles"), _profile_row("PRF-1", "P-1", "")]}))
    assert report.ok and report.problems == []
    assert _searchable(session, "PRF-1")


def test_an_imported_no_does_not_withdraw_a_recorded_consent(
    do_import: Importer, session: Session, project: Project
) -> None:
    person = stored_participant(session, project, "P-1")
    stored_profile(session, project, person, code="PRF-1")
    session.commit()
    report = do_import(
        xlsx({"Profiles": [headers("profiles"), _profile_row("PRF-1", "P-1", "no")]})
    )
    assert report.ok
    assert [(p.key, p.row, p.column) for p in report.warnings] == [
        ("io.warn.consent_stands", 2, CONSENT)
    ]
    assert _searchable(session, "PRF-1")  # withdrawn only on the Consents page


def test_a_flag_without_a_record_is_not_searchable(session: Session, project: Project) -> None:
    """Profiles an old import flagged searchable, with no consent record behind them."""
    person = stored_participant(session, project, "P-1")
    stored_profile(session, project, person, code="PRF-1", with_record=False)
    stored_profile(session, project, None, code="PRF-2")  # no student: no record possible
    session.commit()
    flags = session.exec(select(CompetenceProfile.consent_search)).all()
    assert flags == [True, True]
    assert not _searchable(session, "PRF-1") and not _searchable(session, "PRF-2")


def test_exports_show_consent_as_recorded_and_import_back_silently(
    do_import: Importer, session: Session, project: Project
) -> None:
    person = stored_participant(session, project, "P-1")
    stored_profile(session, project, person, code="PRF-1", languages="en,fi")
    other = stored_participant(session, project, "P-2")
    stored_profile(session, project, other, code="PRF-2", languages="en", with_record=False)
    session.commit()
    export = openpyxl.load_workbook(io.BytesIO(export_workbook(session, project)))
    consent = [row[-2].value for row in export["Profiles"].iter_rows(min_row=2)]
    assert consent == ["yes", "no"]  # as search sees it: PRF-2's flag has no record behind it
    buffer = io.BytesIO()
    export.save(buffer)
    report = do_import(buffer.getvalue(), "export.xlsx")
    assert report.ok and report.problems == []
    assert report.counts()["Profiles"] == {"created": 0, "updated": 0, "unchanged": 2}
