"""Split a competence profile into pieces to embed: its sentences and its skill phrases.

One vector per whole profile blurs twenty skills into one point; one per sentence and one
per listed skill ("ROS 2", "sensor fusion") lets a query meet the piece that says it. Each
piece keeps its character span in the profile text, so a hit can show what matched.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from core.search.lexical import STOPWORDS

MAX_PIECES = 200  # a pasted 10,000-character text must not flood the index
MAX_PHRASE_WORDS = 6  # longer list items are clauses, already covered by their sentence
WINDOW_WORDS = 40  # sentences longer than this are cut into windows of this many words

# A sentence ends at . ! ? followed by white space, or at a line break. "Node.js", "C#/.NET"
# and "5.0" have no space after the dot and stay whole.
# Finnish ordinals ("3. vuoden") and a few abbreviations do not end a sentence.
_SENTENCE_BREAK = re.compile(
    r"(?<=[.!?])(?<!\b\d\.)(?<!\b\d\d\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\besim\.)(?<!\bmm\.)"
    r"(?<!\bns\.)\s+|\s*\n\s*"
)
_BULLET = re.compile(r"(?:[-•*·–]|\d{1,2}[.)])\s+")
# What separates the items of a list: commas, semicolons, "and"/"or", Finnish "ja"/"sekä"/"tai",
# "plus", "&", and parentheses around a detail ("digital design (RTL, cocotb)").
_ITEM_BREAK = re.compile(
    r"\s*[,;()]\s*|\s+(?:and|or|plus|&|ja|sekä|tai|as well as|mutta)\s+", re.IGNORECASE
)
# Words after which a list starts when no colon introduces it ("My skills are X, Y and Z",
# "I can X and Y", "I learned to X", "I have worked with X").
_LEAD_IN = re.compile(
    r"\b(?:are|is|with|in|know|use|used|using|including|include|includes|like|on|of|"
    r"about|at|into|some|done|worked|can|to|osaan|hallitsen|tunnen|käytän|käyttänyt|"
    r"kokemusta)\s+",
    re.IGNORECASE,
)
_HEAD_END = re.compile(r"[,;(:]")
# Connectives and articles that open an item but are not part of the skill.
_ITEM_OPENER = re.compile(
    r"(?:(?:and|or|plus|also|mostly|mainly|especially|a|an|the|ja|sekä|mutta|myös|lisäksi|"
    r"erityisesti|esimerkiksi|etenkin)\s+)+",
    re.IGNORECASE,
)
_EDGE_PUNCTUATION = " \t\r\n.,;:!?\"'`«»“”‘’"


class PieceKind(StrEnum):
    SENTENCE = "sentence"
    PHRASE = "phrase"


@dataclass(frozen=True, slots=True)
class Piece:
    """A sentence or skill phrase, with its span `text[start:end]` in the profile text."""

    text: str
    start: int
    end: int
    kind: PieceKind


def piece_key(text: str) -> str:
    """The dedupe key of a piece: NFKC, case-folded, single spaces, no edge punctuation.

    "Python", "python." and " PYTHON" embed to (nearly) the same vector; one is enough.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(folded.split()).strip(_EDGE_PUNCTUATION)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink `[start, end)` past white space and edge punctuation (spans stay exact)."""
    while start < end and text[start] in _EDGE_PUNCTUATION:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCTUATION:
        end -= 1
    return start, end


def _segments(text: str, pattern: re.Pattern[str], start: int, end: int) -> list[tuple[int, int]]:
    """Spans between the matches of `pattern` inside `text[start:end]`, trimmed, non-empty."""
    spans, cursor = [], start
    for match in pattern.finditer(text, start, end):
        spans.append(_trimmed(text, cursor, match.start()))
        cursor = match.end()
    spans.append(_trimmed(text, cursor, end))
    return [(s, e) for s, e in spans if e > s]


def _sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    for start, end in _segments(text, _SENTENCE_BREAK, 0, len(text)):
        bullet = _BULLET.match(text, start, end)
        if bullet:
            start = bullet.end()
        spans.extend(_windows(text, start, end))
    return spans


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A long run-on sentence (or pasted text without full stops) as windows of words."""
    words = [m.span() for m in re.finditer(r"\S+", text[start:end])]
    if len(words) <= WINDOW_WORDS:
        return [(start, end)]
    return [
        (start + words[i][0], start + words[min(i + WINDOW_WORDS, len(words)) - 1][1])
        for i in range(0, len(words), WINDOW_WORDS)
    ]


def _item(text: str, start: int, end: int) -> tuple[int, int] | None:
    """One list item without "and"/"the" in front; None if it is a clause, not a skill."""
    opener = _ITEM_OPENER.match(text, start, end)
    if opener is not None:
        start = opener.end()
    start, end = _trimmed(text, start, end)
    if start >= end or len(text[start:end].split()) > MAX_PHRASE_WORDS:
        return None
    if piece_key(text[start:end]) in STOPWORDS | {"it"}:  # "it" in "… on top of it"
        return None
    return start, end


def _list_starts(text: str, start: int, end: int) -> list[int]:
    """Where the first item of a list may start: after the first and after the last lead-in
    word before the first comma ("I can interact with users to gather requirements, …"
    gives both "interact with users…" and "gather requirements"), else at `start`."""
    head = _HEAD_END.search(text, start, end)
    leads = list(_LEAD_IN.finditer(text, start, head.start() if head else end))
    if not leads:
        return [start]
    return sorted({leads[0].end(), leads[-1].end()})


def _list_items(text: str, start: int, end: int, *, needs_lead_in: bool) -> list[tuple[int, int]]:
    """The items of a list in `text[start:end]`; `needs_lead_in`: a colon's left side
    ("I'm strongest in data engineering:") is an item only after a lead-in word."""
    items: list[tuple[int, int]] = []
    if not needs_lead_in and len(_segments(text, _ITEM_BREAK, start, end)) < 2:
        item = _item(text, start, end)  # "Also: LiDAR"
        return [item] if item else []
    starts = _list_starts(text, start, end)
    if needs_lead_in and starts == [start]:
        return items
    for index, first in enumerate(starts):
        segments = _segments(text, _ITEM_BREAK, first, end)
        for s, e in segments if index == len(starts) - 1 else segments[:1]:
            item = _item(text, s, e)
            if item is not None:
                items.append(item)
    return items


def _phrases(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The listed skills of one sentence, e.g. "ROS 2", "SLAM" and "sensor fusion"."""
    colon = text.find(":", start, end)
    if colon >= 0:
        return _list_items(text, start, colon, needs_lead_in=True) + _list_items(
            text, colon + 1, end, needs_lead_in=False
        )
    if len(_segments(text, _ITEM_BREAK, start, end)) < 2:
        return []  # a plain sentence, no list in it
    return _list_items(text, start, end, needs_lead_in=False)


def split_pieces(text: str) -> list[Piece]:
    """The sentences and listed skill phrases of `text`, each once, in reading order."""
    pieces: list[Piece] = []
    seen: set[str] = set()
    for start, end in _sentences(text):
        candidates = [(start, end, PieceKind.SENTENCE)]
        candidates += [(s, e, PieceKind.PHRASE) for s, e in _phrases(text, start, end)]
        for s, e, kind in candidates:
            key = piece_key(text[s:e])
            if key and key not in seen and any(ch.isalnum() for ch in key):
                seen.add(key)
                pieces.append(Piece(text[s:e], s, e, kind))
            if len(pieces) >= MAX_PIECES:
                return pieces
    return pieces
