"""Russian event lexicon on news-style sentences: anniversaries, commission sessions, purposes,
intentions and failures, sanctions as a topic. Sentences written for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of

PUB = "2024-06-10"


def kinds(text: str) -> list[tuple[str, str | None]]:
    return sorted((m.kind, m.date) for m in mentions_of(text, "ru", date=PUB))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a session of an intergovernmental commission held is consultations
        ("Очередное заседание межправительственной комиссии России и Вьетнама состоялось 3 июня в Ханое.",
         [("consultations", "2024-06-03")]),
        # a visit for the purpose of talks: the visit counts, the talks are only its purpose
        ("Министр иностранных дел Вьетнама прибыл в Москву для проведения переговоров с российским коллегой.",
         [("visit", PUB)]),
    ],
)
def test_lex_ru_events(text: str, expected: list) -> None:
    assert kinds(text) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        # anniversaries of relations are not their establishment
        "В этом году исполняется 35 лет со дня установления дипломатических отношений между Россией и Чили.",
        "В прошлом году Аргентина и Россия отметили 60-летие установления дипломатических отношений.",
        # sanctions as a cause, a backdrop, or a term running out
        "Чехия заявила о росте цен в связи с санкциями США против России.",
        "Чехия сообщила, что на фоне санкций ЕС против России выросли цены.",
        "В декабре истекает срок санкций США против Ирана.",
        # intentions, obligations, failures
        "Япония намеревалась сделать переговоры с Китаем бессмысленными.",
        "В мае должны были состояться переговоры министров Японии и Китая.",
        "Премьер Японии будет настойчиво, но терпеливо вести переговоры с Китаем.",
        "Переговоры Японии и Китая, по словам дипломатов, не удались.",
        # "предоставление" is a noun for the act in general, not aid given
        "Помощь Молдове и предоставление кредитов Германией обсуждались в Кишиневе.",
    ],
)
def test_lex_ru_non_events(text: str) -> None:
    assert kinds(text) == []



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 2024-06-10 is a Monday: "the past Friday" is 7 June, "last Tuesday" 4 June
        ("В минувшую пятницу министры иностранных дел Армении и Грузии провели телефонный разговор.",
         [("phone_call", "2024-06-07")]),
        ("В прошлый вторник президент Франции посетил Казахстан.", [("visit", "2024-06-04")]),
    ],
)
def test_lex_ru_past_weekdays(text: str, expected: list) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "на днях", "несколько дней назад", "недавно": the month of publication
        ("На днях в Ташкенте прошла межправкомиссия России и Узбекистана.", [("consultations", "2024-06")]),
        ("Несколько дней назад министр обороны Индии посетил Вьетнам.", [("visit", "2024-06")]),
        # the commission named first, its session after a comma
        ("У России и Ирана есть межправкомиссия, её заседание недавно состоялось в Тегеране.",
         [("consultations", "2024-06")]),
        # "у него была возможность лично встретиться" in reported speech: the meeting took place
        ("Министр иностранных дел Египта сказал, что у него была возможность лично встретиться с министром "
         "иностранных дел Бразилии.", [("meeting", PUB)]),
    ],
)
def test_lex_ru_recent_and_spoken(text: str, expected: list) -> None:
    assert kinds(text) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        # an anniversary of a signing
        "В этом году исполняется 20 лет со дня подписания договора о дружбе между Россией и Монголией.",
        "Польша и Литва отметили годовщину подписания декларации о партнёрстве.",
        # sanctions as a topic, a post, a cost, a request, a negated future
        "Министры Италии и Испании обсуждали санкции Евросоюза против Ирана.",
        "Спецпосланник США по санкционной политике дал интервью газете из Германии.",
        "Потери Италии от санкций против России составили два миллиарда евро.",
        "Вашингтон попросил Болгарию поддержать санкции против Ирана.",
        "Италия не будет мешать продлению санкций Евросоюза против Ирана на полгода.",
    ],
)
def test_lex_ru_more_non_events(text: str) -> None:
    assert kinds(text) == []


def test_lex_ru_a_takzhe_is_no_clause_break() -> None:
    # ", а также" adds to a list: the state named after it is a party to the talks
    (talks,) = mentions_of("Делегация Госдепартамента вела переговоры в канцелярии премьера, а также в МИД "
                           "Индонезии.", "ru", date=PUB)
    assert (talks.kind, set(talks.actors)) == ("consultations", {"US", "ID"})


def test_lex_ru_intergovernmental_documents_name_the_pair() -> None:
    found = mentions_of("Переговоры президентов Казахстана и Китая. По итогам встречи подписано несколько "
                        "межправительственных соглашений.", "ru", date=PUB)
    signed = [m for m in found if m.kind == "agreement_signed"]
    assert [set(m.actors) for m in signed] == [{"KZ", "CN"}]


@pytest.mark.parametrize(
    "text",
    [
        # future arrival, "next week", hopes
        "Президент Индии прибудет в Москву с визитом на следующей неделе.",
        "Делегация Вьетнама прилетит в Минск в ближайшие дни.",
        "Министр выразил надежду, что переговоры России и Японии возобновятся.",
        # an anniversary of a visit
        "В этом году исполняется 10 лет со дня визита президента Китая в Сербию.",
    ],
)
def test_lex_ru_future_hopes_anniversaries(text: str) -> None:
    assert kinds(text) == []


def test_lex_ru_imperfective_past_visit() -> None:
    # "посещал" told in passing, with its own year
    assert kinds("Ранее президент Египта посещал Россию в 2019 году.") == [("visit", "2019")]


def test_lex_ru_relations_begin_in_a_year() -> None:
    # in a speech: the relations "begin" / "count from" a year: their establishment, dated by it
    assert kinds("Отношения между Россией и Эквадором начинаются с 1945 года.") == [("relations_established", "1945")]
    assert kinds("Дипломатические отношения Казахстана и Японии ведут отсчёт с 1992 года.") == [
        ("relations_established", "1992")]
    # trade ties are not diplomatic relations
    assert kinds("Торговые отношения России и Китая начались с 1689 года.") == []


@pytest.mark.parametrize(
    "text",
    [
        # courtesy thanks
        "Президент Вьетнама поблагодарил президента России за приглашение и гостеприимство.",
        "Премьер Индии поблагодарил Россию за теплый прием.",
        # a minister with his own staff abroad
        "Министр иностранных дел Германии встретился с сотрудниками посольства в Пекине.",
        # a signing or a visit as a topic
        "Обсуждались перспективы подписания соглашения между Россией и Египтом.",
        "Вопрос о визите президента Франции в Китай пока не решён.",
    ],
)
def test_lex_ru_courtesy_staff_and_topics(text: str) -> None:
    assert kinds(text) == []


def test_lex_ru_thanks_for_support_is_praise() -> None:
    assert kinds("Премьер Индии поблагодарил Россию за поддержку.") == [("praise", PUB)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stay told in passing is a visit: "находился в", "в ходе пребывания в"
        ("Несколько дней назад президент Египта находился в Турции.", [("visit", "2024-06")]),
        ("В прошлом году премьер Малайзии находился в Японии.", [("visit", "2023")]),
        ("Во время своего пребывания в Ханое министр обороны Индии подписал меморандум с "
         "вьетнамской стороной.", [("visit", PUB), ("agreement_signed", PUB)]),
        # "недавний" dates to the month of publication like "недавно"
        ("В ходе недавнего визита в Бразилию президент Анголы подписал соглашение.",
         [("visit", "2024-06"), ("agreement_signed", "2024-06")]),
        # the passive of "заключить": the agreement was concluded
        ("Соглашение о свободной торговле между Египтом и Турцией было заключено в марте 2021 года.",
         [("agreement_signed", "2021-03")]),
        # phone calls: "обменялись мнениями по телефону", "связался по телефону", "телефонный контакт"
        ("Президенты Киргизии и Таджикистана 4 июня обменялись мнениями по телефону.",
         [("phone_call", "2024-06-04")]),
        ("Премьер Японии связался по телефону с президентом Индонезии.", [("phone_call", PUB)]),
        ("Между министрами иностранных дел Греции и Кипра состоялся телефонный контакт.", [("phone_call", PUB)]),
        # a sharp reaction, indignation: criticism
        ("Министр иностранных дел Китая резко отреагировал на слова премьера Австралии.", [("criticism", PUB)]),
        ("МИД Ирана выразил возмущение действиями властей Швеции.", [("criticism", PUB)]),
    ],
)
def test_lex_ru_round3_events(text: str, expected: list) -> None:
    assert kinds(text) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        # a stay that is no visit
        "Гражданин Литвы находился в больнице в Польше.",
        "Журналист из Франции находился в плену в Сирии два года.",
        # custody is not an agreement concluded
        "В Минске заключены под стражу двое граждан Латвии.",
        # counting on a visit, a visit postponed: not events
        "Мы рассчитываем на скорый визит президента Аргентины в Китай.",
        "Визит премьер-министра Индии в Японию откладывается.",
        "Встреча министров Сербии и Косова перенесена на осень.",
    ],
)
def test_lex_ru_round3_non_events(text: str) -> None:
    assert kinds(text) == []


def test_lex_ru_our_relations_name_the_pair() -> None:
    # in a speech at bilateral talks, "наши отношения" / "нашими странами" are the document's pair,
    # also in a paragraph of their own
    for text, kind, date in [
        ("Наши отношения берут начало с 1950 года.", "relations_established", "1950"),
        ("Между нашими странами подписан договор о дружбе.", "agreement_signed", PUB),
    ]:
        found = mentions_of("Президент Лаоса провёл переговоры с президентом Вьетнама в Ханое.\n\n" + text,
                            "ru", date=PUB)
        assert [(m.date, set(m.actors)) for m in found if m.kind == kind] == [(date, {"LA", "VN"})]


def test_lex_ru_tension_in_a_state_is_a_topic() -> None:
    # "обсудил напряжённость в Сербии": the state is talked about, not a party of the call
    found = mentions_of("Министр иностранных дел Франции провёл телефонный разговор с коллегой и обсудил "
                        "напряжённость в Сербии.", "ru", date=PUB)
    assert not [m for m in found if "RS" in m.actors]


@pytest.mark.parametrize(
    "text",
    [
        # sanctions blocked or opposed are not imposed
        "Венгрия заблокировала очередной пакет санкций ЕС против Ирана.",
        "Словакия выступила против новых санкций Евросоюза в отношении Китая.",
    ],
)
def test_lex_ru_blocked_sanctions(text: str) -> None:
    assert kinds(text) == []


def test_lex_ru_passive_lifting_departure_and_spoken_call() -> None:
    assert kinds("Санкции США против Кубы были частично сняты в 2015 году.") == [("sanctions_lifted", "2015")]
    # "отправился с визитом" is a departure reported; "отправится" stays a plan
    assert kinds("Президент Ирана отправился с визитом в Малайзию.") == [("visit", PUB)]
    assert kinds("Президент Ирана отправится с визитом в Малайзию.") == []
    # a call told in the first person on a state's site: that state calls
    found = mentions_of("Я говорил с президентом Турции по телефону 3 июня.", "ru", date=PUB,
                        url="http://kremlin.ru/events/president/news/1")
    assert [(m.kind, m.date, set(m.actors)) for m in found] == [("phone_call", "2024-06-03", {"RU", "TR"})]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the present of a headline or of an event going on
        ("Глава МИД Греции встречается с министром иностранных дел Египта.", [("meeting", PUB)]),
        ("Премьер-министр Словакии посещает Вьетнам.", [("visit", PUB)]),
        ("Президенты Армении и Франции подписывают соглашение о сотрудничестве в обороне.",
         [("agreement_signed", PUB)]),
        ("Министры иностранных дел Кувейта и Омана обсуждают ситуацию в регионе по телефону.",
         [("phone_call", PUB)]),
    ],
)
def test_lex_ru_headline_present(text: str, expected: list) -> None:
    assert kinds(text) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        # "встречается" as "occurs", a domestic law signed, a call planned
        "Такая формулировка часто встречается в договорах Франции.",
        "Президент Чили подписывает закон о бюджете.",
        "Министры иностранных дел Кувейта и Омана планируют обсудить по телефону ситуацию в регионе.",
    ],
)
def test_lex_ru_headline_present_non_events(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # talks, consultations or a meeting held by video or telephone are one call, not talks besides
        ("Премьер Японии провёл переговоры с премьером Канады в режиме видеоконференции.", [("phone_call", PUB)]),
        ("Заместители министров иностранных дел Египта и Катара 4 июня провели консультации по видеосвязи.",
         [("phone_call", "2024-06-04")]),
        ("Президенты Монголии и Южной Кореи провели встречу в режиме видеосвязи.", [("phone_call", PUB)]),
        ("Министры иностранных дел Литвы и Польши провели переговоры по телефону.", [("phone_call", PUB)]),
    ],
)
def test_lex_ru_video_talks_are_calls(text: str, expected: list) -> None:
    assert kinds(text) == expected


def test_lex_ru_departures_present_criticism_and_business() -> None:
    # "вылетел в" is a departure reported: a visit; the talks it is for are only its purpose
    assert kinds("Министр обороны Турции вылетел в Японию для переговоров.") == [("visit", PUB)]
    # the present of a headline
    assert kinds("МИД Китая обвиняет Австралию во вмешательстве.") == [("criticism", PUB)]
    # a leader's meeting with business people is no diplomatic meeting
    assert kinds("Президент Франции встретился с представителями деловых кругов Китая.") == []
    assert kinds("Премьер Италии провёл встречу с предпринимателями из Индии.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "в конце / в середине / в первых числах" + a month: that month, the report's year completes it
        ("В конце мая президент Ганы посетил Китай.", [("visit", "2024-05")]),
        ("В середине апреля министры иностранных дел Чили и Перу провели телефонный разговор.",
         [("phone_call", "2024-04")]),
        ("В первых числах марта прошлого года премьер Индии посетил Непал.", [("visit", "2023-03")]),
        # "в начале года" is this year
        ("В начале года президент Ганы посетил Китай.", [("visit", "2024")]),
    ],
)
def test_lex_ru_parts_of_months_and_years(text: str, expected: list) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "встречается с пониманием / доверием": is received, not meets
        "Эта инициатива Индии встречается с пониманием в Японии.",
        "Такая позиция Китая всегда встречается доверием со стороны Бразилии.",
    ],
)
def test_lex_ru_met_with_understanding(text: str) -> None:
    assert kinds(text) == []


def actors(text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return sorted((m.kind, m.source, m.target) for m in mentions_of(text, "ru", date=PUB))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an ambassador or embassy staff expelled; the present of a headline
        ("Эстония выслала посла Венесуэлы.", [("relations_downgraded", ("EE",), ("VE",))]),
        ("Польша выслала двух сотрудников посольства Кубы.", [("relations_downgraded", ("PL",), ("CU",))]),
        ("Чехия высылает трёх кубинских дипломатов.", [("relations_downgraded", ("CZ",), ("CU",))]),
        ("Латвия объявляет персоной нон грата консула Венесуэлы.", [("relations_downgraded", ("LV",), ("VE",))]),
        # a protest lodged, with a word between
        ("Токио заявил решительный протест Пекину.", [("criticism", ("JP",), ("CN",))]),
        # arms delivered or received are aid
        ("Норвегия передала Эстонии зенитные ракетные комплексы.", [("aid", ("NO",), ("EE",))]),
        ("Эстония получила от Норвегии крупную партию боеприпасов.", [("aid", ("NO",), ("EE",))]),
        # "приехал в" a foreign capital is a visit
        ("Премьер-министр Дании приехал в Вильнюс.", [("visit", ("DK",), ("LT",))]),
        # a session of an international body
        ("Министр иностранных дел Ирана принял участие в заседании Совета министров иностранных дел ШОС.",
         [("conference", ("IR",), ("SCO",))]),
    ],
)
def test_lex_ru_expulsions_protests_arms_arrivals_sessions(text: str, expected: list) -> None:
    assert actors(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a domestic trip, a domestic session, a trade delivery, negated and future deliveries
        "Президент Бразилии приехал в Сан-Паулу.",
        "Министр финансов Чили принял участие в заседании правительства.",
        "Президент Франции участвовал в заседании Совета обороны.",
        "Норвегия поставила Эстонии сжиженный газ.",
        "Норвегия не передала Эстонии боеприпасы.",
        "Норвегия передаст Эстонии боеприпасы в следующем году.",
        "Эстония не высылает дипломатов Венесуэлы.",
    ],
)
def test_lex_ru_expulsions_arms_sessions_non_events(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a joint statement or declaration adopted by the leaders is agreement_signed (SCHEMA.md)
        ("Лидеры Египта и Индии приняли совместное заявление.", [("agreement_signed", PUB)]),
        ("Совместное коммюнике Египта и Индии было принято в Каире 3 июня.", [("agreement_signed", "2024-06-03")]),
        # one ceremony with a signing is still one agreement
        ("Президенты Египта и Индии подписали соглашение о торговле и приняли совместное заявление.",
         [("agreement_signed", PUB)]),
        # not adopted, or a plan; a statement of one government is no agreement
        ("Министры иностранных дел Египта и Индии не приняли совместное заявление.", []),
        ("Президенты Египта и Индии планируют принять совместное заявление.", []),
        ("Правительство Египта приняло заявление.", []),
    ],
)
def test_lex_ru_joint_statements(text: str, expected: list) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # readiness, support and initiatives are no events
        "Турция открыта к переговорам с Арменией.",
        "Австрия выступает за отмену санкций против Сирии.",
        "Президент Чили высказался за проведение переговоров с Перу.",
        "Норвегия выступила с инициативой проведения встречи министров иностранных дел Чили и Перу.",
        # a schedule agreed, a threat, a submission for ratification
        "Анкара и Ереван согласовали сроки визита министра.",
        "Евросоюз грозит Сирии новыми санкциями.",
        "Правительство Чили внесло на ратификацию соглашение с Перу.",
    ],
)
def test_lex_ru_readiness_schedules_threats_non_events(text: str) -> None:
    assert kinds(text) == []


def test_lex_ru_initiative_of_a_call_held_still_counts() -> None:
    # "по инициативе" names who started a call that was held, unlike "выступила с инициативой"
    assert kinds("По инициативе чилийской стороны у президентов Чили и Перу был телефонный разговор.") == [
        ("phone_call", PUB)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the feminine "две" and "пару" count weeks and years back from the publication date
        ("Две недели назад премьер Непала посетил Индию.", [("visit", "2024-05-27")]),
        ("Пару лет назад премьер Непала посетил Индию.", [("visit", "2022")]),
    ],
)
def test_lex_ru_two_weeks_a_couple_of_years_ago(text: str, expected: list) -> None:
    assert kinds(text) == expected
