"""Text normalisation: the stored NFC form and the same-length matching view."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bilat.normalise.text import letter_count, nfc, norm_view


def test_text_nfc_composes() -> None:
    assert nfc("и\u0306") == "й"
    assert nfc("е\u0308") == "ё"


def test_text_norm_view_persian_letters() -> None:
    assert norm_view("وزير امور خارجي كشور") == "وزیر امور خارجی کشور"
    assert norm_view("مصطفى") == "مصطفی"


def test_text_norm_view_digits() -> None:
    assert norm_view("۱۳۹۹/۰۵/۱۲") == "1399/05/12"
    assert norm_view("٢٠٢٠") == "2020"
    assert norm_view("۸٫۱") == "8.1"
    assert norm_view("१२३") == "123"  # Devanagari: any decimal digit


def test_text_norm_view_spaces() -> None:
    assert norm_view("330\u00a0млн\u202fдолл\u2009США") == "330 млн долл США"


def test_text_norm_view_keeps_zwnj_and_other_text() -> None:
    text = "می\u200cکند Минск Oslo «ё»"
    assert norm_view(text) == text


@given(st.text())
def test_text_norm_view_keeps_length(text: str) -> None:
    view = norm_view(text)
    assert len(view) == len(text)
    assert norm_view(view) == view


def test_text_letter_count() -> None:
    assert letter_count("Минск, 2020 г.") == 6
    assert letter_count("abc def", 4) == 3


def test_text_norm_view_shortcut_misses_no_changed_character() -> None:
    # norm_view returns a text as it is when _changes() finds nothing in it: every character the
    # table changes must be one it finds (checked over all of Unicode, by the table's own rules)
    import sys
    import unicodedata

    from bilat.normalise.text import _LETTERS, _changes

    found = _changes()
    for code in range(128, sys.maxunicode + 1):
        c = chr(code)
        digit = unicodedata.decimal(c, None)
        changed = c in _LETTERS or (digit is not None and str(digit) != c) or (
            unicodedata.category(c) == "Zs" and c != " ")
        if changed:
            assert found.search(c) is not None, hex(code)
    assert norm_view("Норвегия 12 and Oslo") == "Норвегия 12 and Oslo"
    assert norm_view("Норвегия ١٢\u00a0x") == "Норвегия 12 x"
    assert norm_view("x \U0001d7cf y") == "x 1 y"  # beyond the BMP: the table is read
