"""Results after exit: 28-day and 6-month answers, job quality and student experience."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from core.codes import EntryStatus, FollowUpKind, FollowUpStatus
from core.demo.people import Person
from core.demo.plan import DemoPlan, pick, stream

S = FollowUpStatus
WORKING = (S.EMPLOYED.value, S.SELF_EMPLOYED.value)
# A later answer inside the 28-day window that differs from the first one.
LATER = {
    S.JOB_SEARCHING.value: S.EMPLOYED.value,
    S.QUALIFICATION.value: S.EMPLOYED.value,
    S.UNKNOWN.value: S.JOB_SEARCHING.value,
    S.IN_EDUCATION.value: S.EMPLOYED.value,
}
SIX_MONTHS_ON = {
    S.JOB_SEARCHING.value: (
        (S.EMPLOYED.value, 0.6),
        (S.JOB_SEARCHING.value, 0.3),
        (S.IN_EDUCATION.value, 0.1),
    ),
    S.QUALIFICATION.value: (
        (S.EMPLOYED.value, 0.65),
        (S.JOB_SEARCHING.value, 0.25),
        (S.IN_EDUCATION.value, 0.1),
    ),
    S.IN_EDUCATION.value: ((S.IN_EDUCATION.value, 0.8), (S.EMPLOYED.value, 0.2)),
    S.INACTIVE.value: ((S.INACTIVE.value, 0.6), (S.JOB_SEARCHING.value, 0.4)),
    S.UNKNOWN.value: ((S.UNKNOWN.value, 0.5), (S.EMPLOYED.value, 0.5)),
}


@dataclass(frozen=True)
class FollowUpSpec:
    person: int
    kind: str
    recorded_on: date
    status: str
    answers: dict[str, bool | int | None] = field(default_factory=dict)


def build_follow_ups(plan: DemoPlan, people: list[Person], *, seed: int) -> list[FollowUpSpec]:
    """Answers for participants who left; none recorded after the project ends."""
    rng = stream(seed, "follow-ups")
    experience_from = plan.work_packages["T3.1"].start
    result: list[FollowUpSpec] = []
    for person in people:
        if not person.participant or person.end is None:
            continue
        result += _answers_of(rng, person, experience_from)
    return [f for f in result if f.recorded_on <= plan.period.end]


def _answers_of(rng: random.Random, person: Person, experience_from: date) -> list[FollowUpSpec]:
    assert person.end is not None
    working_at_entry = person.status == EntryStatus.EMPLOYED
    if rng.random() > (0.8 if working_at_entry else 0.88):
        return []
    status = _first_status(rng, person)
    first = person.end + timedelta(days=rng.randint(3, 22))
    answers = [_answer(rng, person, FollowUpKind.IMMEDIATE.value, first, status, experience_from)]
    if status in LATER and rng.random() < 0.15:
        later = first + timedelta(days=rng.randint(2, (person.end + timedelta(28) - first).days))
        answers.append(
            _answer(
                rng, person, FollowUpKind.IMMEDIATE.value, later, LATER[status], experience_from
            )
        )
        status = LATER[status]
    if rng.random() < 0.75:
        six = person.end + timedelta(days=182 + rng.randint(-3, 21))
        later_status = status if status in WORKING else pick(rng, SIX_MONTHS_ON[status])
        answers.append(
            _answer(rng, person, FollowUpKind.SIX_MONTHS.value, six, later_status, experience_from)
        )
    return answers


def _first_status(rng: random.Random, person: Person) -> str:
    path, group = person.path, person.group
    if person.status == EntryStatus.UNEMPLOYED:
        return pick(
            rng,
            (
                (S.EMPLOYED.value, 0.45),
                (S.JOB_SEARCHING.value, 0.4),
                (S.IN_EDUCATION.value, 0.1),
                (S.SELF_EMPLOYED.value, 0.05),
            ),
        )
    if person.status == EntryStatus.INACTIVE:
        return pick(
            rng, ((S.INACTIVE.value, 0.6), (S.JOB_SEARCHING.value, 0.3), (S.EMPLOYED.value, 0.1))
        )
    if person.category != "student" or path is None:
        return pick(
            rng, ((S.EMPLOYED.value, 0.94), (S.SELF_EMPLOYED.value, 0.04), (S.UNKNOWN.value, 0.02))
        )
    assert person.end is not None
    if person.end < path.leaves:
        return S.IN_EDUCATION.value  # still studying when the project closed
    if path.reason == "left":
        return pick(
            rng,
            (
                (S.JOB_SEARCHING.value, 0.3),
                (S.EMPLOYED.value, 0.25),
                (S.IN_EDUCATION.value, 0.3),
                (S.INACTIVE.value, 0.1),
                (S.UNKNOWN.value, 0.05),
            ),
        )
    if path.level == "bachelor":
        return pick(
            rng,
            ((S.IN_EDUCATION.value, 0.8), (S.EMPLOYED.value, 0.15), (S.JOB_SEARCHING.value, 0.05)),
        )
    employed = 0.6 if path.regional_work else 0.3
    if group == "finnish_students":
        employed = 0.7
    if rng.random() < employed:
        return S.SELF_EMPLOYED.value if rng.random() < 0.05 else S.EMPLOYED.value
    return pick(
        rng,
        (
            (S.QUALIFICATION.value, 0.45),
            (S.JOB_SEARCHING.value, 0.4),
            (S.IN_EDUCATION.value, 0.12),
            (S.UNKNOWN.value, 0.03),
        ),
    )


def _answer(
    rng: random.Random,
    person: Person,
    kind: str,
    recorded_on: date,
    status: str,
    experience_from: date,
) -> FollowUpSpec:
    answers: dict[str, bool | int | None] = {}
    if status in WORKING:
        answers |= _job_quality(rng, person)
        if kind == FollowUpKind.SIX_MONTHS:
            answers |= _improvement(rng, person)
    if person.category == "student" and recorded_on >= experience_from:
        answers |= _experience(
            rng, person, kind, answers.get("job_in_region") is True and status in WORKING
        )
    return FollowUpSpec(person.key, kind, recorded_on, status, answers)


def _job_quality(rng: random.Random, person: Person) -> dict[str, bool | int | None]:
    path = person.path
    if person.category == "company":
        in_region = True
    elif person.group == "international_students" and path is not None:
        in_region = rng.random() < (0.8 if path.regional_work else 0.35)
    else:
        in_region = rng.random() < 0.7
    return {
        "job_matches_education": rng.random() < 0.75,
        "job_in_ict": rng.random() < (0.95 if person.category == "company" else 0.85),
        "job_in_region": in_region,
    }


def _improvement(rng: random.Random, person: Person) -> dict[str, bool | int | None]:
    was_working = person.status == EntryStatus.EMPLOYED
    return {
        "precarious_to_stable": rng.random() < (0.08 if was_working else 0.3),
        "underemployed_to_full": rng.random() < (0.05 if was_working else 0.2),
        "more_skilled_job": rng.random() < (0.15 if was_working else 0.35),
    }


def _experience(
    rng: random.Random, person: Person, kind: str, working_here: bool
) -> dict[str, bool | int | None]:
    """T3.1 answers; intent to stay follows a job or internship in the region."""
    path = person.path
    regional = path is not None and path.regional_work
    result: dict[str, bool | int | None] = {}
    if kind == FollowUpKind.IMMEDIATE:
        scores = (1, 2, 3, 4, 5)
        weights = (0.02, 0.05, 0.18, 0.45, 0.30) if regional else (0.05, 0.12, 0.30, 0.38, 0.15)
        result["experience_score"] = rng.choices(scores, weights=weights, k=1)[0]
    if person.group == "international_students":
        stay = 0.85 if working_here else 0.6 if regional else 0.28
        result["intends_to_stay"] = rng.random() < stay
    return result
