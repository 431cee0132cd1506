"""Sentence and paragraph segmentation, driven by each language's data."""

from __future__ import annotations

import pytest

from bilat.normalise.segment import paragraphs, sentences


def split(text: str, lang: str | None) -> list[str]:
    spans = sentences(text, 0, len(text), lang)
    for s, e in spans:
        assert text[s:e] == text[s:e].strip() and text[s:e]
    return [text[s:e] for s, e in spans]


# (language, text, expected sentences)
CASES = [
    # initials
    (
        "ru",
        "Посол встретился с Ивановым И.И. в Москве. Стороны обсудили торговлю.",
        ["Посол встретился с Ивановым И.И. в Москве.", "Стороны обсудили торговлю."],
    ),
    (
        "ru",
        "Переговоры провёл С. В. Лавров. Затем состоялся обед.",
        ["Переговоры провёл С. В. Лавров.", "Затем состоялся обед."],
    ),
    ("ru", "Министр принял А.Петрова в МИД.", ["Министр принял А.Петрова в МИД."]),
    (
        "be",
        "Міністр сустрэўся з Н. К. Кавалёвым. Бакі абмеркавалі гандаль.",
        ["Міністр сустрэўся з Н. К. Кавалёвым.", "Бакі абмеркавалі гандаль."],
    ),
    ("be", "Пасол Н.Кавалёў прыбыў у Мінск.", ["Пасол Н.Кавалёў прыбыў у Мінск."]),
    (
        "uk",
        "Переговори провів Д. І. Кулеба. Сторони підписали протокол.",
        ["Переговори провів Д. І. Кулеба.", "Сторони підписали протокол."],
    ),
    (
        "en",
        "The talks were opened by J. F. Smith. Then the delegations met.",
        ["The talks were opened by J. F. Smith.", "Then the delegations met."],
    ),
    # abbreviations
    (
        "ru",
        "Визит состоялся в г.Осло. Министр вернулся в Минск.",
        ["Визит состоялся в г.Осло.", "Министр вернулся в Минск."],
    ),
    ("ru", "Встреча прошла в г. Осло и длилась час.", ["Встреча прошла в г. Осло и длилась час."]),
    (
        "ru",
        "Товарооборот составил 330 млн. долларов. Экспорт вырос.",
        ["Товарооборот составил 330 млн. долларов.", "Экспорт вырос."],
    ),
    ("ru", "Объём достиг 5 млрд. руб. за год.", ["Объём достиг 5 млрд. руб. за год."]),
    (
        "ru",
        "Обсуждались энергетика, транспорт и т.д. Встреча продлилась час.",
        ["Обсуждались энергетика, транспорт и т.д.", "Встреча продлилась час."],
    ),
    ("ru", "Рост составил 8.1 процента.", ["Рост составил 8.1 процента."]),
    (
        "be",
        "Сустрэча адбылася ў г. Осла. Бакі падпісалі пагадненне.",
        ["Сустрэча адбылася ў г. Осла.", "Бакі падпісалі пагадненне."],
    ),
    ("uk", "Обсяг торгівлі сягнув 2 млрд. дол. США за рік.", ["Обсяг торгівлі сягнув 2 млрд. дол. США за рік."]),
    (
        "en",
        "Mr. Smith met Dr. Jones in Oslo. They discussed trade.",
        ["Mr. Smith met Dr. Jones in Oslo.", "They discussed trade."],
    ),
    (
        "en",
        "The U.S. delegation arrived on Jan. 5 and left on Feb. 2.",
        ["The U.S. delegation arrived on Jan. 5 and left on Feb. 2."],
    ),
    (
        "en",
        "They discussed energy, transport, etc. The meeting lasted an hour.",
        ["They discussed energy, transport, etc.", "The meeting lasted an hour."],
    ),
    ("en", "Trade grew by 8.1 percent. Exports rose.", ["Trade grew by 8.1 percent.", "Exports rose."]),
    (
        "de",
        "Der Minister reiste am 5. Mai nach Oslo. Dort traf er Dr. Berg.",
        ["Der Minister reiste am 5. Mai nach Oslo.", "Dort traf er Dr. Berg."],
    ),
    (
        "pl",
        "Minister spotkał się z prof. Nowakiem w 2019 r. w Warszawie.",
        ["Minister spotkał się z prof. Nowakiem w 2019 r. w Warszawie."],
    ),
    (
        "fr",
        "M. Dupont a reçu l'ambassadeur. La rencontre a duré une heure.",
        ["M. Dupont a reçu l'ambassadeur.", "La rencontre a duré une heure."],
    ),
    ("es", "El Sr. García visitó Oslo. Luego viajó a Bergen.", ["El Sr. García visitó Oslo.", "Luego viajó a Bergen."]),
    (
        "nb",
        "Statsministeren besøkte Minsk 5. mai. Hun møtte presidenten.",
        ["Statsministeren besøkte Minsk 5. mai.", "Hun møtte presidenten."],
    ),
    # a year and "г." may end a sentence
    (
        "ru",
        "Премьер-министр посетил Финляндию в марте 2004 г. Министр обороны посетил её позднее.",
        ["Премьер-министр посетил Финляндию в марте 2004 г.", "Министр обороны посетил её позднее."],
    ),
    (
        "ru",
        "В марте 2011 г. Министр культуры посетил Ригу.",
        ["В марте 2011 г. Министр культуры посетил Ригу."],
    ),
    ("ru", "Консультации прошли в 2018 г. в Минске.", ["Консультации прошли в 2018 г. в Минске."]),
    (
        "be",
        "Пасол Літвы перадаў пасланне прэзідэнту ў 2013 г. Цырымонія прайшла ў Гродне.",
        ["Пасол Літвы перадаў пасланне прэзідэнту ў 2013 г.", "Цырымонія прайшла ў Гродне."],
    ),
    (
        "uk",
        "Посол вручив вірчі грамоти главі держави у 2017 р. Церемонія відбулася в Києві.",
        ["Посол вручив вірчі грамоти главі держави у 2017 р.", "Церемонія відбулася в Києві."],
    ),
    # Persian and Arabic punctuation
    (
        "fa",
        "وزیر امور خارجه به اسلو سفر کرد. آقای وزیر با همتای خود دیدار کرد؟ بله، دیدار انجام شد!",
        ["وزیر امور خارجه به اسلو سفر کرد.", "آقای وزیر با همتای خود دیدار کرد؟", "بله، دیدار انجام شد!"],
    ),
    (
        "fa",
        "دو طرف درباره انرژی؛ تجارت و حمل و نقل گفتگو کردند.",
        ["دو طرف درباره انرژی؛ تجارت و حمل و نقل گفتگو کردند."],
    ),
    ("fa", "شبکه بی.بی.سی. گزارش داد که رشد ۸.۱ درصد بود.", ["شبکه بی.بی.سی. گزارش داد که رشد ۸.۱ درصد بود."]),
    ("ar", "وصل الوزير إلى أوسلو. وعقد لقاء مع نظيره؟ نعم.", ["وصل الوزير إلى أوسلو.", "وعقد لقاء مع نظيره؟", "نعم."]),
    # quotes, brackets, lowercase continuation
    (
        "ru",
        "Он заявил: «Мы готовы к диалогу!» Затем он уехал.",
        ["Он заявил: «Мы готовы к диалогу!»", "Затем он уехал."],
    ),
    ("ru", "Встреча (4 февраля 2017 г.) прошла успешно.", ["Встреча (4 февраля 2017 г.) прошла успешно."]),
    ("en", "Is it over? no, not yet.", ["Is it over? no, not yet."]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_segment_sentences(lang: str, text: str, expected: list[str]) -> None:
    assert split(text, lang) == expected


@pytest.mark.parametrize("lang", ["be", "ru", "uk", "fa", "en", None])
def test_segment_line_breaks_end_sentences(lang: str | None) -> None:
    text = "  первая строка без точки\nsecond line\n\n\tтретья  \n"
    assert split(text, lang) == ["первая строка без точки", "second line", "третья"]


def test_segment_footnote_scrap_joins_sentence() -> None:
    text = "Стороны обменялись нотами (англ.) (бел. 1 ."
    assert split(text, "be") == [text]


def test_segment_inside_bounds() -> None:
    text = "xxx. Первое предложение. Второе. yyy"
    start, end = 5, len(text) - 4
    spans = sentences(text, start, end, "ru")
    assert [text[s:e] for s, e in spans] == ["Первое предложение.", "Второе."]
    assert all(start <= s < e <= end for s, e in spans)


def test_segment_paragraphs_are_stripped_lines() -> None:
    text = "  Первы радок. \n\n\r\n Другі\tрадок\n   \nапошні"
    assert [text[s:e] for s, e in paragraphs(text)] == ["Первы радок.", "Другі\tрадок", "апошні"]


def test_segment_unknown_language_uses_defaults() -> None:
    assert split("Zdanie pierwsze. Zdanie drugie!", "xx") == ["Zdanie pierwsze.", "Zdanie drugie!"]


def test_a_run_of_text_without_a_sentence_end_is_cut_into_bounded_pieces() -> None:
    from bilat.normalise.segment import MAX_SENTENCE, sentences

    text = "Министр посетил Германию 12 марта 2023 г, " * 2_000
    spans = sentences(text, 0, len(text), "ru")
    assert len(spans) > 1 and all(e - s <= MAX_SENTENCE for s, e in spans)
    assert all(text[s:e] == text[s:e].strip() for s, e in spans)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")
