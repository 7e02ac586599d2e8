"""Facts about fields stated once in core.models: they name real columns, and the import rows
accept exactly what the columns hold."""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import SQLModel

from core.codes import MaxLength
from core.io.imports.rows import ROW_MODELS, ParticipantRow
from core.models import (
    PARTICIPANT_PERSONAL_FIELDS,
    PERSONAL_FIELDS,
    SECRET_FIELDS,
    SENSITIVE_FLAGS,
)
from core.project.definition import NamedDef, WorkPackageDef

# Import kind → the table its rows are written to (attendance and follow-up rows have no text
# column of their own).
KIND_TABLES = {
    "participants": "participant",
    "companies": "company",
    "events": "event",
    "commitments": "commitment",
    "profiles": "competence_profile",
}


def _limit(metadata: list[Any]) -> int | None:
    return next((m.max_length for m in metadata if hasattr(m, "max_length")), None)


def _columns(table: str) -> set[str]:
    return set(SQLModel.metadata.tables[table].columns.keys())


def test_personal_sensitive_and_secret_fields_name_real_columns() -> None:
    assert len(SENSITIVE_FLAGS) == 6
    participant = _columns("participant")
    assert set(SENSITIVE_FLAGS) <= participant
    assert set(PARTICIPANT_PERSONAL_FIELDS) <= participant
    for table, fields in PERSONAL_FIELDS.items():
        assert fields <= _columns(table), table
    assert "password_hash" in SECRET_FIELDS and "password_hash" in _columns("user")


def test_participant_rows_carry_every_sensitive_and_personal_field() -> None:
    fields = set(ParticipantRow.model_fields)
    assert set(SENSITIVE_FLAGS) <= fields
    assert set(PARTICIPANT_PERSONAL_FIELDS) <= fields


@pytest.mark.parametrize("kind", sorted(KIND_TABLES))
def test_import_rows_accept_exactly_what_the_column_holds(kind: str) -> None:
    table = SQLModel.metadata.tables[KIND_TABLES[kind]]
    checked = 0
    for name, info in ROW_MODELS[kind].model_fields.items():
        limit = _limit(info.metadata)
        column = table.columns.get(name)
        length = None if column is None else getattr(column.type, "length", None)
        if limit is not None and length is not None:
            assert limit == length, f"{kind}.{name}"
            checked += 1
    assert checked > 0


def test_project_file_codes_fit_their_columns() -> None:
    tables = SQLModel.metadata.tables
    assert _limit(NamedDef.model_fields["code"].metadata) == MaxLength.CODE
    for table in ("project", "spearhead", "target_group", "programme"):
        assert getattr(tables[table].columns["code"].type, "length", None) == MaxLength.CODE
    wp_column = tables["work_package"].columns["code"]
    assert _limit(WorkPackageDef.model_fields["code"].metadata) == wp_column.type.length
