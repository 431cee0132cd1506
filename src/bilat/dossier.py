"""A dossier on a pair of states: timeline, indicators by year, people, conflicts, and what each
language's sources say that the others don't (#4). Rendered as Markdown, JSON or one
self-contained HTML file with a timeline chart and a trade chart (inline SVG, no scripts).
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from bilat.citations import Citations, DocumentInfo
from bilat.extract.actors import country_name
from bilat.fuse.names import name_keys, same_person

FORMATS = ("md", "html", "json")
TRADE = ("trade_turnover", "exports", "imports")
_LINKABLE = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)


def build(a: str, b: str, events: Iterable[dict[str, Any]], mentions: Iterable[dict[str, Any]],
          indicators: Iterable[dict[str, Any]], documents: Mapping[str, DocumentInfo] | None = None) -> dict[str, Any]:
    """The dossier's content as plain data; ``documents`` gives the sources' URLs."""
    a, b = a.upper(), b.upper()
    for code in (a, b):
        if country_name(code, "en") is None:
            raise ValueError(f"unknown state or organisation code {code!r} "
                             "(use ISO 3166 alpha-2, e.g. BY, NO, or EU, NATO)")
    pair = {a, b}
    cites = Citations(documents, {m["id"]: m for m in mentions})
    timeline = []
    for e in events:
        if not pair <= set(e.get("actors") or ()):
            continue
        timeline.append({
            "date": e.get("date"), "kind": e["kind"], "actors": e["actors"], "source": e.get("source") or [],
            "target": e.get("target") or [], "location": e.get("location"), "people": e.get("people") or [],
            "languages": e.get("languages") or [], "conflicts": e.get("conflicts") or [],
            "sources": evidence(e, cites),
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


def evidence(event: dict[str, Any], cites: Citations) -> list[dict[str, Any]]:
    """An event's sources for the dossier: each fused mention's sentence, document, language and URL."""
    return [{"doc": c.doc, "lang": c.lang, "text": c.text, "url": c.url} for c in cites.of(event)]


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
    """Text from the sources (document ids, names, places, sentences) made inert in Markdown: no HTML,
    no links or emphasis, no table breaks (#8, #9)."""
    text = html.escape(" ".join(str(value).split()), quote=False)
    for ch in "\\|`[]*_":
        text = text.replace(ch, "\\" + ch)
    return text


def _web_url(url: str | None) -> str | None:
    """A URL that may be a link: http or https without spaces or angle brackets; None for any other
    (``javascript:`` and the like stay plain text)."""
    return url if url and _LINKABLE.fullmatch(url) else None


def _md_url(url: str | None) -> str:
    if not url:
        return ""
    return f"<{url}>" if _web_url(url) else _md(url)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _person_line(p: dict[str, Any]) -> str:
    """A person: the name, role and state where known, events, and the spellings."""
    about = ", ".join(x for x in (p.get("role"), p.get("country")) if x)
    line = (p.get("latin") or p.get("name") or "?") + (f" ({about})" if about else "")
    return f"{line}: {_plural(p['events'], 'event')}" + (f"; written {', '.join(p['names'])}" if p["names"] else "")


def _conflict_line(c: dict[str, Any]) -> str:
    values = " / ".join(", ".join(map(str, v)) if isinstance(v, list) else str(v) for v in c["values"])
    return f"{c['date'] or '?'} {c['kind']}: the sources give {c['field']} as {values}"


def _only_line(lang: str, evs: list[tuple[str | None, str]]) -> str:
    return f"{lang}: " + (", ".join(f"{k} {dt or '?'}" for dt, k in evs) or "nothing of its own")


def to_markdown(d: dict[str, Any]) -> str:
    """The dossier as Markdown."""
    a, b = d["names"]
    langs = ", ".join(d["languages"]) or "no language"
    out = [f"# {a} – {b}", "", f"{_plural(len(d['timeline']), 'event')}; sources in {langs}.",
           "", "## Timeline", "", "| # | date | kind | participants | people | place | sources |",
           "|---|---|---|---|---|---|---|"]
    for n, e in enumerate(d["timeline"], 1):
        people = ", ".join(_md(p.get("latin") or p.get("name")) for p in e["people"])
        place = _md((e["location"] or {}).get("name") or "")
        sources = ", ".join(f"{_md(s['doc'])} ({s['lang']})" for s in e["sources"])
        out.append(f"| {n} | {e['date'] or '?'} | {e['kind']} | {_who(e)} | {people} | {place} | {sources} |")
    if d["timeline"]:
        out += ["", "## Evidence", ""]
        for n, e in enumerate(d["timeline"], 1):
            out.append(f"{n}. {e['date'] or '?'} {e['kind']}, {_who(e)}")
            for s in e["sources"]:
                where = ", ".join(x for x in (_md(s["doc"]), _md_url(s.get("url"))) if x)
                out.append(f"   - {s['lang'] or '?'}, {where}: {_md(s['text'])}")
            if not e["sources"]:
                out.append("   - no stored sentence")
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
    out += [f"- {_md(_person_line(p))}" for p in d["people"]] or ["No people named."]
    out += ["", "## Conflicts between sources", ""]
    out += [f"- {_md(_conflict_line(c))}" for c in d["conflicts"]] or ["The sources do not disagree."]
    if d["only_in"]:
        out += ["", "## Only in one language", ""]
        out += [f"- {_md(_only_line(lang, evs))}" for lang, evs in d["only_in"].items()]
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


def _h(value: object) -> str:
    return html.escape(str(value))


def _h_source(s: dict[str, Any]) -> str:
    """One evidence sentence with its language, document and link, escaped; the sentence keeps its own
    direction (Persian, Arabic) and language."""
    lang = _h(s.get("lang") or "")
    url = s.get("url")
    link = (f' <a href="{_h(url)}" rel="noreferrer noopener">{_h(url)}</a>' if _web_url(url)
            else f" {_h(url)}" if url else "")
    return (f'<li><q lang="{lang}" dir="auto">{_h(s["text"])}</q> <span class="src">{_h(s["doc"])} '
            f"({lang}){link}</span></li>")


def _h_list(items: list[str], empty: str) -> str:
    return "<ul>" + "".join(f"<li>{_h(i)}</li>" for i in items) + "</ul>" if items else f"<p>{_h(empty)}</p>"


def to_html(d: dict[str, Any]) -> str:
    """The dossier as one self-contained HTML page (inline CSS and SVG; works offline). Everything the
    sources wrote is escaped; only http(s) URLs become links."""
    a, b = (_h(n) for n in d["names"])
    rows = []
    for e in d["timeline"]:
        cells = (e["date"] or "?", e["kind"], _who(e), ", ".join(p.get("latin") or p.get("name") or "?"
                                                                  for p in e["people"]),
                 (e["location"] or {}).get("name") or "")
        rows.append("<tr>" + "".join(f"<td>{_h(c)}</td>" for c in cells) + "</tr>")
        sources = "".join(_h_source(s) for s in e["sources"]) or "<li>no stored sentence</li>"
        rows.append(f'<tr class="ev"><td></td><td colspan="4"><ul>{sources}</ul></td></tr>')
    summary = f'{_plural(len(d["timeline"]), "event")}; sources in {", ".join(d["languages"]) or "no language"}.'
    only = ("<h2>Only in one language</h2>" + _h_list([_only_line(k, v) for k, v in d["only_in"].items()], "")
            if d["only_in"] else "")
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{a} – {b}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
table{{border-collapse:collapse;width:100%;font-size:.9rem}}td,th{{padding:.3rem;text-align:left;vertical-align:top}}
tr.ev td{{border-bottom:1px solid #ddd;padding-top:0}}tr.ev ul{{margin:0;padding-left:1rem;color:#333}}
td:first-child{{white-space:nowrap}}.src{{color:#666;font-size:.85em}}</style></head><body>
<h1>{a} – {b}</h1><p>{_h(summary)}</p>
<h2>Events per year</h2>{_svg_timeline(d)}
<h2>Trade</h2>{_svg_trade(d)}
<h2>Timeline</h2><table><tr><th>date</th><th>kind</th><th>participants</th><th>people</th><th>place</th></tr>
{"".join(rows)}</table>
<h2>People</h2>{_h_list([_person_line(p) for p in d["people"]], "No people named.")}
<h2>Conflicts between sources</h2>{_h_list([_conflict_line(c) for c in d["conflicts"]], "The sources do not disagree.")}
{only}
</body></html>
"""


def render(d: dict[str, Any], fmt: str) -> str:
    """The dossier in ``fmt``: md, html or json."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown dossier format {fmt!r} (choose from {', '.join(FORMATS)})")
    return {"md": to_markdown, "html": to_html, "json": to_json}[fmt](d)
