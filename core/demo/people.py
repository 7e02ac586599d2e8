"""Demo people: ESF+ participants and the non-participants who also come to events."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from core.codes import EntryStatus
from core.demo.companies import CompanySpec
from core.demo.events import EventSpec
from core.demo.identity import Identity, make_identity
from core.demo.pace import entry_dates
from core.demo.plan import DemoPlan, pick, stream, weekday_near
from core.demo.students import StudyPath, alumni_path, student_path

# Participants over the whole project, per (target group, status at entry, stream). The
# totals end near the targets: in education a little over 418, employed a little under 192.
PARTICIPANTS: tuple[tuple[str, str, str, int], ...] = (
    ("international_students", EntryStatus.IN_EDUCATION, "student", 330),
    ("finnish_students", EntryStatus.IN_EDUCATION, "student", 100),
    ("alumni", EntryStatus.EMPLOYED, "alumni", 82),
    ("alumni", EntryStatus.UNEMPLOYED, "alumni", 9),
    ("alumni", EntryStatus.INACTIVE, "alumni", 3),
    ("company_partners", EntryStatus.EMPLOYED, "company", 50),
    ("recruiting_experts", EntryStatus.EMPLOYED, "company", 32),
    ("supervisors", EntryStatus.EMPLOYED, "supervisor", 16),
)
# People who come to events or keep a profile without an ESF+ entry record.
NON_PARTICIPANTS: tuple[tuple[str, str, str, int], ...] = (
    ("international_students", EntryStatus.IN_EDUCATION, "student", 220),
    ("finnish_students", EntryStatus.IN_EDUCATION, "student", 70),
    ("alumni", EntryStatus.EMPLOYED, "alumni", 70),
    ("company_partners", EntryStatus.EMPLOYED, "company", 60),
    ("recruiting_experts", EntryStatus.EMPLOYED, "company", 40),
    ("supervisors", EntryStatus.EMPLOYED, "supervisor", 20),
)
CATEGORY = {
    "international_students": "student",
    "finnish_students": "student",
    "alumni": "alumni",
    "company_partners": "company",
    "recruiting_experts": "company",
    "supervisors": "supervisor",
}
# How long a working participant takes part before the exit is recorded (days).
PARTICIPATION_DAYS = {"alumni": (60, 300), "company": (90, 420), "supervisor": (120, 500)}


@dataclass
class Person:
    key: int
    group: str
    category: str
    participant: bool
    status: str
    start: date  # entry (participants) or first seen
    end: date | None  # exit (participants, always inside the project) or last seen
    identity: Identity
    path: StudyPath | None = None
    company: int | None = None
    spearhead: str | None = None
    activity: float = 1.0  # how often this person comes to events
    circle: bool = False  # an ICT Student Circle member
    minutes: int = 0  # time of day the record was made
    flags: dict[str, bool | None] = field(default_factory=dict)
    email: str = ""
    student_number: str = ""

    def active_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def build_people(
    plan: DemoPlan, events: list[EventSpec], companies: list[CompanySpec], *, seed: int
) -> list[Person]:
    """Everyone in the demo world over the whole project; `seed_demo` cuts it at `today`."""
    rng = stream(seed, "people")
    opens = min((c.joined_on for c in companies), default=plan.period.start)
    people: list[Person] = []
    for participant, table in ((True, PARTICIPANTS), (False, NON_PARTICIPANTS)):
        for group, status, kind, base in table:
            count = max(1, round(base * rng.uniform(0.96, 1.04)))
            starts = entry_dates(
                rng, plan, kind, events, count, opens=opens if kind == "company" else None
            )
            for start in starts:
                person = _person(rng, plan, events, companies, group, status, start, participant)
                person.key = len(people)
                people.append(person)
    _assign_contacts(rng, people)
    _give_every_company_a_contact(rng, people, companies)
    return people


def _give_every_company_a_contact(
    rng: random.Random, people: list[Person], companies: list[CompanySpec]
) -> None:
    """Each company has at least one contact person outside the entry records."""
    contacts = [p for p in people if p.category == "company" and not p.participant]
    order = list(companies)
    rng.shuffle(order)
    for person, company in zip(contacts, order, strict=False):
        person.company, person.spearhead = company.key, company.sector.spearhead


def _assign_contacts(rng: random.Random, people: list[Person]) -> None:
    """Unique emails and student numbers, given in a fixed order so reruns agree."""
    emails: set[str] = set()
    numbers: set[str] = set()
    for person in people:
        suffix = 0
        while person.identity.email(suffix) in emails:
            suffix += 1
        person.email = person.identity.email(suffix)
        emails.add(person.email)
        if person.category == "student" and person.path is not None:
            number = ""
            while not number or number in numbers:
                number = f"{person.path.study_start.year % 100:02d}{rng.randint(0, 99_999):05d}"
            person.student_number = number
            numbers.add(number)


def _person(
    rng: random.Random,
    plan: DemoPlan,
    events: list[EventSpec],
    companies: list[CompanySpec],
    group: str,
    status: str,
    start: date,
    participant: bool,
) -> Person:
    category = CATEGORY[group]
    course_days = {e.day for e in events if e.event_type == "intensive_course"}
    path: StudyPath | None = None
    if category == "student":
        path = student_path(rng, plan, group, start, new_student=start in course_days)
    elif category in ("alumni", "supervisor"):
        path = alumni_path(rng, plan, start, supervisor=category == "supervisor")
    identity = make_identity(rng, group, status, start, path)
    person = Person(
        key=0,
        group=group,
        category=category,
        participant=participant,
        status=status,
        start=start,
        end=_end(rng, plan, category, status, start, path),
        identity=identity,
        path=path,
        activity=rng.gammavariate(0.8, 1.25) + 0.05,
        circle=category == "student" and rng.random() < 0.08,
        minutes=rng.randint(8 * 60, 16 * 60),
    )
    if category == "company":
        person.company = _employer(rng, companies, start, participant)
        if person.company is not None:
            person.spearhead = companies[person.company].sector.spearhead
    elif path is not None:
        person.spearhead = plan.programme(path.programme).spearhead
    person.flags = identity.flags(rng, group, _municipality(person, companies))
    return person


def _end(
    rng: random.Random,
    plan: DemoPlan,
    category: str,
    status: str,
    start: date,
    path: StudyPath | None,
) -> date:
    """The exit: at graduation or when taking part ends, always inside the project."""
    if category == "student" and path is not None:
        end = path.leaves
    else:
        low, high = PARTICIPATION_DAYS.get(category, (60, 300))
        if status != EntryStatus.EMPLOYED:
            low, high = 30, 180  # job seekers move on sooner
        end = start + timedelta(days=rng.randint(low, high))
    closing = plan.period.end - timedelta(days=rng.randint(14, 45))
    if end > closing:
        end = max(start, weekday_near(closing, preferred=(0, 1, 2, 3, 4)))
    return min(max(end, start), plan.period.end)


def _employer(
    rng: random.Random, companies: list[CompanySpec], start: date, participant: bool
) -> int | None:
    """A participant works for a partner that has joined; others may come from prospects."""
    joined = [c for c in companies if c.joined_on <= start] if participant else companies
    if not joined:
        return None
    size = {"micro": 1.0, "small": 1.8, "medium": 3.0}
    recent = [
        size.get(c.size_class, 1.0) * (2.0 if (start - c.joined_on).days < 90 else 1.0)
        for c in joined
    ]
    return pick(rng, list(zip([c.key for c in joined], recent, strict=True)))


def _municipality(person: Person, companies: list[CompanySpec]) -> str | None:
    if person.company is None:
        return None
    return companies[person.company].municipality
