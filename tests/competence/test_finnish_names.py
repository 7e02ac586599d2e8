"""Finnish texts name skills in Finnish (issue 16): a scan of the Finnish programme
description and competence map built from stored mentions, and the names file itself."""

from __future__ import annotations

import re

from sqlmodel import Session, select

from core.codes import MentionSource, Role
from core.competence.esco import load_vocabulary
from core.competence.programme_text import programme_description, to_markdown
from core.competence.skill_names import (
    ENGLISH_MARK,
    finnish_names,
    skill_name,
    uris_named,
)
from core.competence.view import build_map, skill_evidence
from core.models import CompetenceProfile, Project, SkillMention
from tests.competence.conftest import MakeParticipant

VOCABULARY = load_vocabulary()
PYTHON = VOCABULARY.by_label("Python (computer programming)")
DEBUG = VOCABULARY.by_label("debug software")
# A real ESCO skill the names file does not cover: shown in English, marked.
UNNAMED = next(s for s in VOCABULARY.skills if s.uri not in finnish_names() and " " in s.label)


def _english_only_labels() -> set[str]:
    """English labels that a Finnish text must not contain unmarked: every skill whose
    Finnish name differs from its English label, and every skill without a Finnish name."""
    names = finnish_names()
    return {s.label for s in VOCABULARY.skills if names.get(s.uri, s.label) != s.label}


def scan_finnish(text: str) -> list[str]:
    """Problems in a Finnish text: English skill labels outside a marked name, and marked
    English names inside a Finnish sentence (a line with Finnish words around them)."""
    problems = []
    for label in _english_only_labels():
        for match in re.finditer(rf"(?<!\w){re.escape(label)}(?!\w)", text):
            after = text[match.end() : match.end() + len(ENGLISH_MARK) + 1]
            if after.strip() != ENGLISH_MARK:
                problems.append(f"unmarked English name: {label!r}")
    for line in text.splitlines():
        if ENGLISH_MARK in line and re.search(r"\byhdessä\b|\bkanssa\b", line):
            problems.append(f"English name inside a Finnish sentence: {line!r}")
    return problems


def test_the_names_file_covers_real_skills_and_is_finnish() -> None:
    names = finnish_names()
    uris = {s.uri for s in VOCABULARY.skills}
    assert len(names) >= 150
    assert set(names) <= uris
    assert names[DEBUG.uri] == "etsiä ja korjata ohjelmistovirheitä"
    assert skill_name(DEBUG.uri, DEBUG.label, "en").text == "debug software"
    foreign = skill_name(UNNAMED.uri, UNNAMED.label, "fi")
    assert foreign.foreign and foreign.shown == f"{UNNAMED.label} {ENGLISH_MARK}"
    assert uris_named(foreign.shown) == {UNNAMED.uri}
    assert uris_named("etsiä ja korjata ohjelmistovirheitä") == {DEBUG.uri}


def _mention(session: Session, project: Project, profile: CompetenceProfile, skill: object) -> None:
    session.add(
        SkillMention(
            project_id=project.id,
            source_kind=MentionSource.PROFILE.value,
            source_id=profile.id,
            uri=skill.uri,  # type: ignore[attr-defined]
            label=skill.label,  # type: ignore[attr-defined]
            confidence=0.9,
            evidence="words",
        )
    )


def test_finnish_programme_description_and_map_use_finnish_names(
    session: Session, project: Project, make_participant: MakeParticipant
) -> None:
    for k in range(6):
        make_participant(f"P-{k}", skills="Python, debugging")
    for profile in session.exec(select(CompetenceProfile)):
        for skill in (PYTHON, DEBUG, UNNAMED):
            _mention(session, project, profile, skill)
    session.commit()

    description = programme_description(session=session, project=project, code="CSE-MSC", lang="fi")
    assert description is not None
    finnish = to_markdown(description)
    assert "**Python (ohjelmointikieli)**: 6 opiskelijaa" in finnish
    assert "etsiä ja korjata ohjelmistovirheitä" in finnish
    assert f"{UNNAMED.label} {ENGLISH_MARK}" in finnish
    assert scan_finnish(finnish) == []
    english = to_markdown(
        programme_description(session=session, project=project, code="CSE-MSC", lang="en")  # type: ignore[arg-type]
    )
    assert "**debug software**" in english and ENGLISH_MARK not in english

    view = build_map(session, project, role=Role.MANAGER, by="programme", lang="fi")
    shown = "\n".join(str(label) for label in view.values.index)
    assert "etsiä ja korjata ohjelmistovirheitä" in shown
    assert scan_finnish(shown) == []
    # The evidence behind a Finnish row is found by its Finnish (or marked) name.
    found = skill_evidence(
        session, project, role=Role.MANAGER, label=f"{UNNAMED.label} {ENGLISH_MARK}"
    )
    assert len(found) == 6


def test_the_scan_catches_mixed_texts() -> None:
    assert scan_finnish("Opiskelijat osaavat debug software hyvin.") != []
    assert scan_finnish(f"- {UNNAMED.label} {ENGLISH_MARK}: 5 opiskelijaa") == []
    assert scan_finnish(f"A yhdessä osaamisen {UNNAMED.label} {ENGLISH_MARK} kanssa") != []
