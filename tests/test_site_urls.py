"""The URL policy: one place decides every path and link (atlas/site_urls.py)."""

from __future__ import annotations

from atlas.gazetteer import Entity
from atlas.site_urls import (
    map_id,
    map_path,
    page_path,
    page_url,
    place_csv_path,
    relative,
    retired_url,
    sibling,
)


def _place(eid: str, kind: str) -> Entity:
    return Entity(eid, kind, eid, "", "", (), "KZ", None, None, None, None)


def test_paths_of_a_place_derive_from_its_kind_and_id():
    region = _place("KZ-35", "region")
    assert (page_path(region), page_url(region)) == ("regions/kz-35.md", "regions/kz-35.html")
    assert (map_id(region), map_path(map_id(region))) == ("regions-kz-35", "cartes/regions-kz-35.html")
    assert place_csv_path(region) == "donnees/pages/kz-35.csv"
    assert page_path(_place("almaty", "district")) == "villes/almaty.md"
    assert retired_url(region, "KZ-KAR") == "regions/kz-kar.html"


def test_relative_links_climb_to_the_docs_root():
    assert relative("index.md", "pays/kz.md") == "pays/kz.md"
    assert relative("regions/by-hr.md", "pays/kz.md") == "../pays/kz.md"
    assert relative("cartes/apercu.html", "assets/geo/base.js") == "../assets/geo/base.js"
    assert sibling("regions/kz-kar.html", "regions/kz-35.html") == "kz-35.html"
    assert sibling("articles/index.md", "articles/a-1.md") == "a-1.md"
