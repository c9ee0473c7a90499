"""Markdown articles, rendered with Python-Markdown and walked into blocks."""

from __future__ import annotations

import string

import markdown

from reader.document.article import Article
from reader.document.htmlblocks import BlockWalker, parse_fragment
from reader.document.markdown_source import front_matter, with_breaks_kept

_EXTENSIONS = ["fenced_code", "tables", "sane_lists", "footnotes"]
"""No "smarty": an article keeps the quotes and dashes its author typed, so the same paragraph
in .txt, .md and .html reads (and names its actors) alike. Footnotes ("third.[^1]" and a
"[^1]: …" line) are notes, not literal brackets: each note ends the text as a paragraph."""
_FOOTNOTE_MARKS = "//sup[a[contains(@class, 'footnote-ref')]] | //a[contains(@class, 'footnote-backref')]"
"""A footnote's number in the text and the note's link back: glued to a word ("third.1 She"),
a number reads as part of the sentence, so both go, as in a plain copy that leaves them out."""

ESCAPABLE = sorted(set(string.punctuation))
"""Every ASCII punctuation mark may be escaped, as CommonMark says: Python-Markdown knows only some,
and showed "Marks \\& Spencer" with its backslash."""


def parse_markdown(text: str, source: str | None = None) -> Article:
    """Render Markdown and keep its structure; raw HTML inside it is reduced to its text.

    The HTML walker drops scripts, styles, forms and images, so a ``<script>`` in the
    Markdown is never run and a ``<b>`` is never shown as literal markup. A front matter's
    title, date and author go to the header (:func:`~reader.document.markdown_source.front_matter`).
    """
    from reader.document.plaintext import split_date_marker

    fields, text = front_matter(text)
    date, body = split_date_marker(text)
    renderer = markdown.Markdown(extensions=_EXTENSIONS, output_format="html")
    renderer.ESCAPED_CHARS = ESCAPABLE
    rendered = renderer.convert(with_breaks_kept(body))
    tree = parse_fragment(rendered)
    for mark in tree.xpath(_FOOTNOTE_MARKS):
        mark.drop_tree()
    walker = BlockWalker()
    walker.walk(tree)
    b = walker.builder
    return Article(text=b.text(), blocks=b.blocks, styles=b.styles, title=fields.get("title", ""),
                   date=date or fields.get("date"), author=fields.get("author"), source=source, format="md")
