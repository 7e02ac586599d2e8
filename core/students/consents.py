"""A student's own consents: give or withdraw search and contact, see the dates and the
history. ESF+ reporting rests on a legal obligation: shown, never changed here.

The records are the same `Consent` rows the manager keeps (`core.access.consent`); the
history is read back from the audit trail, which records every change of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from core.access.consent import (
    ConsentError,
    ConsentState,
    consents_of,
    record_consent,
    withdraw_consent,
)
from core.codes import ConsentPurpose, ConsentSource
from core.models import AuditLog, Consent

STUDENT_DECIDES = (ConsentPurpose.SEARCH, ConsentPurpose.CONTACT)


@dataclass(frozen=True)
class ConsentChange:
    at: datetime
    purpose: ConsentPurpose
    granted: bool
    by_self: bool  # the student did it (else the project, on paper, by e-mail…)


def my_consents(session: Session, participant_id: int) -> list[ConsentState]:
    return consents_of(session, participant_id)


def change_my_consent(
    session: Session, participant_id: int, purpose: ConsentPurpose, *, grant: bool
) -> None:
    """The student's own decision, recorded as given on a form today; the caller commits.
    Withdrawing search takes the profile out of search at once."""
    if purpose not in STUDENT_DECIDES:
        raise ConsentError("consent.err.legal_obligation")
    change = record_consent if grant else withdraw_consent
    change(session, participant_id=participant_id, purpose=purpose, source=ConsentSource.FORM)


def consent_history(session: Session, participant_id: int, username: str) -> list[ConsentChange]:
    """Every recorded grant or withdrawal of the student's consents, newest first."""
    rows = {
        str(c.id): ConsentPurpose(c.purpose)
        for c in session.exec(select(Consent).where(Consent.participant_id == participant_id))
    }
    if not rows:
        return []
    query = (
        select(AuditLog)
        .where(AuditLog.entity == "consent", col(AuditLog.entity_key).in_(list(rows)))
        .order_by(col(AuditLog.at).desc(), col(AuditLog.id).desc())
    )
    changes = []
    for entry in session.exec(query):
        after = entry.after or {}
        if "granted" not in after:
            continue  # the same decision recorded again
        changes.append(
            ConsentChange(
                entry.at, rows[entry.entity_key], bool(after["granted"]), entry.username == username
            )
        )
    return changes
