"""The migrations and the models agree, and the database keeps the data rules."""

from __future__ import annotations

from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, select

from core.models import Company, Participant, Project, TargetGroup
from core.schema import current_revision, head_revision


def test_migrated_schema_equals_the_models(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []
    assert current_revision(engine) == head_revision()


def _participant(project: Project, group: TargetGroup, **fields: object) -> Participant:
    values: dict[str, object] = {
        "project_id": project.id,
        "code": "P-1",
        "target_group_id": group.id,
        "entry_status": "employed",
        "gender": "woman",
        "age_band": "18-29",
        "isced": "5-8",
        "entry_date": date(2026, 1, 1),
    }
    values.update(fields)
    return Participant(**values)


@pytest.mark.parametrize(
    "fields",
    [
        {"exit_date": date(2025, 12, 31)},
        {"entry_status": "retired"},
        {"gender": "unknown"},
        {"age_band": "40-50"},
        {"isced": "9"},
    ],
)
def test_participant_rules_hold_in_the_database(
    session: Session, project: Project, fields: dict[str, object]
) -> None:
    group = session.exec(select(TargetGroup)).first()
    assert group is not None
    session.add(_participant(project, group, **fields))
    with pytest.raises(IntegrityError):
        session.commit()


def test_natural_keys_are_unique(session: Session, project: Project) -> None:
    group = session.exec(select(TargetGroup)).first()
    assert group is not None
    session.add(_participant(project, group))
    session.commit()
    session.add(_participant(project, group))
    with pytest.raises(IntegrityError):
        session.commit()
    session.rollback()
    session.add(Company(business_id="0201256-6", name="A", size_class="micro"))
    session.commit()
    session.add(Company(business_id="0201256-6", name="B", size_class="small"))
    with pytest.raises(IntegrityError):
        session.commit()


def test_foreign_keys_are_enforced(session: Session, project: Project) -> None:
    session.add(
        Participant(
            project_id=project.id,
            code="P-9",
            target_group_id=999_999,
            entry_status="employed",
            gender="man",
            age_band="18-29",
            isced="5-8",
            entry_date=date(2026, 1, 1),
        )
    )
    with pytest.raises(IntegrityError):
        session.commit()
