"""Plain-text articles: an optional leading date marker, paragraphs split on blank lines."""

from __future__ import annotations

import re

from reader.document.article import Article, TextBuilder

# " date 2022-03-04 It could be…": optional white space, the word, an ISO date, then the body.
DATE_MARKER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})(?:[ \t]+|(?=\n)|\Z)", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n\s*")


def split_date_marker(text: str) -> tuple[str | None, str]:
    """Return ``(date, body)``; the marker is removed from the body when present."""
    match = DATE_MARKER.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end():]


def parse_text(text: str, source: str | None = None) -> Article:
    """Build an article from plain text.

    Lines inside a paragraph are joined with a space (hard-wrapped files reflow), so the
    reading view decides the measure; paragraphs are separated by exactly one blank line.
    """
    date, body = split_date_marker(text)
    builder = TextBuilder()
    for paragraph in _BLANK_LINE.split(body):
        lines = [line.strip() for line in paragraph.split("\n")]
        builder.add_block("paragraph", " ".join(line for line in lines if line))
    return Article(text=builder.text(), blocks=builder.blocks, date=date, source=source, format="txt")
