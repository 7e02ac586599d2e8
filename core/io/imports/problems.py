"""A problem found in a file or a form: where it is (sheet, row, column) and what to do."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.errors import DomainError
from core.i18n import Labelled, translate


class Severity(Labelled, key_prefix="io.severity"):
    ERROR = "error"  # nothing is written while any error remains
    WARNING = "warning"  # written, but the manager should know (e.g. entry data kept)


@dataclass(frozen=True)
class Problem:
    """One finding; `row` is the row number the user sees in Excel (None for the whole sheet)."""

    key: str  # an "io.err.*" / "io.warn.*" key of core.i18n.TEXTS
    values: dict[str, Any] = field(default_factory=dict)
    sheet: str = ""
    row: int | None = None
    column: str = ""  # the header as written in the file (or the form label)
    severity: Severity = Severity.ERROR

    def message(self, lang: str = "en") -> str:
        return translate(self.key, lang, **self.values)

    def where(self) -> str:
        parts = [self.sheet] if self.sheet else []
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(self.column)
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message()}" if where else self.message()


class CellError(DomainError, ValueError):
    """A value that cannot be read; its message key lets it be shown in either language."""


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]
