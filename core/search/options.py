"""Choices for the search filters: the project's programmes and fields, languages in use."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from core.access.consent import search_consent_granted
from core.models import CompetenceProfile, Programme, Spearhead
from core.search.filters import SearchFilters

EXAMPLE_QUERIES = (
    "embedded Linux device drivers",
    "sulautettu ohjelmointi mikrokontrollereille",
    "React front end with TypeScript",
    "koneoppiminen ja data-analytiikka",
)


@dataclass(frozen=True)
class FilterOptions:
    programmes: dict[str, str]  # code → name in the UI language
    spearheads: dict[str, str]
    languages: tuple[str, ...]  # ISO 639-1 codes that searchable profiles list


def filter_options(session: Session, project_id: int | None, lang: str) -> FilterOptions:
    def name(row: Programme | Spearhead) -> str:
        return row.name_fi if lang == "fi" and row.name_fi else row.name

    programmes = select(Programme).order_by(col(Programme.code))
    spearheads = select(Spearhead).order_by(col(Spearhead.code))
    if project_id is not None:
        programmes = programmes.where(Programme.project_id == project_id)
        spearheads = spearheads.where(Spearhead.project_id == project_id)
    listed = session.exec(
        select(CompetenceProfile.languages).where(search_consent_granted()).distinct()
    )
    languages = {c.strip().lower() for text in listed for c in (text or "").split(",") if c.strip()}
    return FilterOptions(
        programmes={p.code: name(p) for p in session.exec(programmes)},
        spearheads={s.code: name(s) for s in session.exec(spearheads)},
        languages=tuple(sorted(c for c in languages if len(c) == 2 and c.isalpha())),
    )


def filters_for_log(filters: SearchFilters) -> dict[str, object]:
    """The chosen filters as plain values for the audit log (empty ones left out)."""
    values: dict[str, object] = {
        "programmes": sorted(filters.programmes),
        "spearheads": sorted(filters.spearheads),
        "study_years": sorted(filters.study_years),
        "available_for": sorted(filters.available_for),
        "languages": sorted(filters.languages),
        "available_by": filters.available_by.isoformat() if filters.available_by else None,
    }
    return {k: v for k, v in values.items() if v}
