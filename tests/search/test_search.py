"""Competence search end to end with the real model: languages, tool names, consent, filters,
paging, stale indexes and hostile queries."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import text
from sqlmodel import Session

from core.models import CompetenceProfile, Project
from core.search.filters import SearchFilters
from core.search.live import IndexState, ensure_index, forget_loaded_indexes, index_status
from core.search.ranking import RankingParams
from core.search.service import SearchInputError, search_profiles
from core.search.store import MANIFEST
from tests.search.helpers import add_profiles

pytestmark = pytest.mark.model


@pytest.fixture
def ids(session: Session, project: Project) -> dict[str, int]:
    forget_loaded_indexes()
    return add_profiles(session, project)


def codes(query: str, **kwargs: object) -> list[str]:
    return [hit.code for hit in search_profiles(query, **kwargs).hits]  # type: ignore[arg-type]


def test_finnish_query_finds_the_english_profile(ids: dict[str, int]) -> None:
    assert "SP-ENEMB" in codes("sulautettu ohjelmointi mikrokontrollereille")[:2]


def test_english_query_finds_the_finnish_profile(ids: dict[str, int]) -> None:
    assert codes("machine learning for image recognition")[0] == "SP-MLFIN"


@pytest.mark.parametrize(
    ("query", "expected"),
    [("VHDL", "SP-VHDL1"), ("Zephyr", "SP-ENEMB"), ("Kubernetes", "SP-KUBER")],
)
def test_exact_tool_names_come_first(ids: dict[str, int], query: str, expected: str) -> None:
    assert codes(query)[0] == expected


def test_hits_explain_themselves(ids: dict[str, int]) -> None:
    hit = search_profiles("VHDL and FPGA").hits[0]
    assert "VHDL" in hit.explanation.words
    assert hit.explanation.pieces and hit.explanation.highlights
    assert hit.relative == 1.0 and hit.score > 0


def test_profiles_without_consent_are_never_found(ids: dict[str, int]) -> None:
    assert "SP-NOCON" not in codes("VHDL Verilog FPGA timing closure", per_page=50)


def test_withdrawn_consent_takes_effect_at_once(session: Session, ids: dict[str, int]) -> None:
    assert codes("VHDL")[0] == "SP-VHDL1"
    profile = session.get(CompetenceProfile, ids["SP-VHDL1"])
    assert profile is not None
    profile.consent_search = False
    session.add(profile)
    session.commit()
    assert "SP-VHDL1" not in codes("VHDL", per_page=50)
    assert ids["SP-VHDL1"] not in {p.record.id for p in ensure_index().profiles()}


def test_consent_withdrawn_behind_the_index_is_checked_at_query_time(
    session: Session, ids: dict[str, int]
) -> None:
    ensure_index()
    # A raw UPDATE: no ORM event, no data version: only the query-time check can catch it.
    withdraw = text("UPDATE competence_profile SET consent_search = false WHERE id = :id")
    session.exec(withdraw, params={"id": ids["SP-KUBER"]})  # type: ignore[call-overload]
    session.commit()
    assert "SP-KUBER" not in codes("Kubernetes", per_page=50)


def test_new_edited_and_deleted_profiles_reach_the_index(
    session: Session, project: Project, ids: dict[str, int]
) -> None:
    assert "SP-REACT" in codes("React")
    profile = session.get(CompetenceProfile, ids["SP-REACT"])
    assert profile is not None
    profile.skills = "Robotics: ROS 2, SLAM and sensor fusion."
    session.add(profile)
    session.commit()
    assert codes("ROS 2 SLAM")[0] == "SP-REACT"
    session.delete(profile)
    session.commit()
    assert "SP-REACT" not in codes("ROS 2 SLAM", per_page=50)


@pytest.mark.parametrize(
    ("filters", "allowed"),
    [
        (SearchFilters(programmes=frozenset({"ECE-MSC"})), {"SP-VHDL1"}),
        (SearchFilters(spearheads=frozenset({"software"})), {"SP-REACT", "SP-KUBER", "SP-MLFIN"}),
        (SearchFilters(study_years=frozenset({3})), {"SP-FIEMB"}),
        (SearchFilters(available_for=frozenset({"thesis"})), {"SP-FIEMB", "SP-ENEMB"}),
        (SearchFilters(languages=frozenset({"fi", "en"})), {"SP-VHDL1", "SP-FIEMB"}),
        (
            SearchFilters(available_by=date(2026, 6, 1)),
            {"SP-VHDL1", "SP-REACT", "SP-KUBER", "SP-ENEMB"},
        ),
    ],
)
def test_each_filter(ids: dict[str, int], filters: SearchFilters, allowed: set[str]) -> None:
    found = set(codes("software and electronics skills", filters=filters, per_page=50))
    assert found and found <= allowed


def test_pages_do_not_overlap_and_add_up(ids: dict[str, int]) -> None:
    first = search_profiles("programming", per_page=2, page=0)
    second = search_profiles("programming", per_page=2, page=1)
    assert len(first.hits) == 2 and second.hits
    assert not {h.code for h in first.hits} & {h.code for h in second.hits}
    assert first.total == second.total and first.pages == -(-first.total // 2)
    assert first.hits[0].score >= first.hits[1].score >= second.hits[0].score


def test_a_manifest_from_another_model_forces_a_rebuild(
    ids: dict[str, int], tmp_path: object
) -> None:
    from core.config import get_settings

    ensure_index()
    path = get_settings().index_dir / MANIFEST
    data = json.loads(path.read_text())
    data["model_id"] = "some-other-model"
    path.write_text(json.dumps(data))
    forget_loaded_indexes()
    with Session(_engine()) as session:
        assert index_status(session).state is IndexState.MODEL_CHANGED
    assert codes("VHDL")[0] == "SP-VHDL1"
    with Session(_engine()) as session:
        assert index_status(session).state is IndexState.READY


def test_data_changed_elsewhere_makes_the_saved_index_stale(
    session: Session, ids: dict[str, int]
) -> None:
    ensure_index()
    forget_loaded_indexes()  # as if another process wrote next
    session.exec(text("UPDATE app_meta SET value = '999' WHERE key = 'data_version'"))  # type: ignore[call-overload]
    change = text(
        "UPDATE competence_profile SET skills = 'Quantum compilers and Qiskit' WHERE id = :id"
    )
    session.exec(change, params={"id": ids["SP-KUBER"]})  # type: ignore[call-overload]
    session.commit()
    assert index_status(session).state is IndexState.STALE
    assert codes("Qiskit quantum")[0] == "SP-KUBER"
    assert index_status(session).state is IndexState.READY


@pytest.mark.parametrize("query", ["", "   ", "\x00\x07\x1b", "🚀🔥", "?!…"])
def test_queries_without_words_get_a_clear_refusal(ids: dict[str, int], query: str) -> None:
    with pytest.raises(SearchInputError):
        search_profiles(query)


@pytest.mark.parametrize(
    "query",
    [
        "VHDL " * 2000,
        "'; DROP TABLE competence_profile; --",
        "<script>alert(1)</script> React",
        "FPGA 🚀 design\x00\x1f",
        "Robert'); DELETE FROM user WHERE ('1'='1",
    ],
)
def test_hostile_queries_search_safely(ids: dict[str, int], query: str) -> None:
    page = search_profiles(query)
    assert len(page.query) <= 500
    assert "\x00" not in page.query
    assert page.shortened == (len(query) > 500)
    assert codes("VHDL")[0] == "SP-VHDL1"  # nothing was dropped or changed


def _engine():  # type: ignore[no-untyped-def]
    from core.db import get_engine

    return get_engine()


def test_consent_withdrawn_through_the_consent_api_leaves_the_index(
    session: Session, project: Project, ids: dict[str, int]
) -> None:
    from core.access.consent import record_consent, withdraw_consent
    from core.codes import ConsentPurpose, ConsentSource
    from tests.people import participant, profile

    person = participant(session, project)
    profile(session, project, person, code="SP-AINO1", skills="Rust and WebAssembly tooling")
    record_consent(
        session, participant_id=person.id or 0, purpose=ConsentPurpose.SEARCH,
        source=ConsentSource.FORM,
    )  # fmt: skip
    session.commit()
    assert codes("Rust WebAssembly")[0] == "SP-AINO1"
    withdraw_consent(
        session, participant_id=person.id or 0, purpose=ConsentPurpose.SEARCH,
        source=ConsentSource.EMAIL,
    )  # fmt: skip
    # Before the commit, the loaded index has already let go of it.
    from core.search.live import loaded_index

    loaded = loaded_index()
    assert loaded is not None
    assert "SP-AINO1" not in {p.record.code for p in loaded.profiles()}
    session.commit()
    assert "SP-AINO1" not in codes("Rust WebAssembly", per_page=50)


def test_the_index_holds_redacted_text_only(
    session: Session, project: Project, ids: dict[str, int]
) -> None:
    from tests.people import participant, profile

    person = participant(session, project)
    profile(
        session, project, person, code="SP-AINO2",
        skills="I am Aino Virtanen (aino.virtanen@student.oulu.fi), I write Haskell compilers.",
    )  # fmt: skip
    session.commit()
    hit = search_profiles("Haskell compilers").hits[0]
    assert hit.code == "SP-AINO2"
    shown = hit.record.text + " ".join(p.text for p in hit.explanation.pieces)
    assert "Aino" not in shown and "Virtanen" not in shown and "@" not in shown


def test_finnish_query_ranks_the_english_profile_higher_through_its_english(
    ids: dict[str, int],
) -> None:
    """ "konttien hallinta pilvessä" (managing containers in the cloud) is an English
    Kubernetes profile; searched also as "container management cloud", it moves up."""
    query = "pilvipalvelinten ja konttien hallinta"
    without = codes(query, params=RankingParams(english_weight=0.0), per_page=50)
    with_english = codes(query, per_page=50)
    assert with_english[0] == "SP-KUBER"
    assert with_english.index("SP-KUBER") < without.index("SP-KUBER")
