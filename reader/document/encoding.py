"""Turn a file's bytes into text: BOMs, UTF-8/16/32, legacy code pages, and binary refusal."""

from __future__ import annotations

import codecs
import unicodedata

from reader.errors import DocumentError

# Magic numbers of formats people may rename to .txt/.md/.html by accident.
_MAGIC: dict[bytes, str] = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an office document)",
    b"\x1f\x8b": "a gzip archive",
    b"RIFF": "a RIFF media file",
    b"\x7fELF": "an executable",
    b"OggS": "an Ogg media file",
    b"ID3": "an MP3 file",
    b"\x00\x00\x01\x00": "an icon file",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"SQLite format 3": "an SQLite database",
    b"7z\xbc\xaf": "a 7-Zip archive",
}

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

_PREFERRED = ["cp1252", "latin_1", "iso8859_15", "cp1251", "cp1250", "iso8859_2", "cp1253", "cp1254", "koi8_r"]

# Share of control characters (other than tab/newline) above which text is treated as binary.
_MAX_CONTROL_SHARE = 0.01


def decode(data: bytes, name: str = "file") -> tuple[str, str]:
    """Return ``(text, encoding)``; raise DocumentError for binary data.

    A BOM decides the encoding and never reaches the text; otherwise strict UTF-8,
    then charset-normalizer's guess (cp1252/Latin-1 and friends).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom):].decode(encoding), name), encoding
            except UnicodeDecodeError:
                raise DocumentError(f"{name}: starts like {encoding} text but is not valid {encoding}") from None
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise DocumentError(f"{name} is {what}, not an article (Reader opens .txt, .md and .html)")
    if b"\x00" in data[:65536]:
        guessed = _utf16_without_bom(data)
        if guessed is None:
            raise DocumentError(f"{name} is a binary file, not an article")
        return _checked(guessed[0], name), guessed[1]
    try:
        return _checked(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    text, encoding = _legacy(data, name)
    return _checked(text, name), encoding


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM shows NULs in every other byte of ASCII text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / len(sample[0::2])
    odd = sample[1::2].count(0) / max(1, len(sample[1::2]))
    encoding = "utf-16-le" if odd > 0.4 and even < 0.05 else "utf-16-be" if even > 0.4 and odd < 0.05 else None
    if encoding is None:
        return None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def _legacy(data: bytes, name: str) -> tuple[str, str]:
    """Guess a single-byte code page.

    charset-normalizer often ties several code pages on short texts; among the tied ones
    the code page most news files use wins (cp1252 for Western text, cp1251 for Cyrillic).
    """
    from charset_normalizer import from_bytes

    sample = data[:1_000_000]
    results = list(from_bytes(sample))
    if not any(r.encoding == "cp1252" for r in results):  # not always offered on short texts
        results += list(from_bytes(sample, cp_isolation=["cp1252"]))
    if results:
        least = min(r.chaos for r in results)
        tied = [r.encoding for r in results if r.chaos <= least + 0.01]
        ranked = sorted(tied, key=lambda e: _PREFERRED.index(e) if e in _PREFERRED else len(_PREFERRED))
        candidates = ranked + ["cp1252", "latin-1"]
    else:
        candidates = ["cp1252", "latin-1"]
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    raise DocumentError(f"{name}: cannot tell its text encoding")  # latin-1 decodes anything; kept for safety


def _checked(text: str, name: str) -> str:
    """Refuse text that is mostly control characters: a binary file that happened to decode."""
    sample = text[:200_000]
    if sample:
        control = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and ch not in "\t\n\r\f")
        if control / len(sample) > _MAX_CONTROL_SHARE:
            raise DocumentError(f"{name} is a binary file, not an article")
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
