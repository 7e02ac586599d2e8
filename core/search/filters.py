"""Search filters (programme, spearhead, study year, availability, languages, date) on rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from core.search.records import AVAILABILITY, ProfileRecord

NO_DATE = 0  # available_from unknown: counted as available now


@dataclass(frozen=True)
class SearchFilters:
    """What an SME narrows the results to; empty means "any".

    Several programmes, spearheads or study years: any of them. Availability: open to any
    of the chosen kinds. Languages: speaks all of them. `available_by`: can start on or
    before that day (a profile without a start date counts as available now).
    """

    programmes: frozenset[str] = frozenset()
    spearheads: frozenset[str] = frozenset()
    study_years: frozenset[int] = frozenset()
    available_for: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    available_by: date | None = None

    def __post_init__(self) -> None:
        unknown = set(self.available_for) - set(AVAILABILITY)
        if unknown:
            raise ValueError(f"unknown availability {sorted(unknown)}; use {AVAILABILITY}")

    @property
    def active(self) -> bool:
        return any(
            (self.programmes, self.spearheads, self.study_years, self.available_for,
             self.languages, self.available_by is not None)
        )  # fmt: skip


def _codes(values: Sequence[str]) -> tuple[np.ndarray, dict[str, int]]:
    vocabulary: dict[str, int] = {}
    array = np.fromiter(
        (vocabulary.setdefault(v, len(vocabulary)) for v in values),
        dtype=np.int32,
        count=len(values),
    )
    return array, vocabulary


@dataclass(frozen=True)
class RowFacts:
    """The filterable facts of every row as arrays, so a filter is a few numpy comparisons."""

    alive: np.ndarray  # bool: the row holds a profile
    programme: np.ndarray  # int codes into `programmes`
    programmes: dict[str, int]
    spearhead: np.ndarray
    spearheads: dict[str, int]
    study_year: np.ndarray
    availability: np.ndarray  # bit i set: open to AVAILABILITY[i]
    languages: list[frozenset[str]]
    available_from: np.ndarray  # date ordinals, NO_DATE when unknown

    @classmethod
    def build(cls, records: Sequence[ProfileRecord | None]) -> RowFacts:
        programme, programmes = _codes([r.programme if r else "" for r in records])
        spearhead, spearheads = _codes([r.spearhead if r else "" for r in records])
        bits = {kind: 1 << i for i, kind in enumerate(AVAILABILITY)}
        return cls(
            alive=np.array([r is not None for r in records], dtype=bool),
            programme=programme,
            programmes=programmes,
            spearhead=spearhead,
            spearheads=spearheads,
            study_year=np.array([r.study_year if r else 0 for r in records], dtype=np.int32),
            availability=np.array(
                [sum(bits[k] for k in r.available_for) if r else 0 for r in records], dtype=np.int32
            ),
            languages=[frozenset(r.languages) if r else frozenset() for r in records],
            available_from=np.array(
                [
                    r.available_from.toordinal() if r and r.available_from else NO_DATE
                    for r in records
                ],
                dtype=np.int64,
            ),
        )

    def mask(self, filters: SearchFilters) -> np.ndarray:
        """True for rows that hold a profile and pass every filter."""
        keep = self.alive.copy()
        if filters.programmes:
            keep &= np.isin(self.programme, _wanted(self.programmes, filters.programmes))
        if filters.spearheads:
            keep &= np.isin(self.spearhead, _wanted(self.spearheads, filters.spearheads))
        if filters.study_years:
            keep &= np.isin(self.study_year, list(filters.study_years))
        if filters.available_for:
            wanted = sum(1 << AVAILABILITY.index(k) for k in filters.available_for)
            keep &= (self.availability & wanted) != 0
        if filters.languages:
            speaks = [filters.languages <= langs for langs in self.languages]
            keep &= np.array(speaks, dtype=bool)
        if filters.available_by is not None:
            day = filters.available_by.toordinal()
            keep &= (self.available_from == NO_DATE) | (self.available_from <= day)
        return keep


def _wanted(vocabulary: dict[str, int], values: frozenset[str]) -> list[int]:
    return [vocabulary[v] for v in values if v in vocabulary]
