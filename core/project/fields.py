"""Field types shared by the project definition's parts: dates that may be months, strict models."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator, model_validator


def parse_date(value: Any, *, end: bool = False) -> date:
    """ISO date, or `YYYY-MM` meaning the first (start) or last (end) day of that month."""
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if len(text) == 7 and text[4] == "-":
        year, month = int(text[:4]), int(text[5:])
        day = calendar.monthrange(year, month)[1] if end else 1
        return date(year, month, day)
    return date.fromisoformat(text)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Period(Strict):
    start: date
    end: date

    @field_validator("start", mode="before")
    @classmethod
    def _start(cls, value: Any) -> date:
        return parse_date(value)

    @field_validator("end", mode="before")
    @classmethod
    def _end(cls, value: Any) -> date:
        return parse_date(value, end=True)

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self
