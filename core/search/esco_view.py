"""A Finnish query's nearest ESCO skill, as one more English view of the query (issue 16).

The glossary translates a Finnish query word by word ("pilvipalvelujen valvonta" → "cloud
service monitoring"); the ESCO skill nearest to the query names the need the way English
profiles do ("cloud monitoring and reporting"). The skill is found without embedding
anything new: the query's own vector and its glossary translation's (both computed for the
search anyway) against the ESCO label vectors, as the skill mapper scores a Finnish phrase,
plus the query against the skills' description passages (core.competence.ranking fuses the
same two views). Measured in bench/bench_search_quality.py (figures in the README).
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

_lock = threading.Lock()
_tables: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = {}


def _load() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Term vectors ordered by skill, where each skill's run starts, and passage vectors."""
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
            passages = passage_vectors(embedder, vocabulary)
            _tables[embedder.model_id] = (
                np.ascontiguousarray(terms[order]),
                starts,
                passages,
                order,
            )
        return _tables[embedder.model_id]


def nearest_skill_label(own: np.ndarray, translated: np.ndarray | None) -> str:
    """The English label of the ESCO skill nearest to a query (its vector, and its glossary
    translation's vector when it has one)."""
    terms, starts, passages, _ = _load()
    scores = terms @ own
    if translated is not None:
        scores = np.maximum(
            scores, TRANSLATED_WEIGHT * (terms @ translated) + (1 - TRANSLATED_WEIGHT) * scores
        )
    per_skill = np.maximum.reduceat(scores, starts) + DESCRIPTION_WEIGHT * (passages @ own)
    return load_vocabulary().skills[int(per_skill.argmax())].label
