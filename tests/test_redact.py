"""Redaction of free text shown to companies, tried with hostile and innocent texts."""

from __future__ import annotations

from datetime import date

import pytest

from core.privacy.redact import REMOVED, Identity, redact

AINO = Identity.of(["Aino-Liisa", "Virtanen"], ["aino.virtanen@student.oulu.fi", "2512345"])
TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Contact: aino.virtanen@student.oulu.fi", "aino.virtanen"),
        ("mail AINO.V+jobs@Gmail.COM", "Gmail"),
        ("aino (at) oulu (dot) fi", "oulu"),
        ("aino [at] oulu [dot] fi", "oulu"),
        ("aino at gmail dot com", "gmail"),
        ("ａｉｎｏ＠ｏｕｌｕ．ｆｉ", "ｏｕｌｕ"),  # full-width
        ("aino\u200b@oulu.fi", "oulu.fi"),  # zero-width space inside
        ("call +358 40 123 4567", "123 4567"),
        ("puh. 040-123 4567", "123 4567"),
        ("tel (040) 1234567", "1234567"),
        ("0035840 1234567", "1234567"),
        ("https://www.linkedin.com/in/ainovirtanen", "ainovirtanen"),
        ("linkedin.com/in/ainov", "ainov"),
        ("my code: github.com/ainov/thesis", "ainov"),
        ("GitHub: ainov99", "ainov99"),
        ("portfolio www.aino.dev", "aino.dev"),
        ("follow @aino_codes", "aino_codes"),
        ("t.me/ainov", "ainov"),
        ("student number: 2512345", "2512345"),
        ("opiskelijanumero 2512345", "2512345"),
        ("id 123456789", "123456789"),
        ("hetu 010199-123A", "010199"),
        ("born 1.2.1999 in Oulu", "1999"),
        ("s. 2001-03-04", "2001-03-04"),
        ("IBAN FI21 1234 5600 0007 85", "5600"),
        ("I am Aino-Liisa Virtanen", "Virtanen"),
        ("aino-liisa virtanen, python", "virtanen"),
        ("Virtasen projekti", "Virtasen"),
        ("Aino-Liisan kesätyö", "Liisan"),
        ("Ainon gradu", "Ainon"),
        ("VIRTANEN", "VIRTANEN"),
        ("Virtänen", "Virtänen"),  # accents do not hide a name
    ],
)
def test_identifying_text_is_removed(text: str, secret: str) -> None:
    cleaned = redact(text, AINO, today=TODAY)
    assert secret.casefold() not in cleaned.casefold(), cleaned
    assert REMOVED in cleaned


@pytest.mark.parametrize(
    "text",
    [
        "ASP.NET/C#, Node.js/React, Vue.js",
        "TCP/IP, IEC 62443-4-2, ISO 27001:2022",
        "Python 3.11, C++17, 5G NR, LTE",
        "Projects 2019-2023, graduated 31.5.2020",
        "anna palautetta mikrokontrollereista",  # "anna" (give) is a verb here
        "Ohjelmistotuotanto ja sulautetut järjestelmät",
        "Kubernetes, Terraform, AWS",
    ],
)
def test_ordinary_skills_text_stays(text: str) -> None:
    assert redact(text, AINO, today=TODAY) == text


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "'; DROP TABLE participant; --",
        '=HYPERLINK("http://x")',
        "../../etc/passwd",
        "\x00\x07\x1b[31m",
        "👩‍💻" * 1000,
        "a@" * 50_000,
        "0" * 100_000,
    ],
)
def test_hostile_text_never_breaks_redaction(text: str) -> None:
    cleaned = redact(text, AINO, today=TODAY)
    assert isinstance(cleaned, str) and len(cleaned) <= len(text) + 10


def test_empty_and_nameless() -> None:
    assert redact("", AINO) == ""
    assert redact("Aino", None) == "Aino"
    assert redact("Bo is here", Identity.of(["Bo"])) == f"{REMOVED} is here"
