"""ESCO skills as e5 passages ("label. description"), embedded once and kept on disk.

The term vectors (core.competence.esco_vectors) compare short phrases with labels, query to
query. A sentence that describes a need in other words ("Find and fix the bugs that crash
our program") is nearer a skill's description than any of its labels, and e5 was trained for
exactly that asymmetric pair: "query: " text against "passage: " description (issue 16).
"""

from __future__ import annotations

import threading

import numpy as np

from core.competence.esco import EscoVocabulary, load_vocabulary
from core.competence.esco_vectors import VectorManifest, _read_cached, _write_cache, cache_folder
from core.search.model.embedder import Embedder, Progress

PASSAGE_FORMAT = 1
_lock = threading.Lock()
_loaded: dict[tuple[str, str], np.ndarray] = {}


def passage_text(label: str, description: str) -> str:
    return f"{label}. {description}" if description else label


def passage_vectors(
    embedder: Embedder, vocabulary: EscoVocabulary | None = None, progress: Progress | None = None
) -> np.ndarray:
    """One L2-normalised row per `vocabulary.skills`, from memory, disk, or embedded now."""
    vocabulary = vocabulary or load_vocabulary()
    key = (embedder.model_id, vocabulary.data_hash)
    with _lock:
        if key in _loaded:
            return _loaded[key]
        folder = cache_folder(*key).with_name(
            cache_folder(*key).name + f"-passages{PASSAGE_FORMAT}"
        )
        expected = VectorManifest(
            model_id=embedder.model_id,
            esco_hash=vocabulary.data_hash,
            vector_format=PASSAGE_FORMAT,
            terms=len(vocabulary.skills),
            dim=embedder.dim,
        )
        vectors = _read_cached(folder, expected)
        if vectors is None:
            texts = [passage_text(s.label, s.description) for s in vocabulary.skills]
            vectors = embedder.embed_passages(texts, progress=progress).astype(np.float32)
            if not embedder.model_id.startswith("hashing"):
                _write_cache(folder, expected, vectors)
        vectors.setflags(write=False)
        _loaded[key] = vectors
        return vectors
