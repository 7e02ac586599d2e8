"""An SME asks to meet the student behind a profile code (one open request per company and
profile); the request's first step is recorded and the student and the manager are told."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from sqlmodel import Session, col, select

from core.access import audit
from core.access.consent import has_consent, search_consent_granted
from core.codes import ConsentPurpose, ContactStatus, MaxLength, Role
from core.errors import DomainError
from core.models import Company, CompetenceProfile, ContactRequest, ContactStep, utcnow
from core.notify import events

MAX_MESSAGE = MaxLength.MESSAGE
CLOSED = (ContactStatus.DECLINED.value, ContactStatus.ENDED.value)


class ContactError(DomainError, ValueError):
    """A request or step that cannot be made; `key` names the UI text."""


def plain(text: str, limit: int) -> str:
    """One line of user text: control characters out, runs of spaces folded, cut at `limit`."""
    without = "".join(" " if unicodedata.category(ch) == "Cc" and ch != "\n" else ch for ch in text)
    return re.sub(r"[ \t]+", " ", without).strip()[:limit]


def add_step(
    session: Session,
    request: ContactRequest,
    status: ContactStatus,
    *,
    day: date,
    actor: str,
    role: Role,
) -> ContactStep:
    """Move `request` to `status` and keep the dated step (both audited at flush)."""
    assert request.id is not None
    request.status = status.value
    step = ContactStep(
        request_id=request.id,
        status=status.value,
        agreed_kind=request.agreed_kind if status is ContactStatus.AGREED else None,
        day=day,
        actor=actor,
        actor_role=role.value,
    )
    session.add_all([request, step])
    session.flush()
    return step


def request_contact(
    session: Session,
    *,
    company_id: int,
    user_id: int | None,
    profile_code: str,
    query: str = "",
    message: str = "",
    actor: str = "",
) -> ContactRequest:
    """Record that a company wants to meet a (searchable, contactable) profile's student;
    one open request per company and profile. The caller commits."""
    profile = session.exec(
        select(CompetenceProfile).where(
            CompetenceProfile.code == profile_code, search_consent_granted()
        )
    ).first()
    if profile is None or profile.id is None or profile.participant_id is None:
        raise ContactError("contact.err.no_profile")
    if not has_consent(session, profile.participant_id, ConsentPurpose.CONTACT):
        raise ContactError("contact.err.no_contact_consent")
    if session.get(Company, company_id) is None:
        raise ContactError("contact.err.no_company")
    open_request = session.exec(
        select(ContactRequest).where(
            ContactRequest.company_id == company_id,
            ContactRequest.profile_id == profile.id,
            col(ContactRequest.status).not_in(CLOSED),
        )
    ).first()
    if open_request is not None:
        raise ContactError("contact.err.already")
    row = ContactRequest(
        company_id=company_id,
        profile_id=profile.id,
        requested_by=user_id,
        query=plain(query, 500),
        message=plain(message, MAX_MESSAGE),
    )
    session.add(row)
    session.flush()
    who = actor or audit.current_actor.get()
    add_step(session, row, ContactStatus.ASKED, day=utcnow().date(), actor=who, role=Role.SME)
    events.request_made(session, row)
    return row


def requested_codes(session: Session, company_id: int) -> set[str]:
    """Profile codes this company has already asked about (any status): their cards say so."""
    query = (
        select(CompetenceProfile.code)
        .join(ContactRequest, col(ContactRequest.profile_id) == col(CompetenceProfile.id))
        .where(ContactRequest.company_id == company_id)
    )
    return set(session.exec(query))
