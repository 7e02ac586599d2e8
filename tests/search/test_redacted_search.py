"""The real search over a small database never sees a student's name or contact details."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from core.models import Project
from core.search.live import ensure_index, forget_loaded_indexes
from core.search.service import search_profiles
from tests.people import participant, profile
from tests.search.helpers import add_profiles

pytestmark = pytest.mark.model

SENTENCE = (
    "Write to ak_2001 at gmail.com or find AinoKorhonen on Discord. Student no. 26 33 333. "
    "Site: ainokorhonen.dev"
)
SECRETS = ("ak_2001", "gmail", "AinoKorhonen", "26 33 333", "ainokorhonen", "Korhonen", "Aino")


@pytest.fixture
def aino(session: Session, project: Project) -> str:
    forget_loaded_indexes()
    add_profiles(session, project)
    owner = participant(
        session, project, code="P-AK", first_name="Aino", last_name="Korhonen",
        email="aino.korhonen@student.oulu.fi", student_number="2633333",
    )  # fmt: skip
    profile(
        session, project, owner, code="SP-AINOK",
        skills=f"Signal processing with MATLAB and Python. {SENTENCE}",
        interests="Audio DSP, hearing aids",
    )  # fmt: skip
    session.commit()
    return "SP-AINOK"


@pytest.mark.parametrize("query", ["Aino Korhonen", "AinoKorhonen", "ainokorhonen.dev", "Korhonen"])
def test_the_students_name_does_not_find_the_profile(aino: str, query: str) -> None:
    hits = search_profiles(query, per_page=50).hits
    assert not hits or hits[0].code != aino
    for hit in hits:
        words = " ".join(hit.explanation.words).casefold()
        assert "aino" not in words and "korhonen" not in words


def test_the_index_holds_only_the_redacted_text(aino: str) -> None:
    (record,) = [p.record for p in ensure_index().profiles() if p.record.code == aino]
    for secret in SECRETS:
        assert secret.casefold() not in record.text.casefold(), record.text
    assert "Signal processing with MATLAB and Python." in record.text
    # The skills still find it.
    assert search_profiles("audio signal processing MATLAB").hits[0].code == aino
