"""Partnership numbers: the commitment ledger, scholarship euros, company mix, new companies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import distinct, func
from sqlmodel import Session, col, select

from core.codes import CommitmentKind, Indicator
from core.dashboards.common import count_by_month, frame, rows_of
from core.dashboards.filters import Filters, within
from core.indicators.kpi import headline_target
from core.models import Attendance, Attendee, Commitment, Company, Event, Project, ProjectCompany

LEDGER_COLUMNS = ["year", "kind", "companies", "committed", "delivered", "amount_eur"]


@dataclass(frozen=True)
class PartnershipData:
    """Everything the partnerships page and its meeting slides draw, as small frames."""

    ledger: pd.DataFrame  # LEDGER_COLUMNS, one row per year and kind
    kinds: pd.DataFrame  # LEDGER_COLUMNS without year: the period's years together, per kind
    mix: pd.DataFrame  # municipality, size_class, companies
    new_by_month: pd.DataFrame  # month (YYYY-MM), companies
    target: int | None  # the companies target (50), if the project has one


def commitment_ledger(
    session: Session, project: Project, filters: Filters, *, by_year: bool = True
) -> pd.DataFrame:
    """Per year (or all the period's years together) and kind: companies with a commitment
    (each counted once), places committed and delivered, committed scholarship euros."""
    keys = [col(Commitment.year), col(Commitment.kind)] if by_year else [col(Commitment.kind)]
    query = (
        rows_of(
            *keys,
            func.count(distinct(col(Commitment.company_id))),
            func.sum(Commitment.committed),
            func.sum(Commitment.delivered),
            func.coalesce(func.sum(Commitment.amount_eur), 0),
        )
        .where(Commitment.project_id == project.id, col(Commitment.year).in_(filters.years))
        .group_by(*keys)
        .order_by(*keys)
    )
    columns = LEDGER_COLUMNS if by_year else LEDGER_COLUMNS[1:]
    ledger = frame(session, query, columns)
    for name in LEDGER_COLUMNS[2:]:
        ledger[name] = ledger[name].astype("float64").astype("int64")
    return ledger


def company_mix(session: Session, project: Project, filters: Filters) -> pd.DataFrame:
    """Companies that joined in the period, by municipality and size class."""
    query = (
        rows_of(Company.municipality, Company.size_class, func.count())
        .join(ProjectCompany, col(ProjectCompany.company_id) == col(Company.id))
        .where(
            ProjectCompany.project_id == project.id,
            within(ProjectCompany.joined_on, filters.start, filters.end),
        )
        .group_by(Company.municipality, Company.size_class)
    )
    mix = frame(session, query, ["municipality", "size_class", "companies"])
    mix["municipality"] = mix["municipality"].replace("", "?")
    return mix


def new_companies_by_month(
    session: Session, project: Project, filters: Filters, as_of: date
) -> pd.DataFrame:
    """Companies whose support began (joined_on) in each month of the period, up to `as_of`."""
    conditions = [
        ProjectCompany.project_id == project.id,
        within(ProjectCompany.joined_on, filters.start, filters.end),
    ]
    end = min(filters.end, as_of)
    return count_by_month(
        session, ProjectCompany.joined_on, conditions, filters.start, end, "companies"
    )


def partnership_data(
    session: Session, project: Project, filters: Filters, as_of: date
) -> PartnershipData:
    target = headline_target(session, project, Indicator.COMPANIES)
    return PartnershipData(
        commitment_ledger(session, project, filters),
        commitment_ledger(session, project, filters, by_year=False),
        company_mix(session, project, filters),
        new_companies_by_month(session, project, filters, as_of),
        None if target is None else target.value,
    )


# --- The manager's drill-down into one company ------------------------------------------------


@dataclass(frozen=True)
class CompanyDetail:
    name: str
    business_id: str
    size_class: str
    municipality: str
    sector: str
    joined_on: date | None
    commitments: pd.DataFrame  # year, kind, committed, delivered, amount_eur, topic
    events: pd.DataFrame  # event_date, code, name, people (from this company)


def partner_companies(session: Session, project: Project) -> list[tuple[str, str]]:
    """(business ID, name) of the project's companies, by name: the drill-down's choices."""
    query = (
        rows_of(Company.business_id, Company.name)
        .join(ProjectCompany, col(ProjectCompany.company_id) == col(Company.id))
        .where(ProjectCompany.project_id == project.id)
        .order_by(Company.name)
    )
    return [(str(b), str(n)) for b, n in session.execute(query).all()]


def company_detail(session: Session, project: Project, business_id: str) -> CompanyDetail | None:
    """One company's facts, its commitments year by year, and the events its people came to."""
    company = session.exec(select(Company).where(Company.business_id == business_id)).first()
    if company is None:
        return None
    joined = session.exec(
        select(col(ProjectCompany.joined_on)).where(
            ProjectCompany.project_id == project.id, ProjectCompany.company_id == company.id
        )
    ).first()
    commitments = frame(
        session,
        rows_of(
            Commitment.year,
            Commitment.kind,
            Commitment.committed,
            Commitment.delivered,
            Commitment.amount_eur,
            Commitment.topic,
        )
        .where(Commitment.project_id == project.id, Commitment.company_id == company.id)
        .order_by(col(Commitment.year), Commitment.kind),
        ["year", "kind", "committed", "delivered", "amount_eur", "topic"],
    )
    commitments["amount_eur"] = commitments["amount_eur"].astype("float64")
    events = frame(
        session,
        rows_of(Event.event_date, Event.code, Event.name, func.count(distinct(col(Attendee.id))))
        .join(Attendance, col(Attendance.event_id) == col(Event.id))
        .join(Attendee, col(Attendee.id) == col(Attendance.attendee_id))
        .where(Event.project_id == project.id, Attendee.company_id == company.id)
        .group_by(col(Event.event_date), Event.code, Event.name)
        .order_by(col(Event.event_date).desc()),
        ["event_date", "code", "name", "people"],
    )
    return CompanyDetail(
        company.name,
        company.business_id,
        company.size_class,
        company.municipality,
        company.sector,
        joined,
        commitments,
        events,
    )


SCHOLARSHIP = CommitmentKind.SCHOLARSHIP.value
