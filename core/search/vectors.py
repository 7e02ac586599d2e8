"""The piece vectors in FAISS, addressed by piece id: exact (flat) or approximate (IVF)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import faiss
import numpy as np

# One query is searched at a time: with OpenMP threads, FAISS spun up to 10× slower on the
# shared 2-core machine (124 ms against 9 ms for 30k vectors), and Streamlit already serves
# sessions in parallel threads.
faiss.omp_set_num_threads(1)

FLAT, IVF = "flat", "ivf"
KINDS = (FLAT, IVF)
MIN_TRAINING = 1000  # IVF needs some points per list; below this flat is exact and fast


def ivf_lists(count: int) -> int:
    """A usual IVF size: about 4·√n lists, at least 16, at most n / 39 (FAISS's own floor)."""
    return max(16, min(int(4 * math.sqrt(max(count, 1))), max(count // 39, 16)))


class PieceVectors:
    """L2-normalised rows searched by inner product (cosine), each under a stable int64 id.

    Flat is `IndexIDMap2(IndexFlatIP)`; IVF is `IndexIVFFlat` with a hash direct map, so
    both can add, remove and give back vectors by id without a rebuild.
    """

    def __init__(self, index: Any, kind: str, nprobe: int) -> None:
        self._index = index
        self.kind = kind
        self.nprobe = nprobe
        if kind == IVF:
            index.nprobe = nprobe

    @classmethod
    def create(
        cls, dim: int, kind: str = FLAT, *, training: np.ndarray | None = None, nprobe: int = 64
    ) -> PieceVectors:
        if kind not in KINDS:
            raise ValueError(f"unknown index kind {kind!r}; use one of {', '.join(KINDS)}")
        if kind == FLAT or training is None or len(training) < MIN_TRAINING:
            return cls(faiss.IndexIDMap2(faiss.IndexFlatIP(dim)), FLAT, nprobe)
        quantizer = faiss.IndexFlatIP(dim)
        index = faiss.IndexIVFFlat(
            quantizer, dim, ivf_lists(len(training)), faiss.METRIC_INNER_PRODUCT
        )
        index.train(np.ascontiguousarray(training, dtype=np.float32))
        index.set_direct_map_type(faiss.DirectMap.Hashtable)  # type: ignore[attr-defined]
        return cls(index, IVF, nprobe)

    def set_nprobe(self, nprobe: int) -> None:
        """IVF lists read per query (more: closer to exact, slower); no-op for flat."""
        self.nprobe = nprobe
        if self.kind == IVF:
            self._index.nprobe = nprobe

    @property
    def count(self) -> int:
        return int(self._index.ntotal)

    @property
    def dim(self) -> int:
        return int(self._index.d)

    @property
    def lists(self) -> int:
        return int(self._index.nlist) if self.kind == IVF else 0

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if len(ids):
            rows = np.ascontiguousarray(vectors, dtype=np.float32)
            self._index.add_with_ids(rows, np.ascontiguousarray(ids, dtype=np.int64))

    def remove(self, ids: np.ndarray) -> None:
        if len(ids):
            keys = np.ascontiguousarray(ids, dtype=np.int64)
            # IVF's hash direct map removes only by an explicit array of ids.
            selector = (
                faiss.IDSelectorArray(keys) if self.kind == IVF else faiss.IDSelectorBatch(keys)
            )
            self._index.remove_ids(selector)

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The `k` nearest ids to one query row and their cosines, best first (no -1 ids)."""
        k = min(k, self.count)
        if k <= 0:
            return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
        scores, ids = self._index.search(np.ascontiguousarray(query.reshape(1, -1)), k)
        keep = ids[0] >= 0
        return scores[0][keep], ids[0][keep]

    def vectors(self, ids: np.ndarray) -> np.ndarray:
        """The stored rows for `ids` (for explanations and for conversion between kinds)."""
        if len(ids) == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        keys = np.ascontiguousarray(ids, dtype=np.int64)
        return np.asarray(self._index.reconstruct_batch(keys), dtype=np.float32)

    def ids(self) -> np.ndarray:
        """Every stored id (flat: the id map; IVF: the inverted lists)."""
        if self.kind == FLAT:
            return faiss.vector_to_array(self._index.id_map).astype(np.int64)
        invlists = self._index.invlists
        parts = [
            faiss.rev_swig_ptr(invlists.get_ids(i), invlists.list_size(i)).copy()
            for i in range(invlists.nlist)
            if invlists.list_size(i)
        ]
        return np.concatenate(parts).astype(np.int64) if parts else np.zeros(0, dtype=np.int64)

    def save(self, path: Path) -> None:
        faiss.write_index(self._index, str(path))

    @classmethod
    def load(cls, path: Path, kind: str, nprobe: int) -> PieceVectors:
        return cls(faiss.read_index(str(path)), kind, nprobe)
