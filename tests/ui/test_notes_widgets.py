"""The notes widgets on their own: Markdown preview, note editor, notes panel, search, library."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument

from notes.records import COLORS, Annotation, DocumentRecord, Selector
from notes.search_hit import Hit
from reader.core.articles import overview
from reader.ui.markdown_preview import MarkdownPreview, render_markdown
from reader.ui.note_editor import NoteEditor, parse_tags
from reader.ui.notes_panel import NotesPanel
from reader.ui.search_panel import HTML_ROLE, SearchPanel, marked_html

pytestmark = pytest.mark.gui

SWATCHES = {name: QColor(value) for name, value in zip(COLORS, ("#ff0", "#0f0", "#00f", "#f0c", "#90f"))}
TEXT = "The treaty was signed in Vienna. Critics called it “a paper tiger” at once."


def annotation(start: int, end: int, **fields: object) -> Annotation:
    return Annotation(document="/tmp/a.txt", selector=Selector.from_text(TEXT, start, end), **fields)


def test_markdown_is_rendered_without_scripts_images_or_unsafe_links() -> None:
    html = render_markdown(
        "**bold** and *it*\n\n<script>alert('x')</script>\n\n![map](file:///etc/hostname)"
        ' <img src="https://example.org/t.png" onerror="alert(1)">\n\n'
        "[bad](javascript:alert(1)) [good](https://example.org/)"
    )
    assert "<strong>bold</strong>" in html and "<em>it</em>" in html
    assert "script" not in html and "alert" not in html
    assert "<img" not in html and "example.org/t.png" not in html and "/etc/hostname" not in html
    assert 'href="https://example.org/"' in html
    assert "javascript" not in html


def test_preview_never_reads_an_image_from_disk(qtbot, tmp_path: Path) -> None:
    picture = tmp_path / "big.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(picture))
    preview = MarkdownPreview()
    qtbot.addWidget(preview)
    # even HTML that slipped past the sanitiser must not make the view fetch the file
    preview.setHtml(f'<p>x <img src="{QUrl.fromLocalFile(str(picture)).toString()}"></p>')
    preview.show()
    qtbot.waitExposed(preview)
    loaded = preview.document().resource(QTextDocument.ResourceType.ImageResource,
                                          QUrl.fromLocalFile(str(picture)))
    assert isinstance(loaded, QImage) and loaded.size().width() == 1


def test_preview_shows_the_rendered_note(qtbot) -> None:
    preview = MarkdownPreview()
    qtbot.addWidget(preview)
    preview.set_markdown_text("# Title\n\n- one\n- two\n\n<script>document.x()</script>")
    assert "Title" in preview.toPlainText() and "two" in preview.toPlainText()
    assert "document.x" not in preview.toPlainText()


def test_a_list_typed_under_a_line_of_text_is_a_list() -> None:
    """As CommonMark (and so the readers of the Markdown export) have it; not numbers or code."""
    assert render_markdown("Steps:\n- one\n- two") == "<p>Steps:</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>"
    assert "<ol>" in render_markdown("Steps:\n1. first\n2. second")
    assert render_markdown("The year\n2024. was good") == "<p>The year\n2024. was good</p>"  # only 1 opens a list
    assert "<li>" not in render_markdown("Code:\n```\n- not a list\n```")
    assert render_markdown("- one\n  more\n- two") == "<ul>\n<li>one\n  more</li>\n<li>two</li>\n</ul>"


def test_the_preview_shows_a_list_typed_under_a_line_as_a_list(qtbot) -> None:
    """Seen on a real screen: "Funding:" then "- check the terms" on the next line showed as one line."""
    editor = NoteEditor(SWATCHES)
    qtbot.addWidget(editor)
    editor.show_annotation(annotation(4, 10), "Highlight")
    with qtbot.waitSignal(editor.note_edited, timeout=3000):
        qtbot.keyClicks(editor.note, "Funding:")
        qtbot.keyClick(editor.note, Qt.Key.Key_Return)
        qtbot.keyClicks(editor.note, "- check the terms")
    block = editor.preview.document().findBlockByNumber(1)
    assert block.text() == "check the terms" and block.textList() is not None


def test_parse_tags_trims_and_drops_duplicates() -> None:
    assert parse_tags(" nato, Russia ,, nato ,  energy  policy,") == ["nato", "Russia", "energy policy"]


def test_editor_reports_note_after_a_pause_tags_and_colour(qtbot) -> None:
    editor = NoteEditor(SWATCHES)
    qtbot.addWidget(editor)
    editor.show_annotation(annotation(4, 10, note="old", tags=["a"]), "Highlight")
    with qtbot.waitSignal(editor.note_edited, timeout=3000) as note:
        editor.note.setPlainText("**new** note")
    assert note.args[1] == "**new** note"
    assert "new" in editor.preview.toPlainText() and "**" not in editor.preview.toPlainText()
    with qtbot.waitSignal(editor.tags_edited, timeout=1000) as tags:
        editor.tags.setText("a, b , c")
        editor.tags.editingFinished.emit()
    assert tags.args[1] == ["a", "b", "c"]
    with qtbot.waitSignal(editor.color_chosen, timeout=1000) as color:
        editor.findChild(type(editor.colors.buttons()[0]), "color-pink").click()
    assert color.args[1] == "pink"


def test_editor_reports_a_pending_note_before_switching(qtbot) -> None:
    editor = NoteEditor(SWATCHES)
    qtbot.addWidget(editor)
    first = annotation(4, 10)
    editor.show_annotation(first, "Highlight")
    editor.note.setPlainText("typed quickly")
    with qtbot.waitSignal(editor.note_edited, timeout=200) as note:
        editor.show_annotation(annotation(11, 15), "Highlight")
    assert note.args == [first.id, "typed quickly"]


def test_tag_completer_offers_known_tags_after_the_last_comma(qtbot) -> None:
    editor = NoteEditor(SWATCHES)
    qtbot.addWidget(editor)
    editor.set_known_tags(["energy", "Europe", "nato"])
    completer = editor.tags.completer()
    assert completer.splitPath("nato, eu") == ["eu"]
    editor.tags.setText("nato, eu")
    completer.setCompletionPrefix("nato, eu")  # as the field does while the reader types
    assert completer.currentIndex().data() == "Europe"
    assert completer.currentCompletion() == "nato, Europe, "


def test_panel_lists_notes_in_reading_order_and_keeps_orphans(qtbot) -> None:
    panel = NotesPanel(SWATCHES)
    qtbot.addWidget(panel)
    late = annotation(40, 58, note="Who **said** this?", tags=["quotes"])
    early = annotation(4, 10)
    lost = annotation(0, 3, status="orphaned")
    panel.set_annotations([lost, late, early])
    texts = [panel.model.index(i).data() for i in range(panel.model.rowCount())]
    assert "treaty" in texts[0] and "Who said this?" in texts[1] and "#quotes" in texts[1]
    assert texts[2].startswith("⚠ Orphaned")
    with qtbot.waitSignal(panel.annotation_activated) as clicked:
        panel.list.clicked.emit(panel.model.index(1))
    assert clicked.args == [late.id]


def test_search_marks_matches_in_bold_and_escapes_the_rest() -> None:
    assert marked_html("a <b> treaty & more", [(6, 12)]) == "a &lt;b&gt; <b>treaty</b> &amp; more"


def test_search_panel_asks_after_a_pause_and_ignores_stale_answers(qtbot) -> None:
    panel = SearchPanel()
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.query_changed, timeout=2000) as asked:
        panel.query.setText("tre")
        panel.query.setText("treat")
    assert asked.args == ["treat*"]  # the word being typed counts as a prefix
    with qtbot.waitSignal(panel.query_changed, timeout=2000) as asked:
        panel.query.setText("treaty ")
    assert asked.args == ["treaty"]  # a finished word is searched as it is
    doc = DocumentRecord(id="/tmp/a.txt", path="/tmp/a.txt", content_id="x", title="Vienna <talks>")
    hit = Hit(annotation(4, 10, tags=["law"]), doc, 1.0, "The treaty was signed", [(4, 10)])
    panel.set_results("treat*", [hit])
    assert panel.model.rowCount() == 0
    panel.set_results("treaty", [hit])
    html = panel.model.index(0).data(HTML_ROLE)
    assert "<b>treaty</b>" in html and "Vienna &lt;talks&gt;" in html and "#law" in html
    with qtbot.waitSignal(panel.hit_activated) as opened:
        panel.query.returnPressed.emit()
    assert opened.args == [hit]


def test_the_articles_overview_counts_notes_and_tags(tmp_path: Path) -> None:
    """What the tag completer offers (the Library page lists the articles: test_library_models)."""
    present = tmp_path / "a.txt"
    present.write_text("x", encoding="utf-8")
    docs = [DocumentRecord(id=str(present), path=str(present), content_id="1", title="Here",
                           last_opened="2026-01-02T00:00:00"),
            DocumentRecord(id="/gone.txt", path="/gone.txt", content_id="2", title="Gone",
                           last_opened="2026-01-01T00:00:00")]
    notes = [Annotation(document=str(present), selector=Selector.from_text(TEXT, 0, 3), tags=["law", "eu"]),
             Annotation(document=str(present), selector=Selector.from_text(TEXT, 4, 9), tags=["law"]),
             Annotation(document="/gone.txt", selector=Selector.from_text(TEXT, 4, 9))]
    library = overview(docs, notes)
    assert [(e.document.title, e.notes, e.exists) for e in library.entries] == [("Here", 2, True), ("Gone", 1, False)]
    assert library.tags == [("law", 2), ("eu", 1)]


def test_choosing_a_tag_from_the_popup_inserts_it_once(qtbot) -> None:
    editor = NoteEditor(SWATCHES)
    qtbot.addWidget(editor)
    editor.set_known_tags(["energy", "Europe", "nato"])
    completer = editor.tags.completer()
    editor.tags.setText("nato, eu")
    completer.setCompletionPrefix("nato, eu")
    europe = completer.completionModel().index(0, 0)
    editor.tags.setText(completer.pathFromIndex(europe))  # highlighting the entry shows it in the field
    assert editor.tags.text() == "nato, Europe, "
    assert completer.pathFromIndex(europe) == "nato, Europe, "  # choosing it then adds it once


def test_a_moved_note_says_so_in_its_own_row_with_the_words_it_was_made_on(qtbot) -> None:
    """Issue 12, item 9: the notice is part of the note's row and the editor's heading, with the
    wording as highlighted beside the current one."""
    from reader.ui.note_editor import editor_heading

    moved = annotation(4, 10, status="moved", original="pact")
    plain = annotation(25, 31)
    panel = NotesPanel(SWATCHES)
    qtbot.addWidget(panel)
    panel.set_annotations([moved, plain])
    rows = [panel.model.index(i).data() for i in range(panel.model.rowCount())]
    assert rows[0].startswith("“treaty”") and "Moved, the words changed: was “pact”" in rows[0]
    assert "Moved" not in rows[1]
    assert "highlighted as “pact”" in editor_heading(moved)
