"""What the search index knows of a profile (`ProfileRecord`) and how it is read from the DB."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from core.access.consent import search_consent_granted
from core.codes import Availability
from core.models import CompetenceProfile, Participant, Programme, Spearhead
from core.search.profiles import searchable_query, to_public

AVAILABILITY = tuple(kind.value for kind in Availability)
BATCH = 1000


@dataclass(frozen=True, slots=True)
class ProfileRecord:
    """One searchable profile: its texts and the facts the filters need; nothing personal."""

    id: int
    code: str
    skills: str
    interests: str = ""
    programme: str = ""  # programme code
    spearhead: str = ""  # spearhead code
    study_year: int = 1
    languages: tuple[str, ...] = ()  # ISO 639-1 codes
    available_for: tuple[str, ...] = ()  # subset of AVAILABILITY
    available_from: date | None = None

    @property
    def text(self) -> str:
        """The text that is split, embedded and matched: skills, then interests."""
        return f"{self.skills}\n{self.interests}" if self.interests else self.skills

    def fingerprint(self) -> str:
        """Changes when anything the index holds about the profile changes."""
        payload = json.dumps(self.to_json(), sort_keys=True, ensure_ascii=False)
        return hashlib.blake2b(payload.encode(), digest_size=12).hexdigest()

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["languages"] = list(self.languages)
        data["available_for"] = list(self.available_for)
        data["available_from"] = self.available_from.isoformat() if self.available_from else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ProfileRecord:
        day = data.get("available_from")
        return cls(
            **{
                **data,
                "languages": tuple(data.get("languages", ())),
                "available_for": tuple(data.get("available_for", ())),
                "available_from": date.fromisoformat(day) if day else None,
            }
        )


def to_record(
    profile: CompetenceProfile,
    programme: Programme | None,
    spearhead: Spearhead | None,
    participant: Participant | None,
) -> ProfileRecord:
    """The index's view of a profile: its `PublicProfile` (free text redacted of the
    student's names and identifiers), so nothing the index shows can identify anyone."""
    assert profile.id is not None
    public = to_public(profile, programme=programme, spearhead=spearhead, participant=participant)
    return ProfileRecord(
        id=profile.id,
        code=public.code,
        skills=public.skills,
        interests=public.interests,
        programme=public.programme.code if public.programme else "",
        spearhead=public.spearhead.code if public.spearhead else "",
        study_year=public.study_year,
        languages=public.languages,
        available_for=tuple(kind.value for kind in public.available_for),
        available_from=public.available_from,
    )


def searchable_records(
    session: Session, ids: Iterable[int] | None = None
) -> Iterator[ProfileRecord]:
    """Every profile with search consent (or those among `ids`), in id order, in batches."""
    if ids is not None:
        wanted = sorted(set(ids))
        for start in range(0, len(wanted), BATCH):
            query = searchable_query().where(
                col(CompetenceProfile.id).in_(wanted[start : start + BATCH])
            )
            for row in session.exec(query.order_by(col(CompetenceProfile.id))):
                yield to_record(*row)
        return
    last_id = 0
    while True:
        query = searchable_query().where(col(CompetenceProfile.id) > last_id)
        rows = session.exec(query.order_by(col(CompetenceProfile.id)).limit(BATCH)).all()
        for row in rows:
            yield to_record(*row)
        if len(rows) < BATCH:
            return
        last_id = rows[-1][0].id


def consenting_ids(session: Session, ids: Iterable[int]) -> set[int]:
    """Which of `ids` may be shown right now (one indexed query on the current consent)."""
    wanted = list(set(ids))
    found: set[int] = set()
    for start in range(0, len(wanted), BATCH):
        query = select(CompetenceProfile.id).where(
            col(CompetenceProfile.id).in_(wanted[start : start + BATCH]),
            search_consent_granted(),
        )
        found.update(i for i in session.exec(query) if i is not None)
    return found
