"""Links are shown but never followed by themselves; nothing is loaded from disk or network."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.links import LinkKind, classify, describe_blocked


@pytest.mark.parametrize("href, kind", [
    ("https://example.org/a?b#c", LinkKind.WEB),
    ("HTTP://example.org", LinkKind.WEB),
    ("#section-2", LinkKind.FRAGMENT),
    ("", LinkKind.FRAGMENT),
    ("file:///etc/passwd", LinkKind.BLOCKED),
    ("/etc/passwd", LinkKind.BLOCKED),
    ("../secret.txt", LinkKind.BLOCKED),
    ("javascript:alert(1)", LinkKind.BLOCKED),
    (" JavaScript:alert(1)", LinkKind.BLOCKED),
    ("data:text/html,<b>x</b>", LinkKind.BLOCKED),
    ("mailto:someone@example.org", LinkKind.BLOCKED),
    ("http:///no-host", LinkKind.BLOCKED),
    ("http://[::1", LinkKind.BLOCKED),
])
def test_classify(href: str, kind: LinkKind) -> None:
    assert classify(href) is kind


def test_blocked_links_are_explained() -> None:
    assert "local files" in describe_blocked("file:///etc/passwd")
    assert "javascript:" in describe_blocked("javascript:alert(1)")
    assert "malformed" in describe_blocked("http://[::1")


HTML = """<html><head><title>Links</title></head><body>
<h1>Links</h1>
<p>Read <a href="file://{secret}">the secret</a>, <a href="javascript:alert(1)">a script</a>
and <a href="https://example.org/news">the news</a>.</p>
</body></html>"""


@pytest.fixture
def linked(tmp_path: Path) -> Path:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not open", encoding="utf-8")
    page = tmp_path / "links.html"
    page.write_text(HTML.format(secret=secret), encoding="utf-8")
    return page


def click_link(qtbot, view, article, label: str) -> None:
    from PySide6.QtCore import Qt

    from tests.ui.conftest import point_at

    point = point_at(view, article.text.index(label) + 2)
    assert view.anchorAt(point)  # really a link under the mouse
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


@pytest.mark.gui
def test_links_are_not_followed_except_web_links_after_confirmation(qtbot, make_window, linked, monkeypatch):
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.conftest import open_and_wait

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Open]
    asked: list[str] = []

    def question(parent, title, text, *args):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    window = make_window()
    article = open_and_wait(qtbot, window, linked)
    view = window.view
    before = view.document().toPlainText()

    click_link(qtbot, view, article, "the secret")
    assert "local files" in window.status.message.text()
    click_link(qtbot, view, article, "a script")
    assert "javascript:" in window.status.message.text()
    assert asked == [] and opened == []
    assert view.source().isEmpty() and view.document().toPlainText() == before  # nothing navigated

    click_link(qtbot, view, article, "the news")  # declined
    assert len(asked) == 1 and opened == []
    click_link(qtbot, view, article, "the news")  # confirmed
    assert opened == ["https://example.org/news"]
    assert view.document().toPlainText() == before


@pytest.mark.gui
def test_local_images_are_never_loaded(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QColor, QImage, QTextDocument

    from reader.ui.article_view import ArticleView

    picture = tmp_path / "real.png"
    image = QImage(97, 41, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(picture))
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    for src in (picture.as_uri(), str(picture), picture.name):
        view.document().setBaseUrl(QUrl.fromLocalFile(str(tmp_path) + "/"))
        view.setHtml(f'<p>before <img src="{src}"> after</p>')
        qtbot.waitExposed(view)
        view.viewport().repaint()  # layout and paint ask for the image
        loaded = view.document().resource(QTextDocument.ResourceType.ImageResource.value, QUrl(src))
        assert isinstance(loaded, QImage) and loaded.size().width() != 97, src
        grabbed = view.grab().toImage()
        reds = sum(1 for x in range(0, grabbed.width(), 3) for y in range(0, grabbed.height(), 3)
                   if grabbed.pixelColor(x, y) == QColor("red"))
        assert reds == 0, src
    assert view.loadResource(QTextDocument.ResourceType.HtmlResource.value, QUrl(picture.as_uri())) == ""


LINKED_MD = ("# Links\n\nIntro [first link](https://example.org/1) words here and more words so that it wraps around "
             "the column at some point, then [second link](https://example.org/2) here.\n\n"
             "> A quote with [third link](https://example.org/3) in it.\n\n- item with [fourth link](https://example.org/4)\n"
             "- another\n\nLast paragraph [sixth link](https://example.org/6).\n")


@pytest.mark.gui
def test_a_link_answers_anywhere_over_its_words_with_a_hand(qtbot, make_window, tmp_path: Path) -> None:
    """Qt's own hit test finds a link only on the lower part of a tall line; every row of the
    link's words must show the hand and open it (issue 12, item 3)."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QTextCursor

    from tests.ui.conftest import open_and_wait

    page = tmp_path / "links.md"
    page.write_text(LINKED_MD, encoding="utf-8")
    window = make_window()
    article = open_and_wait(qtbot, window, page)
    view = window.view
    clicked: list[str] = []
    view.link_activated.disconnect()
    view.link_activated.connect(clicked.append)
    for label, href in (("first link", "1"), ("third link", "3"), ("fourth link", "4"), ("sixth link", "6")):
        pos = article.text.index(label) + 3
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.positions.to_qt(pos))
        rect = view.cursorRect(cursor)
        for y in range(rect.top() + 3, rect.bottom() - 2):  # the words' rows, not the gap between lines
            point = QPoint(rect.left() + 3, y)
            qtbot.mouseMove(view.viewport(), point)
            assert view.viewport().cursor().shape() == Qt.CursorShape.PointingHandCursor, (label, y - rect.top())
            clicked.clear()
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
            assert clicked == [f"https://example.org/{href}"], (label, y - rect.top())
    plain = article.text.index("words here") + 2
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.positions.to_qt(plain))
    qtbot.mouseMove(view.viewport(), view.cursorRect(cursor).center() + QPoint(2, 0))
    assert view.viewport().cursor().shape() != Qt.CursorShape.PointingHandCursor


@pytest.mark.gui
def test_links_in_a_note_preview_ask_as_article_links_do(qtbot, make_window, article_file, monkeypatch) -> None:
    """A web link in a note's preview opens only after the same question; others never open."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    from notes.records import Annotation, Selector
    from tests.ui.conftest import open_and_wait

    opened: list[str] = []
    asked: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)

    def question(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    window = make_window()
    article = open_and_wait(qtbot, window, article_file)
    note = Annotation(str(article_file), Selector.from_text(article.text, 0, 12),
                      note="See [the news](https://example.org/n) or [mail](mailto:a@example.org)")
    window.session.core.add_note(note)
    window.notes._annotations[note.id] = note
    window.notes.open_annotation(note.id)
    preview = window.notes.editor.preview
    preview.anchorClicked.emit(QUrl("https://example.org/n"))
    assert len(asked) == 1 and "https://example.org/n" in asked[0] and opened == []  # asked, declined
    preview.anchorClicked.emit(QUrl("mailto:a@example.org"))
    assert len(asked) == 1 and opened == []  # not a web link: never opened
    assert "mailto:" in window.status.message.text()
