"""What contacts lead to: an agreed internship or thesis place is a delivered commitment of
the company for that year; a started job is employment evidence (the funnel of requests to
employment is `core.contacts.funnel`)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from core.codes import AgreedKind, ContactStatus
from core.contacts.status import DELIVERS
from core.models import Commitment, CompetenceProfile, ContactRequest, ContactStep


def credit_delivered(session: Session, request: ContactRequest, year: int) -> Commitment | None:
    """Count the agreed place in the company's commitment of that year and kind (made, with
    nothing committed, when the company had promised none); once per request."""
    if request.agreed_kind is None or request.commitment_id is not None:
        return None
    kind = DELIVERS.get(AgreedKind(request.agreed_kind))
    profile = session.get(CompetenceProfile, request.profile_id)
    if kind is None or profile is None:
        return None
    commitment = session.exec(
        select(Commitment).where(
            Commitment.project_id == profile.project_id,
            Commitment.company_id == request.company_id,
            Commitment.year == year,
            Commitment.kind == kind.value,
        )
    ).first()
    if commitment is None:
        commitment = Commitment(
            project_id=profile.project_id,
            company_id=request.company_id,
            year=year,
            kind=kind.value,
            committed=0,
            delivered=0,
        )
    commitment.delivered += 1
    session.add(commitment)
    session.flush()
    request.commitment_id = commitment.id
    session.add(request)
    return commitment


def jobs_started(session: Session, project_id: int) -> dict[int, date]:
    """Participant id → the day a job agreed through a contact request started: employment
    evidence the manager sees when recording that participant's follow-up answer."""
    query = (
        select(CompetenceProfile.participant_id, func.max(ContactStep.day))
        .join(ContactRequest, col(ContactRequest.profile_id) == col(CompetenceProfile.id))
        .join(ContactStep, col(ContactStep.request_id) == col(ContactRequest.id))
        .where(
            CompetenceProfile.project_id == project_id,
            ContactRequest.agreed_kind == AgreedKind.JOB.value,
            ContactStep.status == ContactStatus.STARTED.value,
        )
        .group_by(col(CompetenceProfile.participant_id))
    )
    return {int(pid): day for pid, day in session.exec(query) if pid is not None}
