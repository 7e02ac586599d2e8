"""How a spreadsheet cell becomes a value: dates, numbers, yes/no, codes, text, references.

Each column of a row model is annotated with one `Cell` subclass. It parses what Excel or a
CSV gives (str, int, float, datetime, bool, None) before pydantic checks the type, and it
tells templates and forms how to present the column (widget, drop-down choices, reference).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import GetCoreSchemaHandler, ValidationInfo
from pydantic_core import PydanticCustomError, core_schema

from core.codes import MaxLength
from core.i18n import Labelled
from core.io.imports.parse import (
    is_empty,
    normalise_code,
    shown,
    to_bool,
    to_business_id,
    to_date,
    to_decimal,
    to_int,
    to_month,
    to_text,
)
from core.io.imports.problems import CellError


# Text that a spreadsheet would run as a formula when it starts with one of these.
def _custom_error(error: CellError) -> PydanticCustomError:
    # The key travels in the context, so the caller can show the message in either language.
    return PydanticCustomError("silta", str(error), {"key": error.key, **error.values})


# The most a spreadsheet cell holds: programs that save a longer text cut it to this.
EXCEL_CELL_MAX = 32_767


def _check_length(text: str, max_length: int) -> None:
    if len(text) <= max_length:
        return
    # A text of exactly Excel's maximum was most likely cut when the file was saved: say
    # so, rather than report the cut length as if it were the text's own.
    key = "io.err.too_long_cut" if len(text) == EXCEL_CELL_MAX else "io.err.too_long"
    raise CellError(key, length=len(text), max=max_length)


_KEY = re.compile(r"[A-Za-z0-9ÅÄÖåäö][A-Za-z0-9ÅÄÖåäö._\-]*")


@functools.lru_cache(maxsize=64)
def _enum_values(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


@functools.lru_cache(maxsize=64)
def _lookup(codes: tuple[str, ...]) -> dict[str, str]:
    return {normalise_code(code): code for code in codes}


class Widget(Labelled, key_prefix="io.format"):
    """How a column is entered (a form's widget; a template's format hint)."""

    TEXT = "text"
    DATE = "date"
    BOOL = "bool"
    INT = "int"
    DECIMAL = "decimal"
    CODE = "code"
    CODES = "codes"
    REF = "ref"
    LANGUAGES = "languages"


class RefKind(Labelled, key_prefix="io.ref"):
    """What a `Ref` column refers to."""

    TARGET_GROUP = "target_group"
    PROGRAMME = "programme"
    SPEARHEAD = "spearhead"
    WORK_PACKAGE = "work_package"
    EVENT = "event"
    PARTICIPANT = "participant"
    COMPANY = "company"
    # issue 15: codes the project definition declares
    EVENT_TYPE = "event_type"
    COMMITMENT_KIND = "commitment_kind"


@dataclass(frozen=True)
class Cell:
    """Base column type: parses a raw cell, then lets pydantic check the declared type."""

    widget: str = "text"
    # Shown in exports and forms but never written from them: it is recorded elsewhere
    # (search consent lives in consent records; see `core.access.consent`).
    read_only: bool = False

    def parse(self, value: Any) -> Any:
        return value

    def choices(self) -> list[str]:
        return []

    def _before(self, value: Any) -> Any:
        if is_empty(value):
            return None
        try:
            return self.parse(value)
        except CellError as error:
            raise _custom_error(error) from None

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_before_validator_function(self._before, handler(source))


@dataclass(frozen=True)
class Text(Cell):
    max_length: int = MaxLength.NAME
    multiline: bool = False

    def parse(self, value: Any) -> Any:
        text = to_text(value, multiline=self.multiline)
        _check_length(text, self.max_length)
        return text

    def _before(self, value: Any) -> Any:
        # Empty text is "", not missing: optional text columns are plain strings.
        return "" if is_empty(value) else super()._before(value)


@dataclass(frozen=True)
class Key(Cell):
    """A natural key or code written by people: letters, digits, dot, dash, underscore."""

    max_length: int = MaxLength.CODE

    def parse(self, value: Any) -> Any:
        text = to_text(int(value) if isinstance(value, float) and value.is_integer() else value)
        _check_length(text, self.max_length)
        if not _KEY.fullmatch(text):
            raise CellError("io.err.key_chars", value=shown(text))
        return text


@dataclass(frozen=True)
class Day(Cell):
    widget: str = "date"

    def parse(self, value: Any) -> Any:
        return to_date(value)


@dataclass(frozen=True)
class Month(Cell):
    """A calendar month (issue 17): 2026-03, 3/2026, 03.2026 or any date in it; its first day."""

    widget: str = "date"

    def parse(self, value: Any) -> Any:
        return to_month(value)


@dataclass(frozen=True)
class YesNo(Cell):
    widget: str = "bool"

    def parse(self, value: Any) -> Any:
        return to_bool(value)

    def choices(self) -> list[str]:
        return ["yes", "no"]


@dataclass(frozen=True)
class Whole(Cell):
    low: int | None = None
    high: int | None = None
    widget: str = "int"

    def parse(self, value: Any) -> Any:
        number = to_int(value)
        if self.low is not None and number < self.low:
            raise CellError("io.err.min", value=number, min=self.low)
        if self.high is not None and number > self.high:
            raise CellError("io.err.max", value=number, max=self.high)
        return number


@dataclass(frozen=True)
class Euros(Cell):
    widget: str = "decimal"

    def parse(self, value: Any) -> Any:
        return to_decimal(value)


@dataclass(frozen=True)
class Coded(Cell):
    """One code of an enum; matched without regard to case, spaces or dashes."""

    enum: type[StrEnum] | None = None
    options: tuple[str, ...] = ()
    widget: str = "code"

    def choices(self) -> list[str]:
        return list(_enum_values(self.enum)) if self.enum else list(self.options)

    def parse(self, value: Any) -> Any:
        text = to_text(value)
        found = _lookup(tuple(self.choices())).get(normalise_code(text))
        if found is None:
            if re.search(r"[,;/+&]| and | ja ", text):
                raise CellError("io.err.one_code", value=shown(text))
            raise CellError("io.err.code", value=shown(text), codes=", ".join(self.choices()))
        return found


@dataclass(frozen=True)
class CodeList(Cell):
    """Several codes separated by commas, stored as a comma-separated string in code order."""

    allowed: tuple[str, ...] = ()
    aliases: tuple[tuple[str, str], ...] = ()
    widget: str = "codes"

    def choices(self) -> list[str]:
        return list(self.allowed)

    def parse(self, value: Any) -> Any:
        lookup = {normalise_code(c): c for c in self.allowed}
        lookup.update({normalise_code(a): c for a, c in self.aliases})
        found: set[str] = set()
        for part in re.split(r"[,;/]", to_text(value)):
            if not part.strip():
                continue
            code = lookup.get(normalise_code(part))
            if code is None:
                raise CellError(
                    "io.err.code", value=shown(part.strip()), codes=", ".join(self.allowed)
                )
            found.add(code)
        return ",".join(c for c in self.allowed if c in found)


@dataclass(frozen=True)
class Ref(Cell):
    """A code of another record (target group, programme, event…), checked in the catalog."""

    ref: str = ""
    widget: str = "ref"

    def parse(self, value: Any) -> Any:
        if self.ref == "company":
            return to_business_id(value)
        return Key().parse(value)

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.with_info_after_validator_function(
            self._resolve, super().__get_pydantic_core_schema__(source, handler)
        )

    def _resolve(self, value: Any, info: ValidationInfo) -> Any:
        if value is None or not isinstance(info.context, dict):
            return value
        resolve = info.context.get("resolve")
        if resolve is None:
            return value
        try:
            return resolve(self.ref, value)
        except CellError as error:
            raise _custom_error(error) from None


@dataclass(frozen=True)
class BusinessId(Cell):
    def parse(self, value: Any) -> Any:
        return to_business_id(value)


LANGUAGE_NAMES = {
    "english": "en",
    "englanti": "en",
    "finnish": "fi",
    "suomi": "fi",
    "swedish": "sv",
    "ruotsi": "sv",
    "german": "de",
    "saksa": "de",
}


@dataclass(frozen=True)
class Languages(Cell):
    """ISO 639-1 codes ("en, fi"); a few language names are understood too."""

    widget: str = "languages"

    def parse(self, value: Any) -> Any:
        codes: list[str] = []
        for part in re.split(r"[,;/\s]+", to_text(value).casefold()):
            if not part:
                continue
            code = LANGUAGE_NAMES.get(part, part)
            if not re.fullmatch(r"[a-z]{2}", code):
                raise CellError("io.err.language", value=shown(part))
            if code not in codes:
                codes.append(code)
        return ",".join(codes)
