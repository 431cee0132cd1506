"""Event kinds and the standard codes they map to (SCHEMA.md, "Event kinds").

Each kind names its PLOVER type and mode, its CAMEO code, and how its roles
work: ``symmetric`` kinds have no source/target; the others say which
participant is the source.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Kind:
    """One event kind with its codes."""

    name: str
    plover: str
    plover_mode: str | None
    cameo: str
    symmetric: bool = False
    bilateral: bool = True  # needs two parties (a partner is looked for in the document when one is missing)
    # Separate acts with several partners are one mention per pair (SCHEMA.md "Separate acts, separate
    # mentions"): credentials from three ambassadors, calls with two presidents, sanctions by three states.
    dyads: bool = False
    # Held in one party's country with the others there: the others visited it (SCHEMA.md "Implied travel").
    implies_visit: bool = False


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("relations_established", "SUPPORT", None, "054", symmetric=True),
        Kind("relations_downgraded", "SANCTION", "withdraw", "161", dyads=True),
        Kind("visit", "CONSULT", "visit", "042", dyads=True),
        Kind("meeting", "CONSULT", None, "040", symmetric=True, implies_visit=True),
        Kind("consultations", "CONSULT", None, "046", symmetric=True, implies_visit=True),
        Kind("phone_call", "CONSULT", "phone", "041", dyads=True),
        Kind("credentials", "SUPPORT", "credentials", "050", dyads=True),
        Kind("notes_exchange", "SUPPORT", None, "050", symmetric=True),
        Kind("agreement_signed", "SUPPORT", None, "057", symmetric=True),
        Kind("conference", "CONSULT", "multilateral", "040", bilateral=False),
        Kind("sanctions", "SANCTION", "discontinue", "163", dyads=True),
        Kind("sanctions_lifted", "CONCEDE", None, "085", dyads=True),
        Kind("mediation", "CONSULT", None, "045", bilateral=False),
        Kind("aid", "AID", None, "070", bilateral=False, dyads=True),
        Kind("praise", "SUPPORT", None, "051", dyads=True),
        Kind("criticism", "ACCUSE", "disapprove", "111", dyads=True),
        Kind("membership_applied", "AGREE", None, "036", bilateral=False, dyads=True),
        Kind("membership_joined", "COOPERATE", None, "06", bilateral=False, dyads=True),
        Kind("membership_rejected", "REJECT", None, "12", bilateral=False, dyads=True),
        Kind("membership_left", "SANCTION", "withdraw", "161", bilateral=False, dyads=True),
    )
}

# Kinds whose actors include organisations as parties (a state and an organisation).
WITH_ORGANISATIONS = frozenset(k for k in KINDS if k.startswith("membership_"))
