"""Activities, deliverables and evidence files (issue 15) on a real database and data directory."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from core.activities.files import MAX_FILE_MB, attach_file, files_dir, read_file, remove_stored
from core.activities.records import (
    ActivityError,
    ActivityInput,
    activity_counts,
    activity_table,
    delete_activity,
    mark_done,
    save_activity,
    theme_counts,
)
from core.codes import Indicator
from core.indicators.plan import plan_targets
from core.models import Activity, Company, Project

PDF = b"%PDF-1.4\n% evidence\n"


def _interview(**changes: object) -> ActivityInput:
    values: dict[str, object] = {
        "work_package": "T1.1",
        "kind": "interview",
        "title": "Interview: recruiting a thesis worker",
        "activity_date": date(2025, 10, 3),
        "themes": ("goals_growth", "hr"),
        "bottlenecks": "Supervising takes more time than expected",
    }
    values.update(changes)
    return ActivityInput(**values)  # type: ignore[arg-type]


def test_an_interview_keeps_its_themes_companies_and_bottlenecks(
    session: Session, project: Project
) -> None:
    session.add(Company(business_id="1234567-1", name="Koodi Oy", size_class="micro"))
    session.flush()
    row = save_activity(session, project, _interview(companies=("1234567-1",)))
    session.commit()
    assert row.themes == ["goals_growth", "hr"] and len(row.company_ids) == 1
    table = activity_table(session, project, "T1.1")
    assert list(table.title) == ["Interview: recruiting a thesis worker"]
    assert theme_counts(session, project)["hr"] == 1
    assert activity_table(session, project, "T1.2").empty


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"work_package": "T9"}, "activity.err.work_package"),
        ({"kind": "party"}, "activity.err.kind"),
        ({"title": "  "}, "activity.err.title"),
        ({"activity_date": date(2030, 1, 1)}, "activity.err.date"),
        ({"themes": ("weather",)}, "activity.err.theme"),
        ({"done_on": date(2025, 11, 1)}, "activity.err.done_not_deliverable"),
        ({"companies": ("7654321-0",)}, "activity.err.company"),
    ],
)
def test_a_bad_activity_names_its_field_and_writes_nothing(
    session: Session, project: Project, changes: dict[str, object], key: str
) -> None:
    with pytest.raises(ActivityError) as raised:
        save_activity(session, project, _interview(**changes))
    assert raised.value.key == key
    assert raised.value.message("fi") != raised.value.message("en")
    session.rollback()
    assert session.exec(select(Activity)).first() is None


def test_a_deliverable_counts_toward_its_target_once_done(
    session: Session, project: Project
) -> None:
    report = save_activity(
        session,
        project,
        _interview(
            work_package="T2.4",
            kind="report",
            title="Follow-up report",
            deliverable=True,
            themes=(),
        ),
    )
    session.commit()

    def done() -> int:
        items = plan_targets(session, project, date(2026, 6, 30))
        return next(
            i.progress.actual
            for i in items
            if i.indicator is Indicator.DELIVERABLES_DONE and i.kind == "report"
        )

    assert done() == 0
    with pytest.raises(ActivityError, match="before its activity date"):
        mark_done(session, project, int(report.id or 0), date(2025, 1, 1))
    mark_done(session, project, int(report.id or 0), date(2026, 3, 1))
    session.commit()
    assert done() == 1
    counts = activity_counts(session, project)
    assert counts.to_dict("records") == [
        {"work_package": "T2.4", "kind": "report", "activities": 1, "done": 1}
    ]


def test_evidence_files_are_kept_beside_the_database(session: Session, project: Project) -> None:
    row = save_activity(session, project, _interview())
    session.flush()
    aid = int(row.id or 0)
    kept = attach_file(session, project, aid, "../../notes.pdf", PDF)
    session.commit()
    assert kept.file_name == "notes.pdf" and kept.stored_name != "notes.pdf"
    assert (files_dir() / kept.stored_name).read_bytes() == PDF
    assert read_file(session, project, int(kept.id or 0)) == ("notes.pdf", PDF)
    with pytest.raises(ActivityError, match="only these kinds"):
        attach_file(session, project, aid, "run.exe", b"MZ")
    with pytest.raises(ActivityError, match="not what its name says"):
        attach_file(session, project, aid, "fake.pdf", b"hello")
    with pytest.raises(ActivityError, match=f"at most {MAX_FILE_MB} MB"):
        attach_file(session, project, aid, "big.pdf", b"%PDF" + b"0" * (MAX_FILE_MB * 2**20))
    stored = delete_activity(session, project, aid)
    session.commit()
    remove_stored(stored)
    assert not (files_dir() / kept.stored_name).exists()
