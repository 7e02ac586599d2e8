"""The manager's weekly digest (issue 14): follow-ups due this week and overdue, and company
commitments falling behind, e-mailed to each active manager with an address, in their language.

`queue_digests` runs from `python -m core send-notifications` (daily from cron) before the
outbox is sent. The outbox key `digest:<ISO year>-W<week>:<manager id>` makes it once per ISO
week however often it runs; a week with nothing to say queues nothing (a later day of the same
week may still queue one, when something has become due).

The figures come from where the rest of Silta reads them: the follow-up schedule of
`core.indicators.followup` and the commitments the payment-claim check lists as signed but not
delivered (`core.budget.claims.undelivered_commitments`). Participant codes are fine here: a
manager may see them (names and e-mails are not written, an e-mail travels through other hands).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from core.budget.claims import undelivered_commitments
from core.codes import NotificationKind, Role, TermFamily, term_key
from core.dashboards.charts.locale import day_label
from core.i18n import DEFAULT_LANG, LANGUAGES, label, translate
from core.indicators.followup import DueState, FollowUpDue, schedule
from core.models import Commitment, Project, User
from core.notify.events import compose
from core.notify.outbox import Outgoing, enqueue


@dataclass(frozen=True)
class Behind:
    """A commitment whose deliveries are behind the pace of its year."""

    company: str
    year: int
    kind: str
    committed: int
    delivered: int
    expected: int  # whole units that should have been delivered by now


@dataclass
class Digest:
    """What one week's digest says (the same for every manager; only the words differ)."""

    week: str  # "2026-W49"
    week_end: date
    due: list[FollowUpDue] = field(default_factory=list)
    overdue: list[FollowUpDue] = field(default_factory=list)
    behind: list[Behind] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.due or self.overdue or self.behind)


def iso_week(today: date) -> str:
    year, week, _ = today.isocalendar()
    return f"{year}-W{week:02d}"


def expected_by(commitment: Commitment, today: date) -> int:
    """Whole units that should be delivered by `today`: all of them for a past year, else the
    share of the year gone by, rounded down (two places a year are not behind in March
    with none delivered; by July one is due)."""
    if commitment.year < today.year:
        return commitment.committed
    days = 366 if calendar.isleap(today.year) else 365
    return commitment.committed * today.timetuple().tm_yday // days


def build(session: Session, today: date) -> Digest:
    """This week's digest over every project."""
    week_end = today + timedelta(days=6 - today.weekday())
    digest = Digest(iso_week(today), week_end)
    for project in session.exec(select(Project).order_by(col(Project.id))):
        for item in schedule(session, project, today):
            if item.state is DueState.OVERDUE:
                digest.overdue.append(item)
            elif item.state is DueState.DUE and item.due <= week_end:
                digest.due.append(item)
        for commitment, company in undelivered_commitments(session, project, today):
            expected = expected_by(commitment, today)
            if commitment.delivered < expected:
                digest.behind.append(
                    Behind(
                        company.name,
                        commitment.year,
                        commitment.kind,
                        commitment.committed,
                        commitment.delivered,
                        expected,
                    )
                )
    digest.due.sort(key=lambda d: (d.due, d.code))
    digest.overdue.sort(key=lambda d: (d.due, d.code))
    return digest


def _day(day: date, lang: str) -> str:
    """13 Dec 2026 / 13.12.2026, as the app writes days."""

    def t(key: str, **values: object) -> str:
        return translate(key, lang, **values)

    return day_label(day, t)


def _follow_up_lines(items: list[FollowUpDue], lang: str) -> list[str]:
    return [
        translate(
            "digest.follow_up_line",
            lang,
            code=item.code,
            kind=label(item.kind, lang),
            due=_day(item.due, lang),
        )
        for item in items
    ]


def text_of(digest: Digest, lang: str) -> str:
    """The digest's body in `lang` (without the footer `compose` adds)."""
    parts: list[str] = []
    if digest.due:
        heading = translate("digest.due", lang, n=len(digest.due), end=_day(digest.week_end, lang))
        parts.append("\n".join([heading, *_follow_up_lines(digest.due, lang)]))
    if digest.overdue:
        heading = translate("digest.overdue", lang, n=len(digest.overdue))
        parts.append("\n".join([heading, *_follow_up_lines(digest.overdue, lang)]))
    if digest.behind:
        lines = [
            translate(
                "digest.behind_line",
                lang,
                company=b.company,
                year=b.year,
                kind=translate(term_key(TermFamily.COMMITMENT_KIND, b.kind), lang),
                delivered=b.delivered,
                committed=b.committed,
                expected=b.expected,
            )
            for b in digest.behind
        ]
        heading = translate("digest.behind", lang, n=len(digest.behind))
        parts.append("\n".join([heading, *lines]))
    return "\n\n".join(parts)


def queue_digests(session: Session, today: date) -> int:
    """Queue this week's digest for every active manager with an address who has not had it;
    returns how many were queued (the caller commits)."""
    managers = list(
        session.exec(
            select(User)
            .where(User.role == Role.MANAGER.value, col(User.is_active).is_(True))
            .where(User.email != "")
            .order_by(col(User.id))
        )
    )
    if not managers:
        return 0
    digest = build(session, today)
    if digest.empty:
        return 0
    queued = 0
    for manager in managers:
        lang = manager.language if manager.language in LANGUAGES else DEFAULT_LANG
        kind = NotificationKind.MANAGER_DIGEST
        subject, body = compose(kind, lang, week=digest.week, digest=text_of(digest, lang))
        key = f"digest:{digest.week}:{manager.id}"
        message = Outgoing(key, kind, manager.email, lang, subject, body, manager.id)
        try:
            with session.begin_nested():
                row = enqueue(session, message)
        except IntegrityError:
            continue  # a second run at the same moment queued it first: once is enough
        queued += row is not None
    return queued
