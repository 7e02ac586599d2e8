"""Consent per purpose, with its evidence; withdrawing search consent takes effect at once.

Consent exists only as `Consent` records, made here (the Consents page, the CLI): an import
or a form never grants or withdraws it. `record_consent` and `withdraw_consent` keep the
record and the profile's `consent_search` flag in step in the same transaction, and
`sync_search_flags` sets the flag of new or moved profiles from their student's record.
Search asks for both at query time (`search_consent_granted`), so a profile whose flag was
set any other way (an old import, a bulk insert) is still not searchable without a record.

The search index registers with `on_search_consent_changed(listener)`; a listener gets
`(profile_codes, searchable)`. Withdrawals reach listeners immediately (removing too early is
harmless; search re-checks the database anyway); grants only after the commit, so an index
never shows a profile whose consent was rolled back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import and_, exists
from sqlmodel import Session, col, select

from core.access import audit
from core.codes import ConsentPurpose, ConsentSource, LegalBasis
from core.errors import DomainError
from core.models import CompetenceProfile, Consent, Participant, utcnow
from core.text import without_controls

ConsentListener = Callable[[frozenset[str], bool], None]
_listeners: list[ConsentListener] = []
_PENDING_GRANTS = "consent_pending_grants"
log = logging.getLogger(__name__)


class ConsentError(DomainError, ValueError):
    """A consent change that cannot be made; `key` names the UI text."""


@dataclass(frozen=True)
class ConsentState:
    """One purpose for one participant, as the manager sees it."""

    purpose: ConsentPurpose
    basis: LegalBasis
    granted: bool
    granted_on: date | None
    withdrawn_on: date | None
    source: ConsentSource | None
    recorded_by: str


def on_search_consent_changed(listener: ConsentListener) -> ConsentListener:
    """Register `listener(profile_codes, searchable)`; usable as a decorator."""
    if listener not in _listeners:
        _listeners.append(listener)
    return listener


def remove_listener(listener: ConsentListener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def _notify(codes: frozenset[str], searchable: bool) -> None:
    for listener in list(_listeners):
        try:
            listener(codes, searchable)
        except Exception:
            # The database flag already decides what search returns; a failing index only
            # delays its own clean-up, so the consent change itself must not fail.
            log.exception("consent listener %r failed for %d profiles", listener, len(codes))


def notify_not_searchable(codes: frozenset[str]) -> None:
    """Tell listeners these profiles left search for another reason (retention, deletion)."""
    if codes:
        _notify(codes, False)


def _basis(purpose: ConsentPurpose) -> LegalBasis:
    if purpose is ConsentPurpose.ESF_REPORTING:
        return LegalBasis.LEGAL_OBLIGATION
    return LegalBasis.CONSENT


def _row(session: Session, participant_id: int, purpose: ConsentPurpose) -> Consent | None:
    query = select(Consent).where(
        Consent.participant_id == participant_id, Consent.purpose == purpose.value
    )
    return session.exec(query).first()


def _profiles_of(session: Session, participant_id: int) -> list[CompetenceProfile]:
    query = select(CompetenceProfile).where(CompetenceProfile.participant_id == participant_id)
    return list(session.exec(query))


def record_consent(
    session: Session,
    *,
    participant_id: int,
    purpose: ConsentPurpose,
    source: ConsentSource,
    on: date | None = None,
) -> Consent:
    """Record that the participant gave consent (for ESF+ reporting: was informed)."""
    if session.get(Participant, participant_id) is None:
        raise ConsentError("consent.err.no_participant")
    day = on or utcnow().date()
    row = _row(session, participant_id, purpose) or Consent(
        participant_id=participant_id, purpose=purpose.value, source=source.value
    )
    row.basis = _basis(purpose).value
    row.granted, row.granted_on, row.withdrawn_on = True, day, None
    row.source, row.recorded_by, row.recorded_at = source.value, audit.current_actor.get(), utcnow()
    session.add(row)
    if purpose is ConsentPurpose.SEARCH:
        profiles = _profiles_of(session, participant_id)
        for profile in profiles:
            profile.consent_search = True
            session.add(profile)
        pending = session.info.setdefault(_PENDING_GRANTS, set())
        pending.update(p.code for p in profiles)
    session.flush()
    return row


def withdraw_consent(
    session: Session,
    *,
    participant_id: int,
    purpose: ConsentPurpose,
    source: ConsentSource,
    on: date | None = None,
) -> Consent:
    """Withdraw consent for `purpose`: a searchable profile stops being searchable now."""
    if purpose is ConsentPurpose.ESF_REPORTING:
        raise ConsentError("consent.err.legal_obligation")
    if session.get(Participant, participant_id) is None:
        raise ConsentError("consent.err.no_participant")
    row = _row(session, participant_id, purpose) or Consent(
        participant_id=participant_id, purpose=purpose.value, source=source.value
    )
    row.basis = LegalBasis.CONSENT.value
    row.granted, row.withdrawn_on = False, on or utcnow().date()
    row.source, row.recorded_by, row.recorded_at = source.value, audit.current_actor.get(), utcnow()
    session.add(row)
    codes: set[str] = set()
    if purpose is ConsentPurpose.SEARCH:
        for profile in _profiles_of(session, participant_id):
            profile.consent_search = False
            session.add(profile)
            codes.add(profile.code)
        session.info.get(_PENDING_GRANTS, set()).difference_update(codes)
    session.flush()
    if codes:
        _notify(frozenset(codes), False)
    return row


def search_consent_granted() -> Any:
    """SQL condition on `CompetenceProfile`: its student has a granted search consent record
    (and the profile's flag agrees). Every query that decides what search shows uses it."""
    record = (
        exists()
        .where(
            col(Consent.participant_id) == col(CompetenceProfile.participant_id),
            col(Consent.purpose) == ConsentPurpose.SEARCH.value,
            col(Consent.granted).is_(True),
        )
        .correlate(CompetenceProfile)
    )
    return and_(col(CompetenceProfile.consent_search).is_(True), record)


def search_consents(session: Session, project_id: int) -> dict[str, bool]:
    """Participant code → whether their search consent stands (granted) or was withdrawn;
    participants without a record are absent."""
    query = (
        select(Participant.code, Consent.granted)
        .join(Consent, col(Consent.participant_id) == col(Participant.id))
        .where(
            Participant.project_id == project_id,
            Consent.purpose == ConsentPurpose.SEARCH.value,
        )
    )
    return {code: bool(granted) for code, granted in session.exec(query)}


def sync_search_flags(session: Session, profiles: Iterable[CompetenceProfile]) -> None:
    """Set each profile's flag from its student's search consent record: a profile created
    or moved to another student is searchable exactly when that student consented."""
    profiles = list(profiles)
    owners = {p.participant_id for p in profiles if p.participant_id is not None}
    granted: set[int] = set()
    if owners:
        query = select(Consent.participant_id).where(
            col(Consent.participant_id).in_(owners),
            Consent.purpose == ConsentPurpose.SEARCH.value,
            col(Consent.granted).is_(True),
        )
        granted = set(session.exec(query))
    for profile in profiles:
        searchable = profile.participant_id in granted
        if profile.consent_search != searchable:
            profile.consent_search = searchable
            session.add(profile)
    session.flush()


def consents_of(session: Session, participant_id: int) -> list[ConsentState]:
    """Every purpose for the participant, recorded or not, in a fixed order."""
    rows = {
        c.purpose: c
        for c in session.exec(select(Consent).where(Consent.participant_id == participant_id))
    }
    states = []
    for purpose in ConsentPurpose:
        row = rows.get(purpose.value)
        states.append(
            ConsentState(
                purpose=purpose,
                basis=_basis(purpose),
                granted=bool(row and row.granted),
                granted_on=row.granted_on if row else None,
                withdrawn_on=row.withdrawn_on if row else None,
                source=ConsentSource(row.source) if row else None,
                recorded_by=row.recorded_by if row else "",
            )
        )
    return states


def participant_by_code(session: Session, project_id: int, code: str) -> Participant | None:
    query = select(Participant).where(
        Participant.project_id == project_id, Participant.code == without_controls(code).strip()
    )
    return session.exec(query).first()


def profile_codes_of(session: Session, participant_id: int) -> list[tuple[str, bool]]:
    """The participant's profile codes and whether each is searchable now."""
    searchable = has_consent(session, participant_id, ConsentPurpose.SEARCH)
    return [
        (p.code, p.consent_search and searchable) for p in _profiles_of(session, participant_id)
    ]


def may_contact(session: Session, profile_code: str) -> bool:
    """True when the student behind a searchable profile agreed to be contacted by companies."""
    query = select(CompetenceProfile.participant_id).where(
        CompetenceProfile.code == profile_code, search_consent_granted()
    )
    owner = session.exec(query).first()
    return owner is not None and has_consent(session, owner, ConsentPurpose.CONTACT)


def record_demo_consents(session: Session) -> int:
    """Generated demo data only: the evidence behind the flags the demo wrote (the ESF+
    notice for everyone, search and contact consent where the profile is searchable)."""
    recorded = {(c.participant_id, c.purpose) for c in session.exec(select(Consent))}
    flagged = select(CompetenceProfile).where(col(CompetenceProfile.consent_search).is_(True))
    searchable = {p.participant_id for p in session.exec(flagged)}
    rows = []
    for person in session.exec(select(Participant)):
        purposes = [ConsentPurpose.ESF_REPORTING]
        if person.id in searchable:
            purposes += [ConsentPurpose.SEARCH, ConsentPurpose.CONTACT]
        for purpose in purposes:
            if (person.id, purpose.value) not in recorded:
                rows.append(
                    Consent(
                        participant_id=person.id or 0,
                        purpose=purpose.value,
                        basis=_basis(purpose).value,
                        granted=True,
                        granted_on=person.entry_date,
                        source=ConsentSource.FORM.value,
                        recorded_by="demo",
                        # From the data, not the clock: the same demo day gives the same rows.
                        recorded_at=datetime.combine(person.entry_date, time(), tzinfo=UTC),
                    )
                )
    session.add_all(rows)
    session.flush()
    return len(rows)


def has_consent(session: Session, participant_id: int, purpose: ConsentPurpose) -> bool:
    row = _row(session, participant_id, purpose)
    return bool(row and row.granted)


def announce_grants(session: Session) -> None:
    """Session `after_commit` (wired in `core.wiring`): grants reach listeners once committed."""
    codes = frozenset(session.info.pop(_PENDING_GRANTS, set()))
    if codes:
        _notify(codes, True)


def forget_grants(session: Session) -> None:
    """Session `after_rollback`: grants that were rolled back are never announced."""
    session.info.pop(_PENDING_GRANTS, None)
