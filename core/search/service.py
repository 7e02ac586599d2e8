"""Competence search as the app and the CLI call it: clean the query, rank, check consent, explain.

    page = search_profiles("embedded Linux device drivers", filters=SearchFilters(), page=0)
    for hit in page.hits: hit.code, hit.score, hit.explanation

Results never include a profile whose search consent is not recorded in the database at
the moment of the query, whatever the index still holds.
"""

from __future__ import annotations

import re
import threading
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from core.db import session_scope
from core.errors import DomainError
from core.search.explain import Explanation, explain, typed_words
from core.search.filters import SearchFilters
from core.search.index import SearchIndex
from core.search.live import Progress, drop_from_index, ensure_index
from core.search.model.loading import get_embedder
from core.search.query import prepare_query
from core.search.ranking import RankingParams, rank
from core.search.records import ProfileRecord, consenting_ids

MAX_QUERY_CHARS = 500  # about 100 words; e5 reads at most 512 tokens anyway
MAX_PER_PAGE = 50
_QUERY_CACHE = 256


class SearchInputError(DomainError, ValueError):
    """A query that cannot be searched; `key` names the UI text that explains why."""


@dataclass(frozen=True)
class SearchHit:
    profile_id: int
    code: str
    score: float  # the fused score (0.7 × scaled dense + 0.3 × scaled BM25), not a percentage
    relative: float  # score / the best hit's score, for a bar
    dense: float | None  # the profile's piece-based cosine score
    lexical: float  # BM25 (0 when no query word occurs)
    record: ProfileRecord
    explanation: Explanation


@dataclass(frozen=True)
class SearchPage:
    query: str  # the query as searched (cleaned, perhaps shortened)
    shortened: bool
    total: int
    page: int
    per_page: int
    hits: list[SearchHit]
    took_ms: float

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def clean_query(text: str) -> tuple[str, bool]:
    """The query without control characters and extra white space, at most 500 characters.

    Raises SearchInputError for an empty query or one without any letter or digit.
    """
    chars = (" " if unicodedata.category(ch).startswith("C") else ch for ch in str(text))
    cleaned = re.sub(r"\s+", " ", "".join(chars)).strip()
    if not cleaned:
        raise SearchInputError("search.err.empty")
    if not any(ch.isalnum() for ch in cleaned):
        raise SearchInputError("search.err.no_words")
    if len(cleaned) <= MAX_QUERY_CHARS:
        return cleaned, False
    cut = cleaned[:MAX_QUERY_CHARS]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut), True


_vectors: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
_vectors_lock = threading.Lock()


def query_vectors(queries: Sequence[str]) -> np.ndarray:
    """The queries' embeddings (one batch for the new ones), remembered for the last 256
    texts (paging re-uses them)."""
    embedder = get_embedder()
    found: dict[str, np.ndarray] = {}
    with _vectors_lock:
        for query in queries:
            if (embedder.model_id, query) in _vectors:
                _vectors.move_to_end((embedder.model_id, query))
                found[query] = _vectors[(embedder.model_id, query)]
    missing = [q for q in dict.fromkeys(queries) if q not in found]
    if missing:
        found.update(zip(missing, embedder.embed_queries(missing), strict=True))
        with _vectors_lock:
            for query in missing:
                _vectors[(embedder.model_id, query)] = found[query]
            while len(_vectors) > _QUERY_CACHE:
                _vectors.popitem(last=False)
    return np.stack([found[q] for q in queries])


def query_vector(query: str) -> np.ndarray:
    """The query's own embedding (cached like `query_vectors`)."""
    vector: np.ndarray = query_vectors([query])[0]
    return vector


def _hits(
    index: SearchIndex, rows: np.ndarray, scores: np.ndarray, ranking_dense: np.ndarray,
    ranking_lexical: np.ndarray, vector: np.ndarray, typed: list[str], top: float,
) -> list[SearchHit]:  # fmt: skip
    hits = []
    for row, score, dense, lexical in zip(
        rows, scores, ranking_dense, ranking_lexical, strict=True
    ):
        profile = index.profile(int(row))
        if profile is None:
            continue
        hits.append(
            SearchHit(
                profile_id=profile.record.id,
                code=profile.record.code,
                score=float(score),
                relative=float(score) / top if top > 0 else 0.0,
                dense=None if np.isnan(dense) else float(dense),
                lexical=float(lexical),
                record=profile.record,
                explanation=explain(index, int(row), vector, typed),
            )
        )
    return hits


def search_profiles(
    query: str,
    *,
    filters: SearchFilters | None = None,
    page: int = 0,
    per_page: int = 10,
    params: RankingParams | None = None,
    progress: Progress | None = None,
) -> SearchPage:
    """One page of ranked, consenting profiles with their explanations."""
    started = time.perf_counter()
    cleaned, shortened = clean_query(query)
    per_page = min(max(per_page, 1), MAX_PER_PAGE)
    page = max(page, 0)
    params = params or RankingParams()
    index = ensure_index(progress)
    prepared = prepare_query(cleaned, query_vectors, params)
    vector, terms = prepared.vector, prepared.terms
    mask = index.facts().mask(filters or SearchFilters())
    ranking = rank(index, vector, terms, mask, params, wanted=(page + 1) * per_page)
    end = (page + 1) * per_page
    keep = _consenting(index, ranking.rows, end + per_page)
    rows, scores = ranking.rows[keep], ranking.scores[keep]
    dense, lexical = ranking.dense[keep], ranking.lexical[keep]
    top = float(scores[0]) if len(scores) else 0.0
    window = slice(page * per_page, end)
    hits = _hits(
        index, rows[window], scores[window], dense[window], lexical[window], vector,
        typed_words(cleaned), top,
    )  # fmt: skip
    took = (time.perf_counter() - started) * 1000
    return SearchPage(cleaned, shortened, len(rows), page, per_page, hits, took)


def _id(index: SearchIndex, row: np.integer) -> int:
    profile = index.profile(int(row))
    return profile.record.id if profile else -1


def _consenting(index: SearchIndex, rows: np.ndarray, upto: int) -> np.ndarray:
    """Positions of `rows` to keep: the first `upto` are checked against the database's
    consent now (one indexed query); withdrawn ones also leave the index at once."""
    ids = np.array([_id(index, r) for r in rows[:upto]], dtype=np.int64)
    with session_scope() as session:
        allowed = consenting_ids(session, ids.tolist())
    withdrawn = set(ids.tolist()) - allowed - {-1}
    if withdrawn:
        drop_from_index(withdrawn)
    ok = np.isin(ids, np.fromiter(allowed, dtype=np.int64, count=len(allowed)))
    return np.concatenate([np.flatnonzero(ok), np.arange(len(ids), len(rows))])
