"""Retention: personal data is kept as long as the funder's rules require, and no longer.

The rule (Regulation (EU) 2021/1060, Art. 82): the documents behind a payment claim stay
available for five years from 31 December of the year of the last payment to the project. So,
by default, a participant's personal data is kept until 31 December of the fifth year after the
project's last payment date (`last_payment_date` in the project definition, an estimate until
the payment is made); the day after, names, e-mail, student number and birth year
(`PARTICIPANT_PERSONAL_FIELDS`) are emptied; their competence profile keeps only coded facts
(programme, spearhead, study year) and loses its texts, languages, availability, link to the
participant and search consent; messages of contact requests about it are cleared; search and
contact consents are deleted (the ESF+ reporting record stays). Entry data, follow-ups,
attendance and sensitive indicators stay, so KPIs and EU indicators never change; the
participant code (a pseudonym) stays. A project without a last payment date keeps everything.

Data that no claim needs may go sooner: with `SILTA_PROFILE_RETENTION_DAYS` set, a competence
profile is emptied and unlinked (as above) that many days after its student withdrew search
consent; the participant's own record stays for the claim.

The audit trail never held personal values (`core.access.audit` writes markers), so it needs no
scrubbing; with `SILTA_AUDIT_RETENTION_DAYS` set, entries older than that are deleted, the one
deletion the database allows on `audit_log`.

Survey answers and activities (their notes and evidence files) follow the same end date:
`core.access.retention_records`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import ColumnElement, delete, func, or_
from sqlmodel import Session, SQLModel, col, select

from core.access import audit
from core.access.consent import notify_not_searchable
from core.access.retention_records import RecordsDue, forget_records, records_due
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
    Project,
    User,
    utcnow,
)

AUDIT_PURGE_BEFORE = "audit_purge_before"  # read by the audit_log triggers (see migration)
ARTICLE = "Regulation (EU) 2021/1060 Art. 82"
KEPT_YEARS = 5


@dataclass(frozen=True)
class Due:
    """One thing retention removes (or, in a dry run, would), and why."""

    what: str  # "participant" or "profile"
    code: str  # the participant's code or the profile's code (pseudonyms, never a name)
    why: str


@dataclass(frozen=True)
class RetentionReport:
    """What retention did (or, in a dry run, would do)."""

    participants: int
    profiles: int
    consents: int
    contact_messages: int
    audit_entries: int
    audit_before: datetime | None
    dry_run: bool
    items: list[Due] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # why a project's data all stays
    records: RecordsDue = field(default_factory=RecordsDue)  # surveys and activities


def retention_end(project: Project) -> date | None:
    """The last day a project's personal data must be kept: 31 December of the fifth year
    after its last payment (None while the definition has no last payment date)."""
    if project.last_payment_date is None:
        return None
    return date(project.last_payment_date.year + KEPT_YEARS, 12, 31)


def _filled(name: str) -> ColumnElement[bool]:
    """SQL: the participant's personal field `name` still holds a value."""
    column = col(getattr(Participant, name))
    erased = PARTICIPANT_PERSONAL_FIELDS[name]
    return column.is_not(None) if erased is None else column != erased


def _participants_due(
    session: Session, today: date
) -> tuple[list[tuple[int, str, str]], list[str]]:
    """(id, code, why) of participants past their project's retention end; why others stay."""
    has_personal = or_(
        *(_filled(name) for name in PARTICIPANT_PERSONAL_FIELDS),
        col(Participant.id).in_(select(CompetenceProfile.participant_id)),
        col(Participant.id).in_(
            select(Consent.participant_id).where(col(Consent.purpose) != "esf_reporting")
        ),
    )
    due: list[tuple[int, str, str]] = []
    kept: list[str] = []
    for project in session.exec(select(Project).order_by(col(Project.code))):
        end = retention_end(project)
        if end is None:
            kept.append(f"{project.code}: no last payment date in the definition; all kept")
            continue
        if today <= end:
            kept.append(f"{project.code}: kept until {end.isoformat()} ({ARTICLE})")
            continue
        why = f"{project.code}'s retention ended {end.isoformat()} ({ARTICLE})"
        query = select(Participant.id, Participant.code).where(
            Participant.project_id == project.id, has_personal
        )
        due += [(pid, code, why) for pid, code in session.exec(query) if pid is not None]
    return due, kept


def _ended_projects(session: Session, today: date) -> list[int]:
    """The projects whose retention end has passed."""
    return [
        project.id
        for project in session.exec(select(Project))
        if project.id is not None and (end := retention_end(project)) is not None and today > end
    ]


def _profiles_after_consent(
    session: Session, today: date, skip: set[int]
) -> list[tuple[CompetenceProfile, str]]:
    """Profiles whose student withdrew search consent more than the set days ago."""
    days = get_settings().profile_retention_days
    if days == 0:
        return []
    cutoff = today - timedelta(days=days)
    query = (
        select(CompetenceProfile, col(Consent.withdrawn_on))
        .join(Consent, col(Consent.participant_id) == col(CompetenceProfile.participant_id))
        .where(
            col(Consent.purpose) == ConsentPurpose.SEARCH.value,
            col(Consent.withdrawn_on) <= cutoff,
        )
    )
    return [
        (profile, f"search consent withdrawn {withdrawn}, over {days} days ago")
        for profile, withdrawn in session.exec(query)
        if profile.participant_id not in skip
    ]


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
    """Remove what is due; with `dry_run`, only list it (the caller commits)."""
    now = now or utcnow()
    today = today or now.date()
    people, kept = _participants_due(session, today)
    due = [pid for pid, _, _ in people]
    profiles = list(
        session.exec(
            select(CompetenceProfile).where(col(CompetenceProfile.participant_id).in_(due))
        )
    )
    early = _profiles_after_consent(session, today, set(due))
    items = [Due("participant", code, why) for _, code, why in people]
    items += [Due("profile", profile.code, why) for profile, why in early]
    all_profiles = profiles + [profile for profile, _ in early]
    messages = _count(
        session,
        ContactRequest,
        col(ContactRequest.profile_id).in_([p.id for p in all_profiles]),
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
    ended = _ended_projects(session, today)
    report = RetentionReport(
        len(due), len(all_profiles), consents, messages, old_entries, audit_before, dry_run,
        items, kept, records_due(session, ended),
    )  # fmt: skip
    if dry_run:
        return report
    _anonymise(session, due, all_profiles)
    forget_records(session, ended)
    _purge_audit(session, audit_before, old_entries)
    audit.record(session, action="retention", detail=summary(report, listed=False))
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


def summary(report: RetentionReport, *, listed: bool = True) -> str:
    """What was (or would be) removed and why; with `listed`, one line per item."""
    verb = "would be" if report.dry_run else "were"
    lines = [*report.kept]
    lines += [
        f"  {report.participants} participants {verb} anonymised",
        f"  {report.profiles} competence profiles {verb} emptied and unlinked",
        f"  {report.consents} search/contact consents {verb} deleted",
        f"  {report.contact_messages} contact-request messages {verb} cleared",
        f"  {report.records.survey_responses} survey responses {verb} unlinked from their "
        "participant and lost their open answers",
        f"  {report.records.activity_notes} activity notes {verb} emptied",
        f"  {report.records.activity_files} activity evidence files {verb} deleted",
    ]
    if report.audit_before is not None:
        lines.append(
            f"  {report.audit_entries} audit entries from before "
            f"{report.audit_before.date().isoformat()} {verb} deleted"
        )
    if listed:
        lines += [f"  - {item.what} {item.code}: {item.why}" for item in report.items]
    return "\n".join(lines)
