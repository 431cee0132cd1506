"""Dates in a sentence, resolved to ISO 8601 at the precision the text gives.

How it works: one compiled regex per language cuts the sentence into date
tokens (numbers, month names, year words, list and range connectors, relative
day words); tokens separated by nothing but spaces (and filler words such as
"of") are adjacent. A small parser reads runs of adjacent tokens as *items*
("4 February 1992", "June", "2019 года", "سال ۱۴۰۱") joined by list or range
connectors, lends the month and year of later items to earlier ones
("3 and 5 May 2023", "в июне и августе 2020 г.") and resolves each item.
Every word comes from ``lang/<code>/months.tsv``, ``months_jalali.tsv`` and
``dates.toml``; the code never looks at a language code.

Choices:
- A bare 4-digit number is a year when a year word stands next to it
  ("2019 года", "سال ۱۹۸۹"), or when it lies in 1900-2100 and follows a year
  preposition ("in 2019", "в 2019").  Decades ("1990-х", "1990s") are skipped.
- Solar Hijri: day+month+year converts exactly; month+year gives the Gregorian
  month holding most of the Jalali month (the month of its 15th day); a year
  gives the Gregorian year of its 1 Farvardin; day+month without year is
  converted within the Jalali year of ``pub_date`` (1400 when there is none).
- Weekdays ("on Monday", "в понедельник") resolve to the most recent such day
  on or before ``pub_date``: news copy names the publication day itself by its
  weekday ("said on Monday" in a Monday story). A weekday followed by an
  explicit date ("в понедельник, 4 февраля") yields only the explicit date.
- A bare month needs a preposition ("in October"); a month adjective written
  ``~form`` in ``months.tsv`` ("~червневої", "~June's") is a month of its own
  without one, matched exactly as written (so "Октябрьская площадь" is no date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from bilat import lang as langdata
from bilat.extract import calendars
from bilat.extract.date_grammar import _TRANSLATE, _Grammar, _grammar, _Item, _lower, _Tok, _tokenise

__all__ = ["DateMatch", "digest_day", "find_dates", "named_weekdays"]


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in a text: its offsets and its ISO 8601 value."""

    start: int  # offsets into the text passed in
    end: int
    value: str  # ISO: "1992-02-04", "1996-10", "2017", "--02-04" (day+month, no year); "" for a relative
    # day ("on Saturday") in a text without a publication date: a time without a date
    value_end: str | None = None  # end of a range ("3-5 May 2023" -> "2023-05-05")
    relative: bool = False  # resolved from a relative expression against pub_date
    # the weekday the text names with it (0: Monday): "в понедельник 7 февраля" (the date), or
    # "в понедельник" alone (``value`` "" without a publication date)
    weekday: int | None = None


_HAS_DIGIT = re.compile(r"[0-9۰-۹٠-٩]")
_TO_TRANSLATE = re.compile(r"[۰-۹٠-٩يىك]")
_ANCHORS = frozenset(("num", "date", "rel", "wd", "day", "mon", "madj"))  # a date has at least one of these
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MIN_YEAR, _MAX_YEAR = 1000, 2999  # a year next to a month or a year word
_BARE_MIN, _BARE_MAX = 1900, 2100  # a year announced only by a preposition
_JALALI_NO_YEAR = 1400  # Jalali year for day+month without year or pub_date


def _is_day(tok: _Tok, g: _Grammar) -> bool:
    value, width, suf = tok.kinds.get("num", (0, 0, ""))
    return width in (1, 2) and 1 <= value <= 31 and (not suf or suf in g.day_suffixes)


def _is_year(tok: _Tok, g: _Grammar) -> bool:
    value, width, suf = tok.kinds.get("num", (0, 0, ""))
    return width == 4 and _MIN_YEAR <= value <= _MAX_YEAR and (not suf or suf in g.year_suffixes)


class _Parser:
    """Reads items and chains of items from the tokens of one sentence."""

    def __init__(self, text: str, toks: list[_Tok], g: _Grammar) -> None:
        self.toks, self.g, self.n = toks, g, len(toks)
        self.adj = [False] + [
            g.gap.fullmatch(text, toks[i - 1].end, toks[i].start) is not None for i in range(1, len(toks))
        ]

    def has(self, j: int, kind: str) -> bool:
        """Whether token ``j`` exists, follows its predecessor directly and can be ``kind``."""
        return j < self.n and self.adj[j] and kind in self.toks[j].kinds

    def year_tail(self, j: int, item: _Item, first: bool = False) -> int:
        """Read ``[year word] YEAR [year word]`` at ``j`` into ``item``; the index after it."""
        toks, g = self.toks, self.g
        if j >= self.n or not (first or self.adj[j]):
            return j
        k = j + 1 if "pre" in toks[j].kinds and self.has(j + 1, "num") else j
        short = self.short_jalali(toks[k], item.mcal == "jalali" or (k > j and toks[j].kinds["pre"] is not None))
        if short is None and not _is_year(toks[k], g):
            return j
        item.year, item.end = short or toks[k].kinds["num"][0], toks[k].end
        if k > j:
            item.marked, item.ycal = True, toks[j].kinds["pre"]
        if short is not None:
            item.marked, item.ycal = True, "jalali"
        if self.has(k + 1, "post"):
            item.marked, item.ycal, item.end = True, toks[k + 1].kinds["post"], toks[k + 1].end
            return k + 2
        return k + 1

    def short_jalali(self, tok: _Tok, jalali_context: bool) -> int | None:
        """A 2-digit Solar Hijri year ("اردیبهشت ۹۹", "سال 92") as a full year, else None."""
        value, width, suf = tok.kinds.get("num", (0, 0, ""))
        if self.g.jalali_pivot is None or not jalali_context or width != 2 or suf:
            return None
        return value + (1400 if value <= self.g.jalali_pivot else 1300)

    def short_year_end(self, j: int, first: _Item) -> tuple[_Item, int] | None:
        """The end of a year range written with two digits ("1993–94") and the next index, else None."""
        tok = self.toks[j]
        value, width, suf = tok.kinds.get("num", (0, 0, ""))
        if first.month is not None or first.year is None or width != 2 or suf:
            return None
        year = first.year - first.year % 100 + value
        if year <= first.year:
            return None
        end = _Item(tok.start, tok.end, year=year, ycal=first.ycal, marked=first.marked)
        if self.has(j + 1, "post"):
            end.end, end.marked, end.ycal = self.toks[j + 1].end, True, self.toks[j + 1].kinds["post"]
            return end, j + 2
        return end, j + 1

    def item(self, i: int) -> tuple[_Item, int] | None:
        """The item starting at token ``i`` and the index after it."""
        tok, g = self.toks[i], self.g
        if "date" in tok.kinds:
            cal, y, mo, d = tok.kinds["date"]
            return _Item(tok.start, tok.end, d, mo, y, cal, cal, True), i + 1
        if "madj" in tok.kinds and "mon" not in tok.kinds:
            cal, mo = tok.kinds["madj"]
            return _Item(tok.start, tok.end, month=mo, mcal=cal, adjective=True), i + 1
        if "mon" in tok.kinds:
            cal, mo = tok.kinds["mon"]
            it = _Item(tok.start, tok.end, month=mo, mcal=cal)
            j = i + 1
            if "mdy" in g.orders and self.has(j, "num") and _is_day(self.toks[j], g):
                it.day, it.end, j = self.toks[j].kinds["num"][0], self.toks[j].end, j + 1
                if self.has(j, "and") and self.toks[j].kinds["and"] == "," and self.has(j + 1, "num"):
                    j += 1 if _is_year(self.toks[j + 1], g) else 0
            return it, self.year_tail(j, it)
        if "day" in tok.kinds or ("num" in tok.kinds and _is_day(tok, g)):
            it = _Item(tok.start, tok.end, day=tok.kinds["day"] if "day" in tok.kinds else tok.kinds["num"][0])
            if "dmy" in g.orders and self.has(i + 1, "mon"):
                it.mcal, it.month = self.toks[i + 1].kinds["mon"]
                it.end = self.toks[i + 1].end
                return it, self.year_tail(i + 2, it)
            return it, i + 1
        it = _Item(tok.start, tok.end)
        j = self.year_tail(i, it, first=True)
        return (it, j) if it.year is not None else None

    def chain(self, i: int) -> tuple[list[_Item], list[str], int] | None:
        """Items joined by list or range connectors from token ``i``, the joints, and the next index."""
        first = self.item(i)
        if first is None:
            return None
        items, joints, j = [first[0]], [], first[1]
        while self.has(j, "and") or self.has(j, "to"):
            if j + 1 >= self.n or not self.adj[j + 1]:
                break
            nxt = self.short_year_end(j + 1, items[-1]) if "to" in self.toks[j].kinds else None
            nxt = nxt or self.item(j + 1)
            if nxt is None:
                break
            joints.append("to" if "to" in self.toks[j].kinds else "and")
            items.append(nxt[0])
            j = nxt[1]
        return items, joints, j


def _share(items: list[_Item], orders: frozenset[str]) -> None:
    """Lend months and years of later items to earlier ones ("3 and 5 May 2023")."""
    for idx, it in enumerate(items):
        if it.day is not None and it.month is None:
            donor = next((o for o in items[idx + 1 :] if o.month is not None), None)
            if donor is None and "mdy" in orders:
                donor = next((o for o in reversed(items[:idx]) if o.month is not None), None)
            if donor is not None:
                it.month, it.mcal = donor.month, donor.mcal
    later_year: _Item | None = None
    for it in reversed(items):
        if it.year is not None:
            later_year = it
        elif later_year is not None and it.month is not None:
            it.year, it.ycal = later_year.year, later_year.ycal
            if later_year.month is None:
                later_year.lent_year = True
    marked = next((it for it in reversed(items) if it.marked), None)
    if marked is not None:
        for it in items:
            if it.year is not None and not it.marked:
                it.marked, it.ycal = True, it.ycal or marked.ycal


def _value(it: _Item, prep: bool, g: _Grammar, pub: date | None) -> str | None:
    """The ISO value of a resolved item, or None when it is not a date."""
    y, mo, d = it.year, it.month, it.day
    if it.ycal == "lunar":
        return None
    if mo is None:
        if y is None or it.lent_year:
            return None
        in_jalali = g.jalali is not None and g.jalali[0] <= y <= g.jalali[1]
        if it.ycal == "jalali" or (it.ycal == "ambiguous" and in_jalali):
            return f"{calendars.jalali_new_year(y).year:04d}"
        if it.marked or (prep and _BARE_MIN <= y <= _BARE_MAX):
            return f"{y:04d}"
        return None
    if it.mcal == "jalali":
        if y is None:
            y = calendars.gregorian_to_jalali_year(pub) if pub else _JALALI_NO_YEAR
            try:
                gd = calendars.jalali_to_gregorian(y, mo, d or 15)
            except ValueError:
                return None
            return f"--{gd.month:02d}-{gd.day:02d}" if d else None
        if g.jalali is None or not g.jalali[0] <= y <= g.jalali[1]:
            return None
        try:
            gd = calendars.jalali_to_gregorian(y, mo, d or 15)
        except ValueError:
            return None
        return gd.isoformat() if d else f"{gd.year:04d}-{gd.month:02d}"
    if not 1 <= mo <= 12:
        return None
    if y is None:
        if d is None:
            # "in October": a month of its own, after a preposition; the report's year completes it
            return f"--{mo:02d}" if prep or it.adjective else None
        return f"--{mo:02d}-{d:02d}" if d <= _MONTH_DAYS[mo - 1] else None
    if d is None:
        return f"{y:04d}-{mo:02d}"
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def _relative(tok: _Tok, pub: date) -> str:
    """The date a relative day word or a weekday names, seen from ``pub``."""
    if "rel" in tok.kinds:
        return (pub + timedelta(days=tok.kinds["rel"])).isoformat()
    return (pub - timedelta(days=(pub.weekday() - tok.kinds["wd"]) % 7)).isoformat()


def find_dates(text: str, lang: str | None, pub_date: str | None = None) -> list[DateMatch]:
    """The dates in ``text`` in text order, resolved at the precision written (relative ones need pub_date)."""
    pub = date.fromisoformat(pub_date[:10]) if pub_date else None
    g = _grammar(lang)
    if (
        not _HAS_DIGIT.search(text)
        and not (g.word_check and g.word_check.search(text))
        and not (g.day_check and g.day_check.search(text.lower()))
    ):
        return []
    if _TO_TRANSLATE.search(text):
        text = text.translate(_TRANSLATE)
    low = _lower(text)
    toks = _tokenise(text, low, g)
    if not any(_ANCHORS.intersection(t.kinds) for t in toks):
        return []
    p = _Parser(low, toks, g)
    out: list[DateMatch] = []
    named: tuple[int, int] | None = None  # (where the date that a weekday names starts, the weekday)
    i = 0
    while i < p.n:
        tok = toks[i]
        if "rel" in tok.kinds or "wd" in tok.kinds:
            j = i + 1 + (1 if p.has(i + 1, "and") else 0)
            follows = p.item(j) if j < p.n and p.adj[j] else None
            wd = tok.kinds.get("wd")
            if not (follows and follows[0].day is not None and follows[0].month is not None):
                # without a publication date, "on Saturday" is a time the text gives that has no date
                out.append(DateMatch(tok.start, tok.end, _relative(tok, pub), relative=True, weekday=wd) if pub
                           else DateMatch(tok.start, tok.end, "", weekday=wd))
            elif wd is not None:
                named = (follows[0].start, wd)
            i += 1
            continue
        found = p.chain(i)
        if found is None:
            i += 1
            continue
        items, joints, i = found
        _share(items, g.orders)
        prep = bool(g.prep_tail and g.prep_tail.search(low, max(0, items[0].start - 30), items[0].start))
        k = 0
        while k < len(items):
            it = items[k]
            if k < len(joints) and joints[k] == "to":
                end = items[k + 1]
                # two bare years in increasing order ("2023–2027") are a range of years even unannounced
                years = it.month is None and end.month is None and (it.year or 0) < (end.year or 0)
                v1, v2 = _value(it, prep or years, g, pub), _value(end, prep or years, g, pub)
                if v1 and v2:
                    out.append(DateMatch(it.start, end.end, v1, v2))
                k += 2
                continue
            v = _value(it, prep, g, pub)
            if v:
                out.append(DateMatch(it.start, it.end, v, weekday=named[1] if named and named[0] == it.start else None))
            k += 1
    return out


def named_weekdays(dates: list[DateMatch], days: dict[int, str]) -> list[DateMatch]:
    """Dates in a text without a publication date, where a weekday said alone ("в понедельник")
    is the date the text gave that weekday before ("в понедельник 7 февраля"): ``days`` holds
    those, and learns the ones ``dates`` give."""
    out = []
    for d in dates:
        if d.weekday is not None and d.value and not d.relative:
            days[d.weekday] = d.value
        elif d.weekday is not None and not d.value and d.weekday in days:
            d = DateMatch(d.start, d.end, days[d.weekday], weekday=d.weekday)
        out.append(d)
    return out


@cache
def _digest(code: str | None) -> re.Pattern[str] | None:
    """A title that opens a digest of one day's news with its day (``digest_titles`` in dates.toml)."""
    words = langdata.toml(code, "dates.toml").get("digest_titles", []) if code else []
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\s*(?:{alt})\s+(\d{{1,2}})\.(\d{{1,2}})(?:\.(\d{{4}}))?(?![\d.])", re.IGNORECASE)


def digest_day(title: str, lang: str | None) -> str | None:
    """The day a digest of the day's news is of, from its title: "Підсумки 09.12: …" gives
    ``--12-09`` (no year), "Итоги 9.12.2019" ``2019-12-09``; None for any other title, or a day
    that does not exist ("Підсумки 18.19")."""
    rx = _digest(lang)
    m = rx.match(title) if rx else None
    if m is None:
        return None
    day, month, year = int(m[1]), int(m[2]), int(m[3]) if m[3] else None
    try:
        date(year or 2000, month, day)  # 2000: 29 February is a day of some year
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
