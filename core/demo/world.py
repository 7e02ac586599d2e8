"""The whole demo world over the project's life, built from a seed; `seed_demo` cuts it at today."""

from __future__ import annotations

from dataclasses import dataclass

from core.codes import EventType
from core.demo.attendance import build_attendance
from core.demo.companies import CommitmentSpec, CompanySpec, build_commitments, build_companies
from core.demo.events import EventSpec, add_interviews, build_calendar, launch_day
from core.demo.followups import FollowUpSpec, build_follow_ups
from core.demo.people import Person, build_people
from core.demo.plan import DemoPlan
from core.demo.profiles import ProfileSpec, build_profiles


@dataclass(frozen=True)
class DemoWorld:
    """Everything that ever happens in the demo project; independent of `today`.

    Because the world does not depend on the day it is seen from, the state as of an
    earlier day is always a prefix of the state as of a later one.
    """

    plan: DemoPlan
    seed: int
    companies: list[CompanySpec]
    commitments: list[CommitmentSpec]
    events: list[EventSpec]
    people: list[Person]
    attendance: list[tuple[int, int]]  # (event index, person key)
    follow_ups: list[FollowUpSpec]
    profiles: list[ProfileSpec]


def build_world(plan: DemoPlan, *, seed: int) -> DemoWorld:
    calendar = build_calendar(plan, seed=seed)
    busy = [
        e.day
        for e in calendar
        if e.event_type in (EventType.MEGAMATCHMAKING, EventType.WORKSHOP)
        or e.work_package == "T2.1"
    ]
    companies = build_companies(plan, launch=launch_day(plan, seed), busy_days=busy, seed=seed)
    events = add_interviews(calendar, plan, companies, seed=seed)
    people = build_people(plan, events, companies, seed=seed)
    return DemoWorld(
        plan=plan,
        seed=seed,
        companies=companies,
        commitments=build_commitments(plan, companies, seed=seed),
        events=events,
        people=people,
        attendance=build_attendance(events, people, seed=seed),
        follow_ups=build_follow_ups(plan, people, seed=seed),
        profiles=build_profiles(plan, people, seed=seed),
    )
