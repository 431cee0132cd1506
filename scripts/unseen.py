"""bilat's event mentions on documents of the development set's sources that the set does not hold.

    .venv/bin/python scripts/unseen.py                      # every mention, a line each
    .venv/bin/python scripts/unseen.py --against OLD/src    # only what differs from another checkout
    .venv/bin/python scripts/unseen.py --only kremlin --kinds sanctions praise

Reading these is how to find false events that the development set cannot show, before they reach the
hidden set (the same sources, other documents). The documents are built from ../shared/corpora with
../shared/tools/build_corpus.py (the code the development set is built with), leaving out every
document a manifest in ../shared/gold/dev names (also BSNLP's files and NTREX's documents); without
../shared the script says so and stops.
With ``--against``, the other checkout's ``src`` runs in a child process on the same documents and
only the mentions one side has and the other lacks are printed (``-`` its, ``+`` this checkout's).
It asserts nothing.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# (name, corpus path under ../shared, locator of the manifests that use it, language, documents at most)
SOURCES = [
    ("resistinua", "corpora/Amice13__resistinua/messages{}.js", "js_item", "uk", 400),
    ("korrespondent", "corpora/Compich__Data-Analysis-KPI/ukr_text.csv", "csv_row", "uk", 1100),
    ("kremlin", "corpora/gabrielkmbo__kremlin-scraper/kremlin_articles_ru_enhanced.csv", "csv_row", "ru", 400),
    ("putin", "corpora/PeiYiZhuo__zelenskyy-putin/putin.csv", "csv_row", "en", 150),
    ("zelenskyy", "corpora/PeiYiZhuo__zelenskyy-putin/zelenskyy.csv", "csv_row", "en", 150),
    ("fars", "corpora/language-ml__course-nlp-ir-1-text-exploring/fars-news-5.json", "json_item", "fa", 400),
    ("hamshahri", "corpora/sci2lab__Farsi-datasets/hamshahri.json", "json_item", "fa", 2300),
]


def _manifests() -> tuple[set[str], dict[str, dict]]:
    """The keys of every document the development set holds (a row's key, an aligned document's id, a
    file's path), and a locator per source file."""
    keys: set[str] = set()
    locators: dict[str, dict] = {}
    for f in glob.glob(str(SHARED / "gold" / "dev" / "*.manifest.jsonl")):
        for row in Path(f).read_text(encoding="utf-8").splitlines():
            e = json.loads(row)
            keys |= {str(e["locator"].get("key") or e["locator"].get("id") or e["doc"]), e["source"]}
            locators.setdefault(e["source"], e["locator"])
    return keys, locators


BSNLP = "corpora/UL-FRI-Zitnik__BSNLP-2021-Shared-Task/data/datasets/bsnlp"
NTREX = "corpora/MicrosoftTranslator__NTREX"


def _files(bc: object, keys: set[str]) -> list[dict]:
    """BSNLP's one-document files (uk, ru, pl) and NTREX's aligned documents (be, uk, en) not in the set."""
    out: list[dict] = []
    for path in sorted(glob.glob(str(SHARED / BSNLP / "*" / "raw" / "*" / "*.txt"))):
        rel = str(Path(path).relative_to(SHARED))
        lang = Path(path).parent.name
        if rel in keys or lang not in ("uk", "ru", "pl"):
            continue
        d = bc.extract({"doc": Path(path).stem, "source": rel, "locator": {"type": "bsnlp"}}, str(SHARED))
        out.append({"id": d["id"], "text": d["text"], "date": d["date"], "url": d["url"], "lang": lang,
                    "source": "bsnlp"})
    ids = (SHARED / NTREX / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").split("\n")
    for lang, name in (("be", "newstest2019-ref.bel.txt"), ("uk", "newstest2019-ref.ukr.txt"),
                       ("en", "newstest2019-src.eng.txt")):
        lines = (SHARED / NTREX / name).read_text(encoding="utf-8-sig").split("\n")
        docs: dict[str, list[str]] = {}
        for doc_id, text in zip(ids, lines, strict=False):  # the files end with one empty line or none
            if doc_id.strip() and doc_id.strip() not in keys:
                docs.setdefault(doc_id.strip(), []).append(text)
        out += [{"id": k, "text": "\n".join(v), "date": None, "url": None, "lang": lang, "source": "ntrex"}
                for k, v in docs.items()]
    return out


def documents(only: list[str] | None) -> list[dict]:
    """The unseen documents, as {"id", "text", "date", "url", "lang", "source"}."""
    sys.path.insert(0, str(SHARED / "tools"))
    import build_corpus as bc  # only there when ../shared is

    keys, locators = _manifests()
    out: list[dict] = []
    for name, path, kind, lang, most in SOURCES:
        if only and name not in only:
            continue
        paths = [path.format(i) for i in ("", "-2", "-3")] if "{}" in path else [path]
        rows: list[dict] = []
        for rel in paths:
            loc = locators.get(rel) or locators.get(path.format("")) or next(
                (v for k, v in locators.items() if v["type"] == kind and k.startswith(rel.rsplit("/", 1)[0])), None)
            if loc is None or not (SHARED / rel).exists():
                continue
            items = (bc._js_objects(str(SHARED / rel)) if kind == "js_item" else
                     bc._rows(str(SHARED / rel)) if kind == "csv_row" else bc._json(str(SHARED / rel)))
            for x in items:
                key = str(x.get(loc.get("key_field", "id")) or "")
                if not key or key in keys:
                    continue
                text = bc._join(x, loc["text_fields"])
                date = (x.get(loc.get("date_field") or "") or "")[:10] or None
                url = x.get("url") or x.get("link") or (key if key.startswith("http") else None)
                if text.strip():
                    rows.append({"id": key[-40:], "text": text, "date": date, "url": url, "lang": lang, "source": name})
        random.Random(5).shuffle(rows)
        out += rows[:most]
    return out + [d for d in _files(bc, keys) if not only or d["source"] in only]


def mentions(docs: list[dict], kinds: list[str] | None) -> list[dict]:
    from bilat import pipeline
    from bilat.records import Document

    found = []
    for r in docs:
        p = pipeline.process(Document(name=r["id"], text=r["text"], lang=r["lang"], date=r["date"], url=r["url"]))
        found += [{"source": r["source"], "doc": r["id"], "kind": m.kind, "date": m.date, "actors": list(m.actors),
                   "text": m.evidence.text[:160].replace("\n", " ")} for m in p.mentions
                  if not kinds or m.kind in kinds]
    return found


def line(m: dict) -> str:
    return f"{m['source']:13} {m['kind']:20} {m['date'] or '-':10} {','.join(m['actors']):14} | {m['text']}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--against", type=Path, metavar="SRC", help="another checkout's src folder: print differences")
    ap.add_argument("--only", nargs="+", choices=[*(s[0] for s in SOURCES), "bsnlp", "ntrex"],
                    help="these sources only")
    ap.add_argument("--kinds", nargs="+", help="these kinds only")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:  # run by --against: the documents in, the mentions out
        docs = json.loads(args.child.read_text(encoding="utf-8"))
        print(json.dumps(mentions(docs, args.kinds), ensure_ascii=False))
        return
    if not (SHARED / "gold" / "dev").is_dir():
        print(f"{SHARED} is absent: there are no unseen documents to read here")
        return
    docs = documents(args.only)
    here = mentions(docs, args.kinds)
    print(f"{len(docs)} documents, {len(here)} mentions")
    if not args.against:
        for m in here:
            print(line(m))
        return
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(docs, f, ensure_ascii=False)
    env = {**os.environ, "PYTHONPATH": str(args.against.resolve()), "BILAT_CACHE": "off"}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", f.name,
           *(["--kinds", *args.kinds] if args.kinds else [])]
    theirs = json.loads(subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout)
    os.unlink(f.name)
    a, b = {line(m) for m in theirs}, {line(m) for m in here}
    print(f"{len(theirs)} mentions there; {len(a - b)} only there (-), {len(b - a)} only here (+)")
    for text in sorted(a - b):
        print("-", text)
    for text in sorted(b - a):
        print("+", text)


if __name__ == "__main__":
    main()
