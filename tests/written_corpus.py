"""A written corpus for the engine tests (workers, Ray): the samples, generated documents in several
languages, repeats and one bad file. Sentences written for these tests."""

from __future__ import annotations

import json
import random
from pathlib import Path

from conftest import SAMPLES, TEXTS

# Sentences written for these tests: (language, template) with a state pair, a day and a month.
TEMPLATES = [
    ("en", "The President of {a} met the Prime Minister of {b} in Geneva on {d} March 2021. "
           "The two leaders signed an agreement on trade."),
    ("en", "The foreign minister of {a} visited {b} on {d} May 2022. Trade between the countries grew by 4%."),
    ("ru", "Президент {ra} провёл телефонный разговор с президентом {rb} {d} апреля 2023 года."),
    ("uk", "Міністр закордонних справ {ua} відвідав {ub} {d} червня 2022 року. Сторони підписали угоду."),
]
STATES = [("Norway", "Poland", "Норвегии", "Польши", "Норвегії", "Польщу"),
          ("Armenia", "Iran", "Армении", "Ирана", "Вірменії", "Іран"),
          ("Kazakhstan", "Germany", "Казахстана", "Германии", "Казахстану", "Німеччину")]


def corpus(folder: Path, n: int = 40, seed: int = 10, parquet: int = 0) -> Path:
    """The samples, ``n`` written documents (a JSON Lines file and single files), repeats across
    batches, the same text in two files, and one text that is only control
    characters (a failure). With ``parquet``, that many more written documents in a Parquet file
    (one of them with the text of a JSON Lines line, one without text)."""
    rng = random.Random(seed)
    folder.mkdir()
    for p in SAMPLES.iterdir():
        if p.is_file():
            (folder / p.name).write_bytes(p.read_bytes())
    rows = []
    for i in range(n):
        lang, t = rng.choice(TEMPLATES)
        a, b, ra, rb, ua, ub = rng.choice(STATES)
        rows.append({"id": f"g{i}", "text": f"Report {i}. " + t.format(a=a, b=b, ra=ra, rb=rb, ua=ua, ub=ub,
                                                                          d=rng.randint(1, 28)), "lang": lang})
    rows.append({"id": "again", "text": rows[3]["text"]})  # one text twice: stored once
    (folder / "gen.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                                      encoding="utf-8")
    if parquet:
        import pyarrow as pa
        import pyarrow.parquet as pq

        more = []
        for i in range(parquet):
            lang, t = rng.choice(TEMPLATES)
            a, b, ra, rb, ua, ub = rng.choice(STATES)
            more.append({"doc_id": f"q{i}", "language": lang, "published": f"2023-0{rng.randint(1, 9)}-1{i % 10}",
                         "body": f"Bulletin {i}. " + t.format(a=a, b=b, ra=ra, rb=rb, ua=ua, ub=ub,
                                                             d=rng.randint(1, 28))})
        more += [{"doc_id": "twin", "body": rows[5]["text"], "language": None, "published": None},
                 {"doc_id": "empty", "body": "", "language": None, "published": None}]
        pq.write_table(pa.Table.from_pylist(more), folder / "more.parquet", row_group_size=16)
    for lang, text in TEXTS.items():
        (folder / f"t_{lang}.txt").write_text(text, encoding="utf-8")
    (folder / "t_en_copy.txt").write_text(TEXTS["en"], encoding="utf-8")  # the same text in another file
    (folder / "bad.txt").write_text("\x01\x02\x03", encoding="utf-8")
    return folder
