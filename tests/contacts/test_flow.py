"""Answering and following up contact requests: who may, what each reader sees, and what an
agreement counts as."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import Session, select

from core.access.audit import acting_as
from core.access.consent import withdraw_consent
from core.codes import AgreedKind, CommitmentKind, ConsentPurpose, ConsentSource, ContactStatus
from core.contacts.flow import Shared, answer, record_step
from core.contacts.funnel import FunnelBy, funnel_by_group
from core.contacts.requests import ContactError
from core.contacts.views import requests_for
from core.models import AuditLog, Commitment, ContactStep, Project
from tests.contacts.world import World, ask, make_world

EMAIL = "aino.virtanen@student.oulu.fi"


@pytest.fixture
def world(session: Session, project: Project) -> World:
    return make_world(session, project)


def test_the_company_sees_shared_details_only_after_acceptance(
    session: Session, world: World
) -> None:
    request = ask(session, world)
    before = requests_for(session, world.kide)
    assert [v.status for v in before] == [ContactStatus.ASKED] and before[0].shared is None
    assert before[0].student_name == "" and before[0].student_email == ""
    answer(
        session, world.aino, request.id or 0, accept=True, shared=Shared(EMAIL, "+358 40 123 4567")
    )
    session.commit()
    seen = requests_for(session, world.kide)[0]
    assert seen.shared == Shared(EMAIL, "+358 40 123 4567", "")
    assert seen.student_name == ""  # the company still does not get the name from Silta
    assert requests_for(session, world.other) == []  # another company sees nothing
    assert requests_for(session, world.steering) == []
    mine = requests_for(session, world.aino)
    assert [v.company for v in mine] == ["Kide Oy"] and mine[0].need == "embedded Linux"
    assert requests_for(session, world.ville) == []  # another student sees nothing
    manager = requests_for(session, world.manager)[0]
    assert (manager.student_name, manager.student_email) == ("Aino Virtanen", EMAIL)


def test_a_declined_request_shows_only_declined(session: Session, world: World) -> None:
    request = ask(session, world)
    answer(session, world.aino, request.id or 0, accept=False, shared=Shared(EMAIL))
    session.commit()
    seen = requests_for(session, world.kide)[0]
    assert seen.status is ContactStatus.DECLINED and seen.shared is None
    assert request.shared_email == ""  # nothing kept that was offered with a refusal


@pytest.mark.parametrize("who", ["ville", "other", "steering"])
def test_nobody_else_can_answer_or_follow_up(session: Session, world: World, who: str) -> None:
    request = ask(session, world)
    intruder = getattr(world, who)
    with pytest.raises(ContactError) as refused:
        answer(session, intruder, request.id or 0, accept=True, shared=Shared(EMAIL))
    assert refused.value.key == "contact.err.no_request"  # the same as a request that is not there
    answer(session, world.aino, request.id or 0, accept=True, shared=Shared(EMAIL))
    with pytest.raises(ContactError):
        record_step(session, intruder, request.id or 0, ContactStatus.MET)


def test_the_company_cannot_answer_for_the_student(session: Session, world: World) -> None:
    request = ask(session, world)
    with pytest.raises(ContactError) as refused:
        answer(session, world.kide, request.id or 0, accept=True, shared=Shared(EMAIL))
    assert refused.value.key == "contact.err.not_allowed"


def test_accepting_needs_something_to_share_and_checks_it(session: Session, world: World) -> None:
    request = ask(session, world)
    for shared, key in (
        (Shared(), "contact.err.share_something"),
        (Shared("not an address"), "contact.err.email"),
        (Shared(phone="call me maybe"), "contact.err.phone"),
    ):
        with pytest.raises(ContactError) as refused:
            answer(session, world.aino, request.id or 0, accept=True, shared=shared)
        assert refused.value.key == key


def test_steps_are_dated_ordered_and_audited(session: Session, world: World) -> None:
    request = ask(session, world)
    rid = request.id or 0
    answer(session, world.aino, rid, accept=True, shared=Shared(EMAIL))
    with pytest.raises(ContactError) as refused:
        record_step(session, world.kide, rid, ContactStatus.STARTED)
    assert refused.value.key == "contact.err.wrong_step"
    with pytest.raises(ContactError) as refused:
        record_step(
            session, world.kide, rid, ContactStatus.MET, day=date.today() + timedelta(days=1)
        )
    assert refused.value.key == "contact.err.future"
    with acting_as("kide"):
        record_step(session, world.kide, rid, ContactStatus.MET)
    with pytest.raises(ContactError) as refused:
        record_step(session, world.kide, rid, ContactStatus.AGREED)  # on what?
    assert refused.value.key == "contact.err.kind"
    record_step(session, world.manager, rid, ContactStatus.AGREED, kind=AgreedKind.JOB)
    record_step(session, world.aino, rid, ContactStatus.STARTED)
    session.commit()
    steps = session.exec(select(ContactStep).order_by(ContactStep.id)).all()  # type: ignore[arg-type]
    assert [(s.status, s.actor_role) for s in steps] == [
        ("asked", "sme"),
        ("accepted", "student"),
        ("met", "sme"),
        ("agreed", "manager"),
        ("started", "student"),
    ]
    assert all(s.day == date.today() for s in steps)
    audited = session.exec(select(AuditLog).where(AuditLog.entity == "contact_step")).all()
    assert len(audited) == 5 and {a.action for a in audited} == {"create"}
    manager_view = requests_for(session, world.manager)[0]
    assert [s.by for s in manager_view.steps][:2] == ["kide", world.aino.username]
    assert all(s.by == "" for s in requests_for(session, world.kide)[0].steps)


def test_an_agreed_internship_is_a_delivered_place_once(
    session: Session, world: World, project: Project
) -> None:
    request = ask(session, world)
    rid = request.id or 0
    year = date.today().year
    assert world.kide.company_id is not None
    session.add(
        Commitment(
            project_id=project.id or 0, company_id=world.kide.company_id, year=year,
            kind=CommitmentKind.INTERNSHIP_PLACE.value, committed=2, delivered=0,
        )
    )  # fmt: skip
    answer(session, world.aino, rid, accept=True, shared=Shared(EMAIL))
    record_step(session, world.kide, rid, ContactStatus.AGREED, kind=AgreedKind.INTERNSHIP)
    record_step(session, world.kide, rid, ContactStatus.STARTED)
    record_step(session, world.kide, rid, ContactStatus.ENDED)
    session.commit()
    places = session.exec(select(Commitment)).all()
    assert [(p.kind, p.committed, p.delivered) for p in places] == [("internship_place", 2, 1)]
    funnel = funnel_by_group(session, project, [year], FunnelBy.TOTAL, date.today())
    assert funnel["total"].tolist() == [1, 1, 1, 1, 0]  # requested … delivered, not employed


def test_an_agreed_thesis_without_a_promise_makes_a_delivered_row(
    session: Session, world: World, project: Project
) -> None:
    request = ask(session, world)
    answer(session, world.aino, request.id or 0, accept=True, shared=Shared(EMAIL))
    record_step(session, world.aino, request.id or 0, ContactStatus.AGREED, kind=AgreedKind.THESIS)
    session.commit()
    place = session.exec(select(Commitment)).one()
    assert (place.kind, place.committed, place.delivered) == ("thesis_place", 0, 1)


def test_no_request_without_contact_consent(session: Session, world: World) -> None:
    assert world.aino.participant_id is not None
    withdraw_consent(
        session, participant_id=world.aino.participant_id, purpose=ConsentPurpose.CONTACT,
        source=ConsentSource.FORM,
    )  # fmt: skip
    session.commit()
    with pytest.raises(ContactError) as refused:
        ask(session, world)
    assert refused.value.key == "contact.err.no_contact_consent"


def test_one_open_request_per_company_and_profile(session: Session, world: World) -> None:
    ask(session, world)
    with pytest.raises(ContactError) as refused:
        ask(session, world)
    assert refused.value.key == "contact.err.already"


def test_retention_erases_shared_details_the_account_and_its_mail(
    session: Session, world: World, project: Project
) -> None:
    from core.access.retention import apply_retention, retention_end
    from core.models import ContactRequest, Notification, Participant, User

    request = ask(session, world)
    answer(session, world.aino, request.id or 0, accept=True, shared=Shared(EMAIL, "040 1234567"))
    person = session.get(Participant, world.aino.participant_id)
    assert person is not None
    person.exit_date = person.entry_date
    session.add(person)
    session.commit()
    assert session.exec(select(Notification).where(Notification.to_address == EMAIL)).all()
    end = retention_end(project)  # 31 Dec of the 5th year after the last payment
    assert end is not None
    apply_retention(session, today=end + timedelta(days=1))
    session.commit()
    session.expire_all()
    kept = session.exec(select(ContactRequest)).one()
    assert (kept.shared_email, kept.shared_phone, kept.message) == ("", "", "")
    assert session.exec(select(User).where(User.participant_id == person.id)).first() is None
    assert not session.exec(select(Notification).where(Notification.to_address == EMAIL)).all()


def test_a_started_job_is_employment_evidence(
    session: Session, world: World, project: Project
) -> None:
    from core.contacts.outcomes import jobs_started

    request = ask(session, world)
    rid = request.id or 0
    answer(session, world.aino, rid, accept=True, shared=Shared(EMAIL))
    record_step(session, world.kide, rid, ContactStatus.AGREED, kind=AgreedKind.JOB)
    assert jobs_started(session, project.id or 0) == {}  # agreed is not yet a job
    record_step(session, world.aino, rid, ContactStatus.STARTED)
    session.commit()
    assert jobs_started(session, project.id or 0) == {world.aino.participant_id: date.today()}
    assert session.exec(select(Commitment)).all() == []  # a job is no internship place
