"""A company need's candidate skills (issue 16): always shown, confirmed or removed by the
company, and turned into the need's stored skills.

The mapper ranks candidates for every need; the best `NEED_CANDIDATES` are kept with their
calibrated confidence and claim flag. A need's skills (the `SkillMention` rows that count as
demand) are its claimed candidates plus those the company confirmed, minus those it removed.
Decisions survive re-mapping, so they accumulate as labelled data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete
from sqlmodel import Session, col, select

from core.codes import MaxLength
from core.competence.esco_map import MappedSkill
from core.competence.ranking import Candidate
from core.competence.skill_names import display_name
from core.models import NeedSkill, utcnow

NEED_CANDIDATES = 5
CONFIRMED, REMOVED = "confirmed", "removed"
DECISIONS = frozenset({CONFIRMED, REMOVED, ""})


def sync_candidates(
    session: Session, need_id: int, need_text: str, candidates: Sequence[Candidate]
) -> list[MappedSkill]:
    """Replace the need's undecided candidates with the best `NEED_CANDIDATES` (decided ones
    are kept and refreshed); returns the skills to store for the need."""
    rows = {r.uri: r for r in session.exec(select(NeedSkill).where(NeedSkill.need_id == need_id))}
    fresh = {c.uri: (rank, c) for rank, c in enumerate(candidates)}
    kept = [c.uri for c in candidates[:NEED_CANDIDATES]] + [
        uri for uri, row in rows.items() if row.decision
    ]
    for uri, row in rows.items():
        if uri not in kept:
            session.delete(row)
    for uri in dict.fromkeys(kept):
        row = rows.get(uri) or NeedSkill(need_id=need_id, uri=uri, label="")
        if uri in fresh:
            rank, c = fresh[uri]
            row.label = c.label[: MaxLength.SKILL_LABEL]
            row.rank, row.confidence, row.claimed = (
                rank,
                min(max(c.confidence, 0.0), 1.0),
                c.claimed,
            )
            row.evidence = c.evidence[: MaxLength.SKILL_EVIDENCE]
        else:  # decided earlier, no longer a candidate: keep it after the ranked ones
            row.rank, row.claimed = len(candidates), False
        session.add(row)
    session.flush()
    return need_skills_of(session, need_id, need_text)


def need_skills_of(session: Session, need_id: int, need_text: str) -> list[MappedSkill]:
    """The need's skills: claimed or confirmed candidates that were not removed."""
    rows = session.exec(
        select(NeedSkill)
        .where(NeedSkill.need_id == need_id)
        .order_by(col(NeedSkill.confidence).desc(), col(NeedSkill.rank))
    )
    return [
        MappedSkill(r.uri, r.label, r.confidence, r.evidence or need_text, 0, len(need_text))
        for r in rows
        if r.decision == CONFIRMED or (r.claimed and r.decision != REMOVED)
    ]


@dataclass(frozen=True)
class CandidateView:
    """A candidate as the needs page shows it, named in the page's language."""

    uri: str
    name: str
    confidence: float
    claimed: bool
    decision: str

    @property
    def counted(self) -> bool:
        """Whether the skill counts as the need's (demand on the competence map)."""
        return self.decision == CONFIRMED or (self.claimed and self.decision != REMOVED)


def candidate_views(
    session: Session, need_ids: list[int], lang: str
) -> dict[int, list[CandidateView]]:
    found: dict[int, list[CandidateView]] = {}
    if not need_ids:
        return found
    rows = session.exec(
        select(NeedSkill)
        .where(col(NeedSkill.need_id).in_(need_ids))
        .order_by(col(NeedSkill.need_id), col(NeedSkill.rank))
    )
    for r in rows:
        found.setdefault(r.need_id, []).append(
            CandidateView(
                r.uri, display_name(r.uri, r.label, lang), r.confidence, r.claimed, r.decision
            )
        )
    return found


def record_decision(
    session: Session, need_id: int, uri: str, decision: str, username: str
) -> NeedSkill | None:
    """Set one candidate's decision ("" undoes it); None when the need has no such candidate."""
    if decision not in DECISIONS:
        raise ValueError(decision)
    row = session.exec(
        select(NeedSkill).where(NeedSkill.need_id == need_id, NeedSkill.uri == uri)
    ).first()
    if row is None:
        return None
    row.decision = decision
    row.decided_by = username[: MaxLength.USERNAME] if decision else ""
    row.decided_at = utcnow() if decision else None
    session.add(row)
    session.flush()
    return row


def drop_candidates(session: Session, need_id: int) -> None:
    session.execute(delete(NeedSkill).where(col(NeedSkill.need_id) == need_id))
