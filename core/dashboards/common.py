"""SQL helpers shared by the dashboard queries: result frames and portable month buckets."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any, TypeVar

import pandas as pd
from sqlalchemy import Integer, cast, extract, func, text
from sqlmodel import Session
from sqlmodel.sql.expression import Select

T = TypeVar("T")


def in_parallel(session: Session, *reads: Callable[[Session], Any]) -> list[Any]:
    """Run independent read-only queries at once, each on its own connection.

    The heavy event queries each scan the attendance rows; on two cores running them side by
    side shortens the wait (both SQLite and psycopg release the GIL while the database
    works). Each read sees the committed data, as a dashboard read should.
    """
    engine = session.get_bind()

    def run(read: Callable[[Session], T]) -> T:
        with Session(engine) as own:
            return read(own)

    with ThreadPoolExecutor(max_workers=len(reads)) as pool:
        return list(pool.map(run, reads))


# PostgreSQL compiles (JIT) queries its planner thinks expensive; for the attendance
# aggregations compiling costs more than it saves (measured: 1.6 → 1.4 s on 1,000,000 rows).
# A larger work_mem, which avoids spilling to disk, measured slower (bigger hash tables), so
# it stays at the server's setting. Lasts for the current transaction only.
ANALYTIC_SETTINGS = ("SET LOCAL jit = off",)


def for_analysis(session: Session) -> None:
    """Settings for one large aggregation in the current transaction (PostgreSQL only)."""
    if session.get_bind().dialect.name == "postgresql":
        for statement in ANALYTIC_SETTINGS:
            session.execute(text(statement))


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


def count_by_month(
    session: Session, day: Any, conditions: list[Any], start: date, end: date, label: str
) -> pd.DataFrame:
    """Rows meeting `conditions` counted by the month of their `day` column, every month of
    the period as a row (gaps as 0), in a column named `label`."""
    year, month = month_key(day)
    query = rows_of(year, month, func.count()).where(*conditions).group_by(year, month)
    return by_month(frame(session, query, ["year", "month", label]), start, end, [label])
