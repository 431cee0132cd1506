"""Ukrainian event lexicon on news forms (lex-ukbe): speech forms, nominal forms, factuality.
Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from conftest import mentions_of

URL = "https://mfa.example.gov.ua/news/1"  # a Ukrainian site: the document's own state is Ukraine
PUB = "2023-05-10"


def found(text: str) -> list[tuple[str, str | None, tuple[str, ...]]]:
    return sorted((m.kind, m.date, m.actors) for m in mentions_of(text, "uk", date=PUB, url=URL))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a leader's own account of a call, in the first person
        ("Вчора говорив з Президентом Румунії Клаусом Йоганнісом.", [("phone_call", "2023-05-09", ("RO", "UA"))]),
        ("Сьогодні поговорив із прем'єр-міністром Ірландії.", [("phone_call", PUB, ("IE", "UA"))]),
        ("Сьогодні провів важливу розмову з Президентом Франції.", [("phone_call", PUB, ("FR", "UA"))]),
        ("Президент Польщі мав розмову з канцлером Німеччини.", [("phone_call", PUB, ("DE", "PL"))]),
        ("Президент Польщі та Президент України обговорили в телефонному режимі безпекову ситуацію.",
         [("phone_call", PUB, ("PL", "UA"))]),
        # glad to have met: the meeting took place
        ("Був дуже радий зустрітися сьогодні з прем'єр-міністром Норвегії.", [("meeting", PUB, ("NO", "UA"))]),
        # a host's own words; a host receiving
        ("Для нас була велика честь вітати у Львові прем'єр-міністра Нідерландів.",
         [("meeting", PUB, ("NL", "UA"))]),
        ("Президент Польщі приймав у Варшаві прем'єр-міністра Литви.", [("meeting", PUB, ("LT", "PL"))]),
        # met on the sidelines
        ("Міністр закордонних справ Канади зустрів свого японського колегу в кулуарах саміту.",
         [("meeting", PUB, ("CA", "JP"))]),
        # a summit between two leaders is their meeting
        ("Саміт між президентами Франції та Німеччини відбувся в Парижі вчора.",
         [("meeting", "2023-05-09", ("DE", "FR"))]),
        ("Саміт президента Франції і канцлера Німеччини відбувся у Парижі 3 травня.",
         [("meeting", "2023-05-03", ("DE", "FR"))]),
        # talks held, the verb first
        ("У Варшаві відбулися переговори міністрів оборони Польщі та Литви.",
         [("consultations", PUB, ("LT", "PL"))]),
        # a joint statement adopted is agreement_signed (SCHEMA.md)
        ("За підсумками засідання Ради асоціації було ухвалено спільну заяву України та ЄС.",
         [("agreement_signed", PUB, ("EU", "UA"))]),
        ("Лідери Польщі та Литви прийняли спільну декларацію про оборонну співпрацю.",
         [("agreement_signed", PUB, ("LT", "PL"))]),
        # arrived by road or rail
        ("Учора прем'єр-міністр Чехії приїхав до Братислави.", [("visit", "2023-05-09", ("CZ", "SK"))]),
        ("До Варшави приїхала президентка Словаччини.", [("visit", PUB, ("PL", "SK"))]),
        # recalls
        ("Уряд Канади вирішив відкликати посла з Ірану.", [("relations_downgraded", PUB, ("CA", "IR"))]),
        ("Канада відкликала керівника своєї дипломатичної місії в Ірані.",
         [("relations_downgraded", PUB, ("CA", "IR"))]),
        # dropped in, a trip, an arrival
        ("Прем'єр-міністр Польщі завітав до Вільнюса 3 травня.", [("visit", "2023-05-03", ("LT", "PL"))]),
        ("Після прибуття до Києва прем'єр-міністр Чехії поклав квіти до меморіалу.",
         [("visit", PUB, ("CZ", "UA"))]),
        ("Прем'єр-міністр Чехії перебуває у Варшаві з робочою поїздкою.", [("visit", PUB, ("CZ", "PL"))]),
        # calls and statements
        ("Учора міністри закордонних справ Польщі та Литви зідзвонилися.",
         [("phone_call", "2023-05-09", ("LT", "PL"))]),
        ("МЗС України рішуче засуджує ракетні удари Росії.", [("criticism", PUB, ("RU", "UA"))]),
        # "мав зустріч" is "had a meeting"
        ("Міністр закордонних справ Литви мав зустріч з послом Франції.", [("meeting", PUB, ("FR", "LT"))]),
        # aid given, with a comma before the participle
        ("Ми отримали допомогу, яка надана Японією Україні, зокрема генератори.", [("aid", PUB, ("JP", "UA"))]),
    ],
)
def test_lex_uk_recall(text: str, expected: list) -> None:
    # the mention the rule gives; the core may add others (a visit implied by a meeting in a capital)
    got = found(text)
    assert all(e in got for e in expected), got


def test_lex_uk_call_about_sanctions_is_a_call() -> None:
    kinds = [m.kind for m in mentions_of("Говорив з Прем'єр-міністром Італії про санкції проти Росії.", "uk",
                                         date=PUB, url=URL)]
    assert "phone_call" in kinds and "sanctions" not in kinds


def test_lex_uk_speech_at_the_general_assembly() -> None:
    kinds = [m.kind for m in mentions_of("Президент Ірану в промові на сесії Генеральної асамблеї ООН розкритикував "
                                         "Ізраїль.", "uk", date=PUB, url=URL)]
    assert "conference" in kinds
    kinds = [m.kind for m in mentions_of("Прем'єр-міністр Індії заявив на саміті в Токіо, що торгівля зросла.",
                                         "uk", date=PUB, url=URL)]
    assert kinds == ["conference"]


@pytest.mark.parametrize(
    "text",
    [
        # talking with the public is no diplomatic call; a wish is no meeting
        "Президент Литви говорив з журналістами у Вільнюсі.",
        "Буду радий зустрітися з прем'єр-міністром Норвегії.",
        # goods arrive, people visit
        "Торік у Польщу прибуло понад тисячу вантажівок з Литви.",
        # considered, promoted, called for: not done
        "Санкції проти Ірану розглядалися у Брюсселі минулого тижня.",
        "Розгляд можливих санкцій проти Польщі на цьому й завершився.",
        "Польща просуває новий санкційний пакет ЄС проти Росії.",
        "Литва наполягає на нових санкціях ЄС проти Білорусі.",
        "Заклики Польщі до нових санкцій проти Росії прозвучали вчора.",
        # sanctions as a backdrop or a topic; a policy
        "На тлі санкцій ЄС Росія шукає нові ринки.",
        "Аналітики подали свою оцінку санкцій ЄС щодо Росії.",
        "Лідерство Польщі в санкційній політиці ЄС проти Росії є беззаперечним.",
        # the date of talks, a ratification process talked about
        "Дата переговорів України та Польщі була визначена сторонами.",
        "Посли говорили про хід ратифікації договору між Україною та ЄС.",
        "Місце зустрічі президентів Франції та Польщі поки що невідоме.",
        # what was only due: "мала відбутися", "мав бути підписаний"
        "Зустріч міністрів Польщі та Литви мала відбутися у понеділок.",
        "Договір між Польщею та Литвою мав бути підписаний у травні.",
        "Туристична поїздка до Польщі подорожчала.",
        "Маю честь запросити посла Франції на прийом.",
        # an anniversary of relations is no new act of establishing them
        "Цього року виповнюється 30 років від встановлення дипломатичних відносин між Україною та Китаєм.",
        "Міністри відзначили 30-ту річницю встановлення дипломатичних відносин між Україною та Китаєм.",
        "До 30-річчя встановлення дипломатичних відносин між Україною та Польщею випущено марку.",
        # sanctions talked about, worked on, evaded
        "Обговорили санкції проти Росії з Президентом Польщі.",
        "Ми працюємо з партнерами над новим пакетом санкцій проти Росії.",
        "Росія намагається обійти санкції ЄС.",
        # a protest's condemnation is no state's act
        "Протестувальники засуджують політику уряду Туреччини.",
        # a summit of an organisation's leaders is no two-party meeting
        "Саміт лідерів країн НАТО відбувся у Вільнюсі.",
        # plans for a summit; sanctions as a means of pressure in general
        "Міністр нічого не сказав про плани на другий саміт між Німеччиною та Францією.",
        "США посилюють тиск на Іран за допомогою санкцій.",
    ],
)
def test_lex_uk_non_events(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Минулої п'ятниці президент Польщі відвідав Литву.", "2023-05-05"),
        ("Минулого четверга президент Польщі відвідав Литву.", "2023-05-04"),
        ("У понеділок президент Польщі відвідав Литву.", "2023-05-08"),
    ],
)
def test_lex_uk_weekdays(text: str, day: str) -> None:
    assert found(text) == [("visit", day, ("LT", "PL"))]  # published on Wednesday 10 May 2023


# Round 2 (lex-ukbe2): more news forms, and talk that is no event.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the night before the report
        ("Пізно вночі я говорив з Президентом Литви.", [("phone_call", "2023-05-09", ("LT", "UA"))]),
        ("Минулої ночі прем'єр-міністр Польщі прибув до Вільнюса.", [("visit", "2023-05-09", ("LT", "PL"))]),
        # a joint statement of two leaders is one they adopted
        ("Міністр послався на спільну заяву президента Франції та канцлера Німеччини 3 травня.",
         [("agreement_signed", "2023-05-03", ("DE", "FR"))]),
        # aid received, with its sum; the donor by its adjective
        # glad to have welcomed: the host's own words, in the past
        ("Сьогодні був радий вітати в Києві Прем'єр-міністра Іспанії.",
         [("meeting", PUB, ("ES", "UA")), ("visit", PUB, ("ES", "UA"))]),
        # arms and equipment handed over are aid
        ("Учора Канада передала Україні 10 бронемашин.", [("aid", "2023-05-09", ("CA", "UA"))]),
        ("Уряд Австрії завершив передачу Україні пожежних машин.", [("aid", PUB, ("AT", "UA"))]),
        # two kinds of vehicle joined by "and"
        ("Уряд Чехії завершив передачу Україні пожежних і рятувальних машин.", [("aid", PUB, ("CZ", "UA"))]),
        # an organisation's head, unnamed, stands for the organisation
        ("Президент Польщі зустрівся з Генеральним секретарем НАТО.", [("meeting", PUB, ("NATO", "PL"))]),
        ("Прем'єр-міністр Литви зустрівся з директором МАГАТЕ у Вільнюсі.", [("meeting", PUB, ("IAEA", "LT"))]),
        ("Вчора говорив з генсеком ООН Антоніу Гутеррешем.", [("phone_call", "2023-05-09", ("UA", "UN"))]),
        # met in a month of a year: no count of meetings
        ("Міністри Польщі та Литви зустрічалися у червні 2022 року.", [("meeting", "2022-06", ("LT", "PL"))]),
        ("Торік Молдова отримала 20 млн доларів японської допомоги.", [("aid", "2022", ("JP", "MD"))]),
    ],
)
def test_lex_uk_recall_round2(text: str, expected: list) -> None:
    got = found(text)
    assert all(e in got for e in expected), got


def test_lex_uk_speech_told_at_the_assembly() -> None:
    kinds = [m.kind for m in mentions_of("Міністр закордонних справ Ірану розповів на сесії Генеральної асамблеї ООН "
                                         "про нові загрози.", "uk", date=PUB, url=URL)]
    assert kinds == ["conference"]
    kinds = [m.kind for m in mentions_of("Президент Чилі виступив у Раді безпеки ООН.", "uk", date=PUB, url=URL)]
    assert kinds == ["conference"]


@pytest.mark.parametrize(
    "text",
    [
        # what sanctions do is talk about them
        "Міністр Ірану заявив, що продовження санкцій США поглиблює недовіру до Вашингтона.",
        "За словами прем'єра Угорщини, санкції ЄС проти Росії шкодять економіці Європи.",
        # a conditional after the word; a side's internal meetings
        "Санкції ЄС проти Сербії були б дуже болючими.",
        "Після внутрішніх зустрічей дипломати Польщі та Литви повернулися до Варшави.",
        # meetings again and again are a habit, not one occasion
        "Бізнесмен з Польщі зустрічався з послом Росії 7 разів.",
        # a terrorist attack condemned: no state is the target
        "Президент Польщі засудив теракт у Стамбулі.",
        # a welcome still to come
        "Буду радий вітати в Києві Прем'єр-міністра Іспанії.",
        # sanctions in force are a standing condition; sanctions advocated or supported are not imposed
        "Санкції ЄС проти Ірану діють з 2012 року.",
        "Литва виступає за нові санкції ЄС проти Білорусі.",
        "Уряд Польщі підтримав нові санкції ЄС проти Ірану.",
        # a handover talked about, or only readied
        "Міністри Польщі та Литви обговорили передачу Україні танків.",
        "Польща готова передати Україні танки.",
        # a joint statement talked about or drafted
        "Міністри Польщі та Литви говорили про спільну заяву України та ЄС.",
        "Посли узгоджують текст спільної заяви Польщі та Литви.",
    ],
)
def test_lex_uk_non_events_round2(text: str) -> None:
    assert found(text) == []


# Round 3 (lex-ukbe3): the imposer's adjective, proposals and talk about sanctions, exits talked about.
def test_lex_uk_imposer_adjective() -> None:
    # "американські санкції": the adjective of the act's own noun names who imposed them
    assert found("Учора американські санкції проти Ірану набули чинності.") == [
        ("sanctions", "2023-05-09", ("IR", "US"))]
    assert ("sanctions", PUB, ("IR", "US")) in found("Міністр закордонних справ Ірану засудив американські санкції.")


@pytest.mark.parametrize(
    "text",
    [
        # what can be done, proposals: not done
        "Експерти Литви підготували пропозиції, як можна посилити санкції проти Росії.",
        "Міністри Польщі та Литви вважають, що можна посилити санкції проти Ірану.",
        # sanctions talked about, with words between
        "Обговорили з прем'єром Чехії й додаткові санкційні заходи проти Росії.",
    ],
)
def test_lex_uk_non_events_round3(text: str) -> None:
    assert [m for m in found(text) if m[0] == "sanctions"] == []


def test_lex_uk_exit_talked_about() -> None:
    # a state's exit from an organisation is a topic: no party of the meeting
    got = found("На зустрічі з послами НАТО генсек говорив про наслідки виходу Туреччини з НАТО.")
    assert not any("TR" in m[2] for m in got), got


@pytest.mark.parametrize(
    "text",
    [
        # sanctions as a goal worked or asked for, stricter ones called for, a plan for them
        "Дякую всім, хто працює на посилення санкцій проти Ірану.",
        "Уряд Литви оприлюднив план щодо розширення санкцій проти Білорусі.",
        "Прошу переконати колег у ЄС щодо жорсткіших санкцій проти Ірану.",
        "Ми потребуємо нових санкцій проти Ірану.",
        # held up, still being agreed or talked over
        "Угорщина гальмує новий санкційний пакет ЄС проти Росії.",
        "Нині ЄС погоджує сьомий санкційний пакет проти Ірану.",
        "У Брюсселі обговорюється новий санкційний пакет ЄС проти Білорусі.",
        # sanctions judged, the copula left out; what they can do
        "Санкції ЄС проти Ірану надто слабкі.",
        "Лише санкції ЄС здатні зупинити Іран.",
        # infinitives of the imperfective: to be done
        "Литві важлива згода партнерів посилювати санкції проти Білорусі.",
    ],
)
def test_lex_uk_sanctions_not_imposed_round3(text: str) -> None:
    assert [m for m in found(text) if m[0] == "sanctions"] == []


@pytest.mark.parametrize(
    "text",
    [
        # "every such visit": visits in general
        "Кожен такий візит до Києва показує підтримку Польщі.",
        # a war's sides are no parties of the meeting
        "Після року війни Росії проти Грузії наша зустріч з президентом Польщі показує єдність.",
        # a mediating role talked about
        "Міністри Польщі та Литви обговорили посередницьку роль Туреччини.",
    ],
)
def test_lex_uk_non_events_round3b(text: str) -> None:
    got = found(text)
    assert not [m for m in got if m[0] in ("visit", "mediation")] and not any("RU" in m[2] for m in got), got


def test_lex_uk_mediation_still_found() -> None:
    assert [m[0] for m in found("Туреччина виступила посередником між Вірменією та Азербайджаном.")] == ["mediation"]


def test_lex_uk_decision_to_strengthen_sanctions_is_an_act() -> None:
    assert found("ЄС ухвалив рішення щодо посилення санкцій проти Ірану.") == [("sanctions", PUB, ("EU", "IR"))]


@pytest.mark.parametrize(
    "text",
    [
        # a court's sentence condemns no state
        "Учора суд Польщі засудив до 5 років ув'язнення двох шпигунів.",
        # a budget signed is no agreement
        "Президент Литви підписав оборонний бюджет на наступний рік.",
        # a response to sanctions; what sanctions led to; what is not ruled out
        "Уряд Ірану оприлюднив варіант відповіді на санкції ЄС.",
        "Санкції ЄС призвели до спаду в економіці Ірану.",
        "Міністр не виключив, що ЄС продовжить розширювати санкції проти Ірану.",
        # consultations with every stakeholder at home
        "Уряд Литви ухвалив закон у консультації з усіма зацікавленими сторонами.",
    ],
)
def test_lex_uk_non_events_round3c(text: str) -> None:
    assert found(text) == []


def test_lex_uk_since_the_war_began_the_state_still_acts() -> None:
    # "від початку війни" names a time: the state after it still takes part
    got = found("Від початку війни Польща прийняла у Варшаві прем'єр-міністра Литви.")
    assert ("meeting", PUB, ("LT", "PL")) in got, got


@pytest.mark.parametrize("text", [
    "Кореспонденти каналу зустрілися з ветеранами в містах Польщі, Литви та Грузії.",
    "Міністр закордонних справ Грузії зустрівся зі студентами у Варшаві.",
    "Посол Польщі зустрічався з мешканцями Львова.",
])
def test_lex_uk_meeting_people_is_no_diplomatic_meeting(text: str) -> None:
    assert "meeting" not in [k for k, _, _ in found(text)]


def test_lex_uk_meeting_a_leader_stays() -> None:
    assert ("meeting", PUB, ("GE", "PL")) in found("Президент Польщі зустрівся з Президентом Грузії.")
