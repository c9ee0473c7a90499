"""The reading window: opening, toggles, clicks, zoom, themes, settings and positions."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QDropEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QMenu, QMessageBox

from notes.store import NoteStore
from reader import paths
from reader.ui import help_dialogs, theme as themes
from reader.ui.settings import Settings
from tests.ui.conftest import open_and_wait, point_at

pytestmark = pytest.mark.gui


def char_format(view, pos: int):
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.positions.to_qt(pos) + 1)
    return cursor.charFormat()


def test_text_shows_before_the_analysis_then_highlights_arrive(qtbot, make_window, analyzer, article_file):
    window = make_window()
    analyzer.release.clear()  # hold the analysis back
    with qtbot.waitSignal(window.session.article_loaded):
        window.open_path(str(article_file))
    body = window.view.document().toPlainText()
    assert "Ada Lovelace met Babbage" in body and window.analysis is None
    assert "Friday, 17 May 2024" in body  # the date marker became the date line
    assert "Ada Lovelace met Babbage in London" in window.windowTitle()
    with qtbot.waitSignal(window.session.analysis_ready, timeout=10000):
        analyzer.release.set()
    qtbot.waitUntil(lambda: not window.view.markup_pending())
    text = window.article.text
    pos = text.index("Babbage")
    assert char_format(window.view, pos).background().color() == QColor(themes.LIGHT.kinds["person"].tint)
    # The legend counts actors, as the Actors panel does, and says so; the mentions are in the tooltip.
    person = window.legend.actions_by_kind["person"]
    assert person.text() == "2 people" and "4 mentions" in person.toolTip()
    assert window.legend.actions_by_kind["quote"].text() == "2 quotes"
    assert window.status.summary.text() == "5 actors · 9 mentions · 2 quotes"


def test_legend_toggles_hide_and_show_a_kind_and_are_remembered(qtbot, make_window, article_file, data_dir):
    window = make_window()
    open_and_wait(qtbot, window, article_file)
    view, text = window.view, window.article.text
    london, ada = text.index("London"), text.index("Ada Lovelace")
    tint = QColor(themes.LIGHT.kinds["place"].tint)
    window.legend.actions_by_kind["place"].trigger()
    qtbot.waitUntil(lambda: not view.markup_pending())
    assert char_format(view, london).background().color() != tint
    assert char_format(view, ada).background().color() == QColor(themes.LIGHT.kinds["person"].tint)
    assert Settings(paths.settings_path(data_dir)).hidden_kinds() == {"place"}
    quote = window.analysis.quotes[0]
    ink = QColor(themes.LIGHT.kinds["quote"].ink)
    assert char_format(view, quote.start + 2).foreground().color() == ink
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)  # the shortcut of Quotes
    qtbot.waitUntil(lambda: not view.markup_pending())
    assert char_format(view, quote.start + 2).foreground().color() != ink
    window.legend.actions_by_kind["place"].trigger()
    qtbot.waitUntil(lambda: not view.markup_pending())
    assert char_format(view, london).background().color() == tint
    assert Settings(paths.settings_path(data_dir)).hidden_kinds() == {"quote"}


def test_user_highlights_and_clicks(qtbot, make_window, article_file):
    window = make_window()
    article = open_and_wait(qtbot, window, article_file)
    view = window.view
    start = article.text.index("compose music")
    view.set_user_highlights([("note-1", start, start + len("compose music"), "green")])
    selections = view.extraSelections()
    assert len(selections) == 1
    assert selections[0].cursor.selectedText() == "compose music"
    assert selections[0].format.background().color() == QColor(themes.LIGHT.user["green"])
    view.scroll_to(start)
    with qtbot.waitSignal(view.user_highlight_clicked) as clicked:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_at(view, start + 3))
    assert clicked.args == ["note-1"]
    other = article.text.index("was not shy")
    with qtbot.waitSignal(view.position_clicked) as plain:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_at(view, other + 4))
    assert abs(plain.args[0] - (other + 4)) <= 1


def test_context_menu_lets_others_add_actions(qtbot, make_window, article_file):
    window = make_window()
    article = open_and_wait(qtbot, window, article_file)
    view = window.view
    pos = article.text.index("Royal Society")
    seen: list[tuple[QMenu, int]] = []

    def extend(menu: QMenu, at: int) -> None:
        menu.addAction("Extra")
        seen.append((menu, at))
        QTimer.singleShot(0, menu.close)

    view.context_menu_about_to_show.connect(extend)
    point = point_at(view, pos + 2)
    view.contextMenuEvent(_context_event(view, point))
    assert seen and abs(seen[0][1] - (pos + 2)) <= 1
    assert "Extra" in [a.text() for a in seen[0][0].actions()]


def _context_event(view, point: QPoint):
    from PySide6.QtGui import QContextMenuEvent

    return QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point))


def test_zoom_and_theme_are_remembered(qtbot, make_window, article_file, data_dir):
    window = make_window()
    open_and_wait(qtbot, window, article_file)
    size = window.view.document().defaultFont().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.view.document().defaultFont().pointSizeF() == size + 2
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    window.themes.actions["dark"].trigger()
    assert window.view.palette().color(window.view.palette().ColorRole.Base) == QColor(themes.DARK.paper)
    qtbot.waitUntil(lambda: not window.view.markup_pending())
    pos = window.article.text.index("London")
    assert char_format(window.view, pos).background().color() == QColor(themes.DARK.kinds["place"].tint)
    settings = Settings(paths.settings_path(data_dir))
    assert settings.theme() == "dark" and settings.zoom() == 1
    again = make_window()
    assert again.view.zoom == 1 and again.view.theme is themes.DARK


def test_every_menu_action_has_a_shortcut(make_window):
    window = make_window()
    from PySide6.QtWidgets import QDockWidget

    # The notes UI (another module) adds its own actions and docks; this window's are checked here.
    theirs = {dock.toggleViewAction() for dock in window.findChildren(QDockWidget)
              if dock not in (window.actors_dock, window.quotes_dock)}
    missing = [action.text() for name in ("File", "Edit", "View", "Help")
               for action in help_dialogs.menu_actions(window.menu(name))
               if action.shortcut().isEmpty() and action not in theirs and action.parent() in (window, window.legend)]
    assert missing == []


def document_record(data_dir, path):
    with NoteStore(paths.store_path(data_dir), read_only=True) as store:
        return store.document(str(path.resolve()))


def test_reading_position_is_restored_from_the_store(qtbot, make_window, article_file, data_dir):
    window = make_window()
    article = open_and_wait(qtbot, window, article_file)
    window.view.scroll_to(article.text.index("Filler", 3000), exact_top=True)
    remembered = window.view.reading_position()
    window.close()  # saves the position through the store and closes it
    (data_dir / "settings.ini").unlink()  # the store alone brings the reader back
    assert document_record(data_dir, article_file).position == remembered
    again = make_window()
    open_and_wait(qtbot, again, article_file)
    qtbot.waitUntil(lambda: abs(again.view.reading_position() - remembered) < 120, timeout=5000)


def test_without_notes_the_position_is_kept_for_the_session(qtbot, make_window, article_file, data_dir,
                                                            tmp_path):
    paths.store_path(data_dir).write_bytes(b'{"damaged": ')  # the reader declined to restore a backup
    window = make_window()
    qtbot.waitUntil(lambda: window.session.notes_unavailable, timeout=5000)
    article = open_and_wait(qtbot, window, article_file)
    target = article.text.index("Filler", 3000)
    window.view.scroll_to(target, exact_top=True)
    remembered = window.view.reading_position()
    assert abs(remembered - target) < 120
    other = tmp_path / "other.txt"
    other.write_text("Another article entirely.", encoding="utf-8")
    open_and_wait(qtbot, window, other)
    open_and_wait(qtbot, window, article_file)
    qtbot.waitUntil(lambda: abs(window.view.reading_position() - remembered) < 120, timeout=5000)
    assert window.recent.menu.actions()[0].toolTip() == str(article_file)
    assert paths.store_path(data_dir).read_bytes() == b'{"damaged": '


def test_reading_position_is_kept_in_the_store(qtbot, make_window, article_file, data_dir):
    window = make_window()
    article = open_and_wait(qtbot, window, article_file)
    target = article.text.index("Filler", 5000)
    window.view.scroll_to(target, exact_top=True)
    remembered = window.view.reading_position()
    window.close()
    record = document_record(data_dir, article_file)
    assert record.position == remembered and record.title == article.title
    again = make_window()
    open_and_wait(qtbot, again, article_file)
    qtbot.waitUntil(lambda: abs(again.view.reading_position() - remembered) < 120, timeout=5000)


def test_drop_a_file_to_open_it(qtbot, make_window, article_file):
    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article_file))])
    event = QDropEvent(window.rect().center().toPointF(), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.session.article_loaded, timeout=5000):
        window.dropEvent(event)
    assert window.article.source == str(article_file)


def test_a_bad_file_is_reported_and_the_window_stays(qtbot, make_window, tmp_path: Path):
    window = make_window()
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    window.open_path(str(binary))
    qtbot.waitUntil(lambda: window.findChild(QMessageBox) is not None, timeout=5000)
    box = window.findChild(QMessageBox)
    assert "image.txt" in box.text() and window.article is None
    box.close()


def test_shortcut_sequences_are_unique(make_window):
    window = make_window()
    seen: dict[str, str] = {}
    clashes = []
    for action in window.findChildren(type(window.legend.actions_by_kind["place"])):
        for seq in action.shortcuts():
            key = seq.toString(QKeySequence.SequenceFormat.PortableText)
            if key in seen and seen[key] != action.text():
                clashes.append((key, seen[key], action.text()))
            seen[key] = action.text()
    assert clashes == []


def test_large_article_text_appears_at_once(qtbot):
    """5 MB: the text is shown in well under two seconds, markup runs in short batches."""
    import time

    from reader.analysis.model import Actor, Analysis, Mention
    from reader.document import parse
    from reader.ui import markup
    from reader.ui.article_view import ArticleView

    paragraph = "Ada Lovelace wrote to Babbage from London about the engine and its music. " * 6
    text = "\n\n".join([paragraph] * (5_000_000 // (len(paragraph) + 2)))
    article = parse(text, "txt")
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    started = time.perf_counter()
    view.set_article(article)
    assert time.perf_counter() - started < 3.0
    step = len(paragraph) // 6
    mentions = [Mention(i, i + 12, "a1") for i in range(0, 400_000, step)]  # a slice is enough
    analysis = Analysis([Actor("a1", "Ada Lovelace", "person")], mentions, [])
    view.set_analysis(analysis, markup.runs(article, analysis))
    longest = 0.0
    while view.markup_pending():
        tick = time.perf_counter()
        view.markup_queue.apply_batch()
        longest = max(longest, time.perf_counter() - tick)
    assert longest < 0.25
    assert char_format(view, mentions[-1].start + 1).background().color() == QColor(themes.LIGHT.kinds["person"].tint)


def test_text_is_exactly_the_article(qtbot):
    """Headings, lists and quotes keep their structure, and positions stay one to one."""
    from reader.document import parse
    from reader.ui.article_view import ArticleView

    md = "# Title here\n\nSome *emphasis* and **strong** text.\n\n- one\n- two\n\n1. first\n2. second\n\n> quoted 🎉 words\n"
    article = parse(md, "md")
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_article(article)
    doc = view.document()
    body = doc.toPlainText()[view.positions.base:]
    assert body.replace("\u2029", "\n") == article.text
    for block in article.blocks:
        qt_block = doc.findBlock(view.positions.to_qt(block.start))
        if block.kind == "list_item":
            assert qt_block.textList() is not None
        if block.kind == "heading":
            assert qt_block.blockFormat().headingLevel() == block.level
    em = next(s for s in article.styles if s.kind == "emphasis")
    assert char_format(view, em.start).fontItalic()
    strong = next(s for s in article.styles if s.kind == "strong")
    assert char_format(view, strong.start).fontWeight() >= 700


def test_tooltips_name_the_actor_and_the_speaker(qtbot, make_window, article_file):
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    window = make_window()
    article = open_and_wait(qtbot, window, article_file)
    view = window.view

    def tooltip_at(pos: int) -> str:
        view.scroll_to(pos)
        point = point_at(view, pos)
        QApplication.sendEvent(view.viewport(), QHelpEvent(QHelpEvent.Type.ToolTip, point,
                                                           view.viewport().mapToGlobal(point)))
        return QToolTip.text()

    london = tooltip_at(article.text.index("London") + 2)
    assert "<b>London</b>" in london and "place" in london and "2 mentions" in london
    inside = tooltip_at(article.text.index("“Come to London") + 2)
    assert "Quote" in inside and "Babbage" in inside
    tooltip_at(article.text.index("was not shy") + 2)
    qtbot.waitUntil(lambda: not QToolTip.isVisible())  # plain text hides the tip


def test_without_a_file_the_sample_opens(data_dir, article_file):
    from reader.bundled import sample_article
    from reader.ui.app import initial_article

    settings = Settings(paths.settings_path(data_dir))
    settings.add_recent(str(article_file))  # an earlier article does not replace the sample
    assert initial_article(None).source == str(sample_article().resolve())
    assert initial_article(str(article_file)).source == str(article_file)


def test_the_qt_binding_keeps_none_alive(qtbot):
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a method
    returning void, and the window then dies with "deallocating None" after a few thousand
    calls (building a long article makes far more). Catch such a binding here, early."""
    import sys

    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(500):
        widget.setEnabled(True)
    assert sys.getrefcount(None) > before - 100


def test_about_names_the_analysis_fingerprint(make_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from reader.analysis.fingerprint import code_fingerprint

    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window = make_window()
    next(a for a in help_dialogs.menu_actions(window.menu("Help")) if "About" in a.text()).trigger()
    assert code_fingerprint() in shown[0] and "en_core_web_sm" in shown[0]


def test_open_starts_in_the_open_articles_folder_but_not_in_the_bundled_samples(qtbot, make_window, article_file,
                                                                                  monkeypatch, tmp_path):
    """Seen on a real screen: after the sample, Open showed the program's own resources folder."""
    from PySide6.QtWidgets import QFileDialog

    from reader.bundled import sample_article

    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda _parent, _title, start, _filter: (asked.append(start), ("", ""))[1]))
    monkeypatch.setenv("HOME", str(tmp_path))  # Path.home(), never the real one
    window = make_window()
    open_and_wait(qtbot, window, sample_article())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    open_and_wait(qtbot, window, article_file)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert asked == [str(tmp_path), str(Path(article_file).parent)]
