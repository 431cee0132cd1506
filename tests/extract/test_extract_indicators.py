"""Tests for bilat.extract.indicators and bilat.extract.numbers (own sentences, every language)."""

from __future__ import annotations

import pytest

from bilat.extract.indicators import IndicatorContext, find_indicators, has_reversed_decimals
from bilat.extract.numbers import parse_number

BY_NO = IndicatorContext("BY", "NO")
UA_PL = IndicatorContext("UA", "PL")
KZ_DE = IndicatorContext("KZ", "DE")


def one(text: str, lang: str, ctx: IndicatorContext = BY_NO):
    found, _ = find_indicators(text, lang, ctx)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("raw", "decimal", "value"),
    [
        ("287,4", ",", 287.4),
        ("6,3", ",", 6.3),
        ("1 250,5", ",", 1250.5),
        ("1\u202f250,5", ",", 1250.5),
        ("1.250", ",", 1250.0),
        ("1,250.5", ".", 1250.5),
        ("1.250,5", ",", 1250.5),
        ("1,250", ".", 1250.0),
        ("6.3", ",", 6.3),
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
    ("be", "У 2021 годзе тавараабарот склаў 412,6 млн долараў ЗША і павялічыўся на 12,5 %.", 412.6e6, "USD", 12.5),
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
    ("be", "У 2022 годзе тавараабарот дасягнуў 287,4 млн долараў, павялічыўшыся на 6,3 % у параўнанні з 2021 годам."),
    ("ru", "В 2022 году товарооборот достиг 287,4 млн долларов, увеличившись на 6,3 % по сравнению с 2021 годом."),
    ("uk", "У 2022 році товарообіг досяг 287,4 млн доларів, зрісши на 6,3 % порівняно з 2021 роком."),
    ("pl", "W 2022 roku obroty handlowe osiągnęły 287,4 mln dolarów, wzrost o 6,3% w porównaniu z 2021 rokiem."),
    ("en", "Trade turnover reached $287.4 million in 2022, up 6.3% compared with 2021."),
    ("fa", "حجم مبادلات تجاری در سال 2022 به 287.4 میلیون دلار رسید که نسبت به سال 2021 افزایش 6.3 درصدی داشت."),
]


@pytest.mark.parametrize(("lang", "text"), COMPARE)
def test_extract_indicators_period_not_comparison_base(lang: str, text: str) -> None:
    m = one(text, lang)
    assert (m.period, m.value, m.change_pct) == ("2022", pytest.approx(287.4e6), pytest.approx(6.3))


EXPORTS_IMPORTS = [
    ("be", "Казахстанскі экспарт дасягнуў 214,3 млн долараў, імпарт з Германіі — 167,9 млн долараў."),
    ("ru", "Казахстанский экспорт достиг 214,3 млн долларов, импорт из Германии — 167,9 млн долларов."),
    ("uk", "Казахстанський експорт досяг 214,3 млн доларів, імпорт з Німеччини — 167,9 млн доларів."),
    ("pl", "Kazachski eksport wyniósł 214,3 mln dolarów, a import z Niemiec — 167,9 mln dolarów."),
    ("en", "Kazakh exports totalled $214.3 million and imports from Germany $167.9 million."),
    ("fa", "صادرات قزاقستان 214.3 میلیون دلار و واردات از آلمان 167.9 میلیون دلار بود."),
]


@pytest.mark.parametrize(("lang", "text"), EXPORTS_IMPORTS)
def test_extract_indicators_exports_imports(lang: str, text: str) -> None:
    found, ctx = find_indicators(text, lang, IndicatorContext("KZ", "DE", period="2022"))
    got = [(m.indicator, m.value, m.unit, m.reporter, m.partner, m.period) for m in found]
    assert got == [
        ("exports", pytest.approx(214.3e6), "USD", "KZ", "DE", "2022"),
        ("imports", pytest.approx(167.9e6), "USD", "KZ", "DE", "2022"),
    ]
    assert ctx.period == "2022"


SERVICES = [
    (
        "be",
        "У 2022 годзе абарот гандлю паслугамі дасягнуў 41,5 млн долараў, экспарт — 9,3 млн долараў, імпарт — 32,2 млн долараў.",  # noqa: E501
    ),
    (
        "ru",
        "В 2022 году торговля услугами достигла 41,5 млн долларов, экспорт — 9,3 млн долларов, импорт — 32,2 млн долларов.",  # noqa: E501
    ),
    (
        "uk",
        "У 2022 році торгівля послугами склала 41,5 млн доларів, експорт — 9,3 млн доларів, імпорт — 32,2 млн доларів.",
    ),
    ("pl", "W 2022 r. handel usługami wyniósł 41,5 mln dolarów, eksport — 9,3 mln dolarów, import — 32,2 mln dolarów."),
    ("en", "In 2022 trade in services reached $41.5 million, exports $9.3 million and imports $32.2 million."),
    ("fa", "در سال 2022 تجارت خدمات 41.5 میلیون دلار، صادرات 9.3 میلیون دلار و واردات 32.2 میلیون دلار بود."),
]


@pytest.mark.parametrize(("lang", "text"), SERVICES)
def test_extract_indicators_services_carry(lang: str, text: str) -> None:
    found, _ = find_indicators(text, lang, KZ_DE)
    assert [(m.indicator, m.value, m.period) for m in found] == [
        ("services_turnover", pytest.approx(41.5e6), "2022"),
        ("services_exports", pytest.approx(9.3e6), "2022"),
        ("services_imports", pytest.approx(32.2e6), "2022"),
    ]


INVESTMENT = [
    (
        "be",
        "У 2022 годзе паступленні нямецкіх прамых інвестыцый (на чыстай аснове) склалі 73,8 тыс. долараў.",
        "fdi_inflow",
        73.8e3,
        "2022",
    ),
    (
        "ru",
        "В 2022 году поступления немецких прямых инвестиций (на чистой основе) составили 73,8 тыс. долларов.",
        "fdi_inflow",
        73.8e3,
        "2022",
    ),
    ("uk", "У 2022 році обсяг німецьких прямих інвестицій склав 73,8 тис. доларів.", "fdi_inflow", 73.8e3, "2022"),
    ("pl", "W 2022 r. niemieckie inwestycje bezpośrednie wyniosły 73,8 tys. dolarów.", "fdi_inflow", 73.8e3, "2022"),
    ("en", "In 2022 German direct investment in Kazakhstan amounted to $73.8 thousand.", "fdi_inflow", 73.8e3, "2022"),
    (
        "ru",
        "Накопленный объём немецких инвестиций в Казахстан на 1 января 2023 года — 6,7 млн долларов.",
        "investment_stock",
        6.7e6,
        "2023-01-01",
    ),
    (
        "be",
        "Назапашаны аб'ём нямецкіх інвестыцый у Казахстан на 1 студзеня 2023 года — 6,7 млн долараў.",
        "investment_stock",
        6.7e6,
        "2023-01-01",
    ),
    (
        "en",
        "Accumulated German investment in Kazakhstan as of 1 January 2023 stood at $6.7 million.",
        "investment_stock",
        6.7e6,
        "2023-01-01",
    ),
]


@pytest.mark.parametrize(("lang", "text", "kind", "value", "period"), INVESTMENT)
def test_extract_indicators_investment(lang: str, text: str, kind: str, value: float, period: str) -> None:
    m = one(text, lang, KZ_DE)
    assert (m.indicator, m.period, m.reporter, m.partner) == (kind, period, "KZ", "DE")
    assert m.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "ru",
            "Накопленный объём немецких инвестиций в Казахстан на 1 января 2023 года — 6,7 млн долларов, в том числе 5,9 млн долларов — прямые инвестиции.",  # noqa: E501
        ),
        (
            "be",
            "Назапашаны аб'ём нямецкіх інвестыцый у Казахстан на 1 студзеня 2023 года — 6,7 млн долараў, у тым ліку 5,9 млн долараў ЗША — прамыя інвестыцыі.",  # noqa: E501
        ),
    ],
)
def test_extract_indicators_fdi_stock_after_amount(lang: str, text: str) -> None:
    found, _ = find_indicators(text, lang, KZ_DE)
    assert [(m.indicator, m.value) for m in found] == [
        ("investment_stock", pytest.approx(6.7e6)),
        ("fdi_stock", pytest.approx(5.9e6)),
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "В Казахстане работает 17 компаний с немецким капиталом."),
        ("be", "У Казахстане працуе 17 кампаній з нямецкім капіталам."),
        ("uk", "У Казахстані працює 17 компаній з німецьким капіталом."),
        ("pl", "W Kazachstanie działa 17 firm z niemieckim kapitałem."),
        ("en", "There are 17 companies with German capital operating in Kazakhstan."),
    ],
)
def test_extract_indicators_companies(lang: str, text: str) -> None:
    m = one(text, lang, IndicatorContext("KZ", "DE", period="2022"))
    assert (m.indicator, m.value, m.unit, m.reporter, m.partner, m.period) == (
        "companies_with_partner_capital",
        17,
        "count",
        "KZ",
        "DE",
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
    m = find_indicators("In 2022 bilateral trade reached $287 million.", None, BY_NO)[0]
    assert m and m[0].value == 287e6
