"""Text typed by people, made safe to store, compare and show (Markdown escaped where it is
shown inside Markdown).

No NUL or other control characters: PostgreSQL refuses NUL in text outright, and other C0
controls (escape sequences, bells) only ever cause trouble in logs, terminals and
spreadsheets; tabs and line breaks stay.

Imported text is also normalised (`clean_text`): composed to NFC, so "Mäki" typed with a
combining diaeresis equals "Mäki" typed with "ä", and stripped of zero-width characters, so
"P-1" and "P-1" + U+200B are one code, not two that look alike. Bidirectional overrides and
isolates (`has_bidi_controls`) reorder what a reader sees ("Trojan Source"); they are
refused, not removed, because removing them changes what the text appears to say.
"""

from __future__ import annotations

import re
import unicodedata

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Zero width space, non-joiner, joiner; word joiner; zero width no-break space (BOM).
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")
# LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def without_controls(text: str) -> str:
    return _CONTROLS.sub("", text)


def has_controls(text: str) -> bool:
    return _CONTROLS.search(text) is not None


def clean_text(text: str) -> str:
    """`text` in NFC with every zero-width character removed."""
    return unicodedata.normalize("NFC", _ZERO_WIDTH.sub("", text))


def has_bidi_controls(text: str) -> bool:
    """True when `text` holds a bidirectional override or isolate character."""
    return _BIDI_CONTROLS.search(text) is not None


def scrub(value: object) -> object:
    """`without_controls` applied to every string inside JSON-like data."""
    if isinstance(value, str):
        return without_controls(value)
    if isinstance(value, dict):
        return {str(scrub(k)): scrub(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [scrub(v) for v in value]
    return value


# Characters that Streamlit's Markdown reads as formatting, links, HTML, directives
# (":orange[…]"), emoji shortcodes (":smile:"), LaTeX ("$"), tables or headings.
_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()<>#+-.!|~$:="})


def escape_markdown(text: str, *, one_line: bool = False) -> str:
    """`text` shown literally by st.markdown: no links, emphasis, colours, HTML or LaTeX.

    Line breaks stay (as Markdown hard breaks); with `one_line` all whitespace becomes single
    spaces, for names and labels inside a sentence.
    """
    if one_line:
        return " ".join(text.split()).translate(_MARKDOWN_SPECIAL)
    return text.translate(_MARKDOWN_SPECIAL).replace("\n", "  \n")
