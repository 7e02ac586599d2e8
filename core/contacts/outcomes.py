"""What contacts lead to: an agreed internship or thesis place is a delivered commitment of
the company for that year; the funnel from request to delivered place, by year."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from core.codes import AgreedKind, ContactStatus, Role
from core.contacts.status import DELIVERS, ORDER
from core.models import Commitment, CompetenceProfile, ContactRequest, ContactStep
from core.privacy.sequences import protect_nested
from core.privacy.shown import Shown


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


FUNNEL = ("requested", "accepted", "agreed", "delivered")


def funnel_counts(session: Session, project_id: int, years: list[int]) -> dict[str, int]:
    """Requests made in `years`, and how many of them were accepted, agreed, and agreed as an
    internship or thesis place (delivered). Raw counts: pass them through core.privacy."""
    requested_on = (
        select(ContactStep.request_id, func.min(ContactStep.day).label("day"))
        .where(ContactStep.status == ContactStatus.ASKED.value)
        .group_by(col(ContactStep.request_id))
        .subquery()
    )
    query = (
        select(ContactRequest.status, ContactRequest.agreed_kind, requested_on.c.day)
        .join(CompetenceProfile, col(CompetenceProfile.id) == col(ContactRequest.profile_id))
        .join(requested_on, requested_on.c.request_id == col(ContactRequest.id), isouter=True)
        .where(CompetenceProfile.project_id == project_id)
    )
    counts = dict.fromkeys(FUNNEL, 0)
    for status, kind, day in session.exec(query):
        when = day or None
        if when is not None and years and when.year not in years:
            continue
        reached = ORDER.index(ContactStatus(status)) if status != "declined" else 0
        counts["requested"] += 1
        counts["accepted"] += reached >= ORDER.index(ContactStatus.ACCEPTED)
        counts["agreed"] += reached >= ORDER.index(ContactStatus.AGREED)
        delivered = kind is not None and AgreedKind(kind) in DELIVERS
        counts["delivered"] += reached >= ORDER.index(ContactStatus.AGREED) and delivered
    return counts


def contact_funnel(session: Session, project_id: int, years: list[int], role: Role) -> Shown:
    """The funnel as `role` may see it: each stage a subset of the one before, so a stage is
    hidden when it or its drop from the last shown stage is a small group."""
    return protect_nested(role, funnel_counts(session, project_id, years))


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
