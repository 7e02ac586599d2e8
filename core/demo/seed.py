"""Fill an empty database with a believable, deterministic mid-project demo of the Oulu project."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from core.codes import EntryStatus
from core.db import session_scope
from core.demo.contacts import write_contact_requests
from core.demo.plan import load_plan
from core.demo.plan_records import write_plan_records
from core.demo.salaries import write_money
from core.demo.world import build_world
from core.demo.write import Writer, stamp
from core.models import AppMeta, AuditLog, Company, Event, Participant, SalaryCost
from core.project.loading import get_project

Progress = Callable[[str, float], None]
STEPS = (
    "companies",
    "commitments",
    "participants",
    "events",
    "attendance",
    "profiles",
    "consents",
    "follow-ups",
    "plan-records",  # issue 15
    "contact-requests",  # issue 14
)


@dataclass(frozen=True)
class DemoSummary:
    """What `seed_demo` wrote, as of its day."""

    project_code: str
    as_of: date
    seed: int
    participants: int
    in_education: int
    employed: int
    unemployed_or_inactive: int
    exited: int
    companies: int
    commitments: int
    events: int
    attendees: int
    attendance: int
    follow_ups: int
    profiles: int
    profiles_finnish: int
    profiles_searchable: int

    def __str__(self) -> str:
        return print_summary(self)


def print_summary(summary: DemoSummary) -> str:
    """A readable block of the counts, one per line (named so for the CLI)."""
    width = max(len(f.name) for f in fields(summary))
    lines = [f"Demo data for {summary.project_code} as of {summary.as_of} (seed {summary.seed})"]
    for f in fields(summary)[3:]:
        label = f.name.replace("_", " ")
        lines.append(f"  {label:<{width}}  {getattr(summary, f.name):>6}")
    return "\n".join(lines)


def seed_demo(
    *,
    engine: Engine | None = None,
    project_code: str | None = None,
    today: date | None = None,
    seed: int = 2025,
    progress: Progress | None = None,
) -> DemoSummary:
    """Write the demo world as it stands on `today` into an empty database, all or nothing.

    Raises `ValueError` when the project is not loaded, cannot hold the demo, or the
    database already holds people, companies or events. Same seed and day → same rows.
    """
    today = today or date.today()
    report = progress or (lambda _label, _fraction: None)
    with session_scope(engine) as session:
        try:
            project = get_project(session, project_code)
        except LookupError as error:
            raise ValueError(str(error)) from error
        _require_empty(session)
        assert project.id is not None
        report("building the demo world", 0.0)
        world = build_world(load_plan(session, project), seed=seed)
        writer = Writer(session=session, world=world, today=today, project_id=project.id)
        writer.load_codes()
        for number, step in enumerate(STEPS, start=1):
            report(step, number / (len(STEPS) + 2))
            if step == "plan-records":
                write_plan_records(writer)  # issue 15
            elif step == "contact-requests":
                write_contact_requests(writer)  # issue 14
            else:
                getattr(writer, step.replace("-", "_"))()
        # Issue 17: the ledger's salary costs and the participants' EURA forms.
        write_money(session, project, today, seed=seed)
        report("finishing", (len(STEPS) + 1) / (len(STEPS) + 2))
        summary = _summary(writer, project.code, today, seed)
        _record(session, summary)
    report("done", 1.0)
    return summary


def _require_empty(session: Session) -> None:
    for model, what in (
        (Participant, "participants"),
        (Company, "companies"),
        (Event, "events"),
        (SalaryCost, "salary costs"),  # issue 17
    ):
        count = session.exec(select(func.count()).select_from(model)).one()
        if count:
            raise ValueError(
                f"The database already holds {count} {what}; demo data only goes into an "
                "empty database (load the project into a fresh one first)."
            )


def _summary(writer: Writer, code: str, today: date, seed: int) -> DemoSummary:
    counts = writer.counts
    other = counts[f"status:{EntryStatus.UNEMPLOYED}"] + counts[f"status:{EntryStatus.INACTIVE}"]
    return DemoSummary(
        project_code=code,
        as_of=today,
        seed=seed,
        participants=counts["participant"],
        in_education=counts[f"status:{EntryStatus.IN_EDUCATION}"],
        employed=counts[f"status:{EntryStatus.EMPLOYED}"],
        unemployed_or_inactive=other,
        exited=counts["exited"],
        companies=counts["company"],
        commitments=counts["commitment"],
        events=counts["event"],
        attendees=counts["attendee"],
        attendance=counts["attendance"],
        follow_ups=counts["follow_up"],
        profiles=counts["competence_profile"],
        profiles_finnish=counts["profiles_finnish"],
        profiles_searchable=counts["profiles_searchable"],
    )


def _record(session: Session, summary: DemoSummary) -> None:
    """Mark the database as demo data, and log the seeding like any other change."""
    session.add(AppMeta(key="demo", value="true"))
    session.add(AppMeta(key="demo_as_of", value=summary.as_of.isoformat()))
    session.add(AppMeta(key="demo_seed", value=str(summary.seed)))
    session.add(
        AuditLog(
            at=stamp(summary.as_of),
            username="demo",
            action="seed_demo",
            entity="project",
            entity_key=summary.project_code,
            detail=print_summary(summary),
        )
    )
