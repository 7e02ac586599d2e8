"""A small contact world: two students with searchable, contactable profiles, two companies
with a user each, a manager with an address."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from core.access.audit import acting_as
from core.access.consent import record_consent
from core.access.users import create_user
from core.codes import ConsentPurpose, ConsentSource, Role
from core.contacts.flow import Actor
from core.contacts.requests import request_contact
from core.models import ContactRequest, Project
from core.students.accounts import create_student_account
from tests.people import company, participant, profile


@dataclass(frozen=True)
class World:
    aino: Actor  # student of profile SP-AINO1
    ville: Actor  # student of profile SP-VILL1
    kide: Actor  # SME user of Kide Oy
    other: Actor  # SME user of Muu Oy
    manager: Actor
    steering: Actor
    kide_user_id: int


def make_world(session: Session, project: Project) -> World:
    people = {}
    for code, first, email, card in (
        ("P-AINO", "Aino", "aino.virtanen@student.oulu.fi", "SP-AINO1"),
        ("P-VILL", "Ville", "ville.nieminen@student.oulu.fi", "SP-VILL1"),
    ):
        person = participant(session, project, code, first_name=first, email=email)
        profile(session, project, person, code=card)
        assert person.id is not None
        record_consent(
            session,
            participant_id=person.id,
            purpose=ConsentPurpose.CONTACT,
            source=ConsentSource.FORM,
        )
        user = create_student_account(session, person, password=None)
        people[code] = (user.username, person.id)
    kide = company(session)
    muu = company(session, "0201263-9", "Muu Oy")
    kide_user = create_user(
        session, username="kide", role=Role.SME, company_id=kide.id, email="hr@kide.example",
        password=None,
    )  # fmt: skip
    create_user(session, username="maija", role=Role.MANAGER, email="maija@oulu.example")
    session.commit()
    assert kide_user.id is not None
    return World(
        aino=Actor(Role.STUDENT, people["P-AINO"][0], participant_id=people["P-AINO"][1]),
        ville=Actor(Role.STUDENT, people["P-VILL"][0], participant_id=people["P-VILL"][1]),
        kide=Actor(Role.SME, "kide", company_id=kide.id),
        other=Actor(Role.SME, "muu", company_id=muu.id),
        manager=Actor(Role.MANAGER, "maija"),
        steering=Actor(Role.STEERING, "ohjaus"),
        kide_user_id=kide_user.id,
    )


def ask(session: Session, world: World, code: str = "SP-AINO1") -> ContactRequest:
    """Kide Oy asks to meet the student behind `code` (committed)."""
    assert world.kide.company_id is not None
    with acting_as("kide", world.kide.company_id):
        request = request_contact(
            session, company_id=world.kide.company_id, user_id=world.kide_user_id,
            profile_code=code, query="embedded Linux", message="Come and see our lab",
        )  # fmt: skip
    session.commit()
    return request
