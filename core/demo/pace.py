"""When demo people enter: an uneven pace with term peaks, quiet summers and event spikes."""

from __future__ import annotations

import random
from datetime import date, timedelta

from core.codes import EventType
from core.demo.events import EventSpec
from core.demo.plan import DemoPlan

# Relative entries per calendar month (Jan..Dec) for each stream of people.
MONTHS: dict[str, tuple[float, ...]] = {
    "student": (1.3, 1.1, 0.8, 0.7, 0.45, 0.12, 0.08, 1.0, 2.0, 1.2, 0.9, 0.35),
    "alumni": (1.0, 1.0, 1.0, 1.0, 0.9, 0.5, 0.2, 0.5, 1.1, 1.2, 1.1, 0.4),
    "company": (1.0, 1.2, 1.1, 1.0, 0.8, 0.3, 0.1, 0.6, 1.2, 1.3, 1.2, 0.4),
    "supervisor": (0.8, 0.8, 0.8, 0.8, 0.6, 0.1, 0.05, 1.0, 1.2, 0.9, 0.8, 0.3),
}

# Extra entries on an event day, in days' worth of the stream's average pace.
SPIKES: dict[str, dict[str, float]] = {
    EventType.INTENSIVE_COURSE: {"student": 30.0, "supervisor": 2.0},
    EventType.MEGAMATCHMAKING: {"student": 12.0, "company": 8.0, "alumni": 3.0},
    EventType.LAUNCH_EVENT: {"student": 5.0, "company": 12.0, "supervisor": 4.0, "alumni": 4.0},
    EventType.THEMED_EVENT: {"student": 2.5, "company": 1.5, "alumni": 1.0},
    EventType.MEETUP: {"student": 1.5, "company": 3.0, "supervisor": 1.0},
    EventType.COFFEE_WITH_ALUMNI: {"student": 1.0, "alumni": 2.5},
    EventType.ICT_IMPACT_FORUM: {"alumni": 2.5, "student": 0.5},
    EventType.ICT_FABLABING: {"student": 1.0, "alumni": 1.0},
    EventType.PEER_SUPPORT: {"alumni": 2.5},
    EventType.WORKSHOP: {"company": 4.0, "supervisor": 3.0},
    EventType.STUDENT_CIRCLE: {"student": 0.5},
}


def _ramp(kind: str, fraction: float) -> float:
    """How busy a stream is as the project matures: the alumni programme starts slowly."""
    if kind == "student":
        return 0.5 + 0.75 * fraction
    if kind == "alumni":
        return 0.15 + 1.9 * fraction
    if kind == "company":
        return 0.3 + 1.4 * fraction
    return 1.0


def daily_weights(
    plan: DemoPlan, kind: str, events: list[EventSpec], *, opens: date | None = None
) -> tuple[list[date], list[float]]:
    """Every project day with its relative chance of an entry for stream `kind`."""
    start, end = plan.period.start, plan.period.end
    span = max(1, (end - start).days)
    days = [start + timedelta(days=i) for i in range(span + 1)]
    weights = []
    for day in days:
        weight = MONTHS[kind][day.month - 1] * _ramp(kind, (day - start).days / span)
        if day.weekday() > 4:
            weight *= 0.1
        if (day.month == 12 and day.day >= 20) or (day.month == 1 and day.day <= 6):
            weight *= 0.1
        if (end - day).days < 45:
            weight *= 0.15  # the project takes few new people in its last weeks
        if opens is not None and day < opens:
            weight = 0.0
        weights.append(weight)
    mean = sum(weights) / len(weights)
    index = {day: i for i, day in enumerate(days)}
    for event in events:
        extra = SPIKES.get(event.event_type, {}).get(kind, 0.0)
        i = index.get(event.day)
        if extra and i is not None and (opens is None or event.day >= opens):
            weights[i] += extra * mean
    return days, weights


def entry_dates(
    rng: random.Random,
    plan: DemoPlan,
    kind: str,
    events: list[EventSpec],
    count: int,
    *,
    opens: date | None = None,
) -> list[date]:
    """`count` entry dates for stream `kind`, in date order."""
    days, weights = daily_weights(plan, kind, events, opens=opens)
    return sorted(rng.choices(days, weights=weights, k=count)) if count else []
