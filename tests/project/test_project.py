"""Loading project definitions: the Oulu file, a second project, bad files that write nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from core.models import Milestone, Programme, Project, Target, WorkPackage
from core.project.definition import ProjectDefinitionError
from core.project.loading import DEFAULT_PROJECT_FILE, load_project_file

PROJECTS = DEFAULT_PROJECT_FILE.parent


def _write(tmp_path: Path, definition: dict[str, object]) -> Path:
    path = tmp_path / "project.yaml"
    path.write_text(yaml.safe_dump(definition, allow_unicode=True), encoding="utf-8")
    return path


def _oulu() -> dict[str, object]:
    loaded = yaml.safe_load(DEFAULT_PROJECT_FILE.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def _count(session: Session, model: type) -> int:
    return int(session.exec(select(func.count()).select_from(model)).one())


def test_oulu_project_loads_with_its_targets(engine: Engine, session: Session) -> None:
    project = load_project_file(DEFAULT_PROJECT_FILE)
    targets = {
        t.indicator: t.value
        for t in session.exec(select(Target))
        if not t.work_package_id and not t.kind and not t.condition
    }
    assert targets == {
        "participants": 610,
        "participants_in_education": 418,
        "participants_employed": 192,
        "companies": 50,
    }
    codes = [wp.code for wp in session.exec(select(WorkPackage).order_by(WorkPackage.code))]
    assert codes == ["T1.1", "T1.2", "T2.1", "T2.2", "T2.3", "T2.4", "T3.1"]
    t11 = session.exec(select(WorkPackage).where(WorkPackage.code == "T1.1")).one()
    assert (str(t11.start_date), str(t11.end_date)) == ("2025-08-01", "2026-12-31")
    assert (str(project.start_date), str(project.end_date)) == ("2025-05-01", "2027-12-31")


def test_second_project_loads_without_code_change(engine: Engine, session: Session) -> None:
    load_project_file(DEFAULT_PROJECT_FILE)
    other = load_project_file(PROJECTS / "export-expert-2021.yaml")
    assert other.code == "S22617"
    assert _count(session, Project) == 2
    yearly = session.exec(
        select(Target).where(Target.project_id == other.id, Target.period == "year")
    ).one()
    assert (str(yearly.period_start), str(yearly.period_end), yearly.value) == (
        "2022-01-01",
        "2022-12-31",
        25,
    )


def test_loading_twice_changes_nothing(engine: Engine, session: Session) -> None:
    load_project_file(DEFAULT_PROJECT_FILE)
    before = [_count(session, m) for m in (Project, WorkPackage, Target, Programme)]
    load_project_file(DEFAULT_PROJECT_FILE)
    assert [_count(session, m) for m in (Project, WorkPackage, Target, Programme)] == before


def test_milestones_are_stored(engine: Engine, session: Session, tmp_path: Path) -> None:
    definition = _oulu()
    definition["targets"] = [
        {
            "indicator": "participants",
            "value": 610,
            "milestones": [{"date": "2025-12", "value": 100}, {"date": "2026-12-31", "value": 350}],
        }
    ]
    load_project_file(_write(tmp_path, definition))
    dates = [str(m.due_date) for m in session.exec(select(Milestone).order_by(Milestone.due_date))]
    assert dates == ["2025-12-31", "2026-12-31"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["targets"][0].pop("value"), "targets.0.value"),
        (lambda d: d["targets"][0].update(value=-5), "targets.0.value"),
        (lambda d: d.update(end="2024-01"), "before start"),
        (lambda d: d["work_packages"][0].update(end="2025-06", start="2025-08"), "work_packages.0"),
        (
            lambda d: d["targets"].append(
                {"indicator": "events", "value": 1, "work_package": "T9.9"}
            ),
            "unknown work package 'T9.9'",
        ),
        (
            lambda d: d["work_packages"].append(dict(d["work_packages"][0])),
            "work_packages[7].code: duplicate code 'T1.1'",
        ),
        (lambda d: d["programmes"][0].update(spearhead="space"), "unknown spearhead 'space'"),
        (
            lambda d: d["targets"].append({"indicator": "participants", "value": 1}),
            "duplicate target",
        ),
        (lambda d: d["targets"][0].update(indicator="happiness"), "targets.0.indicator"),
        (lambda d: d["targets"][0].update(period="year"), "needs a year"),
        (lambda d: d.pop("code"), "code"),
        (lambda d: d.update(surprise=1), "surprise"),
    ],
)
def test_bad_definition_names_the_field_and_writes_nothing(
    engine: Engine, session: Session, tmp_path: Path, change: object, message: str
) -> None:
    definition = _oulu()
    change(definition)  # type: ignore[operator]
    with pytest.raises(ProjectDefinitionError, match=None) as raised:
        load_project_file(_write(tmp_path, definition))
    assert message in str(raised.value)
    assert _count(session, Project) == 0


def test_not_yaml_or_missing_file(engine: Engine, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"\xff\xfe: [unclosed")
    with pytest.raises(ProjectDefinitionError, match="not a readable YAML"):
        load_project_file(bad)
    with pytest.raises(ProjectDefinitionError, match="no such file"):
        load_project_file(tmp_path / "missing.yaml")
    (tmp_path / "list.yaml").write_text("- 1\n- 2\n")
    with pytest.raises(ProjectDefinitionError, match="mapping"):
        load_project_file(tmp_path / "list.yaml")


def test_removing_a_used_work_package_is_refused(
    engine: Engine, session: Session, tmp_path: Path, project: Project
) -> None:
    from datetime import date

    from core.models import Event

    wp = session.exec(select(WorkPackage).where(WorkPackage.code == "T2.3")).one()
    session.add(
        Event(
            project_id=project.id,
            work_package_id=wp.id,
            code="E1",
            name="Coffee",
            event_type="coffee_with_alumni",
            event_date=date(2025, 9, 1),
        )
    )
    session.commit()
    definition = _oulu()
    definition["work_packages"] = [w for w in definition["work_packages"] if w["code"] != "T2.3"]
    with pytest.raises(ProjectDefinitionError, match=r"T2\.3"):
        load_project_file(_write(tmp_path, definition))
    session.expire_all()
    assert _count(session, WorkPackage) == 7
