"""Numbers, dates and months in the UI's language: the one place every chart formats them.

The language comes with the translation function, so the formats live in the translation
table next to the words (Finnish: 1.12.2026, "tammi 2026", decimal comma, thin-space
thousands). Plotly's own month names are English only offline, so month axes get their tick
texts from here instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import plotly.graph_objects as go

from core.i18n import Labelled, label_key

Translate = Callable[..., str]
MAX_DATE_TICKS = 8  # month labels on a date axis, at most
_DATE_PART = re.compile(r"yyyy|MMM|M|d")


class Month(Labelled, key_prefix="locale.month"):
    """Month names by number ("1" = January)."""

    JAN, FEB, MAR, APR, MAY, JUN = "1", "2", "3", "4", "5", "6"
    JUL, AUG, SEP, OCT, NOV, DEC = "7", "8", "9", "10", "11", "12"


def month_name(month: int, t: Translate) -> str:
    return t(label_key(Month(str(month))))


def separators(t: Translate) -> str:
    """Plotly's `separators`: the decimal mark, then the thousands separator."""
    return t("locale.separators")


def number(value: float, t: Translate, *, decimals: int = 0) -> str:
    """1234.5 → "1,234.5" (English) or "1 234,5" (Finnish, a narrow no-break space)."""
    decimal, thousands = tuple(t("locale.separators"))
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def number_text(text: str, t: Translate) -> str:
    """A shown count ("1234") in the UI's format; markers ("<5", "..") stay as they are."""
    digits = text.lstrip("-")
    return number(int(text), t) if digits.isdigit() else text


def month_label(key: str, t: Translate) -> str:
    """ "2026-01" → "Jan 2026" / "tammi 2026"."""
    year, month = key[:7].split("-")
    return f"{month_name(int(month), t)} {year}"


def months_of(t: Translate) -> Callable[[str], str]:
    """`month_label` bound to a language: a row label for month axes."""
    return lambda key: month_label(key, t)


def day_label(day: date, t: Translate) -> str:
    """2026-12-01 → "1 Dec 2026" / "1.12.2026"."""
    parts = {"d": str(day.day), "M": str(day.month), "yyyy": str(day.year)}
    parts["MMM"] = month_name(day.month, t)
    return _DATE_PART.sub(lambda m: parts[m.group(0)], t("locale.date"))


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
