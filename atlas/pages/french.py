"""French typography for generated pages: plurals, numbers, periods, non-breaking spaces."""

from __future__ import annotations

NBSP = "\u00a0"
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """"1 partenaire", "3 partenaires" (never "partenaire(s)")."""
    word = singular if abs(count) < 2 else (plural_form or singular + "s")
    return f"{count}{NBSP}{word}"


def number(value: float) -> str:
    """French number: 1 247,5 (thin grouping, decimal comma), no trailing zeros."""
    text = f"{value:,.3f}".rstrip("0").rstrip(".")
    return text.replace(",", NBSP).replace(".", ",")


def _month_year(period: str) -> tuple[str | None, str]:
    year, _, month = period.partition("-")
    return (MONTHS[int(month) - 1] if month else None), year


def period(start: str | None, end: str | None) -> str:
    """"2021", "janvier–mai 2021", "décembre 2020 – mars 2021", "jusqu'en 2021"."""
    if not start and not end:
        return "—"
    if not start:
        return f"jusqu'en {_label(end)}"
    if not end or start == end:
        return _label(start)
    (m1, y1), (m2, y2) = _month_year(start), _month_year(end)
    if y1 == y2 and m1 and m2:
        return f"{m1}–{m2} {y1}"
    return f"{_label(start)} – {_label(end)}"


def _label(value: str | None) -> str:
    month, year = _month_year(value or "")
    return f"{month} {year}" if month else year


def capital(text: str) -> str:
    """Capital at the start of a table cell or list item ("Région de Grodno")."""
    return text[:1].upper() + text[1:]
