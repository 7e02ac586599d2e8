"""In a real browser, on demo data (issue 14): an SME asks to meet a student, the student
accepts, the SME sees what was shared and records an agreed internship, and the manager's
Partnerships page counts one more delivered internship place for that company."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import create_engine, text

from tests.browser.conftest import Server, sign_in

pytestmark = pytest.mark.browser


def _one(server: Server, sql: str, **values: object) -> tuple[object, ...]:
    engine = create_engine(server.database_url)
    try:
        with engine.connect() as connection:
            row = connection.execute(text(sql), values).first()
    finally:
        engine.dispose()
    assert row is not None, sql
    return tuple(row)


def _delivered(server: Server, company_id: int) -> int:
    (count,) = _one(
        server,
        "SELECT COALESCE(SUM(delivered), 0) FROM commitment WHERE company_id = :c "
        "AND kind = 'internship_place' AND year = :y",
        c=company_id,
        y=date.today().year,
    )
    return int(count)  # type: ignore[call-overload]


def _new_page(browser: Browser) -> Page:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    opened = context.new_page()
    opened.set_default_timeout(60_000)
    return opened


def _open(page: Page, title: str) -> None:
    page.locator('[data-testid="stSidebarNav"] a', has_text=title).first.click()
    page.get_by_role("heading", level=1).first.wait_for()


def test_request_accept_agree_and_the_place_is_delivered(
    silta_server: Server, browser: Browser
) -> None:
    url = silta_server.url
    code, skills, email = _one(
        silta_server,
        'SELECT p.code, p.skills, u.email FROM "user" u JOIN competence_profile p '
        "ON p.participant_id = u.participant_id WHERE u.username = 'student'",
    )
    (company_id, company) = _one(
        silta_server,
        'SELECT c.id, c.name FROM "user" u JOIN company c ON c.id = u.company_id '
        "WHERE u.username = 'sme'",
    )
    before = _delivered(silta_server, int(company_id))  # type: ignore[call-overload]

    # The SME finds the student's profile and asks to meet them.
    sme = _new_page(browser)
    sign_in(sme, url, "sme")
    query = " ".join(str(skills).split()[:12])
    sme.get_by_role("textbox", name="What skills do you need?").fill(query)
    sme.keyboard.press("Enter")
    # The innermost block holding the code is its card (st.container(border=True)).
    card = sme.locator('[data-testid="stVerticalBlock"]', has_text=str(code)).last
    card.get_by_role("button", name="Request contact").click()
    sme.get_by_label("Message to the student (optional)").last.fill("Summer internship in Oulu?")
    sme.get_by_role("button", name="Send request").last.click()
    sme.get_by_text(f"Request sent for {code}").wait_for()
    expect(card.get_by_text("Contact requested")).to_be_visible()  # at once, no new session

    # The student sees the request and accepts, sharing their e-mail.
    student = _new_page(browser)
    sign_in(student, url, "student")
    _open(student, "Contact requests")
    student.get_by_text(str(company)).first.wait_for()
    student.get_by_text("Summer internship in Oulu?").wait_for()
    # The demo has requests of its own: act on this one's card (the innermost block with it).
    message = "Summer internship in Oulu?"
    asked = student.locator('[data-testid="stVerticalBlock"]', has_text=message).last
    asked.get_by_role("button", name="Accept").click()
    student.get_by_text("Saved.").wait_for()

    # The SME now sees the shared e-mail and records the agreed internship.
    _open(sme, "Our contact requests")
    sme.get_by_text(re.compile(re.escape(f"E-mail: {email}"))).wait_for()
    ours = (
        sme.locator('[data-testid="stVerticalBlock"]')
        .filter(has_text=str(code))
        .filter(has_text=f"E-mail: {email}")
        .last
    )
    ours.get_by_label("Step").click()
    sme.get_by_role("option", name="Agreed").click()
    # "internship" is the first kind, already chosen.
    ours.get_by_role("button", name="Record").click()
    ours.get_by_text("Agreed: internship").first.wait_for()
    assert _delivered(silta_server, int(company_id)) == before + 1  # type: ignore[call-overload]

    # The manager's Partnerships drill-down shows that company's delivered place.
    manager = _new_page(browser)
    sign_in(manager, url, "manager")
    _open(manager, "Contact requests")
    grid = manager.locator('[data-testid="stDataFrame"]').first
    grid.wait_for()
    manager.wait_for_timeout(1500)
    widths = grid.evaluate(
        "g => { const s = g.querySelector('.dvn-scroller');"
        " return s ? [s.scrollWidth, s.clientWidth] : [0, 0]; }"
    )
    assert widths[0] <= widths[1] + 1, widths  # every column without scrolling at 1440 px
    (row,) = [r for r in _grid_rows(manager, "Student") if r[2] == code]
    assert row[4] == email and row[5] == "Agreed: internship"
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}( UTC)?", row[0]), row[0]
    _open(manager, "Partnerships")
    manager.get_by_text("From contact request to work").wait_for()
    chooser = manager.get_by_role("combobox", name="Company")
    chooser.click()
    chooser.fill(str(company))  # the list is long and drawn lazily: narrow it first
    manager.get_by_role("option", name=re.compile(re.escape(str(company)))).first.click()
    year = str(date.today().year)
    delivered: list[int] = []
    for _ in range(20):  # the drill-down's table appears after the choice's rerun
        manager.wait_for_timeout(500)
        ledger = _grid_rows(manager, "Committed", missing_ok=True)
        delivered = [int(r[3]) for r in ledger if r[0] == year and r[1] == "Internship places"]
        if delivered:
            break
    assert delivered == [before + 1]


def _grid_rows(page: Page, header: str, *, missing_ok: bool = False) -> list[list[str]]:
    """The rows of the table whose header has `header` (a grid's accessible table)."""
    for grid in page.locator('[data-testid="stDataFrame"]').all():
        rows: list[list[str]] = grid.evaluate(
            "g => Array.from(g.querySelectorAll('table tr'))"
            ".map(r => Array.from(r.children).map(c => c.innerText.trim()))"
        )
        if rows and header in rows[0]:
            return rows[1:]
    if missing_ok:
        return []
    raise AssertionError(f"no table with a {header!r} column")
