"""A seeded generator of bad inputs for the fuzz suite (#8): every family a reader must survive.

Each input is a file name (bytes: it may be invalid UTF-8), its content, its family, and the
texts of the good records it holds (a JSON Lines or CSV corpus with one bad record among good
ones), which must be stored whatever the bad record is. Used by ``tests/test_fuzz.py`` and
``bench/bench_fuzz.py``; every text here is written for these tests.
"""

from __future__ import annotations

import csv
import io
import json
import random
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

EXTS = (".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".json", ".jsonl", ".csv", ".tsv")

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_BOMB = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
    + "]>"
)


@dataclass(frozen=True)
class FuzzInput:
    """One generated file: name, bytes, family, and the good record texts it holds."""

    name: bytes
    data: bytes
    family: str
    good_records: tuple[str, ...] = field(default=())


def sentence(rng: random.Random, tag: str) -> str:
    """A short, unique, readable sentence (so that no two good documents share a content hash)."""
    who = rng.choice(["The foreign minister of Norway", "The president of Chile", "The envoy of Ghana"])
    where = rng.choice(["Oslo", "Lima", "Accra", "Hanoi"])
    return f"{who} visited {where} on {rng.randint(1, 28)} May 2021. Record {tag} ends here."


def _docx(document_xml: str | bytes, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>",
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def _docx_text(text: str) -> str:
    return f"<w:document {_W}><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"


def _pdf(text: str) -> bytes:
    """A one-page PDF with a text layer, written by hand (no PDF library needed)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1", "replace")
    objs = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>",
        b"<</Length %d>>stream\n" % len(stream) + stream + b"\nendstream",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj" % i + o + b"endobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def _mangle(rng: random.Random, data: bytes) -> bytes:
    """``data`` truncated, with bytes flipped, or with a slice repeated."""
    how = rng.randrange(3)
    if how == 0:
        return data[: rng.randrange(1, max(2, len(data)))]
    b = bytearray(data)
    if how == 1:
        for _ in range(rng.randint(1, 20)):
            i = rng.randrange(len(b))
            b[i] ^= rng.randrange(1, 256)
        return bytes(b)
    i = rng.randrange(len(b))
    return bytes(b[:i] + b[i : i + 50] * rng.randint(2, 50) + b[i:])


def _jsonl(records: list[str]) -> bytes:
    return ("\n".join(records) + "\n").encode("utf-8", "surrogatepass")


def _rec(text: str, **fields: object) -> str:
    """One JSON Lines record (every line needs an id)."""
    key = zlib.crc32(text.encode("utf-8", "surrogatepass"))
    return json.dumps({"id": f"r{key:08x}", "text": text, **fields})


def _good_rows(rng: random.Random, tag: str, k: int = 2) -> list[str]:
    return [sentence(rng, f"{tag}-{j}") for j in range(k)]


# -- families: each returns (extension, data, good record texts) ------------------------------------


def random_bytes(rng: random.Random, tag: str) -> tuple[str, bytes, list[str]]:
    ext = rng.choice(EXTS)
    head = {".pdf": b"%PDF-1.4\n", ".docx": b"PK\x03\x04"}.get(ext, b"") if rng.random() < 0.5 else b""
    return ext, head + rng.randbytes(rng.randint(1, 4000)), []


def docx_broken(rng: random.Random, tag: str) -> tuple[str, bytes, list[str]]:
    good = _docx(_docx_text(sentence(rng, tag)))
    kind = rng.randrange(5)
    if kind == 0:
        data = _docx(f"<w:document {_W}><w:body><w:p>" + "<w:r>" * rng.randint(1, 5))  # malformed XML
    elif kind == 1:
        data = _docx(f'<?xml version="1.0"?>{_BOMB}' + _docx_text("&lol9;"))  # billion laughs
    elif kind == 2:
        data = bytearray(good)  # a compression method Python cannot read
        for sig in (b"PK\x03\x04", b"PK\x01\x02"):
            at = data.find(sig)
            while at >= 0:
                off = 8 if sig == b"PK\x03\x04" else 10
                data[at + off : at + off + 2] = rng.choice([99, 14, 98]).to_bytes(2, "little")
                at = data.find(sig, at + 4)
        data = bytes(data)
    elif kind == 3:
        data = _docx(_docx_text(sentence(rng, tag)), zipfile.ZIP_STORED)[:-rng.randint(1, 200)]
    else:
        data = _mangle(rng, good)
    return ".docx", data, []


def pdf_broken(rng: random.Random, tag: str) -> tuple[str, bytes, list[str]]:
    good = _pdf(sentence(rng, tag))
    if rng.random() < 0.2:
        return ".pdf", good.replace(b"/Root 1 0 R", b"/Root 9 0 R"), []
    return ".pdf", _mangle(rng, good), []


def html_hostile(rng: random.Random, tag: str) -> tuple[str, bytes, list[str]]:
    kind = rng.randrange(4)
    if kind == 0:
        html = f"{_BOMB}<html><body><p>&lol9; {sentence(rng, tag)}</p></body></html>"
    elif kind == 1:
        html = "<div>" * rng.randint(500, 5000) + sentence(rng, tag)
    elif kind == 2:
        html = "<html><body><p>" + sentence(rng, tag) + "<script>" + "<" * rng.randint(1, 3000)
    else:
        html = "".join(rng.choice(["<p>", "</p>", "<!--", "-->", "<![CDATA[", "&#x110000;", "&#0;", "<a href='",
                                   "\x00", "<svg><![CDATA[", "word "]) for _ in range(rng.randint(1, 400)))
    return rng.choice([".html", ".htm"]), html.encode("utf-8", "replace"), []


def json_nested(rng: random.Random, tag: str) -> tuple[str, bytes, list[str]]:
    depth = rng.randint(2_000, 200_000)
    return ".json", (b"[" * depth + b"]" * depth if rng.random() < 0.5 else b'{"a":' * depth + b"1" + b"}" * depth), []


def jsonl_nested(rng: random.Random, tag: str) -> tuple[str, bytes, list[str]]:
    good = _good_rows(rng, tag)
    depth = rng.randint(2_000, 100_000)
    bad = '{"id": "deep", "text": ' + "[" * depth + "]" * depth + "}"
    return ".jsonl", _jsonl([_rec(good[0]), bad, _rec(good[1])]), good


def jsonl_bad(rng: random.Random, tag: str) -> tuple[str, bytes, list[str]]:
    """Records that are not documents at all: each gives its own failure line, the good ones are kept."""
    good = _good_rows(rng, tag)
    bad = rng.choice([
        "not json", "[1, 2]", "null", "42", '"a string"', '{"text": ""}', '{"text": null}', '{"text": 5}',
        '{"id": "x", "title": "no text"}', '{"id": 5, "text": "an id that is a number"}',
        "{", '{"text": "unterminated', "\x00\x01", '{"text": "a"} trailing',
    ])
    return ".jsonl", _jsonl([_rec(good[0]), bad, _rec(good[1])]), good


def jsonl_types(rng: random.Random, tag: str) -> tuple[str, bytes, list[str]]:
    """Fields of mixed types across lines, and a lone surrogate in the text."""
    good = _good_rows(rng, tag)
    odd = rng.choice([{"title": ["a", "list"]}, {"title": {"a": 1}}, {"title": 7}, {"text": good[1] + "\ud800"}])
    second = _rec(**{"text": good[1], **odd})
    return ".jsonl", _jsonl([_rec(good[0], title="A title"), second]), good


def jsonl_meta(rng: random.Random, tag: str) -> tuple[str, bytes, list[str]]:
    """Bad metadata beside good text: the text must be kept (the field dropped)."""
    good = _good_rows(rng, tag)
    meta = rng.choice([{"date": "2021-13-45"}, {"date": "2021-02-30"}, {"lang": 7}, {"url": 5}, {"date": 20210101}])
    return ".jsonl", _jsonl([_rec(good[0]), _rec(good[1], **meta)]), good


def csv_quoting(rng: random.Random, tag: str) -> tuple[str, bytes, list[str]]:
    ext = rng.choice([".csv", ".tsv"])
    sep = "\t" if ext == ".tsv" else ","
    kind = rng.randrange(5)
    text = sentence(rng, tag)
    if kind == 0:
        body = f'title{sep}text\nA{sep}"{text}\nB{sep}unterminated'
    elif kind == 1:
        body = f"title{sep}text\nA{sep}{text}\rmore\nB{sep}x"
    elif kind == 2:
        body = f"title{sep}text\nA{sep}{text}{sep}extra{sep}cols\n{sep}\n\x00{sep}\x00"
    elif kind == 3:
        body = f"nothing{sep}useful\n1{sep}2\n"
    else:
        out = io.StringIO()
        w = csv.writer(out, delimiter=sep)
        w.writerow(["title", "text"])
        for _ in range(rng.randint(1, 5)):
            w.writerow(['"' * rng.randint(0, 3), rng.choice([text, '"""', "", "\r\n", sep * 5])])
        body = out.getvalue()
    return ext, body.encode(), []


def odd_encoding(rng: random.Random, tag: str) -> tuple[str, bytes, list[str]]:
    text = sentence(rng, tag) + " Україна і Польща. Ελλάδα."
    enc = rng.choice(["utf-16-le", "utf-16-be", "utf-32-le", "latin-1", "mixed", "cp1251", "bom-lie"])
    if enc == "mixed":
        data = text.encode("utf-8") + "Мінск".encode("cp1251") + text.encode("utf-16-le")
    elif enc == "bom-lie":
        data = b"\xff\xfe" + text.encode("utf-8") + b"\x00"
    else:
        data = text.encode(enc, "replace")
    return rng.choice([".txt", ".md", ".html", ".csv", ".json", ".jsonl"]), data, []


FAMILIES: dict[str, Callable[[random.Random, str], tuple[str, bytes, list[str]]]] = {
    f.__name__: f
    for f in (random_bytes, docx_broken, pdf_broken, html_hostile, json_nested, jsonl_nested, jsonl_bad,
              jsonl_types, jsonl_meta, csv_quoting, odd_encoding)
}


def _name(rng: random.Random, i: int, ext: str) -> bytes:
    """A file name: mostly plain, sometimes with invalid UTF-8 bytes, spaces or odd characters."""
    base = f"fuzz{i:05d}".encode()
    odd = rng.random()
    if odd < 0.1:
        base += rng.choice([b"\xff", b"\xfe\xfd", b"\xc3", b"\xed\xa0\x80", b"new\nline", b"tab\tcr\r"])
    elif odd < 0.15:
        base += rng.choice([" with space", "-Україна", "\u202e", "ü"]).encode()
    return base + ext.encode()


def generate(seed: int, n: int, families: list[str] | None = None) -> Iterator[FuzzInput]:
    """``n`` inputs from ``seed``, cycling through the families (all, or those named)."""
    rng = random.Random(seed)
    names = families or list(FAMILIES)
    for i in range(n):
        family = names[i % len(names)]
        ext, data, good = FAMILIES[family](rng, f"{seed}-{i}")
        yield FuzzInput(_name(rng, i, ext), data, family, tuple(good))


@dataclass
class Tally:
    """What a fuzz run found: the counts ``bench_fuzz`` prints and ``test_fuzz`` asserts on."""

    inputs: int = 0
    failures: int = 0
    tracebacks: list[str] = field(default_factory=list)  # uncaught exceptions out of ingest
    lost_good: list[str] = field(default_factory=list)  # good files or good records not stored
    lost_records: dict[str, int] = field(default_factory=dict)  # per family: good records in bad files lost
    bad_lines: list[str] = field(default_factory=list)  # failures that are not one line naming a fuzz file
    silent: list[str] = field(default_factory=list)  # fuzz files that gave neither a document nor a failure
    chars: int = 0


def ingest_batch(kb: object, inputs: list[FuzzInput], folder: str, tally: Tally, batch: int) -> None:
    """Write ``inputs`` between good files (one before each, one after the last) and ingest them in one call."""
    import os

    from bilat.ingest import doc_name, readable
    from bilat.kb import IngestProgress

    os.makedirs(folder, exist_ok=True)
    base = os.fsencode(folder)
    rng = random.Random(batch)
    paths, good, fuzz = [], {}, {}
    for j in range(len(inputs) + 1):
        g = os.path.join(folder, f"good{batch:04d}_{j:03d}.txt")
        with open(g, "w", encoding="utf-8") as f:
            f.write(sentence(rng, f"good-{batch}-{j}"))
        good[doc_name(g)] = g
        paths.append(g)
        if j < len(inputs):
            p = os.path.join(base, inputs[j].name)
            with open(p, "wb") as f:
                f.write(inputs[j].data)
            name = os.fsdecode(p)
            fuzz[readable(name)] = inputs[j]
            paths.append(name)
    failures = []
    after: dict[str, int] = {}  # documents read once each file was done (the progress callback's last word)

    def progress(p: IngestProgress) -> None:
        after[readable(p.path)] = p.documents

    tally.inputs += len(inputs)
    try:
        report = kb.ingest(paths, on_failure=failures.append, progress=progress)  # type: ignore[attr-defined]
        tally.chars += report.chars
    except Exception as e:  # what the suite exists to find
        import traceback

        tally.tracebacks.append(f"batch {batch}: {type(e).__name__}: {e}\n{traceback.format_exc()}")
    totals = list(after.values())
    read_from = {k: n - (totals[i - 1] if i else 0) for i, (k, n) in enumerate(after.items())}
    tally.failures += len(failures)
    failed_files = set()
    for f in failures:
        line = str(f)
        owner = next((p for p in (f.where, f.where.rsplit(":", 1)[0]) if p in fuzz), None)
        if "\n" in line or "\r" in line or owner is None:
            tally.bad_lines.append(line)
        else:
            failed_files.add(owner)
    docs = list(kb.documents())  # type: ignore[attr-defined]
    stored = {d.source for d in docs} | {d.source.rsplit(":", 1)[0] for d in docs}  # a corpus row: path:line
    texts = "\n".join(d.text for d in docs)
    tally.lost_good += [p for p in good.values() if p not in stored]
    for where, item in fuzz.items():
        lost = [t for t in item.good_records if t not in texts]
        if lost:
            tally.lost_records[item.family] = tally.lost_records.get(item.family, 0) + len(lost)
        if where not in failed_files and not read_from.get(where):
            tally.silent.append(f"{where} ({item.family})")
