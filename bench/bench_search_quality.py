"""Retrieval quality on the ESCO benchmark: nDCG@10, recall@10, MRR per query kind and ranker.

    .venv/bin/python bench/bench_search_quality.py           # the table for the README
    .venv/bin/python bench/bench_search_quality.py --tune    # grid over the ranker's knobs

Rankers: BM25 (bm25s, whole profiles, query words as typed), one vector per whole profile,
dense pieces (the profile scored by its best pieces), and the hybrids (pieces fused with
BM25 by reciprocal rank or by normalised scores; "no translation" is the shipped one
without the glossary English of Finnish queries, core/search/query.py). Tuning uses only
the dev half (even-numbered label, alt and natural queries) and the separate Finnish dev
set; the held-out half and the Finnish set are never tuned on.
recall@10 = share of the profiles that list the skill found in the top 10, out of at most
10; MRR = 1 / rank of the first profile that lists it; nDCG@10 with gains 3 (lists the
skill) and 1 (its occupation needs it, the profile does not list it).
"""

from __future__ import annotations

import argparse
import itertools
import math
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from esco_data import Benchmark, BenchQuery, build_benchmark  # noqa: E402

from core.search.finnish import translate  # noqa: E402
from core.search.index import SearchIndex  # noqa: E402
from core.search.model.embedder import Embedder  # noqa: E402
from core.search.model.loading import get_embedder  # noqa: E402
from core.search.query import english_view, mix_vectors, query_terms  # noqa: E402
from core.search.ranking import RankingParams, rank  # noqa: E402
from core.search.records import ProfileRecord  # noqa: E402
from core.search.vectors import PieceVectors  # noqa: E402

KINDS = ("label", "alt", "natural", "finnish")


class CachedEmbedder(Embedder):
    """Remembers vectors in a file between runs (for tuning loops; not for timed figures)."""

    def __init__(self, inner: Embedder, path: Path) -> None:
        self.inner, self.path = inner, path
        self.model_id, self.dim = inner.model_id, inner.dim
        self.query_prefix, self.passage_prefix = inner.query_prefix, inner.passage_prefix
        self.cache: dict[str, np.ndarray] = {}
        if path.exists():
            data = np.load(path, allow_pickle=False)
            self.cache = dict(zip(data["texts"].tolist(), data["vectors"], strict=True))

    def _embed(self, texts: list[str], batch_size: int, progress: object) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if missing:
            vectors = self.inner._embed(missing, batch_size, None)
            self.cache.update(zip(missing, vectors, strict=True))
            texts_all = list(self.cache)
            np.savez(
                self.path, texts=np.array(texts_all), vectors=np.stack(list(self.cache.values()))
            )
        return np.stack([self.cache[t] for t in texts])


SHIPPED = RankingParams()


def ndcg10(ranked: list[int], grades: dict[int, int]) -> float:
    gain = sum(
        (2 ** grades.get(pid, 0) - 1) / math.log2(i + 2) for i, pid in enumerate(ranked[:10])
    )
    ideal = sorted(grades.values(), reverse=True)[:10]
    best = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return gain / best if best else 0.0


def recall10(ranked: list[int], grades: dict[int, int]) -> float:
    relevant = {pid for pid, g in grades.items() if g == 2}
    return len(relevant & set(ranked[:10])) / min(10, len(relevant)) if relevant else 0.0


def mrr(ranked: list[int], grades: dict[int, int]) -> float:
    return next((1 / (i + 1) for i, pid in enumerate(ranked) if grades.get(pid) == 2), 0.0)


class Evaluation:
    """The benchmark's index and query vectors, built once; rankers are then cheap to try."""

    def __init__(self, bench: Benchmark, embedder: Embedder) -> None:
        self.bench = bench
        self.index = SearchIndex(embedder.model_id, PieceVectors.create(embedder.dim))
        records = [ProfileRecord(id=p.id, code=p.code, skills=p.text) for p in bench.profiles]
        started = time.perf_counter()
        self.stats = self.index.upsert(records, embedder)
        self.build_seconds = time.perf_counter() - started
        texts = [q.text for q in bench.queries]
        self.query_vectors = embedder.embed_queries(texts)
        # Finnish queries are also searched in glossary English, as the app does
        # (core/search/query.py); mixed per ranker with its english_weight.
        self.english = [translate(t) for t in texts]
        translated = [e for e in self.english if e]
        english_vectors = iter(embedder.embed_queries(translated))
        self.english_vectors = [next(english_vectors) if e else None for e in self.english]
        # issue 16: the shipped English view adds the nearest ESCO skill's label
        # (core.search.query.english_view); the glossary-only view is kept for comparison.
        self.glossary, self.glossary_vectors = self.english, self.english_vectors
        views = [
            english_view(e, self.query_vectors[i], self.glossary_vectors[i], SHIPPED)  # type: ignore[arg-type]
            if e
            else None
            for i, e in enumerate(self.glossary)
        ]
        self.english = [v[0] if v else None for v in views]
        self.english_vectors = [v[1] if v else None for v in views]
        self.mask = self.index.facts().alive
        self.ids = np.array([p.record.id if p else -1 for p in self._rows()], dtype=np.int64)
        # One vector per whole profile: the baseline the finding started from.
        self.whole = embedder.embed_passages([p.text for p in bench.profiles])
        self.whole_ids = np.array([p.id for p in bench.profiles])

    def _rows(self) -> list[object]:
        return [self.index.profile(r) for r in range(self.index.rows)]

    def ranked(self, qi: int, query: BenchQuery, params: RankingParams | None) -> list[int]:
        if params is None:  # whole-profile vectors
            order = np.argsort(-(self.whole @ self.query_vectors[qi]), kind="stable")
            return self.whole_ids[order[:10]].tolist()
        english = self.english[qi] if params.esco_view else self.glossary[qi]
        english_vector = self.english_vectors[qi] if params.esco_view else self.glossary_vectors[qi]
        english = english if params.english_weight > 0 else None
        vector = mix_vectors(self.query_vectors[qi], english_vector, params.english_weight)
        ranking = rank(
            self.index, vector, query_terms(query.text, english), self.mask, params, wanted=10
        )
        return self.ids[ranking.rows[:10]].tolist()

    def scores(self, params: RankingParams | None, queries: list[int]) -> dict[str, list[float]]:
        out: dict[str, list[float]] = {"ndcg": [], "recall": [], "mrr": []}
        for qi in queries:
            query = self.bench.queries[qi]
            ranked, grades = self.ranked(qi, query, params), self.bench.qrels[query.qid]
            out["ndcg"].append(ndcg10(ranked, grades))
            out["recall"].append(recall10(ranked, grades))
            out["mrr"].append(mrr(ranked, grades))
        return out

    def of_kind(self, kind: str, half: str = "all") -> list[int]:
        picked = [i for i, q in enumerate(self.bench.queries) if q.kind == kind]
        if half == "dev":
            return [i for i in picked if int(self.bench.queries[i].qid[-3:]) % 2 == 0]
        if half == "held-out":
            return [i for i in picked if int(self.bench.queries[i].qid[-3:]) % 2 == 1]
        return picked

    def english_of(self, kind: str) -> list[int]:
        """The English queries that the Finnish queries of `kind` translate."""
        position = {q.qid: i for i, q in enumerate(self.bench.queries)}
        return [position[self.bench.queries[i].english_qid] for i in self.of_kind(kind)]


RANKERS: dict[str, RankingParams | None] = {
    "BM25": replace(SHIPPED, fusion="bm25", lexical_feedback=0.0, english_weight=0.0),
    "dense, whole profile": None,
    "dense, pieces": replace(SHIPPED, fusion="dense"),
    "hybrid, RRF": replace(SHIPPED, fusion="rrf"),
    "hybrid, no translation": replace(SHIPPED, english_weight=0.0),
    "hybrid, glossary only": replace(SHIPPED, esco_view=False, english_weight=0.6),
    "hybrid, score (shipped)": SHIPPED,
}


def report(ev: Evaluation, half: str) -> None:
    print(f"\n== {half} queries: nDCG@10 / recall@10 / MRR ==")
    header = f"{'ranker':<24}" + "".join(f"{kind:>22}" for kind in (*KINDS, "English of Finnish"))
    print(header)
    table: dict[str, dict[str, float]] = {}
    for name, params in RANKERS.items():
        cells, table[name] = [], {}
        for kind in (*KINDS, "english"):
            if kind == "english":
                picked = ev.english_of("finnish") if half == "all" else []
            elif kind == "finnish" and half != "all":
                picked = []
            else:
                picked = ev.of_kind(kind, half)
            if not picked:
                cells.append(f"{'–':>22}")
                continue
            s = ev.scores(params, picked)
            table[name][kind] = statistics.mean(s["ndcg"])
            cells.append(
                f"{statistics.mean(s['ndcg']):>8.3f} {statistics.mean(s['recall']):>6.3f} "
                f"{statistics.mean(s['mrr']):>6.3f}"
            )
        print(f"{name:<24}" + "".join(cells))
    bars(table, half)
    if half == "all":  # the Finnish set tuned on, for comparison with the held-out one
        dev, english = ev.of_kind("finnish-dev"), ev.english_of("finnish-dev")
        fi, en = (statistics.mean(ev.scores(SHIPPED, q)["ndcg"]) for q in (dev, english))
        print(f"  Finnish dev set (tuned on): {fi:.3f} vs English {en:.3f}, ratio {fi / en:.2f}")
        for kind, name in (("fi-names", "Finnish names"), ("fi-desc", "Finnish descriptions")):
            queries, english = ev.of_kind(kind), ev.english_of(kind)
            fi, en = (statistics.mean(ev.scores(SHIPPED, q)["ndcg"]) for q in (queries, english))
            print(
                f"  {name} test (issue 16, not written with the glossary, n={len(queries)}):"
                f" {fi:.3f} vs their English labels {en:.3f}, ratio {fi / en:.2f}"
            )


def bars(table: dict[str, dict[str, float]], half: str) -> None:
    shipped, bm25 = table["hybrid, score (shipped)"], table["BM25"]
    checks = [
        ("label ≥ BM25", shipped["label"] / bm25["label"], 1.0),
        ("alt ≥ 1.3 × BM25", shipped["alt"] / bm25["alt"], 1.3),
        ("natural ≥ 1.3 × BM25", shipped["natural"] / bm25["natural"], 1.3),
    ]
    if half == "all":
        checks.append(("Finnish ≥ 0.85 × English", shipped["finnish"] / shipped["english"], 0.85))
    for name, ratio, bar in checks:
        print(f"  bar {name:<28} ratio {ratio:5.2f}  {'PASS' if ratio >= bar else 'FAIL'}")


def tune(ev: Evaluation) -> None:
    """Grid search on the dev queries: English dev half and the separate Finnish dev set."""
    dev = {kind: ev.of_kind(kind, "dev") for kind in ("label", "alt", "natural")}
    dev["fi-dev"] = ev.of_kind("finnish-dev")
    english_of_dev = ev.english_of("finnish-dev")
    results = []
    grid = itertools.product(
        (0.02, 0.04, 0.06, 1.0), (0.0, 0.25, 0.5, 1.0), (0.0, 0.5, 1.0), (0.6, 0.7, 0.8, 1.0)
    )
    for gap, damping, lexical, weight in grid:
        params = replace(
            SHIPPED, gap=gap, damping=damping, lexical_feedback=lexical, dense_weight=weight
        )
        means = {k: statistics.mean(ev.scores(params, q)["ndcg"]) for k, q in dev.items()}
        means["fi/en"] = means["fi-dev"] / statistics.mean(
            ev.scores(params, english_of_dev)["ndcg"]
        )
        objective = statistics.mean([means[k] for k in ("label", "alt", "natural", "fi-dev")])
        results.append((objective, means, params))
    results.sort(key=lambda r: -r[0])
    for objective, means, params in results[:15]:
        shown = " ".join(f"{k}={v:.3f}" for k, v in means.items())
        print(
            f"{objective:.3f}  {shown}  gap={params.gap} damping={params.damping} "
            f"lexical_feedback={params.lexical_feedback} dense_weight={params.dense_weight}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tune", action="store_true", help="grid search on the dev half")
    parser.add_argument("--embedder", default=None, help="onnx (default) or sentence-transformers")
    parser.add_argument("--cache", type=Path, help="keep vectors in this .npz (tuning only)")
    args = parser.parse_args()
    bench = build_benchmark()
    embedder = get_embedder(args.embedder)
    if args.cache:
        embedder = CachedEmbedder(embedder, args.cache)
    ev = Evaluation(bench, embedder)
    pieces = ev.stats.pieces
    print(
        f"ESCO benchmark: {len(bench.profiles)} profiles, {len(bench.queries)} queries "
        f"({', '.join(f'{k} {len(ev.of_kind(k))}' for k in KINDS)}); model {embedder.model_id}\n"
        f"pieces {pieces} ({pieces / len(bench.profiles):.1f} per profile), unique "
        f"{ev.index.unique_piece_count()} ({ev.index.unique_piece_count() / pieces:.0%}); "
        f"index built in {ev.build_seconds:.1f} s"
    )
    if args.tune:
        tune(ev)
        return
    for half in ("all", "dev", "held-out"):
        report(ev, half)


if __name__ == "__main__":
    main()
