"""ESCO term vectors, embedded once per model and ESCO data version and kept on disk."""

from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from core.competence.esco import EscoVocabulary, load_vocabulary
from core.config import get_settings
from core.search.model.embedder import Embedder, Progress

# Bump when the way terms are embedded changes (prefix, cleaning), so caches are rebuilt.
VECTOR_FORMAT = 1
MANIFEST = "manifest.json"
VECTORS = "terms.npy"


@dataclass(frozen=True)
class VectorManifest:
    """What a cached vector file was built from; any difference means rebuild."""

    model_id: str
    esco_hash: str
    vector_format: int
    terms: int
    dim: int


def cache_folder(model_id: str, esco_hash: str) -> Path:
    """`<model_dir>/esco/<model>-<hash>`: beside the model, because the vectors belong to it."""
    return get_settings().model_dir / "esco" / f"{model_id}-{esco_hash}-v{VECTOR_FORMAT}"


def _expected(embedder: Embedder, vocabulary: EscoVocabulary) -> VectorManifest:
    return VectorManifest(
        model_id=embedder.model_id,
        esco_hash=vocabulary.data_hash,
        vector_format=VECTOR_FORMAT,
        terms=len(vocabulary.terms),
        dim=embedder.dim,
    )


def _read_cached(folder: Path, expected: VectorManifest) -> np.ndarray | None:
    try:
        found = VectorManifest(**json.loads((folder / MANIFEST).read_text()))
        if found != expected:
            return None
        vectors = np.load(folder / VECTORS, allow_pickle=False)
    except (OSError, ValueError, TypeError):
        return None
    if vectors.shape != (expected.terms, expected.dim):
        return None
    return np.ascontiguousarray(vectors, dtype=np.float32)


def _write_cache(folder: Path, manifest: VectorManifest, vectors: np.ndarray) -> None:
    """Write to a temporary sibling and rename, so readers never see half a cache."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = folder.with_name(f".{folder.name}.tmp-{os.getpid()}-{time.time_ns()}")
    work.mkdir()
    np.save(work / VECTORS, vectors, allow_pickle=False)
    (work / MANIFEST).write_text(json.dumps(asdict(manifest), indent=2))
    try:
        work.rename(folder)
    except OSError:  # another process finished first: its cache is as good as ours
        for path in work.iterdir():
            path.unlink()
        work.rmdir()


_lock = threading.Lock()
_loaded: dict[tuple[str, str], np.ndarray] = {}


def term_vectors(
    embedder: Embedder,
    vocabulary: EscoVocabulary | None = None,
    *,
    progress: Progress | None = None,
) -> np.ndarray:
    """One L2-normalised row per `vocabulary.terms`, from memory, disk, or embedded now.

    Terms are embedded as queries, like the phrases they are compared with: both sides are
    short texts, and e5 treats "query: " pairs as symmetric similarity.
    """
    vocabulary = vocabulary or load_vocabulary()
    key = (embedder.model_id, vocabulary.data_hash)
    with _lock:
        if key in _loaded:
            return _loaded[key]
        expected = _expected(embedder, vocabulary)
        folder = cache_folder(*key)
        vectors = _read_cached(folder, expected)
        if vectors is None:
            vectors = _embed_terms(embedder, list(vocabulary.terms), progress)
            if not embedder.model_id.startswith("hashing"):  # the test fake is not worth a file
                _write_cache(folder, expected, vectors)
        vectors.setflags(write=False)
        _loaded[key] = vectors
        return vectors


def _embed_terms(embedder: Embedder, terms: list[str], progress: Progress | None) -> np.ndarray:
    chunk = 512
    parts = []
    for start in range(0, len(terms), chunk):
        parts.append(embedder.embed_queries(terms[start : start + chunk]))
        if progress is not None:
            progress(min(start + chunk, len(terms)), len(terms))
    return np.vstack(parts).astype(np.float32)
