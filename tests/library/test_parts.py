"""The library's small parts: finding files, the quotation query, exports, the store cursor, the index file."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import markdown

from notes.records import Annotation, Selector
from notes.storage import journal_path
from notes.store import NoteStore
from reader.library import freshness
from reader.library.export import to_csv, to_markdown
from reader.library.files import find_articles
from reader.library.index import SCHEMA_VERSION, IndexedArticle, LibraryIndex
from reader.library.records import QuoteRow
from reader.library.search import quote_match


def test_folders_are_searched_recursively_for_articles_only(tmp_path: Path) -> None:
    for name in ("a.txt", "b.MD", "sub/c.markdown", "sub/deeper/d.html", "sub/e.htm", "f.pdf", "g.jpg",
                 ".hidden/h.txt", "sub/.i.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop").symlink_to(tmp_path)  # links to folders are not followed
    found = find_articles([tmp_path, tmp_path / "f.pdf", tmp_path / "a.txt", tmp_path / "missing.txt"])
    names = [p.relative_to(tmp_path).as_posix() for p in found.files]
    assert names == ["a.txt", "b.MD", "broken.txt", "sub/c.markdown", "sub/e.htm", "sub/deeper/d.html", "f.pdf"]
    assert [(Path(r.path).name, r.reason) for r in found.refused] == [("missing.txt", "no such file or folder")]


def test_quotation_words_never_reach_fts_as_syntax() -> None:
    assert quote_match("") is None and quote_match('" * - :') is None
    assert quote_match("Pension cuts") == '"Pension" "cuts"'
    assert quote_match('"will not" sign*') == '"will not" "sign"*'
    assert quote_match("don't NOT OR col:x") == '"don t" "NOT" "OR" "col x"'
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='unicode61 remove_diacritics 2')")
    db.execute("INSERT INTO t VALUES ('We don''t sign, said Zoë')")
    for text, hits in (("don't", 1), ("ZOE", 1), ("sig*", 1), ("sig", 0), ('"sign said"', 1), ("NOT", 0)):
        assert len(db.execute("SELECT * FROM t WHERE t MATCH ?", (quote_match(text),)).fetchall()) == hits, text


ROWS = [QuoteRow("\u201c*Not* a [link](file:///etc/passwd) <b>x</b>,\u201d\n\n\u201c# no heading", "Zoë_D", "/a/1.txt",
                 "Title with `code`", "2024-03-04", 10, 60, "/a/1.txt", "person:zoe d"),
        QuoteRow("\u201cPlain, \"quoted\" text\u201d", None, "/a/2.txt", "", None, 0, 22, "/a/2.txt", None)]


def test_markdown_export_shows_quotations_literally() -> None:
    page = to_markdown(ROWS, "Quotations of Zoë")
    html = markdown.markdown(page)
    assert html.count("<em>") == 1  # only "speaker unknown"
    assert "<a " not in html and "<b>" not in html and html.count("<h1>") == 1
    assert "*Not* a [link](file:///etc/passwd)" in html and "&lt;b&gt;x" in html and "<p>“# no heading</p>" in html
    assert "characters 10–60" in page and "<code>/a/1.txt</code>" in html and "speaker unknown" in page
    assert page.startswith("# Quotations of Zoë\n\n2 quotations from 2 articles, 2024-03-04.")


def test_csv_export_round_trips() -> None:
    import csv
    import io

    rows = list(csv.reader(io.StringIO(to_csv(ROWS))))
    assert rows[0] == ["text", "speaker", "document", "title", "date", "start", "end", "path"]
    assert rows[1][0] == ROWS[0].text and rows[2][0] == ROWS[1].text
    assert rows[2][1] == "" and rows[1][5:7] == ["10", "60"]


def test_the_store_cursor_moves_with_every_commit_and_knows_the_journal(tmp_path: Path) -> None:
    store_file = tmp_path / "library.json"
    assert freshness.journal_path(store_file) == journal_path(store_file)
    assert freshness.store_cursor(store_file) == "none"
    seen = set()
    with NoteStore(store_file) as store:
        seen.add(freshness.store_cursor(store_file))
        for n in range(3):
            store.add(Annotation(document="/a.txt", selector=Selector("x", "", "", n, n + 1)))
            seen.add(freshness.store_cursor(store_file))
        store.compact()
        seen.add(freshness.store_cursor(store_file))
    assert len(seen) == 5


def test_an_index_of_another_version_or_not_sqlite_is_made_anew(tmp_path: Path) -> None:
    path = tmp_path / "library-index.sqlite"
    with LibraryIndex(path) as index, index.writing() as db:
        index.put_article(db, IndexedArticle("/a", "/a", "T", None, "c"))
    with LibraryIndex(path) as index:
        assert list(index.articles()) == ["/a"]
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    db.close()
    with LibraryIndex(path) as index:
        assert index.articles() == {}
    path.write_bytes(os.urandom(5000))
    with LibraryIndex(path) as index:
        assert index.articles() == {} and index.meta("store") is None
