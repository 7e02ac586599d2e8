"""Student accounts: each belongs to one participant. The manager creates them in bulk from
participant codes; each student gets an invitation link and sets their own password there
(single sign-on maps by e-mail), and the demo database gets a `student` account on a
participant with a searchable profile.

No first password any more: nobody but the student ever knows their password. When the link
cannot reach the student by e-mail (no SMTP server, no address, or no `app_url` for the
link to point at), the manager is shown the link once, to hand over instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from core.access.consent import participant_by_code
from core.access.users import DEMO_PASSWORD, USERNAME_PATTERN, UserError, create_user
from core.codes import Role
from core.config import get_settings
from core.errors import DomainError
from core.i18n import LANGUAGES
from core.models import CompetenceProfile, Participant, User
from core.notify import events
from core.students.invitations import issue
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
    link: str  # the invitation link when it cannot be e-mailed (shown once), else ""


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


def link_goes_by_email(email: str) -> bool:
    """Whether an invitation to `email` reaches the student by itself (else the manager is
    shown the link to hand over)."""
    settings = get_settings()
    return bool(email and settings.smtp_configured and settings.app_url)


def create_student_accounts(session: Session, project_id: int, codes: list[str]) -> BulkReport:
    """One account per participant code, named after the code, with the participant's
    e-mail and no password: an invitation link lets the student set their own. Codes that
    cannot get one are reported, not fatal."""
    report = BulkReport()
    for code in codes:
        participant = participant_by_code(session, project_id, code)
        if participant is None:
            report.skipped.append((code, StudentAccountError("students.err.no_participant")))
            continue
        if not USERNAME_PATTERN.fullmatch(_username(code)):
            report.skipped.append((code, UserError("users.err.username")))
            continue
        try:
            with session.begin_nested():
                user = create_student_account(session, participant, password=None)
        except (StudentAccountError, UserError) as error:
            report.skipped.append((code, error))
            continue
        issued = issue(session, user)
        events.student_invited(session, user, link=issued.link, invitation_id=issued.invitation_id)
        shown = "" if link_goes_by_email(user.email) else issued.link
        report.created.append(NewAccount(participant.code, user.username, user.email, shown))
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
