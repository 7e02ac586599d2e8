"""Competence profiles of demo students: who writes one, when, and what it says."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from core.demo.names import COUNTRIES
from core.demo.people import Person
from core.demo.plan import DemoPlan, add_months, pick, stream
from core.demo.profile_text import Author, write_english
from core.demo.profile_text_fi import HOMETOWNS_FI, write_finnish
from core.demo.skill_area import SkillArea
from core.demo.students import StudyPath
from core.demo.vocabulary import DEMO_SKILL_AREAS, area_weights

CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O or 1/I to misread
# Share of students who write a profile: (participants, others).
WRITES_PROFILE = {"international_students": (0.85, 0.75), "finnish_students": (0.85, 0.7)}
FINNISH_TEXT = 0.75  # Finnish students who write their profile in Finnish
CONSENT = 0.85


@dataclass(frozen=True)
class ProfileSpec:
    code: str
    person: int
    created: date
    minutes: int
    programme: str
    spearhead: str
    main_area: str
    side_areas: tuple[str, ...]
    skills: str
    interests: str
    languages: str
    text_language: str
    internship: bool
    thesis: bool
    job: bool
    available_from: date
    consent: bool


def build_profiles(plan: DemoPlan, people: list[Person], *, seed: int) -> list[ProfileSpec]:
    """Profiles in the order they were written, each with a stable random code."""
    rng = stream(seed, "profiles")
    drafts = []
    for person in people:
        shares = WRITES_PROFILE.get(person.group)
        if shares is None or person.path is None or person.end is None:
            continue
        if rng.random() >= shares[0 if person.participant else 1]:
            continue
        created = min(person.start + timedelta(days=rng.randint(0, 50)), person.end)
        drafts.append(_profile(rng, plan, person, person.path, created))
    drafts.sort(key=lambda d: (d.created, d.person))
    codes = _codes(stream(seed, "profile-codes"), len(drafts))
    return [
        ProfileSpec(**{**d.__dict__, "code": code}) for d, code in zip(drafts, codes, strict=True)
    ]


def _codes(rng: random.Random, count: int) -> list[str]:
    codes: list[str] = []
    seen: set[str] = set()
    while len(codes) < count:
        code = "SP-" + "".join(rng.choice(CODE_ALPHABET) for _ in range(5))
        if code not in seen:
            seen.add(code)
            codes.append(code)
    return codes


def _profile(
    rng: random.Random, plan: DemoPlan, person: Person, path: StudyPath, created: date
) -> ProfileSpec:
    spearhead = plan.programme(path.programme).spearhead
    main, sides = _areas(rng, path.programme, spearhead)
    year = path.study_year(created)
    internship, thesis, job = _availability(rng, path.level, year)
    available = _available_from(created, path, internship, thesis)
    finnish = person.group == "finnish_students"
    author = Author(
        programme=path.programme,
        level=path.level,
        study_year=year,
        finnish=finnish,
        city=_city(rng, person),
        country=person.identity.country,
        work_years=path.work_years,
        learning_finnish=path.learning_finnish,
        arrived=path.study_start.year,
        main=main,
        sides=sides,
        internship=internship,
        thesis=thesis,
        job=job,
        available_from=available,
    )
    in_finnish = finnish and rng.random() < FINNISH_TEXT
    skills, interests = (write_finnish if in_finnish else write_english)(rng, author)
    return ProfileSpec(
        code="",
        person=person.key,
        created=created,
        minutes=rng.randint(9 * 60, 23 * 60),
        programme=path.programme,
        spearhead=spearhead,
        main_area=main.code,
        side_areas=tuple(s.code for s in sides),
        skills=skills,
        interests=interests,
        languages=",".join(person.identity.languages),
        text_language="fi" if in_finnish else "en",
        internship=internship,
        thesis=thesis,
        job=job,
        available_from=available,
        consent=rng.random() < CONSENT,
    )


def _areas(
    rng: random.Random, programme: str, spearhead: str
) -> tuple[SkillArea, tuple[SkillArea, ...]]:
    """A main area from the programme, plus one to three side areas (some across spearheads)."""
    weights = area_weights(programme, spearhead)
    main = pick(rng, list(weights.items()))
    sides: list[str] = []
    for _ in range(pick(rng, ((1, 0.45), (2, 0.4), (3, 0.15)))):
        if rng.random() < 0.85:
            options = [(code, w) for code, w in weights.items() if code != main]
        else:
            options = [(code, 1.0) for code in DEMO_SKILL_AREAS if code != main]
        options = [(code, w) for code, w in options if code not in sides]
        if options:
            sides.append(pick(rng, options))
    return DEMO_SKILL_AREAS[main], tuple(DEMO_SKILL_AREAS[code] for code in sides)


def _availability(rng: random.Random, level: str, year: int) -> tuple[bool, bool, bool]:
    if level == "bachelor":
        shares = (0.8, 0.05, 0.35) if year <= 2 else (0.6, 0.6, 0.3)
    else:
        shares = (0.85, 0.2, 0.3) if year <= 1 else (0.4, 0.8, 0.6)
    internship, thesis, job = (rng.random() < share for share in shares)
    if not (internship or thesis or job):
        internship = True
    return internship, thesis, job


def _available_from(created: date, path: StudyPath, internship: bool, thesis: bool) -> date:
    """Internships start in May, theses in January or September, jobs after graduation."""
    if internship:
        may = date(created.year, 5, 1)
        return may if created < may - timedelta(days=30) else date(created.year + 1, 5, 1)
    if thesis:
        ready = created + timedelta(days=30)
        return min(d for d in (date(ready.year, 9, 1), date(ready.year + 1, 1, 1)) if d >= ready)
    first = add_months(created.replace(day=1), 1)
    if path.level == "bachelor":
        return first  # a part-time job alongside the studies
    return max(first, path.graduates.replace(day=1))


def _city(rng: random.Random, person: Person) -> str:
    country = next((c for c in COUNTRIES if c.name == person.identity.country), None)
    if country is None:
        return rng.choice(HOMETOWNS_FI)[0]
    return rng.choice(country.cities)
