"""Competence profiles as SME users may see them: `PublicProfile`, which has no personal field.

Everything an SME page or the search index shows of a student comes from here. A
`PublicProfile` is frozen and slotted, so no name, e-mail or other field can be attached to it
later; its free texts are redacted (`core.privacy.redact`) against the student's own names and
identifiers before they leave this module. Only profiles with search consent are returned,
checked in the database at the moment of the call: a recorded, granted search consent
(`core.access.consent`), never a flag alone.

    searchable_profiles(session, project_id=…)  # every consenting profile, for the index
    public_profiles(session, ["K7Q2MX", …])      # cards for search hits, in the given order
    preview_profile(session, "K7Q2MX")           # for its author or the manager: what was
                                                 # removed and what was flagged, and why
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from core.access.consent import search_consent_granted
from core.codes import Availability
from core.models import CompetenceProfile, Participant, Programme, Spearhead
from core.privacy.redact import RedactionPreview, identity_of, preview_redaction, redact

BATCH = 1000


@dataclass(frozen=True, slots=True)
class Label:
    """A coded value with its English and Finnish names."""

    code: str
    name: str
    name_fi: str

    def text(self, lang: str = "en") -> str:
        return self.name_fi if lang == "fi" and self.name_fi else self.name


@dataclass(frozen=True, slots=True)
class PublicProfile:
    """An anonymised competence profile: a stable random code and what the student can do."""

    code: str
    programme: Label | None
    spearhead: Label | None
    study_year: int
    skills: str
    interests: str
    languages: tuple[str, ...]  # ISO 639-1 codes
    available_for: tuple[Availability, ...]
    available_from: date | None
    text_language: str

    @property
    def text(self) -> str:
        """Skills and interests together (what the search index embeds)."""
        return "\n".join(part for part in (self.skills, self.interests) if part)


def _availability(profile: CompetenceProfile) -> tuple[Availability, ...]:
    flags = {
        Availability.INTERNSHIP: profile.available_internship,
        Availability.THESIS: profile.available_thesis,
        Availability.JOB: profile.available_job,
    }
    return tuple(kind for kind, on in flags.items() if on)


def _languages(text: str) -> tuple[str, ...]:
    codes = (part.strip().lower() for part in text.replace(";", ",").split(","))
    return tuple(code for code in codes if len(code) == 2 and code.isalpha())


def _label(row: Programme | Spearhead | None) -> Label | None:
    return None if row is None else Label(row.code, row.name, row.name_fi)


def to_public(
    profile: CompetenceProfile,
    *,
    programme: Programme | None = None,
    spearhead: Spearhead | None = None,
    participant: Participant | None = None,
    today: date | None = None,
) -> PublicProfile:
    """The anonymised view of one profile; `participant` only supplies names to remove."""
    identity = identity_of(participant)
    return PublicProfile(
        code=profile.code,
        programme=_label(programme),
        spearhead=_label(spearhead),
        study_year=profile.study_year,
        skills=redact(profile.skills, identity, today=today),
        interests=redact(profile.interests, identity, today=today),
        languages=_languages(profile.languages),
        available_for=_availability(profile),
        available_from=profile.available_from,
        text_language=profile.text_language,
    )


def searchable_query() -> Any:
    """Consenting profiles with their programme, spearhead and participant (outer joins)."""
    return (
        select(CompetenceProfile, Programme, Spearhead, Participant)
        .join(Programme, col(Programme.id) == col(CompetenceProfile.programme_id), isouter=True)
        .join(Spearhead, col(Spearhead.id) == col(CompetenceProfile.spearhead_id), isouter=True)
        .join(
            Participant, col(Participant.id) == col(CompetenceProfile.participant_id), isouter=True
        )
        .where(search_consent_granted())
    )


def searchable_profiles(
    session: Session, *, project_id: int | None = None, batch: int = BATCH
) -> Iterator[PublicProfile]:
    """Every profile with search consent, anonymised, in id order (streamed in batches)."""
    last_id = 0
    while True:
        query = searchable_query().where(col(CompetenceProfile.id) > last_id)
        if project_id is not None:
            query = query.where(CompetenceProfile.project_id == project_id)
        rows = session.exec(query.order_by(col(CompetenceProfile.id)).limit(batch)).all()
        for profile, programme, spearhead, participant in rows:
            yield to_public(
                profile, programme=programme, spearhead=spearhead, participant=participant
            )
        if len(rows) < batch:
            return
        last_id = rows[-1][0].id


def public_profiles(session: Session, codes: Sequence[str]) -> list[PublicProfile]:
    """The consenting profiles among `codes`, in that order; the others are left out."""
    found: dict[str, PublicProfile] = {}
    unique = list(dict.fromkeys(codes))
    for start in range(0, len(unique), BATCH):
        chunk = unique[start : start + BATCH]
        query = searchable_query().where(col(CompetenceProfile.code).in_(chunk))
        for profile, programme, spearhead, participant in session.exec(query):
            found[profile.code] = to_public(
                profile, programme=programme, spearhead=spearhead, participant=participant
            )
    return [found[code] for code in unique if code in found]


def is_searchable(session: Session, code: str) -> bool:
    """True while the profile exists and its student's search consent is on record."""
    query = select(CompetenceProfile.id).where(
        CompetenceProfile.code == code, search_consent_granted()
    )
    return session.exec(query).first() is not None


@dataclass(frozen=True, slots=True)
class ProfilePreview:
    """What SME users would see of one profile's texts, with what was removed or flagged."""

    code: str
    searchable: bool
    skills: RedactionPreview
    interests: RedactionPreview


def preview_profile(
    session: Session, code: str, *, today: date | None = None
) -> ProfilePreview | None:
    """The redaction of one profile as its author or the manager should check it (consent or
    not: it is for them, never for an SME user); None for an unknown code."""
    query = (
        select(CompetenceProfile, Participant)
        .join(
            Participant, col(Participant.id) == col(CompetenceProfile.participant_id), isouter=True
        )
        .where(CompetenceProfile.code == code)
    )
    row = session.exec(query).first()
    if row is None:
        return None
    profile, participant = row
    identity = identity_of(participant)
    return ProfilePreview(
        code=profile.code,
        searchable=is_searchable(session, profile.code),
        skills=preview_redaction(profile.skills, identity, today=today),
        interests=preview_redaction(profile.interests, identity, today=today),
    )
