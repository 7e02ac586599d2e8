"""Remove what identifies a person from free text before it leaves `core` for SME users.

Removed: e-mail addresses (also "name (at) host (dot) fi"), phone numbers, web addresses and
social-media handles, IBANs, Finnish personal identity codes, student numbers and other long
digit runs, birth-date-like dates, and the person's own names (with Finnish inflected forms
such as Virtanen → Virtasen, Mikko → Mikon) and identifiers. Text is NFKC-normalised and
invisible format characters are dropped first, so full-width or zero-width tricks do not hide
an address. What is removed becomes `REMOVED`. Other people's names are not recognised.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

REMOVED = "[…]"
MIN_NAME_CHARS = 2
# Name particles that are ordinary words too short or common to remove on their own.
NAME_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "di", "la", "le", "el", "al"})
SOCIAL = (
    "linkedin|github|gitlab|bitbucket|twitter|x|facebook|instagram|medium|behance|dribbble|"
    "stackoverflow|kaggle|youtube|tiktok|discord|telegram|t|wa|threads|mastodon|bsky"
)
LABELS = (
    "github|gitlab|linkedin|twitter|telegram|instagram|facebook|discord|skype|whatsapp|wechat|"
    "signal|kaggle|medium|portfolio|website|homepage|blog|email|e-mail|sähköposti|puh|phone|"
    "tel|mobile|gsm|student\\s*(?:number|no|id|#)|opiskelijanumero|op\\.?\\s*nro|hetu"
)

# Matches start only where a word-and-dot run starts, and repeats are bounded: otherwise a long
# run such as "a.a.a.…" or "a dot a dot …" is rescanned from every position (quadratic time
# on hostile input, a denial of service).
START = r"(?<![\w.+-])"
MAX_TEXT_CHARS = 20_000  # a profile text longer than this is cut before it is shown

_PATTERNS = [
    # E-mail, also spelt out: "mikko (at) oulu (dot) fi", "mikko at gmail dot com".
    rf"{START}[\w.+-]+\s*(?:@|[(\[{{]\s*at\s*[)\]}}])\s*[\w-]+"
    rf"(?:\s*(?:\.|[(\[{{]\s*dot\s*[)\]}}])\s*[\w-]+){{1,6}}",
    rf"{START}[\w.+-]+(?:\s+dot\s+[\w-]+){{0,4}}\s+(?:at|ät)\s+[\w-]+(?:\s+dot\s+[\w-]+){{1,6}}",
    # Labelled contact details: "GitHub: mikko99", "puh. 040…", "student number: 1234".
    rf"\b(?:{LABELS})\b\.?\s*[:=#]\s*\S+",
    # Web addresses, social profiles, and any host with a path.
    r"(?:https?://|ftp://|www\.)\S+",
    rf"{START}(?:[\w-]+\.){{0,5}}(?:{SOCIAL})\.(?:com|me|gg|io|org|net|social|app)\b\S*",
    rf"(?-i:{START}[\w-]+(?:\.[\w-]+){{0,6}}\.(?:com|fi|org|net|io|dev|me|app|eu|se|de|uk|info|co|ai)/\S*)",
    # Handles: "@mikko_v" (an e-mail is gone by now).
    r"(?<![\w.])@[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,38}[A-Za-z0-9_])?",
    # IBAN, Finnish personal identity code (ddmmyy-nnnC).
    r"(?-i:\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b)",
    r"\b\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]\b",
    # Phone numbers: international, or Finnish with a leading 0 and 7–12 digits.
    r"(?<![\w+])(?:\+|00)\d[\d\s().-]{6,18}\d(?!\w)",
    r"(?<![\w+])\(?0\d{1,3}\)?[\s.-]?\d[\d\s.-]{4,12}\d(?!\w)",
    # Student numbers and other long digit runs.
    r"\b\d{6,}\b",
]
_COMPILED = [re.compile(p, re.IGNORECASE) for p in _PATTERNS]
_DATE = re.compile(
    r"\b(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d{2})\b|\b((?:19|20)\d{2})-\d{2}-\d{2}\b"
)
_WORD = re.compile(r"[^\W\d_]+")
_GRADATION = {"kk": "k", "pp": "p", "tt": "t"}


@dataclass(frozen=True)
class Identity:
    """What identifies one person: names (any order, any parts) and literal identifiers."""

    names: tuple[str, ...] = ()
    literals: tuple[str, ...] = field(default=())

    @classmethod
    def of(cls, names: Iterable[str], literals: Iterable[str] = ()) -> Identity:
        return cls(tuple(n for n in names if n), tuple(x for x in literals if x))


def _fold(text: str) -> str:
    """Case- and accent-insensitive form for comparing names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise(text: str) -> str:
    """NFKC, without invisible format characters (zero-width spaces, direction marks)."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def _name_stems(names: Iterable[str]) -> tuple[set[str], set[str]]:
    """Exact forms (folded) and inflection stems for a person's names."""
    exact: set[str] = set()
    stems: set[str] = set()
    for name in names:
        for part in _WORD.findall(normalise(name)):
            folded = _fold(part)
            if len(folded) < MIN_NAME_CHARS or folded in NAME_PARTICLES:
                continue
            exact.add(folded)
            stems.add(folded)
            if folded.endswith("nen") and len(folded) > 4:
                stems.add(folded[:-3] + "s")  # Virtanen → Virtasen, Virtaselle
            for strong, weak in _GRADATION.items():
                if folded[-3:-1] == strong:
                    stems.add(folded[:-3] + weak)  # Mikko → Mikon, Mikolle
            if len(folded) > 4 and folded[-1] in "aeiouyäö":
                stems.add(folded[:-1])  # Anna → Annan; Liisa → Liisan
    return exact, stems


def _remove_names(text: str, identity: Identity) -> str:
    exact, stems = _name_stems(identity.names)
    if not exact:
        return text

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        folded = _fold(word)
        if folded in exact:
            return REMOVED
        # Inflected forms only when capitalised, so "anna" (give) or "mikro" stay.
        if word[0].isupper() and any(
            folded.startswith(stem) and len(folded) - len(stem) <= 6 for stem in stems
        ):
            return REMOVED
        return word

    return _WORD.sub(replace, text)


def _remove_birth_dates(text: str, today: date) -> str:
    def replace(match: re.Match[str]) -> str:
        year = int(match.group(3) or match.group(4))
        return REMOVED if 1920 <= year <= today.year - 15 else match.group(0)

    return _DATE.sub(replace, text)


def redact(text: str, identity: Identity | None = None, *, today: date | None = None) -> str:
    """`text` without anything that would identify its author (or anyone's contact details)."""
    if not text:
        return ""
    clean = normalise(text[:MAX_TEXT_CHARS])
    for literal in identity.literals if identity else ():
        literal = normalise(literal).strip()
        if len(literal) >= 3:
            clean = re.sub(re.escape(literal), REMOVED, clean, flags=re.IGNORECASE)
    for pattern in _COMPILED:
        clean = pattern.sub(REMOVED, clean)
    clean = _remove_birth_dates(clean, today or date.today())
    if identity is not None:
        clean = _remove_names(clean, identity)
    # Runs of removals read as one.
    marker = re.escape(REMOVED)
    return re.sub(rf"{marker}(?:[\s,;/]*{marker})+", REMOVED, clean).strip()
