"""Contact requests as each reader may see them: the student their own, an SME user its
company's (shared details only once the student accepted), the manager all with the
student's name and e-mail. Built here so no page decides what a role may see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from core.codes import AgreedKind, ContactStatus, Role
from core.contacts.flow import Actor, Shared, student_email
from core.contacts.status import SHARED_IN
from core.models import Company, CompetenceProfile, ContactRequest, ContactStep, Participant


@dataclass(frozen=True)
class StepView:
    status: ContactStatus
    kind: AgreedKind | None
    day: date
    by_role: Role
    by: str  # the user name: only in the manager's view, "" for the others


@dataclass(frozen=True)
class RequestView:
    id: int
    company: str
    profile_code: str
    need: str  # what the company searched for
    message: str
    status: ContactStatus
    agreed_kind: AgreedKind | None
    asked_at: datetime
    answered_on: date | None
    steps: tuple[StepView, ...]
    shared: Shared | None  # None where the reader may not see it (or nothing was shared)
    student_name: str = ""  # the manager's view only
    student_email: str = ""  # the manager's view only


def _steps(session: Session, ids: list[int], manager: bool) -> dict[int, list[StepView]]:
    found: dict[int, list[StepView]] = {}
    if not ids:
        return found
    query = (
        select(ContactStep)
        .where(col(ContactStep.request_id).in_(ids))
        .order_by(col(ContactStep.day), col(ContactStep.id))
    )
    for step in session.exec(query):
        found.setdefault(step.request_id, []).append(
            StepView(
                ContactStatus(step.status),
                AgreedKind(step.agreed_kind) if step.agreed_kind else None,
                step.day,
                Role(step.actor_role),
                step.actor if manager else "",
            )
        )
    return found


def requests_for(session: Session, actor: Actor) -> list[RequestView]:
    """The requests `actor` may see, newest first."""
    query = (
        select(ContactRequest, Company.name, CompetenceProfile)
        .join(Company, col(Company.id) == col(ContactRequest.company_id))
        .join(CompetenceProfile, col(CompetenceProfile.id) == col(ContactRequest.profile_id))
        .order_by(col(ContactRequest.created_at).desc(), col(ContactRequest.id).desc())
    )
    if actor.role is Role.SME:
        if actor.company_id is None:
            return []
        query = query.where(ContactRequest.company_id == actor.company_id)
    elif actor.role is Role.STUDENT:
        if actor.participant_id is None:
            return []
        query = query.where(CompetenceProfile.participant_id == actor.participant_id)
    elif actor.role is not Role.MANAGER:
        return []
    rows = list(session.exec(query))
    manager = actor.role is Role.MANAGER
    steps = _steps(session, [r.id for r, _, _ in rows if r.id is not None], manager)
    return [
        _view(session, request, company, profile, steps, manager)
        for request, company, profile in rows
    ]


def _view(
    session: Session,
    request: ContactRequest,
    company: str,
    profile: CompetenceProfile,
    steps: dict[int, list[StepView]],
    manager: bool,
) -> RequestView:
    status = ContactStatus(request.status)
    shared = Shared(request.shared_email, request.shared_phone, request.shared_other)
    visible = status in SHARED_IN and any((shared.email, shared.phone, shared.other))
    name = email = ""
    if manager and profile.participant_id is not None:
        person = session.get(Participant, profile.participant_id)
        if person is not None:
            name = f"{person.first_name} {person.last_name}".strip()
        email = student_email(session, profile.participant_id)
    own = steps.get(request.id or 0, [])
    answered = next(
        (s.day for s in own if s.status in (ContactStatus.ACCEPTED, ContactStatus.DECLINED)), None
    )
    return RequestView(
        id=request.id or 0,
        company=company,
        profile_code=profile.code,
        need=request.query,
        message=request.message,
        status=status,
        agreed_kind=AgreedKind(request.agreed_kind) if request.agreed_kind else None,
        asked_at=request.created_at,
        answered_on=answered,
        steps=tuple(own),
        shared=shared if visible else None,
        student_name=name,
        student_email=email,
    )
