"""Rules of the Profiles sheet that need the database: consent, and one profile per student.

An import never grants or withdraws search consent: consent is recorded with its evidence on
the Consents page (`core.access.consent`). The file's "Consent to be searchable" column is
compared with the record: "yes" over a withdrawal is refused (an old export must not make a
student searchable again), "yes" without any record is written without it and warned about,
"no" over a standing consent is warned about (withdraw it on the Consents page).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlmodel import Session

from core.access.consent import search_consents
from core.io.imports.problems import Problem, Severity
from core.io.imports.records import Stored
from core.io.imports.rows import ProfileRow
from core.io.imports.sheets import column_header
from core.io.imports.writer import Action
from core.models import Project


def _owner(action: Action) -> str | None:
    """The participant the profile belongs to after the import."""
    row = action.row.model
    assert isinstance(row, ProfileRow)
    if "participant" in action.row.given or action.stored is None:
        return row.participant
    stored: str | None = action.stored.row["participant"]
    return stored


def _stays(action: Action) -> bool:
    return action.stored is not None and _owner(action) == action.stored.row["participant"]


def profile_problems(
    session: Session,
    project: Project,
    sheet: str,
    headers: Mapping[str, str],
    actions: list[Action],
    stored: dict[tuple[Any, ...], Stored],
) -> list[Problem]:
    assert project.id is not None
    problems = list(_one_profile_each(sheet, headers, actions, stored))
    problems.extend(_consent(sheet, headers, actions, search_consents(session, project.id)))
    return problems


def _consent(
    sheet: str, headers: Mapping[str, str], actions: list[Action], consents: dict[str, bool]
) -> Iterable[Problem]:
    column = headers.get("consent_search") or column_header("profiles", "consent_search")
    for action in actions:
        row = action.row.model
        assert isinstance(row, ProfileRow)
        if row.consent_search is None:
            continue  # left empty: nothing to compare
        owner = _owner(action)
        recorded = consents.get(owner) if owner is not None else None
        if row.consent_search and recorded is False:
            key, severity = "io.err.consent_withdrawn", Severity.ERROR
        elif row.consent_search and recorded is None:
            key, severity = "io.warn.consent_not_recorded", Severity.WARNING
        elif not row.consent_search and recorded:
            key, severity = "io.warn.consent_stands", Severity.WARNING
        else:
            continue  # the file agrees with the record
        yield Problem(
            key,
            {"participant": owner or "—", "profile": row.code},
            sheet=sheet,
            row=action.row.row,
            column=column,
            severity=severity,
        )


def _one_profile_each(
    sheet: str,
    headers: Mapping[str, str],
    actions: list[Action],
    stored: dict[tuple[Any, ...], Stored],
) -> Iterable[Problem]:
    """A participant has at most one profile, counting the stored ones the file leaves be."""
    holder: dict[str, str] = {
        s.row["participant"]: key[0] for key, s in stored.items() if s.row["participant"]
    }
    for action in actions:  # the file's own profiles let go of their stored participant
        if action.stored is not None and action.stored.row["participant"]:
            holder.pop(action.stored.row["participant"], None)
    column = headers.get("participant") or column_header("profiles", "participant")
    # Profiles that stay with their participant claim first: the error goes to the row
    # that moves a profile onto someone who has one.
    for action in sorted(actions, key=lambda a: not _stays(a)):
        owner, code = _owner(action), action.row.model.key()[0]
        if owner is not None and holder.setdefault(owner, code) != code:
            yield Problem(
                "io.err.participant_has_profile",
                {"participant": owner, "profile": holder[owner]},
                sheet=sheet,
                row=action.row.row,
                column=column,
            )
