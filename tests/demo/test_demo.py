"""The demo generator: deterministic, all or nothing, and a believable mid-project shape."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, func, select

from core.business_id import is_valid_business_id
from core.config import REPO_ROOT
from core.demo.company_data import MUNICIPALITY_WEIGHTS
from core.demo.seed import DemoSummary, print_summary, seed_demo
from core.demo.vocabulary import DEMO_SKILL_AREAS, PROGRAMME_AREAS
from core.meta import DATA_VERSION
from core.models import (
    Activity,
    AppMeta,
    Attendance,
    Attendee,
    AuditLog,
    BadgeAward,
    Commitment,
    Company,
    CompetenceProfile,
    EuraForm,
    Event,
    FollowUp,
    Membership,
    Participant,
    Programme,
    Project,
    ProjectCompany,
    SalaryCost,
    Spearhead,
    Survey,
    SurveyLink,
    SurveyResponse,
    TargetGroup,
    WorkPackage,
)

TODAY = date(2026, 11, 23)
DEMO_TABLES: tuple[type[SQLModel], ...] = (
    Company,
    ProjectCompany,
    Commitment,
    Participant,
    Event,
    Attendee,
    Attendance,
    CompetenceProfile,
    FollowUp,
    EuraForm,  # issue 17
    SalaryCost,  # issue 17
    # issue 15: the plan's records
    Activity,
    Survey,
    SurveyLink,
    SurveyResponse,
    Membership,
    BadgeAward,
    AppMeta,
)
# The audit log is not demo data: it records the seeding (one entry per row written) and is
# append-only, so a wipe cannot remove it; the tests look at the "seed_demo" entry instead.
# Foreign-key column → (table, natural key): dumps compare keys, never autoincrement ids.
NATURAL_KEYS: dict[str, tuple[type[SQLModel], str]] = {
    "project_id": (Project, "code"),
    "company_id": (Company, "business_id"),
    "participant_id": (Participant, "code"),
    "event_id": (Event, "code"),
    "attendee_id": (Attendee, "code"),
    "target_group_id": (TargetGroup, "code"),
    "programme_id": (Programme, "code"),
    "spearhead_id": (Spearhead, "code"),
    "work_package_id": (WorkPackage, "code"),
    "survey_id": (Survey, "code"),
}


def _count(session: Session, model: type[SQLModel]) -> int:
    query = select(func.count()).select_from(model)
    if model is AppMeta:
        # The data version moves with every write, demo or not; it is not demo data.
        query = query.where(AppMeta.key != DATA_VERSION)
    return int(session.exec(query).one())


def _dump(session: Session) -> dict[str, list[str]]:
    """Every demo row as text, with foreign keys replaced by natural keys, sorted."""
    keys = {
        column: {row.id: getattr(row, attr) for row in session.exec(select(model))}  # type: ignore[attr-defined]
        for column, (model, attr) in NATURAL_KEYS.items()
    }
    dump: dict[str, list[str]] = {}
    for model in DEMO_TABLES:
        rows = []
        for row in session.exec(select(model)):
            if isinstance(row, AppMeta) and row.key == DATA_VERSION:
                continue
            values = {
                name: keys[name].get(value) if name in keys else value
                for name, value in row.model_dump().items()
                if name != "id"
            }
            rows.append(repr(sorted(values.items())))
        dump[model.__name__] = sorted(rows)
    return dump


def _wipe(session: Session) -> None:
    """Remove the demo rows (the project stays), as if the database were fresh again."""
    for model in reversed(DEMO_TABLES):
        session.execute(delete(model))
    if session.get_bind().dialect.name == "postgresql":
        # A fresh PostgreSQL database numbers rows from 1 again, as SQLite does after the
        # delete; ids written into JSON (an activity's companies) must match run to run.
        for model in (m for m in DEMO_TABLES if "id" in m.model_fields):
            sequence = session.execute(
                text("SELECT pg_get_serial_sequence(:table, 'id')"),
                {"table": f'"{model.__tablename__}"'},
            ).scalar()
            top = session.execute(select(func.max(model.id))).scalar() or 0  # type: ignore[attr-defined]
            session.execute(
                text("SELECT setval(:seq, :next, false)"), {"seq": sequence, "next": top + 1}
            )
    session.commit()
    session.expire_all()


# The database of a test marked so starts with the world `seed_demo` wrote on TODAY (a copy of
# one seeded per test process); tests about seeding itself call seed_demo.
SEEDED = pytest.mark.demo(TODAY)


@pytest.fixture
def seeded(demo_summary: DemoSummary, project: Project) -> DemoSummary:
    return demo_summary


# --- Determinism, refusal, all or nothing ----------------------------------------------------


def test_same_seed_gives_identical_rows_and_another_seed_differs(
    engine: Engine, session: Session, project: Project
) -> None:
    seed_demo(engine=engine, today=TODAY, seed=2025)
    first = _dump(session)
    _wipe(session)
    seed_demo(engine=engine, today=TODAY, seed=2025)
    again = _dump(session)
    _wipe(session)
    seed_demo(engine=engine, today=TODAY, seed=7)
    other = _dump(session)
    assert first == again
    assert len(first["Participant"]) > 250
    assert first["Participant"] != other["Participant"]
    assert first["CompetenceProfile"] != other["CompetenceProfile"]


WORLD_DIGEST = """
import hashlib
from core.demo.world import build_world
from core.project.definition import read_definition
from core.project.loading import DEFAULT_PROJECT_FILE
from core.demo.plan import DemoPlan, Period, ProgrammePlan
d = read_definition(DEFAULT_PROJECT_FILE)
plan = DemoPlan(d.code, Period(d.start, d.end),
                {w.code: Period(w.start, w.end) for w in d.work_packages},
                tuple(ProgrammePlan(p.code, p.name, p.spearhead, p.level, p.language)
                      for p in d.programmes), tuple(g.code for g in d.target_groups))
w = build_world(plan, seed=2025)
text = repr((w.companies, w.commitments, w.events, [vars(p) for p in w.people],
             w.attendance, w.follow_ups, w.profiles))
print(hashlib.sha256(text.encode()).hexdigest())
"""


def test_world_does_not_depend_on_hash_randomisation() -> None:
    """Set or dict order under another PYTHONHASHSEED must not change a single row."""
    digests = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        result = subprocess.run(
            [sys.executable, "-c", WORLD_DIGEST],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(result.stdout.strip())
    assert len(digests) == 1


@SEEDED
def test_refuses_a_database_that_already_holds_data(
    engine: Engine, session: Session, seeded: DemoSummary
) -> None:
    before = _count(session, Participant)
    with pytest.raises(ValueError, match=r"already holds \d+ participants"):
        seed_demo(engine=engine, today=TODAY)
    assert _count(session, Participant) == before


def test_needs_the_project_loaded(engine: Engine, session: Session) -> None:
    with pytest.raises(ValueError, match="not in the database"):
        seed_demo(engine=engine, today=TODAY)
    assert _count(session, AppMeta) == 0


def test_a_failure_midway_writes_nothing(
    engine: Engine, session: Session, project: Project
) -> None:
    seen: list[str] = []

    def fail_at_profiles(step: str, fraction: float) -> None:
        seen.append(step)
        if step == "profiles":
            raise RuntimeError("disk full")

    entries_before = _count(session, AuditLog)
    with pytest.raises(RuntimeError, match="disk full"):
        seed_demo(engine=engine, today=TODAY, progress=fail_at_profiles)
    assert "participants" in seen and "attendance" in seen  # those steps had run
    for model in DEMO_TABLES:
        assert _count(session, model) == 0, model.__name__
    assert _count(session, AuditLog) == entries_before  # the trail rolled back with the rest


def test_progress_reports_rising_fractions(engine: Engine, project: Project) -> None:
    steps: list[tuple[str, float]] = []
    seed_demo(engine=engine, today=TODAY, progress=lambda s, f: steps.append((s, f)))
    fractions = [f for _, f in steps]
    assert fractions == sorted(fractions)
    assert fractions[0] == 0.0 and steps[-1] == ("done", 1.0)
    assert {"participants", "events", "profiles"} <= {s for s, _ in steps}


@SEEDED
def test_summary_reads_well_and_marks_the_database(session: Session, seeded: DemoSummary) -> None:
    text = print_summary(seeded)
    assert str(seeded) == text
    assert text.splitlines()[0] == "Demo data for OULU-ICT-2025 as of 2026-11-23 (seed 2025)"
    assert re.search(rf"participants +{seeded.participants}$", text, re.M)
    meta = {m.key: m.value for m in session.exec(select(AppMeta))}
    assert meta["demo"] == "true" and meta["demo_as_of"] == "2026-11-23"
    log = session.exec(select(AuditLog).where(AuditLog.action == "seed_demo")).one()
    assert log.at.date() == TODAY


# --- The shape of the project on 23 November 2026 --------------------------------------------


def _plan_share(session: Session, today: date) -> float:
    project = session.exec(select(Project)).one()
    return (today - project.start_date).days / (project.end_date - project.start_date).days


@SEEDED
def test_participants_are_part_way_with_employed_behind(
    session: Session, seeded: DemoSummary
) -> None:
    people = session.exec(select(Participant)).all()
    status = Counter(p.entry_status for p in people)
    planned = _plan_share(session, TODAY)  # ≈ 0.59 of the way on a straight line
    assert 0.50 * 610 <= len(people) <= 0.60 * 610
    education, employed = status["in_education"] / 418, status["employed"] / 192
    assert education >= 0.85 * planned, "in education should be near the plan"
    assert employed <= 0.85 * planned, "employed should be clearly behind"
    assert education > employed + 0.05
    assert 1 <= status["unemployed"] + status["inactive"] <= 15
    assert (seeded.participants, seeded.in_education, seeded.employed) == (
        len(people),
        status["in_education"],
        status["employed"],
    )


@SEEDED
def test_participants_are_consistent_people(session: Session, seeded: DemoSummary) -> None:
    people = session.exec(select(Participant)).all()
    groups = {g.id: g.code for g in session.exec(select(TargetGroup))}
    by_group: dict[str, list[Participant]] = defaultdict(list)
    for p in people:
        by_group[groups[p.target_group_id]].append(p)
    assert len(by_group["international_students"]) > len(by_group["finnish_students"]) > 20
    assert all(re.fullmatch(r"P-\d{6}", p.code) for p in people)
    assert len({p.email for p in people}) == len(people)
    assert all(p.email.endswith("@example.org") and p.email.isascii() for p in people)
    for p in by_group["international_students"] + by_group["finnish_students"]:
        assert p.entry_status == "in_education" and p.programme_id and p.student_number
    assert {p.isced for p in by_group["international_students"]} == {"5-8"}
    assert "3-4" in {p.isced for p in by_group["finnish_students"]}
    bands = Counter(p.age_band for p in people)
    assert bands["18-29"] > bands["30-54"] > bands["55+"] > 0 and bands["<18"] == 0
    for p in people:
        assert p.birth_year is not None
        oldest, youngest = p.entry_date.year - p.birth_year, p.entry_date.year - p.birth_year - 1
        low, high = {"18-29": (18, 29), "30-54": (30, 54), "55+": (55, 120)}[p.age_band]
        assert low <= youngest and oldest <= high, (p.code, p.age_band, p.birth_year)
    tcn = Counter(p.third_country_national for p in by_group["international_students"])
    assert tcn[True] > 0.6 * sum(tcn.values()) and tcn[None] > 0 and tcn[False] > 0
    assert sum(p.disability is None for p in people) > 0.6 * len(people)
    assert Counter(p.gender for p in people)["non_binary"] >= 1


@SEEDED
def test_nothing_is_dated_after_today_and_dates_hold_together(
    session: Session, seeded: DemoSummary
) -> None:
    people = {p.id: p for p in session.exec(select(Participant))}
    assert max(p.entry_date for p in people.values()) <= TODAY
    assert max(p.updated_at for p in people.values()).date() <= TODAY
    for p in people.values():
        assert p.exit_date is None or p.entry_date <= p.exit_date <= TODAY
    assert max(e.event_date for e in session.exec(select(Event))) <= TODAY
    assert max(c.joined_on for c in session.exec(select(ProjectCompany))) <= TODAY
    assert max(c.signed_on for c in session.exec(select(Commitment)) if c.signed_on) <= TODAY
    assert max(c.updated_at for c in session.exec(select(CompetenceProfile))).date() <= TODAY
    for f in session.exec(select(FollowUp)):
        exit_date = people[f.participant_id].exit_date
        assert exit_date is not None and exit_date < f.recorded_on <= TODAY
        if f.kind == "28_days":
            assert f.recorded_on <= exit_date + timedelta(days=28)
        else:
            assert f.recorded_on >= exit_date + timedelta(days=170)


EXPECTED_PACKAGE = {
    "launch_event": "T2.1",
    "intensive_course": "T2.2",
    "megamatchmaking": "T2.2",
    "student_circle": "T2.2",
    "themed_event": "T2.2",
    "coffee_with_alumni": "T2.3",
    "ict_fablabing": "T2.3",
    "ict_impact_forum": "T2.3",
    "peer_support": "T2.3",
    "company_interview": "T1.1",
}
SIZES = {
    "ict_impact_forum": (20, 80),
    "megamatchmaking": (100, 200),
    "coffee_with_alumni": (10, 25),
    "workshop": (15, 40),
}


@SEEDED
def test_events_sit_in_their_work_packages(session: Session, seeded: DemoSummary) -> None:
    packages = {w.id: w for w in session.exec(select(WorkPackage))}
    events = session.exec(select(Event)).all()
    assert 50 <= len(events) <= 70
    for event in events:
        wp = packages[event.work_package_id]
        assert wp.start_date <= event.event_date <= wp.end_date, event.code
        assert EXPECTED_PACKAGE.get(event.event_type, wp.code) == wp.code, event.code
        assert event.event_date.weekday() < 5
    kinds = Counter((e.event_type, packages[e.work_package_id].code) for e in events)
    assert kinds[("workshop", "T1.1")] == 2 and kinds[("workshop", "T1.2")] == 1
    assert kinds[("launch_event", "T2.1")] == 1 and kinds[("megamatchmaking", "T2.2")] == 1
    launch = next(e for e in events if e.event_type == "launch_event")
    assert launch.event_date.year == 2025 and launch.event_date.month in (9, 10, 11)
    assert all(e.event_date.month == 8 for e in events if e.event_type == "intensive_course")
    assert all(e.online for e in events if e.event_type == "ict_impact_forum")


@SEEDED
def test_attendance_mixes_participants_and_others_with_regulars(
    session: Session, seeded: DemoSummary
) -> None:
    events = {e.id: e for e in session.exec(select(Event))}
    attendees = {a.id: a for a in session.exec(select(Attendee))}
    rows = session.exec(select(Attendance)).all()
    per_event = Counter(r.event_id for r in rows)
    for event_id, event in events.items():
        low, high = SIZES.get(event.event_type, (1, 200))
        assert low <= per_event[event_id] <= high, (event.code, event.event_type)
    linked = [a for a in attendees.values() if a.participant_id is not None]
    assert 0.4 * len(attendees) < len(linked) < 0.85 * len(attendees)
    assert all(re.fullmatch(r"A-\d{5}", a.code) for a in attendees.values())
    visits = Counter(r.attendee_id for r in rows)
    assert sum(1 for n in visits.values() if n >= 3) > 30  # regulars come back
    assert set(visits) == set(attendees)  # nobody is an attendee without attending
    entries = {p.id: p.entry_date for p in session.exec(select(Participant))}
    for r in rows:
        participant = attendees[r.attendee_id].participant_id
        if participant is not None:
            assert entries[participant] <= events[r.event_id].event_date


@SEEDED
def test_companies_and_their_commitments(session: Session, seeded: DemoSummary) -> None:
    companies = session.exec(select(Company)).all()
    assert 25 <= len(companies) <= 36
    assert all(is_valid_business_id(c.business_id) for c in companies)
    allowed = {name for name, _ in MUNICIPALITY_WEIGHTS}
    assert {c.municipality for c in companies} <= allowed
    assert Counter(c.municipality for c in companies).most_common(1)[0][0] == "Oulu"
    for c in companies:
        first_word = c.name.split()[0]
        assert first_word not in allowed or first_word == c.municipality, (
            c.name
        )  # "Kempele Sensorworks" is in Kempele
    sizes = Counter(c.size_class for c in companies)
    assert sizes["micro"] > sizes["small"] > sizes["medium"] >= 1 and sizes["large"] == 0
    joined = {pc.company_id: pc.joined_on for pc in session.exec(select(ProjectCompany))}
    assert min(joined.values()).year == 2025 and len(joined) == len(companies)
    commitments = session.exec(select(Commitment)).all()
    assert {c.year for c in commitments} == {2025, 2026, 2027}
    for c in commitments:
        assert 0 <= c.delivered <= c.committed
        assert c.signed_on is not None and c.signed_on >= joined[c.company_id]
        assert c.topic
        if c.year > TODAY.year:
            assert c.delivered == 0
        if c.kind == "scholarship":
            assert c.amount_eur is not None and 1000 <= c.amount_eur <= 8000
        else:
            assert c.amount_eur is None
    past = [c for c in commitments if c.year < TODAY.year]
    rate = sum(c.delivered for c in past) / sum(c.committed for c in past)
    assert 0.6 <= rate < 1.0


@SEEDED
def test_follow_ups_after_exit(session: Session, seeded: DemoSummary) -> None:
    people = {p.id: p for p in session.exec(select(Participant))}
    answers = session.exec(select(FollowUp).order_by(FollowUp.recorded_on)).all()
    by_person: dict[int, list[FollowUp]] = defaultdict(list)
    for f in answers:
        by_person[f.participant_id].append(f)
    old_exits = [
        p for p in people.values() if p.exit_date and p.exit_date <= TODAY - timedelta(days=28)
    ]
    with_28 = [p for p in old_exits if any(f.kind == "28_days" for f in by_person[p.id])]
    assert len(with_28) >= 0.75 * len(old_exits) > 30
    twice = [fs for fs in by_person.values() if sum(1 for f in fs if f.kind == "28_days") == 2]
    assert twice and all(fs[0].status != fs[1].status for fs in twice)
    long_ago = [
        p for p in people.values() if p.exit_date and p.exit_date <= TODAY - timedelta(days=215)
    ]
    with_6 = [p for p in long_ago if any(f.kind == "6_months" for f in by_person[p.id])]
    assert len(with_6) >= 0.5 * len(long_ago) > 5
    working = [f for f in answers if f.status in ("employed", "self_employed")]
    assert all(f.job_in_ict is not None for f in working)
    assert all(f.job_in_region is None for f in answers if f.status == "job_searching")


@SEEDED
def test_intent_to_stay_follows_work_in_the_region(session: Session, seeded: DemoSummary) -> None:
    answers = [f for f in session.exec(select(FollowUp)) if f.intends_to_stay is not None]
    here = [f.intends_to_stay for f in answers if f.job_in_region]
    elsewhere = [f.intends_to_stay for f in answers if not f.job_in_region]
    assert len(here) >= 5 and len(elsewhere) >= 5
    assert sum(here) / len(here) > sum(elsewhere) / len(elsewhere) + 0.2
    scores = [f.experience_score for f in session.exec(select(FollowUp)) if f.experience_score]
    assert set(scores) <= {1, 2, 3, 4, 5} and 3.3 < sum(scores) / len(scores) < 4.5


@SEEDED
def test_profiles_read_like_students_wrote_them(session: Session, seeded: DemoSummary) -> None:
    profiles = session.exec(select(CompetenceProfile)).all()
    assert 260 <= len(profiles) <= 340
    finnish = [p for p in profiles if p.text_language == "fi"]
    assert 0.15 <= len(finnish) / len(profiles) <= 0.21
    # Only participants have consent records, so only their profiles can be searchable.
    owned = [p for p in profiles if p.participant_id is not None]
    assert 0.8 <= sum(p.consent_search for p in owned) / len(owned) <= 0.9
    assert not any(p.consent_search for p in profiles if p.participant_id is None)
    assert all(re.fullmatch(r"SP-[2-9A-HJ-NP-Z]{5}", p.code) for p in profiles)
    assert len({p.skills for p in profiles}) == len(profiles)
    lengths = [len(p.skills.split()) for p in profiles]
    assert min(lengths) >= 25 and max(lengths) <= 120 and max(lengths) - min(lengths) > 60
    assert sum(len(p.interests.split()) for p in profiles) < sum(lengths) / 2
    openings = Counter(" ".join(p.skills.split()[:3]) for p in profiles)
    assert openings.most_common(1)[0][1] < 0.08 * len(profiles)  # not one template
    for p in profiles:
        assert re.fullmatch(r"[a-z]{2}(,[a-z]{2})*", p.languages)
        assert "{" not in p.skills and "  " not in p.skills
        phrases = [
            a.phrases_fi if p.text_language == "fi" else a.phrases
            for a in DEMO_SKILL_AREAS.values()
        ]
        assert max(sum(ph in p.skills for ph in area) for area in phrases) >= 2, p.code
    assert all("ä" in p.skills or "ö" in p.skills for p in finnish)
    assert sum("Finnish" in p.skills for p in profiles if p.text_language == "en") >= 5


@SEEDED
def test_searchable_profiles_rest_on_consent_records(session: Session, seeded: DemoSummary) -> None:
    """Search consent exists only as records: the demo writes one behind every searchable
    profile, so search shows exactly the profiles the demo meant to be searchable."""
    from core.access.consent import has_consent
    from core.codes import ConsentPurpose
    from core.search.profiles import searchable_profiles

    assert seeded.profiles_searchable > 100
    shown = list(searchable_profiles(session))
    assert len(shown) == seeded.profiles_searchable
    for profile in session.exec(select(CompetenceProfile)).all():
        if profile.participant_id is None:  # a student who is not an ESF+ participant
            assert not profile.consent_search
            continue
        owner = profile.participant_id
        assert has_consent(session, owner, ConsentPurpose.SEARCH) == profile.consent_search
        assert has_consent(session, owner, ConsentPurpose.ESF_REPORTING)


@SEEDED
def test_profiles_match_their_students(session: Session, seeded: DemoSummary) -> None:
    people = {p.id: p for p in session.exec(select(Participant))}
    groups = {g.id: g.code for g in session.exec(select(TargetGroup))}
    programmes = {p.id: p for p in session.exec(select(Programme))}
    profiles = session.exec(select(CompetenceProfile)).all()
    linked = [p for p in profiles if p.participant_id is not None]
    assert 0.5 * len(profiles) < len(linked) < len(profiles)
    for profile in linked:
        person = people[profile.participant_id]  # type: ignore[index]
        group = groups[person.target_group_id]
        assert group in ("international_students", "finnish_students")
        assert profile.programme_id == person.programme_id
        assert profile.spearhead_id == programmes[person.programme_id].spearhead_id  # type: ignore[index]
        assert not re.search(rf"\b{re.escape(person.last_name)}\b", profile.skills)  # no names
        if profile.text_language == "fi":
            assert group == "finnish_students"
        if group == "international_students":
            assert profile.languages.startswith("en")
    assert any(p.available_internship for p in profiles)
    assert any(p.available_thesis for p in profiles) and any(p.available_job for p in profiles)
    assert all(p.available_internship or p.available_thesis or p.available_job for p in profiles)


# --- Before the start, after the end, and earlier days ---------------------------------------


def test_before_the_project_starts_nothing_happens(
    engine: Engine, session: Session, project: Project
) -> None:
    summary = seed_demo(engine=engine, today=date(2025, 3, 1))
    assert summary.participants == summary.events == summary.companies == 0
    assert _count(session, Participant) == _count(session, Event) == 0
    meta = {m.key: m.value for m in session.exec(select(AppMeta))}
    assert meta["demo_as_of"] == "2025-03-01"


def test_long_after_the_end_the_project_is_complete(
    engine: Engine, session: Session, project: Project
) -> None:
    summary = seed_demo(engine=engine, today=date(2031, 1, 1))
    end = project.end_date
    people = session.exec(select(Participant)).all()
    assert len(people) >= 0.95 * 610 and summary.in_education >= 418
    assert all(p.exit_date is not None and p.exit_date <= end for p in people)
    assert max(p.entry_date for p in people) <= end
    assert max(e.event_date for e in session.exec(select(Event))) <= end
    assert max(f.recorded_on for f in session.exec(select(FollowUp))) <= end
    assert max(c.joined_on for c in session.exec(select(ProjectCompany))) <= end
    assert 45 <= summary.companies <= 55
    packages = {w.id: w.code for w in session.exec(select(WorkPackage))}
    workshops = Counter(
        packages[e.work_package_id]
        for e in session.exec(select(Event))
        if e.event_type == "workshop"
    )
    assert workshops == {"T1.1": 2, "T1.2": 2}


def test_an_earlier_day_sees_a_prefix_of_the_same_world(
    engine: Engine, session: Session, project: Project
) -> None:
    def entries() -> dict[str, tuple[Any, ...]]:
        return {
            p.code: (p.entry_date, p.first_name, p.gender, p.age_band)
            for p in session.exec(select(Participant))
        }

    seed_demo(engine=engine, today=date(2026, 3, 1))
    earlier = entries()
    _wipe(session)
    seed_demo(engine=engine, today=TODAY)
    later = entries()
    assert 0 < len(earlier) < len(later)
    assert all(later[code] == values for code, values in earlier.items())


def test_vocabulary_covers_both_spearheads() -> None:
    spearheads = Counter(area.spearhead for area in DEMO_SKILL_AREAS.values())
    assert spearheads["devices"] >= 6 and spearheads["software"] >= 8
    for area in DEMO_SKILL_AREAS.values():
        assert len(area.phrases) >= 8 and len(area.phrases_fi) >= 6, area.code
        assert len(area.projects) >= 3 and area.projects_fi and area.interests_fi
    assert {c for weights in PROGRAMME_AREAS.values() for c in weights} <= set(DEMO_SKILL_AREAS)


@SEEDED
def test_demo_salaries_are_believable_and_booked_up_to_last_month(
    seeded: DemoSummary, session: Session, project: Project
) -> None:
    """Issue 17: monthly salaries through the last closed month, near the budget's pace."""
    from core.budget.view import budget_data, budget_view

    months = sorted({row.month for row in session.exec(select(SalaryCost))})
    assert months[0] == project.start_date
    assert months[-1] == date(2026, 10, 1)  # November has not closed on 23 November
    status = budget_view(budget_data(session, project, TODAY), None).status
    assert status.forecast is not None
    assert 0.9 < status.forecast.share_of_plan < 1.1  # a team the budget can pay for
    assert abs(status.share_used - status.share_time) < 0.1
    forms = session.exec(select(EuraForm)).all()
    assert forms and {f.kind for f in forms} == {"start", "end"}
