import codecs
import os

import pytest

from reader.document.encoding import decode
from reader.errors import DocumentError

TEXT = "Zoë said: “Déjà vu — naïve café.”\nSecond line."


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    TEXT.encode("utf-16"),
])
def test_unicode_encodings_and_boms(data: bytes) -> None:
    text, _ = decode(data)
    assert text == TEXT
    assert "\ufeff" not in text


def test_cp1252_is_detected() -> None:
    text = ("The minister’s office said the café’s owner, Zoë, would pay €40 in fees. " * 5).strip()
    decoded, encoding = decode(text.encode("cp1252"))
    assert decoded == text
    assert encoding.replace("_", "").lower() in {"cp1252", "windows1252"}


def test_latin1_words_survive() -> None:
    text = "Señor Muñoz visited Zürich and São Paulo in the spring of that year."
    decoded, _ = decode(text.encode("latin-1"))
    assert decoded == text


def test_crlf_becomes_lf() -> None:
    assert decode(b"one\r\ntwo\rthree")[0] == "one\ntwo\nthree"


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
    b"%PDF-1.7\n" + bytes(200),
    os.urandom(4096) + b"\x00\x01\x02",
    bytes(range(32)) * 40,
])
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(DocumentError, match="not an article"):
        decode(data, "x.txt")


def test_random_bytes_without_nul_are_refused() -> None:
    rnd = bytes(b for b in os.urandom(20000) if b != 0)
    with pytest.raises(DocumentError):
        decode(rnd, "noise.txt")
