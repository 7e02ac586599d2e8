"""Contact details in free text, however they are written: e-mail addresses (also "x at
gmail.com", "x (at) oulu (dot) fi"), web addresses and bare domains, user names next to GitHub,
Discord, Telegram, …, phone and student numbers with spaces or dashes between the digits, IBANs,
identity codes and birth dates. Ordinary technical text (years, versions, standards such as
"IEC 62443-4-2") is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date

from core.privacy.findings import Finding, Kind, accept_all, finding, fold, word_set

# Matches start only where a word-and-dot run starts, and repeats are bounded: otherwise a long
# run such as "a.a.a.…" or "a dot a dot …" is rescanned from every position (quadratic time
# on hostile input, a denial of service).
START = r"(?<![\w.+-])"
AT = r"\s*[(\[{<]\s*(?:at|ät|@)\s*[)\]}>]\s*"  # "(at)", "[at]", "{ät}"
BRACKET_DOT = r"\s*[(\[{<]\s*(?:dot|piste|\.)\s*[)\]}>]\s*"
WORD_DOT = r"\s+(?:dot|piste)\s+"
DOT = rf"(?:\.|{BRACKET_DOT}|{WORD_DOT})"
# Top-level domains people use for their own pages; not those that are also file endings
# (.py, .js, .md, .rs, .sh, .pl, .ml, .go) or ordinary words (.in, .it, .is, .at, .to, .so).
TLDS = (
    "com|fi|org|net|io|dev|me|app|eu|se|de|uk|info|co|ai|xyz|page|site|online|tech|blog|cv|"
    "pro|name|no|dk|ee|ru|cn|ca|us|ly|gg|tv|cloud|studio|design|codes|live|one|space|website|"
    "email|social|club|works|xyz|ninja|rocks|art|me\\.uk|co\\.uk"
)
PROVIDERS = (
    "gmail|googlemail|hotmail|outlook|live|msn|yahoo|icloud|proton|protonmail|pm|gmx|aol|"
    "yandex|mail|inbox|zoho|qq|163|126|tutanota|tuta|fastmail|hey|suomi24|luukku|elisanet|"
    "kolumbus|saunalahti|welho|student|oulu"
)
PLATFORM_NAMES = (
    "discord", "github", "gitlab", "bitbucket", "telegram", "linkedin", "twitter", "instagram",
    "facebook", "mastodon", "bluesky", "bsky", "reddit", "slack", "skype", "whatsapp", "signal",
    "wechat", "kaggle", "leetcode", "hackerrank", "codeforces", "stackoverflow", "stack overflow",
    "medium", "behance", "dribbble", "youtube", "tiktok", "snapchat", "twitch", "steam", "keybase",
    "matrix", "huggingface", "hugging face", "threads", "x.com",
)  # fmt: skip
SOCIAL_HOSTS = (
    "linkedin|github|gitlab|bitbucket|twitter|x|facebook|instagram|medium|behance|dribbble|"
    "stackoverflow|kaggle|youtube|tiktok|discord|telegram|t|wa|threads|mastodon|bsky"
)
LABELS = (
    "github|gitlab|linkedin|twitter|telegram|instagram|facebook|discord|skype|whatsapp|wechat|"
    "signal|kaggle|medium|portfolio|website|homepage|site|blog|email|e-mail|sähköposti|puh|"
    "puhelin|phone|tel|mobile|gsm|whatsapp|student\\s*(?:number|no|id|#)|opiskelijanumero|"
    "op\\.?\\s*nro|hetu|henkilötunnus"
)
# Words that stand before "at"/"on" in ordinary sentences, never an address's local part.
STOPWORDS = word_set(
    "me us you him her them it i we is am are was be been the a an my our your their this "
    "that these those everything anything something more out up in on details info profile "
    "projects repos repo code work works worked working job jobs student students studying "
    "study intern internship developer engineer active available look looking here there "
    "home school university good bad best well also too both free open"
)
# Products whose names look like domains.
TECH_DOMAINS = frozenset({"socket.io", "draw.io", "fly.io", "asp.net", "ado.net", "vb.net"})
STANDARD_BEFORE = re.compile(
    r"(?:\b(?:iso|iec|en|sfs|ieee|etsi|itu(?:-t)?|rfc|ansi|din|nist|sp|ts|tr|ecma|ul|astm)"
    r"[\s/:-]*(?:iec[\s/:-]*)?)$",
    re.IGNORECASE,
)
MAX_HANDLE = r"[\w][\w.#-]{1,38}"


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_EMAIL = _compile(
    rf"{START}[\w.+-]+(?:\s*@\s*[\w-]+(?:{DOT}[\w-]+){{1,6}}|{AT}[\w-]+(?:{DOT}[\w-]+){{0,6}})"
)
_WORD_AT_EMAIL = _compile(
    rf"{START}(?P<local>[\w.+-]+(?:{WORD_DOT}[\w-]+){{0,4}})\s+(?:at|ät)\s+"
    rf"(?P<domain>[\w-]+(?:{DOT}[\w-]+){{1,6}}|(?:{PROVIDERS})\b)"
)
SOCIAL_TLDS = ("com", "me", "gg", "io", "org", "net", "social", "app")
# (pattern, a cheap test on the lower-cased text: without it the pattern cannot match).
_WEB: list[tuple[re.Pattern[str], Callable[[str], bool]]] = [
    (_compile(r"(?:https?://|ftp://|www\.)\S+"), lambda low: "://" in low or "www." in low),
    (_compile(rf"{START}(?:[\w-]+\.){{0,5}}(?:{SOCIAL_HOSTS})\.(?:{'|'.join(SOCIAL_TLDS)})\b\S*"),
     lambda low: any(f".{tld}" in low for tld in SOCIAL_TLDS)),
    (_compile(rf"(?-i:{START}[\w-]+(?:\.[\w-]+){{0,6}}\.(?:{TLDS})/\S*)"), lambda low: "/" in low),
    # A bare domain: "ainokorhonen.dev", "aino-k.github.io" (lower-case ending: not "ASP.NET").
    (_compile(rf"(?-i:{START}(?:[\w-]+\.){{1,6}}(?:{TLDS}))(?![\w-]|\.[\w-])"), lambda low: True),
    # Spelt out: "ainokorhonen dot dev", "aino [dot] fi".
    (_compile(rf"{START}[\w-]+(?:(?:{BRACKET_DOT}|{WORD_DOT})[\w-]+){{0,4}}"
              rf"(?:{BRACKET_DOT}|{WORD_DOT})(?:{TLDS})\b"),
     lambda low: "dot" in low or "piste" in low or any(c in low for c in "([{<")),
]  # fmt: skip
_AT_HANDLE = _compile(r"(?<![\w.])@[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,38}[A-Za-z0-9_])?")
# After a platform's name: "GitHub: ainok", "Discord ainok#1234", "GitHub user ainok".
_AFTER_PLATFORM = _compile(
    r"(?P<keyword>\s+(?:user(?:name)?|handle|nick(?:name)?|id|account|tag|käyttäjä(?:nimi)?|"
    rf"tunnus))?(?P<sep>\s*[:=#]\s*|\s+(?:is|on|=)\s+|\s*[-–]\s*|\s+)(?P<handle>@?{MAX_HANDLE})"
)
_MY_BEFORE = _compile(r"\b(?:my|minun)\s+$")
# Before it: "find AinoKorhonen on Discord", "ainok99 @ GitHub".
_BEFORE_PLATFORM = _compile(
    r"(?P<cue>\b(?:find|add|follow|message|ping|contact|reach|dm|catch|known\s+as|user|username|"
    rf"handle|nick)\s+)?(?<![\w.#@-])(?P<handle>@?{MAX_HANDLE})\s+(?:on|@|at|in)\s+$"
)
_WORD_AT = _compile(r"\s(?:at|ät)\s")
# Matched on the lower-cased text: much faster than a case-insensitive alternation.
_LABELLED = re.compile(
    rf"\b(?:{LABELS})\b\.?(?:\s*[:=#]\s*(?P<value>\S+)|\s*(?P<number>\+?\d[\d \-]{{4,}}\d))"
)
_FIXED_NUMBERS = [
    # IBAN, Finnish personal identity code (ddmmyy-nnnC).
    (Kind.NUMBER, _compile(r"(?-i:\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b)")),
    (Kind.NUMBER, _compile(r"\b\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]\b")),
    # Phone numbers: international, or Finnish with a leading 0 and 7–12 digits.
    (Kind.PHONE, _compile(r"(?<![\w+])(?:\+|00)\d[\d\s().-]{6,18}\d(?!\w)")),
    (Kind.PHONE, _compile(r"(?<![\w+.,])\(?0\d{1,3}\)?[\s.-]?\d[\d\s.-]{4,12}\d(?!\w|[.,]\d)")),
    (Kind.NUMBER, _compile(r"\b\d{6,}\b")),
]  # fmt: skip
# Digit groups with spaces or dashes between them: "26 33 333", "40 123 4567", "2 6 3 3 3 3 3".
_SPLIT_NUMBER = re.compile(
    r"(?<![\w.,+/-])\d{1,4}(?:(?: |\s?[-\u2010-\u2015]\s?)\d{1,4}){1,8}(?!\w|[.,]\d)"
)
_BIRTH_DATE = re.compile(
    r"\b(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d{2})\b|\b((?:19|20)\d{2})-\d{2}-\d{2}\b"
)


def _handle_like(word: str) -> bool:
    """A token that is a user name rather than a word: digits, "_", "." or "#" inside it."""
    word = word.lstrip("@")
    return word.casefold() not in STOPWORDS and bool(re.search(r"[\d_#]|\w\.\w", word))


def _word_at_is_address(match: re.Match[str]) -> bool:
    local, domain = match.group("local"), match.group("domain")
    if local.casefold() in STOPWORDS:
        return False
    provider = re.match(rf"(?:{PROVIDERS})\b", domain, re.IGNORECASE) is not None
    spelt = " " in domain or "(" in domain or "[" in domain
    return provider or spelt or not local.isalpha()


def _named_after(match: re.Match[str], *, mine: bool) -> bool:
    handle = match.group("handle")
    if handle.lstrip("@").casefold() in STOPWORDS:
        return False
    sep = match.group("sep").strip()
    explicit = bool(match.group("keyword")) or sep in {":", "=", "#"}
    explicit = explicit or (mine and sep in {"is", "on", "="})  # "my GitHub is ainok"
    return explicit or handle.startswith("@") or _handle_like(handle)


def _named_before(match: re.Match[str]) -> bool:
    handle = match.group("handle")
    if handle.lstrip("@").casefold() in STOPWORDS:
        return False
    return bool(match.group("cue")) or handle.startswith("@") or _handle_like(handle)


def _platforms(lowered: str) -> Iterator[tuple[int, int]]:
    """Where a platform's name stands as a word (plain string search: fast)."""
    for name in PLATFORM_NAMES:
        at = lowered.find(name)
        while at >= 0:
            end = at + len(name)
            if not (at and lowered[at - 1].isalnum()) and not lowered[end : end + 1].isalnum():
                yield at, end
            at = lowered.find(name, at + 1)


def _handle_findings(text: str, lowered: str) -> Iterator[Finding]:
    for start, end in _platforms(lowered):
        after = _AFTER_PLATFORM.match(text, end)
        mine = _MY_BEFORE.search(text, max(0, start - 8), start) is not None
        if after is not None and _named_after(after, mine=mine):
            yield _trimmed(Kind.HANDLE, text, after, "handle")
        before = _BEFORE_PLATFORM.search(text, max(0, start - 80), start)
        if before is not None and _named_before(before):
            yield _trimmed(Kind.HANDLE, text, before, "handle")


def _is_identifying_number(text: str, match: re.Match[str]) -> bool:
    """Groups of digits that read as a student or phone number, not as years or a standard."""
    groups = re.findall(r"\d+", match.group(0))
    if sum(len(g) for g in groups) < 6:
        return False
    if all(len(g) == 4 and g[:2] in {"19", "20"} for g in groups):
        return False  # "2019-2023", "2019 2020 2021"
    if len(groups) == 3 and _date_like(groups):
        return False  # a date; a birth date is removed as such
    if groups[0][0] != "0" and len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
        return False  # thousands written with spaces: "100 000 users"
    return STANDARD_BEFORE.search(text, max(0, match.start() - 24), match.start()) is None


def _date_like(groups: list[str]) -> bool:
    first, middle, last = (int(g) for g in groups)
    if len(groups[0]) == 4:
        return 1 <= middle <= 12 and 1 <= last <= 31
    return len(groups[2]) == 4 and 1 <= first <= 31 and 1 <= middle <= 12


def _birth_dates(text: str, today: date) -> Iterator[Finding]:
    for match in _BIRTH_DATE.finditer(text):
        year = int(match.group(3) or match.group(4))
        if 1920 <= year <= today.year - 15:
            yield finding(Kind.BIRTH_DATE, text, match.start(), match.end())


def _trimmed(kind: Kind, text: str, match: re.Match[str], group: str | int = 0) -> Finding:
    """The match without sentence punctuation after it ("see aino.dev." keeps its full stop)."""
    start, end = match.span(group)
    while end > start and text[end - 1] in ".,;:!?)]}'\"":
        end -= 1
    return finding(kind, text, start, end)


_AT_SIGN = re.compile(r"@|[(\[{<]\s*(?:at|ät|@)\s*[)\]}>]")
MAX_LOCAL_CHARS = 64  # the longest local part and domain an address may have (RFC 5321)
MAX_DOMAIN_CHARS = 255


def _email_findings(text: str, lowered: str) -> Iterator[Finding]:
    """Addresses around each "@" or "(at)" (overlapping stretches joined, so each character is
    read once): scanning every word for an address costs four times more."""
    stretches: list[list[int]] = []
    for sign in _AT_SIGN.finditer(lowered):
        start, end = max(0, sign.start() - MAX_LOCAL_CHARS), sign.end() + MAX_DOMAIN_CHARS
        if stretches and start <= stretches[-1][1]:
            stretches[-1][1] = end
        else:
            stretches.append([start, end])
    for start, end in stretches:
        for match in _EMAIL.finditer(text, start, min(end, len(text))):
            yield _trimmed(Kind.EMAIL, text, match)


def contact_findings(text: str, today: date) -> Iterator[Finding]:
    """Every contact detail, number and birth date in `text` (spans may overlap)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = fold(text)  # offsets must carry over ("İ".lower() has two characters)
    # Cheap tests first: the slower patterns run only where they can match.
    yield from _email_findings(text, lowered)
    if _WORD_AT.search(text):
        for match in accept_all(_WORD_AT_EMAIL, text, _word_at_is_address):
            yield _trimmed(Kind.EMAIL, text, match)
    for pattern, may_match in _WEB:
        for match in pattern.finditer(text) if may_match(lowered) else ():
            if match.group(0).casefold() not in TECH_DOMAINS:
                yield _trimmed(Kind.WEB, text, match)
    for match in _AT_HANDLE.finditer(text):
        yield finding(Kind.HANDLE, text, *match.span())
    yield from _handle_findings(text, lowered)
    for match in _LABELLED.finditer(lowered):
        if match.group("number"):
            yield finding(Kind.NUMBER, text, *match.span("number"))
        elif match.group("value").casefold() not in STOPWORDS:
            yield _trimmed(Kind.HANDLE, text, match, "value")
    for kind, pattern in _FIXED_NUMBERS:
        for match in pattern.finditer(text):
            yield finding(kind, text, *match.span())
    for match in _SPLIT_NUMBER.finditer(text):
        if _is_identifying_number(text, match):
            yield finding(Kind.NUMBER, text, *match.span())
    yield from _birth_dates(text, today)
