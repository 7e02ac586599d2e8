"""The in-memory search index: profiles, their deduplicated pieces in FAISS, and BM25.

Rows are dense slots for profiles (so filters and scores are numpy arrays); a piece text
that many profiles share ("Python", "Git, pull requests and issue trackers are part of my
normal routine") is embedded and stored once, with a posting list of the rows that hold it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from core.search.filters import RowFacts
from core.search.lexical import LexicalIndex, tokens
from core.search.model.embedder import Embedder
from core.search.pieces import PieceKind, piece_key, split_pieces
from core.search.records import ProfileRecord
from core.search.vectors import FLAT, PieceVectors

Progress = Callable[[int, int], None]
CHUNK = 500  # profiles embedded and added per step of a bulk update


@dataclass(frozen=True, slots=True)
class IndexedPiece:
    uid: int  # id of the unique piece text (its vector's id in FAISS)
    start: int
    end: int
    kind: PieceKind


@dataclass(slots=True)
class IndexedProfile:
    record: ProfileRecord
    fingerprint: str
    pieces: list[IndexedPiece]


@dataclass
class UpdateStats:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    pieces: int = 0  # pieces of the added/updated profiles
    embedded: int = 0  # of which had a text not seen before (embedded now)

    def __str__(self) -> str:
        return (
            f"{self.added} added, {self.updated} updated, {self.removed} removed, "
            f"{self.unchanged} unchanged; {self.pieces} pieces, {self.embedded} newly embedded"
        )


@dataclass
class _PieceTable:
    uid_of: dict[str, int] = field(default_factory=dict)
    text: dict[int, str] = field(default_factory=dict)
    refs: dict[int, int] = field(default_factory=dict)
    postings: dict[int, set[int]] = field(default_factory=dict)
    next_uid: int = 1


class SearchIndex:
    """Everything a query needs, kept in memory; `core.search.store` saves and loads it."""

    def __init__(self, model_id: str, vectors: PieceVectors) -> None:
        self.model_id = model_id
        self.vectors = vectors
        self._pieces = _PieceTable()
        self._rows: list[IndexedProfile | None] = []
        self._row_of: dict[int, int] = {}
        self._free: list[int] = []
        self._lexical: LexicalIndex | None = None
        self._facts: RowFacts | None = None
        self._posting_arrays: dict[int, np.ndarray] = {}

    # --- reading -------------------------------------------------------------------------

    @property
    def dim(self) -> int:
        return self.vectors.dim

    @property
    def size(self) -> int:
        """Number of profiles."""
        return len(self._row_of)

    @property
    def rows(self) -> int:
        """Number of row slots (profiles plus free slots); score arrays have this length."""
        return len(self._rows)

    def piece_count(self) -> int:
        return sum(len(p.pieces) for p in self._rows if p is not None)

    def unique_piece_count(self) -> int:
        return len(self._pieces.text)

    def profile(self, row: int) -> IndexedProfile | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, profile_id: int) -> int | None:
        return self._row_of.get(profile_id)

    def profiles(self) -> Iterable[IndexedProfile]:
        return (p for p in self._rows if p is not None)

    def ids_for_codes(self, codes: Iterable[str]) -> set[int]:
        wanted = set(codes)
        return {p.record.id for p in self.profiles() if p.record.code in wanted}

    def fingerprints(self) -> dict[int, str]:
        return {p.record.id: p.fingerprint for p in self.profiles()}

    def piece_text(self, uid: int) -> str:
        return self._pieces.text[uid]

    def postings(self, uids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Rows holding each piece in `uids`, concatenated, and how many rows each has."""
        arrays = [self._posting_array(int(uid)) for uid in uids]
        counts = np.fromiter((len(a) for a in arrays), dtype=np.int64, count=len(arrays))
        rows = np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.int64)
        return rows, counts

    def _posting_array(self, uid: int) -> np.ndarray:
        array = self._posting_arrays.get(uid)
        if array is None:
            rows = self._pieces.postings.get(uid, set())
            array = np.fromiter(rows, dtype=np.int64, count=len(rows))
            self._posting_arrays[uid] = array
        return array

    def lexical(self) -> LexicalIndex:
        """BM25 over the rows, rebuilt after changes (bm25s indexes are immutable)."""
        if self._lexical is None or self._lexical.size != len(self._rows):
            docs = [tokens(p.record.text) if p else [] for p in self._rows]
            self._lexical = LexicalIndex(docs)
        return self._lexical

    def facts(self) -> RowFacts:
        """Per-row filter facts as numpy arrays (rebuilt after changes)."""
        if self._facts is None:
            self._facts = RowFacts.build([p.record if p else None for p in self._rows])
        return self._facts

    # --- changing ------------------------------------------------------------------------

    def upsert(
        self,
        records: Sequence[ProfileRecord],
        embedder: Embedder,
        *,
        progress: Progress | None = None,
    ) -> UpdateStats:
        """Add new and changed profiles (unchanged ones are skipped), embedding new pieces."""
        if embedder.model_id != self.model_id:
            raise ValueError(f"index holds {self.model_id} vectors, not {embedder.model_id}")
        stats = UpdateStats()
        changed = []
        for record in records:
            current = self._row_of.get(record.id)
            fingerprint = record.fingerprint()
            row = self._rows[current] if current is not None else None
            if row is not None and row.fingerprint == fingerprint:
                stats.unchanged += 1
            else:
                changed.append((record, fingerprint))
        if progress is not None and changed:
            progress(0, len(changed))  # starts the clock of a progress bar
        for start in range(0, len(changed), CHUNK):
            self._upsert_chunk(changed[start : start + CHUNK], embedder, stats)
            if progress is not None:
                progress(min(start + CHUNK, len(changed)), len(changed))
        if progress is not None and not changed:
            progress(0, 0)
        return stats

    def _upsert_chunk(
        self, chunk: list[tuple[ProfileRecord, str]], embedder: Embedder, stats: UpdateStats
    ) -> None:
        split = [(record, fp, split_pieces(record.text)) for record, fp in chunk]
        new_texts: dict[str, str] = {}
        for _record, _fp, pieces in split:
            for piece in pieces:
                key = piece_key(piece.text)
                if key not in self._pieces.uid_of and key not in new_texts:
                    new_texts[key] = piece.text
        if new_texts:
            vectors = embedder.embed_passages(list(new_texts.values()))
            uids = np.arange(self._pieces.next_uid, self._pieces.next_uid + len(new_texts))
            self._pieces.next_uid += len(new_texts)
            self.vectors.add(uids, vectors)
            for uid, (key, text) in zip(uids.tolist(), new_texts.items(), strict=True):
                self._pieces.uid_of[key] = uid
                self._pieces.text[uid] = text
                self._pieces.refs[uid] = 0
            stats.embedded += len(new_texts)
        gone: list[int] = []
        for record, fingerprint, pieces in split:
            old_row = self._row_of.get(record.id)
            stats.updated += old_row is not None
            stats.added += old_row is None
            stats.pieces += len(pieces)
            indexed = [
                IndexedPiece(self._pieces.uid_of[piece_key(p.text)], p.start, p.end, p.kind)
                for p in pieces
            ]
            # Place the new version before releasing the old one, so pieces both share
            # keep their vectors.
            self._place(IndexedProfile(record, fingerprint, indexed))
            if old_row is not None:
                gone += self._release(old_row)
        self.vectors.remove(np.asarray(gone, dtype=np.int64))
        self._changed()

    def _place(self, profile: IndexedProfile) -> None:
        row = self._free.pop() if self._free else len(self._rows)
        if row == len(self._rows):
            self._rows.append(profile)
        else:
            self._rows[row] = profile
        self._row_of[profile.record.id] = row
        for uid in {piece.uid for piece in profile.pieces}:
            self._pieces.refs[uid] += 1
            self._pieces.postings.setdefault(uid, set()).add(row)
            self._posting_arrays.pop(uid, None)

    def _release(self, row: int) -> list[int]:
        """Empty a row; returns the piece ids no profile holds any more (to leave FAISS)."""
        profile = self._rows[row]
        self._rows[row] = None
        self._free.append(row)
        gone = []
        for uid in {piece.uid for piece in profile.pieces} if profile else ():
            self._pieces.postings[uid].discard(row)
            self._posting_arrays.pop(uid, None)
            self._pieces.refs[uid] -= 1
            if self._pieces.refs[uid] == 0:
                gone.append(uid)
                del self._pieces.uid_of[piece_key(self._pieces.text.pop(uid))]
                del self._pieces.refs[uid], self._pieces.postings[uid]
        return gone

    def remove(self, profile_ids: Iterable[int]) -> int:
        """Remove profiles (consent withdrawn, deleted); returns how many were indexed."""
        rows = [row for pid in set(profile_ids) if (row := self._row_of.pop(pid, None)) is not None]
        gone = [uid for row in rows for uid in self._release(row)]
        self.vectors.remove(np.asarray(gone, dtype=np.int64))
        if rows:
            self._changed()
        return len(rows)

    def _changed(self) -> None:
        self._lexical = None
        self._facts = None

    def convert(self, kind: str, *, nprobe: int = 64) -> None:
        """Move the vectors into an index of another kind (exact ↔ approximate), no embedding."""
        ids = self.vectors.ids()
        vectors = self.vectors.vectors(ids)
        training = vectors if kind != FLAT else None
        target = PieceVectors.create(self.dim, kind, training=training, nprobe=nprobe)
        target.add(ids, vectors)
        self.vectors = target

    # --- persistence helpers (core.search.store) -----------------------------------------

    def piece_table(self) -> dict[int, str]:
        return dict(self._pieces.text)

    def restore(self, texts: dict[int, str], profiles: list[IndexedProfile]) -> None:
        """Fill an empty index from saved state (vectors are already in `self.vectors`)."""
        self._pieces = _PieceTable(
            uid_of={piece_key(t): uid for uid, t in texts.items()},
            text=dict(texts),
            refs=dict.fromkeys(texts, 0),
            next_uid=max(texts, default=0) + 1,
        )
        for profile in profiles:
            self._place(profile)
        self._changed()
