"""Split free text into candidate skill phrases, each with its span in the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Sentence and list boundaries: line breaks, bullets, and ". ! ? ;" before white space.
_SEGMENT = re.compile(r"(?:\r?\n|^|(?<=[.!?;])\s+|\s[•·▪◦]\s|\s[-*–]\s)")
# Inside a segment, list items and attached tools: commas, parentheses, colons, "and", "with",
# "using" and their Finnish counterparts. "/" is kept on purpose ("CI/CD", "TCP/IP").
_CHUNK = re.compile(
    r"\s*(?:[,;()\[\]]|:(?=\s)|\s(?:and|or|with|using|including|such as|e\.g\.|as well as|plus"
    r"|ja|sekä|tai|kuten|mm\.|eli)\s)\s*",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w[\w+#.\-/']*", re.UNICODE)
_EDGE = " \t.,;:!?\"'()[]{}*-–•"
# A chunk of only these words names no skill ("I", "my", "and the"); Finnish and English.
_FILLER_WORDS = """
    i me my we our you your it its this that these those a an the of to in on at for from
    by as is are was were be been am have has had do did also very some many more most much
    other others etc skills skill experience experiences knowledge interests interest
    basics things work works worked working project projects course courses minä olen oli
    olin meidän minun myös sekä ja tai on ovat oli osaan osaaminen osaamista taidot taitoja
    kokemusta kokemus kiinnostuksen kohteet kurssi kurssilla projekti projektissa tools
    tool tech technologies stack työkalut tekniikat
"""
_FILLER = frozenset(_FILLER_WORDS.split())
MAX_SENTENCE_WORDS = 40
MAX_CHUNK_WORDS = 12


@dataclass(frozen=True)
class Phrase:
    """A piece of a text that may name a skill: `text == source[start:end]`."""

    text: str
    start: int
    end: int


def _trimmed(source: str, start: int, end: int) -> tuple[int, int]:
    while start < end and source[start] in _EDGE:
        start += 1
    while end > start and source[end - 1] in _EDGE:
        end -= 1
    return start, end


def _names_something(text: str) -> bool:
    words = [w.lower().strip(".'") for w in _WORD.findall(text)]
    return any(w not in _FILLER for w in words)


def _pieces(source: str, pattern: re.Pattern[str], start: int, end: int) -> list[tuple[int, int]]:
    pieces, cursor = [], start
    for match in pattern.finditer(source, start, end):
        pieces.append((cursor, match.start()))
        cursor = match.end()
    pieces.append((cursor, end))
    return [_trimmed(source, a, b) for a, b in pieces]


def candidate_phrases(text: str) -> list[Phrase]:
    """Sentences, or their list items when they have any, in text order, without repeats.

    "Python, Django and PostgreSQL" is embedded as three items, not also as a whole: a whole
    list blurs its items, and long sentences cost the most to embed (measured on the
    labelled sample: the same held-out F1 with 3.5× fewer tokens on report-like text).
    """
    found: list[Phrase] = []
    seen: set[tuple[int, int]] = set()

    def keep(start: int, end: int, limit: int) -> None:
        piece = text[start:end]
        words = len(_WORD.findall(piece))
        if 0 < words <= limit and (start, end) not in seen and _names_something(piece):
            seen.add((start, end))
            found.append(Phrase(piece, start, end))

    for seg_start, seg_end in _pieces(text, _SEGMENT, 0, len(text)):
        if seg_end <= seg_start:
            continue
        chunks = _pieces(text, _CHUNK, seg_start, seg_end)
        if len(chunks) == 1:
            keep(seg_start, seg_end, MAX_SENTENCE_WORDS)
        for start, end in chunks if len(chunks) > 1 else []:
            keep(start, end, MAX_CHUNK_WORDS)
    return found
