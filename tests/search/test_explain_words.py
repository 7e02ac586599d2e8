"""Explanations name only the words the user typed, in the language typed; one letter is a
word only as the language C; a specific query does not match most profiles (issue 16)."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from core.models import Project
from core.search.explain import _word_spans, typed_words
from core.search.lexical import tokens
from core.search.live import forget_loaded_indexes
from core.search.ranking import RankingParams
from core.search.service import search_profiles
from tests.search.helpers import PROFILES, add_profiles


def test_typed_words_drop_single_letters_but_keep_the_language_c() -> None:
    assert typed_words("C and C++ developer") == ["c", "c++", "developer"]
    assert typed_words("a b x SQL R") == ["sql"]
    assert typed_words("sulautettu ohjelmointi") == ["sulautettu", "ohjelmointi"]


def test_a_lone_c_matches_only_the_capital_language_name() -> None:
    text = "(c) 2024 Python and C code, c-style"
    spans = [text[s:e] for s, e in _word_spans(text, {"c"})]
    assert spans == ["C"]
    assert [text[s:e] for s, e in _word_spans("I write C#", {"c"})] == []


def test_the_shipped_floor_is_on() -> None:
    assert 0 < RankingParams().relative_floor < 1


@pytest.fixture
def ids(session: Session, project: Project) -> dict[str, int]:
    forget_loaded_indexes()
    return add_profiles(session, project)


@pytest.mark.model
def test_a_finnish_query_names_only_its_own_words(ids: dict[str, int]) -> None:
    query = "kokenut kehittäjä sulautettu ohjelmointi mikrokontrollerit"
    typed = set(tokens(query))
    page = search_profiles(query)
    assert page.hits
    for hit in page.hits:
        shown = {w.casefold() for w in hit.explanation.words}
        assert shown <= typed, (hit.code, shown)  # never "developer", "experience"
    finnish = next(h for h in page.hits if h.code == "SP-FIEMB")
    assert "mikrokontrollerit" in {w.casefold() for w in finnish.explanation.words}


@pytest.mark.model
def test_a_specific_query_matches_few_profiles(ids: dict[str, int]) -> None:
    consenting = sum(1 for p in PROFILES if p[-1])
    # The shipped floor always keeps the best 10; with six profiles, keep only the best one.
    floored = search_profiles(
        "VHDL timing closure", per_page=50, params=RankingParams(floor_keeps=1)
    )
    unfloored = search_profiles(
        "VHDL timing closure", per_page=50, params=RankingParams(relative_floor=0.0)
    )
    assert floored.hits[0].code == "SP-VHDL1"
    assert floored.total < unfloored.total <= consenting
    assert {h.code for h in floored.hits} <= {"SP-VHDL1", "SP-NOCON"}
