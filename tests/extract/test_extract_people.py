"""Tests for the people finder: role + state + name, initials, base forms, transliteration."""

from __future__ import annotations

import re
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
    (
        "ru",
        "Министр иностранных дел Литвы Ландсбергис Г.Р. прибыл в Хельсинки.",
        [("Ландсбергис Г.Р.", "foreign minister", "LT")],
    ),
    (
        "ru",
        "Переговоры с Министром иностранных дел Финляндии П.Хаависто прошли в Вильнюсе.",
        [("П.Хаависто", "foreign minister", "FI")],
    ),
    (
        "ru",
        "Копии грамот были переданы Послом Польши Мареком Новаком осенью.",
        [("Марек Новак", "ambassador", "PL")],
    ),
    (
        "ru",
        "В Берлине во время визита заместителя министра иностранных дел Кыргызской Республики Виктора Бондаренко "
        "подписан меморандум.",
        [("Виктор Бондаренко", "deputy foreign minister", "KG")],
    ),
    (
        "ru",
        "Министр иностранных дел Российской Федерации Сергей Лавров заявил о готовности.",
        [("Сергей Лавров", "foreign minister", "RU")],
    ),
    ("ru", "Норвежский министр Эспен Барт Эйде прибыл в Минск.", [("Эспен Барт Эйде", "minister", "NO")]),
    (
        "ru",
        "Визит Министра транспорта и коммуникаций Финляндии Ю.К. Лехто в Вильнюс завершился.",
        [("Ю.К. Лехто", "minister of transport", "FI")],
    ),
    ("ru", "Посол Норвегии в Украине Хельге Сюльте вручил копии грамот.", [("Хельге Сюльте", "ambassador", "NO")]),
    (
        "ru",
        "Председатель правительства Михаил Мишустин и Президент США Джо Байден не встречались.",
        [("Михаил Мишустин", "prime minister", None), ("Джо Байден", "president", "US")],
    ),
    (
        "ru",
        "Прошла беседа министров иностранных дел С.В. Лаврова и Д.Г. Залкалиани.",
        [("С.В. Лавров", "foreign minister", None), ("Д.Г. Залкалиани", "foreign minister", None)],
    ),
    # Belarusian
    (
        "be",
        "Міністр замежных спраў Літвы Габрыэлюс Ландсбергіс наведаў Фінляндыю.",
        [("Габрыэлюс Ландсбергіс", "foreign minister", "LT")],
    ),
    (
        "be",
        "Копіі грамат перададзены Паслом Польшчы Юрыем Новакам у Кіеве.",
        [("Юрый Новак", "ambassador", "PL")],
    ),
    (
        "be",
        "Пагадненне падпісана Міністрам транспарту і сувязі Швецыі Карлам Улофам Бергам.",
        [("Карл Улоф Берг", "minister of transport", "SE")],
    ),
    (
        "be",
        "Перамовы Міністра замежных спраў Арменіі Арарата Мірзаяна з Міністрам замежных спраў Грузіі Д. Залкаліані.",
        [("Арарат Мірзаян", "foreign minister", "AM"), ("Д. Залкаліані", "foreign minister", "GE")],
    ),
    (
        "be",
        "Сустрэчы кіраўнікоў МЗС А. Мірзаяна і Д. Залкаліані адбыліся ў Тбілісі.",
        [("А. Мірзаян", "foreign minister", None), ("Д. Залкаліані", "foreign minister", None)],
    ),
    ("be", "Пасол А. Я. Новак прыняў удзел у форуме.", [("А. Я. Новак", "ambassador", None)]),
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
        "Lithuanian Minister of Transport Marius Skuodis visited Turku.",
        [("Marius Skuodis", "minister of transport", "LT")],
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
        "Litewski minister spraw zagranicznych Gabrielius Landsbergis spotkał się z premierem Donaldem Tuskiem.",
        [("Gabrielius Landsbergis", "foreign minister", "LT"), ("Donald Tusk", "prime minister", None)],
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
    ("ru", "Переговоры глав МИД обеих стран Р.Гайдея и Д.Залкалиани прошли в Тбилиси.", ["Р.Гайдей", "Д.Залкалиани"]),
    ("ru", "Мирзоян и Хаависто обсудили вопросы сотрудничества.", ["Мирзоян", "Хаависто"]),
    ("ru", "Путин провёл переговоры в Сочи.", ["Путин"]),
    ("ru", "Сергей Лавров заявил, что Москва готова к диалогу.", ["Сергей Лавров"]),
    (
        "ru",
        "Переговоры Александра Лукашенко и Владимира Путина прошли в Сочи.",
        ["Александра Лукашенко", "Владимира Путина"],
    ),
    ("be", "Сустрэчы Р. Гайдея і Д. Залкаліані адбыліся ў Тбілісі.", ["Р. Гайдей", "Д. Залкаліані"]),
    (
        "be",
        "Аляксандр Лукашэнка і Уладзімір Пуцін абмеркавалі супрацоўніцтва.",
        ["Аляксандр Лукашэнка", "Уладзімір Пуцін"],
    ),
    ("uk", "Зеленський провів розмову з делегацією.", ["Зеленський"]),
    ("en", "Putin and Lukashenko discussed the Union State.", ["Putin", "Lukashenko"]),
    ("en", "The talks were chaired by J. F. Kennedy and H. Macmillan.", ["J. F. Kennedy", "H. Macmillan"]),
    ("pl", "Andrzej Duda spotkał się z prezydentem w Kijowie.", ["Andrzej Duda"]),
    ("ru", "В заседании участвовали Завадский П.С. и эксперты.", ["Завадский П.С."]),
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
    ("ru", "Посол Швеции в Грузии работает по совместительству."),
    ("ru", "Европейский союз и Норвегия подписали соглашение в Брюсселе в январе."),
    (
        "ru",
        "Министерство иностранных дел Литвы и Министерство иностранных дел Финляндии обменялись нотами.",
    ),
    ("ru", "Москва и Минск договорились о сотрудничестве в марте."),
    ("ru", "Армяно-иранские политические контакты развиваются по линии МИД."),
    ("be", "Армяна-іранскія палітычныя кантакты развіваюцца праз міністэрствы замежных спраў."),
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
    ("ru", "Министр иностранных дел Литвы Гайдей В.А. прибыл.", "Gaidei V.A.", "Гайдей"),
    ("ru", "Грамоты вручены Послом Казахстана Дмитрием Ковальчуком.", "Dmitry Kovalchuk", "Ковальчук"),
    ("ru", "Министр иностранных дел Украины Гринько А.Л. посетил Вену.", "Grinko A.L.", "Гринько"),
    ("be", "Міністр замежных спраў Грузіі Васіль Лясько наведаў Вену.", "Vasil Liasko", "Лясько"),
    ("be", "Граматы ўручаны Паслом Казахстана Дзмітрыем Кавальчуком.", "Dzmitry Kavalchuk", "Кавальчук"),
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
    ("ru", "Встреча с Послом Литвы Гайдеем состоялась.", "Гайдей"),
    ("ru", "Поездка заместителя министра иностранных дел Казахстана Василенко завершена.", "Василенко"),
    ("ru", "Беседа с министром иностранных дел Финляндии Хаависто прошла в Риге.", "Хаависто"),
    ("ru", "Беседа с Президентом Польши Анджеем Дудой прошла в Варшаве.", "Дуда"),
    ("ru", "Встреча с Послом Польши Сикорским прошла в Минске.", "Сикорский"),
    ("be", "Візіт Міністра замежных спраў Арменіі Мірзаяна завяршыўся.", "Мірзаян"),
    ("be", "Гутарка з Міністрам замежных спраў Грузіі Залкаліані прайшла ў Рызе.", "Залкаліані"),
    ("uk", "Зустріч із Міністром закордонних справ України Кулебою відбулася вчора.", "Кулеба"),
    ("uk", "Розмова з Президентом України Володимиром Зеленським тривала годину.", "Зеленський"),
    ("pl", "Spotkanie z ministrem Sikorskim odbyło się w Wilnie.", "Sikorski"),
    ("pl", "Rozmowa z premierem Polski Donaldem Tuskiem trwała godzinę.", "Tusk"),
]


@pytest.mark.parametrize(("lang", "text", "surname"), SURNAMES, ids=[f"{r[0]}-{i}" for i, r in enumerate(SURNAMES)])
def test_extract_people_surname_base_form(lang: str, text: str, surname: str) -> None:
    assert [p.surname for p in find_people(text, lang)] == [surname]


TRANSLIT = [
    ("ru", "Гайдей", "Gaidei"),
    ("ru", "Дмитрий Ковальчик", "Dmitry Kovalchik"),
    ("ru", "Полецкий", "Poletsky"),
    ("ru", "Ельцин", "Yeltsin"),
    ("be", "Лясько", "Liasko"),
    ("be", "Гаўрыленка", "Hawrylenka"),
    ("be", "Кэйрэдэ", "Keirede"),
    ("uk", "Їжак Євген", "Yizhak Yevhen"),
    ("pl", "Łukasz Żółć", "Lukasz Zolc"),
    ("fa", "پرز", "Perez"),
    ("fa", "کلینتون", "Kalinton"),  # read as Persians say it: no word starts with two consonants
    ("fa", "کریمی", "Karimi"),
    ("en", "Støre", "Store"),
    (None, "Мэйдэ", ""),
]


@pytest.mark.parametrize(("lang", "text", "latin"), TRANSLIT, ids=[f"{r[0]}-{i}" for i, r in enumerate(TRANSLIT)])
def test_extract_people_translit(lang: str | None, text: str, latin: str) -> None:
    out = to_latin(text, lang)
    assert out == latin and out.isascii()


def test_extract_people_spans_and_role_span() -> None:
    text = "Переговоры с Министром иностранных дел Финляндии П.Хаависто прошли."
    (p,) = find_people(text, "ru")
    assert isinstance(p, PersonMatch)
    assert text[p.start : p.end] == "П.Хаависто"
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


def test_extract_people_persian_apposition_either_side() -> None:
    (p,) = find_people("آرام هوسپیان، وزیر امور خارجه ارمنستان، دیدار کرد.", "fa")
    assert (p.latin, p.role, p.country) == ("Aram Hospian", "foreign minister", "AM")
    (p,) = find_people("وزیر امور خارجه ایران، محمدرضا کریمی، وارد ایروان شد.", "fa")
    assert p.latin.endswith("Karimi") and p.country == "IR"


@pytest.mark.parametrize(("text", "lang"), [
    ("Foreign Minister of China Li Ming met the Foreign Minister of Chile.\n\n"
     "Mr Li told the UN General Assembly that the sanctions must end.", "en"),
    ("Министр иностранных дел Китая Ли Мин встретился с министром иностранных дел Чили.\n\n"
     "Господин Ли выступил на Генеральной Ассамблее ООН в Нью-Йорке.", "ru"),
])
def test_a_name_too_short_for_keys_keeps_the_state_given_before(text: str, lang: str) -> None:
    """"Li", "Ri", "Xi" give no phonetic keys: the person is found among the words of a name given
    with its state earlier in the document."""
    from conftest import mentions_of

    assert ("conference", ("CN", "UN")) in {(m.kind, m.actors) for m in mentions_of(text, lang, date="2018-09-30")}
