"""Charts as server-rendered SVG: no script, no CDN (#9). Every label goes through ``html.escape``."""

from __future__ import annotations

import html
from collections.abc import Mapping

COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b")


def _svg(width: int, height: int, body: str, label: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="{html.escape(label)}">{body}</svg>')


def sparkline(years: Mapping[str, int], width: int = 120, height: int = 24) -> str:
    """A small line of counts per year."""
    years = {y: n for y, n in years.items() if y.isdigit()}
    if not years:
        return _svg(width, height, "", "no dated events")
    ys = [int(y) for y in years]
    lo, hi = min(ys), max(ys)
    top = max(years.values()) or 1
    span = max(hi - lo, 1)
    pts = [(2 + (int(y) - lo) / span * (width - 4), height - 2 - n / top * (height - 4))
           for y, n in sorted(years.items())]
    if len(pts) == 1:
        pts.append((width - 2, pts[0][1]))
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
    return _svg(width, height, f'<polyline fill="none" stroke="#1f77b4" stroke-width="1.5" points="{line}"/>',
                f"events per year {lo}–{hi}")


def bars(years: Mapping[str, int], title: str, width: int = 640, height: int = 180) -> str:
    """Counts per year as bars, with the years and counts written out."""
    if not years:
        return _svg(width, 30, '<text x="4" y="20" font-size="12">No dated events.</text>', title)
    items = sorted(years.items())
    top = max(n for _, n in items) or 1
    step = (width - 40) / len(items)
    bw = max(min(step * 0.7, 40), 2)
    body = [f'<text x="4" y="14" font-size="12">{html.escape(title)}</text>']
    for i, (year, n) in enumerate(items):
        h = n / top * (height - 60)
        x = 30 + i * step
        y = height - 25 - h
        body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bw:.1f}" height="{h:.1f}" fill="#1f77b4">'
                    f"<title>{html.escape(year)}: {n}</title></rect>")
        body.append(f'<text x="{x + bw / 2:.1f}" y="{y - 3:.1f}" font-size="10" text-anchor="middle">{n}</text>')
        body.append(f'<text x="{x + bw / 2:.1f}" y="{height - 10}" font-size="10" '
                    f'text-anchor="middle">{html.escape(year)}</text>')
    return _svg(width, height, "".join(body), title)


def grouped(table: Mapping[str, Mapping[str, float]], title: str, unit: str = "",
            width: int = 640, height: int = 200) -> str:
    """Values by year (outer key) and series (inner key) as grouped bars with a legend."""
    series = sorted({s for row in table.values() for s in row})
    if not series:
        return _svg(width, 30, '<text x="4" y="20" font-size="12">No figures.</text>', title)
    years = sorted(table)
    top = max(v for row in table.values() for v in row.values()) or 1
    step = (width - 40) / len(years)
    bw = max(step * 0.8 / len(series), 2)
    body = [f'<text x="4" y="14" font-size="12">{html.escape(title)}{" (" + html.escape(unit) + ")" if unit else ""}'
            "</text>"]
    for j, s in enumerate(series):
        body.append(f'<rect x="{width - 150}" y="{6 + j * 14}" width="10" height="10" fill="{COLOURS[j % 6]}"/>'
                    f'<text x="{width - 136}" y="{15 + j * 14}" font-size="10">{html.escape(s)}</text>')
    for i, year in enumerate(years):
        x0 = 30 + i * step
        for j, s in enumerate(series):
            v = table[year].get(s)
            if v is None:
                continue
            h = v / top * (height - 70)
            body.append(f'<rect x="{x0 + j * bw:.1f}" y="{height - 25 - h:.1f}" width="{bw:.1f}" height="{h:.1f}" '
                        f'fill="{COLOURS[j % 6]}"><title>{html.escape(year)} {html.escape(s)}: {v:,.0f}</title></rect>')
        body.append(f'<text x="{x0 + step * 0.4:.1f}" y="{height - 10}" font-size="10" '
                    f'text-anchor="middle">{html.escape(year)}</text>')
    return _svg(width, height, "".join(body), title)
