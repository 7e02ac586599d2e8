"""`python -m core search` and `reindex`: the JSON formats and the errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import Session

from core.cli.main import main
from core.models import Project
from core.search.live import forget_loaded_indexes
from tests.search.helpers import add_profiles

pytestmark = pytest.mark.model


@pytest.fixture(autouse=True)
def _profiles(session: Session, project: Project) -> None:
    forget_loaded_indexes()
    add_profiles(session, project)


def test_one_query_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "VHDL", "--top", "2", "--json"]) == 0
    line = json.loads(capsys.readouterr().out)
    assert line["query"] == "VHDL" and line["qid"] is None
    assert len(line["results"]) == 2
    assert line["results"][0]["code"] == "SP-VHDL1"
    assert set(line["results"][0]) == {"code", "score"}


def test_batch_queries_one_line_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    queries = tmp_path / "q.jsonl"
    queries.write_text(
        '{"qid": "a", "query": "Kubernetes"}\n\n{"qid": 7, "query": "sulautettu ohjelmointi"}\n'
        '{"qid": "empty", "query": "  "}\n'
    )
    assert main(["search", "--queries", str(queries), "--top", "3", "--json"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["qid"] for x in lines] == ["a", 7, "empty"]
    assert lines[0]["results"][0]["code"] == "SP-KUBER"
    assert {r["code"] for r in lines[1]["results"]} >= {"SP-FIEMB", "SP-ENEMB"}
    assert lines[2]["results"] == [] and lines[2]["error"]


def test_a_bad_batch_line_is_named_and_nothing_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    queries = tmp_path / "q.jsonl"
    queries.write_text('{"qid": 1, "query": "VHDL"}\nnot json\n')
    assert main(["search", "--queries", str(queries), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "line 2" in captured.err


def test_text_output_and_reindex(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reindex"]) == 0
    assert "6 profiles" in capsys.readouterr().out
    assert main(["search", "Zephyr RTOS", "--top", "1"]) == 0
    assert "SP-ENEMB" in capsys.readouterr().out


def test_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search"]) == 2
    assert main(["search", "x", "--top", "0"]) == 2
    assert main(["search", ""]) == 2
    assert "The search is empty" in capsys.readouterr().err
