"""Event kinds, the standard codes they map to and their role rules (SCHEMA.md, "Event kinds").

The kinds are data: ``kinds.toml`` beside this file has one table per kind with its PLOVER type and
mode, its CAMEO code and how its roles work (documented at the top of that file). Code looks at a
kind's fields, never at its name.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

ROLES = frozenset({"none", "destination", "sending", "initiator", "host", "member", "subject"})
ORGS = frozenset({"partner", "subject", "member"})
COMPLETE = frozenset({"fill", "initiator", "none"})


@dataclass(frozen=True, slots=True)
class Kind:
    """One event kind with its codes and role rules."""

    name: str
    plover: str
    plover_mode: str | None
    cameo: str
    roles: str = "none"
    bilateral: bool = True  # needs two parties (a partner is looked for in the document when one is missing)
    # Separate acts with several partners are one mention per pair (SCHEMA.md "Separate acts, separate
    # mentions"): credentials from three ambassadors, calls with two presidents, sanctions by three states.
    dyads: bool = False
    # Held in one party's country with the other there: it visited (SCHEMA.md "Implied travel"); two parties only.
    implies: str | None = None
    speaker_visits: str | None = None
    # Talks with the visitor that the next sentence tells ("Обговорили з ним …") are this kind.
    talks: str | None = None
    with_partners: bool = False
    orgs: str = "partner"
    complete: str = "fill"
    needs_both: bool = False
    min_actors: int = 1
    roles_are_actors: bool = False
    place_party: bool = False
    attached: bool = False
    donor: bool = False
    officials: str | None = None
    # Kinds of one family that a document tells undated, of the same day and parties, are one occasion
    family: str | None = None
    # States in the reason after the addressee ("thanked Germany for its help against Russia") are no parties
    reason: bool = False
    # Thanks for a support that was aid ("thanked Romania for its defence support"; ``aid_reason`` role
    # words): the addressee gave the speaker this kind too, earlier
    reason_implies: str | None = None
    # Whether an unnamed actor of the one state named may be the document's own state: the speaker of
    # thanks is, the imposer of "sanctions against Russia" is not said
    self_acts: bool = True

    @property
    def symmetric(self) -> bool:
        """A kind without source and target (meetings, agreements)."""
        return self.roles == "none"


def _load(path: Path) -> dict[str, Kind]:
    with path.open("rb") as f:
        data: dict[str, dict[str, Any]] = tomllib.load(f)
    known = {f.name for f in fields(Kind)} - {"name"}
    out: dict[str, Kind] = {}
    for name, row in data.items():
        unknown = set(row) - known
        if unknown:
            raise ValueError(f"{path.name}: [{name}] has unknown fields {sorted(unknown)}")
        kind = Kind(name=name, plover=row["plover"], plover_mode=row.get("plover_mode"), cameo=row["cameo"],
                    **{k: v for k, v in row.items() if k not in ("plover", "plover_mode", "cameo")})
        if kind.roles not in ROLES or kind.orgs not in ORGS or kind.complete not in COMPLETE:
            raise ValueError(f"{path.name}: [{name}] has an unknown rule")
        out[name] = kind
    for kind in out.values():
        for other in (kind.officials, kind.implies, kind.speaker_visits, kind.reason_implies):
            if other and other not in out:
                raise ValueError(f"{path.name}: [{kind.name}] names an unknown kind {other!r}")
    return out


KINDS: dict[str, Kind] = _load(Path(__file__).with_name("kinds.toml"))
