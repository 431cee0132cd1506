"""Language identification: fastText corrected by each language's alphabet."""

from __future__ import annotations

import pytest

from bilat.normalise.langid import identify

SENTENCES = {
    "be": [
        "Міністр замежных спраў Беларусі правёў перамовы з калегам з Літвы.",
        "Пасол уручыў копіі даверчых грамат намесніку міністра.",
        "Бакі абмеркавалі стан і перспектывы двухбаковага супрацоўніцтва.",
        "Дэлегацыя наведала Мінск у сакавіку.",
        "Прэзідэнт прыняў паслоў замежных краін.",
        "Кансультацыі прайшлі ў Варшаве.",
        "Падпісана пагадненне аб супрацоўніцтве ў галіне адукацыі.",
        "Тавараабарот паміж краінамі павялічыўся на дзесяць працэнтаў.",
        "Міністр сустрэўся з паслом Кітая.",
        "Візіт прэм'ер-міністра адбудзецца ўвосень.",
        "Беларусь і Нарвегія ўсталявалі дыпламатычныя адносіны.",
        "Ён наведаў Мінск.",
    ],
    "ru": [
        "Министр иностранных дел провёл переговоры с коллегой из Литвы.",
        "Посол вручил копии верительных грамот заместителю министра.",
        "Стороны обсудили состояние и перспективы двустороннего сотрудничества.",
        "Делегация посетила Минск в марте.",
        "Президент принял послов иностранных государств.",
        "Консультации прошли в Варшаве.",
        "Подписано соглашение о сотрудничестве в области образования.",
        "Товарооборот между странами вырос на десять процентов.",
        "Министр встретился с послом Китая.",
        "Визит премьер-министра состоится осенью.",
        "Россия и Норвегия подписали меморандум.",
        "Он посетил Минск.",
    ],
    "uk": [
        "Міністр закордонних справ провів переговори з колегою з Литви.",
        "Посол вручив копії вірчих грамот заступнику міністра.",
        "Сторони обговорили стан і перспективи двостороннього співробітництва.",
        "Делегація відвідала Київ у березні.",
        "Президент прийняв послів іноземних держав.",
        "Консультації відбулися у Варшаві.",
        "Підписано угоду про співпрацю в галузі освіти.",
        "Товарообіг між країнами зріс на десять відсотків.",
        "Міністр зустрівся з послом Китаю.",
        "Візит прем'єр-міністра відбудеться восени.",
        "Україна та Норвегія підписали меморандум.",
        "Він відвідав Київ.",
    ],
    "fa": [
        "وزیر امور خارجه ایران با همتای نروژی خود دیدار و گفتگو کرد.",
        "سفیر جدید آلمان استوارنامه خود را تقدیم رئیس جمهور کرد.",
        "دو کشور بر گسترش همکاری‌های اقتصادی تأکید کردند.",
        "هیئت پارلمانی ایران به اسلو سفر کرد.",
    ],
    "ar": [
        "استقبل وزير الخارجية نظيره النرويجي في القاهرة لبحث العلاقات الثنائية.",
        "وقع البلدان مذكرة تفاهم للتعاون في مجال الطاقة.",
        "أكد الجانبان على أهمية تعزيز التعاون الاقتصادي.",
        "قدم السفير أوراق اعتماده إلى رئيس الدولة.",
    ],
    "en": [
        "The foreign minister held talks with his Norwegian counterpart in Oslo.",
        "Both sides signed a memorandum on trade and investment.",
        "The ambassador presented his credentials to the president.",
    ],
    "pl": [
        "Minister spraw zagranicznych spotkał się z ambasadorem Norwegii.",
        "Obie strony podpisały porozumienie o współpracy gospodarczej.",
    ],
    "de": [
        "Der Außenminister traf seinen norwegischen Amtskollegen in Berlin.",
        "Beide Seiten unterzeichneten ein Abkommen über wirtschaftliche Zusammenarbeit.",
    ],
    "fr": [
        "Le ministre des Affaires étrangères a reçu son homologue norvégien à Paris.",
        "Les deux pays ont signé un accord de coopération économique.",
    ],
    "es": [
        "El ministro de Asuntos Exteriores se reunió con su homólogo noruego en Madrid.",
        "Ambos países firmaron un acuerdo de cooperación económica.",
    ],
    "nb": [
        "Utenriksministeren møtte sin hviterussiske kollega i Oslo i går.",
        "Norge og Polen har undertegnet en avtale om økonomisk samarbeid.",
    ],
}

CASES = [(code, s) for code, items in SENTENCES.items() for s in items]


@pytest.mark.parametrize(("code", "sentence"), CASES)
def test_langid_single_sentence(code: str, sentence: str) -> None:
    assert identify(sentence)[0] == code


@pytest.mark.parametrize("text", ["", "   ", "2019 — 330,0 %", "۱۳۹۹/۰۵/۱۲"])
def test_langid_no_letters(text: str) -> None:
    assert identify(text) == (None, 0.0)


def test_langid_newlines_are_fine() -> None:
    assert identify("Министр посетил\nНорвегию\nв октябре.")[0] == "ru"


def test_langid_letters_move_prediction() -> None:
    # "і" and "ў" are not Russian letters, whatever fastText says about so short a text.
    assert identify("Ён быў у Мінску")[0] == "be"
    # "ї" and "є" are Ukrainian only.
    assert identify("Їх приїзд є важливим")[0] == "uk"


def test_langid_persian_letters_with_arabic_variants() -> None:
    # Persian typed with Arabic yeh and kaf is still Persian.
    assert identify("وزير امور خارجه ايران با همتاي نروژي خود ديدار کرد")[0] == "fa"


def test_langid_candidates_restrict() -> None:
    code, score = identify("Министр посетил Минск.", candidates=("be", "uk"))
    assert code in ("be", "uk")
    assert 0.0 <= score <= 1.0


def test_langid_norwegian_is_nb() -> None:
    assert identify("Regjeringen har besluttet å åpne en ny ambassade i Minsk.")[0] == "nb"


def test_langid_foreign_name_does_not_move() -> None:
    text = "President Sánchez met the Norwegian prime minister in Brussels on Monday to discuss trade."
    assert identify(text)[0] == "en"
