"""Demo companies joining the cooperation programme, and their yearly commitments."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from core.business_id import check_digit, make_business_id
from core.codes import CommitmentKind, SizeClass
from core.demo.company_data import COMPANIES, MUNICIPALITY_WEIGHTS, SECTORS, Sector
from core.demo.plan import DemoPlan, Period, pick, stream

COMPANY_COUNT = 50
FOUNDING_PARTNERS = 7  # sign at the launch event itself


@dataclass(frozen=True)
class CompanySpec:
    key: int
    name: str
    business_id: str
    size_class: str
    sector: Sector
    municipality: str
    joined_on: date


@dataclass(frozen=True)
class CommitmentSpec:
    company: int
    year: int
    kind: str
    committed: int
    amount_eur: Decimal | None
    topic: str
    signed_on: date
    deliveries: tuple[date, ...]  # one date per delivered unit; undelivered units have none

    def delivered_by(self, today: date) -> int:
        return sum(1 for day in self.deliveries if day <= today)


def build_companies(
    plan: DemoPlan, *, launch: date, busy_days: list[date], seed: int
) -> list[CompanySpec]:
    """About fifty companies joining from the launch event until the programme closes."""
    rng = stream(seed, "companies")
    window = Period(launch, plan.work_packages["T2.1"].end)
    catalogue = list(COMPANIES)
    rng.shuffle(catalogue)
    count = COMPANY_COUNT + rng.randint(-2, 3)
    joins = _join_dates(rng, window, busy_days, count)
    ids = _business_ids(rng, count)
    companies = []
    for key, ((name, sector, place), joined, business_id) in enumerate(
        zip(catalogue[:count], joins, ids, strict=True)
    ):
        municipality = place or pick(rng, MUNICIPALITY_WEIGHTS)
        size = _size_class(rng, sector)
        companies.append(
            CompanySpec(key, name, business_id, size, SECTORS[sector], municipality, joined)
        )
    return companies


def _join_dates(rng: random.Random, window: Period, busy: list[date], count: int) -> list[date]:
    """Founding partners at the launch, the rest spread on, bunched around big events."""
    days = [window.start + timedelta(days=i) for i in range((window.end - window.start).days + 1)]
    month_weight = {1: 1.2, 2: 1.3, 3: 1.1, 4: 1.0, 5: 0.8, 6: 0.3, 7: 0.05, 8: 0.6}
    weights = []
    for day in days:
        weight = month_weight.get(day.month, 1.1) if day.weekday() < 5 else 0.0
        if day.month == 12 and day.day > 18:
            weight = 0.0
        weights.append(weight * (6.0 if day in busy else 1.0))
    weights[0] = 0.0  # the launch day is for the founding partners
    founders = [window.start] * FOUNDING_PARTNERS
    later = rng.choices(days, weights=weights, k=count - FOUNDING_PARTNERS)
    return founders + sorted(later)


def _business_ids(rng: random.Random, count: int) -> list[str]:
    """Valid Y-tunnus values in the range given to companies founded since the 2010s."""
    ids: list[str] = []
    while len(ids) < count:
        digits = f"{rng.randint(2_500_000, 3_399_999):07d}"
        if check_digit(digits) is not None and make_business_id(digits) not in ids:
            ids.append(make_business_id(digits))
    return ids


def _size_class(rng: random.Random, sector: str) -> str:
    heavy = sector in {"Electronics manufacturing", "Industrial IoT", "Software consultancy"}
    weights = (
        (SizeClass.MICRO.value, 0.40 if heavy else 0.58),
        (SizeClass.SMALL.value, 0.42 if heavy else 0.34),
        (SizeClass.MEDIUM.value, 0.18 if heavy else 0.08),
    )
    return pick(rng, weights)


# --- Commitments -----------------------------------------------------------------------------

# Months in which each kind of commitment is delivered (internships run in the summer).
DELIVERY_MONTHS: dict[str, tuple[int, ...]] = {
    CommitmentKind.SCHOLARSHIP: (9, 10, 11),
    CommitmentKind.INTERNSHIP_PLACE: (5, 6, 6, 7),
    CommitmentKind.THESIS_PLACE: (1, 2, 3, 8, 9, 10),
    CommitmentKind.EXPERT_TALK: (2, 3, 4, 9, 10, 11),
    CommitmentKind.MENTORING: (1, 2, 9, 10),
}
KIND_SHARE: dict[str, float] = {
    CommitmentKind.INTERNSHIP_PLACE: 0.72,
    CommitmentKind.THESIS_PLACE: 0.45,
    CommitmentKind.SCHOLARSHIP: 0.38,
    CommitmentKind.EXPERT_TALK: 0.40,
    CommitmentKind.MENTORING: 0.28,
}


def build_commitments(
    plan: DemoPlan, companies: list[CompanySpec], *, seed: int
) -> list[CommitmentSpec]:
    """Agreements at joining (one or two years) and renewals signed each winter."""
    rng = stream(seed, "commitments")
    programme_end = plan.work_packages["T2.1"].end
    result: list[CommitmentSpec] = []
    for company in companies:
        kinds = [k for k, share in KIND_SHARE.items() if rng.random() < share]
        kinds = kinds or [CommitmentKind.INTERNSHIP_PLACE.value]
        signed, years = company.joined_on, [company.joined_on.year]
        if rng.random() < 0.55:
            years.append(company.joined_on.year + 1)  # a two-year agreement
        while years[-1] < plan.period.end.year:
            renewal = _renewal_day(rng, years[-1] + 1)
            if renewal > programme_end or rng.random() < 0.12:
                break
            for year in years:
                result += _commitments_for(rng, company, kinds, year, signed, plan.period)
            signed, years = max(renewal, signed), [years[-1] + 1]
        for year in years:
            result += _commitments_for(rng, company, kinds, year, signed, plan.period)
    return result


def _renewal_day(rng: random.Random, year: int) -> date:
    return date(year - 1, 11, 1) + timedelta(days=rng.randint(0, 80))


def _commitments_for(
    rng: random.Random,
    company: CompanySpec,
    kinds: list[str],
    year: int,
    signed: date,
    project: Period,
) -> list[CommitmentSpec]:
    result = []
    for kind in kinds:
        months = [m for m in DELIVERY_MONTHS[kind] if date(year, m, 28) > signed + timedelta(7)]
        if not months or year > project.end.year:
            continue
        committed = _committed(rng, company.size_class, kind)
        deliveries = []
        for _ in range(committed):
            if rng.random() < (0.80 if company.size_class == SizeClass.MICRO else 0.88):
                day = date(year, rng.choice(months), rng.randint(1, 28))
                deliveries.append(min(max(day, signed + timedelta(7)), project.end))
        result.append(
            CommitmentSpec(
                company=company.key,
                year=year,
                kind=kind,
                committed=committed,
                amount_eur=_amount(rng, kind, committed, company.size_class),
                topic=_topic(rng, company, kind, committed),
                signed_on=signed,
                deliveries=tuple(sorted(deliveries)),
            )
        )
    return result


def _committed(rng: random.Random, size: str, kind: str) -> int:
    top = {SizeClass.MICRO.value: 1, SizeClass.SMALL.value: 2}.get(size, 3)
    if kind == CommitmentKind.MENTORING:
        top += 1
    return rng.randint(1, top)


def _amount(rng: random.Random, kind: str, committed: int, size: str) -> Decimal | None:
    if kind != CommitmentKind.SCHOLARSHIP:
        return None
    units = (1000, 1500, 2000, 2500) if size == SizeClass.MICRO else (1500, 2000, 3000, 4000, 5000)
    unit = rng.choice(units)
    return Decimal(min(unit * committed, 5000 if committed == 1 else 8000))


def _topic(rng: random.Random, company: CompanySpec, kind: str, committed: int) -> str:
    sector = company.sector
    if kind == CommitmentKind.SCHOLARSHIP:
        who = "an international MSc student" if committed == 1 else f"{committed} MSc students"
        return f"Scholarship for {who} in {sector.field}"
    if kind == CommitmentKind.INTERNSHIP_PLACE:
        return rng.choice(sector.internships)
    if kind == CommitmentKind.THESIS_PLACE:
        return rng.choice(sector.theses)
    if kind == CommitmentKind.EXPERT_TALK:
        return rng.choice(sector.talks)
    people = "one student" if committed == 1 else f"{committed} students"
    return f"Mentoring {people} in {sector.field}"
