"""Sanctions asked for (listed as a means beside weapons, named as a goal, said to be needed) are no
event; an ambassador recalled for consultations, told as done or as it happens, is a downgrade and
no round of consultations. Every sentence was written for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of

DATE = "2022-03-01"
SITE = "https://www.youtube.com/watch?v=test"  # a site of no state: the text's most named state speaks


def kinds(text: str, lang: str) -> dict[str, tuple[str, ...]]:
    return {m.kind: m.actors for m in mentions_of(text, lang, date=DATE, url=SITE)}


@pytest.mark.parametrize(("text", "lang"), [
    ("Україна чекає від партнерів не слів, а дій: допомоги зброєю, новими санкціями проти Росії.", "uk"),
    ("Україна дякує партнерам і просить допомагати далі санкціями, зброєю та грошима проти агресора Росії.", "uk"),
    ("Украина ждёт от партнёров помощи оружием, новыми санкциями против России.", "ru"),
    ("Літва чакае ад партнёраў дапамогі зброяй, новымі санкцыямі супраць Расіі.", "be"),
    ("Ukraina czeka na pomoc bronią, nowymi sankcjami wobec Rosji.", "pl"),
    # a goal
    ("Україна працюватиме з партнерами цього тижня заради нових санкцій проти Росії.", "uk"),
    ("Украина продолжит работу с партнёрами ради новых санкций против России.", "ru"),
    # needed, not done
    ("Україна наполягає: потрібен новий санкційний пакет проти Росії.", "uk"),
    ("Украина настаивает: нужен новый пакет санкций против России.", "ru"),
    ("Літва настойвае: патрэбен новы пакет санкцый супраць Расіі.", "be"),
    ("Polska podkreśla, że potrzebny jest nowy pakiet sankcji wobec Rosji.", "pl"),
    # a topic named on its own after a call, and a list of what is needed
    ("Україна бореться. Говорив сьогодні з Президентом Франції. Також про посилення санкцій проти Росії.", "uk"),
    ("Украина борется. Говорил сегодня с Президентом Франции. Также о новых санкциях против России.", "ru"),
    ("Украіна змагаецца. Размаўляў сёння з Прэзідэнтам Францыі. Таксама пра новыя санкцыі супраць Расіі.", "be"),
    ("Ukraina walczy. Rozmawiałem dziś z prezydentem Francji. Również o nowych sankcjach wobec Rosji.", "pl"),
    ("Україна бореться. Зброя, техніка, кошти, санкції проти Росії – ось що нам допоможе.", "uk"),
    ("Украина борется. Оружие, техника, деньги, санкции против России – вот что нам поможет.", "ru"),
    # the right to impose them
    ("Новый закон США даёт правительству право введения санкций против России.", "ru"),
    ("Новий закон США дає уряду право запровадження санкцій проти Росії.", "uk"),
    ("Новы закон ЗША дае ўраду права ўвядзення санкцый супраць Расіі.", "be"),
    ("Nowa ustawa USA daje rządowi prawo do nałożenia sankcji na Rosję.", "pl"),
])
def test_sanctions_asked_for_are_no_event(text: str, lang: str) -> None:
    assert "sanctions" not in kinds(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Україна відкликала посла з Киргизстану на консультації.", "uk"),
    ("Україна відкликає свого посла з Киргизстану для консультацій.", "uk"),
    ("Россия отозвала посла из Киргизии на консультации.", "ru"),
    ("Россия отзывает своего посла из Киргизии для консультаций.", "ru"),
    ("Расія адклікала пасла з Кыргызстана на кансультацыі.", "be"),
    ("Расія адклікае пасла з Кыргызстана на кансультацыі.", "be"),
    ("Rosja odwołała ambasadora z Kirgistanu na konsultacje.", "pl"),
    ("Rosja odwołuje ambasadora z Kirgistanu na konsultacje.", "pl"),
])
def test_an_ambassador_recalled_for_consultations_is_a_downgrade_only(text: str, lang: str) -> None:
    found = kinds(text, lang)
    assert set(found) == {"relations_downgraded"}
    assert "KG" in found["relations_downgraded"]


def test_consultations_held_stay() -> None:
    assert "consultations" in kinds("Консультації України з Киргизстаном відбулися сьогодні в Києві.", "uk")


@pytest.mark.parametrize(("text", "lang"), [
    ("Президент Вьетнама посетит нашу страну с официальным визитом в связи с юбилеем, сообщили в Москве.", "ru"),
    ("Президент В'єтнаму відвідає нашу країну з офіційним візитом у зв'язку з ювілеєм, повідомили в Києві.", "uk"),
    ("Прэзідэнт В'етнама наведае нашу краіну з афіцыйным візітам у сувязі з юбілеем, паведамілі ў Мінску.", "be"),
])
def test_a_trip_to_come_told_with_its_kind_is_no_visit(text: str, lang: str) -> None:
    assert "visit" not in kinds(text, lang)
    done = text.replace("посетит", "посетил").replace("відвідає", "відвідав").replace("наведае", "наведаў")
    assert "visit" in kinds(done, lang)


@pytest.mark.parametrize(("invited", "made", "lang", "pair"), [
    ("Глава української держави запросив обраного Президента Сполучених Штатів Джона Сміта "
     "здійснити візит до України у зручний час.",
     "Обраний Президент Сполучених Штатів здійснив візит до України.", "uk", ("UA", "US")),
    ("Прэзідэнт Польшчы запрасіў абранага Прэзідэнта Злучаных Штатаў здзейсніць візіт у Польшчу ў зручны час.",
     "Абраны Прэзідэнт Злучаных Штатаў здзейсніў візіт у Польшчу.", "be", ("PL", "US")),
])
def test_an_invitation_to_make_a_visit_is_no_visit(invited: str, made: str, lang: str, pair: tuple[str, str]) -> None:
    assert "visit" not in kinds(invited, lang)
    assert kinds(made, lang).get("visit") == pair


@pytest.mark.parametrize(("text", "lang"), [
    ("Прэм'ер Нарвегіі зацікаўлены ў другой сустрэчы з прэзідэнтам Кітая.", "be"),
    ("Прем'єр Норвегії зацікавлений у другій зустрічі з президентом Китаю.", "uk"),
    ("Премьер Норвегии заинтересован во второй встрече с президентом Китая.", "ru"),
    ("Premier Norwegii jest zainteresowany drugim spotkaniem z prezydentem Chin.", "pl"),
])
def test_interest_in_a_meeting_is_no_meeting(text: str, lang: str) -> None:
    assert "meeting" not in kinds(text, lang)


def test_be_leaving_told_in_the_future_is_no_event() -> None:
    assert kinds("Калі Брытанія выйдзе з ЕС, завод спыніцца.", "be") == {}
    assert kinds("Брытанія выйшла з ЕС.", "be") == {"membership_left": ("EU", "GB")}
