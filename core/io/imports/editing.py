"""Records as tables for the forms, and saving or deleting them through the import path."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from sqlmodel import Session

from core.io.imports.importer import ImportReport, import_into
from core.io.imports.planner import SheetInput
from core.io.imports.records import load_stored
from core.io.imports.sheets import columns
from core.io.imports.validate import ROW_MODELS
from core.models import Project


def records_frame(session: Session, project: Project, kind: str) -> pd.DataFrame:
    """Every record of `kind` as a table with the row model's columns, sorted by key."""
    stored = load_stored(session, project, kind)
    names = [c.name for c in columns(kind)]
    rows = [stored[key].row for key in sorted(stored, key=lambda k: tuple(map(str, k)))]
    return pd.DataFrame(rows, columns=names)


def _clean(value: Any) -> Any:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def editor_rows(
    original: pd.DataFrame, state: Mapping[str, Any]
) -> list[tuple[int, dict[str, Any]]]:
    """Edited and added rows of a `st.data_editor` (its session-state dict) as raw rows,
    numbered as the table shows them (1 = first row)."""
    rows: list[tuple[int, dict[str, Any]]] = []
    for index, edits in sorted(state.get("edited_rows", {}).items(), key=lambda item: int(item[0])):
        position = int(index)
        values = {str(k): _clean(v) for k, v in original.iloc[position].to_dict().items()}
        values.update({k: _clean(v) for k, v in edits.items()})
        rows.append((position + 1, values))
    for offset, added in enumerate(state.get("added_rows", [])):
        values = {str(k): _clean(v) for k, v in added.items() if k in original.columns}
        rows.append((len(original) + offset + 1, values))
    return rows


def save_rows(
    session: Session,
    project: Project,
    kind: str,
    rows: list[tuple[int, dict[str, Any]]],
    *,
    sheet: str = "",
    headers: dict[str, str] | None = None,
) -> ImportReport:
    """Create or correct records from a form: the import's validation, rules and writing.
    A form corrects what it shows, so entry data may change here (unlike a re-entry)."""
    inputs = [SheetInput(kind, sheet or kind, rows, headers or {})]
    return import_into(
        inputs,
        session=session,
        project=project,
        file_name=f"form: {kind}",
        edit=True,
        action="form",
    )


def delete_records(
    session: Session, project: Project, kind: str, keys: list[tuple[Any, ...]]
) -> int:
    """Delete the records of `kind` with these natural keys; returns how many were found.
    Dependent rows go with them (a participant's follow-ups, an event's attendance)."""
    stored = load_stored(session, project, kind)
    found = [stored[key] for key in keys if key in stored]
    for record in found:
        session.delete(record.obj)
    session.flush()
    return len(found)


def key_label(kind: str, key: tuple[Any, ...]) -> str:
    return " / ".join(str(part) for part in key)


def keys_of(frame: pd.DataFrame, kind: str) -> list[tuple[Any, ...]]:
    names = list(ROW_MODELS[kind].KEY)
    return [tuple(_clean(v) for v in row) for row in frame[names].itertuples(index=False)]
