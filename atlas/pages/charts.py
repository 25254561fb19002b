"""Small inline SVG bar charts: no JavaScript, readable offline, with the values as text.

Labels are 14 px in a 640-unit-wide drawing shown at most 640 px wide, so they stay at 12 px or
more down to a 550 px wide column; on a phone the chart's data is also said in its text alternative.
"""

from __future__ import annotations

from atlas.pages import markup

WIDTH, BAR_HEIGHT, GAP, FONT = 640, 22, 6, 14


def series_chart(title: str, points: list[tuple[str, float]], shown: list[str] | None = None) -> str:
    """A horizontal bar chart; each bar carries its value, so colour is not the only carrier.

    `shown` gives the printed value of each bar (default: the number, French decimal comma)."""
    top = max((abs(v) for _, v in points), default=1.0) or 1.0
    texts = shown or [f"{v:g}".replace(".", ",") for _, v in points]
    label_width = min(300, max(60, 8 * max((len(lab) for lab, _ in points), default=4) + 10))
    height = len(points) * (BAR_HEIGHT + GAP) + GAP
    bars = []
    for index, ((label, value), text) in enumerate(zip(points, texts, strict=True)):
        y = GAP + index * (BAR_HEIGHT + GAP)
        width = max(1.0, (WIDTH - label_width - 110) * abs(value) / top)
        bars.append(
            f'<text x="{label_width - 6}" y="{y + 16}" text-anchor="end">{markup.text(label)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}"></rect>'
            f'<text x="{label_width + width + 4:.1f}" y="{y + 16}">{markup.text(text)}</text>'
        )
    alt = f"{title} : " + " ; ".join(f"{lab} : {t}" for (lab, _), t in zip(points, texts, strict=True))
    return (
        f'<figure class="atlas-chart"><figcaption>{markup.text(title)}</figcaption>'
        f'<svg role="img" aria-label="{markup.text(alt)}" viewBox="0 0 {WIDTH} {height}" '
        f'font-size="{FONT}" preserveAspectRatio="xMinYMin meet">'
        + "".join(bars)
        + "</svg></figure>\n"
    )


def column_chart(title: str, points: list[tuple[int, int]], every: int = 5) -> str:
    """Counts per year as columns, every year from the first to the last (gaps show as gaps);
    a year label every `every` years, each column's count above it, the data in the text alternative."""
    if not points:
        return ""
    counts = dict(points)
    years = list(range(min(counts), max(counts) + 1))
    top = max(counts.values())
    step = (WIDTH - 20) / len(years)
    plot = 150
    parts = []
    for index, year in enumerate(years):
        x = 10 + index * step
        n = counts.get(year, 0)
        h = plot * n / top
        if n:
            parts.append(f'<rect x="{x + 1:.1f}" y="{20 + plot - h:.1f}" width="{step - 2:.1f}" '
                         f'height="{h:.1f}"></rect><text x="{x + step / 2:.1f}" y="{16 + plot - h:.1f}" '
                         f'text-anchor="middle">{n}</text>')
        if year % every == 0 or (index == 0 and year % every < every - 2):
            parts.append(f'<text x="{x + step / 2:.1f}" y="{20 + plot + 18}" text-anchor="middle">{year}</text>')
    alt = f"{title} : " + " ; ".join(f"{y} : {n}" for y, n in sorted(counts.items()))
    return (f'<figure class="atlas-chart"><figcaption>{markup.text(title)}</figcaption>'
            f'<svg role="img" aria-label="{markup.text(alt)}" viewBox="0 0 {WIDTH} {plot + 45}" font-size="{FONT}" '
            f'preserveAspectRatio="xMinYMin meet">' + "".join(parts) + "</svg></figure>\n")
