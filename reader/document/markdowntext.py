"""Markdown articles, rendered with Python-Markdown and walked into blocks."""

from __future__ import annotations

import re

import markdown

from reader.document.article import Article
from reader.document.htmlblocks import BlockWalker, parse_fragment

_EXTENSIONS = ["fenced_code", "tables", "sane_lists"]
"""No "smarty": an article keeps the quotes and dashes its author typed, so the same paragraph
in .txt, .md and .html reads (and names its actors) alike."""


_BLOCK_SYNTAX = re.compile(r"[ \t]*(?:[#>|*+-]|\d+[.)]|```|~~~)|[ \t]{4}")
"""A line that Markdown reads as a heading, quote, table, list, fence or code, not as text."""


def _with_breaks_kept(body: str) -> str:
    """``body`` with a hard break ending each line but the last of a paragraph set line by line
    (a signature, an address: :func:`~reader.document.plaintext.line_by_line`), which Markdown
    would run into one line, so the same lines read alike in .txt and .md."""
    from reader.document.plaintext import line_by_line

    out: list[str] = []
    fenced = False
    for paragraph in re.split(r"(\n[ \t]*\n)", body):
        lines = paragraph.split("\n")
        fenced ^= sum(line.lstrip().startswith(("```", "~~~")) for line in lines) % 2 == 1
        filled = [k for k, line in enumerate(lines) if line.strip()]
        if not fenced and not any(_BLOCK_SYNTAX.match(line) for line in lines) \
                and line_by_line([lines[k].strip() for k in filled]):
            for k in filled[:-1]:
                lines[k] = lines[k].rstrip() + "  "
            paragraph = "\n".join(lines)
        out.append(paragraph)
    return "".join(out)


def parse_markdown(text: str, source: str | None = None) -> Article:
    """Render Markdown and keep its structure; raw HTML inside it is reduced to its text.

    The HTML walker drops scripts, styles, forms and images, so a ``<script>`` in the
    Markdown is never run and a ``<b>`` is never shown as literal markup.
    """
    from reader.document.plaintext import split_date_marker

    date, body = split_date_marker(text)
    rendered = markdown.markdown(_with_breaks_kept(body), extensions=_EXTENSIONS, output_format="html")
    walker = BlockWalker()
    walker.walk(parse_fragment(rendered))
    b = walker.builder
    return Article(text=b.text(), blocks=b.blocks, styles=b.styles, date=date, source=source, format="md")
