"""Why a profile matched: the query words it contains and its pieces closest in meaning."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from core.search.index import SearchIndex
from core.search.lexical import STOPWORDS, TOKEN_PATTERN, query_tokens
from core.search.pieces import PieceKind
from core.text import escape_markdown

MAX_PHRASES = 3
PHRASE_GAP = 0.05  # show pieces within this cosine of the profile's best piece
WORDS, MEANING = "words", "meaning"


@dataclass(frozen=True, slots=True)
class MatchedPiece:
    """A sentence or listed skill of the profile that is close in meaning to the query."""

    text: str
    cosine: float
    kind: PieceKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Highlight:
    start: int
    end: int
    kind: str  # WORDS (a query word) or MEANING (a piece close in meaning)


@dataclass(frozen=True)
class Explanation:
    words: tuple[str, ...]  # the query's words found in the profile, as the profile writes them
    pieces: tuple[MatchedPiece, ...]  # best first
    highlights: tuple[Highlight, ...]  # spans in the profile text, sorted, not overlapping


# issue 16: the one one-letter word that is a skill: the C language, written as a capital.
LANGUAGE_LETTERS = frozenset({"c"})


def typed_words(query: str) -> list[str]:
    """The words the user typed, as the explanation may name them: the query's own tokens
    (never a Finnish query's glossary English or the ranker's feedback words), without
    one-letter tokens other than the language name "C"."""
    return [t for t in query_tokens(query) if len(t) > 1 or t in LANGUAGE_LETTERS]


def _word_spans(text: str, terms: set[str]) -> list[tuple[int, int]]:
    spans = []
    for match in TOKEN_PATTERN.finditer(text.lower()):
        token = match.group()
        if len(token) == 1 and text[match.start() : match.end()] != token.upper():
            continue  # "c" in "(c)" is not the language C
        parts = re.split(r"[.\-/]", token)
        if token in terms or any(p in terms for p in parts if len(p) > 1 and p not in STOPWORDS):
            spans.append(match.span())
    return spans


def _best_pieces(index: SearchIndex, row: int, query: np.ndarray) -> list[MatchedPiece]:
    profile = index.profile(row)
    if profile is None or not profile.pieces:
        return []
    uids = np.array([p.uid for p in profile.pieces], dtype=np.int64)
    cosines = index.vectors.vectors(uids) @ query
    chosen: list[MatchedPiece] = []
    best = float(cosines.max())
    for i in np.argsort(-cosines, kind="stable"):
        piece = profile.pieces[int(i)]
        if float(cosines[i]) < best - PHRASE_GAP or len(chosen) == MAX_PHRASES:
            break
        if any(piece.start < c.end and c.start < piece.end for c in chosen):
            continue  # a skill inside an already shown sentence, or the other way round
        text = profile.record.text[piece.start : piece.end]
        chosen.append(MatchedPiece(text, float(cosines[i]), piece.kind, piece.start, piece.end))
    return chosen


def _merge(spans: list[Highlight]) -> tuple[Highlight, ...]:
    """Sorted, non-overlapping spans; a word match inside a meaning match stays a word match."""
    points = sorted(spans, key=lambda h: (h.start, h.kind != WORDS))
    merged: list[Highlight] = []
    for span in points:
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            if span.kind == WORDS and last.kind == MEANING:
                continue  # the meaning span already marks it
            merged[-1] = Highlight(last.start, max(last.end, span.end), last.kind)
        else:
            merged.append(span)
    return tuple(merged)


def explain(index: SearchIndex, row: int, query: np.ndarray, terms: list[str]) -> Explanation:
    """The words and pieces that made `row` match; empty parts when none. `terms` are the
    words the user typed (`typed_words`), so the card names only those."""
    profile = index.profile(row)
    if profile is None:
        return Explanation((), (), ())
    text = profile.record.text
    word_spans = _word_spans(text, set(terms))
    pieces = _best_pieces(index, row, query)
    words = tuple(dict.fromkeys(text[s:e] for s, e in word_spans))
    spans = [Highlight(s, e, WORDS) for s, e in word_spans]
    spans += [Highlight(p.start, p.end, MEANING) for p in pieces]
    return Explanation(words, tuple(pieces), _merge(spans))


def highlighted(text: str, highlights: tuple[Highlight, ...], start: int = 0) -> str:
    """Markdown of `text` (a slice of the profile text starting at `start`) with matches
    marked: query words in bold, pieces close in meaning with a coloured background."""
    out, cursor = [], 0
    for span in highlights:
        s, e = max(span.start - start, 0), min(span.end - start, len(text))
        if e <= s or s < cursor:
            continue
        out.append(escape_markdown(text[cursor:s]))
        inner = escape_markdown(text[s:e])
        out.append(f"**{inner}**" if span.kind == WORDS else f":orange-background[{inner}]")
        cursor = e
    out.append(escape_markdown(text[cursor:]))
    return "".join(out)
