"""How the search's relevance floor is chosen (issue 16): a result must score at least
`RankingParams.relative_floor` × the best result's fused score.

    .venv/bin/python bench/bench_search_floor.py --cache /tmp/search_cache.npz

For each floor, on the ESCO benchmark's dev queries (even-numbered label, alt and natural
queries and the Finnish dev set): how many profiles "match", the F1 of that matched set
against the profiles that list the skill (grade 2), and nDCG@10. The lowest floor within
0.005 of the best mean F1 on dev (the plateau's start) is shipped; the held-out half and
the Finnish test set are printed beside it and never chosen on. The best `floor_keeps` (10)
always stay, so nDCG@10 does not move.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from bench_search_quality import CachedEmbedder, Evaluation, ndcg10  # noqa: E402
from esco_data import build_benchmark  # noqa: E402

from core.search.model.loading import get_embedder  # noqa: E402
from core.search.query import mix_vectors, query_terms  # noqa: E402
from core.search.ranking import RankingParams, rank  # noqa: E402

FLOORS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9)


def matched(ev: Evaluation, qi: int, params: RankingParams) -> list[int]:
    query = ev.bench.queries[qi]
    english = ev.english[qi] if params.english_weight > 0 else None
    vector = mix_vectors(ev.query_vectors[qi], ev.english_vectors[qi], params.english_weight)
    terms = query_terms(query.text, english)
    ranking = rank(ev.index, vector, terms, ev.mask, params, wanted=10)
    return list(ev.ids[ranking.rows].tolist())


def figures(ev: Evaluation, queries: list[int], floor: float) -> tuple[float, float, float]:
    params = replace(RankingParams(), relative_floor=floor)
    counts, f1s, ndcgs = [], [], []
    for qi in queries:
        found = matched(ev, qi, params)
        grades = ev.bench.qrels[ev.bench.queries[qi].qid]
        relevant = {pid for pid, g in grades.items() if g == 2}
        hit = len(relevant & set(found))
        precision = hit / len(found) if found else 0.0
        recall = hit / len(relevant) if relevant else 0.0
        f1s.append(2 * precision * recall / (precision + recall) if hit else 0.0)
        counts.append(len(found))
        ndcgs.append(ndcg10(found, grades))
    return statistics.mean(counts), statistics.mean(f1s), statistics.mean(ndcgs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", type=Path)
    args = parser.parse_args()
    embedder = get_embedder()
    if args.cache:
        embedder = CachedEmbedder(embedder, args.cache)
    ev = Evaluation(build_benchmark(), embedder)
    dev = [i for k in ("label", "alt", "natural") for i in ev.of_kind(k, "dev")]
    dev += ev.of_kind("finnish-dev")
    held = [i for k in ("label", "alt", "natural") for i in ev.of_kind(k, "held-out")]
    finnish = ev.of_kind("finnish")
    print(f"{len(ev.bench.profiles)} profiles; mean matched / F1 vs listing profiles / nDCG@10")
    best = (-1.0, 0.0)
    for floor in FLOORS:
        cells = [figures(ev, q, floor) for q in (dev, held, finnish)]
        print(
            f"floor {floor:.2f}  "
            + "  ".join(
                f"{name}: {n:6.1f} {f1:.3f} {nd:.3f}"
                for name, (n, f1, nd) in zip(("dev", "held-out", "fi-test"), cells, strict=True)
            )
        )
        if cells[0][1] > best[0]:
            best = (cells[0][1], floor)
    print(f"best floor on dev by F1: {best[1]:.2f}")


if __name__ == "__main__":
    main()
