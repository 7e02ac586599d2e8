"""Programme descriptions: measured claims with their counts, English and Finnish, Word export."""

from __future__ import annotations

import io

import pandas as pd
from docx import Document

from core.competence.programme_text import describe_programme, to_docx, to_markdown
from core.competence.supply import SkillFacts


def _facts() -> SkillFacts:
    students = [f"s{i}" for i in range(7)]
    supply = [(s, "u:py", "Python", 1) for s in students]  # 7 show Python
    supply += [(s, "u:sql", "SQL", 2) for s in students[:5]]  # 5 show SQL (twice each)
    supply += [(s, "u:vhdl", "VHDL", 1) for s in students[:2]]  # 2: below the threshold
    return SkillFacts(
        students=pd.DataFrame(
            {"student": students, "programme": "CSE", "spearhead": "S", "study_year": "1"}
        ),
        supply=pd.DataFrame(supply, columns=["student", "uri", "label", "mentions"]),
        demand=pd.DataFrame(
            [(1, "u:sql", "SQL", 1), (2, "u:sql", "SQL", 1), (2, "u:vhdl", "VHDL", 1)],
            columns=["company_id", "uri", "label", "needs"],
        ),
    )


def test_claims_carry_their_counts_and_small_groups_are_left_out() -> None:
    description = describe_programme(_facts(), "CSE", "en")
    text = to_markdown(description)
    assert "Measured from 7 students' profiles" in text
    assert "**Python**: 7 students (7 pieces of evidence)" in text
    assert "**SQL**: 5 students (10 pieces of evidence)" in text
    assert "Python together with SQL: 5 students" in text
    assert "**SQL**: needed by 2 companies; shown by 5 students" in text
    assert "VHDL" not in text  # two students only: no claim


def test_finnish_description_and_word_export() -> None:
    description = describe_programme(_facts(), "CSE", "fi")
    text = to_markdown(description)
    assert "**SQL**: 5 opiskelijaa (10 osoitusta)" in text
    assert "Tyypilliset yhdistelmät" in text
    document = Document(io.BytesIO(to_docx(description)))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == "CSE"
    assert any(p.startswith("**SQL**: 5 opiskelijaa") for p in paragraphs)


def test_a_programme_without_enough_data_claims_nothing() -> None:
    text = to_markdown(describe_programme(_facts(), "ECE", "en"))
    assert "Too few students show any one skill" in text
