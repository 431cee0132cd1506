"""Persian event lexicon: setting out for a country, being somewhere to attend a conference.
Sentences written for these tests."""

from __future__ import annotations

from conftest import mentions_of


def test_lex_fa_set_out_for_is_a_visit() -> None:
    (visit,) = mentions_of("وزیر خارجه ترکیه صبح امروز راهی تهران شد.", "fa")
    assert visit.kind == "visit"
    assert (visit.source, visit.target) == (("TR",), ("IR",))


def test_lex_fa_set_out_for_with_arabic_letters() -> None:
    (visit,) = mentions_of("هيئتي از پارلمان پاكستان ديروز راهي هند شدند.", "fa")
    assert visit.kind == "visit"
    assert set(visit.actors) == {"PK", "IN"}


def test_lex_fa_there_to_attend_is_a_conference() -> None:
    found = mentions_of("وزیر خارجه ایران برای شرکت در نشست سازمان همکاری اسلامی در استانبول حضور دارد.", "fa")
    assert [m.kind for m in found] == ["conference"]


def test_lex_fa_going_to_attend_is_not_an_event() -> None:
    assert mentions_of("وزیر خارجه ایران برای شرکت در نشست سازمان همکاری اسلامی به استانبول خواهد رفت.", "fa") == []
    assert mentions_of("وزیر خارجه ایران برای شرکت در نشست سازمان همکاری اسلامی آماده می‌شود.", "fa") == []


def test_lex_fa_anniversary_is_not_establishment() -> None:
    assert mentions_of("امروز سی‌امین سالگرد برقراری روابط دیپلماتیک ایران و ژاپن است.", "fa") == []
    (est,) = mentions_of("ایران و ژاپن در سال ۱۳۳۲ روابط دیپلماتیک برقرار کردند.", "fa")
    assert (est.kind, est.date) == ("relations_established", "1953")


def test_lex_fa_two_states_reviewing_a_matter_held_talks() -> None:
    (talks,) = mentions_of("ایران و ترکیه راه‌های گسترش همکاری‌های اقتصادی را مورد بررسی قرار دادند.", "fa")
    assert (talks.kind, set(talks.actors)) == ("consultations", {"IR", "TR"})
    (talks,) = mentions_of("هیئت‌های عراق و کویت دیروز به بحث و تبادل نظر پرداختند.", "fa")
    assert (talks.kind, set(talks.actors)) == ("consultations", {"IQ", "KW"})


def test_lex_fa_consulting_officials_met() -> None:
    # "رایزنی" between named officials is talks held by them: a meeting (and a visit to the host's capital)
    found = mentions_of("وزیر امور خارجه ایران با وزیر امور خارجه ترکیه در آنکارا رایزنی کرد.", "fa")
    assert sorted(m.kind for m in found) == ["meeting", "visit"]


def test_lex_fa_talks_in_progress_are_no_occasion() -> None:
    assert mentions_of("رایزنی‌ها با وزرای خارجه ایران و ترکیه برای تعیین موعد نشست در حال انجام است.", "fa") == []


def test_lex_fa_agreeing_to_hold_talks_and_anniversaries_are_no_events() -> None:
    assert mentions_of("ایران و عراق در مورد برگزاری دور جدید مذاکرات توافق کردند.", "fa") == []
    assert mentions_of("امروز سالگرد امضای قرارداد مودت ایران و روسیه است.", "fa") == []
    # talks held before something else still count
    (talks,) = mentions_of("ایران و عراق پس از برگزاری دور جدید مذاکرات بیانیه‌ای صادر کردند.", "fa")
    assert talks.kind == "consultations"


def test_lex_fa_leaving_a_treaty_is_not_leaving_an_organisation() -> None:
    # membership_left is a state and an organisation; another organisation in the sentence is no party
    assert mentions_of("کانادا در حالی که از توافق اقلیمی پاریس خارج شده، بودجه سازمان جهانی بهداشت را کم کرد.",
                       "fa") == []
    (left,) = mentions_of("آمریکا از سازمان یونسکو خارج شد.", "fa")
    assert (left.kind, left.source, left.target) == ("membership_left", ("US",), ("UNESCO",))


def test_lex_fa_courtesy_thanks_compatriots_upcoming_visits() -> None:
    # courtesy thanks are not praise; thanks for support are
    assert mentions_of("رئیس جمهور ترکیه از میزبانی و مهمان‌نوازی ایران تشکر کرد.", "fa") == []
    assert mentions_of("وزیر خارجه عمان از دعوت همتای ایرانی خود قدردانی کرد.", "fa") == []
    assert [m.kind for m in mentions_of("وزیر خارجه عمان از حمایت ایران تشکر کرد.", "fa")] == ["praise"]
    # a minister with compatriots abroad; an anniversary of a visit
    assert mentions_of("وزیر خارجه ایران با ایرانیان مقیم آلمان دیدار کرد.", "fa") == []
    assert mentions_of("سالروز سفر تاریخی رئیس جمهور ایران به چین است.", "fa") == []
    # talks about an upcoming visit: the talks count, the visit does not
    found = mentions_of("وزیر خارجه ایران و همتای عراقی درباره سفر آتی رئیس جمهور به بغداد گفت‌وگو کردند.", "fa")
    assert [m.kind for m in found] == ["meeting"]


def test_lex_fa_a_state_among_the_issues_talked_about_is_no_party() -> None:
    # "spoke by phone with his counterparts from Oman and Japan about a range of issues, including Syria"
    text = ("وزیر امور خارجه هند گفت که با همتایان خود از عمان و ژاپن "
            "درباره طیفی از مسائل از جمله سوریه تلفنی گفت‌وگو کرده است.")
    assert sorted(m.actors for m in mentions_of(text, "fa") if m.kind == "phone_call") == [("IN", "JP"), ("IN", "OM")]


def test_lex_fa_through_to_the_next_round_is_no_trip() -> None:
    text = ("دو کشتی‌گیر کشورمان در مرحله نیمه نهایی مقابل رقیبانی از قرقیزستان و چین شکست خوردند "
            "و راهی دیدار رده‌بندی شدند.")
    assert mentions_of(text, "fa", url="https://www.farsnews.ir/news/1") == []


def test_lex_fa_a_news_agency_named_by_its_state_is_no_party() -> None:
    text = "به گزارش خبرگزاری فرانسه از مسکو، وزیر خارجه ترکیه وارد مسکو شد."
    assert [(m.kind, m.actors) for m in mentions_of(text, "fa")] == [("visit", ("RU", "TR"))]
