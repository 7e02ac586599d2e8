"""The manager's weekly digest through a real SMTP server: once per ISO week however often
`send-notifications` runs, with the follow-ups due and overdue and the commitments behind,
in each manager's language; nothing for a manager without an address, nothing when all is well."""

from __future__ import annotations

from datetime import date, timedelta
from email.header import decode_header, make_header

import pytest
from sqlmodel import Session, select

from core.cli.main import main
from core.models import Commitment, Notification, Project, User
from core.notify.digest import build, queue_digests
from core.notify.run import queue_and_send
from tests.notify.conftest import Inbox
from tests.notify.test_outbox import body
from tests.people import company, participant

TODAY = date(2026, 12, 9)  # a Wednesday in ISO week 2026-W50
FI, EN, NONE = "maija@oulu.example", "mark@oulu.example", ""


def _managers(session: Session) -> None:
    for name, email, lang, active in [
        ("maija", FI, "fi", True),
        ("mark", EN, "en", True),
        ("noaddress", NONE, "en", True),
        ("gone", "gone@oulu.example", "en", False),
    ]:
        session.add(
            User(username=name, role="manager", email=email, language=lang, is_active=active)
        )
    session.commit()


def _world(session: Session, project: Project, today: date) -> None:
    """P-DUE's 28-day follow-up is due this Thursday, P-LATE's is long overdue, P-LATER's is
    due next month; Kide Oy is behind on this year's internships, Nokkela Oy on last year's
    (not on this year's one thesis place, due by the end of the year)."""
    participant(session, project, "P-DUE", exit_date=today - timedelta(days=27))
    participant(session, project, "P-LATE", exit_date=today - timedelta(days=99))
    participant(session, project, "P-LATER", exit_date=today - timedelta(days=5))
    kide, nokkela = company(session), company(session, "0112038-9", "Nokkela Oy")
    for row in [
        # 4 a year: by December 3 should be in; 1 is.
        (kide, today.year, "internship_place", 4, 1),
        # 1 a year: not behind until the year is over.
        (nokkela, today.year, "thesis_place", 1, 0),
        # Last year's, still short: behind by all that is missing.
        (nokkela, today.year - 1, "internship_place", 2, 1),
        # Next year's: nothing is due yet.
        (kide, today.year + 1, "internship_place", 5, 0),
    ]:
        firm, year, kind, committed, delivered = row
        session.add(
            Commitment(
                project_id=project.id or 0, company_id=firm.id or 0, year=year, kind=kind,
                committed=committed, delivered=delivered, signed_on=date(today.year, 1, 15),
            )
        )  # fmt: skip
    session.commit()


def test_one_digest_a_week_with_the_right_codes_in_each_managers_language(
    session: Session, project: Project, smtp_server: Inbox
) -> None:
    _managers(session)
    _world(session, project, TODAY)
    assert queue_and_send(TODAY)[0] == 2
    assert queue_and_send(TODAY)[0] == 0
    assert queue_and_send(TODAY + timedelta(days=4))[0] == 0  # Sunday: the same ISO week
    assert len(smtp_server.messages) == 2  # one each, though it ran three times this week
    (finnish,) = smtp_server.to(FI)
    (english,) = smtp_server.to(EN)
    assert str(make_header(decode_header(finnish["Subject"]))) == "Silta tällä viikolla (2026-W50)"
    assert english["Subject"] == "Silta this week (2026-W50)"
    text = body(english).replace("\r\n", "\n")
    assert "Follow-ups due by 13 Dec 2026: 1\n- P-DUE: " in text
    assert "Follow-ups overdue: 1\n- P-LATE: " in text
    assert "P-LATER" not in text  # due next month
    assert "Commitments falling behind: 2\n- Nokkela Oy, 2025, " in text
    assert "1 of 2 delivered (2 by now" in text
    assert "\n- Kide Oy, 2026, Internship places: 1 of 4 delivered (3 by now" in text
    assert "Thesis" not in text and "2027" not in text
    assert "Aino" not in text and "virtanen" not in text  # codes, never names or addresses
    assert "Myöhässä olevia seurantoja: 1" in body(finnish)
    assert "13.12.2026" in body(finnish) and "2026-12" not in body(finnish)
    keys = {n.event_key for n in session.exec(select(Notification))}
    assert keys == {f"digest:2026-W50:{u.id}" for u in _active_with_address(session)}
    # The next week brings the next digest (P-LATE is still overdue).
    assert queue_and_send(TODAY + timedelta(days=7))[0] == 2
    assert len(smtp_server.to(EN)) == 2


def _active_with_address(session: Session) -> list[User]:
    return [u for u in session.exec(select(User)) if u.is_active and u.email]


def test_no_digest_when_nothing_is_due(
    session: Session, project: Project, smtp_server: Inbox
) -> None:
    _managers(session)
    participant(session, project, "P-STAYS")  # still in the programme
    session.commit()
    assert build(session, TODAY).empty
    assert queue_and_send(TODAY)[0] == 0
    assert smtp_server.messages == []
    assert session.exec(select(Notification)).all() == []


def test_no_digest_without_a_manager_with_an_address(session: Session, project: Project) -> None:
    session.add(User(username="noaddress", role="manager", email=""))
    _world(session, project, TODAY)
    assert not build(session, TODAY).empty
    assert queue_digests(session, TODAY) == 0


def test_the_cron_command_queues_and_sends_it_once(
    session: Session, project: Project, smtp_server: Inbox, capsys: pytest.CaptureFixture[str]
) -> None:
    _managers(session)
    _world(session, project, date.today())
    assert main(["send-notifications"]) == 0
    assert main(["send-notifications"]) == 0
    out = capsys.readouterr().out
    assert out.count("Queued this week's digest for 2 managers.") == 1
    assert len(smtp_server.to(EN)) == 1 and len(smtp_server.to(FI)) == 1
