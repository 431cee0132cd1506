"""Parse written numbers: decimal commas, grouped thousands, Persian "a/b" decimals.

The caller says which character is the language's decimal separator; a
separator that occurs once and is not followed by exactly three digits is a
decimal point whatever the language ("8.1" in a Russian text is 8.1).
"""

from __future__ import annotations

__all__ = ["NUMBER", "SLASH_NUMBER", "parse_number", "slash_is_reversed"]

_SPACES = " \u00a0\u202f\u2009"
#: a written number: space-grouped ("1 250,5") or separated by dots and commas ("1,250.5", "330,0")
NUMBER = rf"(?<![\d.,/])(?:\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*)(?![\d])"
#: the same, also allowing one "/" as the decimal separator (Persian "۲/۵")
SLASH_NUMBER = rf"(?<![\d.,/])(?:\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:[.,/]\d+)?|\d+/\d+|\d+(?:[.,]\d+)*)(?![\d/])"


def slash_is_reversed(raw: str) -> bool:
    """Whether a Persian "a/b" number shows its digit groups swapped ("5/917" is 917.5)."""
    a, _, b = raw.partition("/")
    return bool(b) and len(b) > len(a.replace(" ", ""))


def parse_number(raw: str, decimal: str = ".", reversed_slash: bool = False) -> float | None:
    """The value of a written number; ``decimal`` is the language's usual decimal separator."""
    s = raw.strip()
    for sp in _SPACES:
        s = s.replace(sp, "")
    if not s:
        return None
    if "/" in s:
        a, _, b = s.partition("/")
        if not (a.isdigit() and b.isdigit()):
            return None
        if len(b) > len(a) or (reversed_slash and len(b) == len(a)):
            a, b = b, a
        return float(f"{a}.{b}")
    dots, commas = s.count("."), s.count(",")
    if dots and commas:  # the last kind is the decimal separator: "1,250.5", "1.250,5"
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        grp = "," if dec == "." else "."
        s = s.replace(grp, "").replace(dec, ".")
    elif dots or commas:
        sep = "." if dots else ","
        if s.count(sep) > 1:
            s = s.replace(sep, "")
        else:
            tail = s.split(sep)[1]
            s = s.replace(sep, "") if len(tail) == 3 and sep != decimal else s.replace(sep, ".")
    try:
        return float(s)
    except ValueError:
        return None
