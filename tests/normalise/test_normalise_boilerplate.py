"""Boilerplate flagging: navigation runs, interlanguage markers, footnote numbers."""

from __future__ import annotations

import pytest

from bilat.normalise.boilerplate import flag


def kinds(text: str, kind: str) -> list[str]:
    return [text[s.start : s.end] for s in flag(text) if s.kind == kind]


NAV_BE = "Аўстрыя • \nБельгія • \nВенгрыя • \nГрэцыя\nДанія • \nІрландыя • \nІталія "
NAV_RU = "Страны\n\nАвстрия · \nБельгия · \nВенгрия"
NAV_EN = "Austria | \nBelgium | \nHungary | \nGreece"


@pytest.mark.parametrize("nav", [NAV_BE, NAV_EN])
def test_boilerplate_navigation_run_is_one_span(nav: str) -> None:
    text = "Міністр наведаў Фінляндыю ў сакавіку 2004 года.\n" + nav + "\nАпошні сказ тэксту тут."
    spans = [s for s in flag(text) if s.kind == "navigation"]
    assert len(spans) == 1
    assert text[spans[0].start : spans[0].end] == nav.strip()


def test_boilerplate_navigation_short_run_after_title() -> None:
    text = NAV_RU
    assert kinds(text, "navigation") == ["Австрия · \nБельгия · \nВенгрия"]


def test_boilerplate_navigation_one_line_bar() -> None:
    text = "Главная | Новости | Министерство | Контакты\nПосол вручил верительные грамоты."
    assert kinds(text, "navigation") == ["Главная | Новости | Министерство | Контакты"]


@pytest.mark.parametrize(
    "text",
    [
        "Министр посетил Норвегию.\nЗатем он отправился в Швецию.\nВизит завершился в пятницу.",
        "Экспорт | 152,0 | 178,0 | 201,3\nИмпорт | 12,0 | 18,0 | 21,3",
        "Беларусь • Норвегия\nПасол уручыў граматы.\nМіністр сустрэўся з калегам.",
        "Короткая строка\nЕщё одна\nИ третья",
    ],
)
def test_boilerplate_prose_is_not_navigation(text: str) -> None:
    assert kinds(text, "navigation") == []


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("абмен нотамі паміж міністэрствамі  (руск.) (бел. 1 .", "(руск.) (бел."),
        ("з Міністрам транспарту Нарвегіі Ёнам Далам  (укр.) (бел..", "(укр.) (бел.."),
        ("дэпутата Сейма Новака  (англ.) (бел. старшыня камісіі", "(англ.) (бел."),
        ("посол Норвегии Ханс Ульсен  (норв.) встретился с министром", "(норв.)"),
    ],
)
def test_boilerplate_interlanguage_marker(text: str, marker: str) -> None:
    assert kinds(text, "interlanguage") == [marker]


@pytest.mark.parametrize(
    "text",
    ["Встреча (4 февраля 2017 г.) прошла в Минске.", "Организация (ООН.) провела", "(англ. Foreign Office)"],
)
def test_boilerplate_no_interlanguage_in_prose(text: str) -> None:
    assert kinds(text, "interlanguage") == []


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("у рамках супрацоўніцтва з Еўрапейскай камісіяй 2 .", ["2"]),
        ("сустрэчы адбыліся ў 2011, 2013 і 2015 4  гадах.", ["4"]),
        ("стороны подписали протокол 12 , который вступил в силу", ["12"]),
    ],
)
def test_boilerplate_footnote_marker(text: str, numbers: list[str]) -> None:
    assert kinds(text, "footnote") == numbers


@pytest.mark.parametrize(
    "text",
    [
        "Товарооборот составил 330,0 млн долларов.",
        "28 января 2020 г. в г.Осло состоялись консультации.",
        "Рост составил 8,1 % по сравнению с 2018 годом.",
        "The delegation of 12 diplomats arrived on 5 May.",
    ],
)
def test_boilerplate_no_footnote_in_numbers(text: str) -> None:
    assert kinds(text, "footnote") == []


def test_see_also_link_lists_are_flagged_up_to_their_last_date() -> None:
    from bilat.normalise.boilerplate import see_also
    from conftest import mentions_of

    text = ("Мы рады гостям. Смотрите также Визит Президента Финляндии 3 мая 2024 года "
            "Пресс-конференция 3 мая 2024 года Отношения развиваются.")
    (span,) = see_also(text)
    assert text[span.start : span.end].endswith("3 мая 2024 года") and text[span.start:].startswith("Смотрите")
    # the link titles state no event of the page
    assert mentions_of(text, "ru", date="2024-05-20", url="http://kremlin.ru/events/1") == []


def test_a_see_also_list_ends_with_its_last_titles_date_not_the_texts_year() -> None:
    from bilat.normalise.boilerplate import see_also

    text = "Смотрите также Пресс-конференция 13 марта 2025 года Отношения установлены в 1985 году."
    (span,) = see_also(text)
    assert text[span.end :].startswith(" Отношения установлены в 1985 году")
