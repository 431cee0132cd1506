"""The shortcuts of the indicator grammar find what the plain patterns find.

The cue and company-count patterns are skipped when a sentence lacks every substring their
matches need, a run of word-start entries shares one look-behind, and the amount pattern has a
look-ahead for the characters an amount starts with. Each test compares with the plain pattern
(one look-behind per entry, no look-ahead, no skipping) on sentences written for it.
"""

from __future__ import annotations

import re

import pytest

from bilat import lang as langdata
from bilat.extract import indicator_grammar as ind

CODES = [c for c in langdata.available() if langdata.path(c, "indicators.toml").exists()]


def _plain_alt(entries: list[str], head: bool = True) -> str:
    return "|".join(ind._entry(e, head) for e in sorted(set(entries), key=len, reverse=True))


def _forms(entry: str) -> list[str]:
    """Sentences holding an entry as a word, glued to other letters, and after a digit."""
    word = ind._view(entry).replace("*", "ами")
    return [f"Так {word} 5 млн", f"x{word}y 12", f"{word}", f"7{word} and ({word}).", f"«{word}» 3,5 bn"]


def _spans(rx: re.Pattern[str], v: str) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in rx.finditer(v)]


@pytest.mark.parametrize("code", CODES)
def test_cues_as_plain_pattern(code: str) -> None:
    g = ind._grammar(code)
    cues = {k: v for k, v in ind._merge((code,)).get("cues", {}).items() if v}
    plain = re.compile("|".join(f"(?P<{k}>{_plain_alt(v)})" for k, v in cues.items()) or r"(?!x)x")
    texts = [t for v in cues.values() for e in v for t in _forms(e)]
    assert texts
    for t in texts:
        v = ind._view(t)
        want = _spans(plain, v)
        assert _spans(g.cue, v) == want, t
        if want:
            assert ind._may_match(g.cue_needs, v), t  # the prefilter keeps every sentence with a cue


@pytest.mark.parametrize("code", CODES)
def test_company_count_prefilter(code: str) -> None:
    g = ind._grammar(code)
    companies = ind._merge((code,)).get("markers", {}).get("company", [])
    for e in companies:
        for t in (f"12 {ind._view(e).replace('*', '')}", f"Было 40 новых {ind._view(e).replace('*', 'x')} в 2020"):
            v = ind._view(t)
            if g.count.search(v):
                assert ind._may_match(g.count_needs, v), t


@pytest.mark.parametrize("code", CODES)
def test_amount_look_ahead(code: str) -> None:
    g = ind._grammar(code)
    d = ind._merge((code,))
    plain = re.compile(re.sub(r"^\(\?=\[[^\]]*\]\)", "", g.amount.pattern))
    words = [*d.get("symbols", {}), *d.get("currency", {}), *d.get("numbers", {}), *d.get("scale", {})]
    texts = [f"{a} {b} {c}" for a in ("", "5", "1 250,5", "a", "12.5") for b in words[:40] for c in ("", "млн", "bn")]
    texts += [f"{s}{n} {w}" for s in d.get("symbols", {}) for n in ("5", " 7", "x9") for w in ("", "million")]
    for t in texts:
        v = ind._view(t)
        assert [(m.span(), m.groupdict()) for m in g.amount.finditer(v)] == [
            (m.span(), m.groupdict()) for m in plain.finditer(v)], t


def test_empty_symbols_keep_the_space() -> None:
    """Without symbols (a language with no indicator words) a match may start with the space
    before its number: no look-ahead then."""
    g = ind._grammar("de")
    assert [m.span() for m in g.amount.finditer("am 5")] == [(2, 4)]


def test_scale_words_on_the_text() -> None:
    """A sentence with no digit goes on only for a number word's scale, found as in the view."""
    for code in CODES:
        g = ind._grammar(code)
        if not g.scale_plain:
            continue
        for e in ind._merge((code,)).get("scale", {}):
            for t in (f"two {e}", f"дзве\u00a0{e}", f"x{e}"):
                assert bool(g.scale_any.search(t.lower())) == bool(g.scale_any.search(ind.norm_view(t).lower()))
