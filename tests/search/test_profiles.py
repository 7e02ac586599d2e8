"""What SME-facing code gets of a profile: `PublicProfile`, consenting and anonymised."""

from __future__ import annotations

import dataclasses

import pytest
from sqlmodel import Session

from core.codes import Availability
from core.models import Participant, Project
from core.privacy.redact import REMOVED
from core.search.profiles import (
    PublicProfile,
    is_searchable,
    public_profiles,
    searchable_profiles,
    to_public,
)
from tests.people import participant, profile

PERSONAL = {"first_name", "last_name", "email", "student_number", "birth_year", "participant_id"}


def test_public_profile_has_only_the_anonymised_fields() -> None:
    names = {f.name for f in dataclasses.fields(PublicProfile)}
    assert names == {
        "code",
        "programme",
        "spearhead",
        "study_year",
        "skills",
        "interests",
        "languages",
        "available_for",
        "available_from",
        "text_language",
    }
    assert not names & PERSONAL
    assert not names & set(Participant.model_fields) - {"code"}


def test_nothing_can_be_attached_to_a_public_profile(session: Session, project: Project) -> None:
    owner = participant(session, project)
    profile(session, project, owner)
    (card,) = public_profiles(session, ["K7Q2MX"])
    with pytest.raises((AttributeError, TypeError)):
        card.email = "aino@example.fi"  # type: ignore[attr-defined]
    with pytest.raises(dataclasses.FrozenInstanceError):
        card.skills = "changed"  # type: ignore[misc]
    assert not hasattr(card, "__dict__")


def test_profiles_are_redacted_against_their_own_student(
    session: Session, project: Project
) -> None:
    owner = participant(session, project)
    profile(
        session,
        project,
        owner,
        skills="I am Aino Virtanen (aino.virtanen@student.oulu.fi, 040 123 4567). Python, C++.",
        interests="Virtasen gradu: github.com/ainov. Student number 2512345.",
    )
    (card,) = public_profiles(session, ["K7Q2MX"])
    for secret in ("Aino", "Virtanen", "Virtasen", "oulu.fi", "040", "github", "2512345"):
        assert secret not in card.skills + card.interests
    assert "Python, C++." in card.skills and REMOVED in card.skills
    assert card.available_for == (Availability.INTERNSHIP,)
    assert card.languages == ("en", "fi")
    assert card.programme is not None and card.programme.text("fi")


def test_only_consenting_profiles_in_the_asked_order(session: Session, project: Project) -> None:
    for i, consent in enumerate([True, False, True]):
        owner = participant(session, project, code=f"P-{i}")
        profile(session, project, owner, code=f"CODE{i}", consent_search=consent)
    assert [p.code for p in public_profiles(session, ["CODE2", "CODE1", "CODE0", "NOPE"])] == [
        "CODE2",
        "CODE0",
    ]
    assert [p.code for p in searchable_profiles(session, project_id=project.id, batch=1)] == [
        "CODE0",
        "CODE2",
    ]
    assert is_searchable(session, "CODE0") and not is_searchable(session, "CODE1")
    assert not is_searchable(session, "NOPE")


def test_a_profile_without_a_student_is_still_scrubbed(session: Session, project: Project) -> None:
    row = profile(session, project, None, skills="Mail me: x@y.fi, +358 40 1234567")
    card = to_public(row)
    assert "@" not in card.skills and "358" not in card.skills
    # No student, so no consent record: never searchable, whatever its flag says.
    assert row.consent_search and public_profiles(session, ["K7Q2MX"]) == []


def test_the_preview_shows_the_author_what_companies_would_see(
    session: Session, project: Project
) -> None:
    from core.search.profiles import preview_profile

    owner = participant(session, project)
    profile(session, project, owner, consent_search=False,
            skills="AinoVirtanen on GitHub, aino.virtanen.dev; Rust.")  # fmt: skip
    preview = preview_profile(session, "K7Q2MX")
    assert preview is not None and not preview.searchable  # the author sees it before consenting
    assert preview.skills.redacted == "[…] on GitHub, […]; Rust."
    assert [f.excerpt for f in preview.skills.removed] == ["AinoVirtanen", "aino.virtanen.dev"]
    assert preview_profile(session, "NOPE") is None
