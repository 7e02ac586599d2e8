"""The status machine of a contact request: which step may follow which, and who may take it.

    asked → accepted | declined
    accepted → met | agreed        (a meeting need not be recorded before an agreement)
    met → agreed → started → ended

A request only moves forward; declined and ended are final. The student (or the manager on
their behalf) answers; the requesting company, the student and the manager record the rest.
The steering group takes no step.
"""

from __future__ import annotations

from core.codes import AgreedKind, CommitmentKind, ContactStatus, Role

ASKED, ACCEPTED, DECLINED = ContactStatus.ASKED, ContactStatus.ACCEPTED, ContactStatus.DECLINED
MET, AGREED, STARTED, ENDED = (
    ContactStatus.MET,
    ContactStatus.AGREED,
    ContactStatus.STARTED,
    ContactStatus.ENDED,
)

NEXT: dict[ContactStatus, frozenset[ContactStatus]] = {
    ASKED: frozenset({ACCEPTED, DECLINED}),
    ACCEPTED: frozenset({MET, AGREED}),
    MET: frozenset({AGREED}),
    AGREED: frozenset({STARTED}),
    STARTED: frozenset({ENDED}),
    DECLINED: frozenset(),
    ENDED: frozenset(),
}
ANSWERS = frozenset({ACCEPTED, DECLINED})
# Who may take a step of each kind (the SME only for its own company's requests, the student
# only for their own: `core.contacts.flow` checks that).
MAY_ANSWER = frozenset({Role.STUDENT, Role.MANAGER})
MAY_FOLLOW_UP = frozenset({Role.STUDENT, Role.MANAGER, Role.SME})
# Statuses in which the company may see what the student chose to share.
SHARED_IN = frozenset({ACCEPTED, MET, AGREED, STARTED, ENDED})
# An agreed place of these kinds is a delivered commitment of that company for that year.
DELIVERS: dict[AgreedKind, CommitmentKind] = {
    AgreedKind.INTERNSHIP: CommitmentKind.INTERNSHIP_PLACE,
    AgreedKind.THESIS: CommitmentKind.THESIS_PLACE,
}
ORDER = [ASKED, ACCEPTED, MET, AGREED, STARTED, ENDED]


def next_steps(status: ContactStatus) -> frozenset[ContactStatus]:
    return NEXT[status]


def may_move(status: ContactStatus, to: ContactStatus) -> bool:
    return to in NEXT[status]


def may_take(role: Role, to: ContactStatus) -> bool:
    """Whether `role` may ever record a step to `to` (ownership is checked elsewhere)."""
    return role in (MAY_ANSWER if to in ANSWERS else MAY_FOLLOW_UP)


def steps_for(role: Role, status: ContactStatus) -> list[ContactStatus]:
    """The steps `role` may record next, in the machine's order."""
    allowed = [s for s in ORDER if may_move(status, s) and may_take(role, s)]
    if DECLINED in NEXT[status] and may_take(role, DECLINED):
        allowed.append(DECLINED)
    return allowed


def reached(status: ContactStatus, step: ContactStatus) -> bool:
    """True when a request in `status` has gone through `step` (declined reaches nothing)."""
    if status is DECLINED or step is DECLINED:
        return status is step
    return ORDER.index(status) >= ORDER.index(step)
