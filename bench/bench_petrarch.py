"""bilat's English event kinds against the PETRARCH-2 gold validation records (CAMEO codes).

    .venv/bin/python bench/bench_petrarch.py            # the summary table
    .venv/bin/python bench/bench_petrarch.py --verbose  # also every sentence where bilat and the gold differ

Reads ``../shared/peers/UniversalPetrarch/PETR2_GSR_validation.xml`` (beside the repository),
runs each ``<Text>`` through bilat as an English document (with the record's date when it has
one), maps each predicted kind to its CAMEO code (``bilat.extract.kinds.KINDS[kind].cameo``) and
compares with the gold ``<EventCoding eventcode=...>`` at the 2-digit CAMEO root, on the
diplomacy roots bilat covers:

    04 consult, 05 diplomatic cooperation, 07 provide aid, 16 reduce relations

A sentence counts for a root when the gold has an event with that root (gold) and when bilat
predicts a kind with that root (predicted); precision / recall / F1 are at sentence level.
The file is a loose XML (comment banners, self-closing ``<Sentence .../>``), so it is read with
regular expressions. This is a script, not a test: it prints numbers and never asserts.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "peers" / "UniversalPetrarch" / "PETR2_GSR_validation.xml"
ROOTS = {"04": "consult", "05": "diplomatic cooperation", "07": "provide aid", "16": "reduce relations"}

_SENTENCE = re.compile(r"<Sentence\b([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_CODING = re.compile(r"<EventCoding\b([^>]*)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)


@dataclass
class Record:
    """One validation sentence with its gold CAMEO event codes."""

    id: str
    date: str | None
    text: str
    gold: list[str] = field(default_factory=list)  # event codes
    predicted: list[tuple[str, str]] = field(default_factory=list)  # (kind, cameo)


def _date(raw: str | None) -> str | None:
    if raw and re.fullmatch(r"(19|20)\d{6}", raw):
        return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    return None


def read_records(path: Path) -> list[Record]:
    """The sentences of the validation file, each with its text, date and gold event codes."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    starts = [m for m in _SENTENCE.finditer(raw)]
    out: list[Record] = []
    for i, m in enumerate(starts):
        chunk = raw[m.end() : starts[i + 1].start() if i + 1 < len(starts) else len(raw)]
        attrs = dict(_ATTR.findall(m.group(1)))
        text_m = _TEXT.search(chunk)
        if not text_m:
            continue
        text = " ".join(html.unescape(text_m.group(1)).split())
        codes = []
        for c in _CODING.finditer(chunk[: text_m.start()] + chunk[text_m.end() :]):
            ca = dict(_ATTR.findall(c.group(1)))
            if ca.get("eventcode"):
                codes.append(ca["eventcode"])
        out.append(Record(attrs.get("id", f"#{i}"), _date(attrs.get("date")), text, codes))
    return out


def predict(records: list[Record]) -> float:
    """Run bilat on each sentence; return seconds taken."""
    from bilat import pipeline
    from bilat.extract.kinds import KINDS
    from bilat.records import Document

    t0 = time.perf_counter()
    for r in records:
        doc = Document(name=r.id, text=r.text, lang="en", date=r.date)
        r.predicted = [(m.kind, KINDS[m.kind].cameo) for m in pipeline.process(doc).mentions]
    return time.perf_counter() - t0


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=GOLD, help="the PETR2 validation XML")
    ap.add_argument("--verbose", action="store_true", help="print every sentence where bilat and the gold differ")
    args = ap.parse_args()
    if not args.gold.is_file():
        print(f"PETRARCH-2 validation file not found: {args.gold}\n"
              "(it lives in ../shared beside the repository; nothing to compare)")
        return 0
    records = read_records(args.gold)
    secs = predict(records)
    with_gold = sum(1 for r in records if r.gold)
    print(f"PETRARCH-2 validation: {len(records)} sentences ({with_gold} with gold events, "
          f"{sum(len(r.gold) for r in records)} gold codes); bilat took {secs:.2f}s, "
          f"{sum(len(r.predicted) for r in records)} mentions")
    print()
    print(f"{'root':<4} {'meaning':<24} {'gold':>5} {'pred':>5} {'agree':>5} {'prec':>6} {'rec':>6} {'F1':>6}")
    tot_tp = tot_fp = tot_fn = 0
    mismatches: list[str] = []
    for root, name in ROOTS.items():
        tp = fp = fn = 0
        for r in records:
            g = any(c[:2] == root for c in r.gold)
            p = any(c[:2] == root for _, c in r.predicted)
            tp += g and p
            fp += p and not g
            fn += g and not p
            if g != p:
                kinds = [k for k, _ in r.predicted]
                mismatches.append(f"  [{root} {'FP' if p else 'FN'}] {r.id} gold={r.gold} bilat={kinds}"
                                  f"\n      {r.text[:200]}")
        tot_tp, tot_fp, tot_fn = tot_tp + tp, tot_fp + fp, tot_fn + fn
        pr, rc, f1 = _prf(tp, fp, fn)
        print(f"{root:<4} {name:<24} {tp + fn:>5} {tp + fp:>5} {tp:>5} {pr:>6.2f} {rc:>6.2f} {f1:>6.2f}")
    pr, rc, f1 = _prf(tot_tp, tot_fp, tot_fn)
    print(f"{'all':<4} {'(micro, sentence x root)':<24} {tot_tp + tot_fn:>5} {tot_tp + tot_fp:>5} {tot_tp:>5} "
          f"{pr:>6.2f} {rc:>6.2f} {f1:>6.2f}")
    # Outside the four roots: how often bilat predicts a diplomacy event where the gold codes none of them.
    quiet = [r for r in records if not any(c[:2] in ROOTS for c in r.gold)]
    noisy = sum(1 for r in quiet if any(c[:2] in ROOTS for _, c in r.predicted))
    print(f"sentences with no gold 04/05/07/16 event: {len(quiet)}; bilat predicts one of those roots in {noisy}")
    if args.verbose and mismatches:
        print("\ndisagreements:")
        print("\n".join(mismatches))
    return 0


if __name__ == "__main__":
    sys.exit(main())
