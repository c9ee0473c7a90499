"""What is drawn under a point of a text view: the character, and the link it belongs to.

Qt's own hit test places a line's band lower than its words when the line height is above
100 % (the reading view's is 150 %): a point over the top half of a word falls to the line
above, and a link is found only over a few pixels of its words. These functions check the
candidates Qt offers around the point against each character's own box instead.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextEdit


def char_under(view: QTextEdit, point: QPoint) -> int | None:
    """The document position of the character drawn under a viewport point, if any."""
    step = max(4, view.cursorRect().height() // 2)
    seen: set[int] = set()
    for dy in (0, step, -step, 2 * step):
        here = view.cursorForPosition(QPoint(point.x(), point.y() + dy)).position()
        for qt in (here, here - 1):
            if qt < 0 or qt in seen:
                continue
            seen.add(qt)
            if _box(view, qt).contains(point):
                return qt
    return None


def link_at(view: QTextEdit, point: QPoint) -> str | None:
    """The address of the link whose words are under a viewport point, if any."""
    qt = char_under(view, point)
    if qt is None:
        return None
    cursor = QTextCursor(view.document())
    cursor.setPosition(qt + 1)
    fmt = cursor.charFormat()  # the format of the character before the cursor
    return fmt.anchorHref() if fmt.isAnchor() and fmt.anchorHref() else None


def _box(view: QTextEdit, qt: int) -> QRect:
    """The box of the character at document position ``qt`` (empty at a line's end)."""
    left, right = QTextCursor(view.document()), QTextCursor(view.document())
    left.setPosition(qt)
    right.setPosition(min(qt + 1, view.document().characterCount() - 1))
    start, end = view.cursorRect(left), view.cursorRect(right)
    if right.position() != qt + 1 or start.top() != end.top() or end.left() <= start.left():
        return QRect()
    return QRect(start.left(), start.top() - 2, end.left() - start.left(), start.height() + 4)
