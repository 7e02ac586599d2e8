"""Open Badges 2.0: a badge award as a hosted Assertion (JSON-LD) with its BadgeClass and
issuer Profile embedded, and the badge image with the assertion baked in (a PNG iTXt chunk
named "openbadges"), which a student can add to a LinkedIn profile or a backpack.

The recipient is the participant's e-mail, hashed with a salt as the specification allows, so
the file names no one in clear. The ids are URLs under the issuer's address: hosting them there
is what makes "hosted" verification work (Silta itself serves nothing publicly).
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import struct
import zlib
from datetime import UTC, datetime, time
from typing import Any

from sqlmodel import Session, select

from core.badges.records import BadgeError
from core.models import BadgeAward, Participant, Project, ProjectTerm

CONTEXT = "https://w3id.org/openbadges/v2"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def assertion(
    session: Session, project: Project, award_id: int, *, base_url: str, issuer_email: str
) -> dict[str, Any]:
    """The award as an Open Badges 2.0 Assertion; the participant needs an e-mail address."""
    award = session.get(BadgeAward, award_id)
    if award is None or award.project_id != project.id:
        raise BadgeError("badge.err.missing")
    person = session.get(Participant, award.participant_id)
    badge = session.exec(
        select(ProjectTerm).where(
            ProjectTerm.project_id == project.id,
            ProjectTerm.family == "badge",
            ProjectTerm.code == award.badge_code,
        )
    ).first()
    if person is None or badge is None:
        raise BadgeError("badge.err.missing")
    if not person.email:
        raise BadgeError("badge.err.no_email", code=person.code)
    base = base_url.rstrip("/") or "https://www.oulu.fi"
    salt = secrets.token_hex(8)
    identity = hashlib.sha256((person.email.strip().lower() + salt).encode()).hexdigest()
    return {
        "@context": CONTEXT,
        "type": "Assertion",
        "id": f"{base}/badges/assertions/{award.uid}.json",
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": salt,
            "identity": f"sha256${identity}",
        },
        "badge": _badge_class(project, badge, base, issuer_email),
        "issuedOn": datetime.combine(award.issued_on, time(), tzinfo=UTC)
        .isoformat()
        .replace("+00:00", "Z"),
        "verification": {"type": "hosted"},
        **(
            {"evidence": {"type": "Evidence", "narrative": award.evidence}}
            if award.evidence
            else {}
        ),
    }


def _badge_class(project: Project, badge: ProjectTerm, base: str, email: str) -> dict[str, Any]:
    image = (
        f"data:image/png;base64,{badge.image}" if badge.image else f"{base}/badges/{badge.code}.png"
    )
    return {
        "type": "BadgeClass",
        "id": f"{base}/badges/{project.code.lower()}/{badge.code}.json",
        "name": badge.name,
        "description": badge.description or badge.name,
        "image": image,
        "criteria": {"narrative": badge.description or badge.name},
        "issuer": {
            "type": "Profile",
            "id": f"{base}/badges/{project.code.lower()}/issuer.json",
            "name": f"University of Oulu – {project.name}",
            "url": base,
            "email": email or "ict-talent@oulu.fi",
        },
    }


def badge_image(session: Session, project: Project, badge_code: str) -> bytes:
    row = session.exec(
        select(ProjectTerm.image).where(
            ProjectTerm.project_id == project.id,
            ProjectTerm.family == "badge",
            ProjectTerm.code == badge_code,
        )
    ).first()
    if not row:
        raise BadgeError("badge.err.no_image", code=badge_code)
    return base64.b64decode(row)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def bake(png: bytes, assertion_json: dict[str, Any]) -> bytes:
    """The PNG with the assertion in an iTXt chunk "openbadges", before IEND (spec: Baking)."""
    if not png.startswith(PNG_SIGNATURE) or not png.endswith(_chunk(b"IEND", b"")):
        raise BadgeError("badge.err.no_image", code="")
    text = json.dumps(assertion_json, ensure_ascii=False).encode("utf-8")
    # keyword, NUL, compression flag 0, method 0, empty language tag, NUL, empty translated
    # keyword, NUL, then the text (uncompressed).
    itxt = b"openbadges\x00\x00\x00\x00\x00" + text
    end = len(png) - 12
    return png[:end] + _chunk(b"iTXt", itxt) + png[end:]


def baked_assertion(png: bytes) -> dict[str, Any] | None:
    """The assertion baked into `png` (what a backpack reads), or None."""
    position = len(PNG_SIGNATURE)
    while position + 8 <= len(png):
        length, kind = struct.unpack(">I4s", png[position : position + 8])
        data = png[position + 8 : position + 8 + length]
        if kind == b"iTXt" and data.startswith(b"openbadges\x00"):
            text = data[len(b"openbadges\x00") + 2 :].split(b"\x00", 2)[-1]
            loaded: dict[str, Any] = json.loads(text.decode("utf-8"))
            return loaded
        position += 12 + length
    return None
