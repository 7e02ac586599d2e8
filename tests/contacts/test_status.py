"""The status machine: forward only, each step by the roles that may take it."""

from __future__ import annotations

import pytest

from core.codes import ContactStatus, Role
from core.contacts.status import may_move, reached, steps_for

S = ContactStatus


@pytest.mark.parametrize(
    ("start", "to", "allowed"),
    [
        (S.ASKED, S.ACCEPTED, True),
        (S.ASKED, S.DECLINED, True),
        (S.ASKED, S.MET, False),  # nobody meets before the student accepted
        (S.ACCEPTED, S.AGREED, True),  # a meeting need not be recorded first
        (S.ACCEPTED, S.STARTED, False),  # nothing starts before it is agreed
        (S.AGREED, S.STARTED, True),
        (S.STARTED, S.ENDED, True),
        (S.AGREED, S.MET, False),  # never backwards
        (S.DECLINED, S.ACCEPTED, False),  # a refusal is final
        (S.ENDED, S.STARTED, False),
    ],
)
def test_a_request_only_moves_forward(start: S, to: S, allowed: bool) -> None:
    assert may_move(start, to) is allowed


def test_who_may_take_which_step() -> None:
    assert steps_for(Role.STUDENT, S.ASKED) == [S.ACCEPTED, S.DECLINED]
    assert steps_for(Role.MANAGER, S.ASKED) == [S.ACCEPTED, S.DECLINED]
    assert steps_for(Role.SME, S.ASKED) == []  # the company cannot answer for the student
    assert steps_for(Role.SME, S.ACCEPTED) == [S.MET, S.AGREED]
    assert steps_for(Role.STEERING, S.ACCEPTED) == []
    assert steps_for(Role.STUDENT, S.ENDED) == []


def test_reached() -> None:
    assert reached(S.STARTED, S.AGREED) and not reached(S.MET, S.AGREED)
    assert not reached(S.DECLINED, S.ACCEPTED) and reached(S.DECLINED, S.DECLINED)
