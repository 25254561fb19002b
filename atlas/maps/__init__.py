"""Maps stage: partnership maps as plain specs, rendered offline with folium.

Public API (see each module for details):
  draw_maps, map_block                                      (atlas.maps.stage: what the build calls)
  Places, build_overview_spec, build_entity_spec, build_all_specs  (atlas.maps.specs)
  render_map, map_stats, extract_data                       (atlas.maps.render)
  iframe_html                                               (atlas.maps.embed)
  load_base_js, read_base_script, base_ids                  (atlas.maps.assets)
"""

from atlas.maps.assets import base_ids, load_base_js, read_base_script
from atlas.maps.embed import iframe_html
from atlas.maps.model import Line, MapFeature, MapSpec
from atlas.maps.specs import Places, build_all_specs, build_entity_spec, build_overview_spec

_RENDER = ("extract_data", "map_stats", "render_map")


def __getattr__(name: str):
    """Render functions load folium (slow to import) only when they are used."""
    if name in _RENDER:
        from atlas.maps import render

        return getattr(render, name)
    raise AttributeError(name)


__all__ = [
    "Line", "MapFeature", "MapSpec", "Places",
    "base_ids", "build_all_specs", "build_entity_spec", "build_overview_spec",
    "extract_data", "iframe_html", "load_base_js", "map_stats", "read_base_script", "render_map",
]
