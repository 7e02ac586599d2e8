"""Student accounts: each belongs to one participant. The manager creates them in bulk from
participant codes (a first password is shown once; single sign-on maps by e-mail), and the
demo database gets a `student` account on a participant with a searchable profile."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from core.access.consent import participant_by_code
from core.access.users import DEMO_PASSWORD, USERNAME_PATTERN, UserError, create_user
from core.codes import Role
from core.errors import DomainError
from core.i18n import LANGUAGES
from core.models import CompetenceProfile, Participant, User
from core.notify import events
from core.text import without_controls

DEMO_STUDENT = "student"
MAX_BULK = 2000


class StudentAccountError(DomainError, ValueError):
    """A student account request that cannot be done; `key` names the UI text."""


@dataclass(frozen=True)
class NewAccount:
    code: str
    username: str
    email: str
    password: str  # shown once to the manager, stored only as a hash


@dataclass
class BulkReport:
    created: list[NewAccount] = field(default_factory=list)
    skipped: list[tuple[str, DomainError]] = field(default_factory=list)  # (code, why)


def participant_of(session: Session, user_id: int) -> int | None:
    """The participant a (student) account belongs to, read from the database."""
    user = session.get(User, user_id)
    return user.participant_id if user is not None and user.role == Role.STUDENT.value else None


def remember_language(session: Session, user_id: int, lang: str) -> None:
    """E-mails to a user go in the language they last signed in with."""
    user = session.get(User, user_id)
    if user is not None and lang in LANGUAGES and user.language != lang:
        user.language = lang
        session.add(user)


def parse_codes(text: str) -> list[str]:
    """Participant codes from pasted text: one per line, or separated by commas or spaces."""
    parts = without_controls(text.replace(",", " ").replace(";", " ")).split()
    codes = list(dict.fromkeys(p.strip() for p in parts if p.strip()))
    if len(codes) > MAX_BULK:
        raise StudentAccountError("students.err.too_many", n=MAX_BULK)
    return codes


def _username(code: str) -> str:
    return code.strip().lower()


def create_student_account(
    session: Session, participant: Participant, *, password: str | None, enforce_policy: bool = True
) -> User:
    assert participant.id is not None
    taken = select(User).where(User.participant_id == participant.id)
    if session.exec(taken).first() is not None:
        raise StudentAccountError("students.err.has_account")
    return create_user(
        session,
        username=_username(participant.code),
        role=Role.STUDENT,
        password=password,
        participant_id=participant.id,
        display_name=f"{participant.first_name} {participant.last_name}".strip(),
        email=participant.email,
        enforce_policy=enforce_policy,
    )


def create_student_accounts(session: Session, project_id: int, codes: list[str]) -> BulkReport:
    """One account per participant code, named after the code, with the participant's
    e-mail and a random first password; codes that cannot get one are reported, not fatal."""
    report = BulkReport()
    for code in codes:
        participant = participant_by_code(session, project_id, code)
        if participant is None:
            report.skipped.append((code, StudentAccountError("students.err.no_participant")))
            continue
        if not USERNAME_PATTERN.fullmatch(_username(code)):
            report.skipped.append((code, UserError("users.err.username")))
            continue
        password = secrets.token_urlsafe(12)
        try:
            with session.begin_nested():
                user = create_student_account(session, participant, password=password)
        except (StudentAccountError, UserError) as error:
            report.skipped.append((code, error))
            continue
        events.student_invited(session, user)
        report.created.append(NewAccount(participant.code, user.username, user.email, password))
    return report


def ensure_demo_student(session: Session) -> bool:
    """The demo `student` account (password "demo") on the first participant whose profile
    is searchable; False when it exists already or no such participant does."""
    if session.exec(select(User).where(User.username == DEMO_STUDENT)).first() is not None:
        return False
    query = (
        select(Participant)
        .join(CompetenceProfile, col(CompetenceProfile.participant_id) == col(Participant.id))
        .where(col(CompetenceProfile.consent_search).is_(True), Participant.email != "")
        .where(
            col(Participant.id).not_in(
                select(User.participant_id).where(col(User.participant_id).is_not(None))
            )
        )
        .order_by(col(Participant.id))
    )
    participant = session.exec(query).first()
    if participant is None:
        return False
    user = create_student_account(
        session, participant, password=DEMO_PASSWORD, enforce_policy=False
    )
    user.username = DEMO_STUDENT
    session.add(user)
    session.flush()
    return True
