"""Markdown notes rendered for display: Python-Markdown, then nh3, in a browser that fetches nothing.

A note is the user's own text, but it may be pasted from anywhere; the preview must never
run a script, load an image or touch the network or the disk on its behalf.
"""

from __future__ import annotations

import markdown
import nh3
from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from reader.document.markdown_source import lists_after_text

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
