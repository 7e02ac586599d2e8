"""Which events tell whom, in which words: each message is composed for its reader, in the
reader's language, from what that reader may know.

- A new contact request → the student (company, what it looks for, its message) and every
  manager with an address (company and profile code: never the student's name, an e-mail
  travels through other hands).
- The student's answer → the company user who asked (profile code and "accepted" or
  "declined" only: even an acceptance names nobody; the shared details are in the app).
- A new student account → the student (the account's name and the invitation link that sets
  its password; sent again, with a new link, when the manager asks).
- Once a week → each manager with an address, a digest (`core.notify.digest`).
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from core.codes import ContactStatus, NotificationKind, Role
from core.config import get_settings
from core.i18n import DEFAULT_LANG, LANGUAGES, translate
from core.models import (
    Company,
    CompetenceProfile,
    ContactRequest,
    Participant,
    Programme,
    User,
)
from core.notify.outbox import Outgoing, enqueue


def _language(code: str | None) -> str:
    return code if code in LANGUAGES else DEFAULT_LANG


SUBJECTS = {
    NotificationKind.NEW_REQUEST_STUDENT: "notify.new_request_student.subject",
    NotificationKind.NEW_REQUEST_MANAGER: "notify.new_request_manager.subject",
    NotificationKind.ANSWER_SME: "notify.answer_sme.subject",
    NotificationKind.STUDENT_INVITATION: "notify.student_invitation.subject",
    NotificationKind.MANAGER_DIGEST: "notify.manager_digest.subject",
}
BODIES = {
    NotificationKind.NEW_REQUEST_STUDENT: "notify.new_request_student.body",
    NotificationKind.NEW_REQUEST_MANAGER: "notify.new_request_manager.body",
    NotificationKind.ANSWER_SME: "notify.answer_sme.body",
    NotificationKind.STUDENT_INVITATION: "notify.student_invitation.body",
    NotificationKind.MANAGER_DIGEST: "notify.manager_digest.body",
}


# Messages that carry a link into Silta say something else while `settings.app_url` is unset.
BODIES_WITHOUT_URL = {
    NotificationKind.STUDENT_INVITATION: "notify.student_invitation.body_no_url",
}


def compose(kind: NotificationKind, lang: str, **values: object) -> tuple[str, str]:
    """Subject and body of a message of `kind` in `lang`, with the sign-in line at its end."""
    url = get_settings().app_url
    subject = translate(SUBJECTS[kind], lang, **values)
    linkless = not url and kind in BODIES_WITHOUT_URL
    body = translate(BODIES_WITHOUT_URL[kind] if linkless else BODIES[kind], lang, **values)
    footer = translate("notify.footer_url" if url else "notify.footer", lang, url=url)
    return subject, f"{body}\n\n{footer}\n"


def _student_address(session: Session, profile: CompetenceProfile) -> tuple[str, str, int | None]:
    """(address, language, user id) of the profile's student: their account's, else the
    participant record's address in their programme's language."""
    if profile.participant_id is None:
        return "", DEFAULT_LANG, None
    account = session.exec(
        select(User).where(User.participant_id == profile.participant_id)
    ).first()
    person = session.get(Participant, profile.participant_id)
    programme = session.get(Programme, profile.programme_id) if profile.programme_id else None
    if account is not None and account.is_active and account.email:
        return account.email, _language(account.language), account.id
    lang = _language(account.language if account else programme.language if programme else None)
    return (person.email if person else ""), lang, None


def request_made(session: Session, request: ContactRequest) -> None:
    """Queue the messages about a new request (in the caller's transaction)."""
    profile = session.get(CompetenceProfile, request.profile_id)
    company = session.get(Company, request.company_id)
    assert profile is not None and company is not None and request.id is not None
    address, lang, user_id = _student_address(session, profile)
    kind = NotificationKind.NEW_REQUEST_STUDENT
    subject, body = compose(
        kind,
        lang,
        company=company.name,
        need=request.query or "–",
        message=request.message or "–",
    )
    enqueue(
        session,
        Outgoing(f"request:{request.id}:student", kind, address, lang, subject, body, user_id),
    )
    managers = select(User).where(
        User.role == Role.MANAGER.value, col(User.is_active).is_(True), User.email != ""
    )
    for manager in session.exec(managers):
        kind, lang = NotificationKind.NEW_REQUEST_MANAGER, _language(manager.language)
        subject, body = compose(kind, lang, company=company.name, code=profile.code)
        key = f"request:{request.id}:manager:{manager.id}"
        enqueue(session, Outgoing(key, kind, manager.email, lang, subject, body, manager.id))


def answer_given(session: Session, request: ContactRequest) -> None:
    """Queue the message that tells the asking company user the student's answer."""
    asker = session.get(User, request.requested_by) if request.requested_by else None
    profile = session.get(CompetenceProfile, request.profile_id)
    if asker is None or not asker.email or not asker.is_active or profile is None:
        return
    kind, lang = NotificationKind.ANSWER_SME, _language(asker.language)
    accepted = request.status == ContactStatus.ACCEPTED.value
    answer = translate("notify.answer.accepted" if accepted else "notify.answer.declined", lang)
    subject, body = compose(kind, lang, code=profile.code, answer=answer)
    key = f"request:{request.id}:answer"
    enqueue(session, Outgoing(key, kind, asker.email, lang, subject, body, asker.id))


def student_invited(session: Session, account: User, *, link: str, invitation_id: int) -> None:
    """Send a student their invitation link (the only copy of its token besides the one the
    manager may be shown): with `settings.app_url` unset the link has no address to point
    at, so the message asks the student to get it from the project instead."""
    person = session.get(Participant, account.participant_id) if account.participant_id else None
    if person is None or not account.email:
        return
    programme = session.get(Programme, person.programme_id) if person.programme_id else None
    # A student who has signed in (single sign-on) chose a language; else their programme's.
    chosen = account.language if account.last_login_at else None
    kind = NotificationKind.STUDENT_INVITATION
    lang = _language(chosen or (programme.language if programme else None))
    subject, body = compose(
        kind,
        lang,
        username=account.username,
        link=link,
        days=get_settings().invitation_days,
    )
    key = f"invite:{invitation_id}"
    enqueue(session, Outgoing(key, kind, account.email, lang, subject, body, account.id))
