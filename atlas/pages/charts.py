"""Small bar charts in plain HTML and CSS: no JavaScript, readable offline, responsive, with
labels and values as real text (the same size as the page's text at every width, read by screen
readers), so that the chart is its own text alternative."""

from __future__ import annotations

from atlas.pages import markup


def series_chart(title: str, points: list[tuple[str, float]], shown: list[str] | None = None) -> str:
    """Horizontal bars, one per point, each with its label and printed value.

    `shown` gives the printed value of each bar (default: the number, French decimal comma)."""
    top = max((abs(v) for _, v in points), default=1.0) or 1.0
    texts = shown or [f"{v:g}".replace(".", ",") for _, v in points]
    rows = "".join(
        f'<li><span class="atlas-bar-label">{markup.text(label)}</span>'
        f'<span class="atlas-bar-track"><span class="atlas-bar" style="width:{max(1.0, 100 * abs(v) / top):.1f}%">'
        f'</span><span class="atlas-bar-value">{markup.text(text)}</span></span></li>'
        for (label, v), text in zip(points, texts, strict=True))
    return (f'<figure class="atlas-chart"><figcaption>{markup.text(title)}</figcaption>'
            f'<ul class="atlas-bars">{rows}</ul></figure>\n')


def column_chart(title: str, points: list[tuple[int, int]], every: int = 5) -> str:
    """Counts per year as columns, every year from the first to the last (gaps show as gaps); a
    year label every `every` years; each column's count above it and in its hover title."""
    if not points:
        return ""
    counts = dict(points)
    years = range(min(counts), max(counts) + 1)
    top = max(counts.values())
    cols = []
    for index, year in enumerate(years):
        n = counts.get(year, 0)
        label = str(year) if year % every == 0 or (index == 0 and year % every < every - 2) else ""
        cols.append(f'<li title="{year} : {n}"><span class="atlas-col-value">{n or ""}</span>'
                    f'<span class="atlas-col" style="height:{100 * n / top:.1f}%"></span>'
                    f'<span class="atlas-col-year">{label}</span>'
                    f'<span class="atlas-sr">{year} : {n}</span></li>')
    return (f'<figure class="atlas-chart"><figcaption>{markup.text(title)}</figcaption>'
            f'<ul class="atlas-cols">{"".join(cols)}</ul></figure>\n')
