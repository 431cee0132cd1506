"""Imported once by the forkserver before it starts workers: the language model, lexicons and
patterns the pipeline loads lazily are loaded here, so every worker forked from it starts warm."""

from __future__ import annotations

import contextlib

from bilat import pipeline
from bilat.records import Document

# One line per language, written for this purpose.
_TEXTS = (
    "The minister of Norway visited Poland on 3 May 2020 and signed an agreement.",
    "Министр Армении посетил Казахстан 3 мая 2020 года и подписал соглашение.",
    "Міністр Польщі відвідав Україну 3 травня 2020 року і підписав угоду.",
    "Міністр Беларусі наведаў Кітай 3 мая 2020 года і падпісаў пагадненне.",
    "Minister Polski odwiedził Ukrainę 3 maja 2020 roku i podpisał umowę.",
    "وزیر ایران روز دوشنبه از ارمنستان دیدار کرد و توافقنامه امضا کرد.",
)

for _text in _TEXTS:
    with contextlib.suppress(Exception):  # warming is a saving, never a condition
        pipeline.process(Document(name="warm", text=_text))
