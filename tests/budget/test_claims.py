"""Payment claims: the pre-claim check finds one of each problem in a world built to have one
of each (and nothing in a clean one); the workbook; submitting locks the period."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from sqlmodel import Session, select

from core.access.locks import PeriodLockedError, active_locks
from core.budget.claims import (
    INDICATOR_FIELDS,
    CheckKind,
    ClaimError,
    FormKind,
    find_claim,
    mark_form_done,
    pre_claim_check,
    submit_claim,
)
from core.io.exports.claim import claim_costs, claim_workbook
from core.models import (
    ClaimPeriod,
    Commitment,
    EuraForm,
    FollowUp,
    Project,
    SalaryCost,
)
from tests.people import company, participant

TODAY = date(2026, 9, 15)
FLAGS = dict.fromkeys(INDICATOR_FIELDS, False)


@pytest.fixture
def claim(session: Session, project: Project) -> ClaimPeriod:
    found = find_claim(session, project, "2026-1")  # 1.1.–30.6.2026
    assert found is not None
    return found


def _clean(
    session: Session, project: Project, code: str, *, answers: bool = True, **fields: object
) -> int:
    """A participant with everything a claim needs: both forms, every indicator answer, the
    follow-up answers (unless `answers` is False)."""
    values: dict[str, object] = {**FLAGS, "entry_date": date(2026, 2, 1), **fields}
    person = participant(session, project, code, **values)
    assert person.id is not None
    mark_form_done(
        session, project=project, code=code, kind=FormKind.START, done_on=date(2026, 2, 5)
    )
    if person.exit_date is not None:
        mark_form_done(session, project=project, code=code, kind=FormKind.END, done_on=TODAY)
        for kind, day in (("28_days", date(2026, 5, 20)), ("6_months", date(2026, 9, 1))):
            if answers:
                session.add(
                    FollowUp(
                        participant_id=person.id, kind=kind, recorded_on=day, status="employed"
                    )
                )
    return person.id


def test_a_clean_world_has_nothing_to_fix(
    session: Session, project: Project, claim: ClaimPeriod
) -> None:
    _clean(session, project, "OK-1")
    _clean(session, project, "OK-2", exit_date=date(2026, 3, 15))
    firm = company(session)
    session.add(Commitment(project_id=project.id or 0, company_id=firm.id or 0, year=2026,
                           kind="internship_place", committed=2, delivered=2,
                           signed_on=date(2026, 2, 1)))  # fmt: skip
    session.commit()
    assert pre_claim_check(session, project, claim, TODAY) == []


def test_the_check_finds_one_of_each_kind(
    session: Session, project: Project, claim: ClaimPeriod
) -> None:
    _clean(session, project, "OK-1")
    # Entered in the period; the start form was never marked.
    participant(session, project, "NO-START", **{**FLAGS, "entry_date": date(2026, 3, 1)})
    # Entered before the period with the start form, left in it: no end form.
    leaver = _clean(session, project, "NO-END", entry_date=date(2025, 10, 1),
                    exit_date=date(2026, 4, 30))  # fmt: skip
    for form in session.exec(select(EuraForm).where(EuraForm.participant_id == leaver)):
        if form.kind == "end":
            session.delete(form)
    # Entered in the period with the start form, never asked about a foreign background or
    # rurality; nor about a disability, which a participant may decline to give (not listed).
    _clean(session, project, "NO-DATA", foreign_background=None, rural=None, disability=None)
    # Left in March: the 28-day answer was due in April and is still missing in September.
    _clean(session, project, "LATE", exit_date=date(2026, 3, 10), answers=False)
    # A commitment signed in the period: one of two thesis places delivered.
    firm = company(session)
    session.add(Commitment(project_id=project.id or 0, company_id=firm.id or 0, year=2026,
                           kind="thesis_place", committed=2, delivered=1,
                           signed_on=date(2026, 1, 20)))  # fmt: skip
    session.commit()

    findings = pre_claim_check(session, project, claim, TODAY)
    assert [(f.kind, f.subject) for f in findings] == [
        (CheckKind.START_FORM, "NO-START"),
        (CheckKind.END_FORM, "NO-END"),
        (CheckKind.ENTRY_DATA, "NO-DATA"),
        (CheckKind.FOLLOW_UP, "LATE"),
        (CheckKind.COMMITMENT, "0201256-6"),
    ]
    entry, follow_up, commitment = findings[2], findings[3], findings[4]
    assert entry.fields == ("foreign_background", "rural")
    assert entry.detail("en") == "Foreign background, Rural area"
    assert entry.detail("fi") == "Ulkomaalaistaustainen, Maaseutualue"
    assert follow_up.day == date(2026, 4, 7)  # due 28 days after leaving
    assert commitment.detail("en") == "2026 Thesis places: 1 of 2 delivered"
    assert commitment.detail("fi") == "2026 Lopputyöpaikat: 1/2 toteutunut"
    # Marking the missing form done clears that finding.
    mark_form_done(session, project=project, code="NO-START", kind=FormKind.START, done_on=TODAY)
    session.commit()
    assert (CheckKind.START_FORM, "NO-START") not in {
        (f.kind, f.subject) for f in pre_claim_check(session, project, claim, TODAY)
    }


def test_claim_costs_and_workbook(session: Session, project: Project, claim: ClaimPeriod) -> None:
    for month, amount in ((date(2025, 12, 1), 9000), (date(2026, 1, 1), 10000),
                          (date(2026, 6, 1), 12500), (date(2026, 7, 1), 11000)):  # fmt: skip
        session.add(SalaryCost(project_id=project.id or 0, month=month, role="PM",
                               person="HR-1", amount_eur=Decimal(amount)))  # fmt: skip
    participant(session, project, "NO-START", **{**FLAGS, "entry_date": date(2026, 3, 1)})
    session.commit()
    # January and June only: salaries 22,500; 40 % = 9,000; 31,500; 80 % = 25,200; 20 % = 6,300.
    assert claim_costs(session, project, claim) == [
        ("cost", "salaries", 22500.0),
        ("cost", "flat_rate_40", 9000.0),
        ("total", "", 31500.0),
        ("funding", "eu_state", 25200.0),
        ("funding", "own", 6300.0),
    ]
    book = openpyxl.load_workbook(io.BytesIO(claim_workbook(session, project, claim, lang="fi",
                                                            today=TODAY)))  # fmt: skip
    assert book.sheetnames == ["Kustannukset", "Indikaattorit", "Tarkistus"]
    costs = [row for row in book["Kustannukset"].iter_rows(values_only=True) if row[0]]
    assert ("Kustannukset yhteensä", 31500) in [(r[0], r[1]) for r in costs]
    indicators = [r for r in book["Indikaattorit"].iter_rows(values_only=True)]
    assert any(r[1] == "EECO01" and r[3] == 1 for r in indicators)  # one woman entered
    check = [r for r in book["Tarkistus"].iter_rows(values_only=True)]
    assert check[1][:2] == ("Aloittanut ilman EURA-aloituslomaketta", "NO-START")


def test_submitting_locks_the_period(
    session: Session, project: Project, claim: ClaimPeriod
) -> None:
    submit_claim(session, project=project, code="2026-1", note="sent to EURA")
    session.commit()
    assert claim.submitted_at is not None and claim.lock_id is not None
    lock = active_locks(session, project.id)[0]
    assert (lock.start_date, lock.end_date) == (date(2026, 1, 1), date(2026, 6, 30))
    with pytest.raises(PeriodLockedError):
        participant(session, project, "TOO-LATE", entry_date=date(2026, 5, 1))
    session.rollback()
    # A claimed month's salaries cannot change either; the month after can.
    session.add(SalaryCost(project_id=project.id or 0, month=date(2026, 6, 1), role="PM",
                           person="HR-1", amount_eur=Decimal(100)))  # fmt: skip
    with pytest.raises(PeriodLockedError):
        session.flush()
    session.rollback()
    session.add(SalaryCost(project_id=project.id or 0, month=date(2026, 7, 1), role="PM",
                           person="HR-1", amount_eur=Decimal(100)))  # fmt: skip
    session.commit()
    with pytest.raises(ClaimError) as refused:
        submit_claim(session, project=project, code="2026-1")
    assert refused.value.message("fi") == "Hakemus 2026-1 on jo jätetty."


def test_a_submitted_claims_period_cannot_change_in_the_definition(
    session: Session, project: Project, claim: ClaimPeriod
) -> None:
    from core.project.definition import ProjectDefinitionError, read_definition
    from core.project.loading import DEFAULT_PROJECT_FILE, load_project

    submit_claim(session, project=project, code="2026-1")
    session.commit()
    definition = read_definition(DEFAULT_PROJECT_FILE)
    moved = definition.model_copy(
        update={
            "payment_claims": [
                c.model_copy(update={"end": date(2026, 5, 31)}) if c.code == "2026-1" else c
                for c in definition.payment_claims
            ]
        }
    )
    with pytest.raises(ProjectDefinitionError) as refused:
        load_project(moved, session=session)
    assert "2026-1" in str(refused.value)
    session.rollback()
    load_project(definition, session=session)  # unchanged: loads as before
    session.commit()
