"""Canonical people: one entry per person across languages and scripts, with their name variants
and their roles and states over time, from the people that mentions name (#4)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bilat.fuse.names import name_keys, same_person


@dataclass(slots=True)
class CanonicalPerson:
    """A person as all sources together know them."""

    latin: str
    names: list[str] = field(default_factory=list)  # every spelling, in every script
    roles: list[dict[str, Any]] = field(default_factory=list)  # {role, country, first, last, mentions}
    languages: list[str] = field(default_factory=list)
    mentions: int = 0

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"latin": self.latin, "names": self.names, "roles": self.roles, "languages": self.languages,
                "mentions": self.mentions}


def people_index(mentions: Iterable[dict[str, Any]]) -> list[CanonicalPerson]:
    """Canonical people from exported mention dicts, most mentioned first."""
    groups: list[tuple[list[frozenset[str]], list[tuple[dict[str, Any], dict[str, Any]]]]] = []
    for m in mentions:
        for p in m.get("people") or []:
            keys = name_keys(p.get("latin") or p.get("name") or "")
            if not keys:
                continue
            group = next((g for g in groups if any(same_person(keys, k) for k in g[0])), None)
            if group is None:
                group = ([], [])
                groups.append(group)
            group[0].append(keys)
            group[1].append((p, m))
    out = []
    for _, seen in groups:
        latin = Counter(p.get("latin") or p.get("name") for p, _ in seen).most_common(1)[0][0]
        roles: dict[tuple[str | None, str | None], dict[str, Any]] = {}
        for p, m in seen:
            if not (p.get("role") or p.get("country")):
                continue
            r = roles.setdefault((p.get("role"), p.get("country")),
                                 {"role": p.get("role"), "country": p.get("country"), "first": None, "last": None,
                                  "mentions": 0})
            r["mentions"] += 1
            d = m.get("date")
            if d and not d.startswith("--"):
                r["first"] = min(filter(None, [r["first"], d]))
                r["last"] = max(filter(None, [r["last"], d]))
        out.append(CanonicalPerson(
            latin=latin,
            names=sorted({p.get("name") for p, _ in seen if p.get("name")}),
            roles=sorted(roles.values(), key=lambda r: (r["first"] or "", r["role"] or "")),
            languages=sorted({m.get("lang") for _, m in seen if m.get("lang")}),
            mentions=len({m["id"] for _, m in seen}),
        ))
    return sorted(out, key=lambda c: (-c.mentions, c.latin))
