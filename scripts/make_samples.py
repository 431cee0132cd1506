#!/usr/bin/env python3
"""(Re)generate the binary and legacy-encoded files of the sample corpus.

    python scripts/make_samples.py            # writes into samples/
    python scripts/make_samples.py --check    # exit 1 if a file would change

The plain-text samples (.txt, .md, .html, news.jsonl) are edited by hand in
samples/. The files made here are built from the texts held in this script,
so that they can be reviewed as text and rebuilt byte for byte:

- samples/ua_pl_relations_uk.pdf          Ukrainian, PDF with a text layer (fpdf2, DejaVuSans)
- samples/by_kz_encyclopedia_be.docx      Belarusian, Word document (python-docx)
- samples/legacy/by_cn_visit_cp1251.txt   Russian, Windows-1251
- samples/legacy/kz_de_forum_koi8r.txt    Russian, KOI8-R

All texts were written for bilat; they are fictional but realistic, and
licensed with the project. The gold annotation in gold/ refers to
these texts: change a sentence here and update the gold with it.
"""
from __future__ import annotations

import argparse
import io
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = FONT.with_name("DejaVuSans-Bold.ttf")
FIXED_TIME = datetime(2023, 7, 1, 12, 0, 0, tzinfo=UTC)

# --- Ukrainian ministry page on Ukraine–Poland relations (PDF) -------------

UA_PL_TITLE = "Двосторонні відносини між Україною та Республікою Польща"
UA_PL_SECTIONS = [
    ("Політичні відносини", [
        "Дипломатичні відносини між Україною та Республікою Польща встановлено 4 січня 1992 року.",
        "Польща вступила до НАТО в березні 1999 року, а до Європейського Союзу — 1 травня 2004 року.",
        "Україна та Польща є членами ОБСЄ та Ради Європи, а політичний діалог між ними "
        "підтримується на всіх рівнях.",
        "У лютому та жовтні 2022 року відбулися телефонні розмови міністрів закордонних справ; "
        "розмова в жовтні відбулася з ініціативи української сторони.",
        "Посол України в Республіці Польща В. П. Гнатюк вручив вірчі грамоти Президентові "
        "Республіки Польща 12 вересня 2022 року.",
        "У березні 2022 року Польща передала Україні гуманітарну допомогу на суму 215,4 млн злотих.",
        "Українська сторона висловила щиру вдячність польському народові та уряду Польщі за підтримку.",
        "22 травня 2023 року Міністр закордонних справ Республіки Польща Пьотр Новіцький відвідав "
        "Київ з робочим візитом.",
        "Під час візиту відбулася його зустріч з Міністром закордонних справ України О. В. Ковальчук.",
        "Сторони підписали Меморандум про співробітництво у сфері відбудови прикордонної інфраструктури.",
        "Президент України планує відвідати Варшаву наступного року.",
        "Сторони домовилися провести чергове засідання Міжурядової комісії з питань економічного "
        "співробітництва у 2024 році.",
    ]),
    ("Торговельно-економічне співробітництво", [
        "У 2022 році обсяг торгівлі товарами між Україною та Польщею становив 10,3 млрд дол. США, "
        "збільшившись на 13,6 %.",
        "Український експорт до Польщі склав 5,1 млрд дол. США, імпорт — 5,2 млрд дол. США.",
        "Обсяг торгівлі послугами у 2022 році становив 1,47 млрд дол. США.",
        "Обсяг прямих інвестицій з Польщі в економіку України станом на 31 грудня 2022 року "
        "становив 0,9 млрд дол. США.",
    ]),
]

# --- Belarusian encyclopedia article on Belarus–Kazakhstan relations (DOCX)

BY_KZ_TITLE = "Беларуска-казахстанскія адносіны"
BY_KZ_SECTIONS = [
    (None, [
        "Беларуска-казахстанскія адносіны — двухбаковыя адносіны паміж Рэспублікай Беларусь "
        "і Рэспублікай Казахстан.",
        "Дыпламатычныя адносіны паміж краінамі ўсталяваны 16 верасня 1992 года.",
        "Абедзве краіны з'яўляюцца членамі СНД, АДКБ і Еўразійскага эканамічнага саюза.",
    ]),
    ("Гісторыя", [
        "Першы афіцыйны візіт Прэзідэнта Казахстана ў Беларусь адбыўся ў студзені 1996 года; "
        "падчас яго ў Мінску быў падпісаны Дагавор аб дружбе і супрацоўніцтве.",
        "Казахстан стаў членам Сусветнай гандлёвай арганізацыі 30 лістапада 2015 года, "
        "Беларусь пакуль не з'яўляецца членам гэтай арганізацыі.",
        "Пасол Казахстана ў Беларусі Б. К. Ахметаў уручыў копіі даверчых грамат намесніку "
        "міністра замежных спраў Беларусі 2 сакавіка 2022 года.",
        "Міністры замежных спраў Беларусі і Казахстана Д. Л. Іваноў і А. Т. Жумабекаў "
        "сустракаліся ў чэрвені і верасні 2022 года на палях мерапрыемстваў СНД.",
        "Візіт Прэзідэнта Беларусі ў Казахстан, запланаваны на 2020 год, не адбыўся з-за пандэміі.",
        "Беларуская дэлегацыя на чале з Прэм'ер-міністрам прыняла ўдзел у Астанінскім "
        "міжнародным форуме ў чэрвені 2023 года.",
        "17 кастрычніка 2023 года ў г.Астане адбыліся палітычныя кансультацыі паміж МЗС на "
        "ўзроўні намеснікаў міністраў; беларускую дэлегацыю ўзначальваў намеснік міністра "
        "С. Ю. Мазурэвіч.",
        "Бакі дамовіліся правесці чарговае пасяджэнне міжурадавай камісіі ў 2024 годзе ў Мінску.",
    ]),
    ("Эканамічнае супрацоўніцтва", [
        "У 2022 годзе тавараабарот паміж Беларуссю і Казахстанам склаў 1,3 млрд долараў ЗША, "
        "што на 12,5 % больш, чым у 2021 годзе.",
        "Беларускі экспарт склаў 1 036,7 млн долараў, імпарт — 263,3 млн долараў.",
        "У Казахстане дзейнічае каля 900 прадпрыемстваў з беларускім капіталам.",
    ]),
]
BY_KZ_TABLE = [
    ("Год", "Тавараабарот, млн долараў ЗША"),
    ("2021", "1 155,6"),
    ("2022", "1 300,0"),
]

# --- Short Russian notes in legacy encodings ------------------------------

BY_CN_CP1251 = """\
О визите Министра иностранных дел Республики Беларусь в Китайскую Народную Республику

В июне 2023 г. Министр иностранных дел Республики Беларусь Иванов Д.Л. посетил Китайскую Народную Республику с официальным визитом.
В г.Пекине состоялись переговоры Д.Л.Иванова с Министром иностранных дел КНР Ван Лимином.
По итогам переговоров подписана Программа сотрудничества между министерствами иностранных дел двух стран на 2023–2025 гг.
Стороны обсудили подготовку визита Премьера Государственного совета КНР в г.Минск, который планируется в следующем году.
В 2022 г. белорусско-китайский товарооборот составил 5,1 млрд долл. США.
Китай является крупнейшим торговым партнёром Беларуси в Азии.
"""

KZ_DE_KOI8R = """\
Казахстанско-германский бизнес-форум в Алматы

12 октября 2022 г. в г.Алматы состоялся Казахстанско-германский бизнес-форум, в котором приняли участие более 150 представителей деловых кругов двух стран.
Германскую делегацию возглавлял Статс-секретарь Федерального министерства экономики Т. Брандт.
В тот же день прошло заседание Казахстанско-германской межправительственной рабочей группы по торгово-экономическому сотрудничеству.
На полях форума казахстанские и германские компании подписали 12 коммерческих соглашений на общую сумму 1,6 млрд долл. США.
Следующий форум планируется провести в 2024 г. в г.Франкфурте-на-Майне.
"""


def make_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_title(UA_PL_TITLE)
    pdf.set_author("bilat sample corpus")
    pdf.set_lang("uk")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_font("DejaVu", "B", str(FONT_BOLD))
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 8, UA_PL_TITLE)
    pdf.ln(4)
    for heading, sentences in UA_PL_SECTIONS:
        pdf.set_font("DejaVu", "B", 12)
        pdf.multi_cell(0, 7, heading)
        pdf.ln(1)
        pdf.set_font("DejaVu", "", 11)
        # one paragraph per sentence pair, as on a ministry page
        for i in range(0, len(sentences), 2):
            pdf.multi_cell(0, 6, " ".join(sentences[i:i + 2]), align="L")
            pdf.ln(2)
        pdf.ln(2)
    return bytes(pdf.output())


def make_docx() -> bytes:
    from docx import Document

    doc = Document()
    props = doc.core_properties
    props.title = BY_KZ_TITLE
    props.author = "bilat sample corpus"
    props.last_modified_by = "bilat sample corpus"
    props.language = "be"
    props.created = FIXED_TIME.replace(tzinfo=None)
    props.modified = FIXED_TIME.replace(tzinfo=None)
    props.revision = 1
    doc.add_heading(BY_KZ_TITLE, level=1)
    for heading, sentences in BY_KZ_SECTIONS:
        if heading:
            doc.add_heading(heading, level=2)
        for sentence in sentences:
            doc.add_paragraph(sentence)
    table = doc.add_table(rows=0, cols=2)
    for row in BY_KZ_TABLE:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = value
    buf = io.BytesIO()
    doc.save(buf)
    return _fixed_zip(buf.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a zip archive with fixed timestamps so rebuilds are byte-identical."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2023, 7, 1, 12, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def outputs() -> dict[Path, bytes]:
    return {
        SAMPLES / "ua_pl_relations_uk.pdf": make_pdf(),
        SAMPLES / "by_kz_encyclopedia_be.docx": make_docx(),
        # strict encoding: a character the legacy code page lacks is an error here
        SAMPLES / "legacy" / "by_cn_visit_cp1251.txt": BY_CN_CP1251.encode("cp1251"),
        SAMPLES / "legacy" / "kz_de_forum_koi8r.txt": KZ_DE_KOI8R.encode("koi8_r"),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="report files that differ; write nothing")
    args = ap.parse_args(argv)
    stale = []
    for path, data in outputs().items():
        rel = path.relative_to(ROOT)
        if path.exists() and path.read_bytes() == data:
            print(f"unchanged {rel}")
            continue
        stale.append(rel)
        if args.check:
            print(f"stale     {rel}")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            print(f"wrote     {rel} ({len(data)} bytes)")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
