"""Retention: some time after a participant leaves, their personal data goes; counts stay.

For every participant whose exit lies more than `SILTA_RETENTION_DAYS` (default 365) back:
names, e-mail, student number and birth year (`PARTICIPANT_PERSONAL_FIELDS`) are emptied; their
competence profile keeps only coded facts (programme, spearhead, study year) and loses its
texts, languages, availability, link to the participant and search consent; messages of contact
requests about it are cleared; search and contact consents are deleted (ESF+ reporting rests on
a legal obligation, so that record stays). Entry data, follow-ups, attendance and sensitive
indicators stay, so KPIs and EU indicators are unchanged. The participant code (a pseudonym)
stays.

The audit trail never held personal values (`core.access.audit` writes markers), so it needs no
scrubbing; with `SILTA_AUDIT_RETENTION_DAYS` set, entries older than that are deleted, the
one deletion the database allows on `audit_log`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import ColumnElement, delete, func, or_
from sqlmodel import Session, SQLModel, col, select

from core.access import audit
from core.access.consent import notify_not_searchable
from core.codes import ConsentPurpose
from core.config import get_settings
from core.meta import set_meta
from core.models import (
    PARTICIPANT_PERSONAL_FIELDS,
    AuditLog,
    CompetenceProfile,
    Consent,
    ContactRequest,
    Notification,
    Participant,
    User,
    utcnow,
)

AUDIT_PURGE_BEFORE = "audit_purge_before"  # read by the audit_log triggers (see migration)


@dataclass(frozen=True)
class RetentionReport:
    """What retention did (or, in a dry run, would do)."""

    exited_before: date
    participants: int
    profiles: int
    consents: int
    contact_messages: int
    audit_entries: int
    audit_before: datetime | None
    dry_run: bool


def _filled(name: str) -> ColumnElement[bool]:
    """SQL: the participant's personal field `name` still holds a value."""
    column = col(getattr(Participant, name))
    erased = PARTICIPANT_PERSONAL_FIELDS[name]
    return column.is_not(None) if erased is None else column != erased


def _due(session: Session, cutoff: date) -> list[int]:
    has_personal = or_(
        *(_filled(name) for name in PARTICIPANT_PERSONAL_FIELDS),
        col(Participant.id).in_(select(CompetenceProfile.participant_id)),
        col(Participant.id).in_(
            select(Consent.participant_id).where(col(Consent.purpose) != "esf_reporting")
        ),
    )
    query = select(Participant.id).where(col(Participant.exit_date) <= cutoff, has_personal)
    return [i for i in session.exec(query) if i is not None]


def _count(session: Session, model: type, *where: object) -> int:
    query = select(func.count()).select_from(model).where(*where)  # type: ignore[arg-type]
    return int(session.exec(query).one())


def _audit_cutoff(now: datetime) -> datetime | None:
    days = get_settings().audit_retention_days
    return None if days == 0 else now - timedelta(days=days)


def apply_retention(
    session: Session,
    *,
    today: date | None = None,
    now: datetime | None = None,
    dry_run: bool = False,
) -> RetentionReport:
    """Anonymise everyone due; with `dry_run`, only count (the caller commits)."""
    now = now or utcnow()
    today = today or now.date()
    cutoff = today - timedelta(days=get_settings().retention_days)
    due = _due(session, cutoff)
    profiles = list(
        session.exec(
            select(CompetenceProfile).where(col(CompetenceProfile.participant_id).in_(due))
        )
    )
    profile_ids = [p.id for p in profiles]
    messages = _count(
        session,
        ContactRequest,
        col(ContactRequest.profile_id).in_(profile_ids),
        col(ContactRequest.message) != "",
    )
    consents = _count(
        session,
        Consent,
        col(Consent.participant_id).in_(due),
        col(Consent.purpose) != ConsentPurpose.ESF_REPORTING.value,
    )
    audit_before = _audit_cutoff(now)
    old_entries = (
        0 if audit_before is None else _count(session, AuditLog, col(AuditLog.at) < audit_before)
    )
    report = RetentionReport(
        cutoff, len(due), len(profiles), consents, messages, old_entries, audit_before, dry_run
    )
    if dry_run:
        return report
    _anonymise(session, due, profiles)
    _purge_audit(session, audit_before, old_entries)
    audit.record(session, action="retention", detail=summary(report))
    return report


def _forget_student_accounts(session: Session, due: list[int]) -> None:
    """Issue 14: a student's account and the e-mails addressed to them go with their data."""
    accounts = list(session.exec(select(User).where(col(User.participant_id).in_(due))))
    addresses = {a.email for a in accounts if a.email}
    addresses |= {
        p.email for p in session.exec(select(Participant).where(col(Participant.id).in_(due)))
    }
    addresses.discard("")
    if addresses:
        for sent in session.exec(
            select(Notification).where(col(Notification.to_address).in_(addresses))
        ):
            session.delete(sent)
    for account in accounts:
        session.delete(account)


def _anonymise(session: Session, due: list[int], profiles: list[CompetenceProfile]) -> None:
    _forget_student_accounts(session, due)  # issue 14
    for participant in session.exec(select(Participant).where(col(Participant.id).in_(due))):
        for name, erased in PARTICIPANT_PERSONAL_FIELDS.items():
            setattr(participant, name, erased)
        session.add(participant)
    codes = frozenset(p.code for p in profiles)
    for profile in profiles:
        profile.skills = profile.interests = profile.languages = ""
        profile.participant_id = None
        profile.consent_search = False
        profile.available_internship = profile.available_thesis = profile.available_job = False
        profile.available_from = None
        profile.updated_at = utcnow()
        session.add(profile)
    requests = select(ContactRequest).where(
        col(ContactRequest.profile_id).in_([p.id for p in profiles])
    )
    for request in session.exec(requests):
        request.message = ""
        # Issue 14: the contact details the student shared go with the rest.
        request.shared_email = request.shared_phone = request.shared_other = ""
        session.add(request)
    consents = select(Consent).where(
        col(Consent.participant_id).in_(due),
        col(Consent.purpose) != ConsentPurpose.ESF_REPORTING.value,
    )
    for consent in session.exec(consents):
        session.delete(consent)
    session.flush()
    if codes:
        notify_not_searchable(codes)


def _purge_audit(session: Session, before: datetime | None, count: int) -> None:
    if before is None or count == 0:
        return
    # The triggers compare with this value, stored as SQLite stores times (UTC, no offset).
    set_meta(session, AUDIT_PURGE_BEFORE, before.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f"))
    session.flush()
    table = SQLModel.metadata.tables["audit_log"]
    session.connection().execute(delete(table).where(table.c.at < before))
    set_meta(session, AUDIT_PURGE_BEFORE, "")
    session.flush()


def summary(report: RetentionReport) -> str:
    verb = "would be" if report.dry_run else "were"
    lines = [
        f"Participants who left on or before {report.exited_before.isoformat()}:",
        f"  {report.participants} participants {verb} anonymised",
        f"  {report.profiles} competence profiles {verb} emptied and unlinked",
        f"  {report.consents} search/contact consents {verb} deleted",
        f"  {report.contact_messages} contact-request messages {verb} cleared",
    ]
    if report.audit_before is not None:
        lines.append(
            f"  {report.audit_entries} audit entries from before "
            f"{report.audit_before.date().isoformat()} {verb} deleted"
        )
    return "\n".join(lines)
