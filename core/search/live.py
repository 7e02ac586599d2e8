"""The index a process serves: loaded once, checked against model and database, kept fresh.

`ensure_index()` is the only way to get an index for a query. It loads the saved index
and serves it only if it was built with the current model (else rebuilds) and from the
current data (else brings it up to date: profiles whose fingerprint changed are re-split
and only new piece texts embedded). Committed profile changes reach the loaded index at
once through `core.io.imports.hooks.on_profiles_changed`; withdrawn search consent even before its
commit, through `core.access.consent.on_search_consent_changed`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlmodel import Session

from core.access.consent import on_search_consent_changed
from core.config import get_settings
from core.db import session_scope
from core.i18n import Labelled
from core.io.imports.hooks import on_profiles_changed
from core.meta import data_version
from core.search.index import SearchIndex, UpdateStats
from core.search.model.embedder import Embedder
from core.search.model.loading import get_embedder
from core.search.records import searchable_records
from core.search.store import IndexManifest, load_index, save_index
from core.search.vectors import FLAT, IVF, PieceVectors

Progress = Callable[[str, int, int], None]  # (step, done, total)
LISTENER_EMBED_LIMIT = 200  # larger changes are embedded by the next search or reindex
log = logging.getLogger(__name__)


class IndexState(Labelled, key_prefix="search.status"):
    READY = "ready"
    MISSING = "missing"  # never built here
    MODEL_CHANGED = "model_changed"  # built with another model or dimension: full rebuild
    STALE = "stale"  # data changed since: incremental update
    OTHER_DATABASE = "other_database"  # built from another database: update from this one


@dataclass(frozen=True)
class IndexStatus:
    state: IndexState
    manifest: IndexManifest | None
    database_version: int

    def describe(self) -> str:
        m = self.manifest
        if m is None:
            return "No search index has been built yet."
        facts = f"{m.profiles} profiles, {m.pieces} pieces ({m.unique_pieces} unique), {m.kind}"
        return {
            IndexState.READY: f"Search index is up to date: {facts}, model {m.model_id}.",
            IndexState.MISSING: "No search index has been built yet.",
            IndexState.MODEL_CHANGED: f"Search index was built with {m.model_id} ({m.dim} "
            "dimensions), not the current model: it must be rebuilt.",
            IndexState.STALE: f"Search index is behind the database (data version "
            f"{m.data_version} < {self.database_version}): it will be updated.",
            IndexState.OTHER_DATABASE: "Search index was built from another database: it "
            "will be updated from this one.",
        }[self.state]


@dataclass
class _Live:
    folder: Path
    database: str
    index: SearchIndex | None = None
    manifest: IndexManifest | None = None
    synced_version: int = -1
    dirty: bool = False  # changed in memory but not yet synced with the database
    lock: threading.RLock = field(default_factory=threading.RLock)


_live: dict[tuple[str, Path], _Live] = {}
_registry_lock = threading.Lock()


def database_label(url: str) -> str:
    """The database URL without its password (stored in the manifest)."""
    return make_url(url).render_as_string(hide_password=True)


def _current() -> _Live:
    settings = get_settings()
    key = (settings.database_url, settings.index_dir)
    with _registry_lock:
        if key not in _live:
            _live[key] = _Live(settings.index_dir, database_label(settings.database_url))
        return _live[key]


def loaded_index() -> SearchIndex | None:
    """The index this process holds for the current database, as it is (no checks)."""
    return _current().index


def forget_loaded_indexes() -> None:
    """Drop indexes held in memory (tests switch databases and folders)."""
    with _registry_lock:
        _live.clear()


def index_status(session: Session, embedder: Embedder | None = None) -> IndexStatus:
    """How the saved (or loaded) index compares with the model and the database."""
    live = _current()
    manifest = live.manifest or IndexManifest.read(live.folder)
    version = data_version(session)
    if manifest is None:
        return IndexStatus(IndexState.MISSING, None, version)
    embedder = embedder or get_embedder()
    if manifest.model_id != embedder.model_id or manifest.dim != embedder.dim:
        return IndexStatus(IndexState.MODEL_CHANGED, manifest, version)
    if manifest.database != live.database:
        return IndexStatus(IndexState.OTHER_DATABASE, manifest, version)
    current = live.synced_version if live.index is not None else manifest.data_version
    if current != version or live.dirty:
        return IndexStatus(IndexState.STALE, manifest, version)
    return IndexStatus(IndexState.READY, manifest, version)


def wanted_kind(profiles: int) -> str:
    settings = get_settings()
    if settings.index_kind in (FLAT, IVF):
        return settings.index_kind
    return IVF if profiles > settings.index_exact_limit else FLAT


def _sync(live: _Live, embedder: Embedder, progress: Progress | None, full: bool) -> UpdateStats:
    """Bring `live.index` in line with the database (a new empty index when `full`)."""
    settings = get_settings()
    with session_scope() as session:
        version = data_version(session)
        records = list(searchable_records(session))
    if full or live.index is None:
        live.index = SearchIndex(embedder.model_id, PieceVectors.create(embedder.dim))
    index = live.index
    wanted = {r.id for r in records}
    stats = UpdateStats(removed=index.remove(set(index.fingerprints()) - wanted))

    def report(done: int, total: int) -> None:
        if progress is not None:
            progress("embedding", done, total)

    update = index.upsert(records, embedder, progress=report)
    for name in ("added", "updated", "unchanged", "pieces", "embedded"):
        setattr(stats, name, getattr(update, name))
    kind = wanted_kind(index.size)
    if kind != index.vectors.kind:
        if progress is not None:
            progress("converting", 0, 1)
        index.convert(kind, nprobe=settings.index_nprobe)
    built_at = None if full or live.manifest is None else live.manifest.built_at
    live.manifest = save_index(
        index, live.folder, data_version=version, database=live.database, built_at=built_at
    )
    live.synced_version, live.dirty = version, False
    return stats


def ensure_index(progress: Progress | None = None) -> SearchIndex:
    """The current index, loaded, rebuilt or updated as needed before it is served."""
    live = _current()
    embedder = get_embedder()
    with live.lock:
        if live.index is None:
            _load(live, embedder)
        with session_scope() as session:
            status = index_status(session, embedder)
        if status.state is not IndexState.READY:
            started = time.perf_counter()
            stats = _sync(live, embedder, progress, full=status.state is IndexState.MODEL_CHANGED)
            log.info(
                "search index %s → synced in %.1f s: %s",
                status.state,
                time.perf_counter() - started,
                stats,
            )
        assert live.index is not None
        return live.index


def _load(live: _Live, embedder: Embedder) -> None:
    manifest = IndexManifest.read(live.folder)
    if manifest is None or manifest.model_id != embedder.model_id or manifest.dim != embedder.dim:
        return
    try:
        live.index = load_index(live.folder, manifest)
    except (OSError, ValueError, KeyError) as error:
        log.warning("search index in %s is unreadable (%s); rebuilding", live.folder, error)
        return
    live.manifest = manifest
    live.synced_version = manifest.data_version if manifest.database == live.database else -1


def reindex(progress: Progress | None = None) -> tuple[IndexManifest, UpdateStats]:
    """Build the index again from scratch (every piece embedded again)."""
    live = _current()
    embedder = get_embedder()
    with live.lock:
        stats = _sync(live, embedder, progress, full=True)
        assert live.manifest is not None
        return live.manifest, stats


def refresh_index(progress: Progress | None = None) -> UpdateStats:
    """Check every profile against the index and update what differs, whatever the data
    version says: after a restore the version can repeat with other data. Unchanged
    profiles are not embedded again (a full rebuild is `reindex`)."""
    live = _current()
    embedder = get_embedder()
    with live.lock:
        if live.index is None:
            _load(live, embedder)
        return _sync(live, embedder, progress, full=False)


def drop_from_index(profile_ids: set[int]) -> None:
    """Take profiles out of the loaded index now (consent withdrawn, found at query time)."""
    live = _current()
    with live.lock:
        if live.index is not None and live.index.remove(profile_ids):
            live.dirty = True


@on_profiles_changed
def _profiles_changed(profile_ids: frozenset[int]) -> None:
    """After a commit: withdrawn or deleted profiles leave at once; small edits are embedded
    now, large imports by the next search (which sees the data version move)."""
    live = _current()
    with live.lock:
        if live.index is None:
            return  # nothing loaded in this process; the saved index is checked on load
        with session_scope() as session:
            records = list(searchable_records(session, profile_ids))
        gone = set(profile_ids) - {r.id for r in records}
        live.index.remove(gone)
        if len(records) <= LISTENER_EMBED_LIMIT:
            live.index.upsert(records, get_embedder())
        live.dirty = True  # the next search re-checks the database version anyway


@on_search_consent_changed
def _consent_changed(codes: frozenset[str], searchable: bool) -> None:
    """A withdrawal reaches the index before the commit, as the consent module promises
    (removing early is harmless: results are checked against the database anyway)."""
    if searchable:
        return  # grants arrive through the profile hook once committed
    live = _current()
    with live.lock:
        if live.index is not None and live.index.remove(live.index.ids_for_codes(codes)):
            live.dirty = True
