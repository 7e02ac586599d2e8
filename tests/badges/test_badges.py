"""Memberships with periods and badges as Open Badges 2.0 assertions (issue 15)."""

from __future__ import annotations

import struct
import zlib
from datetime import date
from typing import Any

import pytest
from sqlmodel import Session

from core.badges.openbadges import assertion, badge_image, bake, baked_assertion
from core.badges.records import BadgeError, add_membership, issue_badge
from core.codes import Indicator
from core.indicators.plan import plan_targets
from core.models import Project
from tests.people import participant

# Open Badges 2.0 (IMS Global), the properties each class REQUIRES.
ASSERTION_REQUIRED = {"@context", "type", "id", "recipient", "badge", "verification", "issuedOn"}
BADGE_CLASS_REQUIRED = {"type", "id", "name", "description", "image", "criteria", "issuer"}
PROFILE_REQUIRED = {"type", "id", "name", "url", "email"}
IDENTITY_REQUIRED = {"type", "identity", "hashed"}


def _iri(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(("https://", "http://", "urn:", "data:"))


def _award(session: Session, project: Project) -> int:
    participant(session, project, "P-1", email="aino.virtanen@student.oulu.fi")
    award = issue_badge(
        session,
        project,
        participant="P-1",
        badge="circle_member",
        issued_on=date(2026, 5, 20),
        evidence="Ran two themed events",
    )
    session.commit()
    return int(award.id or 0)


def test_an_assertion_has_every_field_open_badges_2_requires(
    session: Session, project: Project
) -> None:
    record = assertion(
        session,
        project,
        _award(session, project),
        base_url="https://badges.oulu.fi/",
        issuer_email="ict@oulu.fi",
    )
    assert set(record) >= ASSERTION_REQUIRED
    assert record["@context"] == "https://w3id.org/openbadges/v2"
    assert record["type"] == "Assertion" and _iri(record["id"])
    assert record["verification"] == {"type": "hosted"}
    assert record["issuedOn"] == "2026-05-20T00:00:00Z"
    recipient = record["recipient"]
    assert set(recipient) >= IDENTITY_REQUIRED and recipient["type"] == "email"
    assert recipient["identity"].startswith("sha256$") and "aino" not in str(record)
    badge = record["badge"]
    assert set(badge) >= BADGE_CLASS_REQUIRED and badge["type"] == "BadgeClass"
    assert (
        _iri(badge["id"]) and _iri(badge["image"]) and badge["image"].startswith("data:image/png")
    )
    assert badge["criteria"]["narrative"].startswith("Took part in planning")
    assert badge["name"] == "ICT Student Circle member"
    issuer = badge["issuer"]
    assert set(issuer) >= PROFILE_REQUIRED and issuer["type"] == "Profile" and _iri(issuer["id"])
    assert record["evidence"]["narrative"] == "Ran two themed events"


def test_the_baked_png_carries_the_assertion_in_an_itxt_chunk(
    session: Session, project: Project
) -> None:
    record = assertion(session, project, _award(session, project), base_url="", issuer_email="")
    image = badge_image(session, project, "circle_member")
    baked = bake(image, record)
    assert baked.startswith(b"\x89PNG\r\n\x1a\n") and baked.endswith(image[-12:])  # IEND last
    assert baked_assertion(baked) == record and baked_assertion(image) is None
    # Every chunk's CRC is right (a viewer would refuse the image otherwise).
    position = 8
    kinds = []
    while position < len(baked):
        length, kind = struct.unpack(">I4s", baked[position : position + 8])
        data = baked[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", baked[position + 8 + length : position + 12 + length])
        assert crc == zlib.crc32(kind + data)
        kinds.append(kind)
        position += 12 + length
    assert kinds[-2:] == [b"iTXt", b"IEND"]


def test_memberships_have_periods_and_badges_count_toward_targets(
    session: Session, project: Project
) -> None:
    participant(session, project, "P-2")
    add_membership(
        session,
        project,
        participant="P-2",
        kind="ict_student_circle",
        start=date(2025, 9, 1),
        end=date(2025, 12, 31),
    )
    add_membership(
        session, project, participant="P-2", kind="ict_student_circle", start=date(2026, 9, 1)
    )
    with pytest.raises(BadgeError, match="already a member"):
        add_membership(
            session,
            project,
            participant="P-2",
            kind="ict_student_circle",
            start=date(2025, 10, 1),
            end=date(2025, 11, 1),
        )
    with pytest.raises(BadgeError, match="not a membership"):
        add_membership(
            session, project, participant="P-2", kind="chess_club", start=date(2026, 1, 1)
        )
    with pytest.raises(BadgeError, match="end is before"):
        add_membership(
            session,
            project,
            participant="P-2",
            kind="alumni_programme",
            start=date(2026, 1, 2),
            end=date(2026, 1, 1),
        )
    issue_badge(
        session, project, participant="P-2", badge="circle_member", issued_on=date(2026, 1, 5)
    )
    with pytest.raises(BadgeError, match="has this badge already"):
        issue_badge(
            session, project, participant="P-2", badge="circle_member", issued_on=date(2026, 2, 5)
        )
    session.commit()
    items = plan_targets(session, project, date(2026, 12, 31))
    members = next(i for i in items if i.kind == "ict_student_circle")
    badges = next(i for i in items if i.indicator is Indicator.BADGES_ISSUED)
    assert members.progress.actual == 1  # one person, counted once from first joining
    assert badges.progress.actual == 1


def test_no_email_no_assertion(session: Session, project: Project) -> None:
    participant(session, project, "P-3", email="")
    award = issue_badge(
        session, project, participant="P-3", badge="circle_member", issued_on=date(2026, 5, 20)
    )
    with pytest.raises(BadgeError, match="no e-mail"):
        assertion(session, project, int(award.id or 0), base_url="", issuer_email="")
