"""The contact funnel by spearhead and company size: counts on a small world in a real
database, the employment rule, and what each role sees of it."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from sqlmodel import Session

from core.codes import AgreedKind, ContactStatus, Role
from core.contacts.funnel import (
    STAGES,
    FunnelBy,
    contact_funnel,
    employed_at_six_months,
    funnel_by_group,
    shown_funnel,
)
from core.models import Project
from core.privacy.aggregate import Merged
from core.privacy.rules import TOTAL
from tests.contacts.funnel_world import firm, request, six_month_answer, student

TODAY = date(2026, 11, 20)
ASKED, ACCEPTED, DECLINED = ContactStatus.ASKED, ContactStatus.ACCEPTED, ContactStatus.DECLINED
AGREED, STARTED = ContactStatus.AGREED, ContactStatus.STARTED


@pytest.fixture
def world(session: Session, project: Project) -> None:
    """Aino (devices), Ville and Eeva (software); Kide micro, Muu small, Iso medium.

    R1 Kide→Aino  internship agreed; Aino's 6-month answer after it: employed  → employed
    R2 Muu→Aino   declined
    R3 Kide→Ville (asked 2026) job started 2026-02-01, no answer since          → employed
                  (Ville's 6-month answer "job searching" is from before the request)
    R4 Muu→Ville  job started 2026-09-01: not six months yet                      → delivered
    R5 Iso→Aino   asked only
    R6 Iso→Eeva   job started 2026-01-10, but her later answer: job searching     → delivered
    """
    aino = student(session, project, "AINO", "devices", left=date(2025, 12, 31))
    ville = student(session, project, "VILLE", "software", left=date(2025, 6, 30))
    eeva = student(session, project, "EEVA", "software", left=date(2025, 12, 31))
    kide = firm(session, "0201256-6", "Kide Oy", "micro")
    muu = firm(session, "0201263-9", "Muu Oy", "small")
    iso = firm(session, "0201270-1", "Iso Oy", "medium")
    step = [(ASKED, date(2025, 10, 1)), (ACCEPTED, date(2025, 10, 3))]
    request(session, kide, aino, [*step, (AGREED, date(2025, 10, 20))], AgreedKind.INTERNSHIP)
    request(session, muu, aino, [(ASKED, date(2025, 11, 1)), (DECLINED, date(2025, 11, 2))])
    new_year = [(ASKED, date(2026, 1, 5)), (ACCEPTED, date(2026, 1, 6))]
    job = [*new_year, (AGREED, date(2026, 1, 10)), (STARTED, date(2026, 2, 1))]
    request(session, kide, ville, job, AgreedKind.JOB)
    later = [(ASKED, date(2026, 8, 1)), (ACCEPTED, date(2026, 8, 2))]
    request(session, muu, ville, [*later, (AGREED, date(2026, 8, 20)), (STARTED, date(2026, 9, 1))],
            AgreedKind.JOB)  # fmt: skip
    request(session, iso, aino, [(ASKED, date(2026, 3, 1))])
    request(session, iso, eeva, [*step, (AGREED, date(2026, 1, 2)), (STARTED, date(2026, 1, 10))],
            AgreedKind.JOB)  # fmt: skip
    six_month_answer(session, aino, date(2026, 6, 30), "employed")
    six_month_answer(session, ville, date(2025, 12, 31), "job_searching")
    six_month_answer(session, eeva, date(2026, 6, 30), "job_searching")
    session.commit()


def column(table: pd.DataFrame, name: str) -> list[int]:
    return [int(v) for v in table[name]]


def test_the_funnel_by_spearhead_size_and_in_total(
    session: Session, project: Project, world: None
) -> None:
    spearheads = funnel_by_group(session, project, [], FunnelBy.SPEARHEAD, TODAY)
    assert list(spearheads.index) == list(STAGES)
    assert column(spearheads, "devices") == [3, 1, 1, 1, 1]
    assert column(spearheads, "software") == [3, 3, 3, 3, 1]
    sizes = funnel_by_group(session, project, [], FunnelBy.SIZE, TODAY)
    assert list(sizes.columns) == ["micro", "small", "medium", "large"]  # empty classes too
    assert column(sizes, "micro") == [2, 2, 2, 2, 2]
    assert column(sizes, "small") == [2, 1, 1, 1, 0]
    assert column(sizes, "medium") == [2, 1, 1, 1, 0]
    assert column(sizes, "large") == [0, 0, 0, 0, 0]
    total = funnel_by_group(session, project, [], FunnelBy.TOTAL, TODAY)
    assert column(total, TOTAL) == [6, 4, 4, 4, 2]


def test_the_period_counts_requests_by_the_year_they_were_asked(
    session: Session, project: Project, world: None
) -> None:
    total = funnel_by_group(session, project, [2026], FunnelBy.TOTAL, TODAY)
    assert column(total, TOTAL) == [3, 2, 2, 2, 1]  # R3 (employed), R4 (too early), R5


def test_a_job_counts_as_employment_once_six_months_have_passed(
    session: Session, project: Project, world: None
) -> None:
    # R4's job started 2026-09-01: on 2027-03-01 it has lasted six months.
    total = funnel_by_group(session, project, [2026], FunnelBy.TOTAL, date(2027, 3, 1))
    assert column(total, TOTAL) == [3, 2, 2, 2, 2]


def test_the_employment_rule() -> None:
    asked, start = date(2026, 1, 1), date(2026, 2, 1)
    job = (start, None)
    assert employed_at_six_months((date(2026, 7, 1), "self_employed"), asked, None, TODAY)
    assert not employed_at_six_months((date(2026, 7, 1), "job_searching"), asked, job, TODAY)
    # An answer from before the request says nothing about it: the job decides.
    assert employed_at_six_months((date(2025, 7, 1), "job_searching"), asked, job, TODAY)
    assert not employed_at_six_months(None, asked, job, date(2026, 7, 31))
    assert employed_at_six_months(None, asked, job, date(2026, 8, 1))
    assert not employed_at_six_months(None, asked, (start, date(2026, 5, 1)), TODAY)
    assert employed_at_six_months(None, asked, (start, date(2026, 8, 1)), TODAY)
    assert not employed_at_six_months(None, asked, None, TODAY)


def test_the_manager_sees_raw_counts_with_a_total_column(
    session: Session, project: Project, world: None
) -> None:
    shown = contact_funnel(session, project, [], FunnelBy.SPEARHEAD, Role.MANAGER, TODAY)
    assert list(shown.values.columns) == ["devices", "software", TOTAL]
    assert shown.text[TOTAL].tolist() == ["6", "4", "4", "4", "2"]
    assert not shown.any_hidden and shown.note == ""


@pytest.mark.parametrize("role", [Role.STEERING, Role.SME])
def test_small_groups_are_hidden_from_steering_and_smes(
    session: Session, project: Project, world: None, role: Role
) -> None:
    shown = contact_funnel(session, project, [], FunnelBy.SIZE, role, TODAY)
    assert shown.suppressed and shown.any_hidden
    numbers = [v for v in shown.values.to_numpy().ravel() if v == v]  # not NaN
    assert all(v == 0 or v >= 5 for v in numbers)  # nothing small is shown
    assert "2" not in shown.text.to_numpy().ravel()


def test_a_mostly_hidden_breakdown_is_shown_as_its_total_with_a_note() -> None:
    raw = pd.DataFrame(
        {"devices": [30, 22, 12, 10, 5], "software": [3, 2, 1, 1, 0]}, index=list(STAGES)
    )
    # software is small everywhere, devices loses its last stages to small drops: most of
    # the cells that hold someone would be hidden, so steering sees the total funnel.
    raw = pd.concat([raw, pd.DataFrame({"x": [4, 3, 2, 1, 1]}, index=list(STAGES))], axis=1)
    shown = shown_funnel(Role.STEERING, raw, FunnelBy.SPEARHEAD)
    assert shown.note == Merged.SPEARHEADS.value
    assert list(shown.values.columns) == [TOTAL]
    assert shown.text[TOTAL].tolist()[0] == "35"  # 37 rounded to the base
    manager = shown_funnel(Role.MANAGER, raw, FunnelBy.SPEARHEAD)
    assert manager.note == "" and manager.text.at["requested", "software"] == "3"


def test_a_stage_whose_drop_is_small_is_hidden_in_its_group() -> None:
    raw = pd.DataFrame(
        {"micro": [40, 30, 20, 18, 10], "small": [20, 20, 10, 10, 5]}, index=list(STAGES)
    )
    shown = shown_funnel(Role.STEERING, raw, FunnelBy.SIZE)
    assert shown.note == ""
    # micro: agreed 20 → delivered 18 drops by 2, a small group: delivered is hidden.
    assert bool(shown.hidden.at["delivered", "micro"])
    assert shown.text["small"].tolist() == ["20", "20", "10", "10", "5"]
