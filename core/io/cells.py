"""How a spreadsheet cell becomes a value: dates, numbers, yes/no, codes, text, references.

Each column of a row model is annotated with one `Cell` subclass. It parses what Excel or a
CSV gives (str, int, float, datetime, bool, None) before pydantic checks the type, and it
tells templates and forms how to present the column (widget, drop-down choices, reference).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from pydantic import GetCoreSchemaHandler, ValidationInfo
from pydantic_core import PydanticCustomError, core_schema

from core.business_id import is_valid_business_id
from core.io.problems import CellError

# Text that a spreadsheet would run as a formula when it starts with one of these.
FORMULA_START = ("=", "+", "@", "\t", "\r")
EXPORT_ESCAPE_START = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?)?")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\.?")
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_SHORT_YEAR = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2}")
TRUE_WORDS = frozenset({"yes", "y", "true", "x", "1", "kyllä", "kylla", "k", "on"})
FALSE_WORDS = frozenset({"no", "n", "false", "0", "ei", "e", "off"})
FIRST_YEAR, LAST_YEAR = 1900, 2100
MAX_EUROS = Decimal("1e10")  # Numeric(12, 2)


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def _shown(value: Any) -> str:
    text = value.isoformat() if isinstance(value, date) else str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def to_text(value: Any, *, multiline: bool = False) -> str:
    """Trimmed text; refuses control characters and anything a spreadsheet would execute."""
    if isinstance(value, bool):
        raise CellError("io.err.text_expected", value=_shown(value))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = value.isoformat() if isinstance(value, date) else str(value)
    text = text.strip() if multiline else " ".join(text.split())
    if text.startswith("'") and text[1:2] in EXPORT_ESCAPE_START:
        text = text[1:]  # our own export escape (or Excel's text prefix)
    if text.startswith(FORMULA_START):
        raise CellError("io.err.formula_text", value=_shown(text))
    if _CONTROL.search(text):
        raise CellError("io.err.control_chars")
    return text


def to_date(value: Any) -> date:
    """A date from a date cell or unambiguous text (2026-01-31, 31.1.2026, 31/01/2026)."""
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif isinstance(value, bool | int | float | Decimal):
        raise CellError("io.err.date_number", value=_shown(value))
    else:
        day = _date_from_text(str(value).strip())
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise CellError("io.err.date_range", value=day.isoformat())
    return day


def _date_from_text(text: str) -> date:
    if match := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DOTTED.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    elif match := _SLASHED.fullmatch(text):
        first, second, year = (int(g) for g in match.groups())
        if first <= 12 and second <= 12 and first != second:
            raise CellError("io.err.date_ambiguous", value=text)
        day, month = (first, second) if first > 12 or first == second else (second, first)
    elif _SHORT_YEAR.fullmatch(text):
        raise CellError("io.err.date_short_year", value=text)
    else:
        raise CellError("io.err.date_format", value=_shown(text))
    try:
        return date(year, month, day)
    except ValueError:
        raise CellError("io.err.date_invalid", value=text) from None


def to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    word = str(value).strip().casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError("io.err.bool", value=_shown(value))


def to_int(value: Any) -> int:
    if isinstance(value, bool):
        raise CellError("io.err.int", value=_shown(value))
    if isinstance(value, int):
        return value
    if isinstance(value, float | Decimal):
        if value != int(value):
            raise CellError("io.err.int", value=_shown(value))
        return int(value)
    if isinstance(value, date):
        raise CellError("io.err.int", value=_shown(value))
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    text = re.sub(r"[.,]0+$", "", text)
    if not re.fullmatch(r"[+-]?\d+", text):
        raise CellError("io.err.int", value=_shown(value))
    return int(text)


def to_decimal(value: Any) -> Decimal:
    """Euros: 1500, 1500.5, 1 500,50 (Finnish); "1,500" is refused as ambiguous."""
    if isinstance(value, bool | date):
        raise CellError("io.err.decimal", value=_shown(value))
    if isinstance(value, int | float | Decimal):
        number = Decimal(str(value))
    else:
        text = re.sub(r"[\s\u00a0€]", "", str(value))
        if "," in text and "." in text:
            decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
            thousands = "." if decimal_mark == "," else ","
            text = text.replace(thousands, "").replace(decimal_mark, ".")
        elif re.fullmatch(r"\d{1,3},\d{3}", text):
            raise CellError("io.err.decimal_ambiguous", value=str(value).strip())
        else:
            text = text.replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise CellError("io.err.decimal", value=_shown(value)) from None
    if not number.is_finite() or number.as_tuple().exponent < -2:  # type: ignore[operator]
        raise CellError("io.err.decimal_places", value=_shown(value))
    if number < 0:
        raise CellError("io.err.min", value=_shown(value), min=0)
    if number >= MAX_EUROS:
        raise CellError("io.err.too_big", value=_shown(value))
    return number.quantize(Decimal("0.01"))


def to_business_id(value: Any) -> str:
    """`1234567-8` from that, `12345678`, `FI12345678`, or a number that lost its leading 0."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value != int(value):
            raise CellError("io.err.business_id_format", value=_shown(value))
        value = f"{int(value):08d}"
    text = re.sub(r"\s", "", to_text(value)).upper().removeprefix("FI")
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:7]}-{text[7]}"
    if not re.fullmatch(r"\d{7}-\d", text):
        raise CellError("io.err.business_id_format", value=_shown(value))
    if not is_valid_business_id(text):
        raise CellError("io.err.business_id_check", value=text)
    return text


def normalise_code(text: str) -> str:
    return re.sub(r"[\s\-]+", "_", str(text).strip().casefold())


def _custom_error(error: CellError) -> PydanticCustomError:
    # The key travels in the context, so the caller can show the message in either language.
    return PydanticCustomError("silta", str(error), {"key": error.key, **error.values})


@dataclass(frozen=True)
class Cell:
    """Base column type: parses a raw cell, then lets pydantic check the declared type."""

    widget: str = "text"

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
    max_length: int = 200
    multiline: bool = False

    def parse(self, value: Any) -> Any:
        text = to_text(value, multiline=self.multiline)
        if len(text) > self.max_length:
            raise CellError("io.err.too_long", length=len(text), max=self.max_length)
        return text

    def _before(self, value: Any) -> Any:
        # Empty text is "", not missing: optional text columns are plain strings.
        return "" if is_empty(value) else super()._before(value)


@dataclass(frozen=True)
class Key(Cell):
    """A natural key or code written by people: letters, digits, dot, dash, underscore."""

    max_length: int = 40

    def parse(self, value: Any) -> Any:
        text = to_text(int(value) if isinstance(value, float) and value.is_integer() else value)
        if len(text) > self.max_length:
            raise CellError("io.err.too_long", length=len(text), max=self.max_length)
        if not re.fullmatch(r"[A-Za-z0-9ÅÄÖåäö][A-Za-z0-9ÅÄÖåäö._\-]*", text):
            raise CellError("io.err.key_chars", value=_shown(text))
        return text


@dataclass(frozen=True)
class Day(Cell):
    widget: str = "date"

    def parse(self, value: Any) -> Any:
        return to_date(value)


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
        return [member.value for member in self.enum] if self.enum else list(self.options)

    def parse(self, value: Any) -> Any:
        text = to_text(value)
        found = {normalise_code(c): c for c in self.choices()}.get(normalise_code(text))
        if found is None:
            if re.search(r"[,;/+&]| and | ja ", text):
                raise CellError("io.err.one_code", value=_shown(text))
            raise CellError("io.err.code", value=_shown(text), codes=", ".join(self.choices()))
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
                    "io.err.code", value=_shown(part.strip()), codes=", ".join(self.allowed)
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
        return Key(max_length=40).parse(value)

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
                raise CellError("io.err.language", value=_shown(part))
            if code not in codes:
                codes.append(code)
        return ",".join(codes)
