"""Who came to which demo event: participants often, non-participants too, some again and again."""

from __future__ import annotations

import random
from datetime import date, timedelta

from core.codes import EventType
from core.demo.events import EventSpec
from core.demo.people import Person
from core.demo.plan import sample_weighted, stream

# Audience of each kind of event by category of person; (type, work package) refines a type.
MIX: dict[tuple[str, str | None], dict[str, float]] = {
    (EventType.LAUNCH_EVENT, None): {
        "student": 0.35,
        "alumni": 0.1,
        "company": 0.45,
        "supervisor": 0.1,
    },
    (EventType.INTENSIVE_COURSE, None): {"student": 0.88, "supervisor": 0.08, "company": 0.04},
    (EventType.MEGAMATCHMAKING, None): {
        "student": 0.65,
        "company": 0.28,
        "alumni": 0.05,
        "supervisor": 0.02,
    },
    (EventType.STUDENT_CIRCLE, None): {"student": 1.0},
    (EventType.THEMED_EVENT, None): {
        "student": 0.6,
        "company": 0.2,
        "alumni": 0.1,
        "supervisor": 0.1,
    },
    (EventType.MEETUP, None): {"student": 0.6, "company": 0.3, "alumni": 0.1},
    (EventType.MEETUP, "T2.1"): {"company": 0.55, "student": 0.35, "supervisor": 0.1},
    (EventType.MEETUP, "T3.1"): {"student": 0.9, "supervisor": 0.1},
    (EventType.COFFEE_WITH_ALUMNI, None): {"student": 0.7, "alumni": 0.3},
    (EventType.ICT_FABLABING, None): {"student": 0.75, "alumni": 0.25},
    (EventType.ICT_IMPACT_FORUM, None): {"student": 0.6, "alumni": 0.3, "company": 0.1},
    (EventType.PEER_SUPPORT, None): {"alumni": 1.0},
    (EventType.WORKSHOP, "T1.1"): {"company": 0.55, "student": 0.25, "supervisor": 0.2},
    (EventType.WORKSHOP, "T1.2"): {"student": 0.4, "company": 0.35, "supervisor": 0.25},
    (EventType.COMPANY_INTERVIEW, None): {"company": 1.0},
}
PARTICIPANT_PULL = 1.6  # people with an entry record are the project's regulars
NEW_STUDENT_LEAD = timedelta(days=60)
OTHERS_LEAD = timedelta(days=30)


def audience(event: EventSpec) -> dict[str, float]:
    return MIX.get((event.event_type, event.work_package)) or MIX[(event.event_type, None)]


def _eligible(person: Person, event: EventSpec) -> bool:
    kind = event.event_type
    if kind == EventType.COMPANY_INTERVIEW:
        # The company's contact people; a participant only once their entry is recorded.
        here = person.active_on(event.day) or not person.participant
        return person.company == event.company and here
    if not _around(person, event):
        return False
    if kind == EventType.STUDENT_CIRCLE:
        return person.circle
    if kind == EventType.INTENSIVE_COURSE and person.category == "student":
        path = person.path
        new = path is not None and path.study_start.year == event.day.year
        return new and person.group == "international_students"
    return True


def _around(person: Person, event: EventSpec) -> bool:
    """Participants attend between entry and exit; others may show up before we first saw them."""
    if person.participant:
        return person.active_on(event.day)
    lead = NEW_STUDENT_LEAD if event.event_type == EventType.INTENSIVE_COURSE else OTHERS_LEAD
    return person.active_on(event.day + lead)


def build_attendance(
    events: list[EventSpec], people: list[Person], *, seed: int
) -> list[tuple[int, int]]:
    """(event index, person key) pairs: those who entered at an event came to it."""
    rng = stream(seed, "attendance")
    by_start: dict[date, list[Person]] = {}
    for person in people:
        by_start.setdefault(person.start, []).append(person)
    pairs: list[tuple[int, int]] = []
    for index, event in enumerate(events):
        for person in _audience_of(rng, event, people, by_start.get(event.day, [])):
            pairs.append((index, person.key))
    return pairs


def _audience_of(
    rng: random.Random, event: EventSpec, people: list[Person], starters: list[Person]
) -> list[Person]:
    mix = audience(event)
    chosen = [p for p in starters if p.category in mix and _eligible(p, event)]
    taken = {p.key for p in chosen}
    for category, share in mix.items():
        wanted = round(event.size * share) - sum(1 for p in chosen if p.category == category)
        pool = [
            p
            for p in people
            if p.category == category and p.key not in taken and _eligible(p, event)
        ]
        weights = [p.activity * (PARTICIPANT_PULL if p.participant else 1.0) for p in pool]
        for person in sample_weighted(rng, pool, weights, wanted):
            chosen.append(person)
            taken.add(person.key)
    return sorted(chosen, key=lambda p: p.key)
