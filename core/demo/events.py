"""The demo event calendar: each named activity of the plan, in its work package and period."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta

from core.codes import EventType
from core.demo import event_names as names
from core.demo.companies import CompanySpec
from core.demo.plan import DemoPlan, Period, month_starts, stream, weekday_near

# Realistic attendance per type (low, high); the size grows a little as the project matures.
SIZES: dict[str, tuple[int, int]] = {
    EventType.LAUNCH_EVENT: (60, 100),
    EventType.INTENSIVE_COURSE: (30, 55),
    EventType.MEGAMATCHMAKING: (100, 200),
    EventType.STUDENT_CIRCLE: (8, 16),
    EventType.THEMED_EVENT: (25, 60),
    EventType.MEETUP: (20, 45),
    EventType.COFFEE_WITH_ALUMNI: (10, 25),
    EventType.ICT_FABLABING: (12, 25),
    EventType.ICT_IMPACT_FORUM: (20, 80),
    EventType.PEER_SUPPORT: (6, 15),
    EventType.WORKSHOP: (15, 40),
    EventType.COMPANY_INTERVIEW: (1, 3),
}
INTERVIEWS = 10


@dataclass(frozen=True)
class EventSpec:
    code: str
    name: str
    event_type: str
    work_package: str
    day: date
    online: bool
    location: str
    size: int
    company: int | None = None  # the company a T1.1 interview was held with


class _Calendar:
    """Collects events on distinct days (the team runs one event a day)."""

    def __init__(self, plan: DemoPlan, rng: random.Random) -> None:
        self.plan, self.rng = plan, rng
        self.events: list[EventSpec] = []
        self.taken: set[date] = set()

    def add(
        self,
        kind: EventType,
        wp: str,
        day: date,
        name: str,
        *,
        online: bool = False,
        location: str = "",
        company: int | None = None,
    ) -> None:
        period = self.plan.work_packages[wp]
        while day in self.taken or day.weekday() > 4:
            day += timedelta(days=1)
        if day not in period:
            return
        self.taken.add(day)
        self.events.append(
            EventSpec(
                code="",
                name=name,
                event_type=kind.value,
                work_package=wp,
                day=day,
                online=online,
                location=location or self._place(kind, online),
                size=self._size(kind, day),
                company=company,
            )
        )

    def _place(self, kind: EventType, online: bool) -> str:
        if online:
            return names.ONLINE
        if kind == EventType.ICT_FABLABING:
            return names.FABLAB
        if kind in (EventType.THEMED_EVENT, EventType.LAUNCH_EVENT):
            return self.rng.choice(names.CITY)
        return self.rng.choice(names.CAMPUS)

    def _size(self, kind: EventType, day: date) -> int:
        low, high = SIZES[kind]
        span = self.plan.period
        maturity = (day - span.start).days / max(1, (span.end - span.start).days)
        mode = low + (high - low) * (0.3 + 0.5 * maturity)
        return round(self.rng.triangular(low, high, mode))

    def recurring(
        self,
        kind: EventType,
        wp: str,
        months: tuple[int, ...],
        first: date,
        titles: tuple[str, ...],
        *,
        in_order: bool = False,
    ) -> None:
        """One event in each listed month from `first`, now and then skipped, titles in turn."""
        period = self.plan.work_packages[wp]
        order = list(titles)
        if not in_order:
            self.rng.shuffle(order)
        held = 0
        for month in month_starts(max(first, period.start), period.end):
            if month.month not in months or self.rng.random() < 0.08:
                continue
            day = weekday_near(month.replace(day=self.rng.randint(3, 17)))
            online = kind == EventType.ICT_IMPACT_FORUM or (
                kind == EventType.PEER_SUPPORT and self.rng.random() < 0.4
            )
            self.add(kind, wp, day, order[held % len(order)], online=online)
            held += 1


def launch_day(plan: DemoPlan, seed: int) -> date:
    """The programme's launch: the first October at least two months into T2.1."""
    rng = stream(seed, "launch")
    ready = plan.work_packages["T2.1"].start + timedelta(days=60)
    year = ready.year if ready.month <= 10 else ready.year + 1
    return weekday_near(date(year, 10, rng.randint(2, 12)))


def build_calendar(plan: DemoPlan, *, seed: int) -> list[EventSpec]:
    """Every event except the company interviews (those need the companies first)."""
    cal = _Calendar(plan, stream(seed, "events"))
    launch = launch_day(plan, seed)
    cal.add(EventType.LAUNCH_EVENT, "T2.1", launch, names.LAUNCH)
    autumn = date(launch.year, 9, 1)
    _yearly(cal, plan, launch)
    cal.recurring(
        EventType.STUDENT_CIRCLE, "T2.2", (2, 4, 9, 11), autumn, names.STUDENT_CIRCLE, in_order=True
    )
    cal.recurring(EventType.THEMED_EVENT, "T2.2", (3, 5, 9, 11), autumn, names.THEMED)
    cal.recurring(EventType.MEETUP, "T2.2", (2, 4, 10), autumn, names.MEETUPS)
    cal.recurring(
        EventType.COFFEE_WITH_ALUMNI, "T2.3", (1, 2, 3, 4, 9, 10, 11), autumn, names.COFFEE
    )
    cal.recurring(EventType.ICT_FABLABING, "T2.3", (2, 3, 5, 10, 11), autumn, names.FABLABING)
    cal.recurring(
        EventType.ICT_IMPACT_FORUM, "T2.3", (1, 3, 4, 9, 10, 11), autumn, names.IMPACT_FORUM
    )
    cal.recurring(EventType.PEER_SUPPORT, "T2.3", (3, 6, 9, 12), autumn, names.PEER_SUPPORT)
    _workshops(cal, plan)
    return cal.events


def _yearly(cal: _Calendar, plan: DemoPlan, launch: date) -> None:
    for year in range(plan.period.start.year, plan.period.end.year + 1):
        monday = weekday_near(date(year, 8, 10), preferred=(0,))
        cal.add(EventType.INTENSIVE_COURSE, "T2.2", monday, names.INTENSIVE.format(year=year))
        if year > launch.year:
            thursday = weekday_near(date(year, 1, cal.rng.randint(22, 27)), preferred=(3,))
            cal.add(
                EventType.MEGAMATCHMAKING,
                "T2.2",
                thursday,
                names.MEGAMATCHMAKING.format(year=year),
                location="Tellus Arena",
            )
            day = weekday_near(date(year, 10, cal.rng.randint(5, 20)))
            cal.add(EventType.MEETUP, "T2.1", day, names.PARTNER_DAY.format(year=year))
        cafe = weekday_near(date(year, 3, cal.rng.randint(8, 20)))
        cal.add(EventType.MEETUP, "T3.1", cafe, names.EXPERIENCE_CAFE.format(year=year))


def _workshops(cal: _Calendar, plan: DemoPlan) -> None:
    """The plan's two workshops per analysis package, spread over the package's period."""
    for wp, fractions, titles in (
        ("T1.1", (0.45, 0.85), names.WORKSHOPS_T11),
        ("T1.2", (0.33, 0.78), names.WORKSHOPS_T12),
    ):
        for fraction, title in zip(fractions, titles, strict=True):
            cal.add(EventType.WORKSHOP, wp, _term_day(plan.work_packages[wp], fraction), title)


def _term_day(period: Period, fraction: float) -> date:
    """A midweek day at `fraction` of the period, moved out of summer and the Christmas break."""
    day = period.start + timedelta(days=round((period.end - period.start).days * fraction))
    if day.month in (6, 7):
        day = date(day.year, 8, 20)
    elif day.month == 12 and day.day > 12:
        day = date(day.year, 12, 9)
    return min(weekday_near(day), period.end)


def add_interviews(
    events: list[EventSpec], plan: DemoPlan, companies: list[CompanySpec], *, seed: int
) -> list[EventSpec]:
    """T1.1 interviews with partner companies, then the whole calendar in date order with codes."""
    rng = stream(seed, "interviews")
    cal = _Calendar(plan, rng)
    cal.events, cal.taken = list(events), {e.day for e in events}
    period = plan.work_packages["T1.1"]
    last = period.start + timedelta(days=round((period.end - period.start).days * 0.7))
    lag = timedelta(days=21)  # a company is interviewed once it has some experience to tell
    pool = [c for c in companies if max(c.joined_on + lag, period.start) < last]
    rng.shuffle(pool)
    for company in pool[:INTERVIEWS]:
        earliest = max(company.joined_on + lag, period.start)
        day = earliest + timedelta(days=rng.randint(0, (last - earliest).days))
        if day.month == 7:
            day = day.replace(month=8)
        title = names.INTERVIEW.format(company=company.name)
        online = rng.random() < 0.3
        place = "" if online else f"{company.municipality} (company premises)"
        cal.add(
            EventType.COMPANY_INTERVIEW,
            "T1.1",
            day,
            title,
            online=online,
            location=place,
            company=company.key,
        )
    ordered = sorted(cal.events, key=lambda e: (e.day, e.name))
    return [replace(e, code=f"EV-{i:04d}") for i, e in enumerate(ordered, start=1)]
