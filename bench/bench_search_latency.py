"""Search speed: index build and bulk embedding, warm query latency end to end, FAISS at 1M.

    .venv/bin/python bench/bench_search_latency.py --quick   # ~3 min: build 1k, queries 1k/10k
    .venv/bin/python bench/bench_search_latency.py           # build 10k, queries 1k/10k/100k, 1M
    .venv/bin/python bench/bench_search_latency.py --build 2000   # the same with a smaller build

build: synthetic demo-style profiles (bench/search_synthetic.py) embedded with the real model
through `SearchIndex.upsert` (split, dedupe, embed, FAISS), timed, with peak RSS.
latency: a SQLite database with N consenting profiles and a saved index whose piece vectors
come from a pool of real vectors (PoolEmbedder, so 100k profiles need no hour of embedding);
each query runs `search_profiles` end to end: query embedding (cache off), FAISS, BM25,
fusion, filters, the consent query and the explanations. Median and p95 over all runs.
vectors: FAISS alone at 1M vectors (pool vectors plus noise): exact and IVF, with IVF's
recall@10 against exact. The machine is shared: the load average is printed with each part.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from core.search.vectors import PieceVectors

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from search_synthetic import PoolEmbedder, synthetic_records  # noqa: E402

QUERIES = [
    "embedded Linux device drivers", "sulautettu ohjelmointi mikrokontrollereille",
    "React front end with TypeScript", "VHDL", "Kubernetes", "Zephyr RTOS",
    "machine learning for images", "koneoppiminen ja data-analytiikka", "PCB design with KiCad",
    "5G radio signal processing", "backend APIs in Python", "tietoturva ja penetraatiotestaus",
    "mobile apps for Android", "data warehouse and ETL", "cloud DevOps with Terraform",
    "user research and usability", "IoT sensors and LoRaWAN", "C++ robotics with ROS 2",
    "verkkosovellusten käyttöliittymät", "SQL databases",
]  # fmt: skip


def load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentiles(ms: list[float]) -> str:
    ordered = sorted(ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * len(ordered)) - 1)]
    return f"p50 {statistics.median(ordered):6.1f} ms  p95 {p95:6.1f} ms  (n={len(ordered)})"


def bench_build(count: int) -> np.ndarray:
    """Real embedding of `count` profiles; returns real piece vectors as the pool."""
    from core.search.index import SearchIndex
    from core.search.model.loading import get_embedder
    from core.search.vectors import PieceVectors

    embedder = get_embedder()
    records = synthetic_records(count, seed=11)
    index = SearchIndex(embedder.model_id, PieceVectors.create(embedder.dim))
    started = time.perf_counter()
    stats = index.upsert(records, embedder)
    seconds = time.perf_counter() - started
    print(
        f"build {count} profiles: {seconds:.1f} s = {count / seconds:.0f} profiles/s "
        f"({stats.embedded / seconds:.0f} unique pieces/s); {stats.pieces / count:.1f} "
        f"pieces/profile, {stats.embedded / stats.pieces:.0%} unique; peak RSS "
        f"{peak_mb():.0f} MB; {load()}",
        flush=True,
    )
    return index.vectors.vectors(index.vectors.ids())


def _database(folder: Path, count: int) -> list[int]:
    """A migrated SQLite database with the Oulu project and `count` consenting profiles,
    each with its student and search consent record."""
    from sqlalchemy import insert
    from sqlmodel import select

    from core.config import get_settings
    from core.db import get_engine, reset_engines, session_scope
    from core.models import CompetenceProfile, Consent, Participant, Programme, TargetGroup
    from core.project.loading import DEFAULT_PROJECT_FILE, load_project_file
    from core.schema import upgrade_database

    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.db'}"
    os.environ["SILTA_INDEX_DIR"] = str(folder / "index")
    get_settings.cache_clear()
    reset_engines()
    upgrade_database()
    project = load_project_file(DEFAULT_PROJECT_FILE)
    with session_scope() as session:
        programmes = {p.code: (p.id, p.spearhead_id) for p in session.exec(select(Programme))}
        group = session.exec(select(TargetGroup.id)).first()
    records = list(synthetic_records(count, seed=5))
    # Search shows a profile only with its student's search consent on record.
    people = [
        {"id": n, "project_id": project.id, "code": f"P-{n:07d}", "target_group_id": group,
         "entry_status": "in_education", "gender": "woman", "age_band": "18-29",
         "isced": "5-8", "entry_date": date(2025, 9, 1)}
        for n in range(1, len(records) + 1)
    ]  # fmt: skip
    consents = [
        {"participant_id": n, "purpose": "search", "basis": "consent", "granted": True,
         "granted_on": date(2025, 9, 1), "source": "form", "recorded_by": "bench"}
        for n in range(1, len(records) + 1)
    ]  # fmt: skip
    rows = [
        {
            "project_id": project.id, "participant_id": n, "code": r.code,
            "programme_id": programmes[r.programme][0],
            "spearhead_id": programmes[r.programme][1], "study_year": r.study_year,
            "skills": r.skills, "interests": r.interests, "languages": ",".join(r.languages),
            "available_internship": "internship" in r.available_for,
            "available_thesis": "thesis" in r.available_for,
            "available_job": "job" in r.available_for, "available_from": r.available_from,
            "consent_search": True,
        }
        for n, r in enumerate(records, start=1)
    ]  # fmt: skip
    with get_engine().begin() as connection:
        for model, batch in ((Participant, people), (Consent, consents), (CompetenceProfile, rows)):
            for start in range(0, len(batch), 5000):
                connection.execute(insert(model), batch[start : start + 5000])
    with session_scope() as session:
        return [i for i in session.exec(select(CompetenceProfile.id)) if i is not None]


def bench_queries(count: int, pool: np.ndarray, repeats: int) -> None:
    from core.db import session_scope
    from core.meta import data_version
    from core.search import service
    from core.search.index import SearchIndex
    from core.search.live import database_label, forget_loaded_indexes, wanted_kind
    from core.search.model.loading import get_embedder
    from core.search.records import searchable_records
    from core.search.store import save_index
    from core.search.vectors import PieceVectors

    with tempfile.TemporaryDirectory() as temp:
        started = time.perf_counter()
        _database(Path(temp), count)
        embedder = get_embedder()
        index = SearchIndex(embedder.model_id, PieceVectors.create(embedder.dim))
        with session_scope() as session:
            version = data_version(session)
            records = list(searchable_records(session))
        index.upsert(records, PoolEmbedder(embedder.model_id, pool))
        if wanted_kind(index.size) != index.vectors.kind:
            index.convert(wanted_kind(index.size))
        from core.config import get_settings

        settings = get_settings()
        save_index(index, settings.index_dir, data_version=version,
                   database=database_label(settings.database_url))  # fmt: skip
        prepared = time.perf_counter() - started
        forget_loaded_indexes()
        service.search_profiles("warm up")
        times = []
        for _ in range(repeats):
            for query in QUERIES:
                service._vectors.clear()  # the query is embedded every time
                t0 = time.perf_counter()
                service.search_profiles(query)
                times.append((time.perf_counter() - t0) * 1000)
        print(
            f"query {count:>7} profiles ({index.unique_piece_count()} unique pieces, "
            f"{index.vectors.kind}): {percentiles(times)}; set-up {prepared:.0f} s; {load()}",
            flush=True,
        )


def bench_vectors(total: int, pool: np.ndarray, queries: np.ndarray) -> None:
    from core.search.vectors import FLAT, IVF, PieceVectors

    rng = np.random.default_rng(3)
    vectors = pool[rng.integers(0, len(pool), total)] + rng.normal(0, 0.03, (total, pool.shape[1]))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    ids = np.arange(1, total + 1)
    flat = PieceVectors.create(pool.shape[1], FLAT)
    flat.add(ids, vectors)
    started = time.perf_counter()
    ivf = PieceVectors.create(
        pool.shape[1], IVF, training=vectors[rng.permutation(total)[:100_000]]
    )
    ivf.add(ids, vectors)
    print(f"IVF ({ivf.lists} lists) trained and filled in {time.perf_counter() - started:.0f} s")
    exact = [set(flat.search(query, 10)[1].tolist()) for query in queries]
    print(f"vectors flat {total}: k=256 {_timed(flat, queries)}; {load()}", flush=True)
    for nprobe in (16, 32, 64, 128):
        ivf.set_nprobe(nprobe)
        found = [set(ivf.search(query, 10)[1].tolist()) for query in queries]
        recall = statistics.mean(len(e & f) / 10 for e, f in zip(exact, found, strict=True))
        print(
            f"vectors ivf  {total} nprobe {nprobe:3d}: k=256 {_timed(ivf, queries)}; "
            f"recall@10 vs exact {recall:.3f}; {load()}",
            flush=True,
        )


def _timed(index: PieceVectors, queries: np.ndarray) -> str:
    times = []
    for query in queries:
        started = time.perf_counter()
        index.search(query, 256)
        times.append((time.perf_counter() - started) * 1000)
    return percentiles(times)


def main() -> None:
    from core.wiring import wire_sessions

    wire_sessions()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, a few minutes")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--build", type=int, help="profiles to embed in the build part")
    parser.add_argument(
        "--sizes", type=int, nargs="*", help="profile counts for the query part (none: skip)"
    )
    args = parser.parse_args()
    os.environ.setdefault("SILTA_MODEL_DIR", str(ROOT / "data" / "models"))
    print(f"cores {os.cpu_count()}; {load()} at start", flush=True)
    pool = bench_build(args.build or (1000 if args.quick else 10_000))
    sizes = args.sizes if args.sizes is not None else [1000, 10_000]
    if args.sizes is None and not args.quick:
        sizes.append(100_000)
    for count in sizes:
        bench_queries(count, pool, args.repeats)
    if not args.quick:
        from core.search.model.loading import get_embedder

        queries = get_embedder().embed_queries(QUERIES * 5)
        bench_vectors(1_000_000, pool, queries)


if __name__ == "__main__":
    main()
