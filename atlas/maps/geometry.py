"""Spherical helpers: great-circle densification, curvature offsets, bounds.

Why: Leaflet draws straight segments in Web Mercator, so long partnership
lines (Minsk–Harbin) must be densified to look like the real shortest route,
and must never jump across the antimeridian (a 360° horizontal streak).
"""

from __future__ import annotations

import math

from atlas.maps.model import Bounds, LatLon

STEP_DEG = 1.5  # one vertex per ~165 km of arc: smooth at every zoom we use
MAX_SEGMENTS = 96
COORD_DECIMALS = 3  # ~100 m: far below what a country-scale map shows


def _to_vec(lat: float, lon: float) -> tuple[float, float, float]:
    """Unit vector of a lat/lon point (degrees)."""
    la, lo = math.radians(lat), math.radians(lon)
    return (math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la))


def _to_latlon(v: tuple[float, float, float]) -> LatLon:
    """Lat/lon (degrees) of a 3-D vector."""
    x, y, z = v
    return (math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x)))


def central_angle(a: LatLon, b: LatLon) -> float:
    """Angular distance in degrees between two points on the sphere."""
    va, vb = _to_vec(*a), _to_vec(*b)
    dot = max(-1.0, min(1.0, sum(p * q for p, q in zip(va, vb, strict=True))))
    return math.degrees(math.acos(dot))


def unwrap_longitudes(points: list[LatLon]) -> list[LatLon]:
    """Shift longitudes by ±360 so consecutive points never differ by >180°.

    Why: a path crossing ±180 must stay continuous (e.g. 179 → 181) instead of
    jumping to −179, which Leaflet would draw as a line across the whole world.
    """
    out: list[LatLon] = []
    for lat, lon in points:
        if out:
            prev = out[-1][1]
            lon += 360.0 * round((prev - lon) / 360.0)
        out.append((lat, lon))
    return out


def great_circle(a: LatLon, b: LatLon, step_deg: float = STEP_DEG) -> list[LatLon]:
    """Densified great-circle path from a to b (inclusive), longitudes unwrapped."""
    angle = central_angle(a, b)
    n = max(1, min(MAX_SEGMENTS, math.ceil(angle / step_deg)))
    if angle < 1e-9:
        return [a, b]
    va, vb = _to_vec(*a), _to_vec(*b)
    omega = math.radians(angle)
    sin_o = math.sin(omega)
    pts: list[LatLon] = []
    for i in range(n + 1):
        t = i / n
        ka, kb = math.sin((1 - t) * omega) / sin_o, math.sin(t * omega) / sin_o
        pts.append(_to_latlon(tuple(ka * p + kb * q for p, q in zip(va, vb, strict=True))))  # type: ignore[arg-type]
    pts[0], pts[-1] = a, (b[0], pts[-1][1])
    return unwrap_longitudes(pts)


def bend(path: list[LatLon], amount: float) -> list[LatLon]:
    """Offset a path sideways by `amount` × its chord length, most at mid-path.

    Why: several partnerships between the same two places would otherwise be
    drawn exactly on top of each other; a small arc keeps each one visible.
    """
    if amount == 0 or len(path) < 3:
        return list(path)
    (lat0, lon0), (lat1, lon1) = path[0], path[-1]
    dy, dx = lat1 - lat0, lon1 - lon0
    length = math.hypot(dx, dy)
    if length == 0:
        return list(path)
    nx, ny = -dy / length, dx / length
    last = len(path) - 1
    out = []
    for i, (lat, lon) in enumerate(path):
        k = amount * length * math.sin(math.pi * i / last)
        out.append((lat + ny * k, lon + nx * k))
    return out


def offset_amount(index: int, count: int, spread: float = 0.08, widest: float = 0.12) -> float:
    """Sideways offset of the index-th of `count` lines sharing two endpoints.

    The outermost line never bends more than `widest` × its length, however many lines share the
    pair: six partnerships between Minsk and Changchun must not send an arc over the pole.
    """
    if count <= 1:
        return 0.0
    step = min(spread, 2 * widest / (count - 1))
    return step * (index - (count - 1) / 2)


def round_path(path: list[LatLon], decimals: int = COORD_DECIMALS) -> tuple[LatLon, ...]:
    """Round coordinates: fewer bytes in every map file, same picture."""
    return tuple((round(lat, decimals), round(lon, decimals)) for lat, lon in path)


def bounds_from_points(points: list[LatLon], pad_ratio: float = 0.08, min_pad: float = 1.0) -> Bounds:
    """Padded bounding box of label points (never of polygon extents).

    Why: a region like Chukotka spans −180/180, so its polygon extent would
    make the map show the whole world; its label point is a single longitude.
    Padding is capped at ±180 unless points already lie beyond (unwrapped lines).
    """
    if not points:
        return ((40.0, 20.0), (60.0, 40.0))
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    pad_lat = max(min_pad, (max(lats) - min(lats)) * pad_ratio)
    pad_lon = max(min_pad, (max(lons) - min(lons)) * pad_ratio)
    south = max(-85.0, min(lats) - pad_lat)
    north = min(85.0, max(lats) + pad_lat)
    west = max(min(-180.0, min(lons)), min(lons) - pad_lon)
    east = min(max(180.0, max(lons)), max(lons) + pad_lon)
    return ((round(south, 3), round(west, 3)), (round(north, 3), round(east, 3)))
