"""The map-skills benchmark sets (issue 16): which texts are dev (fitted on) and which test.

- dev: the tuning half of the hand-labelled sample (tests/competence/data, split by text
  hash), the Finnish label/alternative-label queries of FINNISH_DEV, and (round 2) the
  natural English sentences and Finnish descriptions of bench/map_dev_sets.py, written for
  other skills than the test sets';
- test: the held-out half of the labelled sample, the natural English sentences (NATURAL),
  the Finnish label/alternative-label queries of FINNISH (written before the Finnish label
  file and by its own rules), and the Finnish descriptions of bench/fi_descriptions.py.
Only skills of the ICT vocabulary map-skills knows are kept (the search benchmark's
queries also ask for non-ICT skills).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from esco_queries import FINNISH, FINNISH_DEV, NATURAL  # noqa: E402
from fi_descriptions import FI_DESCRIPTIONS  # noqa: E402
from map_dev_sets import FI_DESCRIPTIONS_DEV, NATURAL_DEV  # noqa: E402

from core.competence.esco import load_vocabulary  # noqa: E402
from core.competence.quality import LabelledText, load_labelled  # noqa: E402

DATA = ROOT / "tests" / "competence" / "data"
# FINNISH and FINNISH_DEV list 15 label and 15 alternative-label queries before the natural ones.
LABEL_QUERIES = 30


@dataclass(frozen=True)
class Item:
    text: str
    acceptable: frozenset[str]  # URIs counted right at rank 1 / when claimed
    required: tuple[frozenset[str], ...]


def _by_label() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for skill in load_vocabulary().skills:
        found.setdefault(skill.label.casefold(), set()).add(skill.uri)
    return {k: frozenset(v) for k, v in found.items()}


def _alt_to_label(text: str) -> str:
    """A FINNISH/FINNISH_DEV source is an English label, or an alternative label."""
    folded = text.casefold()
    for skill in load_vocabulary().skills:
        if skill.label.casefold() == folded:
            return skill.label
    for skill in load_vocabulary().skills:
        if folded in (a.casefold() for a in skill.alt_labels):
            return skill.label
    return text


def _pairs(pairs: list[tuple[str, str]], english_is_label: bool = True) -> list[Item]:
    by_label = _by_label()
    items = []
    for english, text in pairs:
        label = english if english_is_label else _alt_to_label(english)
        uris = by_label.get(label.casefold())
        if uris:
            items.append(Item(text, uris, (uris,)))
    return items


def _labelled(split: str, lang: str | None = None) -> list[Item]:
    items: list[LabelledText] = load_labelled(DATA / "esco_labelled_en.yaml", "en")
    items += load_labelled(DATA / "esco_labelled_fi.yaml", "fi")
    return [
        Item(i.text, i.acceptable, i.required)
        for i in items
        if i.split == split and lang in (None, i.lang)
    ]


def dev_sets() -> dict[str, list[Item]]:
    return {
        "labelled-tune-en": _labelled("tune", "en"),
        "labelled-tune-fi": _labelled("tune", "fi"),
        "fi-labels-dev": _pairs(FINNISH_DEV[:LABEL_QUERIES], english_is_label=False),
        "natural-en-dev": _pairs(NATURAL_DEV),
        "fi-descriptions-dev": _pairs(FI_DESCRIPTIONS_DEV),
    }


def test_sets() -> dict[str, list[Item]]:
    return {
        "labelled-heldout-en": _labelled("heldout", "en"),
        "labelled-heldout-fi": _labelled("heldout", "fi"),
        "natural-en": _pairs(NATURAL),
        "fi-labels-test": _pairs(FINNISH[:LABEL_QUERIES], english_is_label=False),
        "fi-descriptions": _pairs(FI_DESCRIPTIONS),
    }
