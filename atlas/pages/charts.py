"""Small inline SVG bar charts: no JavaScript, readable offline, with the values as text."""

from __future__ import annotations

from atlas.pages import markup

WIDTH, BAR_HEIGHT, GAP, LABEL = 520, 18, 6, 150


def series_chart(title: str, points: list[tuple[str, float]]) -> str:
    """A horizontal bar chart; each bar carries its value, so colour is not the only carrier."""
    top = max((abs(v) for _, v in points), default=1.0) or 1.0
    height = len(points) * (BAR_HEIGHT + GAP) + GAP
    bars = []
    for index, (label, value) in enumerate(points):
        y = GAP + index * (BAR_HEIGHT + GAP)
        width = max(1.0, (WIDTH - LABEL - 80) * abs(value) / top)
        shown = f"{value:g}".replace(".", ",")
        bars.append(
            f'<text x="{LABEL - 6}" y="{y + 13}" text-anchor="end">{markup.text(label)}</text>'
            f'<rect x="{LABEL}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}"><title>{markup.text(label)} : '
            f"{shown}</title></rect>"
            f'<text x="{LABEL + width + 4:.1f}" y="{y + 13}">{shown}</text>'
        )
    return (
        f'<figure class="atlas-chart"><figcaption>{markup.text(title)}</figcaption>'
        f'<svg role="img" aria-label="{markup.text(title)}" viewBox="0 0 {WIDTH} {height}" width="100%">'
        + "".join(bars)
        + "</svg></figure>\n"
    )
