"""Reading the audit trail for the manager: filter, page, and export to Excel (itself audited)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pandas as pd
from sqlalchemy import func
from sqlmodel import Session, col, select

from core.access import audit
from core.i18n import Labelled
from core.io.exports.writer import Book
from core.models import AuditLog, Company
from core.text import without_controls


class AuditColumn(Labelled, key_prefix="audit.col"):
    AT = "at"
    USERNAME = "username"
    COMPANY = "company"
    ACTION = "action"
    ENTITY = "entity"
    ENTITY_KEY = "entity_key"
    BEFORE = "before"
    AFTER = "after"
    DETAIL = "detail"


COLUMNS = [column.value for column in AuditColumn]
DEFAULT_LIMIT = 2000


@dataclass(frozen=True)
class AuditFilter:
    """What the manager narrows the log to; empty values mean "any"."""

    start: date | None = None
    end: date | None = None
    username: str = ""
    action: str = ""
    entity: str = ""
    text: str = ""


@dataclass(frozen=True)
class AuditPage:
    entries: pd.DataFrame  # COLUMNS, newest first
    total: int  # how many entries match, even beyond the limit


def _conditions(filters: AuditFilter) -> list[Any]:
    where: list[Any] = []
    if filters.start is not None:
        where.append(col(AuditLog.at) >= datetime.combine(filters.start, time(), UTC))
    if filters.end is not None:
        after_end = datetime.combine(filters.end + timedelta(days=1), time(), UTC)
        where.append(col(AuditLog.at) < after_end)
    if filters.username:
        where.append(col(AuditLog.username) == without_controls(filters.username))
    if filters.action:
        where.append(col(AuditLog.action) == filters.action)
    if filters.entity:
        where.append(col(AuditLog.entity) == filters.entity)
    needle = without_controls(filters.text).strip()[:200]
    if needle:
        # autoescape: % and _ typed by the manager are letters, not wildcards. SQLite lowers
        # only ASCII, so the text as typed is tried as well (Ä matches Ä at least).
        where.append(
            col(AuditLog.detail).contains(needle, autoescape=True)
            | col(AuditLog.entity_key).contains(needle, autoescape=True)
            | func.lower(col(AuditLog.detail)).contains(needle.lower(), autoescape=True)
            | func.lower(col(AuditLog.entity_key)).contains(needle.lower(), autoescape=True)
        )
    return where


def _json(value: dict[str, Any] | None) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def audit_entries(
    session: Session, filters: AuditFilter, *, limit: int = DEFAULT_LIMIT
) -> AuditPage:
    """The newest `limit` entries that match, with company names filled in."""
    where = _conditions(filters)
    total = session.exec(select(func.count()).select_from(AuditLog).where(*where)).one()
    query = (
        select(AuditLog, Company.name)
        .join(Company, col(Company.id) == col(AuditLog.company_id), isouter=True)
        .where(*where)
        .order_by(col(AuditLog.at).desc(), col(AuditLog.id).desc())
        .limit(limit)
    )
    rows = [
        {
            "at": entry.at,
            "username": entry.username,
            "company": name or (str(entry.company_id) if entry.company_id else ""),
            "action": entry.action,
            "entity": entry.entity,
            "entity_key": entry.entity_key,
            "before": _json(entry.before),
            "after": _json(entry.after),
            "detail": entry.detail,
        }
        for entry, name in session.exec(query)
    ]
    return AuditPage(pd.DataFrame(rows, columns=COLUMNS), int(total))


def audit_choices(session: Session) -> tuple[list[str], list[str], list[str]]:
    """The user names, actions and entities that occur in the log (for filter menus)."""

    def distinct(column: Any) -> list[str]:
        return [v for v in session.exec(select(column).distinct().order_by(column)) if v]

    return (
        distinct(col(AuditLog.username)),
        distinct(col(AuditLog.action)),
        distinct(col(AuditLog.entity)),
    )


def record_export(*, session: Session, username: str, entries: int) -> None:
    """Who exported how many entries of the log: an export is itself in the audit trail."""
    audit.record(
        session,
        action="export",
        username=username,
        entity="audit_log",
        detail=f"{entries} entries",
    )


def audit_workbook(entries: pd.DataFrame, headers: dict[str, str] | None = None) -> bytes:
    """The entries as an .xlsx file; no cell can run as a formula when opened."""
    book = Book()
    names = headers or {}
    book.sheet("audit log").table(entries.rename(columns=names), header=None)
    return book.to_bytes()
