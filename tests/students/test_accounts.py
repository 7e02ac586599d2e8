"""Student accounts: bulk creation from participant codes, the demo student, the language."""

from __future__ import annotations

from sqlmodel import Session, select

from core.access.auth import SignedIn, authenticate
from core.access.users import disable_demo_users
from core.codes import Role
from core.models import Project, User
from core.students.accounts import (
    create_student_accounts,
    ensure_demo_student,
    parse_codes,
    participant_of,
    remember_language,
)
from core.students.invitations import accept
from tests.people import participant, profile


def test_bulk_accounts_from_codes_with_an_invitation_each(
    session: Session, project: Project
) -> None:
    aino = participant(session, project, "P-1")
    participant(session, project, "P-2", email="ville@student.oulu.fi")
    codes = parse_codes("P-1, P-2\nNOPE\nP-1")
    assert codes == ["P-1", "P-2", "NOPE"]
    report = create_student_accounts(session, project.id or 0, codes)
    session.commit()
    assert [(a.code, a.username, a.email) for a in report.created] == [
        ("P-1", "p-1", "aino.virtanen@student.oulu.fi"),
        ("P-2", "p-2", "ville@student.oulu.fi"),
    ]
    assert [(c, why.key) for c, why in report.skipped] == [("NOPE", "students.err.no_participant")]
    again = create_student_accounts(session, project.id or 0, ["P-1"])
    assert [(c, why.key) for c, why in again.skipped] == [("P-1", "students.err.has_account")]
    assert not again.created
    stored = session.exec(select(User).where(User.username == "p-1")).one()
    assert stored.password_hash == ""  # nobody but the student will know the password
    token = report.created[0].link.split("t=", 1)[1]  # no e-mail server: the link is shown
    accept(session, token, "kesä-2026-silta")
    signed = authenticate(session, "p-1", "kesä-2026-silta")
    assert isinstance(signed, SignedIn) and signed.role is Role.STUDENT
    assert participant_of(session, signed.user_id) == aino.id


def test_the_demo_student_owns_a_searchable_profile(session: Session, project: Project) -> None:
    plain = participant(session, project, "P-0")
    profile(session, project, plain, code="SP-HIDE1", consent_search=False)
    shown = participant(session, project, "P-9", first_name="Ville")
    profile(session, project, shown, code="SP-SHOW1")
    assert ensure_demo_student(session) is True
    assert ensure_demo_student(session) is False  # once
    user = session.exec(select(User).where(User.username == "student")).one()
    assert (user.role, user.participant_id) == ("student", shown.id)
    assert disable_demo_users(session) == ["student"]  # outside demo mode: switched off


def test_e_mails_follow_the_language_of_the_last_sign_in(
    session: Session, project: Project
) -> None:
    participant(session, project, "P-1")
    report = create_student_accounts(session, project.id or 0, ["P-1"])
    user = session.exec(select(User)).one()
    assert user.language == "en" and report.created
    remember_language(session, user.id or 0, "fi")
    remember_language(session, user.id or 0, "xx")  # not a UI language: ignored
    assert user.language == "fi"
