"""Bytes to text: UTF-8, UTF-16/32 with a BOM, and legacy single-byte code pages."""

from __future__ import annotations

import codecs

from bilat.errors import BadInput

# The legacy encodings common for bilat's languages (Cyrillic and Arabic script).
LEGACY = ("cp1251", "koi8_r", "koi8_u", "cp1256", "iso8859_5", "cp1250", "cp1252")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> bool:
    """True when the head of ``data`` holds NUL bytes or many control bytes (and no UTF-16/32 BOM)."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = len(head.translate(None, _NOT_CONTROL))  # C speed: delete every ordinary byte, count the rest
    return bool(head) and controls / len(head) > 0.05


_NOT_CONTROL = bytes(range(9, 14)) + bytes(range(32, 256))


def decode(data: bytes) -> tuple[str, str]:
    """Decode ``data``; return the text and the encoding that was used."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc.replace("-sig", "")
            except UnicodeDecodeError as e:
                raise BadInput(f"has a {enc} byte-order mark but is not valid {enc}: {e.reason}") from e
    if looks_binary(data):
        raise BadInput("binary content, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        if e.start >= len(data) - 3 and len(data) > 4:
            # A multi-byte character cut at the very end: a truncated UTF-8 file.
            return data[: e.start].decode("utf-8"), "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(LEGACY)).best()
    if best is None:
        raise BadInput("unknown text encoding (not UTF-8, UTF-16 or a known legacy code page)")
    return str(best), best.encoding
