"""Imported once by the forkserver before it starts workers: the pipeline's modules, the language
model, and the lexicons and patterns of the languages named in ``BILAT_WARM`` (the languages of the
first batches, set by ``bilat.engine.local``) are loaded here, so every worker forked from it
starts with them instead of building them again (about half a second a language, per process)."""

from __future__ import annotations

import contextlib
import gc
import os

from bilat import pipeline
from bilat.normalise import langid
from bilat.records import Document

# One sentence per language, written for this purpose.
TEXTS = {
    "en": "The minister of Norway visited Poland on 3 May 2020 and signed an agreement.",
    "ru": "Министр Армении посетил Казахстан 3 мая 2020 года и подписал соглашение.",
    "uk": "Міністр Польщі відвідав Україну 3 травня 2020 року і підписав угоду.",
    "be": "Міністр Беларусі наведаў Кітай 3 мая 2020 года і падпісаў пагадненне.",
    "pl": "Minister Polski odwiedził Ukrainę 3 maja 2020 roku i podpisał umowę.",
    "fa": "وزیر ایران روز دوشنبه از ارمنستان دیدار کرد و توافقنامه امضا کرد.",
}

with contextlib.suppress(Exception):  # warming is a saving, never a condition
    langid._model()
    for _code in os.environ.get("BILAT_WARM", "").split(","):
        if _code in TEXTS:
            pipeline.process(Document(name="warm", text=TEXTS[_code], lang=_code))

# What was loaded here is kept for the life of every worker: out of the garbage collector's sight, so
# that a worker's collections neither walk those objects again and again nor touch (and so copy) the
# memory pages it shares with the forkserver.
gc.freeze()
