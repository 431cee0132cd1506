"""Records from the SCHEMA.md dicts that bilat stores and exports."""

from __future__ import annotations

from typing import Any

from bilat.records import Conflict, Event, Evidence, Indicator, Location, Mention, Person


def _location(d: dict[str, Any] | None) -> Location | None:
    return Location(d.get("name"), d.get("country")) if d else None


def _people(rows: list[Any] | None) -> tuple[Person, ...]:
    return tuple(
        Person(p.get("name", ""), p.get("latin"), p.get("role"), p.get("country"))
        if isinstance(p, dict) else Person(str(p))
        for p in rows or []
    )


def _evidence(d: dict[str, Any]) -> Evidence:
    return Evidence(d["sentence"], d["start"], d["end"], d["text"])


def mention_from_dict(d: dict[str, Any]) -> Mention:
    """A ``Mention`` from its exported dict."""
    return Mention(
        id=d["id"], doc=d["doc"], lang=d.get("lang"), kind=d["kind"], plover=d.get("plover"),
        plover_mode=d.get("plover_mode"), cameo=d.get("cameo"), date=d.get("date"),
        evidence=_evidence(d["evidence"]), date_end=d.get("date_end"),
        actors=tuple(d.get("actors") or ()), source=tuple(d.get("source") or ()),
        target=tuple(d.get("target") or ()), location=_location(d.get("location")),
        people=_people(d.get("people")), confidence=d.get("confidence", 0.5),
    )


def indicator_from_dict(d: dict[str, Any]) -> Indicator:
    """An ``Indicator`` from its exported dict."""
    return Indicator(
        id=d["id"], doc=d["doc"], lang=d.get("lang"), indicator=d["indicator"], reporter=d.get("reporter"),
        partner=d.get("partner"), period=d.get("period"), value=float(d["value"]), unit=d["unit"],
        evidence=_evidence(d["evidence"]), change_pct=d.get("change_pct"),
    )


def event_from_dict(d: dict[str, Any]) -> Event:
    """An ``Event`` from its exported dict."""
    return Event(
        id=d["id"], kind=d["kind"], plover=d.get("plover"), cameo=d.get("cameo"), date=d.get("date"),
        mentions=tuple(d.get("mentions") or ()), languages=tuple(d.get("languages") or ()),
        date_end=d.get("date_end"), actors=tuple(d.get("actors") or ()), source=tuple(d.get("source") or ()),
        target=tuple(d.get("target") or ()), location=_location(d.get("location")),
        people=_people(d.get("people")),
        conflicts=tuple(Conflict(c["field"], tuple(c["values"]), tuple(c["mentions"]))
                        for c in d.get("conflicts") or ()),
        confidence=d.get("confidence", 0.5),
    )
