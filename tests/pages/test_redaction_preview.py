"""The records page shows the manager what companies see of a profile, and why."""

from __future__ import annotations

from sqlmodel import Session

from core.models import Project
from tests.pages.conftest import RunApp
from tests.people import participant, profile

SENTENCE = (
    "Write to ak_2001 at gmail.com or find AinoKorhonen on Discord. Student no. 26 33 333. "
    "Site: ainokorhonen.dev"
)


def test_the_manager_sees_removals_and_flags(
    app: RunApp, project: Project, session: Session
) -> None:
    owner = participant(
        session, project, first_name="Aino", last_name="Korhonen", student_number="2633333"
    )
    profile(session, project, owner, code="K7Q2MX", skills=SENTENCE,
            interests="Originally from Kochi. A summer school in Berlin.")  # fmt: skip
    session.commit()
    at = app(page="pages/data_records.py")
    at.segmented_control(key="records_kind").set_value("profiles").run()
    assert not at.exception
    at.selectbox(key="records_redaction_code").select("K7Q2MX").run()
    assert not at.exception
    shown = [t.value for t in at.text]
    assert shown[0] == "Write to […] or find […] on Discord. Student no. […]. Site: […]"
    assert shown[1] == "Originally from […]. A summer school in Berlin."
    skills, interests = (d.value for d in at.dataframe[-2:])  # after the records editor
    assert set(skills["Text"]) == {"ak_2001 at gmail.com", "AinoKorhonen", "26 33 333",
                                   "ainokorhonen.dev"}  # fmt: skip
    assert "the student's name" in set(skills["What it is"])
    assert list(zip(interests["What happened"], interests["Text"], strict=True)) == [
        ("Removed", "Kochi"),
        ("Kept, check", "Berlin"),
    ]
