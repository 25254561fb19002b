"""Maps stage: partnership maps as plain specs, rendered offline with folium.

Public API (see each module for details):
  build_overview_spec, build_entity_spec, build_all_specs  (atlas.maps.build)
  render_map, iframe_html, map_stats, extract_data         (atlas.maps.render)
  write_base_js, load_base_js, base_ids, copy_assets, write_maps (atlas.maps.assets)
"""

from atlas.maps.assets import base_ids, copy_assets, load_base_js, write_base_js, write_maps
from atlas.maps.build import build_all_specs, build_entity_spec, build_overview_spec
from atlas.maps.embed import iframe_html
from atlas.maps.model import RELATIONS, Line, MapFeature, MapSpec

_RENDER = ("extract_data", "map_stats", "render_map")


def __getattr__(name: str):
    """Render functions load folium (slow to import) only when they are used."""
    if name in _RENDER:
        from atlas.maps import render

        return getattr(render, name)
    raise AttributeError(name)


__all__ = [
    "RELATIONS", "Line", "MapFeature", "MapSpec",
    "base_ids", "build_all_specs", "build_entity_spec", "build_overview_spec", "copy_assets",
    "extract_data", "iframe_html", "load_base_js", "map_stats", "render_map", "write_base_js", "write_maps",
]
