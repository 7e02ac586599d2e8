"""EU common indicators from hand-made participant records, split by gender."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlmodel import Session, select

from core.indicators.eu_indicators import common_indicators, supported_companies
from core.models import Company, FollowUp, Participant, Project, ProjectCompany, TargetGroup
from core.periods import Window

WINDOW = Window(date(2025, 5, 1), date(2027, 12, 31))


def _person(project: Project, group_id: int, code: str, **fields: object) -> Participant:
    defaults: dict[str, object] = {
        "entry_status": "in_education",
        "gender": "woman",
        "age_band": "18-29",
        "isced": "5-8",
        "entry_date": date(2025, 9, 1),
    }
    defaults.update(fields)
    return Participant(project_id=project.id, code=code, target_group_id=group_id, **defaults)


def _value(table: pd.DataFrame, section: str, indicator: str, column: str = "total") -> int:
    row = table[(table.section == section) & (table.indicator == indicator)]
    assert len(row) == 1, (section, indicator)
    return int(row.iloc[0][column])


def _seed(session: Session, project: Project) -> None:
    group = session.exec(select(TargetGroup)).first()
    assert group is not None and group.id is not None
    people = [
        _person(project, group.id, "A", third_country_national=True),
        _person(project, group.id, "B", gender="man", entry_status="employed", age_band="30-54"),
        _person(
            project,
            group.id,
            "C",
            gender="non_binary",
            entry_status="unemployed",
            age_band="55+",
            isced="3-4",
            exit_date=date(2026, 1, 31),
        ),
        _person(project, group.id, "D", gender="man", exit_date=date(2026, 5, 31)),
        _person(project, group.id, "E", entry_date=date(2028, 1, 5)),  # after the window
    ]
    session.add_all(people)
    session.commit()
    c, d = people[2], people[3]
    session.add_all(
        [
            # C: job searching first, then employed within the window: the last answer wins.
            FollowUp(
                participant_id=c.id,
                kind="28_days",
                recorded_on=date(2026, 2, 10),
                status="job_searching",
            ),
            FollowUp(
                participant_id=c.id,
                kind="28_days",
                recorded_on=date(2026, 2, 25),
                status="employed",
            ),
            FollowUp(
                participant_id=c.id,
                kind="6_months",
                recorded_on=date(2026, 7, 31),
                status="employed",
                precarious_to_stable=True,
                job_in_ict=True,
                job_in_region=True,
                job_matches_education=False,
            ),
            # D: gained a qualification; 6 months later still job searching.
            FollowUp(
                participant_id=d.id,
                kind="28_days",
                recorded_on=date(2026, 6, 20),
                status="gained_qualification",
            ),
            FollowUp(
                participant_id=d.id,
                kind="6_months",
                recorded_on=date(2026, 11, 30),
                status="job_searching",
                more_skilled_job=True,
            ),
        ]
    )
    session.commit()


def test_outputs_by_gender(session: Session, project: Project) -> None:
    _seed(session, project)
    table = common_indicators(session, project, WINDOW)
    assert _value(table, "outputs", "participants") == 4
    assert _value(table, "outputs", "participants", "woman") == 1
    assert _value(table, "outputs", "participants", "man") == 2
    assert _value(table, "outputs", "participants", "non_binary") == 1
    assert _value(table, "outputs", "in_education") == 2
    # Inactive includes full-time students.
    assert _value(table, "outputs", "inactive") == 2
    assert _value(table, "outputs", "employed", "man") == 1
    assert _value(table, "outputs", "unemployed", "non_binary") == 1
    assert _value(table, "outputs", "age_55_plus") == 1
    assert _value(table, "outputs", "age_18_29") == 2
    assert _value(table, "outputs", "isced_3_4") == 1
    assert _value(table, "outputs", "third_country_national") == 1
    assert _value(table, "outputs", "homeless") == 0


def test_results_take_the_last_answer(session: Session, project: Project) -> None:
    _seed(session, project)
    table = common_indicators(session, project, WINDOW)
    assert _value(table, "immediate", "in_employment", "non_binary") == 1
    assert _value(table, "immediate", "job_searching") == 0
    assert _value(table, "immediate", "gained_qualification", "man") == 1
    assert _value(table, "six_months", "in_employment") == 1
    # Improved situation counts C (precarious → stable) and D (more skilled job).
    assert _value(table, "six_months", "improved_situation") == 2
    assert _value(table, "six_months", "job_in_ict") == 1
    assert _value(table, "six_months", "job_matches_education") == 0


def test_a_window_before_any_exit_has_no_results(session: Session, project: Project) -> None:
    _seed(session, project)
    table = common_indicators(session, project, Window(date(2025, 5, 1), date(2025, 12, 31)))
    assert table[table.section != "outputs"]["total"].sum() == 0
    assert _value(table, "outputs", "participants") == 4


def test_empty_project_gives_zeros(session: Session, project: Project) -> None:
    table = common_indicators(session, project, WINDOW)
    assert table["total"].sum() == 0
    assert list(table.columns) == ["section", "indicator", "woman", "man", "non_binary", "total"]


def test_companies_count_once_by_size(session: Session, project: Project) -> None:
    companies = [
        Company(business_id=bid, name=f"C{i}", size_class=size)
        for i, (bid, size) in enumerate(
            [("0201256-6", "micro"), ("1097805-3", "micro"), ("2868613-9", "small")]
        )
    ]
    session.add_all(companies)
    session.commit()
    for company in companies:
        session.add(
            ProjectCompany(
                project_id=project.id, company_id=company.id, joined_on=date(2025, 10, 1)
            )
        )
    session.commit()
    assert supported_companies(session, project, WINDOW) == {"micro": 2, "small": 1}
