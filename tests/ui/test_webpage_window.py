"""A saved web page in the window: its byline in the header, a notice when no article was found."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.document.webpage import NO_ARTICLE_NOTICE

PAGES = Path(__file__).parent.parent / "document" / "webpages"


@pytest.mark.gui
def test_header_and_notice(qtbot, make_window) -> None:
    from tests.ui.conftest import open_and_wait

    window = make_window()
    article = open_and_wait(qtbot, window, PAGES / "quay-rebuild.html")
    view = window.view
    header = view.document().toPlainText()[:view.positions.base]
    assert header.split("\n")[:2] == ["Thursday, 1 June 2023 · Marta Lindqvist · The Northport Courier · quay-rebuild.html",
                                      "Storm-damaged quay to be rebuilt by spring, council says"]
    assert view.document().toPlainText()[view.positions.base:].strip() == article.text.strip()
    assert window.status.notice.text() == ""

    open_and_wait(qtbot, window, PAGES / "sport-front.html")  # not an article: the whole page and a notice
    assert window.status.notice.text() == NO_ARTICLE_NOTICE and window.status.notice.isVisible()
    assert "Older stories" in window.view.document().toPlainText()

    open_and_wait(qtbot, window, PAGES / "slower-ferries.html")
    assert window.status.notice.text() == ""
