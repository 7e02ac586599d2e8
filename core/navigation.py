"""Which pages exist and which role may open each: access control is the page list itself."""

from __future__ import annotations

from dataclasses import dataclass

from core.codes import Role

MANAGER, STEERING, SME = Role.MANAGER, Role.STEERING, Role.SME


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
]


def pages_for(role: Role) -> list[PageSpec]:
    """The pages `role` may open, in menu order; the first one is its landing page."""
    allowed = [page for page in PAGES if role in page.roles]
    if not allowed:
        return []
    defaults = [page for page in allowed if page.default]
    first = defaults[0] if defaults else allowed[0]
    return [first, *[page for page in allowed if page is not first]]
