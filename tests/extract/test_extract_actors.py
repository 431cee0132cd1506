"""Tests for the actor finder: names in every case, adjectives, capitals, organisations."""

from __future__ import annotations

import pytest

from bilat.extract.actors import ActorMatch, country_name, find_actors


def codes(text: str, lang: str, self_code: str | None = None) -> list[tuple[str, str]]:
    """(code, how) of every match, in order."""
    return [(m.code, m.how) for m in find_actors(text, lang, self_code)]


NAMES = [
    # Belarusian: four and more cases of Norway and Belarus
    ("be", "Дэлегацыя наведала Нарвегію летась.", "NO", "Нарвегію"),
    ("be", "Пасол Нарвегіі прыбыў учора.", "NO", "Нарвегіі"),
    ("be", "Пагадненне паміж Беларуссю і суседзямі.", "BY", "Беларуссю"),
    ("be", "Гандаль з Нарвегіяй расце.", "NO", "Нарвегіяй"),
    ("be", "Нарвегія падтрымала ініцыятыву.", "NO", "Нарвегія"),
    ("be", "Сустрэча адбылася ў Беларусі.", "BY", "Беларусі"),
    ("be", "Дэлегацыя Саудаўскай Аравіі прыляцела.", "SA", "Саудаўскай Аравіі"),
    ("be", "Перамовы з Рэспублікай Беларусь пачаліся.", "BY", "Рэспублікай Беларусь"),
    # Russian
    ("ru", "Министр посетил Норвегию весной.", "NO", "Норвегию"),
    ("ru", "Посол Норвегии вручил грамоты.", "NO", "Норвегии"),
    ("ru", "Переговоры с Норвегией прошли успешно.", "NO", "Норвегией"),
    ("ru", "Норвегия присоединилась к санкциям.", "NO", "Норвегия"),
    ("ru", "Соглашение между Беларусью и соседями.", "BY", "Беларусью"),
    ("ru", "Делегация Саудовской Аравии прибыла.", "SA", "Саудовской Аравии"),
    ("ru", "Отношения с Соединенными Штатами ухудшились.", "US", "Соединенными Штатами"),
    ("ru", "Визит в Республику Корея отложен.", "KR", "Республику Корея"),
    # Ukrainian
    ("uk", "Міністр відвідав Норвегію у травні.", "NO", "Норвегію"),
    ("uk", "Посол Норвегії прибув до Києва.", "NO", "Норвегії"),
    ("uk", "Угода з Норвегією набула чинності.", "NO", "Норвегією"),
    ("uk", "Кордон між Україною та Білоруссю.", "BY", "Білоруссю"),
    ("uk", "Делегація Сполучених Штатів прибула.", "US", "Сполучених Штатів"),
    # Polish
    ("pl", "Minister odwiedził Norwegię w maju.", "NO", "Norwegię"),
    ("pl", "Ambasador Norwegii złożył listy.", "NO", "Norwegii"),
    ("pl", "Umowa z Norwegią weszła w życie.", "NO", "Norwegią"),
    ("pl", "Granica z Białorusią jest zamknięta.", "BY", "Białorusią"),
    ("pl", "Rozmowy w Stanach Zjednoczonych trwały.", "US", "Stanach Zjednoczonych"),
    ("pl", "Delegacja przyleciała do Polski.", "PL", "Polski"),
    # English
    ("en", "The minister visited Norway in May.", "NO", "Norway"),
    ("en", "Norway's ambassador presented credentials.", "NO", "Norway"),
    ("en", "Talks with the United States resumed.", "US", "United States"),
    ("en", "Britain left the bloc.", "GB", "Britain"),
    ("en", "Relations with the Soviet Union were tense.", "SU", "Soviet Union"),
    # Persian: suffixes, with and without ZWNJ
    ("fa", "وزیر خارجه به نروژ سفر کرد.", "NO", "نروژ"),
    ("fa", "دولت نروژ را حمایت کرد.", "NO", "نروژ"),
    ("fa", "روابط با ایالات متحده تیره شد.", "US", "ایالات متحده"),
    ("fa", "سازمان آزادی‌بخش فلسطین موافقت کرد.", "PS", "سازمان آزادی‌بخش فلسطین"),
    ("fa", "سازمان آزادیبخش فلسطین موافقت کرد.", "PS", "سازمان آزادیبخش فلسطین"),
    ("fa", "مرز مشترک با شوروی سابق.", "SU", "شوروی"),
]


@pytest.mark.parametrize(("lang", "text", "code", "surface"), NAMES)
def test_extract_actors_names_in_every_case(lang: str, text: str, code: str, surface: str) -> None:
    found = find_actors(text, lang)
    assert any(m.code == code and text[m.start : m.end] == surface and m.how == "name" for m in found), found


ADJECTIVES = [
    ("be", "Па ініцыятыве нарвежскага боку.", ["NO"]),
    ("be", "Аб'ём нарвежскіх інвестыцый вырас.", ["NO"]),
    ("be", "Літоўска-фінляндскія кансультацыі прайшлі ў Рызе.", ["LT", "FI"]),
    ("ru", "По инициативе норвежской стороны.", ["NO"]),
    ("ru", "Литовско-финляндские консультации завершились.", ["LT", "FI"]),
    ("ru", "Российско-китайский саммит.", ["RU", "CN"]),
    ("uk", "На запрошення норвезької сторони.", ["NO"]),
    ("uk", "Українсько-польські переговори тривали.", ["UA", "PL"]),
    ("pl", "Na zaproszenie strony norweskiej.", ["NO"]),
    ("pl", "Polsko-białoruska granica.", ["PL", "BY"]),
    ("en", "The Norwegian side proposed talks.", ["NO"]),
    ("en", "The Belarusian foreign minister arrived.", ["BY"]),
    ("en", "Belarusian-Norwegian consultations were held.", ["BY", "NO"]),
    ("fa", "مقامات نروژی موافقت کردند.", ["NO"]),
    ("fa", "نروژی‌ها و ایرانی‌ها گفتگو کردند.", ["NO", "IR"]),
    ("fa", "نروژیها موافقت کردند.", ["NO"]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), ADJECTIVES)
def test_extract_actors_adjectives_and_compounds(lang: str, text: str, expected: list[str]) -> None:
    found = [m for m in find_actors(text, lang) if m.how == "adjective"]
    assert [m.code for m in found] == expected, found


CAPITALS = [
    ("be", "Перамовы прайшлі ў Мінску.", "BY", "capital"),
    ("be", "Канферэнцыя адбылася ў Осла.", "NO", "capital"),
    ("be", "Пратакол падпісаны ў Жэневе.", "CH", "place"),
    ("ru", "Официальный Хельсинки поддержал это решение.", "FI", "capital"),
    ("ru", "В Кремле заявили о готовности.", "RU", "capital"),
    ("ru", "Позиция совпадает с Брюсселем.", "EU", "capital"),
    ("ru", "Консультации прошли в Минске.", "BY", "capital"),
    ("uk", "Переговори у Мінську завершилися.", "BY", "capital"),
    ("pl", "Warszawa odpowiedziała na notę.", "PL", "capital"),
    ("en", "Warsaw said it would respond.", "PL", "capital"),
    ("en", "The Kremlin rejected the proposal.", "RU", "capital"),
    ("en", "Washington imposed new sanctions.", "US", "capital"),
    ("en", "The talks were held in Geneva.", "CH", "place"),
    ("fa", "مسکو این پیشنهاد را رد کرد.", "RU", "capital"),
]


@pytest.mark.parametrize(("lang", "text", "code", "how"), CAPITALS)
def test_extract_actors_capitals_and_places(lang: str, text: str, code: str, how: str) -> None:
    assert (code, how) in codes(text, lang)


ORGS = [
    ("be", "Беларусь і ААН", "UN"),
    ("be", "санкцыі ЕС", "EU"),
    ("be", "уступленне ў Сусветную гандлёвую арганізацыю", "WTO"),
    ("be", "саміт НАТА", "NATO"),
    ("ru", "членом Европейского союза", "EU"),
    ("ru", "в рамках ОДКБ", "CSTO"),
    ("ru", "в ООН", "UN"),
    ("ru", "линия Евросоюза", "EU"),
    ("ru", "перед Парламентской конференцией Балтийского моря", "BSPC"),
    ("ru", "Союзного государства", "UNION_STATE"),
    ("uk", "вступ до ЄС", "EU"),
    ("uk", "членство в СОТ", "WTO"),
    ("pl", "członkowie ONZ", "UN"),
    ("pl", "w Unii Europejskiej", "EU"),
    ("en", "the European Economic Community", "EU"),
    ("en", "members of the OSCE", "OSCE"),
    ("fa", "عضویت در جامعه اروپا", "EU"),
    ("fa", "عضویت نروژ در بازار مشترک", "EU"),
    ("fa", "خواستار ادامه عضویت در ناتو", "NATO"),
    ("fa", "سازمان ملل متحد", "UN"),
]


@pytest.mark.parametrize(("lang", "text", "code"), ORGS)
def test_extract_actors_organisations(lang: str, text: str, code: str) -> None:
    assert (code, "org") in codes(text, lang)


SELF = [
    ("be", "далучэння нашай краіны да арганізацыі"),
    ("be", "Наша краіна падтрымлівае дыялог."),
    ("ru", "санкции в отношении нашей страны"),
    ("ru", "Наша страна готова к диалогу."),
    ("uk", "позиція нашої країни"),
    ("pl", "interesy naszego kraju"),
    ("en", "our country supports the initiative"),
    ("fa", "سیاست خارجی کشور ما"),
]


@pytest.mark.parametrize(("lang", "text"), SELF)
def test_extract_actors_our_country(lang: str, text: str) -> None:
    assert codes(text, lang, "BY") == [("BY", "self")]
    assert codes(text, lang, None) == []


NEGATIVES = [
    ("ru", "Того же мнения придерживается министр."),
    ("ru", "Министр Сенько В.Л. посетил страну."),
    ("ru", "Встреча В.Макея и И.Э. Сорейде."),
    ("ru", "Мали дети играли во дворе."),
    ("be", "Сустрэча Уладзіміра Макея з калегам."),
    ("be", "Чад ад пажару ахутаў вёску."),
    ("uk", "Того ж дня відбулася зустріч."),
    ("pl", "Minister Makiej spotkał się z Sorejde."),
    ("en", "The coach Michael Jordan visited the team."),
    ("en", "Their coach, Jordan Smith, resigned."),
    ("en", "Chad Smith was elected."),
    ("en", "Foreign Minister Makei met Soreide."),
    ("en", "The Iranian-born Irani family."),
    ("fa", "وضعیت مالی شرکت بهبود یافت."),
    ("fa", "کشورهای آمریکای لاتین"),
]


@pytest.mark.parametrize(("lang", "text"), NEGATIVES)
def test_extract_actors_negatives(lang: str, text: str) -> None:
    found = [m for m in find_actors(text, lang) if m.how in ("name", "capital")]
    assert found == [], found


def test_extract_actors_irani_is_not_iran() -> None:
    assert codes("The Irani family arrived.", "en") == []


def test_extract_actors_lowercase_name_is_not_matched() -> None:
    assert codes("того и гляди", "ru") == []
    assert codes("В стране Того прошли выборы.", "ru") == [("TG", "name")]


def test_extract_actors_offsets_point_into_the_text() -> None:
    text = "Беларусь и Норвегия подписали протокол в Женеве."
    found = find_actors(text, "ru")
    assert [text[m.start : m.end] for m in found] == ["Беларусь", "Норвегия", "Женеве"]
    assert all(isinstance(m, ActorMatch) for m in found)


def test_extract_actors_persian_zwnj_suffix_extends_the_match() -> None:
    text = "نروژ‌ها موافقت کردند."
    (m,) = find_actors(text, "fa")
    assert (text[m.start : m.end], m.code, m.how) == ("نروژ‌ها", "NO", "name")


@pytest.mark.parametrize("lang", ["be", "ru", "uk", "pl", "en", "fa", "de", "xx"])
def test_extract_actors_unknown_or_empty_input(lang: str) -> None:
    assert find_actors("", lang) == []
    assert find_actors("Norway", None) == []
    find_actors("1234 --- ...", lang)  # no crash on any language, even without data


@pytest.mark.parametrize(
    ("code", "lang", "name"),
    [("NO", "be", "Нарвегія"), ("NO", "ru", "Норвегия"), ("ER", "fa", "اریتره"), ("SU", "en", "Soviet Union")],
)
def test_extract_actors_country_name(code: str, lang: str, name: str) -> None:
    assert country_name(code, lang) == name


def test_extract_actors_country_name_unknown() -> None:
    assert country_name("ZZ", "en") is None


@pytest.mark.parametrize(("text", "lang", "code"), [
    ("Міністр аховы здароўя Сірыі прыбыў у Мінск.", "be", "SY"),
    ("Соглашение между Россией и Египтом подписано.", "ru", "EG"),
    ("Переговори з Єгиптом відбулися.", "uk", "EG"),
])
def test_extract_actors_noun_endings_and_fleeting_vowels(text: str, lang: str, code: str) -> None:
    assert code in {a.code for a in find_actors(text, lang)}


@pytest.mark.parametrize(("text", "lang", "code"), [
    ("Государственная дума ратифицировала соглашение.", "ru", "RU"),
    ("Рішення Верховної Ради набуло чинності.", "uk", "UA"),
    ("The Knesset approved the treaty.", "en", "IL"),
    ("Sejm ratyfikował umowę.", "pl", "PL"),
])
def test_extract_actors_parliaments_act_for_their_state(text: str, lang: str, code: str) -> None:
    assert code in {a.code for a in find_actors(text, lang)}
