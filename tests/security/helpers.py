"""What a page showed, as text, and hostile inputs to throw at it."""

from __future__ import annotations

from typing import Any

import pandas as pd
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

# Every hostile kind the issue names, plus LIKE wildcards and direction tricks.
PAYLOADS: dict[str, str] = {
    "sql_quote": "' OR '1'='1' --",
    "sql_drop": 'x\'; DROP TABLE "user"; --',
    "sql_union": 'x\' UNION SELECT password_hash FROM "user" --',
    "html": '<img src=x onerror="alert(1)"><b>bold</b>',
    "javascript": "<script>alert(document.cookie)</script>",
    "markdown_link": "[click me](javascript:alert(1)) **bold** :red[red]",
    "excel_formula": '=HYPERLINK("http://evil.example","click")',
    "excel_dde": "+cmd|' /C calc'!A0",
    "path_traversal": "../../../../etc/passwd",
    "huge_100kb": "A" * 100_000,
    "control_chars": "a\x00b\x07c\x1b[31md\r\ne\tf",
    "emoji_unicode": "👩‍💻🚀 Zürich ÅÄÖ ĳ ﬁ",
    "rtl_override": "\u202eevil\u202c\u200b",
    "like_wildcards": "%_%\\",
}


def _texts(node: Any, out: list[str]) -> None:
    proto = getattr(node, "proto", None)
    if proto is not None:
        out.append(str(proto))
    if type(node).__name__ == "Dataframe":
        value = node.value
        if isinstance(value, pd.DataFrame):
            out.append(value.to_string())
            out.append(" ".join(str(c) for c in value.columns))
    for child in getattr(node, "children", {}).values():
        _texts(child, out)


def page_text(at: AppTest) -> str:
    """Everything the page put on screen (main area and sidebar), tables included."""
    out: list[str] = []
    _texts(at.main, out)
    _texts(at.sidebar, out)
    return "\n".join(out)


def open_url(at: AppTest, url_path: str) -> AppTest:
    """Ask for a page by its URL, as a browser does, whether or not the menu offers it."""
    at._page_hash = calc_hash(url_path)  # what the browser's /<url_path> resolves to
    return at.run()


def submit(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click()
    return at.run()
