"""Plain-text articles: an optional leading date marker, paragraphs split on blank lines, lists."""

from __future__ import annotations

import re

from reader.document.article import Article, BlockKind, TextBuilder

# " date 2022-03-04 It could be…": optional white space, the word, an ISO date, then the body.
DATE_MARKER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})(?:[ \t]+|(?=\n)|\Z)", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n\s*")
_ITEM = re.compile(r"(?:[-*\u2022](?:[ \t]+|(?=[^\W\d_]))|(\d{1,3})[.)][ \t]+)(?=\S)")
"""A line that opens a list item: "- ", "* ", "• " or "1. " before its text, or a dash glued
to a word ("-Lena Moss writes …", as some pages save their lists)."""


_SHORT_LINE = 40
"""Longer than any line of an address or a signature, shorter than prose wrapped to a page's width."""


def line_by_line(lines: list[str]) -> bool:
    """Whether a paragraph's lines are set line by line (a letter's signature "Maria Sanchez" over
    "Long Beach, Calif.", an address): several, all short, each after the first opening with no
    lower-case letter. Joined, "Maria Sanchez Long Beach" reads as one person's name."""
    return len(lines) > 1 and all(len(line) < _SHORT_LINE for line in lines) \
        and not any(line[:1].islower() for line in lines[1:])


def split_date_marker(text: str) -> tuple[str | None, str]:
    """Return ``(date, body)``; the marker is removed from the body when present."""
    match = DATE_MARKER.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end():]


def parse_text(text: str, source: str | None = None) -> Article:
    """Build an article from plain text.

    Lines inside a paragraph are joined with a space (hard-wrapped files reflow), so the
    reading view decides the measure, unless they are set line by line (:func:`line_by_line`);
    paragraphs are separated by exactly one blank line. A
    line that opens a list item starts a list item (its mark dropped, its number kept), and
    the lines after it up to the next item or blank line are its text, as in Markdown.
    """
    date, body = split_date_marker(text)
    builder = TextBuilder()
    for paragraph in _BLANK_LINE.split(body):
        kind: BlockKind = "paragraph"
        ordinal: int | None = None
        lines: list[str] = []
        for line in (line.strip() for line in paragraph.split("\n")):
            item = _ITEM.match(line)
            if item is not None:
                builder.add_block(kind, " ".join(lines), level=int(kind == "list_item"), ordinal=ordinal)
                number = item.group(1)
                kind, ordinal, lines = "list_item", int(number) if number else None, [line[item.end():]]
            elif line:
                lines.append(line)
        joint = "\n" if kind == "paragraph" and line_by_line(lines) else " "
        builder.add_block(kind, joint.join(lines), level=int(kind == "list_item"), ordinal=ordinal)
    return Article(text=builder.text(), blocks=builder.blocks, date=date, source=source, format="txt")
