"""Saving and loading the search index under `index_dir`, with a manifest that says what it is.

Files of one save share a stamp (`vectors-<stamp>.faiss`, `profiles-<stamp>.json`);
`manifest.json` is written last by rename, so a reader sees the old index or the new one,
never half of each. Files of older saves are removed after the manifest moves on.
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core.search.index import IndexedPiece, IndexedProfile, SearchIndex
from core.search.pieces import PieceKind
from core.search.records import ProfileRecord
from core.search.vectors import PieceVectors

MANIFEST = "manifest.json"
FORMAT = 1


@dataclass(frozen=True)
class IndexManifest:
    """What an index on disk holds; compared with the model and database before it is served."""

    format: int
    model_id: str
    dim: int
    kind: str  # flat (exact) or ivf (approximate)
    nprobe: int
    profiles: int
    pieces: int
    unique_pieces: int
    data_version: int
    database: str  # which database it was built from (no password)
    built_at: str
    updated_at: str
    vectors_file: str
    profiles_file: str

    @classmethod
    def read(cls, folder: Path) -> IndexManifest | None:
        try:
            data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            return cls(**data) if data.get("format") == FORMAT else None
        except (OSError, ValueError, TypeError):
            return None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _write_atomic(path: Path, text: str) -> None:
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _profile_json(profile: IndexedProfile) -> dict[str, Any]:
    return {
        "record": profile.record.to_json(),
        "fingerprint": profile.fingerprint,
        "pieces": [[p.uid, p.start, p.end, p.kind.value] for p in profile.pieces],
    }


def _profile_from(data: dict[str, Any]) -> IndexedProfile:
    pieces = [
        IndexedPiece(uid, start, end, PieceKind(kind)) for uid, start, end, kind in data["pieces"]
    ]
    return IndexedProfile(ProfileRecord.from_json(data["record"]), data["fingerprint"], pieces)


def save_index(
    index: SearchIndex,
    folder: Path,
    *,
    data_version: int,
    database: str,
    built_at: str | None = None,
) -> IndexManifest:
    """Write the index and then its manifest; returns the manifest written."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)
    vectors_file, profiles_file = f"vectors-{stamp}.faiss", f"profiles-{stamp}.json"
    index.vectors.save(folder / vectors_file)
    state = {
        "pieces": {str(uid): text for uid, text in index.piece_table().items()},
        "profiles": [_profile_json(p) for p in index.profiles()],
    }
    _write_atomic(folder / profiles_file, json.dumps(state, ensure_ascii=False))
    manifest = IndexManifest(
        format=FORMAT,
        model_id=index.model_id,
        dim=index.dim,
        kind=index.vectors.kind,
        nprobe=index.vectors.nprobe,
        profiles=index.size,
        pieces=index.piece_count(),
        unique_pieces=index.unique_piece_count(),
        data_version=data_version,
        database=database,
        built_at=built_at or _now(),
        updated_at=_now(),
        vectors_file=vectors_file,
        profiles_file=profiles_file,
    )
    _write_atomic(folder / MANIFEST, json.dumps(asdict(manifest), indent=2))
    _remove_old_files(folder, keep={vectors_file, profiles_file})
    return manifest


def _remove_old_files(folder: Path, keep: set[str]) -> None:
    for path in [*folder.glob("vectors-*.faiss"), *folder.glob("profiles-*.json")]:
        if path.name not in keep:
            path.unlink(missing_ok=True)


def load_index(folder: Path, manifest: IndexManifest) -> SearchIndex:
    """The index the manifest names (raises OSError/ValueError when its files are broken)."""
    vectors = PieceVectors.load(folder / manifest.vectors_file, manifest.kind, manifest.nprobe)
    state = json.loads((folder / manifest.profiles_file).read_text(encoding="utf-8"))
    index = SearchIndex(manifest.model_id, vectors)
    texts = {int(uid): text for uid, text in state["pieces"].items()}
    index.restore(texts, [_profile_from(p) for p in state["profiles"]])
    return index
