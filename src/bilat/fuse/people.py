"""Canonical people: one entry per person across languages and scripts, with their name variants
and their roles and states over time, from the people that mentions name (#4)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from bilat.fuse.names import name_keys, same_person
from bilat.records import CanonicalPerson, Mention, Person, RoleSpan


def people_index(mentions: Iterable[Mention]) -> list[CanonicalPerson]:
    """Canonical people from mentions, most mentioned first."""
    groups: list[tuple[list[frozenset[str]], list[tuple[Person, Mention]]]] = []
    for m in mentions:
        for p in m.people:
            keys = name_keys(p.latin or p.name or "")
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
        latin = Counter(p.latin or p.name for p, _ in seen).most_common(1)[0][0]
        spans: dict[tuple[str | None, str | None], tuple[list[str], int]] = {}
        for p, m in seen:
            if not (p.role or p.country):
                continue
            dates, n = spans.get((p.role, p.country), ([], 0))
            if m.date and not m.date.startswith("--"):
                dates.append(m.date)
            spans[(p.role, p.country)] = (dates, n + 1)
        roles = [RoleSpan(role, country, min(dates, default=None), max(dates, default=None), n)
                 for (role, country), (dates, n) in spans.items()]
        out.append(CanonicalPerson(
            latin=latin,
            names=tuple(sorted({p.name for p, _ in seen if p.name})),
            roles=tuple(sorted(roles, key=lambda r: (r.first or "", r.role or ""))),
            languages=tuple(sorted({m.lang for _, m in seen if m.lang})),
            mentions=len({m.id for _, m in seen}),
        ))
    return sorted(out, key=lambda c: (-c.mentions, c.latin))
