"""The actor finder's shortcuts: the one-set-test rejection of a sentence (``Table.starts``), reading
forms only as far as some form goes on (``Table.heads_*``) and the bitmap token pattern. Each must
find exactly what the plain reading (every word, every width, ``TOKEN``) finds."""

from __future__ import annotations

import pytest

from bilat.extract import gazetteer
from bilat.extract.actors import ActorMatch, _bodies, _groups, _lookup, _sentence_initial, _suffix, find_actors
from bilat.extract.gazetteer import GAP, TOKEN, lower_first


def plain(text: str, lang: str, self_code: str | None = None) -> list[ActorMatch]:
    """The finder without its shortcuts: each word, each width from the widest down, ``_lookup``."""
    from bilat.extract.actors import HYPHENS, _beside_capital

    table = gazetteer.table(lang)
    toks = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
    out: list[ActorMatch] = []
    i, n = 0, len(toks)
    while i < n:
        start, _, word = toks[i]
        width = table.width.get(word, 0)
        if word[:1].isupper():
            width = max(width, table.width.get(lower_first(word), 0))
        hit, used = None, 0
        for k in range(min(width, n - i), 0, -1):
            if k > 1 and not all(GAP.fullmatch(text[toks[j][1] : toks[j + 1][0]]) for j in range(i, i + k - 1)):
                continue
            hit = _lookup(table, " ".join(t[2] for t in toks[i : i + k]))
            if hit is not None:
                used = k
                break
        if hit is None:
            i += 1
            continue
        code, how = hit
        end = toks[i + used - 1][1]
        surface = text[start:end]
        skip = (how == "adjective-linker" and (end >= len(text) or text[end] not in HYPHENS)) or (
            surface in table.stop_initial and _sentence_initial(text, start)) or (
            surface in table.person_like and _beside_capital(text, toks, i, i + used))
        if not skip:
            how = "adjective" if how == "adjective-linker" else how
            code = (self_code or "") if how == "self" else code
            if code:
                end, how = _suffix(text, end, toks, i + used, table, how)
                out.append(ActorMatch(start, end, code, how))
        i += used
    return _groups(_bodies(text, out, toks))


SENTENCES = [
    # a capitalised word whose entry is lower case: found only through the case rule folded into starts
    ("ru", "Норвежская делегация прибыла, а Нашей стране предложили помощь."),
    ("ru", "Наша страна и Российской Федерации соседи; Соединенными Штатами Америки недовольны."),
    ("be", "Нарвежскі бок і Рэспублікай Беларусь падпісалі пагадненне."),
    ("uk", "Сполучених Штатів Америки та Норвегією: переговори."),
    ("pl", "Norweska strona i Stanach Zjednoczonych Ameryki rozmawiały."),
    # a longer form where a shorter one is there too, one broken by what may not stand inside a name
    ("en", "The United States of America and the United Kingdom met the United States."),
    ("en", "United / States, the United--Kingdom and Belarusian-Norwegian talks."),
    ("en", "The minister of the Russian Federation said our country will help."),
    # words that begin forms but none here, then a name
    ("en", "The the the world of the United Arab and then Norway."),
    ("fa", "نروژ‌ها و ایالات متحده آمریکا موافقت کردند."),
    # bodies states have too, names that are people's too, a name at the start of a sentence
    ("en", "Russia's Security Council, the Security Council of Norway and the UN Security Council met."),
    ("en", "Chad said that Paris Hilton and Jordan visited Georgia Smith in Paris; Norway agreed."),
    ("fa", "نروژی‌ها با شورای امنیت سازمان ملل دیدار کردند."),
    # a character beyond the Basic Multilingual Plane: the plain TOKEN reads it
    ("en", "Norway \U0001f1f3\U0001f1f4 and Belarus\U00010400x signed."),
    ("ru", "Норвегия 𝟏𝟐 и Беларусь."),
]


@pytest.mark.parametrize(("lang", "text"), SENTENCES)
def test_shortcuts_find_what_the_plain_reading_finds(lang: str, text: str) -> None:
    for self_code in (None, "BY"):
        assert find_actors(text, lang, self_code) == plain(text, lang, self_code)
    assert find_actors(text, lang) != []


def test_capitalised_lower_case_entries_are_found() -> None:
    # "норвежская" is a lower-case entry: the sentence has no word of starts but its capitalised form
    text = "Норвежская делегация прибыла."
    assert [(m.code, m.how) for m in find_actors(text, "ru")] == [("NO", "adjective")]
    assert [(m.code, m.how) for m in find_actors("Наша страна помогла.", "ru", "BY")] == [("BY", "self")]


def test_starts_fold_every_capital_of_a_lower_case_first_letter() -> None:
    got = gazetteer.starts({"kelvin": 2, "i\u0307stanbul": 1, "Oslo": 1, "oslo": 3})
    assert got["kelvin"] == 2 and got["Kelvin"] == 2 and got["\u212aelvin"] == 2  # K and the Kelvin sign
    assert got["\u0130stanbul"] == 1  # İ lower-cases to two characters
    assert got["Oslo"] == 3 and got["oslo"] == 3
    for code in ("ru", "en"):
        table = gazetteer.table(code)
        for word, n in table.width.items():
            assert table.starts[word] >= n
            if word[:1].islower():
                assert table.starts[word[:1].upper() + word[1:]] >= n


def test_heads_are_the_proper_beginnings_of_forms() -> None:
    forms = {"a b c": ("X", "name"), "d": ("Y", "name"), "a e": ("Z", "name")}
    assert gazetteer.heads(forms) == frozenset({"a", "a b"})


def test_bmp_token_pattern_is_token() -> None:
    fast = gazetteer._bmp_token()
    for c in map(chr, range(0x10000)):
        assert (fast.fullmatch(c) is None) == (TOKEN.fullmatch(c) is None), hex(ord(c))
    for text in ["کِیمن و نروژ", "a_b 12x", "Беларусь—Норвегія", "x\U00010400y z"]:
        assert gazetteer.token_pattern(text).findall(text) == TOKEN.findall(text)
    assert gazetteer.token_pattern("x\U00010400y") is TOKEN
