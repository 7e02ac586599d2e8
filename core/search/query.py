"""A query as the ranker reads it: one vector and BM25 terms, a Finnish query's English added.

    prepared = prepare_query("sulautettu ohjelmointi", embed, params)
    rank(index, prepared.vector, prepared.terms, mask, params)

A query that reads as Finnish (`core.search.finnish`) is embedded twice, as typed and in
glossary English, in one batch; the two vectors are mixed (`RankingParams.english_weight`)
so FAISS still runs once, and BM25 looks for the words of both.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from core.search.finnish import translate
from core.search.lexical import MAX_QUERY_TOKENS, query_tokens
from core.search.ranking import RankingParams

Embed = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class PreparedQuery:
    text: str
    english: str | None  # the glossary English of a Finnish query, else None
    vector: np.ndarray
    terms: list[str]


def mix_vectors(original: np.ndarray, english: np.ndarray | None, weight: float) -> np.ndarray:
    """The unit vector between the query's own and its English one (`weight` = English share)."""
    if english is None or weight <= 0:
        return original
    mixed = (1 - weight) * original + weight * english
    norm = float(np.linalg.norm(mixed))
    return (mixed / norm).astype(np.float32) if norm > 0 else original


def query_terms(text: str, english: str | None) -> list[str]:
    """BM25 terms: the query's own words, then its English ones."""
    terms = query_tokens(text)
    if english:
        terms = list(dict.fromkeys(terms + query_tokens(english)))[: 2 * MAX_QUERY_TOKENS]
    return terms


def english_view(
    english: str, own: np.ndarray, translated: np.ndarray, params: RankingParams
) -> tuple[str, np.ndarray]:
    """A Finnish query's English words and vector: its glossary translation and (issue 16)
    its nearest ESCO skill's label, which names the need the way English profiles do. The
    vector is the translation's plus the label's (no second model pass)."""
    if not params.esco_view:
        return english, translated
    from core.search.esco_view import nearest_skill

    label, label_vector = nearest_skill(own, translated)
    mixed = translated + label_vector
    return f"{english} {label}", (mixed / np.linalg.norm(mixed)).astype(np.float32)


def prepare_query(text: str, embed: Embed, params: RankingParams) -> PreparedQuery:
    """The query's vector and terms; `embed` turns query texts into unit rows."""
    english = translate(text) if params.english_weight > 0 else None
    vectors = embed([text] if english is None else [text, english])
    english_vector = vectors[1] if english else None
    if english is not None:
        english, english_vector = english_view(english, vectors[0], vectors[1], params)
    vector = mix_vectors(vectors[0], english_vector, params.english_weight)
    return PreparedQuery(text, english, vector, query_terms(text, english))
