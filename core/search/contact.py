"""Contact requests: an SME asks to meet the student behind a profile code; the manager asks
the student and records whether they agree to be introduced (changes are audited)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlmodel import Session, col, select

from core.access.consent import search_consent_granted
from core.errors import DomainError
from core.i18n import Labelled
from core.models import Company, CompetenceProfile, ContactRequest, utcnow

MAX_MESSAGE = 2000


class ContactStatus(Labelled, key_prefix="contact.status"):
    """Where a contact request stands: asked, or the student's answer."""

    NEW = "new"
    CONSENTED = "consented"
    DECLINED = "declined"


NEW, CONSENTED, DECLINED = (status.value for status in ContactStatus)


class ContactError(DomainError, ValueError):
    """A request that cannot be made; `key` names the UI text."""


@dataclass(frozen=True)
class ContactRequestRow:
    """One request as the manager's list shows it (plain values, no ORM object)."""

    id: int
    company: str
    profile_code: str
    query: str
    message: str
    status: str
    created_at: datetime
    consent_recorded_at: datetime | None


def _plain(text: str, limit: int) -> str:
    without = "".join(" " if unicodedata.category(ch) == "Cc" and ch != "\n" else ch for ch in text)
    return re.sub(r"[ \t]+", " ", without).strip()[:limit]


def request_contact(
    session: Session,
    *,
    company_id: int,
    user_id: int | None,
    profile_code: str,
    query: str = "",
    message: str = "",
) -> ContactRequest:
    """Record that a company wants to meet a (searchable) profile's student; one open request
    per company and profile. The caller commits."""
    profile = session.exec(
        select(CompetenceProfile).where(
            CompetenceProfile.code == profile_code, search_consent_granted()
        )
    ).first()
    if profile is None or profile.id is None:
        raise ContactError("contact.err.no_profile")
    if session.get(Company, company_id) is None:
        raise ContactError("contact.err.no_company")
    open_request = session.exec(
        select(ContactRequest).where(
            ContactRequest.company_id == company_id,
            ContactRequest.profile_id == profile.id,
            ContactRequest.status == NEW,
        )
    ).first()
    if open_request is not None:
        raise ContactError("contact.err.already")
    row = ContactRequest(
        company_id=company_id,
        profile_id=profile.id,
        requested_by=user_id,
        query=_plain(query, 500),
        message=_plain(message, MAX_MESSAGE),
    )
    session.add(row)
    session.flush()
    return row


def requested_codes(session: Session, company_id: int) -> set[str]:
    """Profile codes this company has already asked about (any status)."""
    query = (
        select(CompetenceProfile.code)
        .join(ContactRequest, col(ContactRequest.profile_id) == col(CompetenceProfile.id))
        .where(ContactRequest.company_id == company_id)
    )
    return set(session.exec(query))


def contact_requests(session: Session, *, status: str | None = None) -> list[ContactRequestRow]:
    """Every request, newest first (the manager's view: company names are fine here)."""
    query = (
        select(ContactRequest, Company.name, CompetenceProfile.code)
        .join(Company, col(Company.id) == col(ContactRequest.company_id))
        .join(CompetenceProfile, col(CompetenceProfile.id) == col(ContactRequest.profile_id))
        .order_by(col(ContactRequest.created_at).desc(), col(ContactRequest.id).desc())
    )
    if status is not None:
        query = query.where(ContactRequest.status == status)
    return [
        ContactRequestRow(
            id=request.id or 0,
            company=name,
            profile_code=code,
            query=request.query,
            message=request.message,
            status=request.status,
            created_at=request.created_at,
            consent_recorded_at=request.consent_recorded_at,
        )
        for request, name, code in session.exec(query)
    ]


def record_student_answer(
    session: Session, request_id: int, *, consented: bool, on: date | None = None
) -> ContactRequest:
    """The student's answer to being introduced, with the day it was given. The caller
    commits; the change is audited like every other."""
    request = session.get(ContactRequest, request_id)
    if request is None:
        raise ContactError("contact.err.no_request")
    day = on or utcnow().date()
    if day > utcnow().date():
        raise ContactError("contact.err.future")
    request.student_consent = consented
    request.consent_recorded_at = datetime.combine(day, time(12), tzinfo=UTC)
    request.status = CONSENTED if consented else DECLINED
    session.add(request)
    session.flush()
    return request
