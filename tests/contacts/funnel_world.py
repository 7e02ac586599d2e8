"""Contact requests written as they stand after their steps, for funnel tests: students with
profiles in each spearhead, companies of each size, 6-month follow-up answers."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlmodel import Session, select

from core.codes import AgreedKind, ContactStatus, FollowUpKind, Role
from core.models import (
    Company,
    CompetenceProfile,
    ContactRequest,
    ContactStep,
    FollowUp,
    Participant,
    Project,
    Spearhead,
)
from tests.people import participant, profile

ANSWERS = (ContactStatus.ACCEPTED, ContactStatus.DECLINED)


def student(
    session: Session, project: Project, code: str, spearhead: str, *, left: date | None = None
) -> CompetenceProfile:
    """A participant (who left on `left`, if given) with a profile in `spearhead`."""
    head = session.exec(
        select(Spearhead).where(Spearhead.project_id == project.id, Spearhead.code == spearhead)
    ).one()
    person = participant(
        session,
        project,
        f"P-{code}",
        email=f"{code.lower()}@student.oulu.fi",
        entry_date=date(2025, 5, 15),
        exit_date=left,
    )
    return profile(session, project, person, code=f"SP-{code}", spearhead_id=head.id)


def firm(session: Session, business_id: str, name: str, size: str) -> Company:
    row = Company(business_id=business_id, name=name, size_class=size)
    session.add(row)
    session.flush()
    return row


def request(
    session: Session,
    company: Company,
    card: CompetenceProfile,
    steps: list[tuple[ContactStatus, date]],
    kind: AgreedKind | None = None,
) -> ContactRequest:
    """A request asked on the first day of `steps` (asked is implied) and moved through the
    rest; `kind` is what was agreed."""
    assert company.id is not None and card.id is not None
    status = steps[-1][0] if len(steps) > 1 else ContactStatus.ASKED
    row = ContactRequest(
        company_id=company.id,
        profile_id=card.id,
        status=status.value,
        agreed_kind=kind.value if kind is not None else None,
        created_at=datetime.combine(steps[0][1], time(9), tzinfo=UTC),
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    for number, (step, day) in enumerate(steps):
        session.add(
            ContactStep(
                request_id=row.id,
                status=ContactStatus.ASKED.value if number == 0 else step.value,
                day=day,
                actor_role=(Role.STUDENT if step in ANSWERS else Role.SME).value,
            )
        )
    session.flush()
    return row


def six_month_answer(
    session: Session, card: CompetenceProfile, recorded_on: date, status: str
) -> None:
    assert card.participant_id is not None
    person = session.get(Participant, card.participant_id)
    assert person is not None and person.exit_date is not None, "answers come after the exit"
    session.add(
        FollowUp(
            participant_id=card.participant_id,
            kind=FollowUpKind.SIX_MONTHS.value,
            recorded_on=recorded_on,
            status=status,
        )
    )
    session.flush()
