"""The Quotes panel and the quote tooltip say how the speaker was found: named, described or a pronoun."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.analysis.model import Actor, Analysis, Mention, Quote
from reader.ui.speaker_label import speaker_label
from tests.ui.conftest import open_and_wait, point_at

TEXT = """Ada Lovelace met Babbage in London.

“The engine might compose music,” she wrote.

“Come to London next spring,” the inventor said.

“Nobody answered the letters,” a neighbour said.

“It is a fine machine,” Babbage said.
"""


class ViaAnalyzer:
    """Actors and quotes given by hand: a pronoun, a description, a description of no one, a name."""

    def analyze(self, text: str, corrections=()) -> Analysis:
        actors = [Actor("a1", "Ada Lovelace", "person"), Actor("a2", "Charles Babbage", "person", None, ["Babbage"])]
        mentions = [Mention(text.index("Ada Lovelace"), text.index("Ada Lovelace") + 12, "a1")]
        mentions += [Mention(i, i + 7, "a2") for i in (text.index("Babbage"), text.rindex("Babbage"))]

        def quote(opening: str, speaker: str | None, words: str, via: str) -> Quote:
            start = text.index(opening)
            end = text.index("”", start) + 1
            at = text.index(words, end)
            return Quote(start, end, speaker, at, at + len(words), "said", via)  # type: ignore[arg-type]

        quotes = [quote("“The engine", "a1", "she", "pronoun"), quote("“Come to", "a2", "the inventor", "description"),
                  quote("“Nobody", None, "a neighbour", "description"), quote("“It is", "a2", "Babbage", "named")]
        return Analysis(actors, mentions, quotes)


@pytest.fixture
def via_file(tmp_path: Path) -> Path:
    path = tmp_path / "letters.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_speaker_labels_without_qt() -> None:
    analysis = ViaAnalyzer().analyze(TEXT)
    labels = [speaker_label(TEXT, analysis, q) for q in analysis.quotes]
    assert [label.line() for label in labels] == [
        "Ada Lovelace (from the pronoun “she”)", "Charles Babbage (described as “the inventor”)",
        "a neighbour (described; no one the article names)", "Charles Babbage (named)"]
    old = Quote(1, 5, "a1", 0, 12, "said")  # an analysis cached before speaker_via existed
    assert speaker_label(TEXT, analysis, old).line() == "Ada Lovelace"
    assert speaker_label(TEXT, analysis, Quote(1, 5)).line() == "speaker unknown"


@pytest.mark.gui
def test_quotes_panel_and_tooltip_show_how_the_speaker_was_found(qtbot, make_window, via_file):
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    window = make_window(analyzer_=ViaAnalyzer())
    article = open_and_wait(qtbot, window, via_file)
    model = window.quotes.model
    rows = [model.index(i).data().split("\n")[1] for i in range(model.rowCount())]
    assert rows == ["— Ada Lovelace (from the pronoun “she”)", "— Charles Babbage (described as “the inventor”)",
                    "— a neighbour (described; no one the article names)", "— Charles Babbage (named)"]
    assert "Speaker described as “the inventor”" in model.index(1).data(Qt.ItemDataRole.ToolTipRole)

    view = window.view
    pos = article.text.index("“Come to") + 3
    view.scroll_to(pos)
    point = point_at(view, pos)
    QApplication.sendEvent(view.viewport(), QHelpEvent(QHelpEvent.Type.ToolTip, point,
                                                       view.viewport().mapToGlobal(point)))
    tip = QToolTip.text()
    assert "Charles Babbage" in tip and "described as “the inventor”" in tip
