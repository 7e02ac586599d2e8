"""ESCO term vectors are embedded once and cached with a manifest that forces a rebuild."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from core.competence import esco_vectors
from core.competence.esco import load_vocabulary
from core.search.model.embedder import HashingEmbedder


class CountingEmbedder(HashingEmbedder):
    """A fake that is cached like a real model and counts what it embeds."""

    def __init__(self) -> None:
        super().__init__(dim=16)
        self.model_id = "counting-test-model"
        self.embedded = 0

    def _embed(self, texts: list[str], batch_size: int, progress: object) -> np.ndarray:
        self.embedded += len(texts)
        return super()._embed(texts, batch_size, None)


def test_vectors_are_cached_and_rebuilt_when_esco_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(esco_vectors, "cache_folder", lambda m, h: tmp_path / f"{m}-{h}")
    monkeypatch.setattr(esco_vectors, "_loaded", {})
    vocabulary = load_vocabulary()
    first = CountingEmbedder()
    vectors = esco_vectors.term_vectors(first, vocabulary)
    assert vectors.shape == (len(vocabulary.terms), 16)
    assert first.embedded == len(vocabulary.terms)
    manifest = json.loads(
        (tmp_path / f"counting-test-model-{vocabulary.data_hash}" / "manifest.json").read_text()
    )
    assert manifest["esco_hash"] == vocabulary.data_hash

    monkeypatch.setattr(esco_vectors, "_loaded", {})  # a new process: read from disk
    second = CountingEmbedder()
    assert np.array_equal(esco_vectors.term_vectors(second, vocabulary), vectors)
    assert second.embedded == 0

    folder = tmp_path / f"counting-test-model-{vocabulary.data_hash}"
    manifest["esco_hash"] = "something-else"
    (folder / "manifest.json").write_text(json.dumps(manifest))
    monkeypatch.setattr(esco_vectors, "_loaded", {})
    third = CountingEmbedder()
    assert esco_vectors._read_cached(folder, esco_vectors._expected(third, vocabulary)) is None
    rebuilt = tmp_path / "rebuilt"
    monkeypatch.setattr(esco_vectors, "cache_folder", lambda m, h: rebuilt)
    esco_vectors.term_vectors(third, vocabulary)
    assert third.embedded == len(vocabulary.terms)  # a stale manifest means embed again
    assert (rebuilt / "manifest.json").exists()
