"""Solar Hijri (Jalali) <-> Gregorian conversion, without dependencies.

The arithmetic follows the "breaks" algorithm of jalaali-js (Borkowski's
analysis of the astronomical Persian calendar), which matches the official
Iranian calendar for Jalali years -61 to 3177.
"""

from __future__ import annotations

from datetime import date, timedelta

# Jalali years where the 33-year leap cycle is interrupted.
_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178)


def _div(a: int, b: int) -> int:
    """Integer division truncating toward zero (as in the reference JavaScript)."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


def _mod(a: int, b: int) -> int:
    """Remainder with the sign of ``a`` (as in the reference JavaScript)."""
    return a - _div(a, b) * b


def _jal_cal(jy: int) -> tuple[bool, int]:
    """Whether Jalali year ``jy`` is leap, and the March day of its 1 Farvardin."""
    gy = jy + 621
    leap_j = -14
    jp = _BREAKS[0]
    jump = 0
    for jm in _BREAKS[1:]:
        jump = jm - jp
        if jy < jm:
            break
        leap_j += _div(jump, 33) * 8 + _div(_mod(jump, 33), 4)
        jp = jm
    n = jy - jp
    leap_j += _div(n, 33) * 8 + _div(_mod(n, 33) + 3, 4)
    if _mod(jump, 33) == 4 and jump - n == 4:
        leap_j += 1
    leap_g = _div(gy, 4) - _div((_div(gy, 100) + 1) * 3, 4) - 150
    march = 20 + leap_j - leap_g
    if jump - n < 6:
        n = n - jump + _div(jump + 4, 33) * 33
    leap = _mod(_mod(n + 1, 33) - 1, 4)
    return leap in (0, -1), march


def jalali_new_year(jy: int) -> date:
    """The Gregorian date of 1 Farvardin of Jalali year ``jy``."""
    return date(jy + 621, 3, _jal_cal(jy)[1])


def jalali_month_length(jy: int, jm: int) -> int:
    """Days in month ``jm`` (1-12) of Jalali year ``jy``."""
    if jm <= 6:
        return 31
    if jm <= 11:
        return 30
    return 30 if _jal_cal(jy)[0] else 29


def jalali_to_gregorian(jy: int, jm: int, jd: int) -> date:
    """The Gregorian date of Jalali ``jy``/``jm``/``jd``; ValueError when it does not exist."""
    if not 1 <= jm <= 12 or not 1 <= jd <= jalali_month_length(jy, jm):
        raise ValueError(f"no such Jalali date: {jy}-{jm}-{jd}")
    offset = (jm - 1) * 31 - max(0, jm - 7) + jd - 1
    return jalali_new_year(jy) + timedelta(days=offset)


def gregorian_to_jalali_year(d: date) -> int:
    """The Jalali year that contains Gregorian date ``d``."""
    jy = d.year - 621
    return jy if d >= jalali_new_year(jy) else jy - 1
