"""The Excel steering pack holds the Budget sheet, as the steering group sees it."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from core.io.exports.steering_pack import steering_pack
from core.models import Project

DEMO_DAY = date(2026, 12, 4)


@pytest.mark.demo(DEMO_DAY)
def test_the_pack_has_a_budget_sheet(engine: Engine, session: Session, project: Project) -> None:
    book = openpyxl.load_workbook(io.BytesIO(steering_pack(session, project, DEMO_DAY, lang="fi")))
    assert book.sheetnames[-1] == "Budjetti"
    rows = [r for r in book["Budjetti"].iter_rows(values_only=True) if r[0]]
    assert rows[0][:5] == ("Rivi", "Budjetti (€)", "Käytetty (€)", "Käytetty %", "Jäljellä (€)")
    lines = {r[0]: r for r in rows[1:]}
    salaries, flat = lines["Palkkakustannukset"], lines["Flat rate 40 % palkoista"]
    assert salaries[1] == 444549 and flat[1] == 177820
    assert abs(flat[2] - round(salaries[2] * 0.4, 2)) < 0.011
    total = lines["Kustannukset yhteensä"]
    assert abs(lines["EU- ja valtion rahoitus"][2] - round(total[2] * 0.8, 2)) < 0.011
