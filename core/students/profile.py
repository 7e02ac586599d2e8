"""A student's own competence profile: read it, edit it, and see what companies see.

Saving maps the texts to ESCO again at once (the mentions are replaced) and, once committed,
the search index takes the change through `core.io.imports.hooks.on_profiles_changed`, as
for every other profile edit. The card a student previews is built by the same code as the
SME's search cards (`core.search.profiles.to_public`, `core.search.results.card_of`).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from core.access.consent import sync_search_flags
from core.codes import Availability, MentionSource
from core.competence.esco_map import SkillMapper
from core.competence.mentions import SourceText, map_and_store, profile_text
from core.errors import DomainError
from core.models import CompetenceProfile, Participant, Programme, Spearhead, utcnow
from core.search.profiles import ProfilePreview, PublicProfile, preview_profile, to_public
from core.text import clean_text, has_bidi_controls, without_controls

MAX_TEXT = 4000  # characters of skills or interests
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # as the demo codes: no 0/O or 1/I


class ProfileError(DomainError, ValueError):
    """A profile edit that cannot be saved; `key` names the UI text."""


@dataclass(frozen=True)
class ProfileDraft:
    """What the student can change."""

    skills: str
    interests: str
    languages: tuple[str, ...]
    available_for: frozenset[Availability]
    available_from: date | None


def own_profile(session: Session, participant_id: int) -> CompetenceProfile | None:
    query = select(CompetenceProfile).where(CompetenceProfile.participant_id == participant_id)
    return session.exec(query).first()


def draft_of(profile: CompetenceProfile | None) -> ProfileDraft:
    if profile is None:
        return ProfileDraft("", "", (), frozenset(), None)
    kinds = {
        Availability.INTERNSHIP: profile.available_internship,
        Availability.THESIS: profile.available_thesis,
        Availability.JOB: profile.available_job,
    }
    languages = tuple(c.strip() for c in profile.languages.split(",") if c.strip())
    return ProfileDraft(
        profile.skills,
        profile.interests,
        languages,
        frozenset(k for k, on in kinds.items() if on),
        profile.available_from,
    )


def _text(value: str, which: str) -> str:
    cleaned = clean_text(without_controls(value.replace("\r\n", "\n"))).strip()
    if has_bidi_controls(cleaned):
        raise ProfileError("student.err.bidi")
    if len(cleaned) > MAX_TEXT:
        raise ProfileError("student.err.too_long", field=which, n=MAX_TEXT)
    return cleaned


def _new_code(session: Session) -> str:
    while True:
        code = "SP-" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(5))
        taken = select(CompetenceProfile.id).where(CompetenceProfile.code == code)
        if session.exec(taken).first() is None:
            return code


def _new_profile(session: Session, person: Participant) -> CompetenceProfile:
    profile = CompetenceProfile(
        project_id=person.project_id,
        code=_new_code(session),
        participant_id=person.id,
        programme_id=person.programme_id,
        spearhead_id=person.spearhead_id,
        study_year=1,
    )
    return profile


def save_profile(
    session: Session, participant_id: int, draft: ProfileDraft, mapper: SkillMapper
) -> CompetenceProfile:
    """Save the student's edit (a new profile when they had none), map it to ESCO now; the
    caller commits, and the search index follows the commit."""
    person = session.get(Participant, participant_id)
    if person is None:
        raise ProfileError("student.err.no_participant")
    skills = _text(draft.skills, "skills")
    if not skills:
        raise ProfileError("student.err.no_skills")
    languages = [c.strip().lower() for c in draft.languages if c.strip()]
    if any(len(c) != 2 or not c.isalpha() for c in languages):
        raise ProfileError("student.err.language")
    profile = own_profile(session, participant_id) or _new_profile(session, person)
    profile.skills, profile.interests = skills, _text(draft.interests, "interests")
    profile.languages = ", ".join(dict.fromkeys(languages))
    profile.available_internship = Availability.INTERNSHIP in draft.available_for
    profile.available_thesis = Availability.THESIS in draft.available_for
    profile.available_job = Availability.JOB in draft.available_for
    profile.available_from = draft.available_from
    profile.updated_at = utcnow()
    session.add(profile)
    session.flush()
    sync_search_flags(session, [profile])  # a new profile is searchable when consent stands
    assert profile.id is not None
    source = SourceText(MentionSource.PROFILE, profile.id, profile_text(profile))
    map_and_store(session, profile.project_id, [source], mapper)
    return profile


@dataclass(frozen=True)
class OwnView:
    """What the My profile page shows next to the form."""

    card: PublicProfile  # exactly what an SME's card is built from
    preview: ProfilePreview  # what redaction removed or flagged, and whether it is searchable


def own_view(session: Session, participant_id: int, *, today: date | None = None) -> OwnView | None:
    profile = own_profile(session, participant_id)
    if profile is None:
        return None
    programme = session.get(Programme, profile.programme_id) if profile.programme_id else None
    spearhead = session.get(Spearhead, profile.spearhead_id) if profile.spearhead_id else None
    person = session.get(Participant, participant_id)
    card = to_public(
        profile, programme=programme, spearhead=spearhead, participant=person, today=today
    )
    preview = preview_profile(session, profile.code, today=today)
    assert preview is not None
    return OwnView(card, preview)
