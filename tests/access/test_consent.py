"""Consent per purpose: evidence kept, profile flag in step, withdrawal effective at once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from core.access import audit
from core.access.consent import (
    ConsentError,
    consents_of,
    has_consent,
    on_search_consent_changed,
    record_consent,
    remove_listener,
    withdraw_consent,
)
from core.codes import ConsentPurpose, ConsentSource
from core.models import AuditLog, CompetenceProfile, Consent, Project
from core.search.profiles import public_profiles
from tests.people import participant, profile

SEARCH, FORM = ConsentPurpose.SEARCH, ConsentSource.FORM


@pytest.fixture
def heard() -> Iterator[list[tuple[frozenset[str], bool]]]:
    calls: list[tuple[frozenset[str], bool]] = []

    def listener(codes: frozenset[str], searchable: bool) -> None:
        calls.append((codes, searchable))

    on_search_consent_changed(listener)
    yield calls
    remove_listener(listener)


def test_granting_records_evidence_and_makes_the_profile_searchable(
    session: Session, project: Project, heard: list[tuple[frozenset[str], bool]]
) -> None:
    person = participant(session, project)
    card = profile(session, project, person, consent_search=False)
    session.commit()
    with audit.acting_as("maija"):
        record_consent(
            session, participant_id=person.id or 0, purpose=SEARCH, source=FORM, on=date(2026, 1, 5)
        )
        assert heard == []  # not before the commit
        session.commit()
    assert heard == [(frozenset({card.code}), True)]
    row = session.exec(select(Consent)).one()
    assert (row.granted, row.granted_on, row.source, row.recorded_by, row.basis) == (
        True,
        date(2026, 1, 5),
        "form",
        "maija",
        "consent",
    )
    assert card.consent_search and [p.code for p in public_profiles(session, [card.code])] == [
        card.code
    ]


def test_withdrawal_hides_the_profile_in_the_same_transaction(
    session: Session, project: Project, heard: list[tuple[frozenset[str], bool]]
) -> None:
    person = participant(session, project)
    card = profile(session, project, person)  # with its search consent record
    session.commit()
    heard.clear()
    withdraw_consent(
        session, participant_id=person.id or 0, purpose=SEARCH, source=ConsentSource.EMAIL
    )
    # Before any commit: the listener already knows, and a query in this session agrees.
    assert heard == [(frozenset({card.code}), False)]
    assert public_profiles(session, [card.code]) == []
    session.commit()
    assert not has_consent(session, person.id or 0, SEARCH)
    state = {s.purpose: s for s in consents_of(session, person.id or 0)}[SEARCH]
    assert not state.granted and state.withdrawn_on is not None
    history = session.exec(select(AuditLog).where(AuditLog.entity == "consent")).all()
    assert [e.action for e in history] == ["create", "update"]


def test_a_rolled_back_grant_is_never_announced(
    session: Session, project: Project, heard: list[tuple[frozenset[str], bool]]
) -> None:
    person = participant(session, project)
    profile(session, project, person, consent_search=False)
    session.commit()
    record_consent(session, participant_id=person.id or 0, purpose=SEARCH, source=FORM)
    session.rollback()
    session.commit()
    assert heard == []
    assert session.exec(select(CompetenceProfile)).one().consent_search is False


def test_a_failing_listener_does_not_stop_a_withdrawal(session: Session, project: Project) -> None:
    def broken(_codes: frozenset[str], _searchable: bool) -> None:
        raise RuntimeError("index is down")

    person = participant(session, project)
    card = profile(session, project, person)
    on_search_consent_changed(broken)
    try:
        withdraw_consent(session, participant_id=person.id or 0, purpose=SEARCH, source=FORM)
    finally:
        remove_listener(broken)
    session.commit()
    assert card.consent_search is False


def test_esf_reporting_rests_on_law_and_cannot_be_withdrawn(
    session: Session, project: Project
) -> None:
    person = participant(session, project)
    row = record_consent(
        session, participant_id=person.id or 0, purpose=ConsentPurpose.ESF_REPORTING, source=FORM
    )
    assert row.basis == "legal_obligation"
    with pytest.raises(ConsentError, match="rests on a legal obligation"):
        withdraw_consent(
            session,
            participant_id=person.id or 0,
            purpose=ConsentPurpose.ESF_REPORTING,
            source=FORM,
        )


def test_the_database_keeps_basis_and_purpose_consistent(
    session: Session, project: Project
) -> None:
    person = participant(session, project)
    session.add(
        Consent(
            participant_id=person.id or 0, purpose="search", basis="legal_obligation", source="form"
        )
    )
    with pytest.raises(IntegrityError):
        session.commit()


def test_unknown_participant_is_refused(session: Session) -> None:
    with pytest.raises(ConsentError):
        record_consent(session, participant_id=999, purpose=SEARCH, source=FORM)


def test_every_purpose_is_listed_even_when_unrecorded(session: Session, project: Project) -> None:
    person = participant(session, project)
    states = consents_of(session, person.id or 0)
    assert [s.purpose for s in states] == list(ConsentPurpose)
    assert not any(s.granted for s in states)


def test_contact_needs_its_own_consent_and_a_searchable_profile(
    session: Session, project: Project
) -> None:
    from core.access.consent import may_contact

    person = participant(session, project)
    profile(session, project, person, code="CARD1")
    assert not may_contact(session, "CARD1")
    record_consent(
        session, participant_id=person.id or 0, purpose=ConsentPurpose.CONTACT, source=FORM
    )
    assert may_contact(session, "CARD1")
    withdraw_consent(session, participant_id=person.id or 0, purpose=SEARCH, source=FORM)
    assert not may_contact(session, "CARD1")
    assert not may_contact(session, "NO-SUCH")


def test_demo_consents_match_the_demo_flags(session: Session, project: Project) -> None:
    from core.access.consent import record_demo_consents

    searchable = participant(session, project, "P-1")
    hidden = participant(session, project, "P-2")
    profile(session, project, searchable, code="C1", with_record=False)  # the demo's flag
    profile(session, project, hidden, code="C2", consent_search=False)
    assert not public_profiles(session, ["C1"])  # a flag without a record is not enough
    assert record_demo_consents(session) == 4
    assert [p.code for p in public_profiles(session, ["C1", "C2"])] == ["C1"]
    assert record_demo_consents(session) == 0
    assert has_consent(session, searchable.id or 0, SEARCH)
    assert not has_consent(session, hidden.id or 0, SEARCH)
    assert has_consent(session, hidden.id or 0, ConsentPurpose.ESF_REPORTING)
