"""Ranked ESCO candidates per text, each with a calibrated confidence and a claim flag.

The mapper's cosines say which skills are nearest, not how likely each is right: a short
Finnish label's right skill may sit at cosine 0.86 while filler reaches 0.88. So every text
gets its best candidates ranked (nothing is thrown away), and a logistic (Platt) model
fitted on the tuning half of the hand-labelled sample turns each candidate's features into
a probability of being right. A candidate is *claimed* when that probability reaches
a threshold per input length (`CLAIM_BUCKETS`), the lowest value whose claims kept precision
>= 0.88 on the dev texts of that length (bench/bench_map_skills.py --fit fits both and writes
core/competence/calibration.json).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import numpy as np

from core.competence.esco_map import MappedSkill, SkillMapper, normalised
from core.competence.esco_passages import passage_vectors
from core.competence.phrases import Phrase, candidate_phrases
from core.search.model.embedder import Progress

DEFAULT_TOP = 5
# How many of a text's best skills are scored and kept at most (the CLI's --top ceiling).
MAX_TOP = 50
CALIBRATION_FILE = "calibration.json"
FEATURES = ("fused", "score", "description", "margin", "lead", "first", "verbatim", "short")
# Candidates are ranked by label score + DESCRIPTION_WEIGHT × the whole text's cosine to the
# skill's description passage (core.competence.esco_passages): on the dev sets 1.0 gave the
# best P@1 of 0, 0.5 and 1.0 (0.5 was better on Finnish texts, worse on labels and English).
DESCRIPTION_WEIGHT = 1.0


@dataclass(frozen=True)
class Candidate:
    """One candidate skill of one text: the raw cosine, the calibrated probability that the
    skill is right, whether that clears the claim threshold, and the phrase that shows it."""

    uri: str
    label: str
    score: float
    confidence: float
    claimed: bool
    evidence: str
    start: int
    end: int


# Claim thresholds are fitted per input length (issue 16, round 2): on the dev candidates a
# probability of 0.65 kept precision 0.89 for texts of 4-8 words but only 0.77 for 9-15 words
# (long sentences have more near-miss skills), so one threshold over-claimed on sentences.
# Buckets by the text's word count: up to 3, up to 8, longer.
CLAIM_BUCKETS = (3, 8)
CALIBRATION_BUCKET_MAX = 100_000  # the last bucket's "max words": every longer text


@dataclass(frozen=True)
class Calibration:
    """Logistic weights over FEATURES (+ bias) and the claim threshold on the probability:
    `claim_at`, or per length bucket `claim_by_words` ((max words, threshold), ...; the last
    bucket takes every longer text)."""

    weights: tuple[float, ...]
    bias: float
    claim_at: float
    fitted_on: str = ""
    claim_by_words: tuple[tuple[int, float], ...] = ()

    def threshold(self, words: int) -> float:
        """The claim threshold for a text of `words` words."""
        for most, claim_at in self.claim_by_words:
            if words <= most:
                return claim_at
        return self.claim_by_words[-1][1] if self.claim_by_words else self.claim_at

    def probability(self, features: np.ndarray) -> np.ndarray:
        z = features @ np.asarray(self.weights, dtype=np.float64) + self.bias
        result: np.ndarray = 1.0 / (1.0 + np.exp(-z))
        return result


# Before any fit (and for the hashing test model): the raw score alone, claimed from 0.9.
UNFITTED = Calibration(weights=(0.0, 40.0, 0, 0, 0, 0, 0, 0), bias=-36.0, claim_at=0.5)


@cache
def load_calibration() -> Calibration:
    """The fitted calibration shipped beside this module (UNFITTED when absent)."""
    resource = files("core.competence").joinpath(CALIBRATION_FILE)
    if not resource.is_file():
        return UNFITTED
    raw = json.loads(resource.read_text(encoding="utf-8"))
    return Calibration(
        weights=tuple(float(w) for w in raw["weights"]),
        bias=float(raw["bias"]),
        claim_at=float(raw["claim_at"]),
        fitted_on=str(raw.get("fitted_on", "")),
        claim_by_words=tuple((int(n), float(t)) for n, t in raw.get("claim_by_words", ())),
    )


@dataclass(frozen=True)
class RawCandidates:
    """Per text: candidate skill indices best first, their features, and evidence phrases."""

    skills: np.ndarray  # (k,) skill indices
    features: np.ndarray  # (k, len(FEATURES))
    phrases: list[Phrase]


def _phrases(text: str) -> list[Phrase]:
    found = candidate_phrases(text)
    if found or not text.strip():
        return found
    # All filler by the phrase rules ("Tools"): the whole text is still worth ranking.
    start = len(text) - len(text.lstrip())
    return [Phrase(text.strip(), start, start + len(text.strip()))]


def _description_scores(mapper: SkillMapper, texts: Sequence[str]) -> np.ndarray:
    """texts × skills: each whole text (as an e5 query) against the skills' descriptions."""
    passages = passage_vectors(mapper.embedder, mapper.vocabulary)
    queries = [" ".join(t.split()) or "-" for t in texts]
    unique = list(dict.fromkeys(queries))
    rows = {t: k for k, t in enumerate(unique)}
    vectors = mapper.embedder.embed_queries(unique) if unique else np.zeros((0, passages.shape[1]))
    scores: np.ndarray = (vectors @ passages.T)[[rows[t] for t in queries]]
    return scores


def raw_candidates(
    mapper: SkillMapper, texts: Sequence[str], top: int, progress: Progress | None = None
) -> list[RawCandidates]:
    """The `top` best skills of each text by their best phrase's score, with the features
    the calibration reads."""
    per_text = [_phrases(text) for text in texts]
    unique: dict[str, int] = {}
    for phrases in per_text:
        for phrase in phrases:
            unique.setdefault(normalised(phrase.text), len(unique))
    scores = mapper.skill_scores(list(unique), progress) if unique else np.zeros((0, 0))
    described = _description_scores(mapper, texts)
    lexical = mapper.settings.lexical_score
    distinct_of = mapper.settings.distinct_of
    found = []
    for phrases, whole in zip(per_text, described, strict=True):
        if not phrases:
            found.append(RawCandidates(np.zeros(0, np.int64), np.zeros((0, len(FEATURES))), []))
            continue
        rows = scores[[unique[normalised(p.text)] for p in phrases]]
        # Every feature is read in the phrase where the skill scores best. Margin: how far it
        # stands out from that phrase's few nearest (filler is about equally near many
        # skills); lead: over the phrase's runner-up when it is the phrase's top skill, else
        # how far behind the top it is.
        ordered = np.sort(rows, axis=1)
        nearest = ordered[:, -distinct_of:].mean(axis=1)
        first, second = ordered[:, -1], ordered[:, -2]
        best_phrase = rows.argmax(axis=0)
        columns = np.arange(rows.shape[1])
        best = rows[best_phrase, columns]
        fused = best + DESCRIPTION_WEIGHT * whole
        order = np.argsort(-fused, kind="stable")[: min(top, MAX_TOP)]
        where = best_phrase[order]
        chosen = best[order]
        is_top = chosen >= first[where]
        lead = np.where(is_top, chosen - second[where], chosen - first[where])
        short = np.array([len(phrases[i].text.split()) <= 3 for i in where], dtype=np.float64)
        features = np.column_stack(
            [
                fused[order],
                chosen,
                whole[order],
                chosen - nearest[where],
                lead,
                is_top.astype(np.float64),
                (chosen >= lexical).astype(np.float64),
                short,
            ]
        ).astype(np.float64)
        found.append(RawCandidates(order, features, [phrases[i] for i in best_phrase[order]]))
    return found


def rank_texts(
    mapper: SkillMapper,
    texts: Sequence[str],
    top: int = DEFAULT_TOP,
    progress: Progress | None = None,
    calibration: Calibration | None = None,
) -> list[list[Candidate]]:
    """Per text, its `top` candidate skills, best score first (a long text's claims may rank
    below its `DEFAULT_TOP`: `claimed_skills` scans `MAX_TOP`)."""
    calibration = calibration or (
        UNFITTED if mapper.embedder.model_id.startswith("hashing") else load_calibration()
    )
    raw = raw_candidates(mapper, texts, top, progress)
    out = []
    for text, entry in zip(texts, raw, strict=True):
        probabilities = calibration.probability(entry.features)
        claim_at = calibration.threshold(len(text.split()))
        candidates = []
        for rank, skill in enumerate(entry.skills):
            p = float(probabilities[rank])
            claimed = p >= claim_at
            skill_entry = mapper.vocabulary.skills[int(skill)]
            phrase = entry.phrases[rank]
            candidates.append(
                Candidate(
                    skill_entry.uri,
                    skill_entry.label,
                    round(float(entry.features[rank, 1]), 4),
                    round(p, 4),
                    claimed,
                    phrase.text,
                    phrase.start,
                    phrase.end,
                )
            )
        out.append(candidates)
    return out


def claimed(candidates: Sequence[Candidate]) -> list[MappedSkill]:
    """The claimed candidates as the skills the app stores for a text, surest first."""
    return [
        MappedSkill(c.uri, c.label, c.confidence, c.evidence, c.start, c.end)
        for c in sorted((c for c in candidates if c.claimed), key=lambda c: -c.confidence)
    ]


def claimed_skills(
    mapper: SkillMapper, texts: Sequence[str], progress: Progress | None = None
) -> list[list[MappedSkill]]:
    """Per text, only the claimed candidates: what profiles, reports and needs store."""
    return [claimed(c) for c in rank_texts(mapper, texts, MAX_TOP, progress)]
