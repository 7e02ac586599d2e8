"""What redaction will take out of the profile texts an import brings (issue 12: whoever
imports a text sees what companies will not see, before anything is written).

A check (`write=False`) calls `profile_redactions` inside its savepoint, after the import's own
writes: every profile row of the file is then in the database with its participant (even one
created by another sheet of the same file), so the preview reads the same identity the search
index will. Only the texts a row supplies are previewed, at most `MAX_PREVIEWED` rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from core.io.imports.planner import SheetPlan
from core.models import CompetenceProfile, Participant
from core.privacy.redact import identity_of, preview_redaction

MAX_PREVIEWED = 500  # rows: enough to see what a file holds, cheap on a 10,000-row file
TEXTS = ("skills", "interests")


@dataclass(frozen=True)
class ImportRedaction:
    """One piece of a profile text that companies will not see (or should be checked)."""

    sheet: str
    row: int
    code: str
    column: str  # the header as written in the file
    removed: bool  # False: kept but flagged (a place name)
    kind: str  # core.privacy.findings.Kind
    excerpt: str


def profile_redactions(session: Session, plans: list[SheetPlan]) -> list[ImportRedaction]:
    """The removals and flags of every profile text the plans write (rows in file order)."""
    found: list[ImportRedaction] = []
    previewed = 0
    for plan in plans:
        if plan.kind != "profiles":
            continue
        for action in plan.actions:
            texts = [name for name in TEXTS if name in action.row.given]
            if not action.write or not texts or previewed >= MAX_PREVIEWED:
                continue
            previewed += 1
            code = str(getattr(action.row.model, "code", ""))
            query = (
                select(CompetenceProfile, Participant)
                .join(
                    Participant,
                    col(Participant.id) == col(CompetenceProfile.participant_id),
                    isouter=True,
                )
                .where(CompetenceProfile.code == code)
            )
            stored = session.exec(query).first()
            if stored is None:
                continue
            profile, participant = stored
            identity = identity_of(participant)
            for name in texts:
                preview = preview_redaction(getattr(profile, name), identity)
                header = plan.headers.get(name, name)
                for removed, findings in ((True, preview.removed), (False, preview.flagged)):
                    where = (plan.sheet, action.row.row, code, header, removed)
                    found += [ImportRedaction(*where, f.kind.value, f.excerpt) for f in findings]
    return found
