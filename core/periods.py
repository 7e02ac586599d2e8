"""Reporting periods: half-years (what payment claims usually cover) and years of a project."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Window:
    """The dates a report covers: EU outputs count entries in it, results count exits in it."""

    start: date
    end: date


@dataclass(frozen=True)
class ReportingPeriod:
    label: str  # "2026 H1", "2026"
    start: date
    end: date

    @property
    def window(self) -> Window:
        return Window(self.start, self.end)


def half_years(start: date, end: date) -> list[ReportingPeriod]:
    """The half-years that overlap `start`–`end`, clipped to it, in order."""
    periods = []
    for year in range(start.year, end.year + 1):
        for half, (first, last) in enumerate(
            ((date(year, 1, 1), date(year, 6, 30)), (date(year, 7, 1), date(year, 12, 31))), start=1
        ):
            if last >= start and first <= end:
                periods.append(
                    ReportingPeriod(f"{year} H{half}", max(first, start), min(last, end))
                )
    return periods


def years(start: date, end: date) -> list[ReportingPeriod]:
    return [
        ReportingPeriod(str(y), max(date(y, 1, 1), start), min(date(y, 12, 31), end))
        for y in range(start.year, end.year + 1)
    ]


def period_containing(periods: list[ReportingPeriod], day: date) -> ReportingPeriod | None:
    return next((p for p in periods if p.start <= day <= p.end), None)
