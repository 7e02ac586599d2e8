"""Memberships with their periods and badges issued to participants; the kinds and badges are
the project definition's own (`memberships`, `badges`)."""

from __future__ import annotations

import secrets
from datetime import date

import pandas as pd
from sqlmodel import Session, col, select

from core.access import audit
from core.codes import TermFamily
from core.dashboards.common import frame, rows_of
from core.errors import DomainError
from core.models import BadgeAward, Membership, Participant, Project
from core.project.terms import codes_of


class BadgeError(DomainError, ValueError):
    """A membership or badge Silta refuses, naming the field."""


def _participant(session: Session, project: Project, code: str) -> Participant:
    row = session.exec(
        select(Participant).where(
            Participant.project_id == project.id, Participant.code == code.strip()
        )
    ).first()
    if row is None or row.id is None:
        raise BadgeError("badge.err.participant", code=code.strip()[:40])
    return row


def add_membership(
    session: Session,
    project: Project,
    *,
    participant: str,
    kind: str,
    start: date,
    end: date | None = None,
) -> Membership:
    kinds = codes_of(session, project, TermFamily.MEMBERSHIP)
    if kind not in kinds:
        raise BadgeError("badge.err.membership", value=kind, known=", ".join(kinds) or "—")
    if end is not None and end < start:
        raise BadgeError("badge.err.period")
    person = _participant(session, project, participant)
    assert project.id is not None and person.id is not None
    overlapping = session.exec(
        select(Membership).where(
            Membership.participant_id == person.id,
            Membership.kind == kind,
            col(Membership.start_date) <= (end or date.max),
            (col(Membership.end_date).is_(None)) | (col(Membership.end_date) >= start),
        )
    ).first()
    if overlapping is not None:
        raise BadgeError("badge.err.overlap", code=person.code)
    row = Membership(
        project_id=project.id, participant_id=person.id, kind=kind, start_date=start, end_date=end
    )
    session.add(row)
    session.flush()
    return row


def issue_badge(
    session: Session,
    project: Project,
    *,
    participant: str,
    badge: str,
    issued_on: date,
    evidence: str = "",
) -> BadgeAward:
    badges = codes_of(session, project, TermFamily.BADGE)
    if badge not in badges:
        raise BadgeError("badge.err.badge", value=badge, known=", ".join(badges) or "—")
    person = _participant(session, project, participant)
    assert project.id is not None and person.id is not None
    taken = session.exec(
        select(BadgeAward.id).where(
            BadgeAward.participant_id == person.id, BadgeAward.badge_code == badge
        )
    ).first()
    if taken is not None:
        raise BadgeError("badge.err.twice", code=person.code)
    row = BadgeAward(
        project_id=project.id,
        participant_id=person.id,
        badge_code=badge,
        uid=secrets.token_hex(16),
        issued_on=issued_on,
        evidence=evidence.strip()[:500],
        issued_by=audit.current_actor.get(),
    )
    session.add(row)
    session.flush()
    return row


def membership_table(session: Session, project: Project) -> pd.DataFrame:
    query = (
        rows_of(
            Membership.id,
            Participant.code,
            Membership.kind,
            Membership.start_date,
            col(Membership.end_date),
        )
        .join(Participant, col(Participant.id) == col(Membership.participant_id))
        .where(Membership.project_id == project.id)
        .order_by(col(Membership.start_date).desc())
    )
    return frame(session, query, ["id", "participant", "kind", "start", "end"])


def award_table(session: Session, project: Project) -> pd.DataFrame:
    query = (
        rows_of(BadgeAward.id, Participant.code, BadgeAward.badge_code, BadgeAward.issued_on)
        .join(Participant, col(Participant.id) == col(BadgeAward.participant_id))
        .where(BadgeAward.project_id == project.id)
        .order_by(col(BadgeAward.issued_on).desc())
    )
    return frame(session, query, ["id", "participant", "badge", "issued_on"])
