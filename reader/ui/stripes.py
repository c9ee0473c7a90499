"""Where highlights of different colours overlap, the stretch they share is drawn in diagonal
bands of every colour (see :mod:`reader.core.highlights` for why they are not joined)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPixmap

STRIPE = 6
"""Width of each colour's band where highlights of different colours overlap, in pixels."""
_STRIPES: dict[tuple[str, ...], QBrush] = {}


def striped(fills: Sequence[QColor]) -> QBrush:
    """Diagonal bands of every colour, so that each of the overlapping highlights stays visible."""
    key = tuple(c.name() for c in fills)
    brush = _STRIPES.get(key)
    if brush is None:
        size = STRIPE * len(fills) * 2
        pixmap = QPixmap(size, size)
        pixmap.fill(fills[0])
        painter = QPainter(pixmap)
        painter.setPen(Qt.PenStyle.NoPen)
        for k in range(-2 * size, 2 * size, STRIPE):
            painter.setBrush(fills[(k // STRIPE) % len(fills)])
            painter.drawPolygon([QPoint(k, size), QPoint(k + STRIPE, size), QPoint(k + STRIPE + size, 0),
                                 QPoint(k + size, 0)])
        painter.end()
        brush = _STRIPES[key] = QBrush(pixmap)
    return brush
