"""Belarusian event lexicon on news forms (lex-ukbe): speech forms, nominal forms, factuality.
Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of

URL = "https://mfa.example.gov.by/news/1"  # a Belarusian site: the document's own state is Belarus
PUB = "2023-05-10"


def found(text: str) -> list[tuple[str, str | None, tuple[str, ...]]]:
    return sorted((m.kind, m.date, m.actors) for m in mentions_of(text, "be", date=PUB, url=URL))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a leader's own account of a call, in the first person
        ("Учора гаварыў з прэзідэнтам Румыніі.", [("phone_call", "2023-05-09", ("BY", "RO"))]),
        ("Сёння правёў важную размову з прэзідэнтам Францыі.", [("phone_call", PUB, ("BY", "FR"))]),
        ("Прэзідэнт Беларусі і прэзідэнт Расіі абмеркавалі ў тэлефонным рэжыме сітуацыю ў рэгіёне.",
         [("phone_call", PUB, ("BY", "RU"))]),
        ("Беларусь і Кітай устанавілі дыпламатычныя адносіны ў 1992 годзе.",
         [("relations_established", "1992", ("BY", "CN"))]),
        # the locative of "саміт" is "саміце"
        ("На саміце паміж прэзідэнтамі Расіі і ЗША ў Жэневе абмяркоўвалася стратэгічная стабільнасць.",
         [("meeting", PUB, ("RU", "US"))]),
        # glad to have met: the meeting took place
        ("Быў вельмі рады сустрэцца сёння з прэм'ер-міністрам Нарвегіі.", [("meeting", PUB, ("BY", "NO"))]),
        # a host's own words; a host receiving
        ("Сёння для мяне было вялікім гонарам вітаць у Мінску прэзідэнта Кітая.", [("meeting", PUB, ("BY", "CN"))]),
        ("Прэзідэнт Беларусі прымаў у Мінску прэм'ер-міністра Казахстана.", [("meeting", PUB, ("BY", "KZ"))]),
        # met on the sidelines; a summit between two leaders
        ("Міністр замежных спраў Канады сустрэў японскага калегу ў калуарах саміту.",
         [("meeting", PUB, ("CA", "JP"))]),
        ("Саміт паміж прэзідэнтамі Францыі і Германіі адбыўся ўчора ў Парыжы.",
         [("meeting", "2023-05-09", ("DE", "FR"))]),
        ("Саміт прэзідэнта Францыі і канцлера Германіі адбыўся ў Парыжы 3 мая.",
         [("meeting", "2023-05-03", ("DE", "FR"))]),
        # a joint statement adopted is agreement_signed (SCHEMA.md)
        ("Па выніках пасяджэння было прынята сумесную заяву Беларусі і Кітая.",
         [("agreement_signed", PUB, ("BY", "CN"))]),
        # arrived by road or rail
        ("Учора прэм'ер-міністр Чэхіі прыехаў у Браціславу.", [("visit", "2023-05-09", ("CZ", "SK"))]),
        # recalls
        ("Урад Канады вырашыў адклікаць пасла з Ірана.", [("relations_downgraded", PUB, ("CA", "IR"))]),
        ("Канада адклікала кіраўніка сваёй дыпламатычнай місіі ў Іране.",
         [("relations_downgraded", PUB, ("CA", "IR"))]),
        # the present tense of a headline or a statement
        ("Латвія вінаваціць Расію ў правакацыях на мяжы.", [("criticism", PUB, ("LV", "RU"))]),
        # "не толькі … але і": not a negation
        ("Кітай не толькі падпісаў пагадненне з Беларуссю, але і ратыфікаваў яго.",
         [("agreement_signed", PUB, ("BY", "CN"))]),
    ],
)
def test_lex_be_recall(text: str, expected: list) -> None:
    # the mention the rule gives; the core may add others (a visit implied by a meeting in a capital)
    got = found(text)
    assert all(e in got for e in expected), got


def test_lex_be_speech_and_statements() -> None:
    kinds = [m.kind for m in mentions_of("Прэзідэнт Беларусі прыняў удзел у саміце ШАС у Астане.", "be",
                                         date=PUB, url=URL)]
    assert kinds == ["conference"]
    kinds = [m.kind for m in mentions_of("Прэзідэнт Ірана ў прамове на сесіі Генеральнай асамблеі ААН "
                                         "раскрытыкаваў Ізраіль.", "be", date=PUB, url=URL)]
    assert "conference" in kinds and "criticism" in kinds
    assert found("Міністр замежных спраў Польшчы заявіў: «Мы асуджаем дзеянні Расіі».") == [
        ("criticism", PUB, ("PL", "RU"))]


@pytest.mark.parametrize(
    "text",
    [
        "Прэзідэнт Літвы гаварыў з журналістамі ў Вільні.",
        "Буду рады сустрэцца з прэм'ер-міністрам Нарвегіі.",
        "Летась у Польшчу прыбыло больш за тысячу грузавікоў з Літвы.",
        "Пра планы на новы саміт паміж Германіяй і Францыяй нічога не паведамлялася.",
        "Санкцыі супраць Ірана разглядаліся ў Бруселі.",
        "Польшча прасоўвае новы санкцыйны пакет ЕС супраць Расіі.",
        "Літва настойвае на новых санкцыях ЕС супраць Расіі.",
        "На фоне санкцый ЕС Расія шукае новыя рынкі.",
        "Эксперты займаюцца ацэнкай санкцый ЕС супраць Расіі.",
        "Выкананне санкцый ЕС супраць Расіі павінна працягвацца.",
        "ЗША павялічваюць ціск на Іран з дапамогай санкцый.",
        "Дата перамоў Беларусі і Кітая была вызначана бакамі.",
        "Прадстаўнік ЕС на перамовах з Вялікабрытаніяй даў інтэрв'ю.",
        "Сёлета адзначаецца 30-годдзе ўстанаўлення дыпламатычных адносін паміж Беларуссю і Кітаем.",
        "Міністры адзначылі 30-ю гадавіну ўсталявання дыпламатычных адносін паміж Беларуссю і Кітаем.",
        "Мінула 30 гадоў з дня ўсталявання дыпламатычных адносін паміж Беларуссю і Кітаем.",
        "Пратэстоўцы асуджаюць палітыку ўрада Турцыі.",
        "Саміт лідараў краін НАТА адбыўся ў Вільні.",
        "Міністры абмеркавалі санкцыі ЕС супраць Беларусі.",
        "Расія спрабуе абысці санкцыі ЕС.",
        "Міністры абмеркавалі ход перамоў паміж Расіяй і Украінай.",
        "Перамовы Беларусі і Кітая ў пятніцу так і не адбыліся.",
        "Міністры абмеркавалі завяршэнне працэсу ратыфікацыі пагаднення паміж Беларуссю і Кітаем.",
    ],
)
def test_lex_be_non_events(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Мінулай пятніцы прэзідэнт Польшчы наведаў Літву.", "2023-05-05"),
        ("Мінулага чацвярга прэзідэнт Польшчы наведаў Літву.", "2023-05-04"),
        ("У панядзелак прэзідэнт Польшчы наведаў Літву.", "2023-05-08"),
    ],
)
def test_lex_be_weekdays(text: str, day: str) -> None:
    assert found(text) == [("visit", day, ("LT", "PL"))]  # published on Wednesday 10 May 2023


# Round 2 (lex-ukbe2): more news forms, and talk that is no event.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the night before the report
        ("Позна ўначы размаўляў па тэлефоне з прэзідэнтам Літвы.", [("phone_call", "2023-05-09", ("BY", "LT"))]),
        # a joint statement of two leaders is one they adopted
        ("Міністр спаслаўся на сумесную заяву прэзідэнта Францыі і канцлера Германіі 3 мая.",
         [("agreement_signed", "2023-05-03", ("DE", "FR"))]),
        # aid received, with its sum; the donor by its adjective
        # glad to have welcomed: the host's own words, in the past
        ("Сёння быў рады вітаць у Мінску прэзідэнта Кітая.", [("meeting", PUB, ("BY", "CN"))]),
        # a call in the masculine; a chargé d'affaires summoned
        ("Учора міністр замежных спраў Польшчы гаварыў па тэлефоне з калегам з Літвы.",
         [("phone_call", "2023-05-09", ("LT", "PL"))]),
        ("МЗС Літвы выклікала паверанага ў справах Беларусі.", [("criticism", PUB, ("BY", "LT"))]),
        # arms and equipment handed over are aid
        ("Учора Канада перадала Украіне 10 бронемашын.", [("aid", "2023-05-09", ("CA", "UA"))]),
        ("Учора Польшча перадала Украіне пажарныя і выратавальныя машыны.", [("aid", "2023-05-09", ("PL", "UA"))]),
        # an organisation's head, unnamed, stands for the organisation
        ("Прэзідэнт Польшчы сустрэўся з Генеральным сакратаром НАТА.", [("meeting", PUB, ("NATO", "PL"))]),
        ("Прэм'ер-міністр Літвы сустрэўся з кіраўніком МАГАТЭ ў Вільні.", [("meeting", PUB, ("IAEA", "LT"))]),
        # met in a month of a year: no count of meetings
        ("Міністры Польшчы і Літвы сустракаліся ў чэрвені 2022 года.", [("meeting", "2022-06", ("LT", "PL"))]),
        ("Летась Малдова атрымала 20 мільёнаў долараў японскай дапамогі.", [("aid", "2022", ("JP", "MD"))]),
    ],
)
def test_lex_be_recall_round2(text: str, expected: list) -> None:
    got = found(text)
    assert all(e in got for e in expected), got


@pytest.mark.parametrize(
    "text",
    [
        # what sanctions do is talk about them
        "Міністр Ірана заявіў, што працяг санкцый ЗША паглыбляе недавер да Вашынгтона.",
        # proposed sanctions, and a conditional after the word
        "Прапанаваныя санкцыі ЗША супраць Панамы скарацілі б гандаль.",
        "Санкцыі ЕС супраць Сербіі былі б вельмі балючымі.",
        # a side's internal meetings; meetings again and again
        "Пасля ўнутраных сустрэч дыпламаты Польшчы і Літвы вярнуліся ў Варшаву.",
        "Бізнесмен з Польшчы сустракаўся з паслом Расіі 7 разоў.",
        # a terrorist attack condemned: no state is the target
        "Прэзідэнт Польшчы асудзіў тэракт у Стамбуле.",
        # a welcome still to come
        "Буду рады вітаць у Мінску прэзідэнта Кітая.",
        # sanctions in force are a standing condition; sanctions advocated are not imposed
        "Санкцыі ЕС супраць Ірана дзейнічаюць з 2012 года.",
        "Літва выступае за новыя санкцыі ЕС супраць Ірана.",
        # a handover talked about
        "Міністры Польшчы і Літвы абмеркавалі перадачу Украіне танкаў.",
        # a joint statement talked about
        "Міністры Польшчы і Літвы гаварылі пра сумесную заяву Украіны і ЕС.",
    ],
)
def test_lex_be_non_events_round2(text: str) -> None:
    assert found(text) == []


# Round 3 (lex-ukbe3): the imposer's adjective, proposals and effects of sanctions, 'у пачатку месяца'.
def test_lex_be_imposer_adjective() -> None:
    # "амерыканскія санкцыі": the adjective of the act's own noun names who imposed them
    assert ("sanctions", PUB, ("IR", "US")) in found("Міністр замежных спраў Ірана асудзіў амерыканскія санкцыі.")
    assert found("Учора амерыканскія санкцыі супраць Ірана ўступілі ў сілу.") == [
        ("sanctions", "2023-05-09", ("IR", "US"))]


@pytest.mark.parametrize(
    "text",
    [
        # what sanctions do: they feed distrust
        "Міністр Ірана заявіў, што санкцыі ЗША, якія ўзмацняюць недавер, трэба адмяніць.",
        # what can be done, proposals: not done
        "Эксперты Літвы падрыхтавалі прапановы, як можна ўзмацніць санкцыі супраць Расіі.",
        # sanctions talked about, with words between
        "Абмеркавалі з прэм'ерам Чэхіі і дадатковыя санкцыйныя меры супраць Расіі.",
    ],
)
def test_lex_be_non_events_round3(text: str) -> None:
    assert [m for m in found(text) if m[0] == "sanctions"] == []


def test_lex_be_start_of_this_month() -> None:
    # "у пачатку гэтага месяца": the month of publication
    got = found("У пачатку гэтага месяца прэзідэнт Польшчы наведаў Літву.")
    assert ("visit", "2023-05", ("LT", "PL")) in got, got


def test_lex_be_speech_at_the_un() -> None:
    got = found("Летась прэм'ер Японіі прамаўляў у ААН.")
    assert [m[0] for m in got] == ["conference"] and "UN" in got[0][2], got


@pytest.mark.parametrize(
    "text",
    [
        # sanctions as a goal, stricter ones asked for, a plan for them
        "Дзякую ўсім, хто працуе на ўзмацненне санкцый супраць Ірана.",
        "Урад Літвы апублікаваў план пашырэння санкцый супраць Ірана.",
        "Прашу пераканаць калег у ЕС наконт больш жорсткіх санкцый супраць Ірана.",
        # held up, still being readied or agreed
        "Венгрыя тармозіць новы санкцыйны пакет ЕС супраць Ірана.",
        "Цяпер ЕС рыхтуе сёмы санкцыйны пакет супраць Ірана.",
        # sanctions judged, the copula left out; what they can do
        "Санкцыі ЕС супраць Ірана занадта слабыя.",
        "Толькі санкцыі ЕС здольныя спыніць Іран.",
        # support for sanctions is no act of imposing them
        "Прэзідэнт Літвы падзякаваў Ісландыі за падтрымку санкцый супраць Ірана.",
    ],
)
def test_lex_be_sanctions_not_imposed_round3(text: str) -> None:
    assert [m for m in found(text) if m[0] == "sanctions"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Кожны такі візіт у Кіеў паказвае падтрымку Польшчы.",
        "Пасля года вайны Расіі супраць Грузіі наша сустрэча з прэзідэнтам Польшчы паказвае адзінства.",
        "Міністры Польшчы і Літвы абмеркавалі пасрэдніцкую ролю Турцыі.",
    ],
)
def test_lex_be_non_events_round3b(text: str) -> None:
    got = found(text)
    assert not [m for m in got if m[0] in ("visit", "mediation")] and not any("RU" in m[2] for m in got), got


def test_lex_be_decision_to_widen_sanctions_is_an_act() -> None:
    assert found("ЕС прыняў рашэнне аб новым пашырэнні санкцый супраць Ірана.") == [("sanctions", PUB, ("EU", "IR"))]


@pytest.mark.parametrize(
    "text",
    [
        # a court's sentence condemns no state; a budget signed is no agreement
        "Учора суд Польшчы асудзіў да 5 гадоў зняволення двух шпіёнаў.",
        "Прэзідэнт Літвы падпісаў абаронны бюджэт на наступны год.",
        # a response to sanctions
        "Урад Ірана агучыў варыянт адказу на санкцыі ЕС.",
    ],
)
def test_lex_be_non_events_round3c(text: str) -> None:
    assert found(text) == []


def test_lex_be_since_the_war_began_the_state_still_acts() -> None:
    # "з пачатку вайны" names a time: the state after it still takes part
    got = found("З пачатку вайны Польшча прыняла ў Варшаве прэм'ер-міністра Літвы.")
    assert ("meeting", PUB, ("LT", "PL")) in got, got


@pytest.mark.parametrize("capital", ["Пхеньяне", "Пхен'яне", "Пхен’яне"])
def test_lex_be_pyongyang_in_either_spelling_is_the_host_capital(capital: str) -> None:
    text = f"Учора прэзідэнты Паўднёвай Карэі і Паўночнай Карэі сустрэліся ў {capital}."
    assert ("visit", "2023-05-09", ("KP", "KR")) in found(text)
