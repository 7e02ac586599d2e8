"""The in-memory index with the test-only hashing embedder: add, update, remove, dedupe, kinds."""

from __future__ import annotations

import numpy as np
import pytest

from core.search.filters import SearchFilters
from core.search.index import SearchIndex
from core.search.lexical import query_tokens
from core.search.model.embedder import HashingEmbedder
from core.search.ranking import RankingParams, rank
from core.search.records import ProfileRecord
from core.search.vectors import FLAT, IVF, PieceVectors

EMBEDDER = HashingEmbedder()


def record(pid: int, skills: str, **facts: object) -> ProfileRecord:
    return ProfileRecord(id=pid, code=f"P{pid}", skills=skills, **facts)  # type: ignore[arg-type]


def new_index() -> SearchIndex:
    return SearchIndex(EMBEDDER.model_id, PieceVectors.create(EMBEDDER.dim))


def top_codes(index: SearchIndex, query: str, filters: SearchFilters | None = None) -> list[str]:
    vector = EMBEDDER.embed_queries([query])[0]
    mask = index.facts().mask(filters or SearchFilters())
    ranking = rank(index, vector, query_tokens(query), mask, RankingParams())
    return [index.profile(int(r)).record.code for r in ranking.rows]  # type: ignore[union-attr]


def test_shared_pieces_are_embedded_once() -> None:
    index = new_index()
    stats = index.upsert(
        [record(1, "Skills: Python, Docker."), record(2, "Skills: Python, Rust.")], EMBEDDER
    )
    assert stats.added == 2
    assert index.unique_piece_count() < index.piece_count()
    assert stats.embedded == index.unique_piece_count()
    again = index.upsert([record(3, "Skills: Python, Docker.")], EMBEDDER)
    assert again.embedded == 0  # every piece text was already there


def test_unchanged_profiles_are_skipped_and_changed_ones_replaced() -> None:
    index = new_index()
    index.upsert([record(1, "Skills: VHDL, FPGA.")], EMBEDDER)
    assert index.upsert([record(1, "Skills: VHDL, FPGA.")], EMBEDDER).unchanged == 1
    stats = index.upsert([record(1, "Skills: Kubernetes, Terraform.")], EMBEDDER)
    assert stats.updated == 1
    assert top_codes(index, "Kubernetes")[:1] == ["P1"]
    assert not any("VHDL" in text for text in index.piece_table().values())  # old text gone
    assert index.lexical().scores(["vhdl"]).max() == 0


def test_removing_a_profile_drops_pieces_nobody_else_holds() -> None:
    index = new_index()
    index.upsert([record(1, "Skills: VHDL, Zephyr."), record(2, "Skills: VHDL, React.")], EMBEDDER)
    before = index.vectors.count
    assert index.remove([1, 99]) == 1
    assert index.size == 1
    assert index.vectors.count < before
    assert index.vectors.count == index.unique_piece_count()
    assert top_codes(index, "Zephyr") in ([], ["P2"])


def test_rows_are_reused_and_scores_stay_aligned() -> None:
    index = new_index()
    index.upsert([record(i, f"Skills: tool{i}, shared.") for i in range(1, 6)], EMBEDDER)
    index.remove([2, 4])
    index.upsert([record(7, "Skills: Zephyr RTOS.")], EMBEDDER)
    assert index.rows == 5
    assert top_codes(index, "Zephyr RTOS")[0] == "P7"


def test_filters_narrow_the_rows() -> None:
    index = new_index()
    index.upsert(
        [
            record(1, "Python", programme="CSE-MSC", study_year=1, languages=("en",)),
            record(2, "Python", programme="ECE-MSC", study_year=2, languages=("en", "fi")),
        ],
        EMBEDDER,
    )
    assert top_codes(index, "Python", SearchFilters(programmes=frozenset({"ECE-MSC"}))) == ["P2"]
    assert top_codes(index, "Python", SearchFilters(languages=frozenset({"fi", "en"}))) == ["P2"]
    assert top_codes(index, "Python", SearchFilters(study_years=frozenset({1}))) == ["P1"]


def test_conversion_between_exact_and_approximate_keeps_every_vector() -> None:
    rng = np.random.default_rng(1)
    vectors = rng.normal(size=(1200, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    flat = PieceVectors.create(16, FLAT)
    flat.add(np.arange(1, 1201), vectors)
    ivf = PieceVectors.create(16, IVF, training=vectors, nprobe=64)
    assert ivf.kind == IVF
    ivf.add(np.arange(1, 1201), vectors)
    _s, ids = ivf.search(vectors[10], 1)
    assert ids[0] == 11
    ivf.remove(np.array([11]))
    assert ivf.count == 1199
    assert np.allclose(ivf.vectors(np.array([12]))[0], vectors[11])


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown index kind"):
        PieceVectors.create(8, "hnsw")
