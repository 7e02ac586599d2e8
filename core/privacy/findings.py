"""What redaction finds in a text (`Finding`: a kind and a span) and how it compares words.

Shared by the detectors (`contacts`, `places`) and `redact`, which joins their findings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from core.i18n import Labelled


class Kind(Labelled, key_prefix="redact.kind"):
    """What a removed or flagged piece of text is (its i18n key is `redact.kind.<value>`)."""

    EMAIL = "email"
    WEB = "web"  # a web address or a bare domain
    HANDLE = "handle"  # a user name on GitHub, Discord, Telegram, …
    PHONE = "phone"
    NUMBER = "number"  # student numbers, identity codes, IBANs, other long numbers
    BIRTH_DATE = "birth_date"
    NAME = "name"  # the person's own names in any form
    IDENTIFIER = "identifier"  # the person's own e-mail or student number, as recorded
    PLACE = "place"


@dataclass(frozen=True, slots=True)
class Finding:
    """A piece of the (normalised) text: `text[start:end]` is `excerpt`."""

    kind: Kind
    start: int
    end: int
    excerpt: str


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one string (long word lists stay readable)."""
    return frozenset(words.split())


def finding(kind: Kind, text: str, start: int, end: int) -> Finding:
    return Finding(kind, start, end, text[start:end])


@cache
def fold_char(ch: str) -> str:
    """One character, lower-cased and without accents (ä → a): always exactly one character."""
    stripped = [
        c for c in unicodedata.normalize("NFKD", ch.lower()) if not unicodedata.combining(c)
    ]
    return stripped[0] if len(stripped) == 1 else ch.lower()[:1] or ch


def fold(text: str) -> str:
    """Case- and accent-insensitive form with the same length, so offsets carry over."""
    return "".join(map(fold_char, text))


# German-style spellings of Nordic letters in e-mail addresses and domains (ä → ae).
_SPELLED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "å": "aa", "ø": "oe", "æ": "ae"})


def spellings(word: str) -> set[str]:
    """The folded forms a name or place is written in: "Kärkkäinen" → karkkainen, kaerkkaeinen."""
    return {fold(word), fold(word.lower().translate(_SPELLED))}


_GRADATION = {"kk": "k", "pp": "p", "tt": "t"}


def inflection_stems(folded: str) -> set[str]:
    """Stems of Finnish inflected forms: Virtanen → virtas(en), Mikko → mikon, Intia → intian."""
    stems = {folded}
    if folded.endswith("nen") and len(folded) > 4:
        stems.add(folded[:-3] + "s")
    for strong, weak in _GRADATION.items():
        if folded[-3:-1] == strong:
            stems.add(folded[:-3] + weak)
    if len(folded) > 4 and folded[-1] in "aeiouy":
        stems.add(folded[:-1])
    return stems


def is_inflected(word: str, folded: str, stems: Iterable[str], *, max_ending: int = 6) -> bool:
    """A capitalised word that starts with one of `stems` and has a short ending.

    Only capitalised words: otherwise "anna" (give) or "mikro" would go with Anna or Mikko;
    a short stem takes only a short ending ("Arille", not "Arizona").
    """
    return word[:1].isupper() and any(
        folded.startswith(stem) and len(folded) - len(stem) <= min(max_ending, len(stem) + 1)
        for stem in stems
        if len(stem) >= 3  # "Li" would take "LiDAR" with it
    )


def accept_all(
    pattern: re.Pattern[str],
    text: str,
    accept: Callable[[re.Match[str]], bool] | None = None,
) -> list[re.Match[str]]:
    """Every match of `pattern`; a match `accept(match)` turns down is retried one character on
    (a rejected "good at python" must not hide "ak_2001 at gmail.com" right after it)."""
    found: list[re.Match[str]] = []
    position = 0
    while (match := pattern.search(text, position)) is not None:
        if accept is None or accept(match):
            found.append(match)
            position = max(match.end(), match.start() + 1)
        else:
            position = match.start() + 1
    return found
