"""A large synthetic project for the dashboard benchmark: 100,000 participants and 1,000,000
attendance rows (plus attendees, events, companies, commitments and follow-ups), bulk-inserted.

Random but seeded; it only has to be big and plausible in shape, not readable.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import numpy as np
from sqlalchemy import Table, insert, select
from sqlalchemy.engine import Connection, Engine

from core.business_id import make_business_id
from core.codes import CommitmentKind, EventType, FollowUpKind, FollowUpStatus, values
from core.models import (
    Attendance,
    Attendee,
    Commitment,
    Company,
    Event,
    FollowUp,
    Participant,
    Project,
    ProjectCompany,
    Spearhead,
    TargetGroup,
    WorkPackage,
)

PARTICIPANTS = 100_000
NON_PARTICIPANT_ATTENDEES = 50_000
EVENTS = 3_000
ATTENDANCE = 1_000_000
COMPANIES = 2_000
CHUNK = 50_000


def _table(model: Any) -> Table:
    return model.__table__  # type: ignore[no-any-return]


def _ids(connection: Connection, model: Any, project_id: int) -> list[int]:
    table = _table(model)
    rows = connection.execute(select(table.c.id).where(table.c.project_id == project_id))
    return [int(r[0]) for r in rows]


def bulk(connection: Connection, model: Any, rows: Sequence[dict[str, Any]]) -> None:
    """Insert `rows` fast: COPY on PostgreSQL, executemany in chunks on SQLite."""
    if not rows:
        return
    table = _table(model)
    if connection.dialect.name == "postgresql":
        _copy(connection, table, rows)
        return
    for start in range(0, len(rows), CHUNK):
        connection.execute(insert(table), list(rows[start : start + CHUNK]))


def _copy(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """COPY skips SQLAlchemy's column defaults, so they are filled in here."""
    defaults: dict[str, Any] = {}
    for column in table.columns:
        if column.name in rows[0] or column.default is None:
            continue
        value = column.default.arg  # type: ignore[attr-defined]
        defaults[column.name] = value(None) if callable(value) else value
    columns = [*rows[0], *defaults]
    raw = connection.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cursor:
        names = ", ".join(f'"{c}"' for c in columns)
        with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row([row[c] if c in row else defaults[c] for c in columns])


def _days(rng: np.random.Generator, start: date, end: date, n: int) -> list[date]:
    offsets = rng.integers(0, (end - start).days + 1, size=n)
    return [start + timedelta(days=int(d)) for d in offsets]


def generate(engine: Engine, project_code: str, today: date, seed: int = 6) -> dict[str, int]:
    """Fill the project `project_code` (loaded, otherwise empty) up to `today`."""
    rng = np.random.default_rng(seed)
    with engine.begin() as connection:
        project = connection.execute(
            select(_table(Project)).where(_table(Project).c.code == project_code)
        ).one()
        pid = int(project.id)
        groups = _ids(connection, TargetGroup, pid)
        spearheads = _ids(connection, Spearhead, pid)
        packages = _ids(connection, WorkPackage, pid)
        start = project.start_date
        people = _participants(connection, rng, pid, groups, spearheads, start, today)
        attendees = _attendees(connection, rng, pid, groups, people)
        events = _events(connection, rng, pid, packages, start, today)
        _attendance(connection, rng, events, attendees)
        _companies(connection, rng, pid, start, today)
        _follow_ups(connection, rng, pid, today)
    return {"participants": len(people), "attendees": len(attendees), "events": len(events)}


def _participants(
    connection: Connection,
    rng: np.random.Generator,
    pid: int,
    groups: list[int],
    spearheads: list[int],
    start: date,
    today: date,
) -> list[int]:
    entries = _days(rng, start, today, PARTICIPANTS)
    rows = []
    for i, entry in enumerate(entries):
        leaves = rng.random() < 0.45 and (today - entry).days > 40
        exit_day = entry + timedelta(days=int(rng.integers(30, max(31, (today - entry).days))))
        rows.append(
            {
                "project_id": pid,
                "code": f"L{i:06d}",
                "target_group_id": groups[int(rng.integers(len(groups)))],
                "spearhead_id": spearheads[int(rng.integers(len(spearheads)))],
                "entry_status": ("in_education", "employed", "unemployed")[int(rng.integers(3))],
                "gender": ("woman", "man", "non_binary")[int(rng.choice(3, p=[0.45, 0.5, 0.05]))],
                "age_band": "18-29",
                "isced": "5-8",
                "entry_date": entry,
                "exit_date": min(exit_day, today) if leaves else None,
            }
        )
    bulk(connection, Participant, rows)
    return _ids(connection, Participant, pid)


def _attendees(
    connection: Connection, rng: np.random.Generator, pid: int, groups: list[int], people: list[int]
) -> list[int]:
    rows = [
        {
            "project_id": pid,
            "code": f"A{i:06d}",
            "target_group_id": groups[int(rng.integers(len(groups)))],
            "participant_id": person,
        }
        for i, person in enumerate([*people, *[None] * NON_PARTICIPANT_ATTENDEES])
    ]
    bulk(connection, Attendee, rows)
    return _ids(connection, Attendee, pid)


def _events(
    connection: Connection,
    rng: np.random.Generator,
    pid: int,
    packages: list[int],
    start: date,
    today: date,
) -> list[int]:
    types = values(EventType)
    rows = [
        {
            "project_id": pid,
            "work_package_id": packages[int(rng.integers(len(packages)))],
            "code": f"E{i:05d}",
            "name": f"Event {i}",
            "event_type": types[int(rng.integers(len(types)))],
            "event_date": day,
        }
        for i, day in enumerate(_days(rng, start, today, EVENTS))
    ]
    bulk(connection, Event, rows)
    return _ids(connection, Event, pid)


def _attendance(
    connection: Connection, rng: np.random.Generator, events: list[int], attendees: list[int]
) -> None:
    """1,000,000 distinct (event, attendee) pairs; popular attendees come back more often."""
    event_ids, attendee_ids = np.array(events), np.array(attendees)
    weights = rng.pareto(2.0, size=len(attendee_ids)) + 1
    weights /= weights.sum()
    pairs: np.ndarray = np.empty(0, dtype=np.int64)
    while len(pairs) < ATTENDANCE:
        need = int((ATTENDANCE - len(pairs)) * 1.1) + 1000
        e = rng.choice(event_ids, size=need)
        a = rng.choice(attendee_ids, size=need, p=weights)
        pairs = np.unique(np.concatenate([pairs, e.astype(np.int64) * 10_000_000 + a]))
    pairs = rng.permutation(pairs)[:ATTENDANCE]
    rows = [{"event_id": int(p // 10_000_000), "attendee_id": int(p % 10_000_000)} for p in pairs]
    bulk(connection, Attendance, rows)


def _companies(
    connection: Connection, rng: np.random.Generator, pid: int, start: date, today: date
) -> None:
    sizes = ("micro", "small", "medium")
    places = ("Oulu", "Kempele", "Liminka", "Raahe", "Kuusamo", "Ylivieska", "Nivala", "Muhos")
    business_ids = [b for b in map(_business_id, range(3_000_000, 3_100_000)) if b]
    bulk(
        connection,
        Company,
        [
            {
                "business_id": business_id,
                "name": f"Company {i}",
                "size_class": sizes[int(rng.integers(3))],
                "municipality": places[int(rng.integers(len(places)))],
            }
            for i, business_id in enumerate(business_ids[:COMPANIES])
        ],
    )
    ids = [int(r[0]) for r in connection.execute(select(_table(Company).c.id))]
    joins = _days(rng, start, today, len(ids))
    bulk(
        connection,
        ProjectCompany,
        [
            {"project_id": pid, "company_id": c, "joined_on": d}
            for c, d in zip(ids, joins, strict=True)
        ],
    )
    kinds = values(CommitmentKind)
    rows = []
    for company in ids:
        for year in range(start.year, today.year + 1):
            for kind in rng.choice(kinds, size=2, replace=False):
                committed = int(rng.integers(1, 4))
                rows.append(
                    {
                        "project_id": pid,
                        "company_id": company,
                        "year": year,
                        "kind": str(kind),
                        "committed": committed,
                        "delivered": int(rng.integers(0, committed + 1)),
                        "amount_eur": 2500 * committed if kind == "scholarship" else None,
                    }
                )
    bulk(connection, Commitment, rows)


def _business_id(digits: int) -> str | None:
    try:
        return make_business_id(digits)
    except ValueError:
        return None  # about one number in eleven has no check digit


def _follow_ups(connection: Connection, rng: np.random.Generator, pid: int, today: date) -> None:
    table = _table(Participant)
    left = connection.execute(
        select(table.c.id, table.c.exit_date).where(
            table.c.project_id == pid, table.c.exit_date.is_not(None)
        )
    ).all()
    statuses = values(FollowUpStatus)
    rows: list[dict[str, Any]] = []
    for person, exit_day in left:
        for kind, after in ((FollowUpKind.IMMEDIATE, 28), (FollowUpKind.SIX_MONTHS, 182)):
            day = exit_day + timedelta(days=after)
            if day > today or rng.random() < 0.2:
                continue
            status = statuses[int(rng.integers(len(statuses)))]
            employed = status in ("employed", "self_employed")
            rows.append(_answer(rng, person, kind.value, day, status, employed))
    bulk(connection, FollowUp, rows)


def _answer(
    rng: np.random.Generator, person: int, kind: str, day: date, status: str, employed: bool
) -> dict[str, Any]:
    def flag() -> bool | None:
        return bool(rng.random() < 0.6) if employed else None

    return {
        "participant_id": person,
        "kind": kind,
        "recorded_on": day,
        "status": status,
        "precarious_to_stable": flag(),
        "underemployed_to_full": flag(),
        "more_skilled_job": flag(),
        "job_matches_education": flag(),
        "job_in_ict": flag(),
        "job_in_region": flag(),
        "experience_score": int(rng.integers(1, 6)),
        "intends_to_stay": bool(rng.random() < 0.55),
    }
