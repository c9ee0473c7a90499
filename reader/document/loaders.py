"""Open a file as an :class:`Article`: checks, decoding, then the loader for its format."""

from __future__ import annotations

import os
import re
from pathlib import Path

from reader.document.article import Article
from reader.document.encoding import decode
from reader.errors import DocumentError

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Files above 64 MiB are refused: far beyond any article, and the window must stay calm."""

FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".mdown": "md",
           ".html": "html", ".htm": "html", ".xhtml": "html"}
_TITLE_WORDS = 12


def load(path: str | os.PathLike[str]) -> Article:
    """Load a file; raise :class:`DocumentError` with one clear line when it cannot be read."""
    p = Path(path)
    name = p.name or str(p)
    try:
        info = p.stat()
    except FileNotFoundError:
        raise DocumentError(f"{p}: no such file") from None
    except OSError as err:
        raise DocumentError(f"{p}: cannot read it ({err.strerror or err})") from None
    if p.is_dir():
        raise DocumentError(f"{p} is a folder, not an article")
    if not p.is_file():
        raise DocumentError(f"{p} is not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        raise DocumentError(f"{p} is {info.st_size / 2**20:.0f} MiB; Reader opens articles up to "
                            f"{MAX_FILE_BYTES // 2**20} MiB")
    try:
        data = p.read_bytes()
    except OSError as err:
        raise DocumentError(f"{p}: cannot read it ({err.strerror or err})") from None
    text, _encoding = decode(data, name)
    fmt = FORMATS.get(p.suffix.lower()) or _sniff(text)
    article = parse(text, fmt, source=str(p.resolve()))
    if not article.title:
        article.title = default_title(article.text, p.stem)
    return article


def parse(text: str, fmt: str, source: str | None = None) -> Article:
    """Build an article from decoded text in format ``txt``, ``md``, ``html`` or ``text``."""
    if fmt == "md":
        from reader.document.markdowntext import parse_markdown

        article = parse_markdown(text, source)
    elif fmt == "html":
        from reader.document.webpage import parse_html

        article = parse_html(text, source)
    elif fmt == "txt":
        from reader.document.plaintext import parse_text

        article = parse_text(text, source)
    else:
        from reader.document.article import plain_blocks

        article = Article(text=text, blocks=plain_blocks(text), source=source, format="text")
    if not article.title:
        heading = next((b for b in article.blocks if b.kind == "heading"), None)
        if heading is not None:
            article.title = article.text[heading.start:heading.end]
    return article


def verbatim(text: str) -> Article:
    """An article over exactly ``text`` (batch mode): no date marker, no markup."""
    return parse(text, "text")


def default_title(text: str, fallback: str) -> str:
    """A short lead of the text (first sentence or twelve words), else the file name."""
    lead = text.strip().split("\n", 1)[0]
    sentence = re.split(r"(?<=[.!?])\s", lead, maxsplit=1)[0]
    words = sentence.split()
    if not words:
        return fallback
    short = " ".join(words[:_TITLE_WORDS])
    return short + ("…" if len(words) > _TITLE_WORDS else "")


def _sniff(text: str) -> str:
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    return "txt"
