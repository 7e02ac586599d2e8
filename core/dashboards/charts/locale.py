"""Numbers, dates and months in the UI's language: the one place every chart formats them.

The language comes with the translation function, so the formats live in the translation
table next to the words (Finnish: 1.12.2026, "tammi 2026", decimal comma, thin-space
thousands). Plotly's own month names are English only offline, so month axes get their tick
texts from here instead.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import plotly.graph_objects as go

Translate = Callable[..., str]
MAX_DATE_TICKS = 8  # month labels on a date axis, at most


def separators(t: Translate) -> str:
    """Plotly's `separators`: the decimal mark, then the thousands separator."""
    return t("locale.decimal") + t("locale.thousands")


def number(value: float, t: Translate, *, decimals: int = 0) -> str:
    """1234.5 → "1,234.5" (English) or "1 234,5" (Finnish, a narrow no-break space)."""
    text = f"{value:,.{decimals}f}"
    return (
        text.replace(",", "\0")
        .replace(".", t("locale.decimal"))
        .replace("\0", t("locale.thousands"))
    )


def number_text(text: str, t: Translate) -> str:
    """A shown count ("1234") in the UI's format; markers ("<5", "..") stay as they are."""
    digits = text.lstrip("-")
    return number(int(text), t) if digits.isdigit() else text


def month_label(key: str, t: Translate) -> str:
    """ "2026-01" → "Jan 2026" / "tammi 2026"."""
    year, month = key[:7].split("-")
    return f"{t(f'locale.month.{int(month)}')} {year}"


def months_of(t: Translate) -> Callable[[str], str]:
    """`month_label` bound to a language: a row label for month axes."""
    return lambda key: month_label(key, t)


def day_label(day: date, t: Translate) -> str:
    """2026-12-01 → "1 Dec 2026" / "1.12.2026"."""
    return t(
        "locale.date",
        day=day.day,
        month=day.month,
        month_name=t(f"locale.month.{day.month}"),
        year=day.year,
    )


def localise(fig: go.Figure, t: Translate) -> go.Figure:
    """The figure's own number formatting (axes, hover) in the UI's language."""
    fig.update_layout(separators=separators(t))
    return fig


def date_ticks(start: date, end: date, t: Translate) -> dict[str, list[str]]:
    """Tick values (month starts) and their labels in the UI's language for a date axis."""
    firsts: list[date] = []
    month = date(start.year, start.month, 1)
    while month <= end:
        firsts.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    step = next(s for s in (1, 2, 3, 4, 6, 12, 24, 36) if len(firsts) / s <= MAX_DATE_TICKS)
    kept = [m for m in firsts if (m.month - 1) % step == 0] if step <= 12 else firsts[::step]
    return {
        "tickvals": [m.isoformat() for m in kept],
        "ticktext": [month_label(m.isoformat(), t) for m in kept],
    }
