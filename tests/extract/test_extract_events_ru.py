"""Event mentions in Russian: kinds, dates, roles, non-events (#3). Sentences written for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of


def kinds(text: str, **kw) -> list[tuple[str, str | None]]:
    return sorted((m.kind, m.date) for m in mentions_of(text, "ru", **kw))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Министр иностранных дел Казахстана посетил Германию 12 марта 2023 г.", [("visit", "2023-03-12")]),
        ("В мае 2022 г. в Варшаве состоялась встреча министров иностранных дел Украины и Польши.",
         [("meeting", "2022-05"), ("visit", "2022-05")]),
        ("Украинско-польские межмидовские консультации прошли в Киеве в 2019, 2021 и 2023 годах.",
         [("consultations", "2019"), ("consultations", "2021"), ("consultations", "2023")]),
        ("3 июня 2021 г. министры иностранных дел Армении и Ирана провели телефонный разговор.",
         [("phone_call", "2021-06-03")]),
        ("Посол Германии вручил верительные грамоты Президенту Казахстана 5 апреля 2022 г.",
         [("credentials", "2022-04-05")]),
        ("10 октября 2019 г. в Астане подписано соглашение о сотрудничестве между Казахстаном и Германией.",
         [("agreement_signed", "2019-10-10")]),
        ("Украина и Польша установили дипломатические отношения 8 января 1992 г.",
         [("relations_established", "1992-01-08")]),
        ("В феврале 2022 г. Евросоюз ввёл санкции против России.", [("sanctions", "2022-02")]),
    ],
)
def test_extract_events_ru_kinds_and_dates(text: str, expected: list) -> None:
    assert kinds(text) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Министр иностранных дел Казахстана посетит Германию в следующем году.",
        "Стороны договорились провести консультации в 2024 г.",
        "Министр не посетил Польшу в 2021 г.",
        "Политические контакты развиваются через министерства иностранных дел.",
        "Норвегия является членом НАТО.",
        "Визит министра в Берлин планируется в мае 2024 г.",
    ],
)
def test_extract_events_ru_non_events(text: str) -> None:
    assert kinds(text) == []


def test_extract_events_ru_roles() -> None:
    (visit,) = mentions_of("Министр иностранных дел Армении посетил Иран в мае 2021 г.", "ru")
    assert (visit.source, visit.target) == (("AM",), ("IR",))
    (creds,) = mentions_of("Посол Польши вручил верительные грамоты Президенту Украины 2 мая 2017 г.", "ru")
    assert (creds.source, creds.target) == (("PL",), ("UA",))
    (call,) = mentions_of("По инициативе германской стороны в апреле 2020 г. прошёл телефонный разговор "
                          "министров иностранных дел Германии и Казахстана.", "ru")
    assert (call.source, call.target) == (("DE",), ("KZ",))
    (sanc,) = mentions_of("Официальный Лондон присоединился к санкциям против Ирана в 2019 г.", "ru")
    assert (sanc.source, sanc.target) == (("GB",), ("IR",))


def test_extract_events_ru_our_country_and_pair() -> None:
    text = ("Республика Казахстан и Германия установили дипломатические отношения в 1992 г.\n"
            "В 2020 г. Германия поддержала санкции ЕС против нашей страны.\n"
            "Главы МИД двух стран встречались в 2018 и 2019 годах.")
    ms = mentions_of(text, "ru")
    sanc = next(m for m in ms if m.kind == "sanctions")
    assert (sanc.source, sanc.target) == (("DE",), ("KZ",))
    meetings = [m for m in ms if m.kind == "meeting"]
    assert [m.actors for m in meetings] == [("DE", "KZ"), ("DE", "KZ")]


def test_extract_events_ru_publication_date_and_relative() -> None:
    (m,) = mentions_of("Вчера президент Казахстана провёл телефонный разговор с канцлером Германии.", "ru",
                       date="2023-05-10")
    assert m.date == "2023-05-09"
    (m,) = mentions_of("Президент Казахстана провёл телефонный разговор с канцлером Германии.", "ru",
                       date="2023-05-10")
    assert m.date == "2023-05-10"


def test_extract_events_ru_evidence_offsets() -> None:
    text = "Заголовок новости\nМинистр иностранных дел Армении посетил Иран в мае 2021 г. Это был первый визит."
    (m, *_) = mentions_of(text, "ru")
    assert text[m.evidence.start : m.evidence.end] == m.evidence.text
    assert "посетил Иран" in m.evidence.text


# Precision pass on news: general causes of false mentions, each with a positive twin.
@pytest.mark.parametrize(
    "text",
    [
        # verbs of another sense that begin like the noun "встреча"
        "Президент часто встречается с трудностями при ответе на такие вопросы.",
        "Мы регулярно встречаемся с журналистами в Москве в марте 2023 г.",
        # invitations, plans, threats, risks, fears, promises, calls
        "Премьер-министр Индии подтвердил своё приглашение российскому президенту посетить Индию.",
        "Отставка министра не изменит планы президента нанести визит в Польшу.",
        "Посол США пригрозил немецким компаниям санкциями.",
        "Компании рискуют попасть под угрозу санкций со стороны США.",
        "Немецкие промышленники боятся, что американские санкции заденут их сделки.",
        "Запад пообещал России новые санкции.",
        "Премьер-министр призвал ввести жёсткие санкции против Ирана.",
        "Польша требует, чтобы Россия подписала энергетическую хартию.",
        # infinitives and purposes
        "Министр вылетел в Киев, чтобы провести встречу с президентом Украины.",
        "Южная Корея предложила КНДР провести переговоры в сентябре.",
        "Стороны призвали сесть за стол переговоров.",
        "Правительство собралось для переговоров с Евросоюзом.",
        # future after the trigger
        "В ходе встречи министры обсудят укрепление отношений между Японией и Кореей.",
        "Украину на переговорах будет представлять министр иностранных дел.",
        "В переговорах, вероятно, примет участие министр иностранных дел Франции.",
        # a domestic law signed, a law about sanctions
        "Президент США подписал закон о бюджете 2 августа 2017 г.",
        "Закон о санкциях против Ирана вызвал споры в Конгрессе.",
        # talk about leaving, the talks as a stage, failed or cancelled events
        "Правительство Великобритании одобрило план выхода из ЕС.",
        "Министр отвечал за переговоры о выходе Великобритании из Евросоюза.",
        "Переговорную стратегию Лондона в отношениях с ЕС опубликуют в четверг.",
        "США решили отменить визит президента в Россию.",
        "Накануне визита министра иностранных дел Японии в Москву премьер выступил с заявлением.",
        "О встрече министры Германии и Франции договорились несколько дней назад.",
        "Черногория присоединилась к заявлению ради вступления в ЕС.",
    ],
)
def test_extract_events_ru_precision_non_events(text: str) -> None:
    assert kinds(text, date="2023-05-10") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Президент России встретился с Президентом Казахстана в Астане 12 марта 2023 г.",
         [("meeting", "2023-03-12"), ("visit", "2023-03-12")]),
        ("Встреча министров иностранных дел Германии и Польши прошла в Берлине 4 мая 2022 г.",
         [("meeting", "2022-05-04"), ("visit", "2022-05-04")]),
        ("2 августа 2017 г. Казахстан и Германия подписали соглашение о сотрудничестве.",
         [("agreement_signed", "2017-08-02")]),
        ("В марте 2022 г. Евросоюз ввёл санкции против Белоруссии.", [("sanctions", "2022-03")]),
        ("Премьер Японии осудил визит президента России на Курилы в ноябре 2010 г.",
         [("criticism", "2010-11"), ("visit", "2010-11")]),
    ],
)
def test_extract_events_ru_precision_positives(text: str, expected: list) -> None:
    assert kinds(text, date="2023-05-10") == sorted(expected)


def test_extract_events_ru_nakanune_alone_is_not_a_plan() -> None:
    # "накануне" alone means "the day before" (past); only "накануне визита" points ahead.
    ms = mentions_of("Накануне президент Казахстана провёл переговоры с канцлером Германии.", "ru", date="2023-05-10")
    assert [m.kind for m in ms] == ["consultations"]


def test_extract_events_ru_organisation_joined_and_host_capital() -> None:
    (m,) = mentions_of("ЕС и Великобритания подписали соглашение о торговле 24 декабря 2020 г.", "ru")
    assert m.actors == ("EU", "GB")
    ms = mentions_of("Министр иностранных дел Германии встретился с премьер-министром в Варшаве 3 марта 2022 г.", "ru")
    assert [(m.kind, m.actors) for m in ms] == [("meeting", ("DE", "PL")), ("visit", ("DE", "PL"))]
    assert (ms[1].source, ms[1].target) == (("DE",), ("PL",))


def test_extract_events_ru_programme_period_and_future_and_nearest_date() -> None:
    text = ("5 июня 2023 г. министр иностранных дел Казахстана посетил Германию.\n"
            "Стороны подписали программу сотрудничества на 2023–2025 годы.")
    signed = [m for m in mentions_of(text, "ru") if m.kind == "agreement_signed"]
    assert [m.date for m in signed] == ["2023-06-05"]  # the visit's date, not the programme's period
    # Dated after the report that tells it: a plan.
    assert mentions_of("Визит министра иностранных дел Казахстана в Германию состоялся 5 июня 2024 г.", "ru",
                       date="2023-05-10") == []
    (m,) = mentions_of("С февраля 2022 г. посол Польши, назначенный президентом, вручил верительные грамоты "
                       "Президенту Украины 12 сентября 2022 г.", "ru")
    assert m.date == "2022-09-12"


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [("Консультации министерств прошли в Минске 3 марта 2021 г. между Казахстаном и Германией.", "ru", "Minsk"),
     ("5 снежня 2017 года ў Жэневе Казахстан і Германія падпісалі пратакол.", "be", "Geneva"),
     ("Переговоры между Арменией и Ираном прошли в Давосе в январе 2020 г.", "ru", "Davos")],
)
def test_extract_events_places_in_english(text: str, lang: str, place: str) -> None:
    (m, *_) = mentions_of(text, lang)
    assert m.location is not None and m.location.name == place


# Recall pass: word orders, passives, participles and verbs a news report uses for an event held.
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("В Варшаву 12 марта прибыл президент Франции.", "visit"),
        ("Премьер-министр Японии прилетел в Пекин 3 мая 2019 г.", "visit"),
        ("Президент Индии, посетивший Норвегию в мае 2018 г., встретился с премьер-министром Норвегии.", "visit"),
        ("Президент Польши принимает в Варшаве своего французского коллегу.", "meeting"),
        ("Президенты Франции и Польши поговорили по телефону 5 марта.", "phone_call"),
        ("Президент Польши обсудил по телефону с канцлером Германии ситуацию в регионе.", "phone_call"),
        ("Президент Франции позвонил президенту Польши 4 апреля.", "phone_call"),
        ("Министры Польши и Литвы скрепили подписями соглашение о границе.", "agreement_signed"),
        ("В МИД Польши был вызван посол Германии.", "criticism"),
        ("Из Польши были высланы три германских дипломата.", "relations_downgraded"),
        ("Польша выслала литовского консула.", "relations_downgraded"),
        ("Германия объявила литовского консула персоной нон-грата.", "relations_downgraded"),
    ],
)
def test_extract_events_ru_recall_forms(text: str, kind: str) -> None:
    assert kind in [k for k, _ in kinds(text)]


@pytest.mark.parametrize(
    "text",
    [
        # travel at home, and the verbs of the new patterns in a future or another sense
        "Президент Польши приехал в Краков на открытие завода.",
        "Президент Франции прилетит в Варшаву в мае.",
        "Президент Франции не прибыл в Варшаву.",
        "Президент Польши принял участие в заседании коллегии министерства.",
        "Премьер-министр Польши принял отставку министра иностранных дел.",
        "Президент Франции позвонит президенту Польши на следующей неделе.",
        "Посол Германии будет вызван в МИД Польши.",
        "Польша может выслать германских дипломатов.",
    ],
)
def test_extract_events_ru_recall_non_events(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize(("text", "lang"), [
    ("Ukraine received military aid from Poland in April 2022.", "en"),
    ("Украина получила гуманитарную помощь от Польши в апреле 2022 г.", "ru"),
    ("Україна отримала гуманітарну допомогу від Польщі у квітні 2022 року.", "uk"),
    ("Ukraina otrzymała pomoc humanitarną od Polski w kwietniu 2022 r.", "pl"),
])
def test_extract_events_aid_received_from_a_donor(text: str, lang: str) -> None:
    (m,) = mentions_of(text, lang)
    assert (m.kind, m.source, m.target) == ("aid", ("PL",), ("UA",))


def test_extract_events_ru_person_keeps_state_and_next_day() -> None:
    # The third sentence names no state: only the people named before tie it to Germany and Finland
    # (the document's own pair would be Lithuania and Germany).
    text = ("Президент Литвы Гитанас Науседа встретился с канцлером Германии Олафом Шольцем 3 мая 2023 г.\n"
            "Президент Финляндии Саули Ниинисте посетил Вильнюс 5 мая 2023 г.\n"
            "На следующий день Шольц и Ниинисте провели телефонный разговор.")
    call = next(m for m in mentions_of(text, "ru") if m.kind == "phone_call")
    assert call.actors == ("DE", "FI")


def test_extract_events_ru_talks_between_officials_are_a_meeting() -> None:
    ms = mentions_of("В Астане 4 июня 2023 г. состоялись переговоры Министра иностранных дел Литвы "
                     "Габриэлюса Ландсбергиса с Министром иностранных дел Казахстана Муратом Нуртлеу.", "ru")
    assert [m.kind for m in ms] == ["meeting", "visit"]  # held in Astana: Lithuania's minister visited
    ms = mentions_of("4 июня 2023 г. в Астане состоялся очередной раунд переговоров между МИД Литвы и Казахстана.",
                     "ru")
    assert [m.kind for m in ms] == ["consultations"]  # a round between ministries implies no one's visit
