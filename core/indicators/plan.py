"""Every target of the project definition with its progress, pace and planned line (issue 15).

`plan_targets` computes the raw state of each target; `published_plan` is what a role may see:
targets that count people or companies (participants, companies, members, badges, survey
answers) pass through the one disclosure policy exactly as the headline cards do, the others
(events, activities, deliverables, delivered commitments) are shown as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlmodel import Session, select

from core.codes import Indicator, Role
from core.indicators.kpi import (
    Forecast,
    Progress,
    cumulative_series,
    daily_counts,
    forecast,
    milestones_of,
    planned_series,
    progress_against_target,
    targets_of,
)
from core.indicators.published import published_line, published_progress
from core.models import Project, WorkPackage
from core.privacy.rules import rule_for
from core.project.terms import register_project_terms

HEADLINE = (
    Indicator.PARTICIPANTS,
    Indicator.PARTICIPANTS_IN_EDUCATION,
    Indicator.PARTICIPANTS_EMPLOYED,
    Indicator.COMPANIES,
)
# Counts of people or companies: published under the disclosure policy.
COUNTS_PEOPLE = frozenset(
    {
        *HEADLINE,
        Indicator.MEMBERS,
        Indicator.BADGES_ISSUED,
        Indicator.SURVEY_RESPONSES,
    }
)


@dataclass(frozen=True)
class PlanTarget:
    """One target as a role sees it: what it counts, how far it is, the planned line."""

    target_id: int
    indicator: Indicator
    kind: str | None
    event_type: str | None
    condition: dict[str, str]
    label: tuple[str, str]  # the definition's own name (en, fi), or ("", "")
    work_package: str  # "" for the whole project
    work_package_name: tuple[str, str]
    headline: bool
    progress: Progress  # as published
    actual: list[tuple[date, int]]  # the cumulative line as published
    planned: list[tuple[date, float]]
    forecast: Forecast | None
    actual_text: str  # "12", "10" or the small-count marker
    period_label: str = ""  # "2026", "2026 H1" for a yearly or half-year target
    due: date | None = None  # a cumulative target due before the project ends

    @property
    def hidden(self) -> bool:
        return not self.actual_text.isdigit()


def plan_targets(session: Session, project: Project, as_of: date) -> list[PlanTarget]:
    """Every target of `project` on `as_of`, raw (the manager's view), in definition order."""
    register_project_terms(session, project)
    packages = {
        wp.id: wp
        for wp in session.exec(select(WorkPackage).where(WorkPackage.project_id == project.id))
    }
    result = []
    for target in targets_of(session, project):
        progress = progress_against_target(session, project, target, as_of)
        line = cumulative_series(
            daily_counts(session, project, target),
            target.period_start,
            min(as_of, target.period_end),
        )
        package = packages.get(target.work_package_id) if target.work_package_id else None
        indicator = Indicator(target.indicator)
        assert target.id is not None
        result.append(
            PlanTarget(
                target_id=target.id,
                indicator=indicator,
                kind=target.kind,
                event_type=target.event_type,
                condition=dict(target.condition or {}),
                label=(target.label, target.label_fi or target.label),
                work_package=package.code if package else "",
                work_package_name=(package.name, package.name_fi or package.name)
                if package
                else ("", ""),
                headline=_is_headline(indicator, target.period, package, target),
                progress=progress,
                actual=line,
                planned=planned_series(
                    target.value,
                    target.period_start,
                    target.period_end,
                    milestones_of(session, target),
                ),
                forecast=forecast(line, target.period_end),
                actual_text=str(progress.actual),
                period_label=_period_label(target.period, target.period_start),
                due=target.period_end
                if target.period == "cumulative" and target.period_end < project.end_date
                else None,
            )
        )
    return result


def _period_label(period: str, start: date) -> str:
    if period == "year":
        return str(start.year)
    if period == "half_year":
        return f"{start.year} H{1 if start.month <= 6 else 2}"
    return ""


def _is_headline(indicator: Indicator, period: str, package: object, target: object) -> bool:
    plain = not getattr(target, "condition", None) and getattr(target, "kind", None) is None
    return indicator in HEADLINE and period == "cumulative" and package is None and plain


def published_plan(targets: list[PlanTarget], role: Role) -> list[PlanTarget]:
    """`targets` as `role` may see them (raw for the manager)."""
    rule = rule_for(role)
    if not rule.suppressed:
        return targets
    shown = []
    for item in targets:
        if item.indicator not in COUNTS_PEOPLE:
            shown.append(item)
            continue
        line = published_line(role, item.actual)
        shown.append(
            replace(
                item,
                progress=published_progress(rule, item.progress),
                actual=line,
                forecast=forecast(line, item.progress.period_end),
                actual_text=rule.count_text(item.progress.actual),
            )
        )
    return shown


def by_work_package(targets: list[PlanTarget]) -> dict[str, list[PlanTarget]]:
    """The targets that are not headline cards, by work package ("" = the whole project first)."""
    groups: dict[str, list[PlanTarget]] = {}
    for item in sorted(
        (t for t in targets if not t.headline), key=lambda t: (t.work_package != "", t.work_package)
    ):
        groups.setdefault(item.work_package, []).append(item)
    return groups


__all__ = ["HEADLINE", "PlanTarget", "by_work_package", "plan_targets", "published_plan"]
