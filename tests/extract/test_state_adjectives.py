"""State adjectives in five languages: each is found as a party word in its nominative and two oblique forms.

The table below (code, then the masculine nominative adjective in en, ru, uk, be, pl; "-" where
the language has no adjective in common use or it is ambiguous) is written here, and the oblique
forms are built by this file's own rules, so a gap in ``lang/<code>/adjectives.tsv`` fails here.
"""

from __future__ import annotations

import pytest

from bilat.extract.actors import find_actors

TABLE = """
AO	Angolan	ангольский	ангольський	ангольскі	angolski
CL	Chilean	чилийский	чилійський	чылійскі	chilijski
PE	Peruvian	перуанский	перуанський	перуанскі	peruwiański
LA	Laotian	лаосский	лаоський	лаоскі	laotański
CO	Colombian	колумбийский	колумбійський	калумбійскі	kolumbijski
EC	Ecuadorian	эквадорский	еквадорський	эквадорскі	ekwadorski
BO	Bolivian	боливийский	болівійський	балівійскі	boliwijski
PY	Paraguayan	парагвайский	парагвайський	парагвайскі	paragwajski
UY	Uruguayan	уругвайский	уругвайський	уругвайскі	urugwajski
NI	Nicaraguan	никарагуанский	нікарагуанський	нікарагуанскі	nikaraguański
PA	Panamanian	панамский	панамський	панамскі	panamski
CR	Costa Rican	костариканский	костариканський	-	kostarykański
GT	Guatemalan	гватемальский	гватемальський	гватэмальскі	gwatemalski
HN	Honduran	гондурасский	гондураський	гандураскі	honduraski
SV	Salvadoran	сальвадорский	сальвадорський	сальвадорскі	salwadorski
HT	Haitian	гаитянский	гаїтянський	гаіцянскі	haitański
JM	Jamaican	ямайский	ямайський	ямайскі	jamajski
MA	Moroccan	марокканский	марокканський	мараканскі	marokański
DZ	Algerian	алжирский	алжирський	алжырскі	algierski
TN	Tunisian	тунисский	туніський	туніскі	tunezyjski
SD	Sudanese	суданский	суданський	суданскі	sudański
SS	South Sudanese	южносуданский	південносуданський	паўднёвасуданскі	południowosudański
ET	Ethiopian	эфиопский	ефіопський	эфіопскі	etiopski
KE	Kenyan	кенийский	кенійський	кенійскі	kenijski
NG	Nigerian	нигерийский	нігерійський	нігерыйскі	nigeryjski
NE	Nigerien	нигерский	нігерський	нігерскі	nigerski
GH	Ghanaian	ганский	ганський	ганскі	ghański
SN	Senegalese	сенегальский	сенегальський	сенегальскі	senegalski
ML	Malian	малийский	малійський	малійскі	malijski
TZ	Tanzanian	танзанийский	танзанійський	танзанійскі	tanzański
UG	Ugandan	угандийский	угандійський	-	ugandyjski
CM	Cameroonian	камерунский	камерунський	камерунскі	kameruński
ZW	Zimbabwean	зимбабвийский	зімбабвійський	зімбабвійскі	zimbabweński
ZM	Zambian	замбийский	замбійський	замбійскі	zambijski
MZ	Mozambican	мозамбикский	мозамбіцький	мазамбікскі	mozambicki
NA	Namibian	намибийский	намібійський	намібійскі	namibijski
MG	Malagasy	мадагаскарский	мадагаскарський	мадагаскарскі	madagaskarski
RW	Rwandan	руандийский	руандійський	-	rwandyjski
SO	Somali	сомалийский	сомалійський	самалійскі	somalijski
ER	Eritrean	эритрейский	еритрейський	эрытрэйскі	erytrejski
CI	Ivorian	ивуарийский	івуарійський	-	iworyjski
TD	Chadian	чадский	чадський	чадскі	czadyjski
GA	Gabonese	габонский	габонський	габонскі	gaboński
BJ	Beninese	бенинский	бенінський	бенінскі	beniński
MR	Mauritanian	мавританский	мавританський	маўрытанскі	mauretański
LR	Liberian	либерийский	ліберійський	ліберыйскі	liberyjski
LK	Sri Lankan	шри-ланкийский	шрі-ланкійський	шры-ланкійскі	lankijski
BD	Bangladeshi	бангладешский	бангладеський	бангладэшскі	bangladeski
NP	Nepalese	непальский	непальський	непальскі	nepalski
MM	Burmese	мьянманский	м'янманський	м'янманскі	birmański
TH	Thai	таиландский	таїландський	тайландскі	tajlandzki
KH	Cambodian	камбоджийский	камбоджійський	камбаджыйскі	kambodżański
MY	Malaysian	малайзийский	малайзійський	малайзійскі	malezyjski
SG	Singaporean	сингапурский	сінгапурський	сінгапурскі	singapurski
PH	Philippine	филиппинский	філіппінський	філіпінскі	filipiński
AU	Australian	австралийский	австралійський	аўстралійскі	australijski
BH	Bahraini	бахрейнский	бахрейнський	бахрэйнскі	bahrajński
OM	Omani	оманский	оманський	аманскі	omański
CY	Cypriot	кипрский	кіпрський	кіпрскі	cypryjski
MT	Maltese	мальтийский	мальтійський	мальтыйскі	maltański
AL	Albanian	албанский	албанський	албанскі	albański
ME	Montenegrin	черногорский	чорногорський	чарнагорскі	czarnogórski
BA	Bosnian	боснийский	боснійський	баснійскі	bośniacki
LU	-	люксембургский	люксембурзький	люксембургскі	luksemburski
VA	Vatican	ватиканский	ватиканський	ватыканскі	watykański
TW	Taiwanese	тайваньский	тайванський	тайваньскі	tajwański
BT	Bhutanese	бутанский	бутанський	бутанскі	bhutański
MV	Maldivian	мальдивский	мальдівський	мальдыўскі	malediwski
YE	Yemeni	йеменский	єменський	еменскі	jemeński
ZA	South African	южноафриканский	південноафриканський	паўднёваафрыканскі	południowoafrykański
ID	Indonesian	индонезийский	індонезійський	інданезійскі	indonezyjski
JO	Jordanian	иорданский	йорданський	іарданскі	jordański
KW	Kuwaiti	кувейтский	кувейтський	кувейцкі	kuwejcki
LY	Libyan	ливийский	лівійський	лівійскі	libijski
SI	Slovenian	словенский	словенський	славенскі	słoweński
AE	Emirati	эмиратский	еміратський	эміратскі	emiracki
DJ	Djiboutian	джибутийский	джибутійський	-	dżibutyjski
GM	Gambian	гамбийский	гамбійський	-	gambijski
BI	Burundian	бурундийский	бурундійський	-	burundyjski
MW	Malawian	малавийский	малавійський	-	malawijski
BN	Bruneian	брунейский	брунейський	брунейскі	brunejski
FJ	Fijian	фиджийский	фіджійський	-	fidżyjski
SL	Sierra Leonean	-	-	-	-
BW	-	-	-	-	botswański
"""
LANGS = ("en", "ru", "uk", "be", "pl")
ROWS = [line.split("\t") for line in TABLE.strip().splitlines()]

# the masculine nominative ending, then (feminine genitive, instrumental plural) replacing it
OBLIQUE = {"ru": ("ий", "ой", "ими"), "uk": ("ий", "ої", "ими"), "be": ("і", "ай", "імі"), "pl": ("i", "iej", "imi")}
FRAMES = {
    "en": ("The {} side agreed.", "Senior {} officials arrived.", "An {}-led mission left."),
    "ru": ("Прибыл {} министр.", "Глава {} делегации уехал.", "Встреча с {} партнёрами прошла."),
    "uk": ("Прибув {} міністр.", "Голова {} делегації поїхав.", "Зустріч з {} партнерами відбулася."),
    "be": ("Прыбыў {} міністр.", "Кіраўнік {} дэлегацыі з'ехаў.", "Сустрэча з {} партнёрамі адбылася."),
    "pl": ("Przybył {} minister.", "Szef {} delegacji wyjechał.", "Spotkanie z {} partnerami odbyło się."),
}


def forms(word: str, lang: str) -> list[str]:
    """The adjective in the three forms the frames need."""
    if lang == "en":
        return [word, word, word]
    end, fem_gen, instr = OBLIQUE[lang]
    assert word.endswith(end), word
    stem = word[: len(word) - len(end)]
    return [word, stem + fem_gen, stem + instr]


@pytest.mark.parametrize("lang", LANGS)
def test_every_adjective_in_three_forms(lang: str) -> None:
    col = 1 + LANGS.index(lang)
    failures = []
    for row in ROWS:
        code, word = row[0], row[col]
        if word == "-":
            continue
        for frame, form in zip(FRAMES[lang], forms(word, lang), strict=True):
            text = frame.format(form)
            start = text.index(form)
            found = find_actors(text, lang)
            if not any(m.code == code and m.start == start and m.end == start + len(form) for m in found):
                failures.append(f"{code}: {form!r} -> {[(text[m.start:m.end], m.code) for m in found]}")
    assert not failures, f"{len(failures)} forms not found:\n" + "\n".join(failures)


def test_oblique_rules_of_this_test() -> None:
    assert forms("ангольский", "ru") == ["ангольский", "ангольской", "ангольскими"]
    assert forms("чылійскі", "be") == ["чылійскі", "чылійскай", "чылійскімі"]
    assert forms("peruwiański", "pl") == ["peruwiański", "peruwiańskiej", "peruwiańskimi"]


def test_adjective_is_a_party_word_not_a_name() -> None:
    found = find_actors("The Angolan Foreign Minister met the Chilean envoy.", "en")
    assert [(m.code, m.how) for m in found] == [("AO", "adjective"), ("CL", "adjective")]
    assert [m.code for m in find_actors("Sudanese and South Sudanese officials met.", "en")] == ["SD", "SS"]
