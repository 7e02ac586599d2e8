"""Finnish queries read in English: inflected forms, compounds, names, English left alone."""

from __future__ import annotations

import numpy as np
import pytest

from core.search.finnish import glossary, looks_finnish, translate
from core.search.query import mix_vectors, prepare_query, query_terms
from core.search.ranking import RankingParams


@pytest.mark.parametrize(
    ("finnish", "english"),
    [
        ("ohjelmointi", "programming"),
        ("ohjelmoinnin", "programming"),  # nt → nn
        ("tietokannan", "database"),
        ("tietokantojen", "database"),
        ("verkon", "network"),  # kk → k
        ("testauksen", "testing"),
        ("sulautettujen järjestelmien", "embedded system"),
        ("käyttöliittymiä", "user interface"),
    ],
)
def test_inflected_forms_find_their_base_form(finnish: str, english: str) -> None:
    assert translate(finnish) == english


@pytest.mark.parametrize(
    ("compound", "parts"),
    [
        ("asiakastietokantamme", ["customer", "database"]),
        ("tietoturvatestaus", ["information security", "testing"]),
        ("pilvipalvelinten", ["cloud server"]),  # a glossary compound beats its parts
        ("mobiilisovelluksestamme", ["mobile app"]),
        ("tilasto-ohjelmistojen", ["statistics", "software"]),
    ],
)
def test_compounds_are_split_into_glossary_words(compound: str, parts: list[str]) -> None:
    english = translate(compound)
    assert english is not None
    for part in parts:
        assert part in english


def test_names_and_tools_stay_and_unknown_finnish_words_go() -> None:
    assert translate("Java-ohjelmointi") == "Java programming"
    assert translate("Uuden SQL-tietokannan suunnittelu AWS:ään") == (
        "SQL database design planning AWS"
    )


@pytest.mark.parametrize(
    "english",
    [
        "embedded Linux device drivers",
        "React front end with TypeScript",
        "W3C standards",
        "robotics and testing",
        "data warehouse and ETL",
        "VHDL",
        "Design a REST API so partners can connect to our service",
    ],
)
def test_english_queries_are_left_unchanged(english: str) -> None:
    assert not looks_finnish(english)
    assert translate(english) is None
    vectors = {english: np.array([1.0, 0.0], dtype=np.float32)}
    prepared = prepare_query(english, lambda texts: np.stack([vectors[t] for t in texts]),
                             RankingParams())  # fmt: skip
    assert prepared.english is None and prepared.terms == query_terms(english, None)


def test_a_finnish_query_mixes_its_english_vector_and_words() -> None:
    own, english = np.array([1.0, 0.0], np.float32), np.array([0.0, 1.0], np.float32)
    prepared = prepare_query(
        "sulautettu ohjelmointi",
        lambda texts: np.stack([own if t == "sulautettu ohjelmointi" else english for t in texts]),
        RankingParams(english_weight=0.5, esco_view=False),
    )
    assert prepared.english == "embedded programming"
    assert prepared.terms == ["sulautettu", "ohjelmointi", "embedded", "programming"]
    np.testing.assert_allclose(prepared.vector, [2**-0.5, 2**-0.5], rtol=1e-6)
    assert mix_vectors(own, english, 0.0) is own


def test_the_glossary_is_a_few_hundred_terms() -> None:
    assert len(glossary()) > 300


# issue 16: a Finnish query's English view also names its nearest ESCO skill.
@pytest.mark.model
def test_a_finnish_query_adds_its_nearest_esco_skill() -> None:
    from core.search.model.loading import get_embedder

    embed = get_embedder().embed_queries
    prepared = prepare_query("sulautettujen järjestelmien ohjelmointi", embed, RankingParams())
    plain = prepare_query(
        "sulautettujen järjestelmien ohjelmointi", embed, RankingParams(esco_view=False)
    )
    assert prepared.english is not None and plain.english is not None
    assert prepared.english.startswith(plain.english) and len(prepared.english) > len(plain.english)
    assert set(plain.terms) < set(prepared.terms)
    assert abs(float(np.linalg.norm(prepared.vector)) - 1) < 1e-5
    english = prepare_query("embedded programming", embed, RankingParams())
    assert english.english is None  # English queries are untouched
