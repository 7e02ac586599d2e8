"""Coded values of the ESF+ data model, shared by tables, validation and templates.

A code list with UI texts is `Labelled`: its codes' texts are `<key_prefix>.<code>` in core.i18n."""

from __future__ import annotations

from enum import StrEnum

from core.i18n import Labelled


class Gender(Labelled, key_prefix="gender"):
    WOMAN = "woman"
    MAN = "man"
    NON_BINARY = "non_binary"


class EntryStatus(Labelled, key_prefix="code.entry_status"):
    """Labour-market status at entry; exactly one per participant.

    `in_education` is a full-time student: for the EU indicators an inactive person in
    education, and for this project's own target the "in education" group.
    """

    IN_EDUCATION = "in_education"
    EMPLOYED = "employed"
    UNEMPLOYED = "unemployed"
    INACTIVE = "inactive"


class AgeBand(StrEnum):
    UNDER_18 = "<18"
    AGE_18_29 = "18-29"
    AGE_30_54 = "30-54"
    AGE_55_PLUS = "55+"


class Isced(StrEnum):
    ISCED_0_2 = "0-2"
    ISCED_3_4 = "3-4"
    ISCED_5_8 = "5-8"


class SizeClass(Labelled, key_prefix="code.size_class"):
    MICRO = "micro"
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"


class CommitmentKind(Labelled, key_prefix="code.commitment_kind"):
    SCHOLARSHIP = "scholarship"
    INTERNSHIP_PLACE = "internship_place"
    THESIS_PLACE = "thesis_place"
    EXPERT_TALK = "expert_talk"
    MENTORING = "mentoring"


class EventType(Labelled, key_prefix="code.event_type"):
    LAUNCH_EVENT = "launch_event"
    MEGAMATCHMAKING = "megamatchmaking"
    COFFEE_WITH_ALUMNI = "coffee_with_alumni"
    ICT_FABLABING = "ict_fablabing"
    ICT_IMPACT_FORUM = "ict_impact_forum"
    WORKSHOP = "workshop"
    INTENSIVE_COURSE = "intensive_course"
    STUDENT_CIRCLE = "student_circle"
    MEETUP = "meetup"
    THEMED_EVENT = "themed_event"
    PEER_SUPPORT = "peer_support"
    COMPANY_INTERVIEW = "company_interview"


class FollowUpKind(Labelled, key_prefix="code.follow_up_kind"):
    """The two ESF+ result windows: 28 days (immediate) and 6 months (longer-term) after exit."""

    IMMEDIATE = "28_days"
    SIX_MONTHS = "6_months"


class FollowUpStatus(Labelled, key_prefix="code.follow_up_status"):
    JOB_SEARCHING = "job_searching"
    IN_EDUCATION = "in_education"
    QUALIFICATION = "gained_qualification"
    EMPLOYED = "employed"
    SELF_EMPLOYED = "self_employed"
    INACTIVE = "inactive"
    UNKNOWN = "unknown"


class Role(Labelled, key_prefix="role"):
    MANAGER = "manager"
    STEERING = "steering"
    SME = "sme"
    # Issue 14: a student who owns one participant's profile, consents and contact requests.
    STUDENT = "student"


class ConsentPurpose(Labelled, key_prefix="consent.purpose"):
    """What a participant's data may be used for; each purpose is decided separately."""

    SEARCH = "search"  # a searchable competence profile
    CONTACT = "contact"  # companies may ask to be put in touch
    ESF_REPORTING = "esf_reporting"  # EU reporting: a legal obligation, not consent


class LegalBasis(Labelled, key_prefix="consent.basis"):
    CONSENT = "consent"
    LEGAL_OBLIGATION = "legal_obligation"


class ConsentSource(Labelled, key_prefix="consent.source"):
    """How a consent decision reached the project (kept as evidence)."""

    FORM = "form"
    PAPER = "paper"
    EMAIL = "email"
    IMPORT = "import"
    EVENT = "event"
    OTHER = "other"


class TargetPeriod(StrEnum):
    CUMULATIVE = "cumulative"
    YEAR = "year"
    HALF_YEAR = "half_year"


class Indicator(Labelled, key_prefix="indicator"):
    """What a target counts; the arithmetic for each lives in `core.indicators.kpi`."""

    PARTICIPANTS = "participants"
    PARTICIPANTS_IN_EDUCATION = "participants_in_education"
    PARTICIPANTS_EMPLOYED = "participants_employed"
    COMPANIES = "companies"
    EVENTS = "events"
    # issue 15: everything else the plan promised, counted from the project's own records.
    COMMITMENTS_DELIVERED = "commitments_delivered"
    SURVEY_RESPONSES = "survey_responses"
    ACTIVITIES = "activities"
    DELIVERABLES_DONE = "deliverables_done"
    BADGES_ISSUED = "badges_issued"
    MEMBERS = "members"


class Availability(Labelled, key_prefix="availability"):
    INTERNSHIP = "internship"
    THESIS = "thesis"
    JOB = "job"


class NeedSource(Labelled, key_prefix="code.need_source"):
    """Where a company's competence need was heard (issue 7)."""

    INTERVIEW = "interview"  # T1.1 recruitment-bottleneck interviews
    COMMITMENT = "commitment"  # a commitment's topic
    THESIS_IDEA = "thesis_idea"
    OTHER = "other"


class ReportKind(Labelled, key_prefix="code.report_kind"):
    INTERNSHIP = "internship"
    THESIS = "thesis"
    COURSE = "course"  # a course description


class MentionSource(Labelled, key_prefix="code.mention_source"):
    """Which kind of text an ESCO skill mention was found in."""

    PROFILE = "profile"
    REPORT = "report"
    NEED = "need"


class SessionEnd(StrEnum):
    """Why a sign-in session ended."""

    SIGNED_OUT = "signed_out"
    EXPIRED = "expired"  # idle too long, or past its longest life
    INACTIVE = "inactive"  # the account was switched off (or is gone)


# --- Issue 14: contact requests end in outcomes, people are notified -----------------------


class ContactStatus(Labelled, key_prefix="contact.status"):
    """Where a contact request stands; it only moves forward (`core.contacts.status`)."""

    ASKED = "asked"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    MET = "met"
    AGREED = "agreed"
    STARTED = "started"
    ENDED = "ended"


class AgreedKind(Labelled, key_prefix="contact.kind"):
    """What a company and a student agreed on."""

    INTERNSHIP = "internship"
    THESIS = "thesis"
    JOB = "job"
    OTHER = "other"


class NotificationKind(Labelled, key_prefix="notify.kind"):
    NEW_REQUEST_STUDENT = "new_request_student"
    NEW_REQUEST_MANAGER = "new_request_manager"
    ANSWER_SME = "answer_sme"
    STUDENT_INVITATION = "student_invitation"
    MANAGER_DIGEST = "manager_digest"  # issue 14: the manager's weekly digest


# --- issue 15: the project's own vocabularies --------------------------------------------------


class TermFamily(StrEnum):
    """A list of codes a project definition declares (each code with its EN+FI name).

    Event types and commitment kinds default to the lists above, survey and activity kinds to
    the built-in ones below; a definition may replace any of them without a code change."""

    EVENT_TYPE = "event_type"
    COMMITMENT_KIND = "commitment_kind"
    SURVEY_KIND = "survey_kind"
    ACTIVITY_KIND = "activity_kind"
    MEMBERSHIP = "membership"
    BADGE = "badge"


class SurveyKind(Labelled, key_prefix="code.survey_kind"):
    """The built-in surveys' kinds (the plan's feedback and experience questions)."""

    LAUNCH_FEEDBACK = "launch_feedback"
    SME_RECRUITMENT = "sme_recruitment"
    STUDENT_EXPERIENCE = "student_experience"
    COMPETENCE_DATA = "competence_data"
    OTHER = "other"


class ActivityKind(Labelled, key_prefix="code.activity_kind"):
    """What a work package did or produced (its evidence), by default."""

    INTERVIEW = "interview"
    WORKSHOP = "workshop"
    PILOT = "pilot"
    FOCUS_GROUP = "focus_group"
    COMPETENCE_MAPPING = "competence_mapping"
    REPORT = "report"
    MODEL_DESCRIPTION = "model_description"
    OTHER = "other"


class InterviewTheme(Labelled, key_prefix="code.interview_theme"):
    """The five themes of the T1.1 company interviews, as the plan names them."""

    GOALS_GROWTH = "goals_growth"
    COOPERATION = "cooperation"
    SYSTEMS_TOOLS = "systems_tools"
    HR = "hr"
    CONTINUITY = "continuity"


DEFAULT_TERMS: dict[TermFamily, tuple[str, ...]] = {
    TermFamily.EVENT_TYPE: tuple(e.value for e in EventType),
    TermFamily.COMMITMENT_KIND: tuple(k.value for k in CommitmentKind),
    TermFamily.SURVEY_KIND: tuple(k.value for k in SurveyKind),
    TermFamily.ACTIVITY_KIND: tuple(k.value for k in ActivityKind),
    TermFamily.MEMBERSHIP: (),
    TermFamily.BADGE: (),
}


def term_key(family: TermFamily | str, code: str) -> str:
    """The UI text key of a project code (`code.event_type.workshop`); built-in codes have
    their text in core.i18n, a definition's own codes get theirs when the project loads."""
    return f"code.{TermFamily(family).value}.{code}"


def values(enum: type[StrEnum]) -> list[str]:
    """The stored codes of an enum, in declaration order."""
    return [member.value for member in enum]


def sql_in(column: str, enum: type[StrEnum]) -> str:
    """A CHECK constraint body that keeps `column` inside the codes of `enum`."""
    quoted = ", ".join(f"'{v}'" for v in values(enum))
    return f"{column} IN ({quoted})"


class MaxLength:
    """Field limits in characters (PostgreSQL refuses longer values; SQLite would keep them)."""

    CODE = 40  # codes people write: project, participant, event, target group, programme…
    WORK_PACKAGE_CODE = 20
    PROFILE_CODE = 20  # the random code SME users see on a competence profile
    NAME = 200  # names of companies, events, spearheads, target groups, programmes
    PERSON_NAME = 100  # a participant's first or last name
    EMAIL = 254  # the longest address SMTP carries (RFC 5321)
    STUDENT_NUMBER = 20
    SECTOR = 120
    MUNICIPALITY = 80
    LOCATION = 120
    TOPIC = 500
    MESSAGE = 2000  # a contact request's message to a student
    PHONE = 40  # issue 14: a phone number a student shares with a company
    SHARED_OTHER = 300  # issue 14: another way to reach a student (a profile address…)
    USERNAME = 80  # user names, and whoever a row or audit entry names as its actor
    DISPLAY_NAME = 120
    AUDIT_ACTION = 30
    AUDIT_ENTITY = 60
    AUDIT_KEY = 120
    SKILL_LABEL = 300
    SKILL_EVIDENCE = 1000
