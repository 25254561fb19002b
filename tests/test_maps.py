"""Unit tests of the maps stage: specs (features, lines, bounds), geometry, rendering."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from atlas.maps import (
    Places,
    base_ids,
    build_all_specs,
    build_entity_spec,
    build_overview_spec,
    extract_data,
    iframe_html,
    map_stats,
    read_base_script,
    render_map,
)
from atlas.maps.geometry import bend, bounds_from_points, central_angle, great_circle
from atlas.maps.specs import choropleth_classes
from atlas.maps.stage import draw_maps
from tests.maps_fixture import FIXTURES, fixture_facts, fixture_gazetteer, partnership, project_words


@pytest.fixture(scope="module")
def words():
    return project_words()


@pytest.fixture(scope="module")
def gazetteer(words):
    return fixture_gazetteer(words.home)


@pytest.fixture(scope="module")
def drawn(words, gazetteer) -> tuple[dict, dict]:
    """The maps stage exactly as the build runs it, on the fixture geometry and facts."""
    return draw_maps(fixture_facts(), gazetteer, words, FIXTURES / "regions.geojson", FIXTURES / "countries.geojson")


@pytest.fixture(scope="module")
def base(drawn) -> dict:
    return read_base_script(drawn[0]["assets/geo/base.js"])


@pytest.fixture(scope="module")
def places(gazetteer, base) -> Places:
    return Places(gazetteer, {}, base_ids(base))


@pytest.fixture(scope="module")
def specs(places, words) -> dict:
    return {s.map_id: s for s in build_all_specs(fixture_facts().partnerships, places, words)}


# --- geometry -------------------------------------------------------------

def test_great_circle_is_densified_and_on_the_sphere():
    minsk, harbin = (53.9, 27.56), (45.75, 126.63)
    path = great_circle(minsk, harbin)
    assert path[0] == minsk and path[-1] == pytest.approx(harbin)
    assert len(path) > 40  # ~75° of arc at 1.5° per step
    steps = [central_angle(a, b) for a, b in zip(path, path[1:], strict=False)]
    assert max(steps) <= 1.6
    assert sum(steps) == pytest.approx(central_angle(minsk, harbin), rel=1e-6)
    # The great circle bulges north of the straight lat/lon segment.
    assert max(p[0] for p in path) > 60


def test_great_circle_never_jumps_across_antimeridian():
    path = great_circle((53.9, 27.56), (64.7, -175.0))
    lons = [p[1] for p in path]
    # Monotonic eastward: steps grow near the pole but never wrap by ±360.
    assert all(0 <= b - a < 20 for a, b in zip(lons, lons[1:], strict=False))
    assert lons[-1] == pytest.approx(185.0)  # unwrapped, not −175


def test_bend_offsets_the_middle_only():
    path = great_circle((53.9, 27.56), (55.75, 37.62))
    bent = bend(path, 0.1)
    assert bent[0] == path[0] and bent[-1] == pytest.approx(path[-1])
    mid = len(path) // 2
    assert bent[mid] != path[mid]


def test_bounds_from_label_points_with_antimeridian_region():
    # Chukotka's polygon spans −180..180; its label point alone sets the bounds.
    (south, west), (north, east) = bounds_from_points([(53.9, 27.56), (66.0, 172.0)])
    assert 10 < west < 27.56 and 172.0 < east <= 180.0
    assert south < 53.9 and north > 66.0


def test_spec_bounds_ignore_polygon_extents(specs):
    (s, w), (n, e) = specs["regions-ru-chu"].bounds
    assert w > 0 and e <= 180.0  # not the −180..180 polygon extent


# --- specs -----------------------------------------------------------------

def test_region_map_has_focus_partners_and_lines(specs):
    spec = specs["regions-by-ma"]
    styles = {f.entity_id: f.style for f in spec.features}
    assert styles == {"BY-MA": "focus", "RU-VLA": "partner", "RU-CHU": "partner",
                      "bobruisk": "city", "kovrov": "city", "anadyr": "city"}
    pairs = sorted((ln.from_id, ln.to_id, ln.relation) for ln in spec.lines)
    assert pairs == [("BY-MA", "RU-CHU", "relations_amicales"), ("BY-MA", "RU-VLA", "accord"),
                     ("bobruisk", "anadyr", "jumelage"), ("bobruisk", "kovrov", "jumelage")]
    assert spec.region_countries == ("BY", "RU")
    kovrov = next(ln for ln in spec.lines if ln.to_id == "kovrov")
    assert kovrov.href == "villes/kovrov.html" and kovrov.year == 2005
    assert kovrov.label == "Bobrouïsk – Kovrov : jumelage (2005)"


def test_foreign_maps_point_back_to_belarus(specs):
    country = specs["pays-kz"]
    assert {f.entity_id for f in country.features} == {"KZ", "KZ-35", "BY-HR"}
    assert [ln.href for ln in country.lines] == ["regions/by-hr.html"]
    city = specs["villes-kovrov"]
    assert [(ln.from_id, ln.href) for ln in city.lines] == [("bobruisk", "villes/bobruisk.html")]
    region = specs["regions-ru-vla"]  # includes its city Kovrov
    assert sorted(ln.to_id for ln in region.lines) == ["RU-VLA", "kovrov"]


def test_overlapping_lines_are_offset(specs):
    lines = specs["regions-by-hm"].lines
    assert len(lines) == 2
    mid = len(lines[0].path) // 2
    assert lines[0].path[mid] != lines[1].path[mid]


def test_overview_choropleth_counts(places, words):
    facts = fixture_facts().partnerships
    spec = build_overview_spec(list(facts), places, words)
    tips = {f.entity_id: f.tooltip for f in spec.features if f.entity_id.startswith("BY-")}
    assert tips["BY-MA"] == "Région de Moguilev — 4 partenariats"  # 2 own + 2 of Bobrouïsk
    assert tips["BY-MI"] == "Région de Minsk — 0 partenariat"
    assert [c.label for c in spec.choropleth][0] == "aucun partenariat"


def test_overview_draws_one_line_per_region_country_and_relation(places, words):
    """Not a hairball: partnerships of one region with one country under one relation share a
    line, as wide as their number; every partnership is counted once."""
    facts = fixture_facts().partnerships
    spec = build_overview_spec(list(facts), places, words)
    groups = {(places.gazetteer.region_of(p.by) or "BY", places.gazetteer.country_of(p.partner), p.relation)
              for p in facts}
    assert len(spec.lines) == len(groups) < len(facts)
    assert sum(ln.count for ln in spec.lines) == len(facts)
    assert all(ln.to_id == ln.country for ln in spec.lines)


def test_choropleth_classes_cover_range():
    assert choropleth_classes(0) == []
    assert choropleth_classes(2) == [(1, 1), (2, 2)]
    classes = choropleth_classes(23)
    assert len(classes) == 5 and classes[0][0] == 1 and classes[-1][1] == 23


def test_entity_without_polygon_is_a_point(gazetteer, words):
    spec = build_entity_spec("BY-MA", fixture_facts().partnerships, Places(gazetteer, {}, {"BY-MA"}), words)
    vla = next(f for f in spec.features if f.entity_id == "RU-VLA")
    assert vla.geometry_ref is None and vla.point == (56.1, 40.4) and vla.style == "city"


# --- rendering ---------------------------------------------------------------

def test_render_is_deterministic(places, words):
    a = render_map(build_all_specs(fixture_facts().partnerships, places, words)[2])
    b = render_map(build_all_specs(fixture_facts().partnerships, places, words)[2])
    assert a == b
    assert not re.search(r"[0-9a-f]{32}", a)  # no folium uuid left


def test_render_is_offline(specs):
    for spec in specs.values():
        html = render_map(spec)
        assert "http://" not in html and "https://" not in html and "//cdn" not in html
        assert "$(" not in html  # no jQuery-dependent folium popups
        srcs = re.findall(r'(?:src|href)="([^"]+)"', html)
        assert all(s.startswith("../") for s in srcs), srcs


def test_render_fragments_and_data(specs):
    html = render_map(specs["regions-by-ma"])
    assert '<html lang="fr">' in html
    assert 'aria-label="Carte : Partenariats : Région de Moguilev"' in html
    assert '<script src="../assets/geo/base.js"></script>' in html
    assert '<script src="../assets/leaflet/leaflet.js"></script>' in html
    data = extract_data(html)
    assert set(data["polygons"]) == {"BY-MA", "RU-VLA", "RU-CHU"}
    assert len(data["lines"]) == 4 and len(data["points"]) == 3
    assert data["regionCountries"] == ["BY", "RU"]
    popup = next(ln[4] for ln in data["lines"] if "Kovrov" in ln[3])
    assert '<a href="../villes/kovrov.html" target="_top">Kovrov</a>' in popup
    assert "Jumelage" in data["legend"] and "Accord" in data["legend"]


def test_legend_words_and_colours_come_from_the_vocabulary(specs, words):
    data = extract_data(render_map(specs["regions-by-ma"]))
    for code in ("accord", "jumelage", "relations_amicales"):
        term = words.term("relation", code)
        assert data["relations"][code] == [term.map[:1].upper() + term.map[1:], term.colour, term.dash]
        assert f'stroke="{term.colour}"' in data["legend"]
    assert len({t.colour for t in words.terms("relation")}) == len(words.terms("relation"))


def test_iframe_html():
    out = iframe_html("regions-by-hr", "Région de Grodno", "regions/by-hr.md")
    assert 'src="../cartes/regions-by-hr.html"' in out
    assert 'title="Carte : Région de Grodno"' in out and 'loading="lazy"' in out
    assert 'src="cartes/apercu.html"' in iframe_html("apercu", "Aperçu", "index.md")


def test_map_stats_counts_vertices(specs, base):
    html = render_map(specs["regions-by-ma"])
    stats = map_stats(html)
    assert stats["bytes"] == len(html.encode())
    assert stats["own_vertices"] == sum(len(ln.path) for ln in specs["regions-by-ma"].lines) + 3
    assert map_stats(html, base)["vertices"] > stats["own_vertices"]


def test_draw_maps_publishes_every_map_and_the_shared_assets(drawn, specs):
    files, map_ids = drawn
    assert {f"cartes/{m}.html" for m in specs} == {p for p in files if p.startswith("cartes/")}
    assert {"assets/leaflet/leaflet.js", "assets/leaflet/leaflet.css", "assets/leaflet/images/layers.png",
            "assets/atlas-map/atlas-map.js", "assets/geo/base.js"} <= set(files)
    assert map_ids["apercu"] == "apercu" and map_ids["bobruisk"] == "villes-bobruisk" and "BY" not in map_ids
    assert files["cartes/regions-by-ma.html"] == render_map(specs["regions-by-ma"])


def test_base_js_is_light_and_keeps_ids(drawn, base):
    assert drawn[0]["assets/geo/base.js"].startswith("window.ATLAS_BASE = ")
    assert {"RU-CHU", "BY"} <= base_ids(base)
    chu = next(f for f in base["regions"]["features"] if f["properties"]["id"] == "RU-CHU")
    assert chu["properties"] == {"id": "RU-CHU", "name_fr": "Tchoukotka", "country": "RU"}


def test_tentative_status_is_said_and_drawn_pale(places, words):
    spec = build_entity_spec("BY-HR", [partnership("BY-HR", "KZ-35", "accord", 2019, "projet")], places, words)
    (line,) = spec.lines
    assert line.label == "Région de Grodno – Région de Karaganda : accord (2019), en projet"
    data = extract_data(render_map(spec))
    assert data["lines"][0][5] == 1  # drawn pale
    assert "en projet" in data["lines"][0][4] and "prévu ou en projet" in data["legend"]


def test_unreviewed_candidate_is_said_and_drawn_pale(places, words):
    fact = replace(partnership("BY-HR", "KZ-35", "accord", 2019, "signe"), origin="automatique")
    spec = build_entity_spec("BY-HR", [fact], places, words)
    data = extract_data(render_map(spec))
    assert data["lines"][0][5] == 1  # drawn pale although signed
    assert "automatique, non vérifié" in data["lines"][0][4] and "automatique, non vérifié" in data["legend"]


def test_country_level_partnership_uses_label_points(places, words):
    spec = build_entity_spec("RU", [partnership("BY", "RU", "autre", None, "signe")], places, words)
    assert [(ln.from_latlon, ln.to_latlon) for ln in spec.lines] == [((53.7, 28.0), (60.0, 90.0))]
    assert {f.entity_id: f.style for f in spec.features} == {"RU": "focus_country", "BY": "partner"}


def test_many_lines_between_two_places_stay_close_to_the_great_circle():
    from atlas.maps.geometry import offset_amount

    offsets = [offset_amount(i, 8) for i in range(8)]
    assert max(abs(o) for o in offsets) <= 0.12 + 1e-9
    assert len(set(offsets)) == 8, "each line still gets its own arc"
    assert offset_amount(0, 1) == 0.0
