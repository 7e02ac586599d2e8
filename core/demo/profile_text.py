"""English competence-profile texts that read as if students wrote them, not a form letter."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from core.demo.skill_area import SkillArea

MIN_WORDS, MAX_WORDS = 25, 120
NUMBERS = ("no", "one", "two", "three", "four", "five", "six")
ORDINALS = ("first", "second", "third", "fourth", "fifth")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
FIELDS = {
    "CSE-MSC": "computer science and engineering",
    "SE-MSC": "software engineering",
    "IPS-MSC": "information processing science",
    "ECE-MSC": "electronics and communications engineering",
    "WCE-MSC": "wireless communications engineering",
    "CE-MSC": "computer engineering",
    "TITE-BSC": "computer science and engineering",
    "TOL-BSC": "information processing science",
    "SATE-BSC": "electrical and communications engineering",
}
EARLIER_DEGREES = {
    "devices": ("electronics and communication engineering", "electrical engineering",
                "telecommunication engineering", "mechatronics"),
    "software": ("computer science", "information technology", "software engineering",
                 "computer engineering"),
}  # fmt: skip
WORKPLACES = (
    "a mid-sized IT services company",
    "a telecom operator",
    "a small start-up",
    "an automotive supplier",
    "a bank's IT department",
    "an electronics manufacturer",
    "a software outsourcing company",
    "a university research lab",
)
CONTEXT_WORDS = ("course", "thesis", "internship", "project", "team", "jam", "competition", "club")
# Leads with a context first: the last four are used when the clause already has one.
PROJECT_LEADS = (
    "{Ctx}, I {body}.",
    "I {body} {ctx}.",
    "One project I'm proud of: I {body}.",
    "Recently I {body}.",
    "My favourite project so far: I {body}.",
    "I {body}.",
)
CONTEXTS = (
    "for my bachelor's thesis",
    "in a course project",
    "as a hobby project",
    "during a summer internship",
    "together with two classmates",
    "at a 48-hour hackathon",
    "in my first semester here",
    "for a student team competition",
)
SOFT = (
    "I like small teams where I can see the whole product.",
    "I'm used to Scrum, code reviews and writing documentation that others can actually follow.",
    "I was a teaching assistant for a programming course, so I'm patient with other people's bugs.",
    "I enjoy mixed teams; my last project group had five nationalities and it worked really well.",
    "I prefer to ask early rather than stay stuck for days.",
    "Git, pull requests and issue trackers are part of my normal routine.",
    "I'm a calm debugger and I write down what I learn so the next person doesn't have to.",
    "Outside studies I volunteer in the student guild's international committee.",
    "I learn new tools quickly, usually by reading the docs and building something small first.",
    "I care more about clean, testable code than clever code.",
    "I have a driving licence, so visiting sites outside Oulu is no problem.",
    "I'm used to remote work and to working across time zones.",
    "Reliable, curious and honest about what I don't know yet.",
)
BROAD = {
    "devices": ("anything where hardware and software meet", "products you can hold in your hand"),
    "software": ("tools that make developers' lives easier", "software that people enjoy using"),
}
FINNISH_LEARNING = (
    "I'm learning Finnish (around A2 now) and can handle everyday conversations.",
    "I take Finnish courses at the language centre and can follow simple meetings in Finnish.",
    "Learning Finnish slowly but steadily. Puhun vähän suomea!",
    "My Finnish is still basic, but I practise every week and read work texts with a dictionary.",
    "I passed Finnish 1 and 2 and I'm continuing with Finnish 3 this year.",
)


@dataclass(frozen=True)
class Author:
    """What the student who writes a profile knows about themself."""

    programme: str
    level: str
    study_year: int
    finnish: bool
    city: str
    country: str
    work_years: int
    learning_finnish: bool
    arrived: int  # the year studies in Oulu began
    main: SkillArea
    sides: tuple[SkillArea, ...]
    internship: bool
    thesis: bool
    job: bool
    available_from: date

    @property
    def field(self) -> str:
        return FIELDS.get(self.programme, "ICT")


def join(items: Sequence[str], word: str = "and") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def words(text: str) -> int:
    return len(text.split())


def fit(
    rng: random.Random,
    parts: list[tuple[str, int]],
    extra: Callable[[], str],
    target: int,
) -> str:
    """Join sentences, dropping the least important ones (highest rank) beyond `target` words."""
    parts = [p for p in parts if p[0]]
    while sum(words(t) for t, _ in parts) > min(target, MAX_WORDS):
        optional = [i for i, (_, rank) in enumerate(parts) if rank > 0]
        if not optional:
            break
        parts.pop(max(optional, key=lambda i: (parts[i][1], i)))
    while sum(words(t) for t, _ in parts) < MIN_WORDS:
        parts.append((extra(), 0))
    text = " ".join(t for t, _ in parts)
    while words(text) > MAX_WORDS and len(parts) > 1:
        parts.pop()
        text = " ".join(t for t, _ in parts)
    return text


def target_length(rng: random.Random) -> int:
    return rng.choice((40, 55, 55, 70, 85, 85, 100, 120))


def _ordinal(year: int) -> str:
    return ORDINALS[min(year, len(ORDINALS)) - 1]


def _opener(rng: random.Random, a: Author, *, first: bool = True) -> str:
    """Who is writing; greetings only when the text starts with them."""
    options = [o for o in _openers(rng, a) if first or not o.startswith(("Hi!", "Greetings"))]
    return rng.choice(options)


def _openers(rng: random.Random, a: Author) -> tuple[str, ...]:
    year, field = _ordinal(a.study_year), a.field
    if a.finnish:
        return (
            f"I'm a {year}-year {field} student at the University of Oulu.",
            f"{upper_first(year)}-year {field} student from {a.city}.",
            f"I study {field} in Oulu, now in my {year} year.",
        )  # fmt: skip
    degree = "master's" if a.level == "master" else "degree"
    earlier = rng.choice(EARLIER_DEGREES[a.main.spearhead])
    return (
        f"I'm a {year}-year {field} {degree} student at the University of Oulu, "
        f"originally from {a.country}.",
        f"{upper_first(year)}-year MSc student in {field}, originally from {a.city}.",
        f"I moved to Oulu from {a.city} to study {field}.",
        f"Hi! I study {field} in Oulu ({year} year) and most of my time goes into {a.main.label}.",
        f"My bachelor's is in {earlier} from {a.country}; "
        f"now I'm doing a master's in {field} in Oulu.",
        f"Originally from {a.city}, I'm now in my {year} year of {field} studies in Oulu.",
        f"I came to Finland in {a.arrived} for the {field} master's programme.",
        f"Master's student in {field}, {year} year. Originally from {a.country}.",
        f"I'm doing my MSc in {field} at the University of Oulu and focus on {a.main.label}.",
        f"International student in {field}, now in my {year} year.",
        f"Greetings from Linnanmaa! I'm a {year}-year {field} student.",
    )  # fmt: skip


def _prior(rng: random.Random, a: Author) -> str:
    if a.work_years == 0:
        return ""
    span = "a year" if a.work_years == 1 else f"{NUMBERS[a.work_years]} years"
    role = rng.choice(a.main.roles)
    place = f"{rng.choice(WORKPLACES)} in {a.city}"
    return rng.choice((
        f"Before coming to Finland I worked {span} as a {role} at {place}.",
        f"I have {span} of industry experience as a {role}, most recently at {place}.",
        f"Back home I spent {span} as a {role} before deciding to do a master's.",
        f"I worked {span} as a {role} at {place} before my master's.",
        f"After my bachelor's I spent {span} at {place} as a {role}.",
    ))  # fmt: skip


def _skills(rng: random.Random, a: Author, *, terse: bool = False) -> str:
    chosen = rng.sample(a.main.phrases, k=rng.randint(3, 5))
    if terse:
        return f"{rng.choice(('Main skills', 'Core skills', 'Strongest in'))}: {', '.join(chosen)}."
    first, rest = chosen[:2], chosen[2:]
    return rng.choice((
        f"My strongest skills are {join(chosen)}.",
        f"Most of my experience is with {join(chosen)}.",
        f"Day to day I work with {join(first)}, and I'm comfortable with {join(rest)}.",
        f"I'm strongest in {a.main.label}: {join(chosen)}.",
        f"Technically I'm at home with {join(chosen)}.",
        f"Tools and tech I have actually used: {', '.join(chosen)}.",
        f"I know {join(chosen)} well and I like understanding things down to the details.",
    ))  # fmt: skip


def project_body(rng: random.Random, area: SkillArea, used: set[str]) -> str:
    options = [p for p in area.projects if p not in used] or list(area.projects)
    body = rng.choice(options)
    used.add(body)
    return body


def project(rng: random.Random, area: SkillArea, *, used: set[str]) -> str:
    """A project sentence; a context is added only when the clause does not carry its own."""
    body = project_body(rng, area, used)
    ctx = rng.choice(CONTEXTS)
    leads = PROJECT_LEADS if not _has_context(body) else PROJECT_LEADS[2:]
    return rng.choice(leads).format(body=body, ctx=ctx, Ctx=upper_first(ctx))


def _has_context(body: str) -> bool:
    return any(word in body for word in CONTEXT_WORDS)


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sides(rng: random.Random, a: Author) -> str:
    if not a.sides:
        return ""
    phrases = [rng.choice(side.phrases) for side in a.sides]
    phrases += [p for p in rng.sample(a.sides[0].phrases, k=2) if p not in phrases][:1]
    side = a.sides[0].label
    own = rng.sample(a.sides[0].phrases, k=min(2, len(a.sides[0].phrases)))
    return rng.choice((
        f"I also know some {join(phrases)}.",
        f"On the side I've picked up {join(phrases)}.",
        f"Besides {a.main.label}, I have done some {side} ({', '.join(own)}).",
        f"Other things I can help with: {', '.join(phrases)}.",
        f"I'm also comfortable with {join(phrases)}, "
        "which comes in handy more often than I expected.",
    ))  # fmt: skip


def _closing(rng: random.Random, a: Author) -> str:
    when = f"{MONTHS[a.available_from.month - 1]} {a.available_from.year}"
    options = []
    if a.internship:
        options += [
            f"I'm looking for a summer internship in {a.available_from.year}, "
            "ideally in a small company.",
            f"Open to an internship from {when}.",
            "Looking for my first internship in Finland; "
            "testing or support tasks are fine to start.",
        ]
    if a.thesis:
        options += [
            f"I'm looking for a thesis topic in {a.main.label}, "
            "preferably with a company in the Oulu region.",
            f"Thesis topic wanted: anything around {join(rng.sample(a.main.phrases, k=2), 'or')}.",
        ]
    if a.job:
        options += [
            f"Available for a full-time job from {when}.",
            "Open to part-time work alongside my studies.",
            "I'd like to stay in Northern Finland after graduation "
            "and I'm looking for a junior role.",
        ]
    return rng.choice(options) if options else ""


def write_english(rng: random.Random, a: Author) -> tuple[str, str]:
    """(skills, interests) in one of several structures and tones."""
    used: set[str] = set()
    finnish = rng.choice(FINNISH_LEARNING) if a.learning_finnish and rng.random() < 0.7 else ""
    style = rng.random()
    if a.work_years >= 2 and style < 0.6:
        parts = [(_prior(rng, a), 0), (_skills(rng, a), 0), (project(rng, a.main, used=used), 1),
                 (_sides(rng, a), 3), (_closing(rng, a), 2), (finnish, 4)]  # fmt: skip
    elif style < 0.2:
        recent = f"Recent project: {project_body(rng, a.main, used)}."
        parts = [(_skills(rng, a, terse=True), 0), (_terse_sides(rng, a), 2), (recent, 1),
                 (_closing(rng, a), 3), (finnish, 4)]  # fmt: skip
    elif style < 0.42:
        parts = [(project(rng, a.main, used=used), 0), (_skills(rng, a), 0),
                 (_opener(rng, a, first=False), 3), (_sides(rng, a), 2), (rng.choice(SOFT), 5),
                 (_closing(rng, a), 4), (finnish, 6)]  # fmt: skip
    elif style < 0.55:
        parts = [(_skills(rng, a), 0), (_sides(rng, a), 2), (project(rng, a.main, used=used), 1),
                 (rng.choice(SOFT), 4), (_closing(rng, a), 3), (finnish, 5)]  # fmt: skip
    else:
        parts = [(_opener(rng, a), 1), (_prior(rng, a), 5), (_skills(rng, a), 0),
                 (project(rng, a.main, used=used), 2), (_sides(rng, a), 3),
                 (rng.choice(SOFT), 6), (finnish, 7), (_closing(rng, a), 4)]  # fmt: skip
    extra_area = [a.main, *a.sides]
    skills = fit(
        rng, parts, lambda: project(rng, rng.choice(extra_area), used=used), target_length(rng)
    )
    return skills, _interests(rng, a)


def _terse_sides(rng: random.Random, a: Author) -> str:
    phrases = [rng.choice(side.phrases) for side in a.sides]
    return f"Also: {', '.join(phrases)}." if phrases else ""


def _interests(rng: random.Random, a: Author) -> str:
    first = rng.choice(a.main.interests)
    second = rng.choice(a.sides[0].interests) if a.sides else rng.choice(a.main.interests)
    if second == first:
        second = a.main.interests[(a.main.interests.index(first) + 1) % len(a.main.interests)]
    return rng.choice((
        f"{upper_first(first)}; also {second}.",
        f"Interested in {first}, plus {second}.",
        f"{upper_first(first)}. I'd love to work with a small company in Oulu.",
        f"Mostly {first}. Long term I want to build my career in Finland.",
        f"Right now: {first}. Curious about {second}.",
        f"{upper_first(first)}, {second}, and {rng.choice(BROAD[a.main.spearhead])}.",
        f"I get excited about {first}. Also {second}, when I find time.",
    ))  # fmt: skip
