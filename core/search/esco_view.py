"""A Finnish query's nearest ESCO skill, as one more English view of the query (issue 16).

The glossary translates a Finnish query word by word ("pilvipalvelujen valvonta" → "cloud
service monitoring"); the ESCO skill nearest to the query names the need the way English
profiles do ("cloud monitoring and reporting"). Nothing new is embedded: the skill is found
from the query's own vector and its glossary translation's (both computed for the search
anyway) against the ESCO label vectors, as the skill mapper scores a Finnish phrase, plus
the query against the skills' description passages (core.competence.ranking fuses the same
two views); the label's vector is already in the label table. Measured in
bench/bench_search_quality.py (figures in the README).
"""

from __future__ import annotations

import threading

import numpy as np

from core.competence.esco import load_vocabulary
from core.competence.esco_passages import passage_vectors
from core.competence.esco_vectors import term_vectors
from core.search.model.loading import get_embedder

# As in the skill mapper: a Finnish phrase's score is the better of its own and
# 0.75 × its translation's + 0.25 × its own (core.competence.esco_map.TRANSLATED_WEIGHT).
TRANSLATED_WEIGHT = 0.75
DESCRIPTION_WEIGHT = 1.0

Tables = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]
_lock = threading.Lock()
_tables: dict[str, Tables] = {}


def _load() -> Tables:
    """Term vectors ordered by skill, where each skill's run starts, the passage vectors,
    and each skill's preferred-label vector; built once per model."""
    embedder = get_embedder()
    with _lock:
        if embedder.model_id not in _tables:
            vocabulary = load_vocabulary()
            terms = term_vectors(embedder, vocabulary)
            pairs = sorted(
                (skill, term)
                for term, skills in enumerate(vocabulary.term_skills)
                for skill in skills
            )
            order = np.array([t for _, t in pairs], dtype=np.int64)
            skills = np.array([s for s, _ in pairs], dtype=np.int64)
            starts = np.flatnonzero(np.r_[True, skills[1:] != skills[:-1]])
            row = {term.casefold(): k for k, term in enumerate(vocabulary.terms)}
            labels = terms[[row[s.label.casefold()] for s in vocabulary.skills]]
            _tables[embedder.model_id] = (
                np.ascontiguousarray(terms[order]),
                starts,
                passage_vectors(embedder, vocabulary),
                np.ascontiguousarray(labels),
            )
        return _tables[embedder.model_id]


def nearest_skill(own: np.ndarray, translated: np.ndarray | None) -> tuple[str, np.ndarray]:
    """The English label of the ESCO skill nearest to a query (its vector, and its glossary
    translation's vector when it has one), and that label's vector."""
    terms, starts, passages, labels = _load()
    scores = terms @ own
    if translated is not None:
        scores = np.maximum(
            scores, TRANSLATED_WEIGHT * (terms @ translated) + (1 - TRANSLATED_WEIGHT) * scores
        )
    per_skill = np.maximum.reduceat(scores, starts) + DESCRIPTION_WEIGHT * (passages @ own)
    best = int(per_skill.argmax())
    return load_vocabulary().skills[best].label, labels[best]
