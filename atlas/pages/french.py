"""French typography for generated pages: plurals, numbers, periods, non-breaking spaces."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from atlas.errors import DataError

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


def ordinal(n: int) -> str:
    """"1er", "2e" (French ordinals)."""
    return f"{n}{'er' if n == 1 else 'e'}"


def capital(text: str) -> str:
    """Capital at the start of a table cell or list item ("Région de Grodno")."""
    return text[:1].upper() + text[1:]


ARTICLES = ("le", "la", "l'", "les", "none")
VOWELS = "aâàeéèêëiîïoôuûüyhAÂÀEÉÈÊËIÎÏOÔUÛÜYH"


@dataclass(frozen=True)
class Grammar:
    """Articles of country names and genders of place words, from data/places/countries_fr.yaml."""

    countries: dict[str, str] = field(default_factory=dict)  # alpha-2 → le, la, l', les, none
    words: dict[str, str] = field(default_factory=dict)  # first word of a place name → le, la, l'

    def article(self, name: str, country: str | None = None) -> str:
        """The article a name takes: curated for countries, else from the name's first word, else
        the usual rule (vowel → l', ending in -e → la, else le)."""
        if country and country in self.countries:
            return self.countries[country]
        first = name.split(" ")[0].lower()
        if first in self.words:
            return self.words[first]
        if country is None and not name[:1].islower():
            return "none"  # a proper name of a city: "de Grodno"
        if name[:1] in VOWELS:
            return "l'"
        return "la" if name.rstrip().endswith("e") else "le"


def load_grammar(data: dict, path: Path) -> Grammar:
    """Validated grammar data from its loaded YAML; a bad article is a DataError naming the file."""
    def table(key: str) -> dict[str, list[str]]:  # the loader adds the entry's line as an int
        return {art: ids for art, ids in (data.get(key) or {}).items() if isinstance(ids, list)}

    countries = {cid: art for art, ids in table("articles").items() for cid in ids}
    words = {w.lower(): art for art, ws in table("words").items() for w in ws}
    bad = sorted({a for a in [*countries.values(), *words.values()] if a not in ARTICLES})
    if bad:
        raise DataError(path, f"unknown article(s) {', '.join(bad)}; expected one of {', '.join(ARTICLES)}")
    return Grammar(countries, words)


def the(name: str, article: str) -> str:
    """"le Bélarus", "l'Iran", "Singapour"."""
    if article == "none":
        return name
    return f"{article}{name}" if article == "l'" else f"{article} {name}"


def of(name: str, article: str) -> str:
    """"du Bélarus", "de la Chine", "de l'Iran", "des Émirats arabes unis", "d'Israël", "de Cuba"."""
    if article == "le":
        return f"du {name}"
    if article == "les":
        return f"des {name}"
    if article == "none":
        return f"d'{name}" if name[:1] in VOWELS else f"de {name}"
    return f"de {the(name, article)}"


def in_(name: str, article: str) -> str:
    """"au Bélarus", "en Chine", "en Iran", "aux Émirats arabes unis", "à Singapour"."""
    if article == "le":
        return f"au {name}"
    if article == "les":
        return f"aux {name}"
    if article == "none":
        return f"à {name}"
    return f"en {name}"
