"""Study paths of demo students and alumni: programme, year, graduation, when they leave."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from core.demo.plan import DemoPlan, academic_year, pick, weekday_near

# Relative popularity of the Oulu programmes among students who take part.
PROGRAMME_WEIGHTS = {
    "CSE-MSC": 25.0,
    "SE-MSC": 15.0,
    "IPS-MSC": 12.0,
    "ECE-MSC": 15.0,
    "WCE-MSC": 18.0,
    "CE-MSC": 15.0,
    "TITE-BSC": 45.0,
    "TOL-BSC": 25.0,
    "SATE-BSC": 30.0,
}
NOMINAL_YEARS = {"bachelor": 3, "master": 2, "doctoral": 4}


@dataclass(frozen=True)
class StudyPath:
    programme: str
    level: str
    study_start: date  # 1 August of the first academic year
    graduates: date
    leaves: date  # when taking part ends (the exit of a participant)
    reason: str  # graduated / left / finished / alumnus / staff
    regional_work: bool  # an internship or job in the region during studies
    learning_finnish: bool
    work_years: int  # work experience before these studies

    def study_year(self, on: date) -> int:
        return max(1, min(10, academic_year(on) - self.study_start.year + 1))


def _programme(rng: random.Random, plan: DemoPlan, levels: tuple[str, ...]) -> str:
    options = [p for p in plan.programmes if p.level in levels]
    return pick(rng, [(p.code, PROGRAMME_WEIGHTS.get(p.code, 10.0)) for p in options])


def _graduation(rng: random.Random, study_start: date, level: str, after: date) -> date:
    """Most graduate in June of the nominal year, some in December, some a year late."""
    year = study_start.year + NOMINAL_YEARS.get(level, 2)
    month_year = pick(
        rng,
        (((year, 6), 0.58), ((year, 12), 0.22), ((year + 1, 6), 0.12), ((year - 1, 12), 0.08)),
    )
    day = weekday_near(
        date(month_year[0], month_year[1], rng.randint(4, 16)), preferred=(0, 1, 2, 3, 4)
    )
    while day < after + timedelta(days=45):
        day = day.replace(year=day.year + 1) if day.month == 12 else day.replace(month=12)
    return day


def student_path(
    rng: random.Random, plan: DemoPlan, group: str, start: date, *, new_student: bool
) -> StudyPath:
    finnish = group == "finnish_students"
    bachelor = finnish and rng.random() < 0.75
    programme = _programme(rng, plan, ("bachelor",) if bachelor else ("master",))
    level = plan.programme(programme).level
    if new_student:
        year = 1
    elif bachelor:
        year = pick(rng, ((1, 0.35), (2, 0.35), (3, 0.30)))
    else:
        year = 1 if rng.random() < (0.7 if start.month >= 8 else 0.55) else 2
    study_start = date(academic_year(start) - (year - 1), 8, 1)
    graduates = _graduation(rng, study_start, level, start)
    leaves, reason = graduates, "graduated"
    if rng.random() < (0.08 if finnish else 0.06):
        leaves, reason = start + timedelta(days=rng.randint(60, 330)), "left"
    elif bachelor:
        finished = start + timedelta(days=rng.randint(240, 480))
        if finished < graduates:
            leaves, reason = finished, "finished"
    work_years = 0 if finnish else pick(rng, ((0, 0.6), (1, 0.15), (2, 0.12), (3, 0.08), (4, 0.05)))
    return StudyPath(
        programme=programme,
        level=level,
        study_start=study_start,
        graduates=graduates,
        leaves=leaves,
        reason=reason,
        regional_work=rng.random() < (0.55 if finnish else 0.30 + 0.15 * (year > 1)),
        learning_finnish=not finnish and rng.random() < 0.3,
        work_years=work_years,
    )


def alumni_path(rng: random.Random, plan: DemoPlan, start: date, *, supervisor: bool) -> StudyPath:
    """An alumnus' finished degree, or the programme a supervisor works in."""
    programme = _programme(rng, plan, ("master",))
    back = rng.randint(3000, 9000) if supervisor else rng.randint(150, 2800)
    graduates = start - timedelta(days=back)
    return StudyPath(
        programme=programme,
        level="master",
        study_start=date(graduates.year - 2, 8, 1),
        graduates=graduates,
        leaves=graduates,
        reason="staff" if supervisor else "alumnus",
        regional_work=rng.random() < 0.6,
        learning_finnish=rng.random() < 0.5,
        work_years=0,
    )
