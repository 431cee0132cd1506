"""Indicators as speeches and news state them: relative periods, number words, speakers, carried topics."""

from __future__ import annotations

import pytest

from bilat.extract.indicators import IndicatorContext, find_indicators


def run(sentences: list[str], lang: str, ctx: IndicatorContext) -> list[tuple]:
    out = []
    for s in sentences:
        found, ctx = find_indicators(s, lang, ctx)
        out += [(f.indicator, f.reporter, f.partner, f.period, f.value, f.unit) for f in found]
    return out


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Last year bilateral trade reached $3.2 billion."),
        ("ru", "В прошлом году товарооборот достиг 3,2 млрд долларов."),
        ("uk", "Минулого року товарообіг сягнув 3,2 млрд доларів."),
        ("be", "У мінулым годзе тавараабарот дасягнуў 3,2 млрд долараў."),
        ("pl", "W ubiegłym roku obroty handlowe osiągnęły 3,2 mld dolarów."),
    ],
)
def test_indicators_last_year_from_publication(lang: str, text: str) -> None:
    ctx = IndicatorContext("KZ", "DE", pub_date="2023-05-04")
    assert run([text], lang, ctx) == [("trade_turnover", "KZ", "DE", "2022", 3.2e9, "USD")]
    # Without a publication date "last year" names no year.
    assert run([text], lang, IndicatorContext("KZ", "DE"))[0][3] is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Over the first nine months, trade with Germany amounted to $1.4 billion."),
        ("ru", "За девять месяцев товарооборот с Германией составил 1,4 млрд долларов."),
        ("uk", "За перше півріччя товарообіг з Німеччиною становив 1,4 млрд доларів."),
    ],
)
def test_indicators_part_of_the_year_is_that_year(lang: str, text: str) -> None:
    ctx = IndicatorContext("KZ", "DE", pub_date="2023-10-20")
    assert run([text], lang, ctx) == [("trade_turnover", "KZ", "DE", "2023", 1.4e9, "USD")]


def test_indicators_last_year_as_comparison_base_is_not_the_period() -> None:
    ctx = IndicatorContext("KZ", "DE", period="2021", pub_date="2023-02-01")
    found = run(["Bilateral trade was $2 billion, up 5% compared with last year."], "en", ctx)
    assert found[0][3] == "2021"


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("ru", "Товарооборот составил около трех миллиардов долларов.", 3e9),
        ("uk", "Товарообіг становив майже два мільярди доларів.", 2e9),
        ("en", "Bilateral trade came to about two billion dollars.", 2e9),
        ("pl", "Obroty handlowe wyniosły prawie dwa miliardy dolarów.", 2e9),
    ],
)
def test_indicators_number_words(lang: str, text: str, value: float) -> None:
    found = run([text], lang, IndicatorContext("KZ", "DE"))
    assert [(f[0], f[4], f[5]) for f in found] == [("trade_turnover", value, "USD")]


def test_indicators_number_word_needs_a_scale() -> None:
    text = "Bilateral trade with two dollars of margin in 2020 and 5 partners."
    assert run([text], "en", IndicatorContext("KZ")) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We agreed on steps to bring our mutual trade to $10 billion."),
        ("en", "Our goal is bilateral trade of $10 billion."),
        ("ru", "Стороны намерены довести товарооборот до 10 млрд долларов."),
        ("uk", "Наша мета — товарообіг у 10 млрд доларів."),
    ],
)
def test_indicators_goals_are_dropped(lang: str, text: str) -> None:
    assert run([text], lang, IndicatorContext("KZ", "DE")) == []


def test_indicators_forecast_in_the_next_clause_keeps_the_figure() -> None:
    text = "Bilateral trade amounted to $4 billion in 2022 and will reach $6 billion soon."
    assert [f[4] for f in run([text], "en", IndicatorContext("KZ", "DE"))] == [4e9]


def test_indicators_speaker_label_gives_our_trade() -> None:
    ctx = IndicatorContext("RU", "KZ", pub_date="2023-11-01")
    sentences = [
        "President of Kazakhstan Aidar Bekov: Thank you for the invitation.",
        "Our trade is growing: over nine months it amounted to $6 billion.",
        "Pavel Orlov: I agree.",
        "Aidar Bekov: In 2021 our trade was $4 billion.",
    ]
    assert run(sentences, "en", ctx) == [
        ("trade_turnover", "KZ", "RU", "2023", 6e9, "USD"),
        ("trade_turnover", "KZ", "RU", "2021", 4e9, "USD"),
    ]


def test_indicators_no_speaker_label_in_plain_colon_sentences() -> None:
    ctx = IndicatorContext("RU", "KZ")
    found = run(["Our mutual trade is rising: in 2022 it reached $3 billion."], "en", ctx)
    assert [(f[1], f[2]) for f in found] == [("RU", "KZ")]


def test_indicators_whose_statistics() -> None:
    text = "По вашей статистике, товарооборот превысил 12 млрд долларов, по российской – 11 с небольшим миллиардов."
    assert run([text], "ru", IndicatorContext("RU", "KZ")) == [
        ("trade_turnover", "KZ", "RU", None, 12e9, "USD"),
        ("trade_turnover", "RU", "KZ", None, 11e9, "USD"),
    ]


def test_indicators_topic_goes_on_to_the_next_sentence() -> None:
    ctx = IndicatorContext("UA", "TR", period="2020")
    sentences = [
        "Імпорт з Туреччини у 2020 році склав $150 млн.",
        "Друге місце посіла Італія з результатом $120 млн.",
        "Ще $30 млн припало на інші джерела.",  # no state: nothing
    ]
    assert run(sentences, "uk", ctx) == [
        ("imports", "UA", "TR", "2020", 150e6, "USD"),
        ("imports", "UA", "IT", "2020", 120e6, "USD"),
    ]


def test_indicators_topic_expires() -> None:
    ctx = IndicatorContext("UA", "TR", period="2020")
    sentences = [
        "Імпорт з Туреччини у 2020 році склав $150 млн.",
        "Це добрий результат.",
        "Про це повідомили журналістам.",
        "Італія отримала $120 млн.",
    ]
    assert len(run(sentences, "uk", ctx)) == 1


def test_indicators_goods_counts_respectively() -> None:
    ctx = IndicatorContext("UA", "FR", period="2020", topic="imports", topic_ttl=2, topic_reporter="UA")
    text = "Далі йдуть Франція і Чехія, звідки в Україну ввезли 3,1 тис. од. і 2,8 тис. од. відповідно."
    assert run([text], "uk", ctx) == [
        ("imports", "UA", "FR", "2020", 3100.0, "count"),
        ("imports", "UA", "CZ", "2020", 2800.0, "count"),
    ]


def test_indicators_goods_count_needs_a_named_state() -> None:
    ctx = IndicatorContext("UA", "FR", period="2020")
    assert run(["За рік в Україну ввезли 12,4 тис. автомобілів."], "uk", ctx) == []
    found = run(["З Франції в Україну ввезли 12,4 тис. автомобілів."], "uk", ctx)
    assert found == [("imports", "UA", "FR", "2020", 12400.0, "count")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Moldova received about $40 million in German aid in 2019."),
        ("uk", "Молдова отримала близько 40 млн доларів німецької допомоги у 2019 році."),
        ("ru", "Молдавия получила около 40 млн долларов немецкой помощи в 2019 году."),
    ],
)
def test_indicators_aid_donor_by_adjective(lang: str, text: str) -> None:
    assert run([text], lang, IndicatorContext("MD")) == [("aid", "DE", "MD", "2019", 40e6, "USD")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The charity campaign raised $5 million in aid for Moldova."),
        ("uk", "Благодійна кампанія зібрала 5 млн доларів допомоги для Молдови."),
    ],
)
def test_indicators_fundraising_is_not_aid(lang: str, text: str) -> None:
    assert run([text], lang, IndicatorContext("DE")) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Trade volume was 51 billion dollars, by the other count 50-odd billion."),
        ("ru", "Товарооборот составил 51 млрд долларов, а по другим оценкам 50 с лишним миллиардов."),
    ],
)
def test_indicators_currency_said_before(lang: str, text: str) -> None:
    found = run([text], lang, IndicatorContext("KZ", "DE"))
    assert [(f[4], f[5]) for f in found] == [(51e9, "USD"), (50e9, "USD")]
