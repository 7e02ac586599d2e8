"""Payment-claim preparation (issue 17): the pre-claim check, EURA forms, submitting a claim.

The check lists what a claim for one period should not go out with: participants who entered
or left in the period without their own EURA 2021 start or end form marked done, entry data
without a field the EU common indicators need, follow-ups overdue, and commitments signed but
not delivered. Submitting a claim locks its period with the one period lock
(`core.access.locks`), so its data cannot change afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from core.access import audit
from core.access.locks import lock_period
from core.codes import CommitmentKind, FollowUpKind
from core.errors import DomainError
from core.i18n import Labelled, label_key, translate
from core.indicators.followup import DueState, schedule
from core.io.imports.sheets import column_key
from core.models import ClaimPeriod, Commitment, Company, EuraForm, Participant, Project, utcnow

# Entry answers the EU common indicators need (EECO13, EECO14, EECO17); None means never
# asked. Disability, minority and homelessness (EECO12, 15, 16) are special-category data a
# participant may decline to give, and a declined answer is stored as None too: listing those
# would flag every participant who said no, so the check leaves them out.
INDICATOR_FIELDS = ("third_country_national", "foreign_background", "rural")


class ClaimError(DomainError, ValueError):
    """A claim that cannot be submitted (already submitted, unknown period)."""


class CheckKind(Labelled, key_prefix="claim.check"):
    START_FORM = "start_form"
    END_FORM = "end_form"
    ENTRY_DATA = "entry_data"
    FOLLOW_UP = "follow_up"
    COMMITMENT = "commitment"


class FormKind(Labelled, key_prefix="claim.form"):
    START = "start"
    END = "end"


@dataclass(frozen=True)
class Finding:
    """One thing to fix before the claim: what kind, whose (a participant code, a business
    ID), the day it concerns, and what exactly (field names, the follow-up, the counts)."""

    kind: CheckKind
    subject: str
    name: str
    day: date | None
    fields: tuple[str, ...] = ()  # entry data: the fields not answered
    follow_up: str = ""  # a FollowUpKind value
    commitment: tuple[int, str, int, int] | None = None  # year, kind, delivered, committed

    def detail(self, lang: str = "en") -> str:
        """What exactly, in the UI's language."""
        if self.fields:
            return ", ".join(translate(column_key("participants", f), lang) for f in self.fields)
        if self.follow_up:
            return translate(label_key(FollowUpKind(self.follow_up)), lang)
        if self.commitment is not None:
            year, kind, delivered, committed = self.commitment
            what = translate(label_key(CommitmentKind(kind)), lang)
            return translate(
                "claim.undelivered", lang, year=year, kind=what, delivered=delivered,
                committed=committed,
            )  # fmt: skip
        return ""


def _forms(session: Session, ids: list[int]) -> set[tuple[int, str]]:
    query = select(EuraForm.participant_id, EuraForm.kind).where(
        col(EuraForm.participant_id).in_(ids)
    )
    return {(pid, kind) for pid, kind in session.exec(query)}


def _name(person: Participant) -> str:
    return f"{person.first_name} {person.last_name}".strip()


def _people_findings(session: Session, project: Project, start: date, end: date) -> list[Finding]:
    entered = (col(Participant.entry_date) >= start) & (col(Participant.entry_date) <= end)
    left = (col(Participant.exit_date) >= start) & (col(Participant.exit_date) <= end)
    query = (
        select(Participant)
        .where(Participant.project_id == project.id, entered | left)
        .order_by(col(Participant.code))
    )
    people = list(session.exec(query))
    done = _forms(session, [p.id for p in people if p.id is not None])
    findings = []
    for person in people:
        pid = person.id or 0
        if start <= person.entry_date <= end:
            if (pid, "start") not in done:
                findings.append(
                    Finding(CheckKind.START_FORM, person.code, _name(person), person.entry_date)
                )
            missing = [f for f in INDICATOR_FIELDS if getattr(person, f) is None]
            if missing:
                findings.append(
                    Finding(
                        CheckKind.ENTRY_DATA,
                        person.code,
                        _name(person),
                        person.entry_date,
                        fields=tuple(missing),
                    )
                )
        exit_date = person.exit_date
        if exit_date is not None and start <= exit_date <= end and (pid, "end") not in done:
            findings.append(Finding(CheckKind.END_FORM, person.code, _name(person), exit_date))
    return findings


def _follow_up_findings(
    project: Project, session: Session, end: date, today: date
) -> list[Finding]:
    return [
        Finding(CheckKind.FOLLOW_UP, due.code, due.name, due.due, follow_up=due.kind.value)
        for due in schedule(session, project, today)
        if due.state is DueState.OVERDUE and due.exit_date <= end
    ]


def undelivered_commitments(
    session: Session, project: Project, end: date
) -> list[tuple[Commitment, Company]]:
    """Commitments signed by `end`, for `end`'s year or earlier, with fewer places (or other
    units) delivered than committed; by business ID and year. The manager's weekly digest
    (issue 14) reads the same list and keeps those behind the pace of their year."""
    query = (
        select(Commitment, Company)
        .join(Company, col(Company.id) == col(Commitment.company_id))
        .where(
            Commitment.project_id == project.id,
            col(Commitment.signed_on) <= end,
            col(Commitment.year) <= end.year,
            col(Commitment.delivered) < col(Commitment.committed),
        )
        .order_by(col(Company.business_id), col(Commitment.year))
    )
    return [(commitment, company) for commitment, company in session.exec(query)]


def _commitment_findings(session: Session, project: Project, end: date) -> list[Finding]:
    return [
        Finding(
            CheckKind.COMMITMENT,
            company.business_id,
            company.name,
            commitment.signed_on,
            commitment=(
                commitment.year,
                commitment.kind,
                commitment.delivered,
                commitment.committed,
            ),
        )
        for commitment, company in undelivered_commitments(session, project, end)
    ]


def pre_claim_check(
    session: Session, project: Project, claim: ClaimPeriod, today: date
) -> list[Finding]:
    """Everything to fix before claiming `claim`'s period, in the order of `CheckKind`."""
    start, end = claim.start_date, claim.end_date
    findings = [
        *_people_findings(session, project, start, end),
        *_follow_up_findings(project, session, end, today),
        *_commitment_findings(session, project, end),
    ]
    order = list(CheckKind)
    return sorted(findings, key=lambda f: (order.index(f.kind), f.subject))


def mark_form_done(
    session: Session, *, project: Project, code: str, kind: FormKind, done_on: date
) -> EuraForm:
    """Record that participant `code`'s own EURA start or end form is filled in."""
    person = session.exec(
        select(Participant).where(Participant.project_id == project.id, Participant.code == code)
    ).first()
    if person is None or person.id is None:
        raise ClaimError("claim.err.no_participant", code=code)
    query = select(EuraForm).where(
        EuraForm.participant_id == person.id, EuraForm.kind == kind.value
    )
    form = session.exec(query).first() or EuraForm(
        participant_id=person.id, kind=kind.value, done_on=done_on
    )
    form.done_on, form.recorded_by = done_on, audit.current_actor.get()
    session.add(form)
    session.flush()  # the audit trail records it, as every change
    return form


def submit_claim(session: Session, *, project: Project, code: str, note: str = "") -> ClaimPeriod:
    """Mark the claim submitted and lock its period (the existing lock, audited there)."""
    claim = find_claim(session, project, code)
    if claim is None:
        raise ClaimError("claim.err.unknown")
    if claim.submitted_at is not None:
        raise ClaimError("claim.err.submitted", code=claim.code)
    lock = lock_period(
        session,
        project=project,
        label=f"Claim {claim.code}",
        start=claim.start_date,
        end=claim.end_date,
        note=note,
    )
    claim.submitted_at, claim.submitted_by, claim.lock_id = (
        utcnow(),
        audit.current_actor.get(),
        lock.id,
    )
    session.add(claim)
    session.flush()
    return claim


def find_claim(session: Session, project: Project, code: str) -> ClaimPeriod | None:
    query = select(ClaimPeriod).where(
        ClaimPeriod.project_id == project.id, ClaimPeriod.code == code
    )
    return session.exec(query).first()
