"""Lexical ranking: tokens that keep tool names whole ("C++", "Node.js", "I2C") and BM25 (bm25s)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import bm25s
import numpy as np
from bm25s.stopwords import STOPWORDS_EN_PLUS

# "it" stays a word: "IT support" and "IT security" are what SMEs type.
STOPWORDS_EN = frozenset(STOPWORDS_EN_PLUS) - {"it"}
STOPWORDS_FI = frozenset(
    """
    ja on ei se että olen olet oli olin olivat ovat ole olla ollut olleet olisi ollaan
    minä sinä hän me te he minun sinun hänen meidän teidän heidän minua sinua häntä meitä
    minulla sinulla hänellä meillä teillä heillä minulle meille niitä niiden sen siitä sitä
    siihen siinä tämä tämän tätä tässä tähän tuo tuon nämä näiden noita ne mikä mitä mikä
    kuka ketä joka jotka jonka joita jossa johon josta kun jos kuin mutta tai sekä eli vaan
    myös vain jo vielä nyt sitten niin koska kanssa kautta ilman mukaan yli alle ennen
    jälkeen aikana ei eikä emme en et eivät hyvin paljon aina usein jotain jotakin joku
    kaikki kaikkia muu muut muita oma omat itse tarvitsemme haluamme etsimme meidän
    """.split()  # noqa: SIM905 (a word list reads better as one block)
)
STOPWORDS = STOPWORDS_EN | STOPWORDS_FI
MAX_QUERY_TOKENS = 64

# A token starts with a letter or digit and may go on through + and # ("c++", "c#") and
# through . - / when a letter or digit follows ("node.js", "ci/cd", "sql-tietokanta").
TOKEN_PATTERN = re.compile(r"[^\W_](?:[^\W_]|[.\-/](?=[^\W_]))*[+#]*")
_PARTS = re.compile(r"[.\-/]")


def tokens(text: str) -> list[str]:
    """Lower-case tokens without stop words; "node.js" also yields "node" and "js"."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    out: list[str] = []
    for token in TOKEN_PATTERN.findall(folded):
        if token not in STOPWORDS:
            out.append(token)
        if _PARTS.search(token):
            out.extend(p for p in _PARTS.split(token) if p and p not in STOPWORDS and p != token)
    return out


def query_tokens(text: str) -> list[str]:
    """The distinct tokens of a query (a 10,000-character paste is cut to its first 64)."""
    return list(dict.fromkeys(tokens(text)))[:MAX_QUERY_TOKENS]


class LexicalIndex:
    """BM25 over whole profiles (row i = document i); immutable, rebuilt after changes."""

    def __init__(self, documents: Sequence[Sequence[str]]) -> None:
        self.size = len(documents)
        self._bm25 = bm25s.BM25()
        # bm25s cannot index an empty corpus or all-empty documents; a filler token keeps
        # rows aligned and matches no query token.
        corpus = [list(doc) or ["\x00"] for doc in documents] or [["\x00"]]
        self._bm25.index(corpus, show_progress=False)
        self._vocab: frozenset[str] = frozenset(self._bm25.vocab_dict)

    def scores(self, terms: Sequence[str]) -> np.ndarray:
        """BM25 score of every row for the query terms (zeros when no term is known)."""
        known = [term for term in terms if term in self._vocab]
        if not known or self.size == 0:
            return np.zeros(self.size, dtype=np.float32)
        scores: np.ndarray = self._bm25.get_scores(known)[: self.size]
        return scores.astype(np.float32, copy=False)
