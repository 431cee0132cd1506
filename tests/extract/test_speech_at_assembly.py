"""A speech to an assembly or a conference told in passing is taking part in it; the speaker's state takes
part when the sentence names no state; a negation inside a quotation says nothing of the act after it."""

from __future__ import annotations

import pytest

from conftest import mentions_of


@pytest.mark.parametrize(("text", "lang"), [
    ("In a speech to the General Assembly of the UN, the foreign minister of Chile called the border calm.", "en"),
    ("The foreign minister of Chile told the UN General Assembly that the border was calm.", "en"),
    ("Министр иностранных дел Чили сказал об этом в своём выступлении на Генеральной ассамблее ООН.", "ru"),
    ("Minister spraw zagranicznych Chile powiedział to w przemówieniu na Zgromadzeniu Ogólnym ONZ.", "pl"),
])
def test_a_speech_to_an_assembly_is_taking_part_in_it(text: str, lang: str) -> None:
    ms = [m for m in mentions_of(text, lang, date="2018-09-29") if m.kind == "conference"]
    assert [(m.source, m.target) for m in ms] == [(("CL",), ("UN",))]


@pytest.mark.parametrize(("text", "lang"), [
    ("\"We shall not give up our claim\", Sergei Lavrov said in his address to the UN General Assembly.", "en"),
    ("\"Ми не відмовимося від своєї вимоги\", – заявив Сергій Лавров у виступі на сесії Генеральної асамблеї "
     "ООН.", "uk"),
])
def test_the_speaker_of_a_quotation_takes_part_in_the_assembly(text: str, lang: str) -> None:
    ms = [m for m in mentions_of(text, lang, date="2018-09-29") if m.kind == "conference"]
    assert [(m.source, m.target) for m in ms] == [(("RU",), ("UN",))]


def test_a_leader_at_a_forum_with_no_host_named_is_no_conference() -> None:
    text = "Сергей Лавров принял участие в пленарном заседании Форума будущих технологий."
    assert [m for m in mentions_of(text, "ru", date="2024-02-14") if m.kind == "conference"] == []


def test_a_plan_before_a_quoted_name_stays_a_plan() -> None:
    # the quotes around a name are no end of quoted speech: the plan word before them still counts
    text = ("Программой предусмотрено посещение министрами Чили и Перу мемориала «Памяти героев», а также "
            "их выступления на пленарном заседании форума ООН.")
    assert [m for m in mentions_of(text, "ru", date="2024-02-14") if m.kind == "conference"] == []
