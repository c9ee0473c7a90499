"""The header above the text: one layout for every format, nothing said twice (issue 12, item 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import open_and_wait

pytestmark = pytest.mark.gui

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Quay to be rebuilt | Courier</title>
<meta property="article:published_time" content="2023-06-01T10:00:00Z"></head>
<body><nav><a href="/">Home</a></nav>
<article><h1>Quay to be rebuilt</h1>
<p>Published 1 June 2023, 10:00</p>
<p>Engineers have approved a plan to rebuild the north quay before the fishing season starts, the council said.</p>
<p>The north quay in Northport, which partly collapsed during the February storm, will be rebuilt by spring.</p>
<p>"We have lost a whole winter of landings," said Ingrid Hallberg, who chairs the harbour committee.</p>
</article></body></html>"""


def header(window) -> list[str]:
    """The lines the view shows above the article's text."""
    view = window.view
    return [line for line in view.document().toPlainText()[:view.positions.base].split("\n") if line]


def shown(window) -> str:
    return window.view.document().toPlainText()


@pytest.mark.parametrize("name, content, meta, title", [
    ("untitled.txt", "date 2024-05-17 It could be even worse, the minister said on Friday. More follows here.\n\n"
     "A second paragraph.", "Friday, 17 May 2024 · untitled.txt", None),
    ("story.md", "date 2023-06-01 # The storm\n\nThe harbour committee met on Tuesday.\n",
     "Thursday, 1 June 2023 · story.md", None),  # the first heading is the title, set as large
    ("quay.html", PAGE, "Thursday, 1 June 2023 · quay.html", "Quay to be rebuilt"),
])
def test_one_header_for_every_format_saying_nothing_twice(qtbot, make_window, tmp_path: Path, name, content,
                                                          meta, title) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    window = make_window()
    article = open_and_wait(qtbot, window, path)
    assert header(window) == [meta] + ([title] if title else [])  # the date line, then the title
    text = " ".join(shown(window).split())
    first = article.blocks[0]
    first_words = " ".join(article.text[first.start:first.end].split()[:6])
    assert text.count(first_words) == 1  # the lead of a plain text is not also its title
    assert text.count(" ".join(article.title.rstrip("…").split()[:6])) == 1
    if name.endswith(".html"):
        assert "1 June 2023" not in article.text  # the date line of the page is the header's


def test_an_empty_article_says_so(qtbot, make_window, tmp_path: Path) -> None:
    from reader.ui.typesetting import EMPTY_ARTICLE

    path = tmp_path / "empty.txt"
    path.write_text("\n\n  \n", encoding="utf-8")
    window = make_window()
    open_and_wait(qtbot, window, path)
    assert header(window) == ["empty.txt", EMPTY_ARTICLE]  # not the file name again as a title
