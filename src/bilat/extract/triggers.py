"""Event triggers: the words that state an event, found with each language's ``events.toml``.

A trigger is dropped when an ``exclude`` pattern of its kind overlaps it, or when a modality
word (negation, future, plan, wish) stands just before or after it: only what the text states
as having happened is an event (SCHEMA.md, "What counts as an event mention").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import product
from pathlib import Path
from typing import Any

try:
    import re._constants as _sc
    import re._parser as _sp
except ImportError:  # Python < 3.11
    import sre_constants as _sc  # type: ignore[no-redef]
    import sre_parse as _sp  # type: ignore[no-redef]

from bilat import lang as langdata
from bilat.extract import table_cache
from bilat.extract.kinds import KINDS
from bilat.extract.trie import trie

_WORDS = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word or phrase that states an event of ``kind`` at ``start:end`` of the sentence."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's compiled trigger, exclusion, modality and role patterns."""

    triggers: dict[str, re.Pattern[str]]
    exclude: dict[str, re.Pattern[str]]
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    window: int
    window_after: int
    roles: dict[str, re.Pattern[str]]
    role_words: dict[str, tuple[str, ...]]
    clause_break: re.Pattern[str]
    code: str = ""
    # The prefilter over trigger kinds and exclusions ("!" + kind): which can match a sentence.
    screen: Screen | None = None
    rank: dict[str, int] = field(default_factory=dict)  # each trigger kind's place in ``triggers``

# --- Prefilter: the literals a pattern's matches must contain -------------------------------
# Walks the parsed regex (``re._parser``). For a sequence, every item must match, so the best
# clause of any one item (or of a run of fixed-string items, joined) serves; for an alternation,
# each branch needs its own clause and the union serves. Anything not understood gives up (None).
# ``_START`` in a string marks a word start, from ``(?<!\w)``: it lets a sentence be screened by
# the first three letters of its words instead of a substring search for every literal.

_CAP = 64  # the most strings a fixed-string run or a clause may hold
_START = "\x00"
_ZERO_WIDTH = (_sc.AT, _sc.ASSERT, _sc.ASSERT_NOT)
_REPEATS = (_sc.MAX_REPEAT, _sc.MIN_REPEAT, _sc.POSSESSIVE_REPEAT)
_WORD = re.compile(r"\w+")
_WORD3 = re.compile(r"(\w{3})\w*")  # a word's first three letters: a match starts only where a word does
_GATED = 6  # a word start with more literals than this gets a gate pattern (``Screen.gates``)
_ODD_FLAGS = re.IGNORECASE | re.ASCII | re.LOCALE  # literals or \w would not mean what they say
_Node = tuple[Any, Any]
_Set = frozenset[str]


def _join(a: _Set, b: _Set) -> _Set | None:
    out = frozenset(x + y for x in a for y in b)
    return out if len(out) <= _CAP else None


def _fixed(items: list[_Node]) -> _Set | None:
    """Every string the sequence can match, when that is a short list; else None."""
    out: _Set | None = frozenset({""})
    for op, av in items:
        e = _fixed_node(op, av)
        if e is None or out is None:
            return None
        out = _join(out, e)
    return out


def _fixed_node(op: Any, av: Any) -> _Set | None:
    if op is _sc.LITERAL:
        return frozenset({chr(av)})
    if op is _sc.ASSERT_NOT and av[0] == -1 and list(av[1]) == [(_sc.IN, [(_sc.CATEGORY, _sc.CATEGORY_WORD)])]:
        return frozenset({_START})  # (?<!\w)
    if op in _ZERO_WIDTH:
        return frozenset({""})  # consumes nothing: the strings on either side stay adjacent
    if op is _sc.IN:
        ok = len(av) <= 8 and all(o is _sc.LITERAL for o, _ in av)
        return frozenset(chr(c) for _, c in av) if ok else None
    if op is _sc.SUBPATTERN:
        return None if av[1] & _ODD_FLAGS else _fixed(list(av[3]))
    if op is _sc.ATOMIC_GROUP:
        return _fixed(list(av))
    if op is _sc.BRANCH:
        return _union(av[1], _fixed, _CAP)
    if op in _REPEATS and av[1] <= 2:
        e = _fixed(list(av[2]))
        if e is None:
            return None
        out = {"".join(c) for n in range(av[0], av[1] + 1) for c in product(e, repeat=n)}
        return frozenset(out) if len(out) <= _CAP else None
    return None


def _score(a: _Set | None) -> tuple[bool, int, int] | None:
    """How good a clause is: every string screenable by a word start, its shortest literal, fewer
    strings; None for no clause at all."""
    if not a:
        return None
    shortest = min(len(x.replace(_START, "")) for x in a)
    return (all(map(_word_key, a)), shortest, -len(a)) if shortest else None


def _better(a: _Set | None, b: _Set | None) -> _Set | None:
    """The better clause (``_score``)."""
    sa, sb = _score(a), _score(b)
    if sa is None:
        return b if sb is not None else None
    return a if sb is None or sa >= sb else b


def _needs(items: list[_Node], head: _Set = frozenset({""})) -> _Set | None:
    """A clause for a sequence: strings one of which any match contains; None if unknown.
    ``head``: what stands right before the sequence, joined to its first fixed strings."""
    best: _Set | None = None
    run = head
    for op, av in items:
        e = _fixed_node(op, av)
        joined = _join(run, e) if e is not None else None
        if joined is not None:
            run = joined
            continue
        best = _better(best, run)
        if e is None:
            best = _better(best, _needs_node(op, av, run))
        run = e if e is not None else frozenset({""})
    return _better(best, run)


def _needs_node(op: Any, av: Any, head: _Set) -> _Set | None:
    if op is _sc.SUBPATTERN:
        return None if av[1] & _ODD_FLAGS else _needs(list(av[3]), head)
    if op is _sc.ATOMIC_GROUP:
        return _needs(list(av), head)
    if op in _REPEATS:
        return _needs(list(av[2]), head) if av[0] >= 1 else None
    if op is _sc.BRANCH:
        out: set[str] = set()
        for b in av[1]:
            e = _needs(list(b), head)
            if _score(e) is None:
                return None
            out |= e  # type: ignore[arg-type]
        return frozenset(out) if len(out) <= 4 * _CAP else None
    return None


def _clause(rx: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings (with ``_START`` marks) one of which every match of ``rx`` contains, none
    containing another; None when the pattern is not understood and must always run."""
    if rx.flags & _ODD_FLAGS:
        return None
    try:
        clause = _needs(list(_sp.parse(rx.pattern, rx.flags)))
    except Exception:  # an internal parser we cannot follow: give up, never guess
        return None
    if _score(clause) is None:
        return None
    kept: list[str] = []
    for x in sorted(clause, key=lambda x: (len(x), x)):  # type: ignore[arg-type]
        if not any(k in x or (_START not in k and k in x.replace(_START, "")) for k in kept):
            kept.append(x)  # "визит" already covers "визита"
    return tuple(kept)


def required_literals(rx: re.Pattern[str]) -> tuple[str, ...] | None:
    """Substrings one of which every match of ``rx`` contains, or None when it cannot be told."""
    clause = _clause(rx)
    return None if clause is None else tuple(dict.fromkeys(x.replace(_START, "") for x in clause))


def first_chars(rx: re.Pattern[str]) -> frozenset[str] | None:
    """The characters a match of ``rx`` can start with, or None when that cannot be told (a class,
    a flag, a match that may be empty): ``(?=[…])`` before the pattern then changes no match and
    spares trying each of a long alternation's branches at every other position."""
    if rx.flags & _ODD_FLAGS:
        return None
    try:
        return _first(list(_sp.parse(rx.pattern, rx.flags)))
    except Exception:  # an internal parser we cannot follow
        return None


def _first(items: list[_Node]) -> frozenset[str] | None:
    for op, av in items:
        if op is _sc.AT or (op in (_sc.ASSERT, _sc.ASSERT_NOT)):
            continue  # zero width
        if op is _sc.LITERAL:
            return frozenset(chr(av))
        if op is _sc.IN and all(o is _sc.LITERAL for o, _ in av):
            return frozenset(chr(v) for _, v in av)
        if op is _sc.SUBPATTERN and not av[1] & _ODD_FLAGS:
            return _first(list(av[3]))
        if op in _REPEATS and av[0] >= 1:
            return _first(list(av[2]))
        if op is _sc.BRANCH:
            return _union(av[1], _first)
        return None
    return None  # only zero-width items: an empty match


def _union(branches: list[Any], part: Any, cap: int | None = None) -> frozenset[str] | None:
    """What ``part`` gives each branch, together; None when it gives one None, or more than ``cap``."""
    out: set[str] = set()
    for b in branches:
        e = part(list(b))
        if e is None:
            return None
        out |= e
    return frozenset(out) if cap is None or len(out) <= cap else None


def screened(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled, with a look-ahead for the characters its matches start with (``first_chars``)."""
    rx = re.compile(pattern)
    first = first_chars(rx)
    return re.compile(f"(?=[{''.join(map(re.escape, sorted(first)))}])(?:{pattern})") if first else rx


def _word_key(marked: str) -> str | None:
    """The first three letters of a word the literal starts (after a ``_START`` mark or a
    non-word character), or None: any sentence holding the literal has a word beginning so.
    (``_WORD`` is the same ``\\w`` as the patterns': a sentence's words are cut at the same places.)"""
    plain, starts, prev_word = "", set(), True
    for ch in marked:
        if ch == _START:
            starts.add(len(plain))
            continue
        if not prev_word:
            starts.add(len(plain))
        prev_word = bool(_WORD.fullmatch(ch))
        plain += ch
    # The longest word serves best: short ones ("the", "with") begin too many words.
    words = [m.group() for i in starts if (m := _WORD.match(plain, i)) and len(m.group()) >= 3]
    return max(words, key=len)[:3] if words else None


@dataclass(frozen=True, slots=True)
class Screen:
    """Which patterns can match a sentence, from literals their matches need (``_clause``)."""

    always: frozenset[str]  # patterns not analysed: always run
    keyed: dict[str, tuple[tuple[str, frozenset[str]], ...]]  # word start -> (literal, patterns)
    unkeyed: tuple[tuple[str, frozenset[str]], ...]
    keys: frozenset[str]
    # Worked out from the above, not stored: for the unkeyed literals ("") and each word start with
    # many, one pattern that tells in one pass whether any of them stands in a sentence (mostly none).
    gates: dict[str, re.Pattern[str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        lists = {"": self.unkeyed} | {k: v for k, v in self.keyed.items() if len(v) > _GATED}
        object.__setattr__(self, "gates", {k: re.compile(trie(lit for lit, _ in v)) for k, v in lists.items() if v})

    @classmethod
    def build(cls, patterns: dict[str, re.Pattern[str]]) -> Screen:
        always, by_lit = set(), {}
        for name, rx in patterns.items():
            clause = _clause(rx)
            if clause is None:
                always.add(name)
            for x in clause or ():
                by_lit.setdefault(x, set()).add(name)
        keyed: dict[str, list[tuple[str, frozenset[str]]]] = {}
        unkeyed = []
        for x, names in by_lit.items():
            item = (x.replace(_START, ""), frozenset(names))
            key = _word_key(x)
            keyed.setdefault(key, []).append(item) if key else unkeyed.append(item)
        return cls(frozenset(always), {k: tuple(v) for k, v in keyed.items()}, tuple(unkeyed), frozenset(keyed))

    def candidates(self, low: str) -> set[str]:
        """The patterns that may match ``low``: the others surely don't."""
        out = set(self.always)
        gates = self.gates
        if "" in gates and gates[""].search(low):
            for lit, names in self.unkeyed:
                if lit in low:
                    out |= names
        # the first three letters of each word of three or more (shorter ones are no key)
        for key in self.keys.intersection(_WORD3.findall(low)):
            gate = gates.get(key)
            if gate is not None and not gate.search(low):
                continue
            for lit, names in self.keyed[key]:
                if lit in low:
                    out |= names
        return out


def _alternation(patterns: list[str], edge: bool = True) -> re.Pattern[str] | None:
    if not patterns:
        return None
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(f"(?<!\\w)(?:{body})" + ("(?!\\w)" if edge else ""))


@cache
def lexicon(code: str | None) -> Lexicon | None:
    """The compiled lexicon of a language, or None when it has no ``events.toml``."""
    if not code:
        return None
    data = langdata.toml(code, "events.toml")
    if not data:
        return None
    unknown = set(data.get("triggers", {})) - set(KINDS)
    if unknown:
        raise ValueError(f"lang/{code}/events.toml: unknown event kinds {sorted(unknown)}")
    triggers = {k: rx for k, v in data.get("triggers", {}).items() if (rx := _alternation(v, edge=False))}
    exclude = {k: rx for k, v in data.get("exclude", {}).items() if (rx := _alternation(v, edge=False))}
    mod = data.get("modality", {})
    roles = data.get("roles", {})
    return Lexicon(
        triggers=triggers,
        exclude=exclude,
        before=_alternation(mod.get("before", [])),
        after=_alternation(mod.get("after", [])),
        window=int(mod.get("window", 4)),
        window_after=int(mod.get("window_after", 3)),
        roles={k: rx for k, v in roles.items() if k != "date_list" and (rx := _alternation(v))},
        role_words={k: tuple(v) for k, v in roles.items()},
        clause_break=_clause_break(mod.get("clause_breaks", [])),
        code=code,
        rank={k: i for i, k in enumerate(triggers)},
        # The screen takes longer to work out than the patterns to compile: it is kept on disk.
        screen=table_cache.cached(
            f"screen-{code}", [Path(__file__), langdata.path(code, "events.toml"), code],
            lambda: Screen.build(triggers | {"!" + k: rx for k, rx in exclude.items()}),
            lambda sc: (sc.always, sc.keyed, sc.unkeyed, sc.keys), lambda v: Screen(*v)),  # type: ignore[misc]
    )


def _clause_break(words: list[str]) -> re.Pattern[str]:
    """Semicolons, and ", but" / ", а" with the language's own conjunctions. (Periods inside a
    sentence belong to initials and abbreviations: the segmenter has already cut at real ends.)"""
    if not words:
        return re.compile(r"[;!?؛؟]")
    return re.compile(r"[;!?؛؟]|[,،]\s*(?:" + "|".join(words) + r")(?!\w)")


# The end of a quoted speech: a closing quotation mark before a dash ("'…', – he said"), not the quotes
# around a name («Героям Сталинградской битвы»).
_QUOTE_END = re.compile(r'[»”"],?\s*[–—-]')


def _modal(low: str, t: Trigger, lex: Lexicon) -> bool:
    """Whether a negation / future / plan word stands next to the trigger."""
    if lex.before is not None:
        head = low[max(0, t.start - 120) : t.start]
        # Stop at a clause break: a modality word in the previous clause says nothing of this one.
        head = lex.clause_break.split(head)[-1]
        # Nor does one inside a quotation that ends before it ("'we will not disarm', he said in his speech").
        head = _QUOTE_END.split(head)[-1]
        words = _WORDS.findall(head)[-lex.window :]
        if words and lex.before.search(" ".join(words)):
            return True
    if lex.after is not None:
        tail = low[t.end : t.end + 120]
        tail = lex.clause_break.split(tail)[0]
        words = _WORDS.findall(tail)[: lex.window_after]
        if words and lex.after.search(" ".join(words)):
            return True
    return False


def _matches(low: str, lex: Lexicon) -> list[Trigger]:
    """Every trigger match not vetoed by an exclusion, running only the regexes that can match."""
    if lex.screen is None:
        return _matches_unfiltered(low, lex)
    can = lex.screen.candidates(low)
    if not can:
        return []
    found: list[Trigger] = []
    for kind in sorted(can.intersection(lex.triggers), key=lex.rank.__getitem__):  # in the lexicon's order
        rx = lex.triggers[kind]
        matches = list(rx.finditer(low))
        if not matches:
            continue
        ex = lex.exclude.get(kind)
        vetoes = ([(m.start(), m.end()) for m in ex.finditer(low)]
                  if ex is not None and "!" + kind in can else [])
        for m in matches:
            if not any(s < m.end() and m.start() < e for s, e in vetoes):
                found.append(Trigger(kind, m.start(), m.end()))
    return found


def _matches_unfiltered(low: str, lex: Lexicon) -> list[Trigger]:
    """The same as ``_matches``, running every regex on every sentence (the reference)."""
    found: list[Trigger] = []
    for kind, rx in lex.triggers.items():
        ex = lex.exclude.get(kind)
        vetoes = [(m.start(), m.end()) for m in ex.finditer(low)] if ex is not None else []
        for m in rx.finditer(low):
            if not any(s < m.end() and m.start() < e for s, e in vetoes):
                found.append(Trigger(kind, m.start(), m.end()))
    return found


def find_triggers(low: str, code: str | None, *, prefilter: bool = True) -> list[Trigger]:
    """Event triggers in a lower-cased sentence, left to right; overlapping ones keep the longest.

    ``prefilter`` skips a kind's regex when the sentence lacks every literal its matches need;
    the result is the same either way (False is there for tests and benchmarks)."""
    lex = lexicon(code)
    if lex is None:
        return []
    found = _matches(low, lex) if prefilter else _matches_unfiltered(low, lex)
    found.sort(key=lambda t: (-(t.end - t.start), t.start))
    kept: list[Trigger] = []
    for t in found:
        if all(t.end <= k.start or k.end <= t.start for k in kept):
            kept.append(t)
    return sorted((t for t in kept if not _modal(low, t, lex)), key=lambda t: t.start)
