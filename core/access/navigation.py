"""Which pages exist and which role may open each: access control is the page list itself."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from core.codes import Role
from core.config import REPO_ROOT

MANAGER, STEERING, SME = Role.MANAGER, Role.STEERING, Role.SME
EVERYONE = frozenset(Role)
DASHBOARD_ROLES = frozenset({MANAGER, STEERING})


@dataclass(frozen=True)
class PageSpec:
    path: str  # relative to the repository root
    title_key: str  # a key of core.i18n.TEXTS
    icon: str
    url_path: str
    section_key: str
    roles: frozenset[Role]
    default: bool = False


PAGES: list[PageSpec] = [
    PageSpec(
        "pages/overview.py",
        "page.overview",
        ":material/dashboard:",
        "overview",
        "app.section.follow",
        frozenset({MANAGER, STEERING}),
        default=True,
    ),
    # Dashboards (issue 6): the manager and the steering group; meeting mode suppresses for all.
    *[
        PageSpec(path, title, icon, url, "app.section.follow", DASHBOARD_ROLES)
        for path, title, icon, url in [
            ("pages/partnerships.py", "page.partnerships", ":material/handshake:", "partnerships"),
            ("pages/events.py", "page.events", ":material/event:", "events"),
            ("pages/results.py", "page.results", ":material/trending_up:", "results"),
            ("pages/timeline.py", "page.timeline", ":material/view_timeline:", "timeline"),
            ("pages/meeting.py", "page.meeting", ":material/co_present:", "meeting"),
        ]
    ],
    # Data management (issue 5): the manager keeps the data.
    PageSpec(
        "pages/data_import.py",
        "page.data_import",
        ":material/upload_file:",
        "import",
        "app.section.manage",
        frozenset({MANAGER}),
    ),
    PageSpec(
        "pages/data_records.py",
        "page.data_records",
        ":material/edit_note:",
        "records",
        "app.section.manage",
        frozenset({MANAGER}),
    ),
    PageSpec(
        "pages/followups.py",
        "page.followups",
        ":material/event_upcoming:",
        "follow-ups",
        "app.section.manage",
        frozenset({MANAGER}),
    ),
    PageSpec(
        "pages/data_exports.py",
        "page.data_exports",
        ":material/download:",
        "exports",
        "app.section.manage",
        frozenset({MANAGER}),
    ),
    PageSpec(
        "pages/period_locks.py",
        "page.period_locks",
        ":material/lock_clock:",
        "period-locks",
        "app.section.manage",
        frozenset({MANAGER}),
    ),
    # Competence search (issue 3): SMEs search (their landing page); the manager may
    # too, and handles contact requests below.
    PageSpec(
        "pages/search.py",
        "page.search",
        ":material/person_search:",
        "search",
        "app.section.search",
        frozenset({SME, MANAGER}),
    ),
    # Competence intelligence (issue 7).
    PageSpec(
        "pages/competence_map.py",
        "page.competence_map",
        ":material/grid_view:",
        "competence-map",
        "app.section.follow",
        frozenset({MANAGER, STEERING, SME}),
    ),
    PageSpec(
        "pages/programme_descriptions.py",
        "page.programme_descriptions",
        ":material/description:",
        "programme-descriptions",
        "app.section.follow",
        frozenset({MANAGER, STEERING}),
    ),
    PageSpec(
        "pages/company_needs.py",
        "page.company_needs",
        ":material/work:",
        "company-needs",
        "app.section.search",
        frozenset({MANAGER, SME}),
    ),
    PageSpec(
        "pages/reports.py",
        "page.reports",
        ":material/article:",
        "reports",
        "app.section.manage",
        frozenset({MANAGER}),
    ),
    # Access and accountability (manager only).
    PageSpec(
        "pages/audit.py",
        "page.audit",
        ":material/history:",
        "audit",
        "app.section.manage",
        frozenset({MANAGER}),
    ),
    PageSpec(
        "pages/consent.py",
        "page.consent",
        ":material/verified_user:",
        "consent",
        "app.section.manage",
        frozenset({MANAGER}),
    ),
    PageSpec(
        "pages/users.py",
        "page.users",
        ":material/manage_accounts:",
        "users",
        "app.section.manage",
        frozenset({MANAGER}),
    ),
    PageSpec(
        "pages/contact_requests.py",
        "page.contact_requests",
        ":material/contact_mail:",
        "contact-requests",
        "app.section.manage",
        frozenset({MANAGER}),
    ),
    # Everyone's own account; keep these last so they close the menu.
    PageSpec(
        "pages/account.py",
        "page.account",
        ":material/account_circle:",
        "account",
        "app.section.account",
        EVERYONE,
    ),
    PageSpec(
        "pages/logout.py",
        "page.logout",
        ":material/logout:",
        "logout",
        "app.section.account",
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
