"""Maps filled into one folium prototype are byte for byte the maps folium renders one by one."""

from __future__ import annotations

import pytest

from atlas.maps import Places, base_ids, build_all_specs, read_base_script, render_map
from atlas.maps import fill as fill_module
from atlas.maps.fill import Filler
from atlas.maps.stage import draw_maps
from tests.maps_fixture import FIXTURES, fixture_facts, fixture_gazetteer, project_words


@pytest.fixture(scope="module")
def specs():
    words = project_words()
    gazetteer = fixture_gazetteer(words.home)
    files, _ = draw_maps(fixture_facts(), gazetteer, words, FIXTURES / "regions.geojson",
                         FIXTURES / "countries.geojson")
    places = Places(gazetteer, {}, base_ids(read_base_script(files["assets/geo/base.js"])))
    return build_all_specs(fixture_facts().partnerships, places, words)


def test_every_filled_map_is_folium_s_own_rendering(specs):
    filler = Filler()
    assert len(specs) > 3
    for spec in specs:
        assert filler.render(spec) == render_map(spec), spec.map_id
    assert all(p is not None for p in filler.prototypes.values()), "the prototype was refused"


def test_titles_with_markup_characters_are_filled_as_folium_writes_them(specs):
    from dataclasses import replace

    spec = replace(specs[0], title='Région « A & B » <i>"x"</i>')
    filler = Filler()
    filler.render(specs[0])
    assert filler.render(spec) == render_map(spec)


def test_a_prototype_that_does_not_match_folium_falls_back_to_folium(specs, monkeypatch):
    monkeypatch.setattr(fill_module, "_fill", lambda prototype, spec: "not folium's output")
    filler = Filler()
    assert filler.render(specs[0]) == render_map(specs[0])
    assert set(filler.prototypes.values()) == {None}
