"""Fusion at scale: synthetic mentions (default 1,000,000) fused into events; time and peak memory.

    .venv/bin/python bench/bench_fuse.py            # 1,000,000 mentions
    .venv/bin/python bench/bench_fuse.py --n 100000

Mentions are spread over 40 states, 20 kinds and 30 years; each real event is told 1–4 times
at different date precisions (day, month, year, day without year), in different languages,
sometimes with a person named, as documents tell them.
"""

from __future__ import annotations

import argparse
import random
import resource
import time

from bilat.extract.kinds import KINDS
from bilat.fuse import fuse
from bilat.records import Evidence, Mention, Person

STATES = ["BY", "NO", "RU", "UA", "PL", "DE", "FR", "GB", "US", "CN", "IR", "AM", "KZ", "IL", "TR", "SE", "FI",
          "DK", "LT", "LV", "EE", "IT", "ES", "JP", "IN", "BR", "EG", "SA", "AE", "CH", "AT", "HU", "CZ", "SK",
          "RO", "BG", "GE", "AZ", "UZ", "MD"]
LANGS = ["be", "ru", "uk", "fa", "en", "pl"]
SURNAMES = ["Makei", "Soreide", "Brende", "Kuleba", "Sikorski", "Zarif", "Lavrov", "Blinken", "Wang", "Baerbock"]


def synthetic(n: int, seed: int = 1) -> list[Mention]:
    """About ``n`` mentions of random real events, each told a few times."""
    rng = random.Random(seed)
    kinds = list(KINDS)
    out: list[Mention] = []
    evidence = Evidence(0, 0, 1, "x")
    while len(out) < n:
        kind = rng.choice(kinds)
        pair = tuple(sorted(rng.sample(STATES, 2)))
        y, mth, d = rng.randint(1995, 2024), rng.randint(1, 12), rng.randint(1, 28)
        person = (Person(rng.choice(SURNAMES), rng.choice(SURNAMES)),) if rng.random() < 0.3 else ()
        for _ in range(rng.randint(1, 4)):
            date = rng.choice([f"{y}-{mth:02d}-{d:02d}", f"{y}-{mth:02d}", f"{y}", f"--{mth:02d}-{d:02d}"])
            i = len(out)
            out.append(Mention(id=f"m:{i}", doc=f"d{rng.randint(0, n // 10)}", lang=rng.choice(LANGS), kind=kind,
                               plover=None, plover_mode=None, cameo=None, date=date, evidence=evidence,
                               actors=pair, people=person))
    return out[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1_000_000)
    a = ap.parse_args()
    t0 = time.perf_counter()
    mentions = synthetic(a.n)
    t1 = time.perf_counter()
    events = fuse(mentions)
    t2 = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"mentions: {len(mentions):,} (made in {t1 - t0:.1f} s)")
    print(f"fusion: {len(events):,} events in {t2 - t1:.1f} s ({len(mentions) / (t2 - t1):,.0f} mentions/s); "
          f"peak RSS {rss:,.0f} MB")


if __name__ == "__main__":
    main()
