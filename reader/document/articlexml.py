"""Trafilatura's article XML, renamed back to the HTML it came from.

Trafilatura writes its body in a TEI-like vocabulary: ``head rend="h2"``, ``p``,
``list rend="ul"`` with ``item``, ``quote``, ``code``, ``lb``, ``table``/``row``/``cell``.
Renaming those elements in place lets :class:`reader.document.htmlblocks.BlockWalker`
(the walker Markdown goes through) build the blocks, so Reader has one way of turning
markup into an article. (Emphasis and links are not asked of trafilatura; see
:mod:`reader.document.inlinestyles`.)
"""

from __future__ import annotations

import re
from typing import Any

_RENAMED = {"row": "tr", "lb": "br"}  # p, table, div, del and body are HTML already
_INLINE_PARENTS = frozenset({"p", "head", "item", "cell", "del"})
"""Inside these, ``quote`` was an inline ``<q>`` and ``code`` an inline ``<code>``, unless it starts a line."""


def to_html(body: Any, title: str | None, date: str | None = None, author: str | None = None) -> Any:
    """Rename ``body`` (changed in place) to HTML; a first heading or line that is the title goes (with
    the labels above it, :func:`_drop_title`), and so does a line near the top that only gives
    the page's date ("Published 1 June 2023, 10:00"), and a card of short lines above the text
    that names the author (:func:`_drop_author_card`).

    The header shows the title and the date above the text, so repeating them in the text
    would show them twice and add words that are not the article's body.
    """
    _drop_title(body, title)
    _drop_author_card(body, author)
    _drop_copyright_lines(body)
    if date:
        for element in [el for el in body[:DATE_LINE_BLOCKS] if el.tag == "p"]:
            if is_date_line(element.xpath("string()"), date):
                body.remove(element)
    inline = {el for el in body.iter("quote", "code") if el.getparent().tag in _INLINE_PARENTS and not _set_off(el)}
    for element in body.iter():
        if isinstance(element.tag, str):
            _rename(element, element in inline)
    return body


TITLE_BLOCKS = 3
"""How many blocks at the top of a page may come before the title heading."""
_LAYOUT = frozenset({"table", "row", "cell"})
_TITLE_TAGS = frozenset({"head", "p"})
"""A headline in a ``<div class="headline">`` (an older CMS) comes out of trafilatura as a paragraph."""
LABEL_CHARS = 40
"""Longest line above the title that is taken for a label (a section, series or provider's name)."""


def _drop_title(body: Any, title: str | None) -> None:
    """Remove the heading or line that repeats ``title`` and, when it is not first, the short labels above it.

    Pages often put a kicker ("Opinion", "The Long Read", the wire's name) above the
    headline; trafilatura keeps both. A line that long above the title is text, and then
    nothing goes but a first line that is the title. On a page laid out in a table the
    article starts in the table's first cell.
    """
    if not title:
        return
    while len(body) and body[0].tag in _LAYOUT:  # a page laid out in a table: its first cell
        body = body[0]
    for index, element in enumerate(body[:TITLE_BLOCKS]):
        if element.tag in _TITLE_TAGS and _same_words(element.xpath("string()"), title):
            above = body[:index]
            if all(len(" ".join(el.xpath("string()").split())) <= LABEL_CHARS for el in above):
                for el in [*above, element]:
                    body.remove(el)
            return


COPYRIGHT_CHARS = 100
"""Longest last line taken for a copyright notice ("© Coastal Wire 2026. All rights reserved.")."""
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright\b)", re.IGNORECASE)
_LINES = ".//p[not(.//p)] | .//cell[not(.//p)][normalize-space()]"
"""The body's lines in order: paragraphs, and cells of text (a page laid out in one table)."""


def _drop_copyright_lines(body: Any) -> None:
    """Remove the copyright notices that end the body: a wire story's line, or an old site's footer
    in the table the story is laid out in; the site's words, not the article's."""
    while lines := body.xpath(_LINES):
        text = " ".join(lines[-1].xpath("string()").split())
        if len(text) > COPYRIGHT_CHARS or not _COPYRIGHT.match(text):
            return
        lines[-1].getparent().remove(lines[-1])


def _set_off(element: Any) -> bool:
    """Whether a quote or code inside a paragraph starts on a line of its own: a block the page put
    inside its text box (a forum post's quoted notice after "From the notice:" and a break)."""
    before = element.getprevious()
    return before is not None and before.tag == "lb" and not (before.tail or "").strip()


AUTHOR_CARD_BLOCKS = 8
"""Most short lines above the text that may make an author's card."""


def _drop_author_card(body: Any, author: str | None) -> None:
    """Remove the short lines above the first line of text when one of them is the author's name.

    A forum post opens with its poster's card (name, rank, "Joined", "Messages"), which
    trafilatura keeps as headings and lists; the header shows the author. A line of the
    author's name alone among labels is that card; a byline ("By …") or a first line of
    text longer than a label leaves the top as it is.
    """
    if not author:
        return
    card = []
    for element in body[:AUTHOR_CARD_BLOCKS + 1]:
        text = " ".join(element.xpath("string()").split())
        if len(text) > LABEL_CHARS:
            break
        card.append((element, text))
    else:
        return  # no text after the short lines, or too many of them
    if any(_same_words(text, author) for _, text in card):
        for element, _ in card:
            body.remove(element)


def _rename(element: Any, inline: bool) -> None:
    tag = element.tag
    if tag in _RENAMED:
        element.tag = _RENAMED[tag]
    elif tag == "head":
        rend = element.get("rend") or ""
        element.tag = rend if rend in ("h1", "h2", "h3", "h4", "h5", "h6") else "h3"
    elif tag == "list":
        element.tag = element.get("rend") if element.get("rend") in ("ol", "dl") else "ul"
    elif tag == "item":
        rend = element.get("rend") or ""
        element.tag = "dt" if rend.startswith("dt") else "dd" if rend.startswith("dd") else "li"
    elif tag == "quote":
        element.tag = "q" if inline else "blockquote"
    elif tag == "code":
        element.tag = "code" if inline else "pre"
    elif tag == "cell":
        element.tag = "th" if element.get("role") == "head" else "td"


DATE_LINE_BLOCKS = 3
"""How many blocks at the top of a page may be a date line."""
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_MONTH = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATES = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    re.compile(r"(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})"),
    re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+{_MONTH},?\s+(?P<y>\d{{4}})", re.IGNORECASE),
    re.compile(rf"{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})", re.IGNORECASE),
)
_FILLER = re.compile(
    r"\b(published|updated|posted|last|modified|on|at|am|pm|utc|gmt|cet|cest|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b"
    r"|\d{1,2}[:.]\d{2}|[\s,.:|·•–—-]+", re.IGNORECASE)


_BY_NAME = re.compile(r"\b[Bb]y\s+[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|and|&))*")
"""A credit, "By Ann Fell" or "by Ann Fell and Ray Holt"."""


def credited_author(body: Any, date: str | None) -> str | None:
    """The name in a byline near the top that gives the page's date and a credit, for a page
    whose metadata names no author: the line goes as the header's (:func:`is_date_line`), and
    the header then shows the name."""
    if not date:
        return None
    for element in body[:TITLE_BLOCKS + DATE_LINE_BLOCKS]:
        text = element.xpath("string()") if element.tag == "p" else ""
        credit = _BY_NAME.search(text)
        if credit and is_date_line(text, date):
            return " ".join(credit.group().split()[1:])
    return None


def is_date_line(text: str, iso: str) -> bool:
    """Whether ``text`` says only that the page is of the day ``iso`` (a few words such as
    "Published" or a weekday and a time of day allowed), so the header's date covers it; a
    byline with the date ("Published 19 August 2026 · By Ann Fell") is the header's too."""
    text = " ".join(_BY_NAME.sub(" ", text).split())
    if not text or len(text) > 80:
        return False
    for pattern in _DATES:
        found = pattern.search(text)
        if found is None:
            continue
        if _iso_of(found) != iso[:10] or _FILLER.sub("", text[:found.start()] + " " + text[found.end():]):
            return False
        return True
    return False


def _iso_of(found: re.Match[str]) -> str | None:
    month = found.groupdict().get("month")
    number = (next(i for i, name in enumerate(_MONTHS, 1) if name.startswith(month.lower()[:3]))
              if month else int(found.group("m")))
    try:
        return f"{int(found.group('y')):04d}-{number:02d}-{int(found.group('d')):02d}"
    except (TypeError, ValueError):
        return None


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
