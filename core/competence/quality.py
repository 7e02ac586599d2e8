"""Measure ESCO mapping against hand-labelled texts: precision, recall, threshold curve."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from core.competence.esco import EscoVocabulary, load_vocabulary

Prediction = Sequence[tuple[str, float]]  # (ESCO URI, confidence), any order


@dataclass(frozen=True)
class LabelledText:
    """A text with the skills a correct mapping must find and those it may also report."""

    text: str
    lang: str
    kind: str
    required: tuple[frozenset[str], ...]  # each group: any one of these URIs
    acceptable: frozenset[str]  # every URI that is not a false positive (includes required)

    @property
    def split(self) -> str:
        """ "tune" or "heldout", fixed by the text itself so adding items moves none."""
        return "tune" if hashlib.sha256(self.text.encode()).digest()[0] % 2 == 0 else "heldout"


def _uris(vocabulary: EscoVocabulary, label: str) -> frozenset[str]:
    uris = frozenset(s.uri for s in vocabulary.skills if s.label == label)
    if not uris:
        raise ValueError(f"{label!r} is not an ESCO skill label")
    return uris


def load_labelled(
    path: Path, lang: str, vocabulary: EscoVocabulary | None = None
) -> list[LabelledText]:
    """Read one YAML file of `{kind, text, skills, also}` items (see tests/competence/data)."""
    vocabulary = vocabulary or load_vocabulary()
    items = []
    for raw in yaml.safe_load(path.read_text(encoding="utf-8")):
        groups = []
        for entry in raw.get("skills") or []:
            labels = entry if isinstance(entry, list) else [entry]
            groups.append(frozenset().union(*(_uris(vocabulary, label) for label in labels)))
        also = [_uris(vocabulary, label) for label in raw.get("also") or []]
        acceptable = frozenset().union(*groups, *also)
        items.append(LabelledText(raw["text"], lang, raw["kind"], tuple(groups), acceptable))
    return items


@dataclass(frozen=True)
class Score:
    """Counts behind precision and recall, so every figure can be checked by hand."""

    threshold: float
    predicted: int  # skills reported
    correct: int  # of those, in `skills` or `also`
    groups: int  # required skill groups
    found: int  # of those, found

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.groups if self.groups else 1.0

    @property
    def f1(self) -> float:
        return self.f_beta(1.0)

    def f_beta(self, beta: float) -> float:
        """F-measure; beta 0.5 weighs precision twice as much as recall."""
        p, r = self.precision, self.recall
        return (1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0


def score(
    items: Sequence[LabelledText], predictions: Sequence[Prediction], threshold: float
) -> Score:
    predicted = correct = groups = found = 0
    for item, prediction in zip(items, predictions, strict=True):
        reported = {uri for uri, confidence in prediction if confidence >= threshold}
        predicted += len(reported)
        correct += len(reported & item.acceptable)
        groups += len(item.required)
        found += sum(1 for group in item.required if group & reported)
    return Score(threshold, predicted, correct, groups, found)


def curve(
    items: Sequence[LabelledText], predictions: Sequence[Prediction], thresholds: Iterable[float]
) -> list[Score]:
    return [score(items, predictions, t) for t in thresholds]


# A wrongly claimed competence costs more than a missed one (descriptions go to companies).
BETA = 0.5


def best_threshold(scores: Sequence[Score], beta: float = BETA) -> Score:
    """The threshold with the best F-beta (ties: the higher threshold, the more precise one)."""
    return max(scores, key=lambda s: (round(s.f_beta(beta), 6), s.threshold))
