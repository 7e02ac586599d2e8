"""Time the privacy layer: suppression (with its LP audit), redaction, and the audit trail.

    .venv/bin/python bench/bench_privacy.py

Prints medians over a few runs on random tables shaped like steering-group charts, the
redaction rate of profile texts, and what automatic audit entries add to 10,000 inserts.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import event
from sqlmodel import Session, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.access import audit
from core.db import make_engine
from core.models import Participant, TargetGroup
from core.privacy.policy import suppress_table
from core.privacy.redact import Identity, redact
from core.project.loading import DEFAULT_PROJECT_FILE, load_project_file
from core.schema import upgrade_database
from core.wiring import wire_sessions

RUNS = 5
SHAPES = [(3, 3), (6, 3), (10, 4), (20, 4), (40, 3)]
COUNTS = [0, 1, 2, 3, 4, 6, 8, 12, 20, 50]


def bench_suppression() -> None:
    rng = np.random.default_rng(2025)
    print("suppress_table, threshold 5, cells drawn from", COUNTS)
    for rows, columns in SHAPES:
        times, hidden = [], []
        for _ in range(RUNS):
            table = pd.DataFrame(rng.choice(COUNTS, size=(rows, columns)).astype(float))
            start = time.perf_counter()
            result = suppress_table(table, threshold=5)
            times.append(time.perf_counter() - start)
            hidden.append(int(result.hidden.to_numpy().sum()))
        median, worst = statistics.median(times) * 1000, max(times) * 1000
        print(
            f"  {rows:>3} × {columns} (+ margins): median {median:7.1f} ms,"
            f" max {worst:7.1f} ms, hidden cells median {statistics.median(hidden)}"
        )


def bench_redaction() -> None:
    text = (
        "Hi, I'm Aino-Liisa Virtanen, 3rd-year software engineering student. Python, C++, "
        "ROS 2, embedded Linux, 5G NR testing, Kubernetes. Thesis on edge AI for IoT sensors. "
        "GitHub: ainov, mail aino.virtanen@student.oulu.fi, puh. 040 123 4567. " * 3
    )
    person = Identity.of(["Aino-Liisa", "Virtanen"], ["aino.virtanen@student.oulu.fi"])
    count = 2000
    start = time.perf_counter()
    for _ in range(count):
        redact(text, person)
    elapsed = time.perf_counter() - start
    print(f"redact: {count / elapsed:,.0f} profile texts/s ({len(text)} characters each)")


def _insert(engine_url: str, rows: int, audited: bool) -> float:
    engine = make_engine(engine_url)
    upgrade_database(engine)
    load_project_file(DEFAULT_PROJECT_FILE, engine=engine)
    if not audited:
        event.remove(Session, "after_flush", audit.audit_changes)
    try:
        with Session(engine) as session:
            group = session.exec(select(TargetGroup)).first()
            assert group is not None
            start = time.perf_counter()
            session.add_all(
                Participant(
                    project_id=group.project_id,
                    code=f"B{i:06d}",
                    target_group_id=group.id or 0,
                    entry_status="in_education",
                    gender="woman",
                    age_band="18-29",
                    isced="5-8",
                    entry_date=date(2026, 1, 1),
                    first_name="Aino",
                )
                for i in range(rows)
            )
            session.commit()
            return time.perf_counter() - start
    finally:
        if not audited:
            event.listen(Session, "after_flush", audit.audit_changes)
        engine.dispose()


def bench_audit(rows: int = 10_000) -> None:
    results = {}
    for audited in (False, True):
        with tempfile.TemporaryDirectory() as folder:
            results[audited] = _insert(f"sqlite:///{folder}/bench.db", rows, audited)
    print(
        f"{rows:,} participant inserts (SQLite): {results[False]:.2f} s without the audit trail,"
        f" {results[True]:.2f} s with one entry per row"
    )


if __name__ == "__main__":
    wire_sessions()
    bench_suppression()
    bench_redaction()
    bench_audit()
