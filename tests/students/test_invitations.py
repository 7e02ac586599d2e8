"""Invitation links: a new student chooses their own password through a link that works once,
for a limited time, and only while it is the newest; every bad link gets the same answer."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from sqlmodel import Session, col, select

from core.access.auth import SignedIn, authenticate
from core.access.users import UserError
from core.codes import Role
from core.config import get_settings
from core.models import AuditLog, Project, User, UserInvitation, utcnow
from core.students.accounts import create_student_accounts
from core.students.invitations import InvitationError, accept, account_name, reinvite
from tests.people import participant

PASSWORD = "kesä-2026-silta"


def _token(link: str) -> str:
    return parse_qs(urlparse(link).query)["t"][0]


def _invite(session: Session, project: Project, code: str = "P-1", **fields: object) -> str:
    participant(session, project, code, **fields)
    report = create_student_accounts(session, project.id or 0, [code])
    session.commit()
    (created,) = report.created
    assert created.link.startswith("/invite?t=")  # no e-mail server here: shown once
    return _token(created.link)


def test_a_student_sets_their_password_through_the_link_and_signs_in(
    session: Session, project: Project
) -> None:
    token = _invite(session, project)
    user = session.exec(select(User).where(User.username == "p-1")).one()
    assert user.password_hash == "" and user.role == Role.STUDENT.value
    for guess in (PASSWORD, ""):  # no password at all until the student chooses one
        assert not isinstance(authenticate(session, "p-1", guess), SignedIn)
    assert account_name(session, token) == "p-1"
    assert accept(session, token, PASSWORD) == "p-1"
    session.commit()
    signed = authenticate(session, "p-1", PASSWORD)
    assert isinstance(signed, SignedIn) and signed.role is Role.STUDENT
    stored = session.exec(select(UserInvitation)).one()
    assert stored.used_at is not None
    assert token not in stored.token_hash  # only its hash is kept
    trail = " ".join(
        f"{e.action} {e.before} {e.after} {e.detail}" for e in session.exec(select(AuditLog))
    )
    assert "invitation_used" in trail and token not in trail and stored.token_hash not in trail
    made = session.exec(select(AuditLog).where(AuditLog.entity == "user_invitation")).all()
    assert {e.action for e in made} >= {"create", "bulk_update"}  # issued, then spent


def test_used_expired_and_unknown_links_get_the_same_answer(
    session: Session, project: Project
) -> None:
    used = _invite(session, project, "P-1")
    accept(session, used, PASSWORD)
    session.commit()
    expired = _invite(session, project, "P-2", email="p2@student.oulu.fi")
    later = utcnow() + timedelta(days=get_settings().invitation_days, minutes=1)
    answers = []
    for token, now in [(used, None), (expired, later), ("guess", None), ("", None)]:
        with pytest.raises(InvitationError) as refused:
            accept(session, token, "another-good-one", now=now)
        answers.append(refused.value.message("en"))
        with pytest.raises(InvitationError):
            account_name(session, token, now=now)
    assert len(set(answers)) == 1 and "does not work" in answers[0]
    assert accept(session, expired, PASSWORD) == "p-2"  # still works the day before


def test_a_password_the_policy_refuses_leaves_the_link_working(
    session: Session, project: Project
) -> None:
    token = _invite(session, project)
    with pytest.raises(UserError) as refused:
        accept(session, token, "short")
    assert refused.value.key == "users.err.password_short"
    with pytest.raises(UserError):
        accept(session, token, "p-1")  # the user name itself
    assert accept(session, token, PASSWORD) == "p-1"


def test_a_new_invitation_stops_the_old_one_and_only_until_a_password_is_set(
    session: Session, project: Project
) -> None:
    old = _invite(session, project)
    user = session.exec(select(User).where(User.username == "p-1")).one()
    issued = reinvite(session, user.id or 0)
    session.commit()
    with pytest.raises(InvitationError):
        accept(session, old, PASSWORD)
    assert accept(session, issued.token, PASSWORD) == "p-1"
    session.commit()
    with pytest.raises(InvitationError) as refused:
        reinvite(session, user.id or 0)  # has a password now: nothing to invite to
    assert refused.value.key == "invite.err.not_invitable"
    rows = session.exec(select(UserInvitation).order_by(col(UserInvitation.id))).all()
    assert [(r.revoked_at is not None, r.used_at is not None) for r in rows] == [
        (True, False),
        (False, True),
    ]


def test_an_account_switched_off_cannot_use_its_link(session: Session, project: Project) -> None:
    token = _invite(session, project)
    user = session.exec(select(User).where(User.username == "p-1")).one()
    user.is_active = False
    session.add(user)
    session.commit()
    with pytest.raises(InvitationError):
        accept(session, token, PASSWORD)
    with pytest.raises(InvitationError):
        reinvite(session, user.id or 0)


def test_only_students_are_invited(session: Session, project: Project) -> None:
    manager = session.exec(select(User).where(User.role == Role.MANAGER.value)).first()
    if manager is None:
        manager = User(username="boss", role=Role.MANAGER.value, email="boss@oulu.example")
        session.add(manager)
        session.flush()
    with pytest.raises(InvitationError):
        reinvite(session, manager.id or 0)


def test_a_student_without_an_e_mail_address_gets_a_link_to_hand_over(
    session: Session, project: Project
) -> None:
    token = _invite(session, project, email="")
    assert accept(session, token, PASSWORD) == "p-1"
