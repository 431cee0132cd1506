"""Event mentions in Persian: kinds, dates, roles, non-events (#3). Sentences written for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of


def kinds(text: str, **kw) -> list[tuple[str, str | None]]:
    return sorted((m.kind, m.date) for m in mentions_of(text, "fa", **kw))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وزیر امور خارجه ایران روز ۱۲ مارس ۲۰۲۳ به مسکو سفر کرد.", [("visit", "2023-03-12")]),
        ("رئیس جمهور ارمنستان در ۵ مه ۲۰۲۲ وارد تهران شد.", [("visit", "2022-05-05")]),
        ("سفر رسمی رئیس جمهور ترکیه به باکو در ژوئن ۲۰۲۱ انجام شد.", [("visit", "2021-06")]),
        ("وزیر امور خارجه ایران در ۱۰ ژوئن ۲۰۲۱ با همتای ارمنی خود دیدار کرد.", [("meeting", "2021-06-10")]),
        ("مذاکرات ایران و عراق در سال‌های ۲۰۱۷، ۲۰۱۸ و ۲۰۲۰ برگزار شد.",
         [("consultations", "2017"), ("consultations", "2018"), ("consultations", "2020")]),
        ("وزیران امور خارجه ایران و ترکیه در مارس ۲۰۲۰ گفتگوی تلفنی داشتند.", [("phone_call", "2020-03")]),
        ("وزیران خارجه ایران و عمان در ۲ مه ۲۰۲۱ تلفنی گفت‌وگو کردند.", [("phone_call", "2021-05-02")]),
        ("سفیر جدید آلمان در ۵ آوریل ۲۰۲۲ استوارنامه خود را به رئیس جمهور ایران تقدیم کرد.",
         [("credentials", "2022-04-05")]),
        ("ایران و نروژ در ۳ فوریه ۲۰۰۵ یادداشت‌هایی را تبادل کردند.", [("notes_exchange", "2005-02-03")]),
        ("تفاهم‌نامه همکاری میان ایران و ارمنستان در ۱۰ اکتبر ۲۰۱۹ امضا شد.", [("agreement_signed", "2019-10-10")]),
        ("روابط دیپلماتیک ایران و نروژ در سال ۱۹۹۲ برقرار شد.", [("relations_established", "1992")]),
        ("وزیر امور خارجه ایران در نوامبر ۲۰۲۲ در اجلاس سازمان همکاری شانگهای شرکت کرد.",
         [("conference", "2022-11")]),
        ("اتحادیه اروپا در فوریه ۲۰۲۲ تحریم‌هایی را علیه روسیه اعمال کرد.", [("sanctions", "2022-02")]),
        ("آمریکا در ژانویه ۲۰۱۶ تحریم‌های ایران را لغو کرد.", [("sanctions_lifted", "2016-01")]),
        ("عمان در سال ۲۰۱۳ میان ایران و آمریکا میانجیگری کرد.", [("mediation", "2013")]),
        ("ژاپن در مارس ۲۰۲۲ ده میلیون دلار کمک بشردوستانه به افغانستان اختصاص داد.", [("aid", "2022-03")]),
        ("وزیر امور خارجه ایران در ۴ ژوئیه ۲۰۲۰ از چین تشکر کرد.", [("praise", "2020-07-04")]),
        ("وزارت امور خارجه ایران در ۷ آوریل ۲۰۲۲ سفیر انگلیس را احضار کرد.", [("criticism", "2022-04-07")]),
        ("ایران در سال ۲۰۲۳ به عضویت سازمان همکاری شانگهای درآمد.", [("membership_joined", "2023")]),
        ("کانادا در سال ۲۰۱۲ سفیر خود را از ایران فراخواند.", [("relations_downgraded", "2012")]),
    ],
)
def test_extract_events_fa_kinds_and_dates(text: str, expected: list) -> None:
    assert kinds(text) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "وزیر امور خارجه ایران هفته آینده به مسکو سفر خواهد کرد.",
        "وزیر امور خارجه ایران به مسکو سفر نکرد.",
        "قرار است دو طرف در سال ۲۰۲۴ با ترکیه مذاکره کنند.",
        "ایران و ارمنستان تفاهم‌نامه همکاری را امضا نکردند.",
        "رئیس جمهور ترکیه برنامه دارد در ماه آینده با رئیس جمهور ایران دیدار کند.",
        "اگر آمریکا تحریم‌ها را لغو کند، ایران به مذاکرات باز می‌گردد.",
        "نروژ عضو ناتو است.",
        "تیم ملی ایران در دیدار دوستانه با تیم ملی ژاپن به تساوی رسید.",
    ],
)
def test_extract_events_fa_non_events(text: str) -> None:
    assert kinds(text) == []


def test_extract_events_fa_zwnj_optional() -> None:
    for text in ("وزیران خارجه ایران و ترکیه گفت‌وگوی تلفنی داشتند.", "وزیران خارجه ایران و ترکیه گفتوگوی تلفنی داشتند.",
                 "وزیران خارجه ایران و ترکیه گفت و گوی تلفنی داشتند."):
        assert [m.kind for m in mentions_of(text, "fa")] == ["phone_call"]


def test_extract_events_fa_arabic_letters() -> None:
    # Arabic yeh and kaf are read as the Persian letters.
    (m,) = mentions_of("وزير امور خارجه ايران به مسكو سفر كرد.", "fa")
    assert m.kind == "visit"


def test_extract_events_fa_roles() -> None:
    (visit,) = mentions_of("وزیر امور خارجه ارمنستان در مه ۲۰۲۱ به تهران سفر کرد.", "fa")
    assert (visit.source, visit.target) == (("AM",), ("IR",))
    (creds,) = mentions_of("سفیر لهستان در ۲ مه ۲۰۱۷ استوارنامه خود را به رئیس جمهور اوکراین تقدیم کرد.", "fa")
    assert (creds.source, creds.target) == (("PL",), ("UA",))
    (call,) = mentions_of("به ابتکار طرف ترکیه، وزیران امور خارجه ایران و ترکیه در مارس ۲۰۲۰ گفتگوی تلفنی داشتند.",
                          "fa")
    assert (call.source, call.target) == (("TR",), ("IR",))
    (sanc,) = mentions_of("اتحادیه اروپا در سال ۲۰۱۹ تحریم‌هایی را علیه ایران اعمال کرد.", "fa")
    assert (sanc.source, sanc.target) == (("EU",), ("IR",))
    (thanks,) = mentions_of("وزیر امور خارجه ایران از روسیه تشکر کرد.", "fa")
    assert (thanks.source, thanks.target) == (("IR",), ("RU",))


def test_extract_events_fa_publication_date() -> None:
    (m,) = mentions_of("وزیر امور خارجه ایران با وزیر امور خارجه ترکیه گفتگوی تلفنی داشت.", "fa", date="2023-05-10")
    assert m.date == "2023-05-10"


def test_extract_events_fa_evidence_offsets() -> None:
    text = "عنوان خبر\nوزیر امور خارجه ارمنستان در مه ۲۰۲۱ به تهران سفر کرد. این نخستین سفر وی بود."
    (m, *_) = mentions_of(text, "fa")
    assert text[m.evidence.start : m.evidence.end] == m.evidence.text
    assert "به تهران سفر کرد" in m.evidence.text


# Precision pass on news text: each general cause with a positive and a negative sentence of our own.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وزیران امور خارجه ایران و قطر در مه ۲۰۲۱ به صورت ویدئویی گفت‌وگو کردند.", [("phone_call", "2021-05")]),
        ("وزیر امور خارجه ایران در مه ۲۰۲۱ با وزیر امور خارجه ترکیه دیدار کرد.", [("meeting", "2021-05")]),
        ("وزیر امور خارجه ارمنستان در مه ۲۰۲۱ به تهران سفر کرد.", [("visit", "2021-05")]),
        ("ایران و ارمنستان در مه ۲۰۲۱ یک تفاهم‌نامه همکاری امضا کردند.", [("agreement_signed", "2021-05")]),
    ],
)
def test_extract_events_fa_precision_positives(text: str, expected: list) -> None:
    assert kinds(text) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        # sport: a match is a "دیدار", a team "goes" to meet its rival
        "تیم ملی والیبال ایران در دومین دیدار خود در مرحله نیمه‌نهایی به مصاف تیم ایتالیا رفت.",
        "حریف کشتی‌گیر ایرانی در دیدار پایانی ورزشکاری از هند است.",
        # an inspection at home, going home, troops entering a country
        "فرمانده سپاه در بازدید از منطقه مرزی با عراق درباره امنیت سخن گفت.",
        "بیمار ایرانی پس از بهبودی از بیمارستانی در ترکیه به خانه رفت.",
        "نیروهای آمریکایی پس از درگیری‌های شدید وارد خاک عراق شدند.",
        # an online ceremony, an interview by telephone, a player's contract
        "جوایز سینمایی آلمان امسال به صورت مجازی در برلین اهدا شد.",
        "سخنگوی دولت عراق در مکالمه تلفنی با شبکه الجزیره از آمریکا انتقاد کرد.",
        "بازیکن ایرانی با باشگاه ترکیه‌ای قرارداد دو ساله امضا کرد.",
        # a rejected negotiation, a future meeting in a long clause
        "رئیس‌جمهور روسیه هرگونه مذاکره با اوکراین را رد کرد.",
        "وزیر خارجه ارمنستان دیدارهای جداگانه‌ای با وزیران خارجه روسیه و آمریکا در ژنو خواهد داشت.",
    ],
)
def test_extract_events_fa_precision_non_events(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("سفیر ترکیه در تهران در پی اظهارات مقامات آنکارا درباره مرزهای مشترک به وزارت امور خارجه احضار شد.",
         [("criticism", None)]),
        ("وزیر امور خارجه ایران با همتای عمانی خود به صورت تلفنی گفت‌وگو کرده است.", [("phone_call", None)]),
        ("رئیس جمهور ایران و نخست وزیر پاکستان درباره روابط دو کشور گفت‌وگو و تبادل نظر کردند.",
         [("consultations", None)]),
        ("وزیر خارجه ایران در ادامه سفرش به ترکیه با رئیس جمهور این کشور درباره برنامه هسته‌ای ایران دیدار کرد.",
         [("meeting", None), ("visit", None)]),
    ],
)
def test_extract_events_fa_recall_forms(text: str, expected: list) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "وزیر امور خارجه ایران با همتای عمانی خود به صورت تلفنی گفت‌وگو خواهد کرد.",
        "رئیس جمهور ایران و نخست وزیر پاکستان درباره روابط دو کشور گفت‌وگو و تبادل نظر نکردند.",
        "وزیر خارجه ایران برنامه دارد با رئیس جمهور ترکیه دیدار کند.",
    ],
)
def test_extract_events_fa_recall_forms_non_events(text: str) -> None:
    assert kinds(text) == []
