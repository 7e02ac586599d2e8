"""Profile texts split into sentences and listed skills, with exact spans; BM25 tokens."""

from __future__ import annotations

from core.search.lexical import query_tokens, tokens
from core.search.pieces import MAX_PIECES, PieceKind, piece_key, split_pieces

TEXT = (
    "My strongest skills are ROS 2, SLAM, sensor fusion and robotics. I tuned the PID loops "
    "of a self-balancing robot.\nCore skills: VHDL, FPGA design (Vivado, cocotb).\n"
    "Pääosaamisalueeni: sulautettu ohjelmointi, erityisesti Zephyr ja C++."
)


def test_every_piece_keeps_its_exact_span() -> None:
    pieces = split_pieces(TEXT)
    assert pieces
    for piece in pieces:
        assert TEXT[piece.start : piece.end] == piece.text


def test_listed_skills_become_phrases_without_their_lead_in() -> None:
    phrases = {p.text for p in split_pieces(TEXT) if p.kind is PieceKind.PHRASE}
    assert {"ROS 2", "SLAM", "sensor fusion", "robotics", "VHDL", "FPGA design"} <= phrases
    assert {"Vivado", "cocotb", "sulautettu ohjelmointi", "Zephyr", "C++"} <= phrases
    assert not any(p.startswith(("My strongest", "Core skills", "erityisesti")) for p in phrases)


def test_sentences_are_pieces_too_and_ordinals_do_not_split_them() -> None:
    pieces = split_pieces("3. vuoden opiskelija. Osaan Pythonin.")
    assert [p.text for p in pieces if p.kind is PieceKind.SENTENCE] == [
        "vuoden opiskelija",
        "Osaan Pythonin",
    ] or "3. vuoden opiskelija" in [p.text for p in pieces]


def test_a_huge_paste_is_cut_into_windows_and_capped() -> None:
    pieces = split_pieces("word " * 20_000)
    assert len(pieces) <= MAX_PIECES
    assert all(len(p.text.split()) <= 40 for p in pieces)


def test_pieces_are_unique_per_profile_and_keys_fold_case_and_punctuation() -> None:
    pieces = split_pieces("Python, python and PYTHON. Python.")
    assert len({piece_key(p.text) for p in pieces}) == len(pieces)
    assert piece_key("  Python. ") == piece_key("python") == "python"


def test_empty_and_punctuation_only_texts_have_no_pieces() -> None:
    assert split_pieces("") == []
    assert split_pieces("... !!! ---") == []


def test_tokens_keep_tool_names_whole_and_also_split_them() -> None:
    assert tokens("C#/.NET and C++ with Node.js, CI/CD and I2C") == [
        "c#", "net", "c++", "node.js", "node", "js", "ci/cd", "ci", "cd", "i2c",
    ]  # fmt: skip
    assert "sql" in tokens("SQL-tietokannan suunnittelu")
    assert "it" in tokens("IT support")  # not a stop word: SMEs mean information technology


def test_query_tokens_are_distinct_and_capped() -> None:
    assert query_tokens("VHDL vhdl VHDL") == ["vhdl"]
    assert len(query_tokens(" ".join(f"w{i}" for i in range(1000)))) == 64
