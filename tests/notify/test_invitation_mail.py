"""Invitation e-mails through a real SMTP server: each arrives once, in the student's
language, with a link that sets their password; a new invitation makes the old link useless."""

from __future__ import annotations

import re

import pytest
from sqlmodel import Session, select

from core.access.auth import SignedIn, authenticate
from core.config import get_settings
from core.models import Programme, Project, User
from core.notify.smtp import send_notifications
from core.students.accounts import create_student_accounts
from core.students.invitations import InvitationError, accept, reinvite
from tests.notify.conftest import Inbox
from tests.notify.test_outbox import body
from tests.people import participant

LINK = re.compile(r"https://silta\.example/invite\?t=([A-Za-z0-9_-]+)")
ADDRESS = "p7@student.oulu.fi"


def _create(session: Session, project: Project, lang: str) -> str:
    programme = session.exec(select(Programme)).first()
    assert programme is not None
    programme.language = lang
    session.add(programme)
    participant(session, project, "P-7", email=ADDRESS, programme_id=programme.id)
    report = create_student_accounts(session, project.id or 0, ["P-7"])
    session.commit()
    (created,) = report.created
    return created.link


@pytest.mark.parametrize(
    ("lang", "subject", "words"),
    [
        ("fi", "Silta-tunnuksesi on valmis", "Valitse salasanasi"),
        ("en", "Your Silta account is ready", "Choose your password"),
    ],
)
def test_the_invitation_arrives_once_in_the_students_language_with_a_working_link(
    session: Session, project: Project, smtp_server: Inbox, lang: str, subject: str, words: str
) -> None:
    shown = _create(session, project, lang)
    assert shown == ""  # it goes by e-mail: the manager is not shown the link
    send_notifications()
    assert send_notifications().sent == 0  # type: ignore[union-attr]  # once
    (sent,) = smtp_server.to(ADDRESS)
    assert sent["Subject"] == subject
    text = body(sent)
    assert words in text and "p-7" in text
    found = LINK.search(text)
    assert found is not None, text
    assert accept(session, found.group(1), "kesä-2026-silta") == "p-7"
    session.commit()
    assert isinstance(authenticate(session, "p-7", "kesä-2026-silta"), SignedIn)


def test_a_new_invitation_arrives_and_the_old_link_stops_working(
    session: Session, project: Project, smtp_server: Inbox
) -> None:
    _create(session, project, "en")
    send_notifications()
    user = session.exec(select(User).where(User.username == "p-7")).one()
    reinvite(session, user.id or 0)
    session.commit()
    assert send_notifications().sent == 1  # type: ignore[union-attr]
    first, second = (LINK.search(body(m)) for m in smtp_server.to(ADDRESS))
    assert first is not None and second is not None and first.group(1) != second.group(1)
    with pytest.raises(InvitationError):
        accept(session, first.group(1), "kesä-2026-silta")
    assert accept(session, second.group(1), "kesä-2026-silta") == "p-7"


def test_without_the_apps_address_the_mail_says_to_ask_and_the_manager_gets_the_link(
    session: Session, project: Project, smtp_server: Inbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SILTA_APP_URL", "")
    get_settings.cache_clear()
    shown = _create(session, project, "en")
    assert shown.startswith("/invite?t=")  # to hand over: the e-mail cannot carry it
    send_notifications()
    (sent,) = smtp_server.to(ADDRESS)
    text = body(sent)
    assert "Ask the project for the link" in text
    assert "invite?t=" not in text and shown.split("t=")[1] not in text
