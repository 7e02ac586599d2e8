"""SQL helpers shared by the dashboard queries: result frames and portable month buckets."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy import Integer, cast, extract
from sqlmodel import Session
from sqlmodel.sql.expression import Select


def rows_of(*columns: Any) -> Select[Any]:
    """SELECT `columns` for aggregate queries of any width (sqlmodel's `select` stops at 4)."""
    return Select(*columns)


def frame(session: Session, query: Any, columns: list[str]) -> pd.DataFrame:
    """The rows of `query` as a frame with `columns` (empty, with the columns, when none)."""
    return pd.DataFrame([tuple(row) for row in session.execute(query).all()], columns=columns)


def month_key(column: Any) -> tuple[Any, Any]:
    """Year and month of a date column, portable across SQLite and PostgreSQL."""
    return cast(extract("year", column), Integer), cast(extract("month", column), Integer)


def month_label(year: Any, month: Any) -> str:
    return f"{int(year):04d}-{int(month):02d}"


def months(start: date, end: date) -> list[str]:
    """Every month from `start` to `end` as YYYY-MM."""
    keys, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        keys.append(month_label(year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


def by_month(rows: pd.DataFrame, start: date, end: date, columns: list[str]) -> pd.DataFrame:
    """Rows of (year, month, *columns) spread over every month of the period, gaps as 0."""
    keys = [month_label(y, m) for y, m in zip(rows["year"], rows["month"], strict=True)]
    indexed = rows.assign(month=keys).set_index("month")[columns].groupby(level=0).sum()
    full = indexed.reindex(months(start, end), fill_value=0).astype("int64")
    return full.rename_axis("month").reset_index()
