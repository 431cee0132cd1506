"""Event triggers: the words that state an event, found with each language's ``events.toml``.

A trigger is dropped when an ``exclude`` pattern of its kind overlaps it, or when a modality
word (negation, future, plan, wish) stands just before or after it: only what the text states
as having happened is an event (SCHEMA.md, "What counts as an event mention").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bilat import lang as langdata
from bilat.extract.kinds import KINDS

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
    )


def _clause_break(words: list[str]) -> re.Pattern[str]:
    """Semicolons, and ", but" / ", а" with the language's own conjunctions. (Periods inside a
    sentence belong to initials and abbreviations: the segmenter has already cut at real ends.)"""
    if not words:
        return re.compile(r"[;!?؛؟]")
    return re.compile(r"[;!?؛؟]|[,،]\s*(?:" + "|".join(words) + r")(?!\w)")


def _modal(low: str, t: Trigger, lex: Lexicon) -> bool:
    """Whether a negation / future / plan word stands next to the trigger."""
    if lex.before is not None:
        head = low[max(0, t.start - 120) : t.start]
        # Stop at a clause break: a modality word in the previous clause says nothing of this one.
        head = lex.clause_break.split(head)[-1]
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


def find_triggers(low: str, code: str | None) -> list[Trigger]:
    """Event triggers in a lower-cased sentence, left to right; overlapping ones keep the longest."""
    lex = lexicon(code)
    if lex is None:
        return []
    found: list[Trigger] = []
    for kind, rx in lex.triggers.items():
        ex = lex.exclude.get(kind)
        vetoes = [(m.start(), m.end()) for m in ex.finditer(low)] if ex is not None else []
        for m in rx.finditer(low):
            if any(s < m.end() and m.start() < e for s, e in vetoes):
                continue
            found.append(Trigger(kind, m.start(), m.end()))
    found.sort(key=lambda t: (-(t.end - t.start), t.start))
    kept: list[Trigger] = []
    for t in found:
        if all(t.end <= k.start or k.end <= t.start for k in kept):
            kept.append(t)
    return sorted((t for t in kept if not _modal(low, t, lex)), key=lambda t: t.start)
