"""The one place that converts Python ``str`` indices into Qt positions and back.

Every span in Reader is a range of code points into ``Article.text``; Qt counts UTF-16
units, so each character outside the Basic Multilingual Plane (emoji, some CJK, maths
letters) takes two Qt positions. The reading view also puts a header (title, date) in
front of the text, so the body starts ``base`` positions into the ``QTextDocument``.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class PositionMap:
    """Maps between ``Article.text`` indices and ``QTextDocument`` positions.

    Built once per text in O(n); each conversion is a binary search over the astral
    characters only, so a text without any costs one addition.
    """

    def __init__(self, text: str, base: int = 0) -> None:
        self.base = base
        self.length = len(text)
        # Python indices of astral characters, and the Qt offsets (from base) where they begin.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []
        self._astral_qt = [i + k for k, i in enumerate(self._astral)]
        self.qt_length = self.length + len(self._astral)

    def to_qt(self, pos: int) -> int:
        """The document position of Python index ``pos`` (clamped to the text)."""
        pos = min(max(pos, 0), self.length)
        return self.base + pos + bisect_left(self._astral, pos)

    def to_py(self, qt_pos: int) -> int:
        """The Python index at document position ``qt_pos``.

        A position inside a surrogate pair maps to the character it splits; positions
        before the body map to 0 and past it to ``len(text)``.
        """
        q = min(max(qt_pos - self.base, 0), self.qt_length)
        return q - bisect_left(self._astral_qt, q)

