"""Demo contact requests (issue 14): companies ask to meet searchable students, and some of
the requests become internships, theses and jobs, so the contact funnel has something to show.

Built from the world and the seed alone, like the rest of the demo: the requests and steps
as of an earlier day are a prefix of those as of a later one. The places they deliver are
among the delivered places the demo's commitments already count (no second credit).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select as select_columns
from sqlmodel import col

from core.codes import AgreedKind, ContactStatus, Role
from core.demo.companies import CompanySpec
from core.demo.plan import pick, stream
from core.demo.world import DemoWorld
from core.demo.write import Writer, stamp
from core.models import CompetenceProfile, ContactRequest, ContactStep

# How many requests a searchable student gets over the project, and what becomes of them.
REQUESTS_PER_PROFILE = ((0, 0.12), (1, 0.33), (2, 0.33), (3, 0.22))
SAME_SPEARHEAD = 0.75  # companies mostly ask for students of their own field
NO_ANSWER, DECLINED = 0.08, 0.17  # cumulative shares; the rest accept
MET, AGREED, STARTED = 0.4, 0.68, 0.9  # of the accepted, of the accepted, of the agreed
KINDS = (
    (AgreedKind.INTERNSHIP, 0.3),
    (AgreedKind.THESIS, 0.17),
    (AgreedKind.JOB, 0.45),
    (AgreedKind.OTHER, 0.08),
)
LASTS = {  # days from start to end (None: still going), per kind
    AgreedKind.INTERNSHIP: (90, 150),
    AgreedKind.THESIS: (120, 200),
    AgreedKind.OTHER: (20, 60),
}
JOB_ENDS = 0.1  # a share of jobs ends within the demo
MESSAGES = (
    "We would like to talk about a summer internship.",
    "Your profile matches a thesis topic we have.",
    "Could we meet at our office or online?",
    "We are hiring for our product team.",
)


@dataclass(frozen=True)
class RequestSpec:
    company: int  # CompanySpec.key
    profile: str  # ProfileSpec.code
    email: str
    message: str
    steps: tuple[tuple[ContactStatus, date], ...]  # asked first
    kind: AgreedKind | None


def build_requests(world: DemoWorld, *, seed: int) -> list[RequestSpec]:
    """Every request the demo's companies ever make, in the order they are asked."""
    rng = stream(seed, "contact-requests")
    found: list[RequestSpec] = []
    for spec in world.profiles:
        person = world.people[spec.person]
        if not spec.consent or not person.participant:
            continue
        asked: set[int] = set()
        for _ in range(pick(rng, REQUESTS_PER_PROFILE)):
            day = spec.created + timedelta(days=rng.randint(10, 240))
            company = _company(rng, world.companies, spec.spearhead, day, asked)
            if company is None:
                continue
            asked.add(company.key)
            kind, steps = _steps(rng, day)
            found.append(
                RequestSpec(company.key, spec.code, person.email, rng.choice(MESSAGES), steps, kind)
            )
    return sorted(found, key=lambda r: (r.steps[0][1], r.profile, r.company))


def _company(
    rng: random.Random, companies: list[CompanySpec], spearhead: str, day: date, asked: set[int]
) -> CompanySpec | None:
    joined = [c for c in companies if c.joined_on <= day and c.key not in asked]
    near = [c for c in joined if c.sector.spearhead == spearhead]
    pool = near if near and rng.random() < SAME_SPEARHEAD else joined
    return rng.choice(pool) if pool else None


def _steps(
    rng: random.Random, day: date
) -> tuple[AgreedKind | None, tuple[tuple[ContactStatus, date], ...]]:
    steps = [(ContactStatus.ASKED, day)]

    def then(status: ContactStatus, low: int, high: int) -> None:
        steps.append((status, steps[-1][1] + timedelta(days=rng.randint(low, high))))

    answer = rng.random()
    if answer < NO_ANSWER:
        return None, tuple(steps)
    if answer < NO_ANSWER + DECLINED:
        then(ContactStatus.DECLINED, 1, 10)
        return None, tuple(steps)
    then(ContactStatus.ACCEPTED, 1, 7)
    if rng.random() < MET:
        then(ContactStatus.MET, 5, 21)
    if rng.random() >= AGREED:
        return None, tuple(steps)
    kind = pick(rng, KINDS)
    then(ContactStatus.AGREED, 7, 40)
    if rng.random() >= STARTED:
        return kind, tuple(steps)
    then(ContactStatus.STARTED, 10, 45)
    if kind in LASTS:
        then(ContactStatus.ENDED, *LASTS[kind])
    elif rng.random() < JOB_ENDS:
        then(ContactStatus.ENDED, 90, 400)
    return kind, tuple(steps)


ROLE_OF = {ContactStatus.ACCEPTED: Role.STUDENT, ContactStatus.DECLINED: Role.STUDENT}


def write_contact_requests(writer: Writer) -> None:
    """The seeding step "contact-requests": after profiles and consents, the requests asked up
    to the writer's day, each with the steps taken up to that day."""
    session, today = writer.session, writer.today
    query = select_columns(col(CompetenceProfile.code), col(CompetenceProfile.id))
    profiles = {str(code): int(pid) for code, pid in session.execute(query).all()}
    written = 0
    for spec in build_requests(writer.world, seed=writer.world.seed):
        steps = [(status, day) for status, day in spec.steps if day <= today]
        profile_id = profiles.get(spec.profile)
        company_id = writer.company_ids.get(spec.company)
        if not steps or profile_id is None or company_id is None:
            continue
        status = steps[-1][0]
        agreed = any(s is ContactStatus.AGREED for s, _ in steps)
        shares = status not in (ContactStatus.ASKED, ContactStatus.DECLINED)
        answered = steps[1] if len(steps) > 1 else None
        request = ContactRequest(
            company_id=company_id,
            profile_id=profile_id,
            message=spec.message,
            status=status.value,
            student_consent=None if answered is None else shares,
            consent_recorded_at=None if answered is None else stamp(answered[1], 11 * 60),
            created_at=stamp(steps[0][1], 9 * 60),
            shared_email=spec.email if shares else "",
            agreed_kind=spec.kind.value if agreed and spec.kind else None,
        )
        session.add(request)
        session.flush()
        assert request.id is not None
        session.add_all(
            ContactStep(
                request_id=request.id,
                status=step.value,
                agreed_kind=request.agreed_kind if step is ContactStatus.AGREED else None,
                day=day,
                actor_role=ROLE_OF.get(step, Role.SME).value,
                recorded_at=stamp(day, 10 * 60),
            )
            for step, day in steps
        )
        written += 1
    session.flush()
    writer.counts["contact_request"] += written
