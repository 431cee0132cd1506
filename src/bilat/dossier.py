"""A dossier on a pair of states: timeline, indicators by year, people, conflicts, and what each
language's sources say that the others don't (#4). Rendered as Markdown, JSON or one
self-contained HTML file with a timeline chart and a trade chart (inline SVG, no scripts).
"""

from __future__ import annotations

import html
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from bilat.extract.actors import country_name
from bilat.fuse.names import name_keys, same_person

FORMATS = ("md", "html", "json")
TRADE = ("trade_turnover", "exports", "imports")


def build(a: str, b: str, events: Iterable[dict[str, Any]], mentions: Iterable[dict[str, Any]],
          indicators: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The dossier's content as plain data."""
    a, b = a.upper(), b.upper()
    for code in (a, b):
        if country_name(code, "en") is None:
            raise ValueError(f"unknown state or organisation code {code!r} "
                             "(use ISO 3166 alpha-2, e.g. BY, NO, or EU, NATO)")
    pair = {a, b}
    by_id = {m["id"]: m for m in mentions}
    timeline = []
    for e in events:
        if not pair <= set(e.get("actors") or ()):
            continue
        sources = [by_id[m] for m in e["mentions"] if m in by_id]
        timeline.append({
            "date": e.get("date"), "kind": e["kind"], "actors": e["actors"], "source": e.get("source") or [],
            "target": e.get("target") or [], "location": e.get("location"), "people": e.get("people") or [],
            "languages": e.get("languages") or [], "conflicts": e.get("conflicts") or [],
            "sources": [{"doc": m["doc"], "lang": m.get("lang"), "text": m["evidence"]["text"]} for m in sources],
        })
    timeline.sort(key=lambda e: (e["date"] or "", e["kind"]))
    table: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for i in indicators:
        if {i.get("reporter"), i.get("partner")} == pair:
            year = (i.get("period") or "?")[:4]
            table[year][i["indicator"]].append(i)
    # One entry per person: spellings whose phonetic keys meet are the same person (Makei, Макея).
    people: list[tuple[set[str], dict[str, Any]]] = []
    for e in timeline:
        for p in e["people"]:
            keys = set(name_keys(p.get("latin") or p.get("name") or ""))
            entry = next((x for k, x in people if same_person(frozenset(keys), frozenset(k))), None)
            if entry is None:
                entry = {**p, "events": 0, "names": set()}
                people.append((keys, entry))
            else:
                next(k for k, x in people if x is entry).update(keys)
            entry["events"] += 1
            entry["names"].add(p.get("name"))
    langs = sorted({lang for e in timeline for lang in e["languages"]})
    only = {lang: [e for e in timeline if e["languages"] == [lang]] for lang in langs} if len(langs) > 1 else {}
    return {
        "pair": [a, b],
        "names": [country_name(a, "en") or a, country_name(b, "en") or b],
        "timeline": timeline,
        "indicators": {y: {k: [_figure(x) for x in v] for k, v in sorted(t.items())} for y, t in sorted(table.items())},
        "people": sorted(({**p, "names": sorted(n for n in p["names"] if n)} for _, p in people),
                         key=lambda p: -p["events"]),
        "conflicts": [{"date": e["date"], "kind": e["kind"], **c} for e in timeline for c in e["conflicts"]],
        "only_in": {lang: [(e["date"], e["kind"]) for e in evs] for lang, evs in only.items()},
        "languages": langs,
    }


def _figure(i: dict[str, Any]) -> dict[str, Any]:
    return {"value": i["value"], "unit": i["unit"], "reporter": i.get("reporter"), "partner": i.get("partner"),
            "period": i.get("period"), "change_pct": i.get("change_pct"), "doc": i["doc"]}


def _amount(f: dict[str, Any]) -> str:
    v = f["value"]
    text = f"{v / 1e9:.2f} bn" if v >= 1e9 else f"{v / 1e6:.1f} m" if v >= 1e6 else f"{v:,.0f}"
    return f"{text} {f['unit']}" + (f" ({f['change_pct']:+g} %)" if f.get("change_pct") is not None else "")


def _who(e: dict[str, Any]) -> str:
    if e["source"] and e["target"]:
        return f"{', '.join(e['source'])} → {', '.join(e['target'])}"
    return ", ".join(e["actors"])


def _md(value: object) -> str:
    """Text from the sources (document ids, names, places) made inert in Markdown: no HTML, no
    table breaks (#8)."""
    text = html.escape(" ".join(str(value).split()), quote=False)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`")


def to_markdown(d: dict[str, Any]) -> str:
    """The dossier as Markdown."""
    a, b = d["names"]
    langs = ", ".join(d["languages"]) or "no language"
    out = [f"# {a} – {b}", "", f"{len(d['timeline'])} events; sources in {langs}.",
           "", "## Timeline", "", "| date | kind | participants | people | place | sources |",
           "|---|---|---|---|---|---|"]
    for e in d["timeline"]:
        people = ", ".join(_md(p.get("latin") or p.get("name")) for p in e["people"])
        place = _md((e["location"] or {}).get("name") or "")
        sources = ", ".join(f"{_md(s['doc'])} ({s['lang']})" for s in e["sources"])
        out.append(f"| {e['date'] or '?'} | {e['kind']} | {_who(e)} | {people} | {place} | {sources} |")
    out += ["", "## Indicators by year", ""]
    if d["indicators"]:
        kinds = sorted({k for t in d["indicators"].values() for k in t})
        out += ["| year | " + " | ".join(kinds) + " |", "|---" * (len(kinds) + 1) + "|"]
        for year, t in d["indicators"].items():
            cells = ["; ".join(_amount(f) for f in t.get(k, [])) for k in kinds]
            out.append(f"| {year} | " + " | ".join(cells) + " |")
    else:
        out.append("No figures.")
    out += ["", "## People", ""]
    out += [f"- {_md(p.get('latin') or p.get('name'))} ({p.get('role') or 'role unknown'}, "
            f"{p.get('country') or '?'}): {p['events']} events; written {', '.join(map(_md, p['names']))}"
            for p in d["people"]] or ["No people named."]
    out += ["", "## Conflicts between sources", ""]
    out += [f"- {c['date']} {c['kind']}: {c['field']} is {' / '.join(map(str, c['values']))}" for c in d["conflicts"]]
    if not d["conflicts"]:
        out.append("None.")
    if d["only_in"]:
        out += ["", "## Only in one language", ""]
        for lang, evs in d["only_in"].items():
            out.append(f"- {lang}: " + (", ".join(f"{k} {dt or '?'}" for dt, k in evs) or "nothing of its own"))
    return "\n".join(out) + "\n"


def to_json(d: dict[str, Any]) -> str:
    """The dossier as JSON."""
    return json.dumps(d, ensure_ascii=False, indent=1)


def _svg_timeline(d: dict[str, Any]) -> str:
    years = Counter((e["date"] or "")[:4] for e in d["timeline"] if e["date"] and e["date"][:4].isdigit())
    if not years:
        return "<p>No dated events.</p>"
    lo, hi = int(min(years)), int(max(years))
    width, top = 760, max(years.values())
    step = (width - 60) / max(1, hi - lo)
    every = max(1, (hi - lo) // 10)
    parts = [f'<line x1="30" y1="130" x2="{width - 10}" y2="130" stroke="#999"/>']
    for y in range(lo, hi + 1):
        n = years.get(str(y), 0)
        x = 40 + (y - lo) * step
        h = 100 * n / top
        if n:
            parts.append(f'<rect x="{x - 6:.1f}" y="{130 - h:.1f}" width="12" height="{h:.1f}" fill="#3b6ea5">'
                         f"<title>{y}: {n} events</title></rect>")
            parts.append(f'<text x="{x:.1f}" y="{124 - h:.1f}" font-size="10" text-anchor="middle">{n}</text>')
        if (y - lo) % every == 0 or y == hi:
            parts.append(f'<text x="{x:.1f}" y="148" font-size="11" text-anchor="middle">{y}</text>')
    return (f'<svg viewBox="0 0 {width} 155" width="100%" role="img" aria-label="Events per year">'
            + "".join(parts) + "</svg>")


def _svg_trade(d: dict[str, Any]) -> str:
    """Trade turnover, exports and imports by year as grouped bars, labelled in millions."""
    colours = {"trade_turnover": "#3b6ea5", "exports": "#4a9c5d", "imports": "#c0504d"}
    rows = {y: {k: t[k][0]["value"] for k in TRADE if k in t} for y, t in d["indicators"].items() if y.isdigit()}
    rows = {y: r for y, r in rows.items() if r}
    if not rows:
        return "<p>No trade figures.</p>"
    unit = next(t[k][0]["unit"] for t in d["indicators"].values() for k in TRADE if k in t)
    top = max(v for r in rows.values() for v in r.values()) or 1
    group = min(150.0, 700 / len(rows))
    bar = group / 4
    parts = ['<line x1="20" y1="140" x2="750" y2="140" stroke="#999"/>']
    for i, (year, r) in enumerate(sorted(rows.items())):
        x0 = 30 + i * group
        for j, k in enumerate(TRADE):
            if k not in r:
                continue
            h = 110 * r[k] / top
            x = x0 + j * bar
            parts.append(f'<rect x="{x:.1f}" y="{140 - h:.1f}" width="{bar - 2:.1f}" height="{h:.1f}" '
                         f'fill="{colours[k]}"><title>{year} {k}: {r[k]:,.0f} {unit}</title></rect>')
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{134 - h:.1f}" font-size="9" text-anchor="middle">'
                         f"{r[k] / 1e6:,.1f}</text>")
        parts.append(f'<text x="{x0 + 1.5 * bar:.1f}" y="156" font-size="11" text-anchor="middle">{year}</text>')
    legend = "".join(f'<span style="color:{colours[k]}">■ {k}</span> ' for k in TRADE)
    return ('<svg viewBox="0 0 760 162" width="100%" role="img" aria-label="Trade by year">'
            + "".join(parts) + f"</svg><p>{legend}(million {html.escape(unit)})</p>")


def to_html(d: dict[str, Any]) -> str:
    """The dossier as one self-contained HTML page (inline CSS and SVG; works offline)."""
    a, b = (html.escape(n) for n in d["names"])
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in (
            e["date"] or "?", e["kind"], _who(e), ", ".join(p.get("latin") or p.get("name") for p in e["people"]),
            (e["location"] or {}).get("name") or "", ", ".join(f"{s['doc']} ({s['lang']})" for s in e["sources"])))
        + "</tr>" for e in d["timeline"])
    body = to_markdown(d).split("## People", 1)[1]
    rest = "".join(f"<p>{html.escape(line)}</p>" for line in body.splitlines() if line.strip() and
                   not line.startswith("#"))
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{a} – {b}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
table{{border-collapse:collapse;width:100%;font-size:.9rem}}td,th{{border-bottom:1px solid #ddd;padding:.3rem;
text-align:left;vertical-align:top}}td:first-child{{white-space:nowrap}}</style></head><body>
<h1>{a} – {b}</h1><p>{len(d["timeline"])} events; sources in {html.escape(", ".join(d["languages"]))}.</p>
<h2>Events per year</h2>{_svg_timeline(d)}
<h2>Trade</h2>{_svg_trade(d)}
<h2>Timeline</h2><table><tr><th>date</th><th>kind</th><th>participants</th><th>people</th><th>place</th>
<th>sources</th></tr>{rows}</table>
<h2>People, conflicts, languages</h2>{rest}
</body></html>
"""


def render(d: dict[str, Any], fmt: str) -> str:
    """The dossier in ``fmt``: md, html or json."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown dossier format {fmt!r} (choose from {', '.join(FORMATS)})")
    return {"md": to_markdown, "html": to_html, "json": to_json}[fmt](d)
