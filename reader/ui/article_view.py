"""The reading view: one article in a calm, centred column with its highlights.

The document is set by :mod:`reader.ui.typesetting`; every position the view takes or
gives is a text index, converted by :class:`~reader.ui.offsets.PositionMap`. Automatic
highlights are character formats applied in timed batches (:mod:`reader.ui.markup_queue`);
the reader's own highlights and the emphasis of a clicked actor are extra selections drawn
on top, so every layer stays visible, and quotations get a bar in the margin
(:mod:`reader.ui.quote_bars`). What a point is over is found by :mod:`reader.ui.hit_test`,
and what the analysis puts there (and the tooltip that says so) by :mod:`reader.ui.spans_at`.

Nothing is ever loaded from disk or network: ``loadResource`` answers every request
with a placeholder, and links are only reported, never followed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (QBrush, QColor, QContextMenuEvent, QFontMetricsF, QImage,
                           QMouseEvent, QPaintEvent, QResizeEvent, QTextCharFormat,
                           QTextCursor, QTextDocument)
from PySide6.QtWidgets import QFrame, QMenu, QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.analysis.model import Analysis, Mention, Quote, Reference
from reader.document.article import Article
from reader.ui import markup, theme as themes, typesetting
from reader.ui.hit_test import char_under, link_at
from reader.ui.markup import Run
from reader.ui.markup_queue import MarkupQueue, Op
from reader.ui.offsets import PositionMap
from reader.core.highlights import highlight_segments
from reader.ui.quote_bars import paint_quote_bars
from reader.ui.spans_at import SpansAt
from reader.ui.stripes import striped

MIN_SIDE = 12


class ArticleView(QTextBrowser):
    """Shows one article; reports clicks, selections and link activations.

    Signals:
        user_highlight_clicked(str): the reader clicked one of their highlights (its id).
        position_clicked(int): a plain click, as an index into ``Article.text``.
        context_menu_about_to_show(QMenu, int): add actions before the menu opens.
        link_activated(str): a link was clicked; the window decides what happens.
        markup_progress(int, int): runs formatted so far, runs to format.
        screen_marked(): the highlights of what was on screen when they arrived are drawn (the
            rest follows in the background).
    """

    user_highlight_clicked = Signal(str)
    position_clicked = Signal(int)
    context_menu_about_to_show = Signal(QMenu, int)
    link_activated = Signal(str)
    markup_progress = Signal(int, int)
    screen_marked = Signal()

    def __init__(self, theme: themes.Theme = themes.LIGHT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.article: Article | None = None
        self.analysis: Analysis | None = None
        self.hidden_kinds: set[str] = set()
        self._zoom = 0
        self._map = PositionMap("")
        self._runs: list[Run] = []
        self._formats = typesetting.Formats(theme)
        self._user: list[tuple[str, int, int, str]] = []
        self._emphasis: list[tuple[int, int]] = []
        self._emphasis_current: tuple[int, int] | None = None
        self._emphasis_kind = "person"
        self._focus: tuple[str, int] | None = None  # actor id, index of the last mention shown
        self._spans = SpansAt()
        self._press: QPoint | None = None
        self._link_clicked = False  # Qt's own anchor handling reported the click being released

        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.setAcceptDrops(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.anchorClicked.connect(self._anchor_clicked)
        self.viewport().setMouseTracking(True)
        self._apply_palette()
        self.setDocument(self._empty_document())
        self.markup_queue = MarkupQueue(self.document(), self._map, self._formats, self)
        self.markup_queue.progress.connect(self.markup_progress)
        self.markup_queue.screen_done.connect(self._screen_done)

    # public API -----------------------------------------------------------------------
    def set_article(self, article: Article) -> None:
        """Show ``article`` at once; earlier analysis and highlights are dropped."""
        self.article = article
        self.analysis = None
        self._spans = SpansAt()
        self._user = []
        self._emphasis, self._emphasis_current, self._focus = [], None, None
        self._rebuild()

    def set_analysis(self, analysis: Analysis | None, runs: list[Run] | None = None) -> None:
        """Mark up actors and quotes; formats arrive in batches, the view stays usable.

        ``runs`` may be given as ``markup.runs(article, analysis)`` computed off the UI
        thread (it takes a second on a 5 MB article).
        """
        if self.article is None:
            return
        self.analysis = analysis
        self._spans = SpansAt.of(analysis)
        self._emphasis, self._emphasis_current, self._focus = [], None, None
        old = self._runs
        self._runs = runs if runs is not None else markup.runs(self.article, analysis)
        # The new look of every run that shows something now or did before: independent ops,
        # so the ones on screen go first.
        self._enqueue(typesetting.replacement_ops(self.article, old, self._runs, self.hidden_kinds), replace=True)
        self._refresh_extra()

    def set_user_highlights(self, items: Sequence[tuple[str, int, int, str]]) -> None:
        """The reader's highlights: ``(annotation id, start, end, colour name)``."""
        self._user = [(ident, start, end, color) for ident, start, end, color in items]
        self._refresh_extra()

    @property
    def user_highlights(self) -> list[tuple[str, int, int, str]]:
        """The reader's highlights drawn now, by position."""
        return sorted(self._user, key=lambda item: (item[1], item[2]))

    def set_kind_visible(self, kind: str, visible: bool) -> None:
        """Show or hide one kind of automatic highlight."""
        if visible == (kind not in self.hidden_kinds):
            return
        if visible:
            self.hidden_kinds.discard(kind)
        else:
            self.hidden_kinds.add(kind)
        touched = [r for r in self._runs if (r.quote if kind == "quote" else r.kind == kind)]
        article, hidden = self.article, self.hidden_kinds
        if article is not None:
            ops = [(r.start, r.end, typesetting.format_key(article, r, hidden)) for r in touched]
            self._enqueue(ops, replace=False)
        self.viewport().update()

    def set_theme(self, theme: themes.Theme) -> None:
        if theme == self.theme:
            return
        self.theme = theme
        self._formats = typesetting.Formats(theme)
        self._apply_palette()
        position = self.reading_position()
        self._rebuild()
        if position:
            self.scroll_to(position, exact_top=True)

    def set_zoom(self, steps: int, keep_place: bool = False) -> None:
        """Change the body size by ``steps`` points; the measure follows (and, with
        ``keep_place``, the text at the top stays there)."""
        position = self.reading_position() if keep_place else 0
        self._zoom = steps
        self.document().setDefaultFont(typesetting.body_font(self._zoom))
        self._update_measure()
        if keep_place:
            self.scroll_to(position, exact_top=True)

    @property
    def zoom(self) -> int:
        return self._zoom

    @property
    def positions(self) -> PositionMap:
        return self._map

    def selection_span(self) -> tuple[int, int] | None:
        """The selected text as ``[start, end)`` indices into ``Article.text``, if any."""
        cursor = self.textCursor()
        if self.article is None or not cursor.hasSelection():
            return None
        start = self._map.to_py(cursor.selectionStart())
        end = self._map.to_py(cursor.selectionEnd())
        if cursor.selectionEnd() > self._map.to_qt(end):
            end = min(end + 1, self._map.length)  # the selection ends inside a surrogate pair
        return (start, end) if end > start else None

    def clear_selection(self) -> None:
        """No text selected (the caret stays where it was)."""
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    def scroll_to(self, pos: int, exact_top: bool = False) -> None:
        """Bring index ``pos`` into view, a third down the page (or at the top)."""
        if self.article is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(pos))
        self.setTextCursor(cursor)
        rect = self.cursorRect(cursor)
        offset = rect.top() - (4 if exact_top else self.viewport().height() // 3)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + offset)

    def reading_position(self) -> int:
        """The index of the first character shown at the top of the view."""
        if self.article is None:
            return 0
        qt = self.cursorForPosition(QPoint(typesetting.DOCUMENT_MARGIN, 2)).position()
        return self._map.to_py(qt)

    def position_at(self, point: QPoint) -> int | None:
        """The text index under a viewport point (the character there, else the nearest place
        between characters), or ``None`` over the header."""
        qt = char_under(self, point)
        if qt is None:
            qt = self.cursorForPosition(point).position()
        if self.article is None or qt < self._map.base:
            return None
        return self._map.to_py(qt)

    def mention_at(self, pos: int) -> Mention | None:
        return self._spans.mention_at(pos)

    def reference_at(self, pos: int) -> Reference | None:
        """The role phrase ("the NATO chief") at ``pos`` that refers to an actor, if any."""
        return self._spans.reference_at(pos)

    def quote_at(self, pos: int) -> Quote | None:
        """The quote around ``pos``."""
        return self._spans.quote_at(pos)

    def focus_actor(self, actor_id: str) -> Mention | Reference | None:
        """Emphasise every mention of an actor, by name or by a role phrase, and scroll to the
        next one (cycling)."""
        spans: list[Mention | Reference] = [*self._spans.mentions, *self._spans.references]
        mentions = sorted((m for m in spans if m.actor == actor_id), key=lambda m: m.start)
        if not mentions:
            self._emphasis, self._emphasis_current, self._focus = [], None, None
            self._refresh_extra()
            return None
        if self._focus and self._focus[0] == actor_id:
            index = (self._focus[1] + 1) % len(mentions)
        else:
            top = self.reading_position()
            index = next((i for i, m in enumerate(mentions) if m.start >= top), 0)
        self._focus = (actor_id, index)
        self._emphasis = [(m.start, m.end) for m in mentions]
        actor = self.analysis.actor(actor_id) if self.analysis else None
        self._emphasis_kind = actor.kind if actor else "person"
        target = mentions[index]
        self._emphasis_current = (target.start, target.end)
        self._refresh_extra()
        self.scroll_to(target.start)
        return target

    def clear_focus(self) -> None:
        self._emphasis, self._emphasis_current, self._focus = [], None, None
        self._refresh_extra()

    def back_to_text(self) -> None:
        """The keyboard back in the text, no actor emphasised (Esc)."""
        self.clear_focus()
        self.setFocus()

    def mark_span(self, start: int, end: int, scroll: bool = True) -> None:
        """Mark ``[start, end)`` (a quotation the reader came to see) and bring it into view
        (unless ``scroll`` is False); the mark goes with the next click, actor emphasis or analysis."""
        if self.article is None:
            return
        start, end = max(0, min(start, len(self.article.text))), max(0, min(end, len(self.article.text)))
        self._emphasis, self._emphasis_current, self._focus = [(start, end)], (start, end), None
        self._emphasis_kind = "quote"
        self._refresh_extra()
        if scroll:
            self.scroll_to(start)

    @property
    def marked_span(self) -> tuple[int, int] | None:
        """The span marked by :meth:`mark_span` or the mention emphasised last, if any."""
        return self._emphasis_current

    def markup_pending(self) -> bool:
        return self.markup_queue.pending()

    # resources and links: never load anything ------------------------------------------
    def loadResource(self, type: int, name: QUrl | str) -> object:  # noqa: A002 - Qt's signature
        """Answer every resource request without touching disk or network.

        An empty answer would make ``QTextDocument`` read local files itself, so images
        get a small placeholder and everything else an empty string.
        """
        if type == QTextDocument.ResourceType.ImageResource.value:
            return _placeholder_image(self.theme)
        return ""

    def doSetSource(self, name: QUrl | str,
                    type: QTextDocument.ResourceType = QTextDocument.ResourceType.UnknownResource) -> None:  # noqa: A002
        """Navigation is never done by the widget itself."""

    # events ---------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_measure()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self._tooltip(event.pos())  # type: ignore[attr-defined]
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        self._link_clicked = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        # Qt's own test finds a link only where its hit test of the (tall) line agrees, a few
        # pixels of it; the hand shows wherever the link's words are.
        shape = Qt.CursorShape.PointingHandCursor if link_at(self, event.position().toPoint()) else \
            Qt.CursorShape.IBeamCursor
        if self.viewport().cursor().shape() != shape:
            self.viewport().setCursor(shape)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        point = event.position().toPoint()
        if (event.button() != Qt.MouseButton.LeftButton or press is None
                or (point - press).manhattanLength() > 4 or self.textCursor().hasSelection()):
            return
        href = link_at(self, point)
        if href is not None:
            if not self._link_clicked:  # Qt missed it: anywhere over the link's words counts
                self.link_activated.emit(href)
            return
        pos = self.position_at(point)
        if pos is None:
            return
        hit = self.user_highlight_at(pos)
        if hit is not None:
            self.user_highlight_clicked.emit(hit)
        else:
            self.position_clicked.emit(pos)

    def user_highlight_at(self, pos: int) -> str | None:
        """The reader's highlight at text index ``pos``: the shortest of those there (so one inside
        another can be reached), else the latest."""
        found = [h for h in self._user if h[1] <= pos < h[2]]
        if not found:
            return None
        return min(reversed(found), key=lambda h: h[2] - h[1])[0]

    def _anchor_clicked(self, url: QUrl) -> None:
        self._link_clicked = True  # the release that follows must not report it again
        self.link_activated.emit(url.toString())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        pos = self.position_at(event.pos())
        self.context_menu_about_to_show.emit(menu, -1 if pos is None else pos)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if "quote" not in self.hidden_kinds and self._spans.quotes:
            paint_quote_bars(self, event.rect(), self._spans.quotes, self._spans.quote_starts, self._map,
                             QColor(self.theme.kinds["quote"].line))

    # building ---------------------------------------------------------------------------
    def _rebuild(self) -> None:
        """Build a fresh document for the article (and re-apply the analysis, if any)."""
        self.markup_queue.clear()
        if self.article is None:
            self._map, self._runs = PositionMap(""), []
            self.setDocument(self._empty_document())
            self.markup_queue.retarget(self.document(), self._map, self._formats)
            return
        doc, self._map = typesetting.typeset(self.article, self._formats, typesetting.body_font(self._zoom), self)
        self.setDocument(doc)
        self.markup_queue.retarget(doc, self._map, self._formats)
        self._update_measure()
        if self.analysis is None:
            self._runs = markup.structure_runs(self.article)
        else:  # a new theme: the runs of the analysis stay, their formats are drawn again
            self._enqueue(typesetting.markup_ops(self.article, self._runs, self.hidden_kinds), replace=True)
        self._refresh_extra()

    def _empty_document(self) -> QTextDocument:
        doc = QTextDocument(self)
        doc.setDocumentMargin(typesetting.DOCUMENT_MARGIN)
        doc.setDefaultFont(typesetting.body_font(self._zoom))
        return doc

    # formats ----------------------------------------------------------------------------
    def _enqueue(self, ops: list[Op], replace: bool) -> None:
        """Queue format ops, those on screen first (see :class:`MarkupQueue`)."""
        self.markup_queue.enqueue(ops, replace, self.visible_span())

    def _screen_done(self) -> None:
        if self.analysis is not None:  # the signal speaks of the analysis' marks only
            self.screen_marked.emit()

    def visible_span(self) -> tuple[int, int]:
        """The text indices at the top and the bottom of the viewport."""
        if self.article is None:
            return 0, 0
        rect = self.viewport().rect()
        margin = typesetting.DOCUMENT_MARGIN
        top = self.cursorForPosition(QPoint(margin, 2)).position()
        bottom = self.cursorForPosition(QPoint(max(margin, rect.right() - margin), rect.bottom())).position()
        if top > bottom:  # the document is not laid out yet: nothing is known to be on screen
            return 0, 0
        return self._map.to_py(top), self._map.to_py(bottom) + 1

    # extra selections: the reader's highlights and the emphasised actor ---------------
    def _refresh_extra(self) -> None:
        selections = []
        for start, end, colors in highlight_segments(self._user):
            fills = [QColor(self.theme.user.get(c, self.theme.user["yellow"])) for c in colors]
            selections.append(self._selection(start, end, fills[0] if len(fills) == 1 else striped(fills)))
        for start, end in self._emphasis:
            current = (start, end) == self._emphasis_current
            selections.append(self._selection(start, end, self.theme.emphasis(self._emphasis_kind, current)))
        self.setExtraSelections(selections)

    def _selection(self, start: int, end: int, fill: QColor | QBrush) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(start))
        cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(fill if isinstance(fill, QBrush) else QBrush(fill))
        sel.format = fmt
        return sel

    # helpers ----------------------------------------------------------------------------
    def _tooltip(self, point: QPoint) -> str:
        pos = self.position_at(point)
        if pos is None or self.analysis is None or self.article is None:
            return ""
        return self._spans.tooltip(self.analysis, self.article.text, pos, self.hidden_kinds)

    def _apply_palette(self) -> None:
        pal = self.theme.palette(self.palette())
        pal.setColor(pal.ColorRole.Window, QColor(self.theme.paper))
        self.setPalette(pal)
        self.viewport().setPalette(pal)

    def _update_measure(self) -> None:
        """Centre a column of about ``MEASURE_CHARS`` characters; narrow windows use all."""
        metrics = QFontMetricsF(typesetting.body_font(self._zoom))
        measure = metrics.averageCharWidth() * themes.MEASURE_CHARS + 2 * typesetting.DOCUMENT_MARGIN
        bar = self.verticalScrollBar().sizeHint().width() if self.verticalScrollBar().isVisible() else 0
        room = self.width() - bar
        side = max(MIN_SIDE, int((room - measure) / 2))
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)


_PLACEHOLDERS: dict[str, QImage] = {}


def _placeholder_image(theme: themes.Theme) -> QImage:
    """A small neutral square where an image would have been."""
    image = _PLACEHOLDERS.get(theme.name)
    if image is None:
        image = QImage(QSize(16, 16), QImage.Format.Format_ARGB32)
        image.fill(QColor(theme.chrome))
        _PLACEHOLDERS[theme.name] = image
    return image
