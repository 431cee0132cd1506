"""Find the states and the international organisations a sentence names.

Names in any case form, adjectives ("норвежской стороны", "Belarusian-Norwegian"),
capitals used for the state ("официальный Осло", "the Kremlin"), organisations
and their abbreviations, and "our country" phrases. Everything language-specific
lives in ``lang/<code>/`` (see :mod:`bilat.extract.gazetteer`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from bilat.extract import gazetteer
from bilat.extract.gazetteer import GAP, Table, lower_first

HYPHENS = "-\u2010\u2011"
#: characters after which a word counts as the start of a sentence
OPENERS = set('.!?:;"«„“(—–-[')


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """One mention of a state or organisation in a text."""

    start: int  # offsets into the text passed in
    end: int
    code: str  # "NO", "BY", "EU", "UNION_STATE", ...
    how: str  # "name" | "adjective" | "capital" | "org" | "self" | "place"


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in OPENERS


def _beside_capital(text: str, toks: list, i: int, j: int) -> bool:
    """Whether the tokens i..j-1 stand next to a capitalised word, as in a person's name."""
    before = i > 0 and not _sentence_initial(text, toks[i - 1][0]) and toks[i - 1][2][:1].isupper()
    after = j < len(toks) and toks[j][2][:1].isupper()
    return bool(
        (before and text[toks[i - 1][1] : toks[i][0]].isspace())
        or (after and text[toks[j - 1][1] : toks[j][0]].isspace())
    )


def _lookup(table: Table, key: str) -> tuple[str, str] | None:
    hit = table.exact.get(key)
    if hit is None:
        hit = table.lower.get(lower_first(key))
    return hit


def find_actors(text: str, lang: str | None, self_code: str | None = None) -> list[ActorMatch]:
    """All state and organisation mentions in one normalised sentence, left to right."""
    if not lang or not text:
        return []
    table = gazetteer.table(lang)
    starts = table.starts
    token = gazetteer.token_pattern(text)
    words = token.findall(text)
    # Most sentences hold no word that may begin a name: one set test, and no offsets to take.
    if starts.keys().isdisjoint(words):
        return []
    # Once a form is found: the pieces of the text, gap and word in turn (word j is parts[2j + 1],
    # from offs[2j] to offs[2j + 1], after the gap parts[2j]), and the words as (start, end, word).
    parts: list[str] = []
    offs: list[int] = []
    toks: list[tuple[int, int, str]] = []
    out: list[ActorMatch] = []
    n = len(words)
    nxt = 0  # the first word not yet read (a match reads several)
    for i in [i for i, w in enumerate(words) if w in starts]:
        if i < nxt:
            continue
        nxt = i + 1
        found = _forms(table, words, i, min(starts[words[i]], n - i))
        if not found:
            continue
        if not parts:
            parts = gazetteer.splitter(token).split(text)
            offs = list(accumulate(map(len, parts)))
        # the longest form whose words stand apart only by what may stand inside a name
        hit, used = None, 0
        for k, h in found:
            if all(GAP.fullmatch(parts[2 * j + 2]) for j in range(i, i + k - 1)):
                hit, used = h, k
                break
        if hit is None:
            continue
        nxt = i + used
        code, how = hit
        start, end = offs[2 * i], offs[2 * (i + used) - 1]
        surface = text[start:end]
        if how == "adjective-linker":
            if end >= len(text) or text[end] not in HYPHENS:
                continue
            how = "adjective"
        if surface in table.stop_initial and _sentence_initial(text, start):
            continue
        if surface in table.person_like:
            toks = toks or _tokens(parts, offs)
            if _beside_capital(text, toks, i, i + used):
                continue
        if how == "self":
            code = self_code or ""
        if code:
            if table.suffixes and text[end : end + 1] == "\u200c":
                toks = toks or _tokens(parts, offs)
                end, how = _suffix(text, end, toks, i + used, table, how)
            out.append(ActorMatch(start, end, code, how))
    if any(m.how == "org-body" for m in out):
        out = _bodies(text, out, toks or _tokens(parts, offs))
    return _groups(out)


def _tokens(parts: list[str], offs: list[int]) -> list[tuple[int, int, str]]:
    """The words of split pieces and their offsets as (start, end, word)."""
    return list(zip(offs[0:-1:2], offs[1::2], parts[1::2], strict=True))


def _forms(table: Table, words: list[str], i: int, most: int) -> list[tuple[int, tuple[str, str]]]:
    """The forms of at most ``most`` words that begin at word ``i``, longest first, with what each is:
    ``_lookup`` of every run of words, read only as far as some form goes on (``Table.heads_*``)."""
    word = words[i]
    key = word
    low = word[:1].lower() + word[1:]  # lower_first: where ``_lookup`` reads ``table.lower``
    hit = table.exact.get(key)
    if hit is None:
        hit = table.lower.get(low)
    found = [(1, hit)] if hit is not None else []
    on_exact, on_lower = key in table.heads_exact, low in table.heads_lower
    k = 1
    while (on_exact or on_lower) and k < most:
        w = words[i + k]
        k += 1
        hit = None
        if on_exact:
            key = key + " " + w
            hit = table.exact.get(key)
            on_exact = key in table.heads_exact
        if on_lower:
            low = low + " " + w
            if hit is None:
                hit = table.lower.get(low)
            on_lower = low in table.heads_lower
        if hit is not None:
            found.append((k, hit))
    return found[::-1]


_STATE = ("name", "adjective", "capital", "group")
#: what may stand between a state and a body it owns: "Russia's Security Council", "Security Council of Russia"
_OWNER_BEFORE = re.compile(r"(?:['’]s)?\s*\Z")
_OWNER_AFTER = re.compile(r"\A\s*(?:of\s+(?:the\s+)?)?\Z")


def _bodies(text: str, found: list[ActorMatch], toks: list) -> list[ActorMatch]:
    """Bodies that states have too ("Security Council", "Совет Безопасности") as their organisation's,
    unless a state owns them: a state (or its adjective) right before or right after ("Russia's
    Security Council", "Совет Безопасности России"), or a capitalised word right before that is
    no name of the organisation ("National Security Council", "Interpol General Assembly")."""
    out = []
    for k, m in enumerate(found):
        if m.how != "org-body":
            out.append(m)
            continue
        prev = found[k - 1] if k else None
        nxt = found[k + 1] if k + 1 < len(found) else None
        if prev is not None and prev.how in _STATE and _OWNER_BEFORE.match(text[prev.end : m.start]):
            continue
        if nxt is not None and nxt.how in _STATE and _OWNER_AFTER.match(text[m.end : nxt.start]):
            continue
        before = [t for t in toks if t[1] <= m.start]
        if before and text[before[-1][1] : m.start].isspace() and before[-1][2][:1].isupper():
            word = before[-1]
            owned = prev is not None and prev.code == m.code and prev.end >= word[1]
            if not owned and not _sentence_initial(text, word[0]):
                continue
        out.append(ActorMatch(m.start, m.end, m.code, "org"))
    return out


def _groups(found: list[ActorMatch]) -> list[ActorMatch]:
    """A group of states named as one ("Weimar Triangle") as one match per state, at the same place."""
    out = []
    for m in found:
        if m.how == "group":
            out += [ActorMatch(m.start, m.end, c, "name") for c in m.code.split(",")]
        else:
            out.append(m)
    return out


def _suffix(text: str, end: int, toks: list, j: int, table: Table, how: str) -> tuple[int, str]:
    """Extend a match over a suffix joined by ZWNJ (Persian نروژ‌ها, نروژی‌ها)."""
    if not table.suffixes or j >= len(toks) or text[end : end + 1] != "\u200c" or toks[j][0] != end + 1:
        return end, how
    shows = table.suffixes.get(toks[j][2])
    if shows is None:
        return end, how
    return toks[j][1], how if shows == "name" else shows


def country_name(code: str, lang: str) -> str | None:
    """Display name of a state or organisation code in a language (CLDR via babel first)."""
    return gazetteer.display_name(code, lang)


#: the languages whose names ``resolve`` knows, most used first
_NAME_LANGS = ("en", "ru", "be", "uk", "pl", "fa")


def resolve(name_or_code: str) -> str:
    """The code of a state or organisation given by code or by name in any of the six languages
    ("BY", "Belarus", "Беларусь", "Norwegia" -> "BY", "BY", "BY", "NO"); ValueError when unknown."""
    text = " ".join(str(name_or_code).split())
    if re.fullmatch(r"[A-Za-z_]{2,}", text) and country_name(text.upper(), "en") is not None:
        return text.upper()
    key = " ".join(gazetteer.tokens(re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)))
    for lang in _NAME_LANGS:
        table = gazetteer.table(lang)
        for k in (key, key[:1].upper() + key[1:]):
            hit = _lookup(table, k)
            if hit is not None and hit[0] and hit[1] in ("name", "org", "capital"):
                return hit[0]
    what = "code" if re.fullmatch(r"[A-Z_]{2,}|[A-Za-z]{2}", text) else "name"
    raise ValueError(f"unknown state or organisation {what} {name_or_code!r} "
                     "(give a name such as Belarus or Беларусь, or a code such as BY, NO, EU)")
