"""Markdown notes rendered for display: Python-Markdown, then nh3, in a browser that fetches nothing.

A note is the user's own text, but it may be pasted from anywhere; the preview must never
run a script, load an image or touch the network or the disk on its behalf.
"""

from __future__ import annotations

import re

import markdown
import nh3
from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

ALLOWED_TAGS: frozenset[str] = frozenset({
    "p", "br", "hr", "strong", "em", "b", "i", "code", "pre", "blockquote", "del", "sub", "sup",
    "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "a",
    "table", "thead", "tbody", "tr", "th", "td",
})
"""Text structure only: no ``img``, ``style``, ``iframe``, forms or scripts."""

DROPPED_WITH_CONTENT: frozenset[str] = frozenset({"script", "style"})
"""Tags whose content is code, not prose: removed together with what they hold."""

LINK_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})

_EXTENSIONS = ("fenced_code", "tables", "sane_lists")

_LIST_ITEM = re.compile(r" {0,3}(?:[-+*]|\d{1,9}[.)])[ \t]+\S")
_OPENS_LIST = re.compile(r" {0,3}(?:[-+*]|1[.)])[ \t]+\S")
"""A list item; and one that may start a list under a line of text (CommonMark: a bullet, or the number 1)."""
_FENCE = re.compile(r" {0,3}(?:```|~~~)")


def lists_after_text(text: str) -> str:
    """``text`` with a blank line before a list typed on the line after a line of text: a list there, as
    CommonMark and the readers of the Markdown export have it; Python-Markdown wants the blank line
    and showed "Steps: - one - two". Fenced code is left as it is."""
    out: list[str] = []
    fenced = in_list = False
    for line in text.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and not in_list and out and out[-1].strip() and _OPENS_LIST.match(line):
            out.append("")
        if not line.strip():
            in_list = False
        elif not fenced and _LIST_ITEM.match(line):
            in_list = True
        out.append(line)
    return "\n".join(out)


def render_markdown(text: str) -> str:
    """The note as safe HTML: Markdown rendered, then everything but text structure removed."""
    html = markdown.markdown(lists_after_text(text), extensions=list(_EXTENSIONS), output_format="html")
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={"a": {"href", "title"}},
        url_schemes=set(LINK_SCHEMES),
        url_relative="deny",
    )


class MarkdownPreview(QTextBrowser):
    """A read-only view of rendered notes that never loads a resource.

    Signals:
        link_clicked(QUrl): the user clicked a link; whoever owns the window decides what to do.
    """

    link_clicked = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self.link_clicked)
        self._blank = QImage(1, 1, QImage.Format.Format_ARGB32)
        self._blank.fill(QColor(0, 0, 0, 0))

    def set_markdown_text(self, text: str) -> None:
        self.setHtml(render_markdown(text))

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Answer every request from memory: an empty value would make Qt read the file itself."""
        if kind == QTextDocument.ResourceType.ImageResource:
            return self._blank
        return " "
