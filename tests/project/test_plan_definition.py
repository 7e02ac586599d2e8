"""A definition's own code lists and targets (issue 15): new kinds load with no code change,
a bad one names its field and writes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from core.i18n import translate
from core.models import Project, ProjectTerm, Target
from core.project.definition import ProjectDefinitionError
from core.project.loading import DEFAULT_PROJECT_FILE, load_project_file

BADGE_PNG = DEFAULT_PROJECT_FILE.parent / "badges/circle_member.png"


def _oulu() -> dict[str, Any]:
    loaded = yaml.safe_load(DEFAULT_PROJECT_FILE.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def _write(folder: Path, definition: dict[str, Any]) -> Path:
    path = folder / "project.yaml"
    path.write_text(yaml.safe_dump(definition, allow_unicode=True), encoding="utf-8")
    return path


def _other_project() -> dict[str, Any]:
    """Another ESF+ project: its own event type, survey kind and badge, no Oulu codes."""
    return {
        "code": "JOBS-2026",
        "name": "Job-search coaching for graduates",
        "name_fi": "Työnhakuvalmennus valmistuneille",
        "start": "2026-01",
        "end": "2027-12",
        "spearheads": [{"code": "all", "name": "All fields", "name_fi": "Kaikki alat"}],
        "target_groups": [{"code": "graduates", "name": "Graduates", "name_fi": "Valmistuneet"}],
        "work_packages": [
            {"code": "WP1", "start": "2026-01", "end": "2027-12", "name": "Coaching"}
        ],
        "event_types": [
            {"code": "coaching_day", "name": "Job-search coaching", "name_fi": "Työnhakuvalmennus"},
            {"code": "course", "name": "Course", "name_fi": "Kurssi"},
        ],
        "survey_kinds": [
            {
                "code": "coaching_feedback",
                "name": "Coaching feedback",
                "name_fi": "Valmennuspalaute",
            }
        ],
        "badges": [
            {
                "code": "job_ready",
                "name": "Job ready",
                "name_fi": "Työelämävalmis",
                "criteria": "Completed the coaching programme.",
                "image": "ready.png",
            }
        ],
        "targets": [
            {"indicator": "participants", "value": 70},
            {
                "indicator": "events",
                "value": 12,
                "event_type": "coaching_day",
                "work_package": "WP1",
            },
            {"indicator": "survey_responses", "value": 40, "kind": "coaching_feedback"},
            {
                "indicator": "badges_issued",
                "value": 30,
                "kind": "job_ready",
                "period": "year",
                "year": 2026,
            },
        ],
    }


def test_new_event_type_survey_kind_and_badge_load_without_code_change(
    engine: Engine, session: Session, tmp_path: Path
) -> None:
    shutil.copy(BADGE_PNG, tmp_path / "ready.png")
    project = load_project_file(_write(tmp_path, _other_project()))
    terms = {
        (t.family, t.code): t
        for t in session.exec(select(ProjectTerm).where(ProjectTerm.project_id == project.id))
    }
    assert ("event_type", "coaching_day") in terms and ("event_type", "workshop") not in terms
    assert terms[("badge", "job_ready")].image  # the PNG itself, kept for Open Badges
    assert ("commitment_kind", "scholarship") in terms  # no list declared: the built-in one
    assert translate("code.event_type.coaching_day", "fi") == "Työnhakuvalmennus"
    assert translate("code.survey_kind.coaching_feedback", "en") == "Coaching feedback"
    kinds = {t.indicator: t.kind or t.event_type for t in session.exec(select(Target))}
    assert kinds["badges_issued"] == "job_ready" and kinds["events"] == "coaching_day"


def _bad(change: Any) -> dict[str, Any]:
    definition = _oulu()
    change(definition)
    return definition


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["targets"].append(
                {"indicator": "events", "value": 1, "event_type": "gala"}
            ),
            "targets[19].event_type: unknown code 'gala'",
        ),
        (
            lambda d: d["targets"].append(
                {"indicator": "survey_responses", "value": 1, "kind": "x"}
            ),
            "targets[19].kind: unknown code 'x'",
        ),
        (
            lambda d: d["targets"].append({"indicator": "participants", "value": 1, "kind": "x"}),
            "targets[19].kind: participants has no kinds",
        ),
        (
            lambda d: d["targets"].append(
                {"indicator": "companies", "value": 1, "where": {"size_class": "huge"}}
            ),
            "targets[19].where.size_class: unknown code 'huge'",
        ),
        (
            lambda d: d["targets"].append(
                {"indicator": "participants", "value": 1, "where": {"colour": "red"}}
            ),
            "targets[19].where.colour: not a condition of participants",
        ),
        (
            lambda d: d["targets"].append(
                {"indicator": "members", "value": 1, "work_package": "T1.1"}
            ),
            "targets[19].work_package: members is not counted per work package",
        ),
        (
            lambda d: d["event_types"].append({"code": "Bad Code", "name": "x"}),
            "event_types.12.code",
        ),
        (lambda d: d["badges"][0].pop("criteria"), "badges.0.criteria"),
        (lambda d: d["badges"][0].update(image="missing.png"), "badges[0].image"),
        (lambda d: d["targets"][6].update(due="2030-01"), "targets[6].due"),
    ],
)
def test_bad_plan_definition_names_the_field_and_writes_nothing(
    engine: Engine, session: Session, tmp_path: Path, change: Any, message: str
) -> None:
    with pytest.raises(ProjectDefinitionError) as raised:
        load_project_file(_write(tmp_path, _bad(change)))
    assert message in str(raised.value)
    assert session.exec(select(func.count()).select_from(Project)).one() == 0


def test_the_oulu_plan_targets(engine: Engine, session: Session) -> None:
    load_project_file(DEFAULT_PROJECT_FILE)
    rows = session.exec(select(Target)).all()
    launch = next(t for t in rows if t.event_type == "launch_event")
    assert str(launch.period_end) == "2025-11-30"  # autumn 2025
    assert {t.kind for t in rows if t.indicator == "members"} == {
        "ict_student_circle",
        "alumni_programme",
    }
    assert {t.kind for t in rows if t.indicator == "deliverables_done"} == {
        "competence_mapping",
        "model_description",
        "report",
    }


def test_events_of_a_new_type_import_and_count_toward_its_target(
    engine: Engine, session: Session, tmp_path: Path
) -> None:
    from datetime import date

    from core.indicators.plan import plan_targets
    from core.io.imports.importer import run_import

    shutil.copy(BADGE_PNG, tmp_path / "ready.png")
    project = load_project_file(_write(tmp_path, _other_project()))
    rows = (
        "code,name,event_type,event_date,work_package\n"
        "E1,Coaching day 1,Coaching-Day,2026-02-03,WP1\n"  # matched without case or dashes
        "E2,Course start,course,2026-03-04,WP1\n"
    )
    report = run_import(rows.encode(), "events.csv", kind="events", project_code="JOBS-2026")
    assert not report.problems, [str(p) for p in report.problems]
    items = plan_targets(session, project, date(2026, 6, 30))
    coaching = next(i for i in items if i.event_type == "coaching_day")
    assert coaching.progress.actual == 1
    bad = run_import(
        b"code,name,event_type,event_date,work_package\nE3,Gala,gala,2026-04-01,WP1\n",
        "events.csv",
        kind="events",
        project_code="JOBS-2026",
    )
    [problem] = bad.problems
    assert "not an event type of the project" in str(problem) and problem.row == 2
