"""All of Silta's tables (SQLModel); codes come from `core.codes`, constraints keep ESF+ rules."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Column, Index, Numeric, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from core.codes import (
    AgeBand,
    AgreedKind,
    ConsentPurpose,
    ConsentSource,
    ContactStatus,
    EntryStatus,
    FollowUpKind,
    FollowUpStatus,
    Gender,
    Indicator,
    Isced,
    LegalBasis,
    MaxLength,
    MentionSource,
    NeedSource,
    NotificationKind,
    ReportKind,
    Role,
    SessionEnd,
    SizeClass,
    TargetPeriod,
    TermFamily,
    sql_in,
)


def utcnow() -> datetime:
    """Aware UTC now: the one clock for stored timestamps (SQLModel stores them as UTC)."""
    return datetime.now(UTC)


# --- Facts about fields, stated once ------------------------------------------------------
# The tables below, the import row models (`core.io.imports.rows`), the project file, forms,
# the audit trail, period locks and retention all read these.


# The optional sensitive indicators of a participant (special-category data): reported only as
# suppressed aggregates (the EU common indicators), masked in the audit trail.
SENSITIVE_FLAGS: tuple[str, ...] = (
    "third_country_national",
    "foreign_background",
    "disability",
    "minority",
    "homeless",
    "rural",
)
# A participant's personal fields, each with the value it has once erased: the audit trail masks
# them, period locks let them be corrected, retention erases them after the participant left.
PARTICIPANT_PERSONAL_FIELDS: dict[str, str | None] = {
    "first_name": "",
    "last_name": "",
    "email": "",
    "student_number": "",
    "birth_year": None,
}
# Per table, the values that identify a person or are special-category data: the audit trail
# keeps only a marker for them.
PERSONAL_FIELDS: dict[str, frozenset[str]] = {
    "participant": frozenset({*PARTICIPANT_PERSONAL_FIELDS, *SENSITIVE_FLAGS}),
    "competence_profile": frozenset({"skills", "interests"}),
    "contact_request": frozenset({"message", "shared_email", "shared_phone", "shared_other"}),
    "user": frozenset({"display_name", "email", "sso_subject"}),
    "notification": frozenset({"to_address", "subject", "body"}),  # issue 14
    "survey_response": frozenset({"answers", "participant_code"}),  # issue 15
}
# Never copied anywhere (audit trail, table exports), whatever the table.
SECRET_FIELDS = frozenset({"password_hash", "password", "token_hash"})


# --- The project as data -------------------------------------------------------------------


class Project(SQLModel, table=True):
    __table_args__ = (CheckConstraint("end_date >= start_date", name="project_dates"),)

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=MaxLength.CODE, unique=True)
    name: str = Field(max_length=300)
    name_fi: str = Field(default="", max_length=300)
    region: str = Field(default="", max_length=120)
    start_date: date
    end_date: date
    description: str = Field(default="", sa_type=Text)
    # Issue 17: the funder's last payment (an estimate until known); retention counts from it.
    last_payment_date: date | None = None


class BudgetLine(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("project_id", "code"),
        CheckConstraint("amount_eur >= 0", name="budget_amount_nonnegative"),
    )

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE", index=True)
    code: str = Field(max_length=MaxLength.CODE)
    label: str = Field(max_length=200)
    label_fi: str = Field(default="", max_length=200)
    kind: str = Field(max_length=20)  # "cost" or "funding"
    amount_eur: Decimal = Field(sa_type=Numeric(12, 2))
    # Issue 17: a rate line is `percent` % of its base: a cost line's code, or the costs'
    # total for a funding share (base_code None). `is_salaries` marks the ledger's line.
    percent: Decimal | None = Field(default=None, sa_type=Numeric(5, 2))
    base_code: str | None = Field(default=None, max_length=MaxLength.CODE)
    is_salaries: bool = False


class WorkPackage(SQLModel, table=True):
    __tablename__ = "work_package"
    __table_args__ = (
        UniqueConstraint("project_id", "code"),
        CheckConstraint("end_date >= start_date", name="work_package_dates"),
    )

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE", index=True)
    code: str = Field(max_length=MaxLength.WORK_PACKAGE_CODE)
    name: str = Field(max_length=300)
    name_fi: str = Field(default="", max_length=300)
    start_date: date
    end_date: date


class Spearhead(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("project_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE", index=True)
    code: str = Field(max_length=MaxLength.CODE)
    name: str = Field(max_length=MaxLength.NAME)
    name_fi: str = Field(default="", max_length=MaxLength.NAME)
    fields: str = Field(default="", max_length=500)


class TargetGroup(SQLModel, table=True):
    __tablename__ = "target_group"
    __table_args__ = (UniqueConstraint("project_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE", index=True)
    code: str = Field(max_length=MaxLength.CODE)
    name: str = Field(max_length=MaxLength.NAME)
    name_fi: str = Field(default="", max_length=MaxLength.NAME)


class Programme(SQLModel, table=True):
    """A degree programme whose students take part; it belongs to one spearhead."""

    __table_args__ = (UniqueConstraint("project_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE", index=True)
    spearhead_id: int = Field(foreign_key="spearhead.id", index=True)
    code: str = Field(max_length=MaxLength.CODE)
    name: str = Field(max_length=MaxLength.NAME)
    name_fi: str = Field(default="", max_length=MaxLength.NAME)
    level: str = Field(default="", max_length=20)  # bachelor / master / doctoral
    language: str = Field(default="en", max_length=10)


class Target(SQLModel, table=True):
    """A number the project promised: cumulative to the end date, or per year or half-year."""

    __table_args__ = (
        CheckConstraint("value >= 0", name="target_value_nonnegative"),
        CheckConstraint(sql_in("indicator", Indicator), name="target_indicator_code"),
        CheckConstraint(sql_in("period", TargetPeriod), name="target_period_code"),
        CheckConstraint("period_end >= period_start", name="target_dates"),
    )

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE", index=True)
    indicator: str = Field(max_length=40)
    value: int
    period: str = Field(default=TargetPeriod.CUMULATIVE.value, max_length=20)
    period_start: date
    period_end: date
    # Optional breakdown: a target for one work package and/or one event type.
    work_package_id: int | None = Field(default=None, foreign_key="work_package.id")
    event_type: str | None = Field(default=None, max_length=30)
    # issue 15: the kind counted (commitment kind, survey kind, activity kind, badge,
    # membership), a condition on participants or companies ({"target_group": "alumni"}),
    # and the target's own name when the plan gives one.
    kind: str | None = Field(default=None, max_length=MaxLength.CODE)
    condition: dict[str, str] | None = Field(default=None, sa_column=Column(JSON))
    label: str = Field(default="", max_length=200)
    label_fi: str = Field(default="", max_length=200)


class Milestone(SQLModel, table=True):
    """A planned point on a target's trajectory; between milestones the plan is linear."""

    __table_args__ = (
        UniqueConstraint("target_id", "due_date"),
        CheckConstraint("value >= 0", name="milestone_value_nonnegative"),
    )

    id: int | None = Field(default=None, primary_key=True)
    target_id: int = Field(foreign_key="target.id", ondelete="CASCADE", index=True)
    due_date: date
    value: int
    label: str = Field(default="", max_length=200)


# --- People, companies and activities ------------------------------------------------------


class Participant(SQLModel, table=True):
    """A person with an ESF+ entry record. Personal fields are for the manager role only."""

    __table_args__ = (
        UniqueConstraint("project_id", "code"),
        CheckConstraint(sql_in("gender", Gender), name="participant_gender_code"),
        CheckConstraint(sql_in("entry_status", EntryStatus), name="participant_status_code"),
        CheckConstraint(sql_in("age_band", AgeBand), name="participant_age_band_code"),
        CheckConstraint(sql_in("isced", Isced), name="participant_isced_code"),
        CheckConstraint("exit_date IS NULL OR exit_date >= entry_date", name="participant_exit"),
        Index("ix_participant_project_entry", "project_id", "entry_date"),
    )

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE", index=True)
    code: str = Field(max_length=MaxLength.CODE)  # pseudonym, the natural key
    target_group_id: int = Field(foreign_key="target_group.id", index=True)
    programme_id: int | None = Field(default=None, foreign_key="programme.id", index=True)
    spearhead_id: int | None = Field(default=None, foreign_key="spearhead.id", index=True)
    entry_status: str = Field(max_length=20)
    gender: str = Field(max_length=20)
    age_band: str = Field(max_length=10)
    isced: str = Field(max_length=10)
    entry_date: date
    exit_date: date | None = None
    # Optional sensitive indicators (`SENSITIVE_FLAGS`): only ever shown as suppressed aggregates.
    third_country_national: bool | None = None
    foreign_background: bool | None = None
    disability: bool | None = None
    minority: bool | None = None
    homeless: bool | None = None
    rural: bool | None = None
    # Personal fields (`PARTICIPANT_PERSONAL_FIELDS`; manager only).
    first_name: str = Field(default="", max_length=MaxLength.PERSON_NAME)
    last_name: str = Field(default="", max_length=MaxLength.PERSON_NAME)
    email: str = Field(default="", max_length=MaxLength.EMAIL)
    student_number: str = Field(default="", max_length=MaxLength.STUDENT_NUMBER)
    birth_year: int | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Company(SQLModel, table=True):
    __table_args__ = (CheckConstraint(sql_in("size_class", SizeClass), name="company_size_code"),)

    id: int | None = Field(default=None, primary_key=True)
    business_id: str = Field(max_length=9, unique=True)  # Finnish Y-tunnus 1234567-8
    name: str = Field(max_length=MaxLength.NAME)
    size_class: str = Field(max_length=10)
    sector: str = Field(default="", max_length=MaxLength.SECTOR)
    municipality: str = Field(default="", max_length=MaxLength.MUNICIPALITY, index=True)
    created_at: datetime = Field(default_factory=utcnow)


class ProjectCompany(SQLModel, table=True):
    """A company supported by a project; it counts once, from `joined_on`."""

    __tablename__ = "project_company"
    __table_args__ = (UniqueConstraint("project_id", "company_id"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE", index=True)
    company_id: int = Field(foreign_key="company.id", ondelete="CASCADE", index=True)
    joined_on: date = Field(index=True)


class Commitment(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("project_id", "company_id", "year", "kind"),
        # The kinds are the project's own (its definition's commitment_kinds; issue 15).
        CheckConstraint("committed >= 0 AND delivered >= 0", name="commitment_counts"),
        CheckConstraint("amount_eur IS NULL OR amount_eur >= 0", name="commitment_amount"),
    )

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE", index=True)
    company_id: int = Field(foreign_key="company.id", ondelete="CASCADE", index=True)
    year: int
    kind: str = Field(max_length=30)
    committed: int = 0
    delivered: int = 0
    amount_eur: Decimal | None = Field(default=None, sa_type=Numeric(12, 2))
    topic: str = Field(default="", max_length=MaxLength.TOPIC)
    signed_on: date | None = None


class Event(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("project_id", "code"),
        # The types are the project's own (its definition's event_types; issue 15).
        Index("ix_event_project_date", "project_id", "event_date"),
    )

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE", index=True)
    work_package_id: int = Field(foreign_key="work_package.id", index=True)
    code: str = Field(max_length=MaxLength.CODE)
    name: str = Field(max_length=MaxLength.NAME)
    event_type: str = Field(max_length=30)
    event_date: date
    online: bool = False
    location: str = Field(default="", max_length=MaxLength.LOCATION)


class Attendee(SQLModel, table=True):
    """Someone who came to an event; a participant only when linked to an entry record."""

    __table_args__ = (UniqueConstraint("project_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE", index=True)
    code: str = Field(max_length=MaxLength.CODE)
    target_group_id: int = Field(foreign_key="target_group.id", index=True)
    participant_id: int | None = Field(
        default=None, foreign_key="participant.id", ondelete="SET NULL", unique=True
    )
    company_id: int | None = Field(default=None, foreign_key="company.id", ondelete="SET NULL")


class Attendance(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("event_id", "attendee_id"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", ondelete="CASCADE", index=True)
    attendee_id: int = Field(foreign_key="attendee.id", ondelete="CASCADE", index=True)


class CompetenceProfile(SQLModel, table=True):
    """What a student can do, as they wrote it; searchable only with consent."""

    __tablename__ = "competence_profile"
    __table_args__ = (
        CheckConstraint("study_year BETWEEN 1 AND 10", name="profile_study_year"),
        Index("ix_profile_project_consent", "project_id", "consent_search"),
    )

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE", index=True)
    code: str = Field(
        max_length=MaxLength.PROFILE_CODE, unique=True
    )  # stable random code shown to SMEs
    participant_id: int | None = Field(
        default=None, foreign_key="participant.id", ondelete="SET NULL", unique=True
    )
    programme_id: int | None = Field(default=None, foreign_key="programme.id", index=True)
    spearhead_id: int | None = Field(default=None, foreign_key="spearhead.id", index=True)
    study_year: int
    skills: str = Field(default="", sa_type=Text)
    interests: str = Field(default="", sa_type=Text)
    languages: str = Field(default="", max_length=100)  # ISO 639-1 codes, comma-separated
    text_language: str = Field(default="en", max_length=5)
    available_internship: bool = False
    available_thesis: bool = False
    available_job: bool = False
    available_from: date | None = None
    consent_search: bool = False
    updated_at: datetime = Field(default_factory=utcnow)


class FollowUp(SQLModel, table=True):
    """A result answer after exit; several per window may exist and the last one wins."""

    __tablename__ = "follow_up"
    __table_args__ = (
        CheckConstraint(sql_in("kind", FollowUpKind), name="follow_up_kind_code"),
        CheckConstraint(sql_in("status", FollowUpStatus), name="follow_up_status_code"),
        CheckConstraint(
            "experience_score IS NULL OR experience_score BETWEEN 1 AND 5", name="follow_up_score"
        ),
        # The natural key: one answer per participant, window and day (imports upsert by it).
        UniqueConstraint("participant_id", "kind", "recorded_on", name="uq_follow_up_answer"),
    )

    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", ondelete="CASCADE")
    kind: str = Field(max_length=20)
    recorded_on: date
    status: str = Field(max_length=30)
    # Longer-term "improved labour-market situation" (EU) and the project's quality flags.
    precarious_to_stable: bool | None = None
    underemployed_to_full: bool | None = None
    more_skilled_job: bool | None = None
    job_matches_education: bool | None = None
    job_in_ict: bool | None = None
    job_in_region: bool | None = None
    # Student-experience answers (T3.1).
    experience_score: int | None = None
    intends_to_stay: bool | None = None


class ContactRequest(SQLModel, table=True):
    """A company asks to meet the student behind a profile; the student answers, and the
    request then records what came of it (issue 14: each step is a `ContactStep`)."""

    __tablename__ = "contact_request"
    __table_args__ = (
        CheckConstraint(sql_in("status", ContactStatus), name="contact_request_status_code"),
        CheckConstraint(
            "agreed_kind IS NULL OR " + sql_in("agreed_kind", AgreedKind),
            name="contact_request_kind_code",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="company.id", ondelete="CASCADE", index=True)
    profile_id: int = Field(foreign_key="competence_profile.id", ondelete="CASCADE", index=True)
    requested_by: int | None = Field(default=None, foreign_key="user.id", ondelete="SET NULL")
    message: str = Field(default="", max_length=MaxLength.MESSAGE)
    query: str = Field(default="", max_length=500)
    status: str = Field(default=ContactStatus.ASKED.value, max_length=20)
    student_consent: bool | None = None
    consent_recorded_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    # Issue 14: what the student chose to share on accepting (the SME sees it only then),
    # what was agreed, and the commitment an agreed place was counted in.
    shared_email: str = Field(default="", max_length=MaxLength.EMAIL)
    shared_phone: str = Field(default="", max_length=MaxLength.PHONE)
    shared_other: str = Field(default="", max_length=MaxLength.SHARED_OTHER)
    agreed_kind: str | None = Field(default=None, max_length=20)
    commitment_id: int | None = Field(
        default=None, foreign_key="commitment.id", ondelete="SET NULL"
    )


# --- Issue 14: contact outcomes and the notification outbox -------------------------------


class ContactStep(SQLModel, table=True):
    """One dated step of a contact request (asked, answered, met, agreed…), and who took it."""

    __tablename__ = "contact_step"
    __table_args__ = (
        CheckConstraint(sql_in("status", ContactStatus), name="contact_step_status_code"),
        CheckConstraint(sql_in("actor_role", Role), name="contact_step_role_code"),
    )

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="contact_request.id", ondelete="CASCADE", index=True)
    status: str = Field(max_length=20)
    agreed_kind: str | None = Field(default=None, max_length=20)
    day: date
    actor: str = Field(default="", max_length=MaxLength.USERNAME)
    actor_role: str = Field(max_length=20)
    recorded_at: datetime = Field(default_factory=utcnow)


class Notification(SQLModel, table=True):
    """An e-mail waiting in the outbox, or sent: written in the same transaction as the event
    it tells about, so a failed send never loses it; `event_key` makes each one unique."""

    __table_args__ = (
        CheckConstraint(sql_in("kind", NotificationKind), name="notification_kind_code"),
        CheckConstraint("attempts >= 0", name="notification_attempts"),
        Index("ix_notification_due", "sent_at", "next_attempt_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    event_key: str = Field(max_length=120, unique=True)
    kind: str = Field(max_length=40)
    user_id: int | None = Field(default=None, foreign_key="user.id", ondelete="SET NULL")
    to_address: str = Field(max_length=MaxLength.EMAIL)
    lang: str = Field(default="en", max_length=5)
    subject: str = Field(max_length=300)
    body: str = Field(sa_type=Text)
    created_at: datetime = Field(default_factory=utcnow)
    next_attempt_at: datetime = Field(default_factory=utcnow)
    claimed_until: datetime | None = None  # a sender is on it until then
    attempts: int = 0
    last_error: str = Field(default="", max_length=500)
    sent_at: datetime | None = None


# --- Competence intelligence (issue 7) -----------------------------------------------------


class CompanyNeed(SQLModel, table=True):
    """A competence a company says it needs, in its own words; mapped to ESCO skills."""

    __tablename__ = "company_need"
    __table_args__ = (
        CheckConstraint(sql_in("source", NeedSource), name="company_need_source_code"),
        CheckConstraint("text <> ''", name="company_need_text"),
    )

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE", index=True)
    company_id: int = Field(foreign_key="company.id", ondelete="CASCADE", index=True)
    text: str = Field(sa_type=Text)
    source: str = Field(default=NeedSource.OTHER.value, max_length=20)
    created_by: str = Field(default="", max_length=MaxLength.USERNAME)
    created_at: datetime = Field(default_factory=utcnow)


class Report(SQLModel, table=True):
    """An internship or thesis report or a course description; its text is manager-only."""

    __table_args__ = (
        CheckConstraint(sql_in("kind", ReportKind), name="report_kind_code"),
        UniqueConstraint("project_id", "participant_id", "kind", "file_name"),
    )

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE", index=True)
    # None for a course description, which belongs to a programme rather than a person.
    participant_id: int | None = Field(
        default=None, foreign_key="participant.id", ondelete="CASCADE", index=True
    )
    programme_id: int | None = Field(default=None, foreign_key="programme.id", index=True)
    kind: str = Field(max_length=20)
    text: str = Field(sa_type=Text)
    file_name: str = Field(default="", max_length=255)
    imported_at: datetime = Field(default_factory=utcnow)


class SkillMention(SQLModel, table=True):
    """One ESCO skill found in one text, with the phrase that shows it (its evidence)."""

    __tablename__ = "skill_mention"
    __table_args__ = (
        CheckConstraint(sql_in("source_kind", MentionSource), name="skill_mention_source_code"),
        CheckConstraint("confidence >= 0 AND confidence <= 1", name="skill_mention_confidence"),
        UniqueConstraint("source_kind", "source_id", "uri"),
        Index("ix_skill_mention_uri", "uri"),
    )

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE", index=True)
    source_kind: str = Field(max_length=20)
    source_id: int
    uri: str = Field(max_length=200)
    label: str = Field(max_length=MaxLength.SKILL_LABEL)
    confidence: float
    evidence: str = Field(default="", max_length=MaxLength.SKILL_EVIDENCE)
    mapped_at: datetime = Field(default_factory=utcnow)


class PeriodLock(SQLModel, table=True):
    """A reporting period closed after a payment claim: data dated inside it cannot change.

    Unlocking keeps the row (with who, when and why), so the history of locks stays visible.
    """

    __tablename__ = "period_lock"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="period_lock_dates"),
        CheckConstraint(
            "unlocked_at IS NULL OR unlock_reason <> ''", name="period_lock_unlock_reason"
        ),
        Index("ix_period_lock_project_active", "project_id", "unlocked_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE")
    label: str = Field(max_length=80)
    start_date: date
    end_date: date
    note: str = Field(default="", max_length=500)
    locked_at: datetime = Field(default_factory=utcnow)
    locked_by: str = Field(default="", max_length=MaxLength.USERNAME)
    unlocked_at: datetime | None = None
    unlocked_by: str = Field(default="", max_length=MaxLength.USERNAME)
    unlock_reason: str = Field(default="", max_length=500)


# --- Budget, payment claims and EURA forms (issue 17) --------------------------------------


class ClaimPeriod(SQLModel, table=True):
    """A payment-claim period from the definition; submitting its claim locks the period."""

    __tablename__ = "claim_period"
    __table_args__ = (
        UniqueConstraint("project_id", "code"),
        CheckConstraint("end_date >= start_date", name="claim_period_dates"),
    )

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE", index=True)
    code: str = Field(max_length=MaxLength.CODE)
    start_date: date
    end_date: date
    submitted_at: datetime | None = None
    submitted_by: str = Field(default="", max_length=MaxLength.USERNAME)
    lock_id: int | None = Field(default=None, foreign_key="period_lock.id", ondelete="SET NULL")


class SalaryCost(SQLModel, table=True):
    """One person's salary cost in one month and role, as the university's ledger books it.

    `person` is the ledger's employee key, never a name; only the manager sees rows; everything
    others see is summed so that no cell is one person's salary (`core.budget.disclosure`).
    """

    __tablename__ = "salary_cost"
    __table_args__ = (
        UniqueConstraint("project_id", "month", "role", "person"),
        CheckConstraint("amount_eur >= 0", name="salary_cost_amount"),
        Index("ix_salary_cost_project_month", "project_id", "month"),
    )

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE")
    month: date  # the first day of the month
    role: str = Field(max_length=MaxLength.NAME)
    person: str = Field(max_length=MaxLength.CODE)
    amount_eur: Decimal = Field(sa_type=Numeric(12, 2))


class EuraForm(SQLModel, table=True):
    """The participant's own EURA 2021 start or end form, marked done by the manager."""

    __tablename__ = "eura_form"
    __table_args__ = (
        UniqueConstraint("participant_id", "kind"),
        CheckConstraint("kind IN ('start', 'end')", name="eura_form_kind"),
    )

    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", ondelete="CASCADE", index=True)
    kind: str = Field(max_length=10)
    done_on: date
    recorded_by: str = Field(default="", max_length=MaxLength.USERNAME)


# --- Access and accountability -------------------------------------------------------------


class User(SQLModel, table=True):
    """Someone who may sign in: a local password (argon2 hash) and/or a single-sign-on identity."""

    __table_args__ = (
        CheckConstraint(sql_in("role", Role), name="user_role_code"),
        CheckConstraint("role <> 'sme' OR company_id IS NOT NULL", name="user_sme_company"),
        CheckConstraint(
            "(role = 'student') = (participant_id IS NOT NULL)", name="user_student_participant"
        ),
        CheckConstraint("failed_logins >= 0", name="user_failed_logins"),
    )

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=MaxLength.USERNAME, unique=True)  # stored lower-case
    password_hash: str = Field(default="", max_length=255)  # "" = no local password
    role: str = Field(max_length=20)
    company_id: int | None = Field(default=None, foreign_key="company.id", ondelete="CASCADE")
    display_name: str = Field(default="", max_length=MaxLength.DISPLAY_NAME)
    email: str = Field(
        default="", max_length=MaxLength.EMAIL, index=True
    )  # for single sign-on, lower-case
    sso_subject: str | None = Field(default=None, max_length=255, unique=True)
    is_active: bool = True
    failed_logins: int = 0
    locked_until: datetime | None = None
    last_login_at: datetime | None = None
    password_changed_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    # Issue 14: a student's account belongs to one participant; e-mails go in `language`
    # (the language the user last signed in with).
    participant_id: int | None = Field(
        default=None, foreign_key="participant.id", ondelete="CASCADE", unique=True
    )
    language: str = Field(default="en", max_length=5)


# --- issue 14: invitation links for student accounts -------------------------------------------


class UserInvitation(SQLModel, table=True):
    """A link that lets a new student set their own password: the sha256 of its random token,
    never the token. It works once (`used_at`), until `expires_at`, unless a newer invitation
    for the same account replaced it (`revoked_at`)."""

    __tablename__ = "user_invitation"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)  # hex sha256
    user_id: int = Field(foreign_key="user.id", ondelete="CASCADE", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    used_at: datetime | None = None
    revoked_at: datetime | None = None


class UserSession(SQLModel, table=True):
    """One signed-in browser: the sha256 of the random value in its cookie, never the value.

    Idle time counts from `last_seen_at` (settings.session_idle_minutes); `expires_at` is the
    absolute end. `revoked_at` and `end_reason` say when and why it ended (signed out, expired,
    account switched off), so a stale cookie can still say "your session expired".
    """

    __tablename__ = "user_session"
    __table_args__ = (
        CheckConstraint(sql_in("end_reason", SessionEnd), name="user_session_end_code"),
        CheckConstraint("(revoked_at IS NULL) = (end_reason IS NULL)", name="user_session_end"),
    )

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)  # hex sha256
    user_id: int = Field(foreign_key="user.id", ondelete="CASCADE", index=True)
    sso: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    last_seen_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    revoked_at: datetime | None = None
    end_reason: str | None = Field(default=None, max_length=20)


class Consent(SQLModel, table=True):
    """A participant's current decision for one purpose, with its evidence; history is audited.

    ESF+ reporting rests on a legal obligation: its row records that the participant was
    informed, and it cannot be withdrawn.
    """

    __table_args__ = (
        UniqueConstraint("participant_id", "purpose"),
        CheckConstraint(sql_in("purpose", ConsentPurpose), name="consent_purpose_code"),
        CheckConstraint(sql_in("basis", LegalBasis), name="consent_basis_code"),
        CheckConstraint(sql_in("source", ConsentSource), name="consent_source_code"),
        CheckConstraint(
            "(purpose = 'esf_reporting') = (basis = 'legal_obligation')", name="consent_basis"
        ),
        CheckConstraint("NOT granted OR withdrawn_on IS NULL", name="consent_withdrawn"),
    )

    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", ondelete="CASCADE", index=True)
    purpose: str = Field(max_length=20)
    basis: str = Field(default=LegalBasis.CONSENT.value, max_length=20)
    granted: bool = False
    granted_on: date | None = None
    withdrawn_on: date | None = None
    source: str = Field(max_length=20)
    recorded_by: str = Field(default="", max_length=MaxLength.USERNAME)
    recorded_at: datetime = Field(default_factory=utcnow)


class AuditLog(SQLModel, table=True):
    """An append-only record of who changed or searched what, and when."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_key"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    username: str = Field(default="", max_length=MaxLength.USERNAME, index=True)
    # The acting user's company (SME users); a plain number so the trail outlives the company.
    company_id: int | None = Field(default=None, index=True)
    action: str = Field(max_length=MaxLength.AUDIT_ACTION, index=True)
    entity: str = Field(default="", max_length=MaxLength.AUDIT_ENTITY)
    entity_key: str = Field(default="", max_length=MaxLength.AUDIT_KEY)
    before: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    after: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    detail: str = Field(default="", sa_type=Text)


class AppMeta(SQLModel, table=True):
    """Small facts about this database: whether it holds demo data, its data version."""

    __tablename__ = "app_meta"

    key: str = Field(primary_key=True, max_length=60)
    value: str = Field(default="", max_length=500)


# issue 16: a company need's ranked candidate skills, and the company's own say on each.
class NeedSkill(SQLModel, table=True):
    """One candidate ESCO skill of one company need: its rank and calibrated confidence,
    whether the mapper claims it, and whether the company confirmed or removed it (kept
    across re-mapping: the decisions are labelled data)."""

    __tablename__ = "need_skill"
    __table_args__ = (
        CheckConstraint("decision IN ('', 'confirmed', 'removed')", name="need_skill_decision"),
        CheckConstraint("confidence >= 0 AND confidence <= 1", name="need_skill_confidence"),
        UniqueConstraint("need_id", "uri"),
    )

    id: int | None = Field(default=None, primary_key=True)
    need_id: int = Field(foreign_key="company_need.id", ondelete="CASCADE", index=True)
    uri: str = Field(max_length=200)
    label: str = Field(max_length=MaxLength.SKILL_LABEL)
    rank: int = 0  # 0 = best; decided skills no longer among the candidates keep theirs
    confidence: float = 0.0
    claimed: bool = False
    evidence: str = Field(default="", max_length=MaxLength.SKILL_EVIDENCE)
    decision: str = Field(default="", max_length=10)
    decided_by: str = Field(default="", max_length=MaxLength.USERNAME)
    decided_at: datetime | None = None


# --- issue 15: the whole plan (vocabularies, activities, surveys, memberships, badges) -----


class ProjectTerm(SQLModel, table=True):
    """A code the project definition declares (an event type, a badge…) with its names."""

    __tablename__ = "project_term"
    __table_args__ = (
        UniqueConstraint("project_id", "family", "code"),
        CheckConstraint(sql_in("family", TermFamily), name="project_term_family_code"),
    )

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE", index=True)
    family: str = Field(max_length=30)
    code: str = Field(max_length=MaxLength.CODE)
    name: str = Field(max_length=MaxLength.NAME)
    name_fi: str = Field(default="", max_length=MaxLength.NAME)
    # A badge's criteria and image (the PNG itself, base64: exports need no file).
    description: str = Field(default="", sa_type=Text)
    description_fi: str = Field(default="", sa_type=Text)
    image: str = Field(default="", sa_type=Text)


class Activity(SQLModel, table=True):
    """Something a work package did or produced: an interview, a pilot, a report… its evidence."""

    __table_args__ = (Index("ix_activity_project_date", "project_id", "activity_date"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE", index=True)
    work_package_id: int = Field(foreign_key="work_package.id", index=True)
    kind: str = Field(max_length=MaxLength.CODE)
    title: str = Field(max_length=MaxLength.NAME)
    activity_date: date
    deliverable: bool = False  # a published result of the programme
    done_on: date | None = None  # a deliverable counts toward its target from this day
    company_ids: list[int] = Field(default_factory=list, sa_column=Column(JSON))
    participant_codes: str = Field(default="", max_length=MaxLength.TOPIC)
    people: int | None = None  # how many took part, when no one is named
    themes: list[str] = Field(default_factory=list, sa_column=Column(JSON))  # InterviewTheme
    bottlenecks: str = Field(default="", sa_type=Text)
    notes: str = Field(default="", sa_type=Text)
    created_by: str = Field(default="", max_length=MaxLength.USERNAME)
    created_at: datetime = Field(default_factory=utcnow)


class ActivityFile(SQLModel, table=True):
    """A file kept beside the database as an activity's evidence (manager only)."""

    __tablename__ = "activity_file"

    id: int | None = Field(default=None, primary_key=True)
    activity_id: int = Field(foreign_key="activity.id", ondelete="CASCADE", index=True)
    file_name: str = Field(max_length=255)  # as uploaded
    stored_name: str = Field(max_length=80, unique=True)  # random, under the data directory
    size_bytes: int
    uploaded_by: str = Field(default="", max_length=MaxLength.USERNAME)
    uploaded_at: datetime = Field(default_factory=utcnow)


class Survey(SQLModel, table=True):
    """A questionnaire (its questions as JSON, EN+FI), answered through links or imported."""

    __table_args__ = (UniqueConstraint("project_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE", index=True)
    code: str = Field(max_length=MaxLength.CODE)
    kind: str = Field(max_length=MaxLength.CODE)
    title: str = Field(max_length=MaxLength.NAME)
    title_fi: str = Field(default="", max_length=MaxLength.NAME)
    questions: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    is_open: bool = True
    event_id: int | None = Field(default=None, foreign_key="event.id", ondelete="SET NULL")
    created_at: datetime = Field(default_factory=utcnow)


class SurveyLink(SQLModel, table=True):
    """An address to answer a survey: personal (answered once) or anonymous (many answers).

    Only the sha256 of the random token is kept, as for sign-in sessions."""

    __tablename__ = "survey_link"

    id: int | None = Field(default=None, primary_key=True)
    survey_id: int = Field(foreign_key="survey.id", ondelete="CASCADE", index=True)
    token_hash: str = Field(max_length=64, unique=True)
    personal: bool = True
    participant_code: str = Field(default="", max_length=MaxLength.CODE)
    company_id: int | None = Field(default=None, foreign_key="company.id", ondelete="SET NULL")
    used_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)


class SurveyResponse(SQLModel, table=True):
    """One set of answers ({question code: answer}); open answers are for the manager only."""

    __tablename__ = "survey_response"

    id: int | None = Field(default=None, primary_key=True)
    survey_id: int = Field(foreign_key="survey.id", ondelete="CASCADE", index=True)
    link_id: int | None = Field(default=None, foreign_key="survey_link.id", ondelete="SET NULL")
    submitted_on: date = Field(index=True)
    answers: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    source: str = Field(default="link", max_length=20)  # link or import
    participant_code: str = Field(default="", max_length=MaxLength.CODE)
    company_id: int | None = Field(default=None, foreign_key="company.id", ondelete="SET NULL")
    event_id: int | None = Field(default=None, foreign_key="event.id", ondelete="SET NULL")
    study_year: int | None = None


class Membership(SQLModel, table=True):
    """A participant in one of the project's memberships (ICT Student Circle, alumni…)."""

    __table_args__ = (
        UniqueConstraint("participant_id", "kind", "start_date"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="membership_dates"),
    )

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE", index=True)
    participant_id: int = Field(foreign_key="participant.id", ondelete="CASCADE", index=True)
    kind: str = Field(max_length=MaxLength.CODE)
    start_date: date
    end_date: date | None = None


class BadgeAward(SQLModel, table=True):
    """A badge of the project issued to a participant (exported as an Open Badges assertion)."""

    __tablename__ = "badge_award"
    __table_args__ = (UniqueConstraint("participant_id", "badge_code"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE", index=True)
    participant_id: int = Field(foreign_key="participant.id", ondelete="CASCADE", index=True)
    badge_code: str = Field(max_length=MaxLength.CODE)
    uid: str = Field(max_length=40, unique=True)  # random: the assertion's public id
    issued_on: date
    evidence: str = Field(default="", max_length=MaxLength.TOPIC)
    issued_by: str = Field(default="", max_length=MaxLength.USERNAME)
