"""Plain-text articles: an optional leading date marker, paragraphs split on blank lines, lists."""

from __future__ import annotations

import re

from reader.document.article import Article, BlockKind, TextBuilder
from reader.document.invisible import without_invisible

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
    return _short_lines(lines, _SHORT_LINE)


def _short_lines(lines: list[str], limit: int) -> bool:
    """Several lines, each shorter than ``limit``, none after the first opening in lower case."""
    return len(lines) > 1 and all(len(line) < limit for line in lines) \
        and not any(line[:1].islower() for line in lines[1:])


def set_apart(lines: list[str], width: int) -> bool:
    """Whether a paragraph's lines are a list typed without marks: several, each shorter than a line
    of prose (:data:`MEASURE`), none after the first opening in lower case, and each but the last with
    room for the next line's first word within ``width`` (the text's longest line), so no wrap broke
    it there. One name to a line ("Brock University, stroked by Chidinma Okafor" over "University
    of Victoria, …"), joined, reads as one long name; each line is a block of its own, as a Markdown
    or HTML list's items are. Longer lines stay joined: in a news dump a Title Case subheading over
    its paragraph, kept apart, reads as names."""
    return _short_lines(lines, MEASURE) and all(
        len(line) + 1 + len(after.split(maxsplit=1)[0]) <= width for line, after in zip(lines, lines[1:], strict=False))


MEASURE = 80
"""The widest measure a text is wrapped to: a longer line is a paragraph's, not a list's."""


_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_]-)[ \t]*\n[ \t]*(?=[^\W\d_])")
"""A line ending in a letter and a hyphen before one opening with a letter: a hyphenated word
wrapped at its hyphen ("Barros-" over "Lindqvist"), which is one word."""


def join_hyphen_breaks(text: str) -> str:
    """``text`` with each hyphenated word wrapped at its hyphen on one line again."""
    return _HYPHEN_BREAK.sub("", text)


_CELL = re.compile(r"[ \t]*\t[ \t]*")
"""Tabs between the cells of a table typed as text, one row to a line."""


def split_date_marker(text: str) -> tuple[str | None, str]:
    """Return ``(date, body)``; the marker is removed from the body when present."""
    match = DATE_MARKER.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end():]


def parse_text(text: str, source: str | None = None) -> Article:
    """Build an article from plain text.

    Lines inside a paragraph are joined with a space (hard-wrapped files reflow), so the
    reading view decides the measure, unless they are set line by line (:func:`line_by_line`,
    :func:`set_apart`); a word wrapped at its hyphen is joined whole, and a line with tabs is a
    table's row whose cells are blocks, as a Markdown or HTML table's are; invisible characters
    go (:mod:`reader.document.invisible`). Paragraphs are separated by exactly one blank line. A
    line that opens a list item starts a list item (its mark dropped, its number kept), and
    the lines after it up to the next item or blank line are its text, as in Markdown.
    """
    date, body = split_date_marker(join_hyphen_breaks(without_invisible(text)))
    width = max((len(line.strip()) for line in body.split("\n") if " " in line.strip()), default=0)
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
            elif "\t" in line:
                builder.add_block(kind, " ".join(lines), level=int(kind == "list_item"), ordinal=ordinal)
                for cell in _CELL.split(line):
                    builder.add_block("paragraph", cell)
                kind, ordinal, lines = "paragraph", None, []
            elif line:
                lines.append(line)
        kept = kind == "paragraph" and line_by_line(lines)
        if kind == "paragraph" and not kept and set_apart(lines, width):
            for line in lines:
                builder.add_block("paragraph", line)
            continue
        joint = "\n" if kept else " "
        builder.add_block(kind, joint.join(lines), level=int(kind == "list_item"), ordinal=ordinal)
    return Article(text=builder.text(), blocks=builder.blocks, date=date, source=source, format="txt")
