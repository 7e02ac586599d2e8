"""Notifications through a real SMTP server: each arrives once, in its reader's language, with
nothing its reader may not know; a failed send stays in the outbox and is sent later."""

from __future__ import annotations

from datetime import timedelta
from email.message import Message

import pytest
from sqlmodel import Session, select

from core.codes import Role
from core.config import get_settings
from core.contacts.flow import Shared, answer
from core.models import Notification, Project, User, utcnow
from core.notify.outbox import MAX_ATTEMPTS, send_due
from core.notify.smtp import SmtpSender, send_notifications
from tests.contacts.world import World, ask, make_world
from tests.notify.conftest import Inbox

STUDENT = "aino.virtanen@student.oulu.fi"
MANAGER = "maija@oulu.example"
SME = "hr@kide.example"


@pytest.fixture
def world(session: Session, project: Project) -> World:
    made = make_world(session, project)
    student = session.exec(select(User).where(User.role == Role.STUDENT.value)).first()
    assert student is not None
    student.language = "fi"  # she signed in in Finnish last time
    session.add(student)
    session.commit()
    return made


def body(message: Message) -> str:
    payload = message.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode("utf-8")


def test_a_request_and_its_answer_reach_each_reader_once(
    session: Session, world: World, smtp_server: Inbox
) -> None:
    request = ask(session, world)
    report = send_notifications()
    assert report is not None and (report.sent, report.failed) == (2, 0)
    assert send_notifications().sent == 0  # type: ignore[union-attr]  # nothing twice
    (to_student,) = smtp_server.to(STUDENT)
    assert to_student["Subject"] == "Kide Oy haluaisi tavata sinut"  # her language
    assert "Come and see our lab" in body(to_student) and "https://silta.example" in body(
        to_student
    )
    (to_manager,) = smtp_server.to(MANAGER)
    text = body(to_manager) + str(to_manager["Subject"])
    assert "SP-AINO1" in text and "Kide Oy" in text
    assert "Aino" not in text and STUDENT not in text  # an e-mail names no student
    answer(session, world.aino, request.id or 0, accept=True, shared=Shared(STUDENT, "040 1234567"))
    session.commit()
    send_notifications()
    (to_company,) = smtp_server.to(SME)
    text = body(to_company) + str(to_company["Subject"])
    assert "accepted" in text and "SP-AINO1" in text
    for personal in ("Aino", "Virtanen", STUDENT, "040 1234567"):
        assert personal not in text  # the details are in the app, for the signed-in company
    assert len(smtp_server.messages) == 3


def test_a_declined_answer_says_only_declined(
    session: Session, world: World, smtp_server: Inbox
) -> None:
    request = ask(session, world)
    answer(session, world.aino, request.id or 0, accept=False)
    session.commit()
    send_notifications()
    (to_company,) = smtp_server.to(SME)
    assert "has declined your request" in body(to_company)
    assert "Aino" not in body(to_company) and STUDENT not in body(to_company)


def test_a_refused_send_is_kept_and_sent_once_later(
    session: Session, world: World, smtp_server: Inbox
) -> None:
    ask(session, world)
    smtp_server.refuse = 1  # the first message is refused with 451
    report = send_notifications()
    assert report is not None and (report.sent, report.failed) == (1, 1)
    assert report.errors and "451" in report.errors[0]
    waiting = session.exec(select(Notification).where(Notification.sent_at == None)).one()  # noqa: E711
    assert waiting.attempts == 1 and "451" in waiting.last_error
    assert waiting.next_attempt_at > utcnow()  # not hammered again at once
    assert send_notifications().sent == 0  # type: ignore[union-attr]
    later = send_due(
        SmtpSender(get_settings()), "silta@oulu.example", now=lambda: utcnow() + timedelta(hours=1)
    )
    assert (later.sent, later.failed) == (1, 0)
    assert sorted(m["To"] for m in smtp_server.messages) == sorted([STUDENT, MANAGER])
    session.expire_all()
    assert all(n.sent_at is not None for n in session.exec(select(Notification)))


def test_a_server_that_is_down_loses_nothing(
    session: Session, world: World, smtp_server: Inbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    ask(session, world)
    port = get_settings().smtp_port
    monkeypatch.setenv("SILTA_SMTP_PORT", "1")  # nothing listens there
    get_settings.cache_clear()
    report = send_notifications()
    assert report is not None and (report.sent, report.failed) == (0, 2)
    monkeypatch.setenv("SILTA_SMTP_PORT", str(port))
    get_settings.cache_clear()
    sender = SmtpSender(get_settings())
    for hours in range(1, MAX_ATTEMPTS):  # after every pause it is tried again, and arrives once
        done = send_due(
            sender, "silta@oulu.example", now=lambda h=hours: utcnow() + timedelta(hours=h)
        )
        if done.sent:
            break
    assert sorted(m["To"] for m in smtp_server.messages) == sorted([STUDENT, MANAGER])


def test_nothing_is_sent_while_smtp_is_not_configured(
    session: Session, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SILTA_SMTP_HOST", raising=False)
    get_settings.cache_clear()
    ask(session, world)
    assert send_notifications() is None
    assert len(session.exec(select(Notification)).all()) == 2  # kept for when it is


def test_the_cron_command_sends_what_is_due(
    session: Session, world: World, smtp_server: Inbox, capsys: pytest.CaptureFixture[str]
) -> None:
    from core.cli.main import main

    ask(session, world)
    assert main(["send-notifications"]) == 0
    assert "Sent 2 notifications; 0 failed" in capsys.readouterr().out
    assert main(["send-notifications"]) == 0
    assert "Sent 0 notifications" in capsys.readouterr().out
    assert len(smtp_server.messages) == 2


def test_a_subject_stays_on_one_line(session: Session, database_url: str) -> None:
    from core.codes import NotificationKind
    from core.notify.outbox import Outgoing, enqueue

    row = enqueue(
        session,
        Outgoing("k", NotificationKind.ANSWER_SME, "a@b.fi", "en", "Hi\r\nBcc: x@y.z", "body"),
    )
    assert row is not None and row.subject == "Hi Bcc: x@y.z"
    assert (
        enqueue(session, Outgoing("k", NotificationKind.ANSWER_SME, "a@b.fi", "en", "", "")) is None
    )


def test_the_app_sends_at_once_when_configured(
    session: Session, project: Project, smtp_server: Inbox
) -> None:
    import time

    from tests.pages.conftest import account_for, run_app
    from tests.pages.test_student_pages import ask, student_with_profile
    from tests.people import company

    card = student_with_profile(session)
    firm = company(session)
    session.commit()
    asker = session.get(User, account_for("sme").user_id)
    assert asker is not None
    asker.email = "buyer@kide.example"
    session.add(asker)
    session.commit()
    request = ask(session, card, firm)
    request.requested_by = asker.id
    session.add(request)
    session.commit()
    at = run_app("student", page="pages/my_requests.py")
    at.button(key=f"FormSubmitter:my_requests_{request.id}_answer-Decline").click()
    at.run()
    for _ in range(50):  # the app sends in the background, right after the answer
        if smtp_server.to("buyer@kide.example"):
            break
        time.sleep(0.1)
    (sent,) = smtp_server.to("buyer@kide.example")
    assert "declined" in body(sent)
