import codecs
import os
from pathlib import Path

import pytest

from reader.document import MAX_FILE_BYTES, load
from reader.errors import DocumentError


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_txt_with_date_marker(tmp_path: Path) -> None:
    article = load(write(tmp_path / "a.txt", b" date 2022-03-04 It could be worse.\n\nMore."))
    assert article.date == "2022-03-04"
    assert article.text == "It could be worse.\n\nMore."
    assert article.format == "txt"
    assert article.source == str((tmp_path / "a.txt").resolve())
    assert article.title == "It could be worse."


def test_utf16_and_bom_markdown_and_cp1252(tmp_path: Path) -> None:
    text = "Señora Zoë’s “harbour” café."
    assert load(write(tmp_path / "u16.txt", text.encode("utf-16"))).text == text
    assert load(write(tmp_path / "bom.md", codecs.BOM_UTF8 + f"# Title\n\n{text}".encode())).text == f"Title\n\n{text}"
    assert load(write(tmp_path / "w.txt", (text + " The minister’s reply came later.").encode("cp1252"))).text.startswith(text)


@pytest.mark.parametrize("name,data,message", [
    ("noise.txt", os.urandom(3000) + b"\x00", "binary"),
    ("photo.md", b"\x89PNG\r\n\x1a\n" + os.urandom(500), "PNG image"),
])
def test_binary_files_refused(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    with pytest.raises(DocumentError, match=message):
        load(write(tmp_path / name, data))


def test_missing_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such file"):
        load(tmp_path / "nope.txt")
    with pytest.raises(DocumentError, match="is a folder"):
        load(tmp_path)


def test_too_large_is_refused_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(DocumentError, match="MiB"):
        load(big)


def test_twenty_megabytes_open(tmp_path: Path) -> None:
    para = ("The harbour committee met again on Tuesday to discuss the breakwater. " * 10 + "\n\n").encode()
    path = write(tmp_path / "big.txt", para * (20 * 2**20 // len(para) + 1))
    article = load(path)
    assert len(article.text) > 20_000_000 - 100_000
    assert len(article.blocks) > 1000


def test_empty_file_is_an_empty_article(tmp_path: Path) -> None:
    article = load(write(tmp_path / "empty.txt", b""))
    assert article.text == "" and article.title == "empty"


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    article = load(write(tmp_path / "page.saved", b"<!DOCTYPE html><html><body><p>Hi there</p></body></html>"))
    assert article.format == "html" and article.text == "Hi there"


def test_content_id_is_sha256_of_text(tmp_path: Path) -> None:
    import hashlib

    article = load(write(tmp_path / "a.txt", "Zoë 🙂".encode()))
    assert article.content_id == hashlib.sha256("Zoë 🙂".encode()).hexdigest()
