"""Finnish queries in English words: language check, stemming-free glossary lookup, compounds.

A Finnish SME types "sulautettujen järjestelmien ohjelmointi"; most profiles are in
English, and e5's cosines across the two languages crowd into a narrow band while BM25
finds nothing. So a query that reads as Finnish is also searched in English: each word is
looked up in a glossary of ICT and work terms (`fi_en_glossary.tsv`) by its base form.
Inflection is matched by folding consonant gradation (ohjelmointi / ohjelmoinnin,
tietokanta / tietokannan) and accepting a case ending after the base; compounds
(asiakastietokanta) are split into glossary words. Words the glossary does not know stay
when they look like names (SQL, Azure, ROS 2) and are left out otherwise.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from core.search.lexical import STOPWORDS_EN, STOPWORDS_FI

GLOSSARY_FILE = Path(__file__).with_name("fi_en_glossary.tsv")
MIN_KEY = 3  # shorter base forms would match the start of too many words
MAX_LINKS = 2  # letters that may join two compound parts (the first part's vowel, genitive n)
# Consonant gradation and d/t alternate inside one word's forms; folding them to one
# spelling lets "tietokannan" meet "tietokanta" and "tiedon" meet "tieto".
_GRADATION = re.compile(r"kk|pp|tt|nn|mm|ll|rr|ss|nt|mp|lt|rt|nk|ng|d")
_FOLDS = {
    "kk": "k",
    "pp": "p",
    "tt": "t",
    "nn": "n",
    "mm": "m",
    "ll": "l",
    "rr": "r",
    "ss": "s",
    "nt": "n",
    "mp": "m",
    "lt": "l",
    "rt": "r",
    "nk": "n",
    "ng": "n",
    "d": "t",
}
_WORD = re.compile(r"[^\W_](?:[^\W_]|[+#.](?=[^\W_])|[+#])*")
_VOWELS = "aeiouyäö"
# Spellings Finnish words do not have: English endings and letter pairs.
# ("-aation" is Finnish: dokumentaation.)
_ENGLISH_LOOK = re.compile(
    r"(?:ing|(?<!aa)tion|sion|ics|ment|ness|ity|ed|er|ly|al|ous|ive|[^aeiouyäö]s)$"
    r"|th|ch|sh|ck|w|q|x|z|c"
)
_FINNISH_ONLY = STOPWORDS_FI - STOPWORDS_EN
_ENGLISH_ONLY = STOPWORDS_EN - STOPWORDS_FI


def fold(word: str) -> str:
    """Lower-case `word` with consonant gradation folded ("tietokannan" → "tietokanan")."""
    return _GRADATION.sub(lambda m: _FOLDS[m.group()], word.casefold())


def _key(base: str) -> str:
    """The folded start that every inflected form of the base form `base` shares."""
    if base.endswith("*"):
        return fold(base[:-1])
    if base.endswith(("nen",)):
        stem = base[:-3]  # tekninen → tekni(sen)
    elif base.endswith(("us", "ys", "os", "ös", "as", "äs", "in")):
        stem = base[:-1]  # testaus → testau(ksen), selain → selai(men)
    elif base.endswith(("ton", "tön")):
        stem = base[:-2]  # langaton → langat(toman)
    elif len(base) > 6 and base[-2:] in ("da", "dä", "ta", "tä") and base[-3] in _VOWELS:
        stem = base[:-2]  # hallita → halli(tsee), ohjelmoida → ohjelmoi(n)
    elif base[-1] in _VOWELS:
        stem = base[:-1]  # tietokanta → tietokant(ojen)
    else:
        stem = base
    return fold(stem)


@cache
def glossary() -> dict[str, str]:
    """Folded key → English, from the glossary file (the first entry of a key wins)."""
    entries: dict[str, str] = {}
    for line in GLOSSARY_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        finnish, english = line.split("\t")
        key = _key(unicodedata.normalize("NFKC", finnish.strip()).casefold())
        if len(key) >= MIN_KEY:
            entries.setdefault(key, english.strip())
    return entries


def _max_ending(key_length: int) -> int:
    """How many letters of case ending may follow a key: short keys only short ones."""
    return 2 if key_length < 4 else 4 if key_length < 6 else 9


@cache
def _segments(word: str) -> tuple[int, tuple[str, ...]] | None:
    """The best reading of a folded word as glossary words (+ an ending): (score, English).

    The score counts the letters covered by keys, less one per part, so a compound read
    as "asiakas + tietokanta" beats "asiakastieto + (an unknown ending)".
    """
    entries, best = glossary(), None
    for length in range(len(word), MIN_KEY - 1, -1):
        english = entries.get(word[:length])
        if english is None:
            continue
        rest = word[length:]
        if len(rest) <= _max_ending(length):
            best = max(best or (0, ()), (length - 1, (english,)))
        for link in range(MAX_LINKS + 1):
            tail = rest[link:]
            sub = _segments(tail) if len(tail) >= 4 else None
            if sub is not None:
                best = max(best or (0, ()), (length - 1 + sub[0], (english, *sub[1])))
    return best


@dataclass(frozen=True)
class WordReading:
    word: str
    english: str | None  # None: not in the glossary
    finnish: bool  # evidence that the text is Finnish


def read_word(word: str) -> WordReading:
    """How one word (no hyphens) reads: its English, and whether it looks Finnish."""
    lower = word.casefold()
    if lower in _FINNISH_ONLY:
        return WordReading(word, "", True)
    if lower in _ENGLISH_ONLY or _ENGLISH_LOOK.search(lower):
        return WordReading(word, None, False)
    found = _segments(fold(lower))
    if found is None:
        return WordReading(word, None, any(ch in "äö" for ch in lower))
    english = " ".join(found[1])
    # "data", "video", "robot": the same word in both languages says nothing.
    same = lower in english.casefold().split()
    return WordReading(word, english, not same or any(ch in "äö" for ch in lower))


def _words(text: str) -> list[str]:
    """Words of `text`; hyphens split compounds ("SQL-tietokanta"), and a colon ends a
    word before its Finnish case ending ("AWS:ään" → "AWS")."""
    text = re.sub(r"(?<=[^\W_]):[^\W\d_]+", "", unicodedata.normalize("NFKC", text))
    return [w for part in re.split(r"[-–/]", text) for w in _WORD.findall(part)]


def looks_finnish(text: str) -> bool:
    """True when more of the words read as Finnish than as English."""
    readings = [read_word(w) for w in _words(text)]
    finnish = sum(r.finnish for r in readings)
    # Names ("VBScript", "CMM") are no evidence; lower-case English words are.
    english = sum(
        r.word.casefold() in _ENGLISH_ONLY
        or (r.word.islower() and r.english is None and bool(_ENGLISH_LOOK.search(r.word)))
        for r in readings
    )
    return finnish > english


def _keeps(word: str, first: bool, text: str) -> bool:
    """An unknown word kept in the English text: a name, a code or an English word (a
    capital letter at the start of the query makes a name only before a hyphen, as in
    "Java-ohjelmointi")."""
    named = word[:1].isupper() and (not first or re.search(re.escape(word) + r"\s?-", text))
    return (
        any(ch.isupper() or ch.isdigit() or ch in "+#." for ch in word[1:])
        or bool(named)
        or bool(_ENGLISH_LOOK.search(word.casefold()))
    ) and not any(ch in "äöÄÖ" for ch in word)


def translate(text: str) -> str | None:
    """`text` in English glossary words when it reads as Finnish, else None.

    "Uuden SQL-tietokannan suunnittelu" → "new SQL database design planning".
    """
    if not looks_finnish(text):
        return None
    out: list[str] = []
    for position, word in enumerate(_words(text)):
        reading = read_word(word)
        if reading.english:
            out.append(reading.english)
        elif reading.english is None and _keeps(word, position == 0, text):
            out.append(word)
    english = " ".join(out)
    return english if english and english.casefold() != text.casefold() else None
