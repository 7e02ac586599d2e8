"""Taking a contact request's next step: who may, on which day, and what follows from it.

Access is decided here, never on a page: a student acts only on requests for their own
profile, an SME user only on their own company's, the manager on all; anyone else, or a
request that is not theirs, gets the same answer as a request that does not exist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from core.access.auth import SignedIn
from core.access.users import EMAIL_PATTERN
from core.codes import AgreedKind, ContactStatus, MaxLength, Role
from core.contacts import outcomes
from core.contacts.requests import ContactError, add_step, plain
from core.contacts.status import ACCEPTED, AGREED, ANSWERS, DECLINED, may_move, may_take
from core.models import CompetenceProfile, ContactRequest, Participant, User, utcnow
from core.notify import events

PHONE_PATTERN = re.compile(r"\+?[0-9][0-9 ()-]{4,30}[0-9]")


@dataclass(frozen=True)
class Actor:
    """Who acts, as plain values: a role, an SME user's company, a student's participant."""

    role: Role
    username: str
    company_id: int | None = None
    participant_id: int | None = None


def actor_of(session: Session, signed: SignedIn) -> Actor:
    """The actor for a signed-in user; a student's participant comes from their account row,
    never from anything the browser sent."""
    participant_id = None
    if signed.role is Role.STUDENT:
        user = session.get(User, signed.user_id)
        participant_id = user.participant_id if user is not None else None
    return Actor(signed.role, signed.username, signed.company_id, participant_id)


@dataclass(frozen=True)
class Shared:
    """The contact details a student chooses to give the company on accepting."""

    email: str = ""
    phone: str = ""
    other: str = ""


def owns(actor: Actor, request: ContactRequest, profile: CompetenceProfile | None) -> bool:
    if actor.role is Role.MANAGER:
        return True
    if actor.role is Role.SME:
        return actor.company_id is not None and actor.company_id == request.company_id
    if actor.role is Role.STUDENT:
        owner = profile.participant_id if profile is not None else None
        return actor.participant_id is not None and owner == actor.participant_id
    return False


def request_for(session: Session, actor: Actor, request_id: int) -> ContactRequest:
    """The request if `actor` may act on it; otherwise "no such request"."""
    request = session.get(ContactRequest, request_id)
    profile = session.get(CompetenceProfile, request.profile_id) if request else None
    if request is None or not owns(actor, request, profile):
        raise ContactError("contact.err.no_request")
    return request


def _day(request: ContactRequest, day: date | None) -> date:
    chosen = day or utcnow().date()
    if chosen > utcnow().date():
        raise ContactError("contact.err.future")
    if chosen < request.created_at.date():
        raise ContactError("contact.err.before_request")
    return chosen


def _check_move(actor: Actor, request: ContactRequest, to: ContactStatus) -> None:
    if not may_take(actor.role, to):
        raise ContactError("contact.err.not_allowed")
    if not may_move(ContactStatus(request.status), to):
        raise ContactError("contact.err.wrong_step")


def _clean_shared(shared: Shared) -> Shared:
    email = plain(shared.email, MaxLength.EMAIL).lower()
    phone = plain(shared.phone, MaxLength.PHONE)
    other = plain(shared.other, MaxLength.SHARED_OTHER)
    if email and not EMAIL_PATTERN.fullmatch(email):
        raise ContactError("contact.err.email")
    if phone and not PHONE_PATTERN.fullmatch(phone):
        raise ContactError("contact.err.phone")
    if not (email or phone or other):
        raise ContactError("contact.err.share_something")
    return Shared(email, phone, other)


def answer(
    session: Session,
    actor: Actor,
    request_id: int,
    *,
    accept: bool,
    shared: Shared | None = None,
    day: date | None = None,
) -> ContactRequest:
    """The student's answer: accepted with the details they share, or declined (nothing is
    shared). The company user who asked is told. The caller commits."""
    request = request_for(session, actor, request_id)
    to = ACCEPTED if accept else DECLINED
    _check_move(actor, request, to)
    when = _day(request, day)
    clean = _clean_shared(shared or Shared()) if accept else Shared()
    request.shared_email, request.shared_phone, request.shared_other = (
        clean.email,
        clean.phone,
        clean.other,
    )
    request.student_consent = accept
    request.consent_recorded_at = utcnow()
    add_step(session, request, to, day=when, actor=actor.username, role=actor.role)
    events.answer_given(session, request)
    return request


def record_step(
    session: Session,
    actor: Actor,
    request_id: int,
    to: ContactStatus,
    *,
    kind: AgreedKind | None = None,
    day: date | None = None,
) -> ContactRequest:
    """Record that the two met, agreed (on what), started or ended. An agreed internship or
    thesis place is counted as delivered by the company that year. The caller commits."""
    if to in ANSWERS:
        raise ContactError("contact.err.wrong_step")
    request = request_for(session, actor, request_id)
    _check_move(actor, request, to)
    when = _day(request, day)
    if to is AGREED:
        if kind is None:
            raise ContactError("contact.err.kind")
        request.agreed_kind = AgreedKind(kind).value
        outcomes.credit_delivered(session, request, when.year)
    add_step(session, request, to, day=when, actor=actor.username, role=actor.role)
    return request


def student_email(session: Session, participant_id: int) -> str:
    """The address a student would share by default: their account's, else their record's."""
    account = session.exec(select(User).where(User.participant_id == participant_id)).first()
    if account is not None and account.email:
        return account.email
    person = session.get(Participant, participant_id)
    return person.email if person is not None else ""
