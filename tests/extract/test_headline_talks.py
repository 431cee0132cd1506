"""A headline's bare "Russian-Chilean talks" and the body's meeting of the two presidents that day are
one occasion, and the body says what it was: a meeting, not a round of consultations. Every text was
written for these tests."""

from __future__ import annotations

import pytest

from bilat import pipeline
from bilat.records import Document

TEXTS = [
    ("Российско-чилийские переговоры\n\n12 мая 2024 года, Москва, Кремль. "
     "Владимир Путин встретился с Президентом Чили Габриэлем Боричем.", "ru"),
    ("Russian-Chilean talks\n\nMay 12, 2024, The Kremlin, Moscow. "
     "Vladimir Putin met with President of Chile Gabriel Boric.", "en"),
    ("Українсько-чилійські переговори\n\n12 травня 2024 року, Київ. "
     "Президент України зустрівся з Президентом Чилі Габріелем Борічем.", "uk"),
]


@pytest.mark.parametrize(("text", "lang"), TEXTS)
def test_headline_talks_are_the_bodys_meeting(text: str, lang: str) -> None:
    doc = Document(name="t", text=text, lang=lang, date="2024-05-12", url="http://kremlin.ru/events/president/news/1")
    talks = [m for m in pipeline.process(doc).mentions if m.kind in ("meeting", "consultations")]
    assert [(m.kind, m.date) for m in talks] == [("meeting", "2024-05-12")]
    assert "CL" in talks[0].actors
