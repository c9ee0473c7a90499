"""A long article: the screen the reader sees is analysed and marked first, the rest after
(issue 12, item 5). Timings are measured by ``benchmarks/first_screen.py``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QTextCursor

from reader.analysis.model import Analysis
from reader.ui import theme as themes
from tests.analyzers import NameAnalyzer

pytestmark = pytest.mark.gui


class WholeHeldBack(NameAnalyzer):
    """The whole article's analysis waits for ``release``; a part (``analyze_many``) does not."""

    def analyze_many(self, texts: Iterable[str]) -> Iterator[Analysis]:
        saved = self.release
        self.release = _Open()
        try:
            yield from super().analyze_many(texts)
        finally:
            self.release = saved


class _Open:
    def wait(self, _timeout: float | None = None) -> bool:
        return True


def tint_at(view, pos: int) -> QColor:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.positions.to_qt(pos) + 1)
    return cursor.charFormat().background().color()


def test_the_screen_shown_is_marked_before_the_whole_analysis(qtbot, make_window, tmp_path: Path) -> None:
    paragraph = ("Ada Lovelace wrote to Babbage from London about the engine, the cards and the music "
                 "it might one day compose, and about the Royal Society. ")
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join([paragraph * 3] * 400), encoding="utf-8")  # about 150,000 characters
    analyzer = WholeHeldBack({"Ada Lovelace": "person", "Babbage": "person", "London": "place"})
    analyzer.release.clear()
    window = make_window(analyzer_=analyzer)
    with qtbot.waitSignal(window.view.screen_marked, timeout=10000):
        with qtbot.waitSignal(window.session.analysis_partial, timeout=10000):
            window.open_path(str(path))
    assert window.session.analysis is None  # the whole analysis is still running
    view, text = window.view, window.article.text
    top, bottom = view.visible_span()
    first = text.index("Babbage", top)
    assert first < bottom
    person = QColor(themes.LIGHT.kinds["person"].tint)
    assert tint_at(view, first) == person  # on screen: marked
    far = text.rindex("Babbage")
    assert tint_at(view, far) != person  # far below: not yet
    with qtbot.waitSignal(window.session.analysis_ready, timeout=10000):
        analyzer.release.set()
    qtbot.waitUntil(lambda: not view.markup_pending(), timeout=20000)
    assert tint_at(view, far) == person and tint_at(view, first) == person
    assert len(window.analysis.mentions) > 1000  # the whole article's


def test_a_reopened_long_article_is_marked_first_where_the_reader_was(qtbot, make_window, tmp_path: Path) -> None:
    paragraph = "Babbage met nobody in particular that day, and the weather was grey over the river. "
    parts = [paragraph * 3] * 500
    parts[400] = "Ada Lovelace arrived at last. " + paragraph
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(parts), encoding="utf-8")
    analyzer = WholeHeldBack({"Ada Lovelace": "person", "Babbage": "person"})
    window = make_window(analyzer_=analyzer)
    from tests.ui.conftest import open_and_wait

    article = open_and_wait(qtbot, window, path)
    ada = article.text.index("Ada Lovelace")
    window.view.scroll_to(ada, exact_top=True)
    window.close()  # the reading position is kept

    analyzer.release.clear()
    again = make_window(analyzer_=analyzer)
    with qtbot.waitSignal(again.session.analysis_partial, timeout=10000) as part:
        again.open_path(str(path))
    mentions = part.args[0].analysis.mentions
    assert any(m.start == ada for m in mentions)  # the part analysed is where the reader was
    assert min(m.start for m in mentions) > ada - 3000  # not the top of the article
    analyzer.release.set()
    qtbot.waitUntil(lambda: again.session.analysis is not None, timeout=10000)
