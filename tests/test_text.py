"""The one Markdown escaper: typed text reads literally, whatever Markdown it holds."""

from __future__ import annotations

import html
import re

import pytest

from core.text import escape_markdown

markdown_it = pytest.importorskip("markdown_it")  # a CommonMark renderer, as Streamlit's is

HOSTILE = [
    "[click](javascript:alert(1))",
    "**bold** _it_ `code` ~~gone~~",
    "<img src=x onerror=alert(1)>",
    "# Admin\n1. one\n- two\n> quoted",
    "a | b\n--- | ---\nc | d",
    ":orange[red] :smile: $x^2$ ==mark==",
    r"back\slash \* kept",
]
FORMATTING = re.compile(r"<(?!/?p>|br />)[a-z]")  # any tag but paragraphs and line breaks


def _rendered(text: str) -> str:
    return str(markdown_it.MarkdownIt("commonmark").render(text))


def _words(rendered: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_the_same_words_and_no_formatting(text: str) -> None:
    rendered = _rendered(escape_markdown(text))
    assert not FORMATTING.search(rendered), rendered
    assert _words(rendered) == text


@pytest.mark.parametrize("text", HOSTILE)
def test_one_line_text_keeps_its_words_on_one_line(text: str) -> None:
    rendered = _rendered(escape_markdown(text, one_line=True))
    assert not FORMATTING.search(rendered) and "<br" not in rendered, rendered
    assert _words(rendered) == " ".join(text.split())


def test_line_breaks_stay_line_breaks() -> None:
    assert "<br />" in _rendered(escape_markdown("first line\nsecond line"))
