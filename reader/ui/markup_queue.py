"""The analysis marks, applied to the reading view's document a few milliseconds at a time.

Formatting every mention and quote of a long article in one go would freeze the window for
seconds, and one edit block spanning the whole text makes Qt lay all of it out again. So the
ops wait in a queue, those on screen first, and a zero-interval timer applies a slice of them
at a time, each slice kept to nearby text, letting the event loop run in between.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor, QTextDocument

from reader.ui.offsets import PositionMap
from reader.ui.typesetting import FormatKey, Formats

BATCH_SECONDS = 0.012
BATCH_REACH = 50_000
"""A batch of formats ends before an op this far (in characters) from the ones it applied: one
edit block spanning the text would make Qt lay out all of it again."""
UNLAID_SCREEN_CHARS = 6_000
"""What counts as on screen before the text is laid out: the top of the article, where it opens
(a tall screen at a small text size shows less), so its formats still go first."""

Op = tuple[int, int, FormatKey]
"""``[start, end)`` in text indices, and the look those characters get."""


class MarkupQueue(QObject):
    """Format ops waiting to be applied to one document, the screen's first.

    Signals:
        progress(int, int): ops applied so far, ops queued in all.
        screen_done(): the ops that were on screen when queued are applied (or there were none
            in a replacing call).
    """

    progress = Signal(int, int)
    screen_done = Signal()

    def __init__(self, document: QTextDocument, positions: PositionMap, formats: Formats,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document, self._map, self._formats = document, positions, formats
        self._queue: list[Op] = []  # the next op last
        self._total = 0
        self._screen_left = 0  # ops at the end of the queue still to draw for the screen
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.apply_batch)

    def retarget(self, document: QTextDocument, positions: PositionMap, formats: Formats) -> None:
        """Apply later ops to ``document`` (indices mapped by ``positions``, looks from ``formats``)."""
        self._document, self._map, self._formats = document, positions, formats

    def clear(self) -> None:
        """Forget every op still queued (the document they were meant for is gone)."""
        self._queue, self._total = [], 0

    def pending(self) -> bool:
        return bool(self._queue)

    def enqueue(self, ops: list[Op], replace: bool, screen: tuple[int, int]) -> None:
        """Queue ops: those within ``screen`` (text indices, empty when not laid out yet) first,
        then the rest from the screen downwards, then upwards.

        Ops of one call never overlap (see :func:`typesetting.replacement_ops`), so their order
        is free; a later call's ops go before what is still queued from an earlier one, or
        instead of it with ``replace``.
        """
        top, bottom = screen
        if bottom <= top:  # not laid out yet: the screen will show the top
            top, bottom = 0, UNLAID_SCREEN_CHARS
        on_screen = [op for op in ops if op[0] < bottom and op[1] > top]
        below = [op for op in ops if op[0] >= bottom]
        above = [op for op in ops if op[1] <= top]
        ordered = on_screen + below + above[::-1]
        self._queue = ordered[::-1] if replace else ordered[::-1] + self._queue
        self._screen_left = len(on_screen)
        self._total = len(self._queue)
        if self._queue:
            self._timer.start()
        else:
            self.progress.emit(0, 0)
        if replace and not on_screen:
            self.screen_done.emit()  # nothing on screen to draw

    def apply_batch(self) -> None:
        """Format runs for a few milliseconds, then let the event loop breathe."""
        deadline = time.perf_counter() + BATCH_SECONDS
        cursor = QTextCursor(self._document)
        cursor.beginEditBlock()
        to_qt = self._map.to_qt
        screen = self._screen_left > 0
        low = high = self._queue[-1][0] if self._queue else 0
        while self._queue:
            start, end, key = self._queue[-1]
            if start > high + BATCH_REACH or end < low - BATCH_REACH:
                break  # far from this batch: Qt lays out everything between the edits of one block
            self._queue.pop()
            low, high = min(low, start), max(high, end)
            cursor.setPosition(to_qt(start))
            cursor.setPosition(to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(self._formats.get(key))
            self._screen_left -= 1
            if len(self._queue) % 8 == 0 and time.perf_counter() > deadline:
                break
        cursor.endEditBlock()
        self.progress.emit(self._total - len(self._queue), self._total)
        if screen and self._screen_left <= 0:
            self.screen_done.emit()
        if self._queue:
            self._timer.start()
