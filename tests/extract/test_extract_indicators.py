"""Tests for bilat.extract.indicators and bilat.extract.numbers (own sentences, every language)."""

from __future__ import annotations

import time

import pytest

from bilat.extract.indicators import IndicatorContext, find_indicators, has_reversed_decimals
from bilat.extract.numbers import parse_number

BY_NO = IndicatorContext("BY", "NO")
UA_PL = IndicatorContext("UA", "PL")


def one(text: str, lang: str, ctx: IndicatorContext = BY_NO):
    found, _ = find_indicators(text, lang, ctx)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("raw", "decimal", "value"),
    [
        ("330,0", ",", 330.0),
        ("8,1", ",", 8.1),
        ("1 250,5", ",", 1250.5),
        ("1\u202f250,5", ",", 1250.5),
        ("1.250", ",", 1250.0),
        ("1,250.5", ".", 1250.5),
        ("1.250,5", ",", 1250.5),
        ("1,250", ".", 1250.0),
        ("8.1", ",", 8.1),
        ("2/5", ".", 2.5),
        ("5/917", ".", 917.5),
        ("12/5", ".", 12.5),
    ],
)
def test_extract_indicators_numbers(raw: str, decimal: str, value: float) -> None:
    assert parse_number(raw, decimal) == pytest.approx(value)


def test_extract_indicators_numbers_reversed_context() -> None:
    assert parse_number("8/1", ".", reversed_slash=True) == pytest.approx(1.8)
    assert parse_number("8/1", ".") == pytest.approx(8.1)


TURNOVER = [
    ("ru", "В 2021 году товарооборот составил 412,6 млн долларов США, увеличившись на 12,5 %.", 412.6e6, "USD", 12.5),
    ("be", "У 2021 годзе тавараабарот склаў 412,6 млн долараў ЗША, павялічыўшыся на 12,5 %.", 412.6e6, "USD", 12.5),
    ("uk", "У 2021 році товарообіг становив 412,6 млн доларів США, збільшившись на 12,5 %.", 412.6e6, "USD", 12.5),
    ("pl", "W 2021 roku obroty handlowe wyniosły 412,6 mln dolarów, co oznacza wzrost o 12,5%.", 412.6e6, "USD", 12.5),
    ("en", "In 2021 bilateral trade amounted to $412.6 million, up 12.5% compared with 2020.", 412.6e6, "USD", 12.5),
    (
        "fa",
        "در سال 2021 حجم مبادلات تجاری دو کشور به 412.6 میلیون دلار رسید که افزایش 12.5 درصدی داشت.",
        412.6e6,
        "USD",
        12.5,
    ),
    ("ru", "В 2021 году товарооборот снизился на 3 процента и составил 1,2 млрд евро.", 1.2e9, "EUR", -3.0),
    ("en", "In 2021 trade turnover fell 3% to EUR 1.2 billion.", 1.2e9, "EUR", -3.0),
    ("pl", "W 2021 r. wymiana handlowa spadła o 3 proc. do 1,2 mld euro.", 1.2e9, "EUR", -3.0),
    ("uk", "У 2021 році товарообіг скоротився на 3 відсотки — до 1,2 млрд євро.", 1.2e9, "EUR", -3.0),
]


@pytest.mark.parametrize(("lang", "text", "value", "unit", "change"), TURNOVER)
def test_extract_indicators_turnover(lang: str, text: str, value: float, unit: str, change: float) -> None:
    m = one(text, lang)
    assert (m.indicator, m.unit, m.period, m.reporter, m.partner) == ("trade_turnover", unit, "2021", "BY", "NO")
    assert m.value == pytest.approx(value)
    assert m.change_pct == pytest.approx(change)
    assert text[m.start : m.end].strip()


COMPARE = [
    ("be", "У 2019 годзе тавараабарот склаў 330,0 млн долараў, павялічыўшыся на 8,1 % у параўнанні з 2018 годам."),
    ("ru", "В 2019 году товарооборот составил 330,0 млн долларов, увеличившись на 8,1 % по сравнению с 2018 годом."),
    ("uk", "У 2019 році товарообіг склав 330,0 млн доларів, зрісши на 8,1 % порівняно з 2018 роком."),
    ("pl", "W 2019 roku obroty handlowe wyniosły 330,0 mln dolarów, wzrost o 8,1% w porównaniu z 2018 rokiem."),
    ("en", "Trade turnover reached $330.0 million in 2019, up 8.1% compared with 2018."),
    ("fa", "حجم مبادلات تجاری در سال 2019 به 330 میلیون دلار رسید که نسبت به سال 2018 افزایش 8.1 درصدی داشت."),
]


@pytest.mark.parametrize(("lang", "text"), COMPARE)
def test_extract_indicators_period_not_comparison_base(lang: str, text: str) -> None:
    m = one(text, lang)
    assert (m.period, m.value, m.change_pct) == ("2019", 330e6, pytest.approx(8.1))


EXPORTS_IMPORTS = [
    ("be", "Беларускі экспарт склаў 152,0 млн долараў, імпарт з Нарвегіі — 178,0 млн долараў."),
    ("ru", "Белорусский экспорт составил 152,0 млн долларов, импорт из Норвегии — 178,0 млн долларов."),
    ("uk", "Білоруський експорт склав 152,0 млн доларів, імпорт з Норвегії — 178,0 млн доларів."),
    ("pl", "Białoruski eksport wyniósł 152,0 mln dolarów, a import z Norwegii — 178,0 mln dolarów."),
    ("en", "Belarusian exports totalled $152.0 million and imports from Norway $178.0 million."),
    ("fa", "صادرات بلاروس 152 میلیون دلار و واردات از نروژ 178 میلیون دلار بود."),
]


@pytest.mark.parametrize(("lang", "text"), EXPORTS_IMPORTS)
def test_extract_indicators_exports_imports(lang: str, text: str) -> None:
    found, ctx = find_indicators(text, lang, IndicatorContext("BY", "NO", period="2019"))
    got = [(m.indicator, m.value, m.unit, m.reporter, m.partner, m.period) for m in found]
    assert got == [
        ("exports", 152e6, "USD", "BY", "NO", "2019"),
        ("imports", 178e6, "USD", "BY", "NO", "2019"),
    ]
    assert ctx.period == "2019"


SERVICES = [
    (
        "be",
        "У 2019 годзе абарот гандлю паслугамі склаў 32,7 млн долараў, экспарт — 5,8 млн долараў, імпарт — 26,9 млн долараў.",  # noqa: E501
    ),
    (
        "ru",
        "В 2019 году торговля услугами составила 32,7 млн долларов, экспорт — 5,8 млн долларов, импорт — 26,9 млн долларов.",  # noqa: E501
    ),
    (
        "uk",
        "У 2019 році торгівля послугами склала 32,7 млн доларів, експорт — 5,8 млн доларів, імпорт — 26,9 млн доларів.",
    ),
    ("pl", "W 2019 r. handel usługami wyniósł 32,7 mln dolarów, eksport — 5,8 mln dolarów, import — 26,9 mln dolarów."),
    ("en", "In 2019 trade in services reached $32.7 million, exports $5.8 million and imports $26.9 million."),
    ("fa", "در سال 2019 تجارت خدمات 32.7 میلیون دلار، صادرات 5.8 میلیون دلار و واردات 26.9 میلیون دلار بود."),
]


@pytest.mark.parametrize(("lang", "text"), SERVICES)
def test_extract_indicators_services_carry(lang: str, text: str) -> None:
    found, _ = find_indicators(text, lang, BY_NO)
    assert [(m.indicator, m.value, m.period) for m in found] == [
        ("services_turnover", 32.7e6, "2019"),
        ("services_exports", 5.8e6, "2019"),
        ("services_imports", 26.9e6, "2019"),
    ]


INVESTMENT = [
    (
        "be",
        "У 2019 годзе аб'ём нарвежскіх прамых інвестыцый на чыстай аснове склаў 65,2 тыс. долараў.",
        "fdi_inflow",
        65.2e3,
        "2019",
    ),
    (
        "ru",
        "В 2019 году объём норвежских прямых инвестиций на чистой основе составил 65,2 тыс. долларов.",
        "fdi_inflow",
        65.2e3,
        "2019",
    ),
    ("uk", "У 2019 році обсяг норвезьких прямих інвестицій склав 65,2 тис. доларів.", "fdi_inflow", 65.2e3, "2019"),
    ("pl", "W 2019 r. norweskie inwestycje bezpośrednie wyniosły 65,2 tys. dolarów.", "fdi_inflow", 65.2e3, "2019"),
    ("en", "In 2019 Norwegian direct investment in Belarus amounted to $65.2 thousand.", "fdi_inflow", 65.2e3, "2019"),
    (
        "ru",
        "Накопленный объём норвежских инвестиций на 1 января 2020 года — 4,4 млн долларов.",
        "investment_stock",
        4.4e6,
        "2020-01-01",
    ),
    (
        "be",
        "Назапашаны аб'ём нарвежскіх інвестыцый на 1 студзеня 2020 года — 4,4 млн долараў.",
        "investment_stock",
        4.4e6,
        "2020-01-01",
    ),
    (
        "en",
        "Accumulated Norwegian investment in Belarus as of 1 January 2020 stood at $4.4 million.",
        "investment_stock",
        4.4e6,
        "2020-01-01",
    ),
]


@pytest.mark.parametrize(("lang", "text", "kind", "value", "period"), INVESTMENT)
def test_extract_indicators_investment(lang: str, text: str, kind: str, value: float, period: str) -> None:
    m = one(text, lang)
    assert (m.indicator, m.period, m.reporter, m.partner) == (kind, period, "BY", "NO")
    assert m.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "ru",
            "Накопленный объём норвежских инвестиций на 1 января 2020 года — 4,4 млн долларов, в том числе 4,2 млн долларов — прямые инвестиции.",  # noqa: E501
        ),
        (
            "be",
            "Назапашаны аб'ём нарвежскіх інвестыцый на 1 студзеня 2020 года — 4,4 млн долараў, у тым ліку 4,2 млн долараў — прамыя інвестыцыі.",  # noqa: E501
        ),
    ],
)
def test_extract_indicators_fdi_stock_after_amount(lang: str, text: str) -> None:
    found, _ = find_indicators(text, lang, BY_NO)
    assert [(m.indicator, m.value) for m in found] == [("investment_stock", 4.4e6), ("fdi_stock", 4.2e6)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "В Беларуси зарегистрировано 5 компаний с норвежским капиталом."),
        ("be", "У Беларусі зарэгістравана 5 кампаній з нарвежскім капіталам."),
        ("uk", "У Білорусі зареєстровано 5 компаній з норвезьким капіталом."),
        ("pl", "Na Białorusi zarejestrowano 5 firm z norweskim kapitałem."),
        ("en", "There are 5 companies with Norwegian capital registered in Belarus."),
    ],
)
def test_extract_indicators_companies(lang: str, text: str) -> None:
    m = one(text, lang, IndicatorContext("BY", "NO", period="2019"))
    assert (m.indicator, m.value, m.unit, m.reporter, m.partner, m.period) == (
        "companies_with_partner_capital",
        5,
        "count",
        "BY",
        "NO",
        None,
    )


@pytest.mark.parametrize(
    ("lang", "text", "partner"),
    [
        ("en", "In 2015 Norway pledged US$20 mn in aid to developing countries.", None),
        ("en", "In 2015 Norway pledged $20m in humanitarian aid to Ukraine.", "UA"),
        ("ru", "В 2015 году Норвегия выделила 20 млн долларов помощи развивающимся странам.", None),
        ("uk", "У 2015 році Норвегія виділила 20 млн доларів допомоги для України.", "UA"),
        ("pl", "W 2015 r. Norwegia przeznaczyła 20 mln dolarów na pomoc dla Ukrainy.", "UA"),
        ("fa", "دولت نروژ در سال 2015، 20 میلیون دلار کمک به کشورهای در حال توسعه اختصاص داد.", None),
    ],
)
def test_extract_indicators_aid(lang: str, text: str, partner: str | None) -> None:
    m = one(text, lang, IndicatorContext("NO"))
    assert (m.indicator, m.value, m.unit, m.period, m.reporter, m.partner) == (
        "aid",
        20e6,
        "USD",
        "2015",
        "NO",
        partner,
    )


@pytest.mark.parametrize(
    ("lang", "text", "unit"),
    [
        ("ru", "В 2020 году помощь составила 300 млн крон.", "NOK"),
        ("en", "In 2020 the aid amounted to 300 million kroner.", "NOK"),
        ("fa", "در سال 2020 دولت 300 میلیون کرون کمک اختصاص داد.", "NOK"),
        ("pl", "W 2020 r. pomoc wyniosła 300 mln koron.", "NOK"),
    ],
)
def test_extract_indicators_crown_follows_state(lang: str, text: str, unit: str) -> None:
    assert one(text, lang, IndicatorContext("NO")).unit == unit
    assert one(text, lang, IndicatorContext("CZ")).unit == "CZK"


def test_extract_indicators_persian_reversed_decimals() -> None:
    ctx = IndicatorContext("NO")
    found, ctx = find_indicators("در سال 1989، 5/917 میلیون دلار صرف کمک به کشورهای در حال توسعه شد.", "fa", ctx)
    assert found[0].value == pytest.approx(917.5e6)
    assert ctx.reversed_decimals
    found, _ = find_indicators("این جنگ حدود 8/1 میلیارد کرون برای نروژ هزینه داشت.", "fa", ctx)
    assert (found[0].indicator, found[0].value, found[0].unit) == ("cost", pytest.approx(1.8e9), "NOK")
    found, _ = find_indicators("این جنگ حدود 8/1 میلیارد کرون برای نروژ هزینه داشت.", "fa", IndicatorContext("NO"))
    assert found[0].value == pytest.approx(8.1e9)
    assert has_reversed_decimals("سال 1989، 5/917 میلیون دلار", "fa")
    assert not has_reversed_decimals("2/5 میلیارد دلار", "fa")


@pytest.mark.parametrize(
    ("lang", "text", "value", "unit"),
    [
        ("fa", "حجم مبادلات تجاری 2/5 میلیارد دلار بود.", 2.5e9, "USD"),
        ("fa", "حجم مبادلات تجاری 1 میلیارد و 200 میلیون دلار بود.", 1.2e9, "USD"),
        ("fa", "هزینه آن 13 میلیون تومان بود.", 130e6, "IRR"),
        ("en", "Bilateral trade reached US$1,250.5 million.", 1250.5e6, "USD"),
        ("en", "Exports reached €5bn.", 5e9, "EUR"),
        ("ru", "Товарооборот составил 1.250 млн. руб.", 1250e6, "BYN"),
        ("ru", "Товарооборот составил 1 250,5 тыс. белорусских рублей.", 1250.5e3, "BYN"),
        ("uk", "Товарообіг сягнув 3,4 млрд грн.", 3.4e9, "UAH"),
        ("pl", "Obroty handlowe wyniosły 2,3 mld zł.", 2.3e9, "PLN"),
        ("pl", "Obroty handlowe wyniosły 700 miliardów złotych.", 700e9, "PLN"),
    ],
)
def test_extract_indicators_amounts(lang: str, text: str, value: float, unit: str) -> None:
    m = one(text, lang, IndicatorContext("IR" if lang == "fa" else "BY", "NO"))
    assert (m.value, m.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("lang", "text", "reporter", "partner"),
    [
        ("ru", "В 2022 году товарооборот между Украиной и Польшей составил 8 млрд долларов.", "UA", "PL"),
        ("ru", "В 2022 году товарооборот между Польшей и Украиной составил 8 млрд долларов.", "UA", "PL"),
        ("en", "Trade between Poland and Ukraine reached $8 billion in 2022.", "UA", "PL"),
        ("uk", "Товарообіг між Україною та Польщею у 2022 році становив 8 млрд доларів.", "UA", "PL"),
        ("pl", "W 2022 r. eksport z Polski do Ukrainy wyniósł 8 mld dolarów.", "PL", "UA"),
        ("en", "In 2022 Ukraine's imports from Poland were $8 billion.", "UA", "PL"),
        ("en", "In 2022 Polish investments in Ukraine totalled $8 billion.", "UA", "PL"),
    ],
)
def test_extract_indicators_parties(lang: str, text: str, reporter: str, partner: str) -> None:
    m = one(text, lang, UA_PL)
    assert (m.reporter, m.partner, m.period) == (reporter, partner, "2022")


def test_extract_indicators_period_inherited() -> None:
    found, ctx = find_indicators("В 2019 году товарооборот составил 330 млн долларов.", "ru", BY_NO)
    assert ctx.period == "2019"
    found, ctx = find_indicators("Экспорт достиг 152 млн долларов.", "ru", ctx)
    assert found[0].period == "2019"


def test_extract_indicators_month_range_is_its_year() -> None:
    m = one("В январе–июне 2023 года товарооборот составил 100 млн долларов.", "ru")
    assert m.period == "2023"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("be", "млн. долараў ЗША"),
        ("ru", "млн. долларов США"),
        ("ru", "В 2019 году в Минске побывали 120 норвежских туристов."),
        ("ru", "Телефон посольства: +375 17 123 45 67."),
        ("ru", "Доля Норвегии во внешней торговле составила 0,5 %."),
        ("en", "The 2019 agreement was signed by 12 ministers."),
        ("en", "Exports are important for both countries."),
        ("uk", "У 2019 році Україну відвідали 300 тисяч туристів."),
        ("pl", "W 2019 r. eksport stanowił 30% PKB."),
        ("fa", "در سال 1398 بیش از 500 نفر در این نمایشگاه شرکت کردند."),
        ("ru", "Товарооборот, по прогнозу, в 2025 году будет 500 млн долларов."),
        ("fa", "این کمکها به 461 میلیون کرون افزایش خواهد یافت."),
        ("en", "Bilateral trade will reach $1 billion by 2025."),
    ],
)
def test_extract_indicators_negatives(lang: str, text: str) -> None:
    assert find_indicators(text, lang, BY_NO)[0] == []


def test_extract_indicators_no_language() -> None:
    assert find_indicators("", None)[0] == []
    m = find_indicators("In 2019 bilateral trade reached $330 million.", None, BY_NO)[0]
    assert m and m[0].value == 330e6


def test_extract_indicators_speed() -> None:
    sentences = [f"Министр иностранных дел Беларуси встретился с коллегой из Норвегии {i}." for i in range(2000)]
    sentences += ["The ministers discussed cooperation in education and culture."] * 8000
    t = time.perf_counter()
    for s in sentences:
        find_indicators(s, "ru", BY_NO)
    assert len(sentences) / (time.perf_counter() - t) > 10_000
