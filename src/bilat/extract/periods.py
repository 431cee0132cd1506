"""Relative periods ("last year", "two years ago", "earlier this month", "ранее") resolved against
the publication date (SCHEMA.md, "Dates": relative dates resolve against it; an earlier event told in
passing with no date of its own is ``null``, not the publication date).

The words are data in ``lang/<code>/periods.toml``:

- ``[periods]``: ``this_year``, ``last_year``, ``this_month``, ``last_month`` list phrases; ``earlier``
  lists words for a past time with no date ("previously"): such an event's date is ``null``;
- ``[ago]``: ``years``, ``weeks`` and ``days`` list patterns with an optional named group ``n``
  ("(?P<n>\\w+) years ago", "a week ago"); ``[numbers]`` maps number words to their value ("two" = 2);
- ``recent`` ("the other day", "на днях", "a few days ago") is the month of publication;
- ``same_day`` ("that night", "the same day", "того ж дня") is the last day the text named before;
- ``since`` lists the words that open a period ("since 2006"): such a date is not lent to the next sentence.

Without a publication date every period is a time the text gives but that cannot be dated: the
event's date is ``null`` and the sentence before lends it no date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from bilat import lang as langdata
from bilat.extract.dates import DateMatch
from bilat.extract.triggers import required_literals

# The value of a time the text names but that has no date of its own (an explicit null).
NO_DATE = ""
# The value of "that night", "the same day": the day the text named last (resolved by the caller).
SAME_DAY = "="
_OFFSETS = {"this_year": ("y", 0), "last_year": ("y", -1), "this_month": ("m", 0), "last_month": ("m", -1),
            "recent": ("m", 0), "earlier": ("none", 0), "same_day": ("same", 0)}
_UNITS = {"years": ("y", 1), "weeks": ("d", 7), "days": ("d", 1)}


@dataclass(frozen=True, slots=True)
class _Periods:
    rx: re.Pattern[str] | None
    forms: dict[str, tuple[str, int]]  # lower-cased phrase -> (unit, offset)
    ago: list[tuple[str, re.Pattern[str]]]
    numbers: dict[str, int]
    # words one of which every phrase and pattern contains: a sentence with none of them has no period
    anchors: tuple[str, ...] | None = None
    since: re.Pattern[str] | None = None  # words that open a period ("since 2006", "з 2006 року")
    # ``anchors`` as one pattern: finds whether a sentence holds one of them in one pass
    anchor_rx: re.Pattern[str] | None = None
    # For each pattern of ``ago``, substrings one of which each match holds (None: unknown): a pattern
    # whose substrings a sentence lacks is not run (its "\\w+ years ago" tries every word otherwise).
    ago_needs: tuple[tuple[str, ...] | None, ...] = ()


@cache
def _periods(code: str | None) -> _Periods:
    data = langdata.toml(code, "periods.toml") if code else {}
    forms: dict[str, tuple[str, int]] = {}
    for name, phrases in data.get("periods", {}).items():
        if name == "since":
            continue
        if name not in _OFFSETS:
            raise ValueError(f"lang/{code}/periods.toml: unknown period {name!r}")
        for p in phrases:
            forms[p.lower()] = _OFFSETS[name]
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    rx = re.compile(rf"(?<![\w\u200c])(?:{alts})(?![\w\u200c])") if forms else None
    ago = [(unit, re.compile(r"(?<![\w\u200c])(?:" + pat + r")(?![\w\u200c])"))
           for unit, pats in data.get("ago", {}).items() for pat in pats]
    unknown = {u for u, _ in ago} - set(_UNITS)
    if unknown:
        raise ValueError(f"lang/{code}/periods.toml: unknown [ago] units {sorted(unknown)}")
    numbers = {k.lower(): int(v) for k, v in data.get("numbers", {}).items()}
    anchors: set[str] | None = {f.split()[-1] for f in forms}
    for pats in data.get("ago", {}).values():
        for pat in pats:
            tail = re.search(r"(?:^|\s)(\w+)$", pat)  # the literal word a pattern ends with ("… years ago")
            if tail is None or anchors is None:
                anchors = None
            else:
                anchors.add(tail.group(1))
    since = data.get("periods", {}).get("since", [])
    return _Periods(rx=rx, forms=forms, ago=ago, numbers=numbers,
                    anchors=tuple(sorted(anchors)) if anchors is not None else None,
                    ago_needs=tuple(required_literals(a) for _, a in ago),
                    anchor_rx=None if anchors is None else re.compile(
                        "|".join(map(re.escape, sorted(anchors, key=len, reverse=True))) or "(?!)"),
                    since=re.compile(r"(?<![\w\u200c])(?:" + "|".join(map(re.escape, since)) + r")\s+\Z")
                    if since else None)


def _shift(pub: str, unit: str, offset: int) -> str:
    year, month = int(pub[:4]), int(pub[5:7]) if len(pub) >= 7 else 0
    if unit == "d":
        if len(pub) < 10:
            return NO_DATE
        return (date.fromisoformat(pub[:10]) + timedelta(days=offset)).isoformat()
    if unit == "y":
        return f"{year + offset:04d}"
    if not month:
        return NO_DATE
    months = year * 12 + month - 1 + offset
    return f"{months // 12:04d}-{months % 12 + 1:02d}"


def since_before(low: str, pos: int, lang: str | None) -> bool:
    """Whether a date at ``pos`` of the lower-cased sentence opens a period ("since 2006")."""
    rx = _periods(lang).since
    return bool(rx and rx.search(low, max(0, pos - 20), pos))


def find_periods(text: str, lang: str | None, pub_date: str | None = None) -> list[DateMatch]:
    """Relative periods in ``text``, resolved against ``pub_date``; the value is ``NO_DATE`` for a time
    that has no date of its own (or that cannot be resolved without a publication date)."""
    p = _periods(lang)
    low = text.lower()
    if p.anchor_rx is not None and not p.anchor_rx.search(low):
        return []
    out: list[DateMatch] = []
    for (name, rx), needs in zip(p.ago, p.ago_needs, strict=True):
        if needs is not None and not any(x in low for x in needs):
            continue
        unit, size = _UNITS[name]
        for m in rx.finditer(low):
            n = m.groupdict().get("n")
            count = 1 if n is None else int(n) if n.isdigit() else p.numbers.get(n)
            if count is not None and not any(d.start < m.end() and m.start() < d.end for d in out):
                value = _shift(pub_date, unit, -count * size) if pub_date else NO_DATE
                out.append(DateMatch(m.start(), m.end(), value))
    if p.rx is not None:
        for m in p.rx.finditer(low):
            if any(d.start < m.end() and m.start() < d.end for d in out):
                continue  # "three years ago" is not "a year ago"
            unit, offset = p.forms[m.group(0)]
            value = SAME_DAY if unit == "same" else (
                _shift(pub_date, unit, offset) if pub_date and unit != "none" else NO_DATE)
            out.append(DateMatch(m.start(), m.end(), value))
    return sorted(out, key=lambda d: d.start)
