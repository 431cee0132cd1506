"""Tests for the people finder: role + state + name, initials, base forms, transliteration."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from bilat.extract import people as people_module
from bilat.extract import translit as translit_module
from bilat.extract.actors import find_actors
from bilat.extract.people import PersonMatch, find_people
from bilat.extract.translit import to_latin


def found(text: str, lang: str) -> list[tuple[str, str | None, str | None]]:
    """(name, role, country) of every person, in order."""
    return [(p.name, p.role, p.country) for p in find_people(text, lang)]


# (lang, sentence, [(base name, role, country), ...]) -- sentences written for these tests
ROLES = [
    # Russian: every case of the role and the name
    ("ru", "Министр иностранных дел Беларуси Макей В.В. прибыл в Берлин.", [("Макей В.В.", "foreign minister", "BY")]),
    (
        "ru",
        "Беседа с Министром иностранных дел Норвегии Б.Бренде прошла в Праге.",
        [("Б.Бренде", "foreign minister", "NO")],
    ),
    (
        "ru",
        "Грамоты были вручены Послом Беларуси Дмитрием Мирончиком весной.",
        [("Дмитрий Мирончик", "ambassador", "BY")],
    ),
    (
        "ru",
        "Во время визита заместителя Министра иностранных дел Республики Беларусь Олега Кравченко подписан план.",
        [("Олег Кравченко", "deputy foreign minister", "BY")],
    ),
    (
        "ru",
        "Министр иностранных дел Российской Федерации Сергей Лавров заявил о готовности.",
        [("Сергей Лавров", "foreign minister", "RU")],
    ),
    ("ru", "Норвежский министр Эспен Барт Эйде прибыл в Минск.", [("Эспен Барт Эйде", "minister", "NO")]),
    (
        "ru",
        "Встреча с Министром транспорта и коммуникаций Норвегии Й.Г. Дале прошла в Осло.",
        [("Й.Г. Дале", "minister of transport", "NO")],
    ),
    ("ru", "Посол Норвегии в Украине Хельге Сюльте вручил копии грамот.", [("Хельге Сюльте", "ambassador", "NO")]),
    (
        "ru",
        "Председатель правительства Михаил Мишустин и Президент США Джо Байден не встречались.",
        [("Михаил Мишустин", "prime minister", None), ("Джо Байден", "president", "US")],
    ),
    (
        "ru",
        "Прошла беседа министров иностранных дел С.В. Лаврова и И.Э. Сорейде.",
        [("С.В. Лавров", "foreign minister", None), ("И.Э. Сорейде", "foreign minister", None)],
    ),
    # Belarusian
    (
        "be",
        "Міністр замежных спраў Беларусі Уладзімір Сянько наведаў Швецыю.",
        [("Уладзімір Сянько", "foreign minister", "BY")],
    ),
    (
        "be",
        "Граматы ўручаны Паслом Беларусі Дзмітрыем Мірончыкам у Стакгольме.",
        [("Дзмітрый Мірончык", "ambassador", "BY")],
    ),
    (
        "be",
        "Адбылася гутарка з Міністрам транспарту і сувязі Нарвегіі Ёнам Георгам Далам.",
        [("Ён Георг Дал", "minister of transport", "NO")],
    ),
    (
        "be",
        "Сустрэча Міністра замежных спраў Беларусі Уладзіміра Макея з Міністрам замежных спраў Нарвегіі Б. Брэндэ.",
        [("Уладзімір Макей", "foreign minister", "BY"), ("Б. Брэндэ", "foreign minister", "NO")],
    ),
    (
        "be",
        "Сустрэчы кіраўнікоў МЗС У. Макея і І. Сарэйдэ адбыліся ў Вене.",
        [("У. Макей", "foreign minister", None), ("І. Сарэйдэ", "foreign minister", None)],
    ),
    ("be", "Пасол Д. Л. Мірончык прыняў удзел у форуме.", [("Д. Л. Мірончык", "ambassador", None)]),
    # Ukrainian
    (
        "uk",
        "Міністр закордонних справ України Дмитро Кулеба провів переговори у Варшаві.",
        [("Дмитро Кулеба", "foreign minister", "UA")],
    ),
    (
        "uk",
        "Зустріч з Міністром закордонних справ Польщі Радославом Сікорським відбулася в Києві.",
        [("Радослав Сікорський", "foreign minister", "PL")],
    ),
    (
        "uk",
        "Заступник міністра закордонних справ України Андрій Сибіга зустрівся з делегацією.",
        [("Андрій Сибіга", "deputy foreign minister", "UA")],
    ),
    (
        "uk",
        "Прем'єр-міністр Норвегії Йонас Гар Стере обговорив допомогу.",
        [("Йонас Гар Стере", "prime minister", "NO")],
    ),
    # English
    (
        "en",
        "President Zelenskyy met Prime Minister Jonas Gahr Støre in Oslo.",
        [("Zelenskyy", "president", None), ("Jonas Gahr Støre", "prime minister", None)],
    ),
    (
        "en",
        "The Minister of Foreign Affairs of Poland Radosław Sikorski visited Kyiv.",
        [("Radosław Sikorski", "foreign minister", "PL")],
    ),
    (
        "en",
        "The Norwegian foreign minister Espen Barth Eide said Norway would help.",
        [("Espen Barth Eide", "foreign minister", "NO")],
    ),
    (
        "en",
        "Norway's Foreign Minister, Espen Barth Eide, arrived in Minsk.",
        [("Espen Barth Eide", "foreign minister", "NO")],
    ),
    (
        "en",
        "Jonas Gahr Støre, the Norwegian Prime Minister, opened the session.",
        [("Jonas Gahr Støre", "prime minister", "NO")],
    ),
    (
        "en",
        "Mr. Holst, the late Norwegian foreign minister, attended the ceremony.",
        [("Holst", "foreign minister", "NO")],
    ),
    (
        "en",
        "Belarusian Minister of Transport Alexei Avramenko visited Bergen.",
        [("Alexei Avramenko", "minister of transport", "BY")],
    ),
    # Polish
    (
        "pl",
        "Minister spraw zagranicznych Norwegii Espen Barth Eide odwiedził Gdańsk.",
        [("Espen Barth Eide", "foreign minister", "NO")],
    ),
    (
        "pl",
        "Rozmowa z ministrem spraw zagranicznych Radosławem Sikorskim odbyła się w Kijowie.",
        [("Radosław Sikorski", "foreign minister", None)],
    ),
    (
        "pl",
        "Białoruski minister spraw zagranicznych Uładzimir Makiej spotkał się z premierem Donaldem Tuskiem.",
        [("Uładzimir Makiej", "foreign minister", "BY"), ("Donald Tusk", "prime minister", None)],
    ),
    ("pl", "Prezydent Ukrainy Wołodymyr Zełenski podpisał deklarację.", [("Wołodymyr Zełenski", "president", "UA")]),
    # Persian
    (
        "fa",
        "وزیر امور خارجه نروژ یان اگلند در تهران با همتای خود دیدار کرد.",
        [("یان اگلند", "foreign minister", "NO")],
    ),
    ("fa", "آقای هولست، وزیر امورخارجه فقید نروژ، در این مراسم حضور داشت.", [("هولست", "foreign minister", "NO")]),
    ("fa", "کلینتون رئیس جمهور اسبق آمریکا از نقش نروژ تشکر کرد.", [("کلینتون", "president", "US")]),
    (
        "fa",
        "نخست وزیر نروژ یوناس گار استوره و وزیر خارجه ایران محمد جواد ظریف گفتگو کردند.",
        [("یوناس گار استوره", "prime minister", "NO"), ("محمد جواد ظریف", "foreign minister", "IR")],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), ROLES, ids=[f"{r[0]}-{i}" for i, r in enumerate(ROLES)])
def test_extract_people_role_state_name(lang: str, text: str, expected: list) -> None:
    assert found(text, lang) == expected


BARE = [
    ("ru", "Встречи глав МИД двух стран В.Макея и И.Э. Сорейде состоялись в Вене.", ["В.Макей", "И.Э. Сорейде"]),
    ("ru", "Макей и Сорейде обсудили вопросы сотрудничества.", ["Макей", "Сорейде"]),
    ("ru", "Путин провёл переговоры в Сочи.", ["Путин"]),
    ("ru", "Сергей Лавров заявил, что Москва готова к диалогу.", ["Сергей Лавров"]),
    (
        "ru",
        "Переговоры Александра Лукашенко и Владимира Путина прошли в Сочи.",
        ["Александра Лукашенко", "Владимира Путина"],
    ),
    ("be", "Сустрэчы У. Макея і І. Сарэйдэ адбыліся ў Вене.", ["У. Макей", "І. Сарэйдэ"]),
    (
        "be",
        "Аляксандр Лукашэнка і Уладзімір Пуцін абмеркавалі супрацоўніцтва.",
        ["Аляксандр Лукашэнка", "Уладзімір Пуцін"],
    ),
    ("uk", "Зеленський провів розмову з делегацією.", ["Зеленський"]),
    ("en", "Putin and Lukashenko discussed the Union State.", ["Putin", "Lukashenko"]),
    ("en", "The talks were chaired by J. F. Kennedy and H. Macmillan.", ["J. F. Kennedy", "H. Macmillan"]),
    ("pl", "Andrzej Duda spotkał się z prezydentem w Kijowie.", ["Andrzej Duda"]),
    ("ru", "Участие в форуме приняли Воронецкий В.И. и депутаты.", ["Воронецкий В.И."]),
    ("ru", "Санкт-Петербург В.Путин провёл совещание.", ["В.Путин"]),
    (
        "en",
        "Ursula von der Leyen and Charles Michel welcomed the decision.",
        ["Ursula von der Leyen", "Charles Michel"],
    ),
]


@pytest.mark.parametrize(("lang", "text", "names"), BARE, ids=[f"{r[0]}-{i}" for i, r in enumerate(BARE)])
def test_extract_people_without_role(lang: str, text: str, names: list[str]) -> None:
    got = find_people(text, lang)
    assert [p.name for p in got] == names
    assert all(p.role is None for p in got)


NEGATIVE = [
    ("ru", "Посол Норвегии в Украине аккредитован по совместительству."),
    ("ru", "Европейский союз и Норвегия подписали соглашение в Брюсселе в январе."),
    (
        "ru",
        "Министерство иностранных дел Беларуси и Министерство иностранных дел Норвегии обменялись нотами.",
    ),
    ("ru", "Москва и Минск договорились о сотрудничестве в марте."),
    ("ru", "Белорусско-норвежский политический диалог поддерживается по линии МИД."),
    ("be", "Беларуска-нарвежскі палітычны дыялог падтрымліваецца па лініі міністэрстваў замежных спраў."),
    ("be", "Адбылася сустрэча ў Жэневе ў лютым."),
    ("uk", "Верховна Рада України ухвалила закон у березні."),
    ("en", "The Munich Security Conference took place in February."),
    ("en", "The United Nations Security Council met on Monday in New York."),
    ("en", "Talks in Oslo, the capital, ended on Friday."),
    ("pl", "Rada Najwyższa Ukrainy przyjęła ustawę w marcu."),
    ("fa", "رئیس جمهور آمریکا دیدار کرد."),
    ("fa", "وزیر امور خارجه اسرائیل در ۲۰ اوت ۱۹۹۳ وارد اسلو شد."),
    ("fa", "وزیر حمل و نقل نروژ به تهران سفر کرد."),
    ("en", "He said the talks were useful."),
    ("en", "Separately, the delegation visited the port."),
    ("ru", "Он заявил, что переговоры были полезными."),
    ("uk", "Вони підписали угоду в Києві."),
]


def test_extract_people_patronymic_surname_first() -> None:
    (p,) = find_people("В совещании участвовал Мишустин Михаил Владимирович.", "ru")
    assert (p.name, p.surname) == ("Мишустин Михаил Владимирович", "Мишустин")


@pytest.mark.parametrize(("lang", "text"), NEGATIVE, ids=[f"{r[0]}-{i}" for i, r in enumerate(NEGATIVE)])
def test_extract_people_negative(lang: str, text: str) -> None:
    assert find_people(text, lang) == []


LATIN = [
    ("ru", "Министр иностранных дел Беларуси Макей В.В. прибыл.", "Makei V.V.", "Макей"),
    ("ru", "Грамоты вручены Послом Беларуси Дмитрием Мирончиком.", "Dmitry Mironchik", "Мирончик"),
    ("ru", "Министр иностранных дел Беларуси Сенько В.Л. посетил Вену.", "Senko V.L.", "Сенько"),
    ("be", "Міністр замежных спраў Беларусі Уладзімір Сянько наведаў Вену.", "Uladzimir Sianko", "Сянько"),
    ("be", "Граматы ўручаны Паслом Беларусі Дзмітрыем Мірончыкам.", "Dzmitry Mironchyk", "Мірончык"),
    ("uk", "Міністр закордонних справ України Дмитро Кулеба провів переговори.", "Dmytro Kuleba", "Кулеба"),
    ("pl", "Minister spraw zagranicznych Polski Radosław Sikorski odwiedził Kijów.", "Radoslaw Sikorski", "Sikorski"),
    ("en", "Prime Minister Jonas Gahr Støre spoke.", "Jonas Gahr Store", "Støre"),
    ("fa", "آقای هولست، وزیر امورخارجه فقید نروژ، حضور داشت.", "Holst", "هولست"),
]


@pytest.mark.parametrize(("lang", "text", "latin", "surname"), LATIN, ids=[f"{r[0]}-{i}" for i, r in enumerate(LATIN)])
def test_extract_people_latin_and_surname(lang: str, text: str, latin: str, surname: str) -> None:
    person = find_people(text, lang)[0]
    assert (person.latin, person.surname) == (latin, surname)
    assert person.latin.isascii()


SURNAMES = [
    ("ru", "Встреча с Послом Беларуси Макеем состоялась.", "Макей"),
    ("ru", "Визит заместителя министра иностранных дел Беларуси Кравченко завершён.", "Кравченко"),
    ("ru", "Встреча с министром иностранных дел Норвегии Сорейде прошла в Осло.", "Сорейде"),
    ("ru", "Беседа с Президентом Польши Анджеем Дудой прошла в Варшаве.", "Дуда"),
    ("ru", "Встреча с Послом Польши Сикорским прошла в Минске.", "Сикорский"),
    ("be", "Візіт Міністра замежных спраў Беларусі Макея завяршыўся.", "Макей"),
    ("be", "Сустрэча з Міністрам замежных спраў Нарвегіі Сарэйдэ прайшла ў Осла.", "Сарэйдэ"),
    ("uk", "Зустріч із Міністром закордонних справ України Кулебою відбулася вчора.", "Кулеба"),
    ("uk", "Розмова з Президентом України Володимиром Зеленським тривала годину.", "Зеленський"),
    ("pl", "Spotkanie z ministrem Sikorskim odbyło się w Wilnie.", "Sikorski"),
    ("pl", "Rozmowa z premierem Polski Donaldem Tuskiem trwała godzinę.", "Tusk"),
]


@pytest.mark.parametrize(("lang", "text", "surname"), SURNAMES, ids=[f"{r[0]}-{i}" for i, r in enumerate(SURNAMES)])
def test_extract_people_surname_base_form(lang: str, text: str, surname: str) -> None:
    assert [p.surname for p in find_people(text, lang)] == [surname]


TRANSLIT = [
    ("ru", "Макей", "Makei"),
    ("ru", "Дмитрий Мирончик", "Dmitry Mironchik"),
    ("ru", "Воронецкий", "Voronetsky"),
    ("ru", "Ельцин", "Yeltsin"),
    ("be", "Сянько", "Sianko"),
    ("be", "Аўраменка", "Awramenka"),
    ("be", "Сарэйдэ", "Sareide"),
    ("uk", "Їжак Євген", "Yizhak Yevhen"),
    ("pl", "Łukasz Żółć", "Lukasz Zolc"),
    ("fa", "پرز", "Perez"),
    ("fa", "کلینتون", "Kalinton"),  # read as Persians say it: no word starts with two consonants
    ("fa", "کریمی", "Karimi"),
    ("en", "Støre", "Store"),
    (None, "Брэндэ", ""),
]


@pytest.mark.parametrize(("lang", "text", "latin"), TRANSLIT, ids=[f"{r[0]}-{i}" for i, r in enumerate(TRANSLIT)])
def test_extract_people_translit(lang: str | None, text: str, latin: str) -> None:
    out = to_latin(text, lang)
    assert out == latin and out.isascii()


def test_extract_people_spans_and_role_span() -> None:
    text = "Встреча с Министром иностранных дел Норвегии Б.Бренде прошла."
    (p,) = find_people(text, "ru")
    assert isinstance(p, PersonMatch)
    assert text[p.start : p.end] == "Б.Бренде"
    assert p.role_start is not None and text[p.role_start :].startswith("Министром")


def test_extract_people_uses_given_actors() -> None:
    text = "Посол Норвегии Хельге Сюльте вручил грамоты."
    actors = find_actors(text, "ru")
    assert find_people(text, "ru", actors) == find_people(text, "ru")


@pytest.mark.parametrize("lang", [None, "xx", ""])
def test_extract_people_unknown_language(lang: str | None) -> None:
    assert find_people("President Zelenskyy met Prime Minister Jonas Gahr Støre.", lang) == []


def test_extract_people_code_has_no_language_branches() -> None:
    for module in (people_module, translit_module):
        source = Path(module.__file__).read_text(encoding="utf-8")
        assert not re.search(r"""==\s*["'](?:be|ru|uk|fa|en|pl)["']""", source)


def test_extract_people_speed() -> None:
    items = [(t, lang, find_actors(t, lang)) for lang, t, _ in ROLES] + [(t, lang, ()) for lang, t in NEGATIVE]
    for text, lang, actors in items:
        find_people(text, lang, actors)
    n, start = 0, time.perf_counter()
    while n < 3000:
        for text, lang, actors in items:
            find_people(text, lang, actors)
            n += 1
    rate = n / (time.perf_counter() - start)
    assert rate > 2000, f"{rate:.0f} sentences/s"


def test_extract_people_persian_apposition_either_side() -> None:
    (p,) = find_people("آرام هوسپیان، وزیر امور خارجه ارمنستان، دیدار کرد.", "fa")
    assert (p.latin, p.role, p.country) == ("Aram Hospian", "foreign minister", "AM")
    (p,) = find_people("وزیر امور خارجه ایران، محمدرضا کریمی، وارد ایروان شد.", "fa")
    assert p.latin.endswith("Karimi") and p.country == "IR"
