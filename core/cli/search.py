"""`python -m core reindex` and `python -m core search` (registered in `core.cli.main`)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

from core.cli.base import command, count_bar, fail, say
from core.db import session_scope
from core.schema import upgrade_database
from core.search.live import Progress, index_status, reindex
from core.search.service import SearchInputError, search_profiles


def tqdm_progress() -> Progress:
    """One bar per step ("embedding", "converting"), each fed with (done, total)."""
    bars: dict[str, Callable[[int, int], None]] = {}

    def report(step: str, done: int, total: int) -> None:
        if step not in bars:
            bars[step] = count_bar(step, "profile")
        bars[step](done, total)

    return report


@command("reindex", "rebuild the search index from the database (embeds every piece again)")
def reindex_command(_args: argparse.Namespace) -> int:
    upgrade_database()
    manifest, stats = reindex(progress=tqdm_progress())
    say(f"Search index rebuilt: {stats}.")
    say(
        f"{manifest.profiles} profiles, {manifest.pieces} pieces ({manifest.unique_pieces} "
        f"unique), {manifest.kind} index, model {manifest.model_id}, data version "
        f"{manifest.data_version}."
    )
    return 0


def _search_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="?", help="what the company needs, in plain words")
    parser.add_argument("--queries", type=Path, help='JSONL file of {"qid": …, "query": …}')
    parser.add_argument("--top", type=int, default=10, help="results per query (default 10)")
    parser.add_argument("--json", action="store_true", help="print JSON (one line per query)")


def _batch(path: Path) -> Iterator[tuple[Any, str]]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                yield item["qid"], str(item["query"])
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError(
                    f"{path}, line {number}: not a {{qid, query}} object ({error})"
                ) from error


def _one(qid: Any, query: str, top: int, as_json: bool, out: TextIO) -> None:
    try:
        page = search_profiles(query, per_page=top, progress=tqdm_progress())
    except SearchInputError as error:
        if as_json:
            result = {"qid": qid, "query": query, "results": [], "error": error.message("en")}
            print(json.dumps(result, ensure_ascii=False), file=out, flush=True)
            return
        raise
    if as_json:
        results = [{"code": h.code, "score": round(h.score, 6)} for h in page.hits]
        line = {"qid": qid, "query": page.query, "results": results}
        print(json.dumps(line, ensure_ascii=False), file=out, flush=True)
        return
    print(f"{page.total} profiles match “{page.query}” ({page.took_ms:.0f} ms):", file=out)
    for rank, hit in enumerate(page.hits, start=1):
        shown = [*hit.explanation.words, *(p.text for p in hit.explanation.pieces)]
        reasons = ", ".join(dict.fromkeys(shown))
        print(f"{rank:>3}. {hit.code}  score {hit.score:.3f}  {reasons[:110]}", file=out)


@command(
    "search", "search competence profiles (one query, or --queries FILE.jsonl)", _search_arguments
)
def search_command(args: argparse.Namespace) -> int:
    if (args.query is None) == (args.queries is None):
        return fail('give either a query or --queries FILE.jsonl, e.g. search "VHDL" --top 5')
    if not 1 <= args.top <= 50:
        return fail("--top must be between 1 and 50")
    upgrade_database()
    with session_scope() as session:
        status = index_status(session)
    if status.state != "ready":
        print(status.describe(), file=sys.stderr, flush=True)
    try:
        if args.query is not None:
            _one(None, args.query, args.top, args.json, sys.stdout)
        else:
            # Read every line first: a bad line stops the run before any output.
            for qid, query in list(_batch(args.queries)):
                _one(qid, query, args.top, args.json, sys.stdout)
    except SearchInputError as error:
        return fail(error)
    except (OSError, ValueError) as error:
        return fail(str(error))
    return 0
