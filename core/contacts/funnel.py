"""The contact funnel: request → accepted → agreed → delivered → employed at 6 months, in
total, by spearhead or by company size (issue 14), raw and as a role may see it.

The unit is a contact request (as the company asked it): each request has one company and one
profile, so the groups of a breakdown add up to the total. Stages, each a subset of the one
before:

- requested: requests asked in the period's years;
- accepted: the student accepted (whatever came later);
- agreed: an internship, thesis, job or other agreement was recorded;
- delivered: the agreement was delivered: an internship or thesis place (which counts as the
  company's delivered commitment), or a job that started;
- employed at 6 months: of the delivered, those whose student is employed six months on, by
  `employed_at_six_months`.

Spearheads are the student's: a company has no spearhead (its `sector` is free text such as
"Electronics manufacturing"), so a request counts under the spearhead of the profile the
company asked about, the project's spearhead the student studies in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import select as select_columns
from sqlmodel import Session, col, select

from core.codes import AgreedKind, ContactStatus, FollowUpKind, Role, SizeClass
from core.contacts.status import DELIVERS, ORDER
from core.i18n import Labelled
from core.indicators.eu_indicators import EMPLOYED_STATUSES, latest_answers
from core.indicators.followup import EVER, add_months
from core.models import Company, CompetenceProfile, ContactRequest, ContactStep, Project, Spearhead
from core.privacy.aggregate import Coarser, Merged, aggregate_up, merged_columns
from core.privacy.rules import TOTAL
from core.privacy.sequences import protect_funnels
from core.privacy.shown import Shown

NO_SPEARHEAD = "none"  # a profile without a spearhead (as core.dashboards.results)
SIX_MONTHS = 6


class FunnelStage(Labelled, key_prefix="funnel"):
    REQUESTED = "requested"
    ACCEPTED = "accepted"
    AGREED = "agreed"
    DELIVERED = "delivered"
    EMPLOYED = "employed"


class FunnelBy(Labelled, key_prefix="funnel.by"):
    """How the funnel is broken down."""

    TOTAL = "total"
    SPEARHEAD = "spearhead"
    SIZE = "size"


STAGES = tuple(stage.value for stage in FunnelStage)
MERGED = {FunnelBy.SPEARHEAD: Merged.SPEARHEADS, FunnelBy.SIZE: Merged.SIZES}


@dataclass(frozen=True)
class RequestOutcome:
    """One request as the funnel needs it."""

    asked_on: date
    reached: int  # index in core.contacts.status.ORDER of the furthest step (declined: 0)
    kind: AgreedKind | None
    spearhead: str
    size_class: str
    participant_id: int | None
    started_on: date | None
    ended_on: date | None


def employed_at_six_months(
    answer: tuple[date, str] | None,
    asked_on: date,
    job: tuple[date, date | None] | None,
    today: date,
) -> bool:
    """Whether a delivered request's student counts as employed at 6 months.

    1. The participant's last 6-month follow-up answer recorded on or after the request was
       asked decides when there is one: employed or self-employed (the EU definition the
       Follow-up results use, `EMPLOYED_STATUSES`) counts, any other answer does not, even
       when a job through the contact started (the answer is the participant's own, later
       word). An answer from before the request says nothing about what it led to.
    2. Without such an answer, a job agreed through this request is the evidence: it counts
       only when it started at least six months before `today` and did not end before six
       months had passed. A job started more recently waits for six months or the follow-up.
    """
    if answer is not None and answer[0] >= asked_on:
        return answer[1] in EMPLOYED_STATUSES
    if job is None:
        return False
    started, ended = job
    six_months_on = add_months(started, SIX_MONTHS)
    return six_months_on <= today and (ended is None or ended >= six_months_on)


def request_outcomes(session: Session, project: Project) -> list[RequestOutcome]:
    """Every contact request about the project's profiles, with its group keys and key days."""
    query = (
        select_columns(
            col(ContactRequest.id),
            col(ContactRequest.status),
            col(ContactRequest.agreed_kind),
            col(ContactRequest.created_at),
            col(CompetenceProfile.participant_id),
            col(Spearhead.code),
            col(Company.size_class),
        )
        .select_from(ContactRequest)
        .join(CompetenceProfile, col(CompetenceProfile.id) == col(ContactRequest.profile_id))
        .join(Company, col(Company.id) == col(ContactRequest.company_id))
        .join(Spearhead, col(Spearhead.id) == col(CompetenceProfile.spearhead_id), isouter=True)
        .where(col(CompetenceProfile.project_id) == project.id)
    )
    rows = [tuple(row) for row in session.execute(query).all()]
    days = _step_days(session, [int(r[0]) for r in rows if r[0] is not None])
    outcomes = []
    for rid, status, kind, created, pid, spearhead, size in rows:
        steps = days.get(int(rid or 0), {})
        outcomes.append(
            RequestOutcome(
                asked_on=steps.get(ContactStatus.ASKED, created.date()),
                reached=0
                if status == ContactStatus.DECLINED
                else ORDER.index(ContactStatus(status)),
                kind=None if kind is None else AgreedKind(kind),
                spearhead=spearhead or NO_SPEARHEAD,
                size_class=str(size),
                participant_id=pid,
                started_on=steps.get(ContactStatus.STARTED),
                ended_on=steps.get(ContactStatus.ENDED),
            )
        )
    return outcomes


def _reached(status: str) -> int:
    """How far a request got in ORDER; a declined request got no further than asked."""
    return 0 if status == ContactStatus.DECLINED else ORDER.index(ContactStatus(status))


def _step_days(session: Session, ids: list[int]) -> dict[int, dict[ContactStatus, date]]:
    """Request id → the first day of its asked, started and ended steps."""
    wanted = [s.value for s in (ContactStatus.ASKED, ContactStatus.STARTED, ContactStatus.ENDED)]
    query = select_columns(
        col(ContactStep.request_id), col(ContactStep.status), col(ContactStep.day)
    ).where(col(ContactStep.request_id).in_(ids), col(ContactStep.status).in_(wanted))
    days: dict[int, dict[ContactStatus, date]] = {}
    for rid, code, day in session.execute(query).all():
        steps = days.setdefault(int(rid), {})
        status = ContactStatus(code)
        steps[status] = min(steps.get(status, day), day)
    return days


def stages_reached(
    request: RequestOutcome, answer: tuple[date, str] | None, today: date
) -> tuple[bool, ...]:
    """Whether `request` reached each of STAGES (a prefix of True, then False)."""
    agreed = request.reached >= ORDER.index(ContactStatus.AGREED)
    started = request.reached >= ORDER.index(ContactStatus.STARTED)
    job = request.kind is AgreedKind.JOB
    delivered = agreed and ((request.kind in DELIVERS) or (job and started))
    begun = request.started_on if job and started else None
    evidence = None if begun is None else (begun, request.ended_on)
    employed = delivered and employed_at_six_months(answer, request.asked_on, evidence, today)
    accepted = request.reached >= ORDER.index(ContactStatus.ACCEPTED)
    return (True, accepted, agreed, delivered, employed)


def group_codes(session: Session, project: Project, by: FunnelBy) -> list[str]:
    """The columns of a breakdown, every one even when empty (0 is shown, not left out)."""
    if by is FunnelBy.SIZE:
        return [size.value for size in SizeClass]
    if by is FunnelBy.SPEARHEAD:
        codes = session.exec(
            select(Spearhead.code)
            .where(Spearhead.project_id == project.id)
            .order_by(col(Spearhead.code))
        )
        return list(codes)
    return [TOTAL]


def funnel_by_group(
    session: Session, project: Project, years: Iterable[int], by: FunnelBy, today: date
) -> pd.DataFrame:
    """Raw counts: STAGES × groups (spearhead codes, size classes, or one `total` column) of
    the requests asked in `years` (all years when empty). Pass them through `shown_funnel`."""
    chosen = set(years)
    answers = latest_answers(session, project, FollowUpKind.SIX_MONTHS, EVER)
    columns = group_codes(session, project, by)
    counts: dict[str, list[int]] = {c: [0] * len(STAGES) for c in columns}
    for request in request_outcomes(session, project):
        if chosen and request.asked_on.year not in chosen:
            continue
        key = {FunnelBy.SPEARHEAD: request.spearhead, FunnelBy.SIZE: request.size_class}.get(
            by, TOTAL
        )
        answer = answers.get(request.participant_id or 0)
        row = counts.setdefault(key, [0] * len(STAGES))
        for index, reached in enumerate(stages_reached(request, answer, today)):
            row[index] += int(reached)
    return pd.DataFrame(counts, index=list(STAGES), dtype="int64")


def shown_funnel(role: Role, raw: pd.DataFrame, by: FunnelBy) -> Shown:
    """The funnel as `role` sees it: each group's funnel protected as a funnel (a stage is
    hidden when it or its drop from the last shown stage is a small group), with a total
    column; when most groups' cells would be hidden, the groups merged into the total
    (core.privacy.aggregate), with a note saying so. The manager sees raw counts."""
    if by is FunnelBy.TOTAL or raw.shape[1] <= 1:
        return protect_funnels(role, raw)
    steps = [Coarser(merged_columns, MERGED[by])]
    return aggregate_up(role, raw, steps, protect=protect_funnels)


def contact_funnel(
    session: Session, project: Project, years: Iterable[int], by: FunnelBy, role: Role, today: date
) -> Shown:
    """`funnel_by_group` as `role` may see it (`shown_funnel`)."""
    return shown_funnel(role, funnel_by_group(session, project, years, by, today), by)
