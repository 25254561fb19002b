"""Every map from one folium rendering: render a prototype once, then fill in each map's data.

The maps differ only by their data (the JSON payload), title and centre: folium's element
tree, ids (see render._fix_ids) and asset links are the same for every map of a folder. Folium
compiles its Jinja templates anew for every map (~6 per map), which made the maps stage the
slowest of the build; here folium renders one prototype per folder with marks in place of the
title, centre and payload, and each map is that prototype with its own values put in. The
first map of each folder is also rendered by folium and compared byte for byte (and every map
of the real site in tests/test_maps.py); if they differ, folium renders every map.
"""

from __future__ import annotations

import html
import json
from dataclasses import replace

from atlas.maps.model import MapSpec
from atlas.site_urls import map_path

TITLE = "ATLAS\u2063TITLE\u2063MARK"
PAYLOAD = "ATLAS\u2063PAYLOAD\u2063MARK"
#: A centre no map has (far in the southern ocean): found as folium writes it.
CENTRE = (-77.7177177, -177.7177177)


def centre(spec: MapSpec) -> list[float]:
    """The map's centre as render._new_map computes it."""
    (s, w), (n, e) = spec.bounds
    return [(s + n) / 2, (w + e) / 2]


def _aria(title: str) -> str:
    return html.escape(f"Carte : {title}", quote=True)


def _fill(prototype: str, spec: MapSpec) -> str:
    from atlas.maps.render import AtlasLayer, map_data

    payload = AtlasLayer(map_data(spec)).payload
    return (prototype.replace(_aria(TITLE), _aria(spec.title), 1)
            .replace(TITLE, spec.title, 1)
            .replace(json.dumps(list(CENTRE)), json.dumps(centre(spec)), 1)
            .replace(PAYLOAD, payload, 1))


def make_prototype(spec: MapSpec) -> str | None:
    """Folium's rendering of a map of `spec`'s folder with marks for its title, centre and
    payload; None when a mark is not where expected or filling `spec` does not give exactly
    folium's own rendering of it."""
    from atlas.maps.render import AtlasLayer, render_layer, render_map

    layer = AtlasLayer({})
    layer.payload = PAYLOAD
    out = render_layer(replace(spec, title=TITLE, bounds=(CENTRE, CENTRE)), layer)
    marks = {_aria(TITLE): 1, TITLE: 2, json.dumps(list(CENTRE)): 1, PAYLOAD: 1}
    if any(out.count(mark) != n for mark, n in marks.items()):
        return None
    return out if _fill(out, spec) == render_map(spec) else None


class Filler:
    """Renders maps from one checked prototype per folder (folium for all if the check fails)."""

    def __init__(self) -> None:
        self.prototypes: dict[str, str | None] = {}

    def render(self, spec: MapSpec) -> str:
        folder = map_path(spec.map_id).rsplit("/", 1)[0]
        if folder not in self.prototypes:
            self.prototypes[folder] = make_prototype(spec)
        prototype = self.prototypes[folder]
        if prototype is None:
            from atlas.maps.render import render_map

            return render_map(spec)
        return _fill(prototype, spec)
