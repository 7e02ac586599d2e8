"""One embedder interface for competence search, and the hashing fake for plumbing tests."""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence

import numpy as np

Progress = Callable[[int, int], None]
BACKENDS = ("onnx", "sentence-transformers", "hashing")


def normalise_rows(vectors: np.ndarray) -> np.ndarray:
    """L2-normalise each row in float32; an all-zero row stays zero instead of NaN."""
    rows = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    normalised: np.ndarray = rows / np.maximum(norms, 1e-12)
    return normalised


class Embedder(ABC):
    """Turns texts into L2-normalised float32 rows; one row per text, in input order.

    e5 was trained with "query: " / "passage: " prefixes, so the prefixes are added
    here and callers pass the plain text.
    """

    model_id: str
    dim: int
    query_prefix = "query: "
    passage_prefix = "passage: "

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed search queries (short; no progress reporting)."""
        return self._embed_prefixed(texts, self.query_prefix, batch_size=32, progress=None)

    def embed_passages(
        self,
        texts: Sequence[str],
        *,
        batch_size: int = 32,
        progress: Progress | None = None,
    ) -> np.ndarray:
        """Embed profile texts; `progress(done, total)` is called as batches finish."""
        return self._embed_prefixed(texts, self.passage_prefix, batch_size, progress)

    def _embed_prefixed(
        self,
        texts: Sequence[str],
        prefix: str,
        batch_size: int,
        progress: Progress | None,
    ) -> np.ndarray:
        if isinstance(texts, str):  # a lone string would be embedded character by character
            raise TypeError("pass a sequence of texts, not a single string")
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if len(texts) == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        # Trailing white space would add a lone "▁" token; strip it for stable vectors.
        prefixed = [prefix + str(text).strip() for text in texts]
        return self._embed(prefixed, batch_size, progress)

    @abstractmethod
    def _embed(self, texts: list[str], batch_size: int, progress: Progress | None) -> np.ndarray:
        """Embed already-prefixed texts."""


class HashingEmbedder(Embedder):
    """TEST ONLY: hashed character trigrams, deterministic and instant, no model.

    Similar strings get similar vectors, which is enough for plumbing tests (index,
    ranking, pages); it knows nothing about meaning or about Finnish vs English.
    """

    query_prefix = ""
    passage_prefix = ""

    def __init__(self, dim: int = 384) -> None:
        self.model_id = f"hashing-trigram-{dim}"
        self.dim = dim

    def _embed(self, texts: list[str], batch_size: int, progress: Progress | None) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            padded = f"  {text.lower()} "
            for i in range(len(padded) - 2):
                # blake2b, not hash(): Python salts str hashes per process.
                digest = hashlib.blake2b(padded[i : i + 3].encode(), digest_size=8).digest()
                value = int.from_bytes(digest, "little")
                out[row, value % self.dim] += 1.0 if value >> 63 else -1.0
            if progress is not None:
                progress(row + 1, len(texts))
        return normalise_rows(out)
