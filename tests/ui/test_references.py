"""A role phrase that refers to an actor ("the UN chief" for Maria Duarte) is shown as that
actor's, told apart from a name, counted, reached by the actor's navigation and explained by
its tooltip — with the real analysis, on a text written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from reader.analysis.pipeline import Analyzer
from reader.ui import theme as themes
from tests.ui.conftest import open_and_wait, point_at

pytestmark = pytest.mark.gui

TEXT = (" date 2025-03-02 UN Secretary-General Maria Duarte visited the harbour of Tromsø on Sunday. "
        "Duarte met the fishermen and the harbour board.\n\n"
        "The UN chief later called for calm, and the fishermen thanked her.\n")


def char_format(view, pos: int) -> QTextCharFormat:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.positions.to_qt(pos) + 1)
    return cursor.charFormat()


def tooltip_at(view, pos: int) -> str:
    view.scroll_to(pos)
    point = point_at(view, pos)
    QApplication.sendEvent(view.viewport(), QHelpEvent(QHelpEvent.Type.ToolTip, point,
                                                       view.viewport().mapToGlobal(point)))
    return QToolTip.text()


def test_a_role_phrase_is_shown_counted_and_reached_as_its_actor(qtbot, make_window, tmp_path: Path) -> None:
    path = tmp_path / "duarte.txt"
    path.write_text(TEXT, encoding="utf-8")
    window = make_window(analyzer_=Analyzer())
    text = open_and_wait(qtbot, window, path).text
    analysis, view = window.analysis, window.view
    duarte = next(a for a in analysis.actors if a.name == "Maria Duarte")
    phrase = text.index("The UN chief")
    assert [(r.start, r.end, r.actor) for r in analysis.references] == [(phrase, phrase + 12, duarte.id)]

    # The actor's colour, paler and dotted; the name keeps its full tint and solid line, and the
    # organisation named inside the phrase stays the organisation's.
    person = themes.LIGHT.kinds["person"]
    chief, name = char_format(view, phrase + 8), char_format(view, text.index("Duarte met"))
    assert chief.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    assert chief.underlineColor() == QColor(person.line)
    assert chief.background().color() == themes.LIGHT.described_tint("person") != QColor(person.tint)
    assert name.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    assert name.background().color() == QColor(person.tint)
    assert char_format(view, phrase + 4).background().color() == QColor(themes.LIGHT.kinds["organization"].tint)

    assert window.status.summary.text().endswith("mentions (1 by description) · 0 quotes")
    tip = tooltip_at(view, phrase + 8)
    assert "refers to <b>Maria Duarte</b>" in tip and "3 mentions (1 by description)" in tip

    # The Actors panel counts the phrase with the names, and says how.
    model = window.actors.model
    people = next(model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data().endswith("person"))
    row = next(r for r in range(model.rowCount(people)) if model.index(r, 0, people).data() == "Maria Duarte")
    assert model.index(row, 1, people).data() == "3"
    assert "3 mentions (1 by description)" in model.index(row, 0, people).data(Qt.ItemDataRole.ToolTipRole)

    # The actor's next-mention navigation steps through the names and the phrase.
    marked = []
    for _ in range(4):
        window.actors.actor_activated.emit(duarte.id)
        marked.append(view.marked_span)
    named = [(m.start, m.end) for m in analysis.mentions if m.actor == duarte.id]
    assert marked == [*named, (phrase, phrase + 12), named[0]]
