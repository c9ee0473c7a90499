"""A highlight placed on changed words keeps the words it was made on (issue 12, item 9):
stored, searched, exported and imported beside the current ones."""

from __future__ import annotations

from pathlib import Path

from notes.anchoring import reanchor
from notes.markdown_export import to_markdown
from notes.records import Annotation, DocumentRecord, Selector
from notes.store import NoteStore
from notes.w3c import from_jsonld, to_jsonld

TEXT = ("NATO chief Jens Stoltenberg warned on Friday that Russia is preparing for a long war. "
        "Officials in Kyiv said the war had already lasted too long, and asked for more help.")
PASSAGE = "Officials in Kyiv said the war had already lasted"
EDITED = TEXT.replace("Officials in Kyiv said", "Officials in Kyiv stated")
AGAIN = EDITED.replace("already lasted", "lasted")


def highlight(text: str = TEXT) -> Annotation:
    start = text.index(PASSAGE)
    return Annotation(document="/news/kyiv.txt", selector=Selector.from_text(text, start, start + len(PASSAGE)),
                      note="the key sentence")


def test_a_moved_highlight_keeps_its_first_wording_until_the_text_says_it_again() -> None:
    moved = reanchor(highlight(), EDITED)
    assert moved.status == "moved" and moved.original == PASSAGE
    assert "stated" in moved.selector.exact
    twice = reanchor(moved, AGAIN)
    assert twice.status == "moved" and twice.original == PASSAGE  # the first wording, not the last
    back = reanchor(twice, TEXT)
    assert back.selector.exact == PASSAGE and back.original == ""
    assert reanchor(highlight(), TEXT).original == ""  # unchanged words carry nothing
    assert "original" not in highlight().to_json()  # so older readers of the store see no new field


def test_the_store_keeps_both_wordings_when_the_file_changes(tmp_path: Path) -> None:
    with NoteStore(tmp_path / "library.json") as store:
        store.touch_document("/news/kyiv.txt", "v1", "Kyiv", None, TEXT)
        store.add(highlight())
        store.touch_document("/news/kyiv.txt", "v2", "Kyiv", None, EDITED)
        (stored,) = store.annotations("/news/kyiv.txt")
    assert stored.status == "moved" and stored.original == PASSAGE
    with NoteStore(tmp_path / "library.json", read_only=True) as again:
        assert again.annotations()[0].original == PASSAGE


def test_search_finds_a_note_by_the_words_it_was_made_on(tmp_path: Path) -> None:
    with NoteStore(tmp_path / "library.json") as store:
        store.touch_document("/news/kyiv.txt", "v1", "Kyiv", None, TEXT)
        made = store.add(highlight())
        assert [h.annotation.id for h in store.search("stated")] == []
        store.touch_document("/news/kyiv.txt", "v2", "Kyiv", None, EDITED)
        (said,) = store.search("said")  # only the old wording has it
        assert said.annotation.id == made.id and "passage" in said.matched
        assert "said" in said.snippet and "stated" in said.snippet  # both wordings shown
        assert [h.annotation.id for h in store.search("stated")] == [made.id]
        assert [h.annotation.id for h in store.search('"said stated"')] == []  # no phrase across the two


def test_exports_carry_both_wordings() -> None:
    moved = reanchor(highlight(), EDITED)
    page = to_markdown([moved], [DocumentRecord("/news/kyiv.txt", "/news/kyiv.txt", "v2", "Kyiv")])
    assert "stated the war" in page and "highlighted as “Officials in Kyiv said the war had already lasted”" in page
    back = from_jsonld(to_jsonld(moved))
    assert back.original == PASSAGE and back.note == "the key sentence" and back.selector.exact == moved.selector.exact
