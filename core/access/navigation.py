"""Which pages exist and which role may open each: access control is the page list itself."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from core.codes import Role
from core.config import REPO_ROOT
from core.i18n import Labelled

MANAGER, STEERING, SME = Role.MANAGER, Role.STEERING, Role.SME
STUDENT = Role.STUDENT  # issue 14
EVERYONE = frozenset(Role)
DASHBOARD_ROLES = frozenset({MANAGER, STEERING})


class Section(Labelled, key_prefix="app.section"):
    """The menu's sections, in the order they first appear."""

    FOLLOW = "follow"
    MANAGE = "manage"
    SEARCH = "search"
    MINE = "mine"  # issue 14: a student's own data
    ACCOUNT = "account"


class PageName(Labelled, key_prefix="page"):
    """Every page's name (its file's stem; its title is the page's label)."""

    LOGIN = "login"
    OVERVIEW = "overview"
    PARTNERSHIPS = "partnerships"
    EVENTS = "events"
    RESULTS = "results"
    TIMELINE = "timeline"
    MEETING = "meeting"
    DATA_IMPORT = "data_import"
    DATA_RECORDS = "data_records"
    FOLLOWUPS = "followups"
    DATA_EXPORTS = "data_exports"
    PERIOD_LOCKS = "period_locks"
    SEARCH = "search"
    COMPETENCE_MAP = "competence_map"
    PROGRAMME_DESCRIPTIONS = "programme_descriptions"
    COMPANY_NEEDS = "company_needs"
    REPORTS = "reports"
    AUDIT = "audit"
    CONSENT = "consent"
    USERS = "users"
    CONTACT_REQUESTS = "contact_requests"
    ACCOUNT = "account"
    LOGOUT = "logout"
    BUDGET = "budget"  # issue 17
    PAYMENT_CLAIM = "payment_claim"  # issue 17
    # Issue 14: the student's pages and the SME's own requests.
    MY_PROFILE = "my_profile"
    MY_CONSENTS = "my_consents"
    MY_REQUESTS = "my_requests"
    COMPANY_CONTACTS = "company_contacts"
    # issue 15
    ACTIVITIES = "activities"
    SURVEYS = "surveys"
    BADGES = "badges"


@dataclass(frozen=True)
class PageSpec:
    path: str  # relative to the repository root
    title: PageName
    icon: str
    url_path: str
    section: Section
    roles: frozenset[Role]
    default: bool = False


PAGES: list[PageSpec] = [
    PageSpec(
        "pages/overview.py",
        PageName.OVERVIEW,
        ":material/dashboard:",
        "overview",
        Section.FOLLOW,
        frozenset({MANAGER, STEERING}),
        default=True,
    ),
    # Dashboards (issue 6): the manager and the steering group; meeting mode suppresses for all.
    *[
        PageSpec(path, title, icon, url, Section.FOLLOW, DASHBOARD_ROLES)
        for path, title, icon, url in [
            (
                "pages/partnerships.py",
                PageName.PARTNERSHIPS,
                ":material/handshake:",
                "partnerships",
            ),
            ("pages/events.py", PageName.EVENTS, ":material/event:", "events"),
            ("pages/results.py", PageName.RESULTS, ":material/trending_up:", "results"),
            ("pages/timeline.py", PageName.TIMELINE, ":material/view_timeline:", "timeline"),
            ("pages/meeting.py", PageName.MEETING, ":material/co_present:", "meeting"),
        ]
    ],
    # Budget and payment claims (issue 17): steering sees sums that hold no one's salary.
    PageSpec(
        "pages/budget.py",
        PageName.BUDGET,
        ":material/euro:",
        "budget",
        Section.FOLLOW,
        DASHBOARD_ROLES,
    ),
    PageSpec(
        "pages/payment_claim.py",
        PageName.PAYMENT_CLAIM,
        ":material/request_quote:",
        "payment-claim",
        Section.MANAGE,
        frozenset({MANAGER}),
    ),
    # Data management (issue 5): the manager keeps the data.
    PageSpec(
        "pages/data_import.py",
        PageName.DATA_IMPORT,
        ":material/upload_file:",
        "import",
        Section.MANAGE,
        frozenset({MANAGER}),
    ),
    PageSpec(
        "pages/data_records.py",
        PageName.DATA_RECORDS,
        ":material/edit_note:",
        "records",
        Section.MANAGE,
        frozenset({MANAGER}),
    ),
    PageSpec(
        "pages/followups.py",
        PageName.FOLLOWUPS,
        ":material/event_upcoming:",
        "follow-ups",
        Section.MANAGE,
        frozenset({MANAGER}),
    ),
    PageSpec(
        "pages/data_exports.py",
        PageName.DATA_EXPORTS,
        ":material/download:",
        "exports",
        Section.MANAGE,
        frozenset({MANAGER}),
    ),
    PageSpec(
        "pages/period_locks.py",
        PageName.PERIOD_LOCKS,
        ":material/lock_clock:",
        "period-locks",
        Section.MANAGE,
        frozenset({MANAGER}),
    ),
    # Competence search (issue 3): SMEs search (their landing page); the manager may
    # too, and handles contact requests below.
    PageSpec(
        "pages/search.py",
        PageName.SEARCH,
        ":material/person_search:",
        "search",
        Section.SEARCH,
        frozenset({SME, MANAGER}),
    ),
    # Competence intelligence (issue 7).
    PageSpec(
        "pages/competence_map.py",
        PageName.COMPETENCE_MAP,
        ":material/grid_view:",
        "competence-map",
        Section.FOLLOW,
        frozenset({MANAGER, STEERING, SME}),
    ),
    PageSpec(
        "pages/programme_descriptions.py",
        PageName.PROGRAMME_DESCRIPTIONS,
        ":material/description:",
        "programme-descriptions",
        Section.FOLLOW,
        frozenset({MANAGER, STEERING}),
    ),
    PageSpec(
        "pages/company_needs.py",
        PageName.COMPANY_NEEDS,
        ":material/work:",
        "company-needs",
        Section.SEARCH,
        frozenset({MANAGER, SME}),
    ),
    PageSpec(
        "pages/reports.py",
        PageName.REPORTS,
        ":material/article:",
        "reports",
        Section.MANAGE,
        frozenset({MANAGER}),
    ),
    # The whole plan (issue 15): activities and their evidence, surveys, memberships and
    # badges; the manager keeps them, steering sees their counts on the Overview.
    *[
        PageSpec(path, title, icon, url, Section.MANAGE, frozenset({MANAGER}))
        for path, title, icon, url in [
            ("pages/activities.py", PageName.ACTIVITIES, ":material/task_alt:", "activities"),
            ("pages/badges.py", PageName.BADGES, ":material/military_tech:", "badges"),
        ]
    ],
    # Steering reads survey results (suppressed, no open answers); the manager runs surveys.
    PageSpec(
        "pages/surveys.py",
        PageName.SURVEYS,
        ":material/poll:",
        "surveys",
        Section.FOLLOW,
        DASHBOARD_ROLES,
    ),
    # Access and accountability (manager only).
    PageSpec(
        "pages/audit.py",
        PageName.AUDIT,
        ":material/history:",
        "audit",
        Section.MANAGE,
        frozenset({MANAGER}),
    ),
    PageSpec(
        "pages/consent.py",
        PageName.CONSENT,
        ":material/verified_user:",
        "consent",
        Section.MANAGE,
        frozenset({MANAGER}),
    ),
    PageSpec(
        "pages/users.py",
        PageName.USERS,
        ":material/manage_accounts:",
        "users",
        Section.MANAGE,
        frozenset({MANAGER}),
    ),
    PageSpec(
        "pages/contact_requests.py",
        PageName.CONTACT_REQUESTS,
        ":material/contact_mail:",
        "contact-requests",
        Section.MANAGE,
        frozenset({MANAGER}),
    ),
    # Issue 14: a student's own profile, consents and contact requests (their landing page is
    # the first); an SME's own requests and what came of them.
    *[
        PageSpec(path, title, icon, url, Section.MINE, frozenset({STUDENT}))
        for path, title, icon, url in [
            ("pages/my_profile.py", PageName.MY_PROFILE, ":material/badge:", "my-profile"),
            (
                "pages/my_consents.py",
                PageName.MY_CONSENTS,
                ":material/verified_user:",
                "my-consents",
            ),
            ("pages/my_requests.py", PageName.MY_REQUESTS, ":material/mail:", "my-requests"),
        ]
    ],
    PageSpec(
        "pages/company_contacts.py",
        PageName.COMPANY_CONTACTS,
        ":material/contact_mail:",
        "our-requests",
        Section.SEARCH,
        frozenset({SME}),
    ),
    # Everyone's own account; keep these last so they close the menu.
    PageSpec(
        "pages/account.py",
        PageName.ACCOUNT,
        ":material/account_circle:",
        "account",
        Section.ACCOUNT,
        EVERYONE,
    ),
    PageSpec(
        "pages/logout.py",
        PageName.LOGOUT,
        ":material/logout:",
        "logout",
        Section.ACCOUNT,
        EVERYONE,
    ),
]


def pages_for(role: Role) -> list[PageSpec]:
    """The pages `role` may open, in menu order; the first one is its landing page."""
    allowed = [page for page in PAGES if role in page.roles]
    if not allowed:
        return []
    defaults = [page for page in allowed if page.default]
    first = defaults[0] if defaults else allowed[0]
    return [first, *[page for page in allowed if page is not first]]


def spec_for(page_file: str) -> PageSpec | None:
    """The registered page whose file is `page_file` (a page's `__file__`), if any."""
    target = Path(page_file).resolve()
    return next((p for p in PAGES if (REPO_ROOT / p.path).resolve() == target), None)


def may_open(role: Role, page_file: str) -> bool:
    spec = spec_for(page_file)
    return spec is not None and role in spec.roles
