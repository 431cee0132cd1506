"""Mentions and events as PLOVER records (#9): the Open Event Data Alliance's event data
interchange format, one JSON object a line, with the field names of the PLOVER manual's "JSON Data
Fields" chapter.

- ``source`` and ``recipient`` are lists of actor objects. A state's ``code`` is its ISO 3166
  alpha-3 code (historic ones too: ``SUN``, ``YUG``); an organisation's is ``IGO``, as PLOVER's
  non-state actor codes say, with bilat's code in ``identifier_text``. A person acting for a state
  is an actor object of that state with ``actor_text`` (the name as written) and ``office``.
- Kinds without a direction (meetings, agreements) put every party in ``source`` and have no
  ``recipient``: the manual's rule for reciprocal events.
- ``date`` is the first day the record's date covers and ``enddate`` the last, when that is
  another day: a date of year precision ``2019`` is 2019-01-01 to 2019-12-31. PLOVER needs a date,
  so a record whose date has no year is left out (``write`` tells ``on_skip``).
- ``event_text`` is the trigger in the sentence when it can be found again; ``text`` is the
  sentence and ``text_info`` its index and character offsets into the stored document;
  ``cite_info`` names the document, its URL, title, language and publication date.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import cache
from typing import IO, Any

from bilat.citations import Citation, Citations

# PLOVER's quad categories (verbal/material cooperation/conflict).
QUAD = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "DEMAND", "ACCUSE", "REJECT", "SANCTION", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}

# What the kind is about, in PLOVER's context words; kinds that can be about anything have none.
CONTEXT = {
    **dict.fromkeys(("relations_established", "relations_downgraded", "visit", "meeting", "consultations",
                     "phone_call", "credentials", "notes_exchange", "agreement_signed", "conference", "mediation",
                     "praise", "criticism", "membership_applied", "membership_joined", "membership_rejected",
                     "membership_left"), "diplomatic"),
}

# Codes that are states although ISO 3166-1 does not list them (Kosovo's user-assigned code).
EXTRA_ALPHA3 = {"XK": "XKX"}


@cache
def alpha3(code: str) -> str | None:
    """A state's ISO 3166 alpha-3 code for bilat's alpha-2 one (``BY`` → ``BLR``, ``SU`` → ``SUN``), or
    None for an organisation."""
    import pycountry

    if code in EXTRA_ALPHA3:
        return EXTRA_ALPHA3[code]
    if len(code) != 2:
        return None
    found = pycountry.countries.get(alpha_2=code) or pycountry.historic_countries.get(alpha_2=code)
    return found.alpha_3 if found is not None else None


def actor(code: str, people: Iterable[dict[str, Any]] = ()) -> list[dict[str, Any]]:
    """The actor objects of one party: one for each person acting for it, else one for the party."""
    three = alpha3(code)
    base: dict[str, Any] = {"code": three} if three else {"code": "IGO", "identifier_text": code}
    if three:
        base["identifier_text"] = _name(code)
    out = []
    for p in people:
        if p.get("country") == code and p.get("name"):
            obj = {**base, "actor_text": p["name"]}
            if p.get("role"):
                obj["office"] = p["role"]
            out.append(obj)
    return out or [base]


def _name(code: str) -> str:
    from bilat.extract.actors import country_name

    return country_name(code, "en") or code


def sides(record: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Source and recipient actor objects: who acted on whom, or every party as source."""
    people = record.get("people") or []
    src, tgt = record.get("source") or [], record.get("target") or []
    if not (src and tgt):
        src, tgt = record.get("actors") or [], []
    return ([a for c in src for a in actor(c, people)], [a for c in tgt for a in actor(c, people)])


def trigger_text(kind: str, sentence: str, lang: str | None) -> str | None:
    """The words of ``sentence`` that state an event of ``kind``, found again with the lexicon."""
    from bilat.extract.triggers import find_triggers

    low = sentence.lower()
    for t in find_triggers(low, lang):
        if t.kind == kind:
            # lower() keeps most texts' length; where it does not, the lower-cased words are the answer
            return (sentence if len(low) == len(sentence) else low)[t.start:t.end]
    return None


def to_plover(record: dict[str, Any], cite: Citation | None, table: str) -> dict[str, Any] | None:
    """A mention or event as a PLOVER record, or None when its date has no year."""
    from bilat.exports import day_range

    first, last = day_range(record.get("date"), record.get("date_end"))
    if first is None:
        return None
    source, recipient = sides(record)
    kind = record["kind"]
    out: dict[str, Any] = {"id": record["id"], "date": first}
    if last and last != first:
        out["enddate"] = last
    out["source"] = source
    if recipient:
        out["recipient"] = recipient
    out["event"] = record.get("plover") or ""
    mode = record.get("plover_mode", _kind_mode(kind))
    if mode:
        out["mode"] = mode
    if CONTEXT.get(kind):
        out["context"] = CONTEXT[kind]
    if out["event"] in QUAD:
        out["quad_code"] = QUAD[out["event"]]
    if cite is not None:
        trigger = trigger_text(kind, cite.text, cite.lang)
        if trigger:
            out["event_text"] = trigger
        out["text"] = cite.text
        out["text_info"] = {"sequence": cite.sentence, "start": cite.start, "end": cite.end}
        out["cite_info"] = {k: v for k, v in (
            ("corpus", "bilat"), ("citation", cite.doc), ("url", cite.url), ("title", cite.title),
            ("language", cite.lang), ("date", cite.published)) if v is not None}
    if record.get("location"):
        loc = record["location"]
        out["event_loc"] = {k: v for k, v in (("name", loc.get("name")), ("cc3", alpha3(loc.get("country") or "")))
                            if v}
    if table == "events":
        out["mentions"] = list(record.get("mentions") or [])
        out["languages"] = list(record.get("languages") or [])
    out["bilat_kind"] = kind
    out["cameo"] = record.get("cameo")
    out["confidence"] = record.get("confidence")
    out["coder"] = _coder()
    return out


def _kind_mode(kind: str) -> str | None:
    from bilat.extract.kinds import KINDS

    k = KINDS.get(kind)
    return k.plover_mode if k else None


@cache
def _coder() -> str:
    import bilat

    return f"bilat {bilat.__version__}"


def write(table: str, records: Iterable[dict[str, Any]], f: IO[str], citations: Citations | None = None,
          on_skip: Callable[[dict[str, Any]], None] | None = None) -> int:
    """Write ``records`` (mentions or events) to ``f`` as PLOVER JSON Lines; return how many were written."""
    if table not in ("mentions", "events"):
        raise ValueError(f"PLOVER records events, not {table} (export mentions or events)")
    cites = citations or Citations()
    n = 0
    for r in records:
        rec = to_plover(r, cites.first(r), table)
        if rec is None:
            if on_skip is not None:
                on_skip(r)
            continue
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n
