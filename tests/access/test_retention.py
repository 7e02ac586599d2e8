"""Retention: personal data stays until 31 December of the fifth year after the project's last
payment (Regulation (EU) 2021/1060 Art. 82), then goes; every count stays exactly the same; a
shorter setting empties profiles after search consent is withdrawn."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pandas as pd
import pytest
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from core.access.consent import record_consent, withdraw_consent
from core.access.retention import apply_retention, retention_end
from core.cli.main import main
from core.codes import ConsentPurpose, ConsentSource, Role
from core.indicators.eu_indicators import common_indicators
from core.indicators.overview import build_overview
from core.models import (
    ActivityFile,
    AuditLog,
    Consent,
    ContactRequest,
    Participant,
    Project,
    SurveyLink,
    SurveyResponse,
)
from core.periods import Window
from tests.people import company, participant, profile

DEMO_DAY = date(2026, 11, 1)
# The Oulu definition's last payment is 30 June 2028: data is kept until 31 December 2033.
LAST_KEPT = date(2033, 12, 31)
GONE = date(2034, 1, 1)


def _aggregates(session: Session, project: Project, as_of: date) -> tuple[object, pd.DataFrame]:
    overview = build_overview(session, project, as_of, role=Role.MANAGER)
    kpis = {k: replace(v, forecast=None) for k, v in overview.trajectories.items()}
    return kpis, common_indicators(session, project, Window(project.start_date, as_of))


@pytest.mark.demo(DEMO_DAY)
def test_counts_are_unchanged_after_retention(
    engine: Engine, session: Session, project: Project
) -> None:
    session.expire_all()
    before = _aggregates(session, project, DEMO_DAY)
    report = apply_retention(session, today=GONE)
    session.commit()
    assert report.participants > 0 and report.profiles > 0
    after = _aggregates(session, project, DEMO_DAY)
    assert after[0] == before[0]
    pd.testing.assert_frame_equal(after[1], before[1])
    left = session.exec(select(Participant).where(col(Participant.exit_date).is_not(None))).all()
    assert left and all(p.first_name == p.email == p.student_number == "" for p in left)


def test_the_retention_end_is_31_december_of_the_fifth_year(project: Project) -> None:
    assert retention_end(project) == LAST_KEPT


def test_nothing_inside_the_window_is_touched_then_everything_personal_goes(
    session: Session, project: Project
) -> None:
    """Nothing inside the five-year window is touched by default, however long ago people left;
    the day after it ends, every participant's personal data goes, and nothing else."""
    gone = participant(session, project, "OLD", exit_date=date(2026, 5, 1))
    recent = participant(session, project, "NEW", exit_date=date(2026, 12, 1))
    staying = participant(session, project, "NOW")
    card = profile(session, project, gone, code="OLDCARD", skills="Aino's Rust")
    profile(session, project, recent, code="NEWCARD")
    firm = company(session)
    session.add(ContactRequest(company_id=firm.id or 0, profile_id=card.id or 0, message="Hi Aino"))
    for person in (gone, recent):
        for purpose in ConsentPurpose:
            record_consent(
                session, participant_id=person.id or 0, purpose=purpose, source=ConsentSource.FORM
            )
    session.commit()

    kept = apply_retention(session, today=LAST_KEPT)  # seven years after OLD left
    session.commit()
    assert (kept.participants, kept.profiles, kept.consents, kept.contact_messages) == (0, 0, 0, 0)
    assert kept.kept == ["OULU-ICT-2025: kept until 2033-12-31 (Regulation (EU) 2021/1060 Art. 82)"]
    session.refresh(gone)
    session.refresh(card)
    assert gone.first_name == "Aino" and card.skills == "Aino's Rust" and card.participant_id
    assert session.exec(select(ContactRequest.message)).one() == "Hi Aino"

    dry = apply_retention(session, today=GONE, dry_run=True)
    assert (dry.participants, dry.profiles, dry.consents, dry.contact_messages) == (3, 2, 4, 1)
    assert {item.code for item in dry.items} == {"OLD", "NEW", "NOW"}
    assert dry.items[0].why == (
        "OULU-ICT-2025's retention ended 2033-12-31 (Regulation (EU) 2021/1060 Art. 82)"
    )
    session.refresh(gone)
    assert gone.first_name == "Aino"  # a dry run changes nothing

    apply_retention(session, today=GONE)
    session.commit()
    session.refresh(gone)
    assert (gone.first_name, gone.last_name, gone.email, gone.student_number, gone.birth_year) == (
        "",
        "",
        "",
        "",
        None,
    )
    assert gone.code == "OLD" and gone.gender == "woman" and gone.exit_date == date(2026, 5, 1)
    session.refresh(card)
    assert (card.skills, card.participant_id, card.consent_search) == ("", None, False)
    assert card.programme_id is not None and card.study_year == 2
    assert session.exec(select(ContactRequest.message)).one() == ""
    purposes = session.exec(select(Consent.purpose).where(Consent.participant_id == gone.id)).all()
    assert purposes == ["esf_reporting"]
    for person in (recent, staying):
        session.refresh(person)
        assert person.first_name == ""
    assert apply_retention(session, today=GONE).participants == 0  # nothing left to do


def test_a_project_without_a_last_payment_date_keeps_everything(
    session: Session, project: Project
) -> None:
    project.last_payment_date = None
    session.add(project)
    participant(session, project, "OLD", exit_date=date(2025, 10, 1))
    session.commit()
    report = apply_retention(session, today=date(2100, 1, 1))
    assert report.participants == 0
    assert report.kept == ["OULU-ICT-2025: no last payment date in the definition; all kept"]


def test_a_shorter_setting_empties_profiles_after_consent_ends(
    session: Session, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.config import get_settings

    monkeypatch.setenv("SILTA_PROFILE_RETENTION_DAYS", "90")
    get_settings.cache_clear()
    withdrew = participant(session, project, "WITHDREW")
    lately = participant(session, project, "LATELY")
    consenting = participant(session, project, "STILL")
    old_card = profile(session, project, withdrew, code="OLDCARD", skills="Rust")
    new_card = profile(session, project, lately, code="NEWCARD", skills="Go")
    kept_card = profile(session, project, consenting, code="KEEPCARD", skills="C")
    for person, day in ((withdrew, date(2026, 1, 10)), (lately, date(2026, 3, 1))):
        withdraw_consent(session, participant_id=person.id or 0, purpose=ConsentPurpose.SEARCH,
                         source=ConsentSource.FORM, on=day)  # fmt: skip
    session.commit()

    report = apply_retention(session, today=date(2026, 4, 15))  # 95 and 45 days later
    session.commit()
    assert (report.participants, report.profiles) == (0, 1)
    assert report.items[0].code == "OLDCARD"
    assert report.items[0].why == "search consent withdrawn 2026-01-10, over 90 days ago"
    for card in (old_card, new_card, kept_card):
        session.refresh(card)
    assert (old_card.skills, old_card.participant_id) == ("", None)
    assert (new_card.skills, kept_card.skills) == ("Go", "C")
    session.refresh(withdrew)
    assert withdrew.first_name == "Aino"  # the claim still needs the participant's record
    withdrawn = session.exec(
        select(Consent).where(Consent.participant_id == withdrew.id, Consent.purpose == "search")
    ).one()
    assert withdrawn.withdrawn_on == date(2026, 1, 10)  # the proof of withdrawal stays


def test_audit_entries_past_their_own_period_go_and_no_others(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.access import audit
    from core.config import get_settings
    from core.models import utcnow

    monkeypatch.setenv("SILTA_AUDIT_RETENTION_DAYS", "30")
    get_settings.cache_clear()
    now = utcnow()
    for days in (400, 40, 5):
        entry = audit.record(session, action="note", detail=f"{days} days old")
        entry.at = now - timedelta(days=days)
    session.commit()
    report = apply_retention(session, now=now)
    session.commit()
    assert report.audit_entries == 2
    kept = session.exec(select(AuditLog.detail).where(AuditLog.action == "note")).all()
    assert kept == ["5 days old"]
    assert (
        session.exec(
            select(func.count()).select_from(AuditLog).where(AuditLog.action == "retention")
        ).one()
        == 1
    )


def test_cli_dry_run_reports_and_changes_nothing(
    database_url: str, session: Session, project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    participant(session, project, exit_date=date(2025, 10, 1))
    project.last_payment_date = date(2020, 6, 30)  # kept until 2025-12-31: over
    session.add(project)
    session.commit()
    assert main(["apply-retention", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "1 participants would be anonymised" in out and "Dry run" in out
    assert "participant P-1: OULU-ICT-2025's retention ended 2025-12-31" in out
    session.expire_all()
    assert session.exec(select(Participant.first_name)).one() == "Aino"
    assert main(["apply-retention"]) == 0
    assert "1 participants were anonymised" in capsys.readouterr().out
    session.expire_all()
    assert session.exec(select(Participant.first_name)).one() == ""


def test_retention_works_inside_a_locked_reporting_period(
    session: Session, project: Project
) -> None:
    from core.access.locks import lock_period

    gone = participant(session, project, "OLD", exit_date=date(2026, 5, 1))
    lock_period(
        session, project=project, label="2025 H2", start=date(2025, 7, 1), end=date(2025, 12, 31)
    )
    session.commit()
    report = apply_retention(session, today=GONE)
    session.commit()
    session.refresh(gone)
    assert report.participants == 1 and gone.first_name == "" and gone.birth_year is None


def test_survey_answers_activity_notes_and_evidence_files_follow_the_same_end(
    session: Session, project: Project
) -> None:
    """Open answers and the link to a person go, scale answers stay; activity notes and evidence
    files go, the activity stays; a rolled-back run deletes no file."""
    from core.activities.files import attach_file, files_dir
    from core.activities.records import ActivityInput, save_activity
    from core.surveys.answers import create_links, create_survey, submit
    from core.surveys.questions import builtin_survey
    from core.surveys.results import SurveyResults, survey_results

    survey = create_survey(session, project, builtin_survey("launch_feedback", "LAUNCH-2025"))
    ((_, personal),) = create_links(session, survey, personal=["P-1"], anonymous=False)
    submit(session, personal, {"attractive": "4", "improve": "Call Aino on 040 123"}, DEMO_DAY)
    activity = save_activity(session, project, ActivityInput(
        work_package="T1.1", kind="interview", title="Interview", activity_date=DEMO_DAY,
        themes=("hr",), bottlenecks="Supervision time", notes="Met Matti Virtanen, CTO",
    ))  # fmt: skip
    session.flush()
    evidence = attach_file(session, project, int(activity.id or 0), "memo.pdf", b"%PDF-1.4 memo")
    session.commit()
    stored = files_dir() / evidence.stored_name
    before = survey_results(session, int(survey.id or 0), Role.MANAGER)

    kept = apply_retention(session, today=LAST_KEPT)
    session.commit()
    assert (kept.records.survey_responses, kept.records.activity_files) == (0, 0)

    dry = apply_retention(session, today=GONE, dry_run=True)
    assert (dry.records.survey_responses, dry.records.activity_notes) == (1, 1)
    assert dry.records.activity_files == 1 and stored.exists()

    apply_retention(session, today=GONE)
    session.rollback()  # nothing happened: the file stays
    assert stored.exists()

    report = apply_retention(session, today=GONE)
    session.commit()
    assert report.records.activity_files == 1 and not stored.exists()
    response = session.exec(select(SurveyResponse)).one()
    assert response.participant_code == "" and response.answers == {"attractive": 4}
    assert session.exec(select(SurveyLink.participant_code)).one() == ""
    session.refresh(activity)
    assert activity.notes == "" and activity.bottlenecks == "Supervision time"
    assert session.exec(select(ActivityFile)).all() == []
    after = survey_results(session, int(survey.id or 0), Role.MANAGER)

    def closed(results: SurveyResults) -> list[tuple[str, str, object]]:
        shown = [(q, q.counts) for q in results.questions if q.counts is not None]
        return [(q.answered, q.mean, counts.text.to_dict()) for q, counts in shown]

    assert closed(after) == closed(before) and closed(after)
