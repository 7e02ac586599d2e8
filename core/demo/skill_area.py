"""One area of ICT competence, in the words students use for it in English and in Finnish."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SkillArea:
    """A skill area: phrases for skill lists, project clauses, interests and job titles.

    `phrases` and `phrases_fi` appear verbatim in the profile texts, so search tests can
    count on them. `projects` are English clauses in the past tense that follow "I"
    ("built a …"); `projects_fi` are Finnish clauses that start with a first-person verb
    ("toteutin …"). Interests are noun phrases (Finnish ones in the nominative).
    """

    code: str
    spearhead: str
    label: str
    label_fi: str
    phrases: tuple[str, ...]
    phrases_fi: tuple[str, ...]
    projects: tuple[str, ...]
    projects_fi: tuple[str, ...]
    interests: tuple[str, ...]
    interests_fi: tuple[str, ...]
    roles: tuple[str, ...]
