"""Text typed by people, made safe to store, compare and show: no control characters, and
Markdown escaped where it is shown inside Markdown.

PostgreSQL refuses NUL in text outright, and other C0 controls (escape sequences, bells)
only ever cause trouble in logs, terminals and spreadsheets; tabs and line breaks stay.
"""

from __future__ import annotations

import re

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_controls(text: str) -> str:
    return _CONTROLS.sub("", text)


def has_controls(text: str) -> bool:
    return _CONTROLS.search(text) is not None


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
