"""Remove what identifies a person from free text before it leaves `core` for SME users.

Removed (see `contacts` and `places` for the forms each is recognised in): e-mail addresses,
web addresses and bare domains, user names next to GitHub/Discord/Telegram/…, phone and
student numbers (also with spaces or dashes between the digits), IBANs, identity codes,
birth dates, the person's own recorded identifiers, the person's own names in any spacing,
casing or joining ("AinoKorhonen", "a.korhonen", "korhonen_aino", "ainokorhonen.dev", Finnish
inflected forms, with or without diacritics), and the person's own home town or country of
origin. Other place names are kept but flagged. Text is NFKC-normalised and invisible format
characters are dropped first, so full-width or zero-width tricks do not hide an address.

`preview_redaction` says what was removed and what was flagged (kind and span), so the author
can check it; `redact` is its text. Other people's names are not recognised.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from core.models import Participant
from core.privacy.contacts import contact_findings
from core.privacy.findings import (
    Finding,
    Kind,
    finding,
    fold,
    inflection_stems,
    is_inflected,
    spellings,
)
from core.privacy.places import place_findings

REMOVED = "[…]"
MIN_NAME_CHARS = 2
# Name particles that are ordinary words too short or common to remove on their own.
NAME_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "di", "la", "le", "el", "al"})
MAX_TEXT_CHARS = 20_000  # a profile text longer than this is cut before it is shown
MAX_JOINED_CHARS = 60  # longer tokens are not split into name parts (bounded work)
_WORD = re.compile(r"[^\W\d_]+")
_TOKEN = re.compile(r"[^\W_]+")
# "K o r h o n e n", "k.o.r.h.o.n.e.n": single letters with one separator between them.
_SPACED_LETTERS = re.compile(r"(?<!\w)(?:[^\W\d_][ .·_-]){2,60}[^\W\d_](?!\w)")
_SEPARATORS = re.compile(r"[\s,;/._\-·|]*")
_INITIAL_BEFORE = re.compile(r"(?:(?<!\w)(?P<lower>\w)[._-]|(?<!\w)(?P<upper>\w)\.\s?)$")
_INITIAL_AFTER = re.compile(r"[._-](?P<initial>\w)(?!\w)")


@dataclass(frozen=True)
class Identity:
    """What identifies one person: names (any order, any parts), literal identifiers (e-mail,
    student number) and own places (home town, country of origin) when they are known."""

    names: tuple[str, ...] = ()
    literals: tuple[str, ...] = field(default=())
    places: tuple[str, ...] = field(default=())

    @classmethod
    def of(
        cls, names: Iterable[str], literals: Iterable[str] = (), places: Iterable[str] = ()
    ) -> Identity:
        return cls(
            tuple(n for n in names if n),
            tuple(x for x in literals if x),
            tuple(p for p in places if p),
        )


def identity_of(participant: Participant | None) -> Identity | None:
    """A participant's identity as the record holds it (names, e-mail, student number). The
    record holds no home town or country of origin: a stated origin is found in the text
    itself (see core.privacy.places)."""
    if participant is None:
        return None
    return Identity.of(
        [participant.first_name, participant.last_name],
        [participant.email, participant.student_number],
    )


@dataclass(frozen=True)
class RedactionPreview:
    """What redaction did to one text: the text it read, the result, and why."""

    original: str  # normalised and cut: the spans below point into it
    redacted: str
    removed: tuple[Finding, ...]  # in text order; overlapping finds joined
    flagged: tuple[Finding, ...]  # kept, but worth a look (place names)


def normalise(text: str) -> str:
    """NFKC, without invisible format characters (zero-width spaces, direction marks)."""
    if text.isascii():
        return text  # already both (the common case, and ten times faster)
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


@dataclass(frozen=True)
class _NameForms:
    exact: frozenset[str]  # folded name parts in each spelling ("korhonen", "karkkainen")
    stems: frozenset[str]  # stems of their inflected forms
    initials: frozenset[str]


@cache
def _name_forms(names: tuple[str, ...]) -> _NameForms:
    exact: set[str] = set()
    for name in names:
        for part in _WORD.findall(normalise(name)):
            if len(part) >= MIN_NAME_CHARS and fold(part) not in NAME_PARTICLES:
                exact |= spellings(part)
    stems = {stem for word in exact for stem in inflection_stems(word)}
    return _NameForms(frozenset(exact), frozenset(stems), frozenset(w[0] for w in exact))


def _joined(word: str, forms: _NameForms) -> bool:
    """`word` is name parts and initials run together: "ainokorhonen", "akorhonen", "ainok"."""
    if len(word) > MAX_JOINED_CHARS or word[:1] not in forms.initials:
        return False
    if not any(len(part) >= 3 and part in word for part in forms.exact):
        return False  # the quick answer for almost every word

    @cache
    def split(at: int, initials: int) -> int:
        """The most full parts a split of word[at:] can have (-1: no split)."""
        if at == len(word):
            return 0
        best = -1
        # A trailing "s" is a plural or genitive ("marks" for Mark S.), not an initial.
        if initials < 2 and word[at] in forms.initials and word[at:] != "s":
            best = split(at + 1, initials + 1)
        for part in forms.exact:
            if len(part) >= 3 and word.startswith(part, at):
                rest = split(at + len(part), initials)
                best = max(best, rest + 1 if rest >= 0 else -1)
        return best

    return split(0, 0) >= 1


def _is_name(token: str, folded: str, forms: _NameForms) -> bool:
    if token.isalpha():
        letters = folded
    else:
        letters = "".join(
            c for c, letter in zip(folded, map(str.isalpha, token), strict=True) if letter
        )
    # Every form of a name starts with a name's first letter: most words stop here.
    if not letters or letters[0] not in forms.initials:
        return False
    if letters in forms.exact or _joined(letters, forms):
        return True
    return token.isalpha() and is_inflected(token, letters, forms.stems)


def _name_findings(text: str, folded: str, identity: Identity) -> Iterator[Finding]:
    forms = _name_forms(identity.names)
    if not forms.exact:
        return
    for match in _TOKEN.finditer(text):
        if _is_name(match.group(0), folded[match.start() : match.end()], forms):
            yield _with_initials(text, match.start(), match.end(), forms)
    for match in _SPACED_LETTERS.finditer(text):
        letters = "".join(ch for ch in folded[match.start() : match.end()] if ch.isalpha())
        if letters in forms.exact or _joined(letters, forms):
            yield finding(Kind.NAME, text, *match.span())


def _with_initials(text: str, start: int, end: int, forms: _NameForms) -> Finding:
    """The name with an initial joined to it: "a.korhonen", "A. Korhonen", "korhonen_a"."""
    before = _INITIAL_BEFORE.search(text, max(0, start - 3), start)
    if before is not None:
        letter = before.group("lower") or before.group("upper")
        if fold(letter) in forms.initials and (before.group("lower") or letter.isupper()):
            start = before.start()
    after = _INITIAL_AFTER.match(text, end)
    if after is not None and fold(after.group("initial")) in forms.initials:
        end = after.end()
    return finding(Kind.NAME, text, start, end)


_DIGIT_RUN = re.compile(r"(?<!\d)\d(?:[\s.-]?\d)*(?!\d)")


def _literal_findings(text: str, folded: str, identity: Identity) -> Iterator[Finding]:
    """The recorded e-mail and student number, in any case ("26 33 333" for 2633333)."""
    numbers: set[str] = set()
    for literal in identity.literals:
        literal = normalise(literal).strip()
        digits = re.sub(r"[\s.-]", "", literal)
        if digits.isdigit() and len(digits) >= 5:
            numbers.add(digits)
        elif len(literal) >= 3:
            wanted, position = fold(literal), 0
            while (at := folded.find(wanted, position)) >= 0:
                yield finding(Kind.IDENTIFIER, text, at, at + len(wanted))
                position = at + 1
    for match in _DIGIT_RUN.finditer(text) if numbers else ():
        # Digits and where each stands: the number may be part of a longer run ("no. 5 26 33 333").
        places = [match.start() + i for i, ch in enumerate(match.group(0)) if ch.isdigit()]
        digits = "".join(text[i] for i in places)
        for number in numbers:
            at = digits.find(number)
            while at >= 0:
                yield finding(Kind.IDENTIFIER, text, places[at], places[at + len(number) - 1] + 1)
                at = digits.find(number, at + 1)


# Of two finds of one span, the preview names the more telling: "your name" before "a handle".
PRECEDENCE = (Kind.IDENTIFIER, Kind.NAME, Kind.EMAIL, Kind.PHONE, Kind.NUMBER, Kind.WEB)


def _precedence(item: Finding) -> tuple[int, int]:
    rank = PRECEDENCE.index(item.kind) if item.kind in PRECEDENCE else len(PRECEDENCE)
    return (item.start - item.end, rank)  # the longest first, then by kind


def _joined_findings(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """Overlapping finds as one, named by the longest (the preview lists each piece once)."""
    joined: list[Finding] = []
    for item in sorted(findings, key=lambda f: (f.start, -f.end)):
        if item.end <= item.start:
            continue
        if joined and item.start < joined[-1].end:
            last = joined[-1]
            kind = min(last, item, key=_precedence).kind
            joined[-1] = finding(kind, text, last.start, max(last.end, item.end))
        else:
            joined.append(item)
    return joined


def _replaced(text: str, removed: list[Finding]) -> str:
    """`text` with each removal as `REMOVED`; removals with only separators between read as one."""
    spans: list[tuple[int, int]] = []
    for item in removed:
        if spans and _SEPARATORS.fullmatch(text, spans[-1][1], item.start):
            spans[-1] = (spans[-1][0], item.end)
        else:
            spans.append((item.start, item.end))
    parts, position = [], 0
    for start, end in spans:
        parts += [text[position:start], REMOVED]
        position = end
    parts.append(text[position:])
    return "".join(parts).strip()


def preview_redaction(
    text: str, identity: Identity | None = None, *, today: date | None = None
) -> RedactionPreview:
    """What `redact` removes from `text` and which place names it flags (pure; no database)."""
    clean = normalise(text[:MAX_TEXT_CHARS]) if text else ""
    folded = fold(clean)  # same length as `clean`: offsets carry over
    found = list(contact_findings(clean, today or date.today()))
    own_places: tuple[str, ...] = ()
    if identity is not None:
        found += _literal_findings(clean, folded, identity)
        found += _name_findings(clean, folded, identity)
        own_places = identity.places
    places, flagged = place_findings(clean, folded, own_places)
    removed = _joined_findings(clean, [*found, *places])
    kept_flags = tuple(
        f for f in flagged if not any(r.start < f.end and f.start < r.end for r in removed)
    )
    return RedactionPreview(clean, _replaced(clean, removed), tuple(removed), kept_flags)


def redact(text: str, identity: Identity | None = None, *, today: date | None = None) -> str:
    """`text` without anything that would identify its author (or anyone's contact details)."""
    return preview_redaction(text, identity, today=today).redacted
