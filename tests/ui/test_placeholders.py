"""Streamlit's own placeholders ("Choose an option", "Choose options") are English whatever the
UI's language: every empty choice in pages/ and ui/ says its own, translated placeholder."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _empty_choices_without_placeholder() -> list[str]:
    found = []
    for path in sorted([*ROOT.glob("pages/*.py"), *ROOT.glob("ui/*.py")]):
        for node in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            names = {k.arg for k in node.keywords}
            if None in names or "placeholder" in names:  # **widget passes the caller's
                continue
            starts_empty = node.func.attr == "multiselect" or (
                node.func.attr == "selectbox"
                and any(
                    k.arg == "index" and isinstance(k.value, ast.Constant) and k.value.value is None
                    for k in node.keywords
                )
            )
            if starts_empty:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_empty_choice_has_a_translated_placeholder() -> None:
    assert _empty_choices_without_placeholder() == []
