"""The synthetic corpus of the benchmarks: documents from templates written here in six languages,
streamed to a JSON Lines file, and the /proc helpers that measure the peak RSS of a process tree.

    from synthetic import write_corpus
    docs, nbytes = write_corpus(Path("corpus.jsonl"), docs=10_000)      # 10,000 documents
    docs, nbytes = write_corpus(Path("corpus.jsonl"), mb=5)             # about 5 MB of text

Each document is numbered (its id ``s<n>`` and its first line), so corpora written with different
``start`` numbers share no document. Nothing is held in memory but the document being written.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

# Sentences written for the benchmarks: {a}, {b} states (in the language's case), {d} a day.
TEMPLATES = {
    "en": ["The President of {a} received the Prime Minister of {b} on {d} March 2021.",
           "The foreign ministers of {a} and {b} signed a memorandum on trade on {d} May 2022.",
           "Trade between {a} and {b} grew by {p}% in 2022, to {n} million dollars."],
    "ru": ["Президент {a} провёл переговоры с премьер-министром {b} {d} марта 2021 года.",
           "Товарооборот между странами вырос на {p}% в 2022 году."],
    "uk": ["Міністр закордонних справ {a} зустрівся з послом {b} {d} травня 2022 року.",
           "Сторони підписали угоду про співпрацю."],
    "be": ["Міністр замежных спраў {a} сустрэўся з паслом {b} {d} сакавіка 2021 года.",
           "Бакі абмеркавалі гандаль і інвестыцыі."],
    "pl": ["Prezydent {a} spotkał się z premierem {b} {d} maja 2022 roku.",
           "Obie strony podpisały umowę o współpracy gospodarczej."],
    "fa": ["وزیر امور خارجه {a} روز دوشنبه با سفیر {b} دیدار کرد.",
           "دو طرف درباره همکاری اقتصادی گفتگو کردند."],
}
STATES = {
    "en": ["Norway", "Poland", "Armenia", "Iran", "Kazakhstan", "Germany", "China", "Belarus"],
    "ru": ["Норвегии", "Польши", "Армении", "Ирана", "Казахстана", "Германии", "Китая", "Беларуси"],
    "uk": ["Норвегії", "Польщі", "Вірменії", "Ірану", "Казахстану", "Німеччини", "Китаю", "Білорусі"],
    "be": ["Нарвегіі", "Польшчы", "Арменіі", "Ірана", "Казахстана", "Германіі", "Кітая", "Беларусі"],
    "pl": ["Norwegii", "Polski", "Armenii", "Iranu", "Kazachstanu", "Niemiec", "Chin", "Białorusi"],
    "fa": ["نروژ", "لهستان", "ارمنستان", "ایران", "قزاقستان", "آلمان", "چین", "بلاروس"],
}


def documents(seed: int = 10, start: int = 0) -> Iterator[dict[str, str]]:
    """An endless stream of synthetic documents (``id``, ``text``, ``lang``), numbered from ``start``."""
    rng = random.Random(seed)
    n = start
    while True:
        lang = rng.choice(list(TEMPLATES))
        paras = []
        for _ in range(rng.randint(3, 12)):
            a, b = rng.sample(STATES[lang], 2)
            paras.append(" ".join(rng.choice(TEMPLATES[lang]).format(
                a=a, b=b, d=rng.randint(1, 28), p=rng.randint(2, 40), n=rng.randint(10, 900))
                for _ in range(rng.randint(1, 4))))
        yield {"id": f"s{n}", "text": f"{n}.\n\n" + "\n\n".join(paras), "lang": lang}
        n += 1


def write_corpus(out: Path, mb: float | None = None, docs: int | None = None, seed: int = 10,
                 start: int = 0) -> tuple[int, int]:
    """Write ``docs`` documents, or about ``mb`` MB of text, as JSON Lines; return documents and bytes of text."""
    if (mb is None) == (docs is None):
        raise ValueError("give mb or docs")
    n, nbytes = 0, 0
    with out.open("w", encoding="utf-8") as f:
        for doc in documents(seed, start):
            if (docs is not None and n >= docs) or (mb is not None and nbytes >= mb * 1e6):
                break
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
            nbytes += len(doc["text"].encode())
            n += 1
    return n, nbytes


def descendants(root: int) -> list[int]:
    """Every process below ``root`` (Linux /proc)."""
    parent: dict[int, int] = {}
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                parent[int(p.name)] = int((p / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    out, todo = [], [root]
    while todo:
        up = todo.pop()
        kids = [pid for pid, pp in parent.items() if pp == up]
        out += kids
        todo += kids
    return out


def hwm_kib(pid: int) -> int:
    """A process's peak resident set, in KiB (0 once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


@contextlib.contextmanager
def largest_descendant(match: Callable[[bytes], bool] = lambda cmdline: True) -> Iterator[dict[str, int]]:
    """While the block runs, the largest peak resident set (KiB) of this process's descendants whose
    command line ``match`` accepts, polled every quarter second: ``{"kib": ...}``."""
    peak = {"kib": 0}
    stop = threading.Event()

    def watch() -> None:
        while not stop.wait(0.25):
            for p in descendants(os.getpid()):
                try:
                    if match(Path(f"/proc/{p}/cmdline").read_bytes()):
                        peak["kib"] = max(peak["kib"], hwm_kib(p))
                except OSError:
                    continue

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    try:
        yield peak
    finally:
        stop.set()
        thread.join()


def peak_rss_mib() -> float:
    """This process's peak resident set, in MiB: VmHWM, not ``ru_maxrss``, which a child process keeps
    from its parent across fork and exec (a Python started by a 600 MB benchmark reports 600 MB)."""
    import resource

    return (hwm_kib(os.getpid()) or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) / 1024
