"""The search index file beside the store: answers exactly as an index built now from the
store, follows every writer through the change feed, is kept current by writers as they
close, is rebuilt when damaged, moves to memory where no file can be kept, and never
touches the store or holds up a note."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from notes import search_file, storage
from notes import store as store_module
from notes.records import COLORS, Annotation, DocumentRecord, Selector
from notes.search import SearchIndex
from notes.store import NoteStore, search_index_path

WORDS = ("treaty treaties Zoë zoe harbour blockade peace talks **peace** grain negotiations négociation "
         "ceasefire frontline 2024 U.S. don't minister's").split()
QUERIES = ["treaty", "zoe harbour", '"peace talks"', "tag:war", "tag:eu", "color:green", "in:summit", "actor:zoe",
           "grain*", "negotiat*", "n*", "before:2024-03-05", "after:2024-03-03 peace", "", "peace tag:eu/trade",
           "peace -tag:war", '-zoe -"peace talks"', "article", "2024", "talks color:yellow -grain"]
DOCS = [f"/articles/{name}.txt" for name in ("a", "b", "c", "d")]
TITLES = ["NATO summit", "Grain talks", "Harbour of Zoë", ""]


def _note(rng: random.Random, key: int) -> Annotation:
    day = rng.randint(1, 9)
    stamp = f"2024-03-{day:02d}T{rng.randint(0, 23):02d}:00:00.000+00:00"
    words = rng.choices(WORDS, k=rng.randint(0, 12))
    return Annotation(document=rng.choice(DOCS), selector=Selector(" ".join(rng.choices(WORDS, k=4)), "", "", 0, 1),
                      note=" ".join(words), tags=rng.sample(["war", "eu", "eu/trade", "EU"], rng.randint(0, 2)),
                      color=rng.choice(COLORS[:3]), id=f"n{key}", created=stamp, updated=stamp,
                      actors=rng.sample(["Zoë Müller", "Jens Stoltenberg"], rng.randint(0, 1)))


def _fill(path: Path, rng: random.Random, count: int) -> None:
    with NoteStore(path) as store:
        for doc, title in zip(DOCS, TITLES, strict=True):
            store.put_document(DocumentRecord(doc, doc, "0", title=title))
            store.set_article_actors(doc, ["Zoë Müller"] if title else [])
        store.put_many([_note(rng, i) for i in range(count)])


def _answers(hits: list[Any]) -> list[tuple[Any, ...]]:
    return [(h.annotation, h.document, h.score, h.snippet, h.marks, h.matched) for h in hits]


def _meta(path: Path, key: str) -> str:
    db = sqlite3.connect(search_index_path(path))
    try:
        return str(db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()[0])
    finally:
        db.close()


def _current(path: Path) -> bool:
    """Whether the file beside the store holds the store as it is now (nothing left to catch up)."""
    with NoteStore(path, read_only=True) as store:
        return _meta(path, "cursor") == store.changes_since(None).cursor


def _check_like_a_rebuild(path: Path) -> None:
    """Every query answers from the file exactly as from an index built in memory now."""
    with NoteStore(path, read_only=True) as store:
        for query in QUERIES:  # caught up, or found damaged and built again (without the actors it held)
            store.search(query)
        fresh = SearchIndex(None, store.changes_since)
        db = sqlite3.connect(search_index_path(path))  # the articles' actors, as the analysis handed them over
        for doc, names in db.execute("SELECT doc, names FROM article_actors"):
            fresh.set_article_actors(doc, json.loads(names))
        db.close()
        for query in QUERIES:
            for limit in (3, None):
                assert _answers(store.search(query, limit)) == _answers(fresh.search(query, limit)), query
        fresh.close()


@pytest.fixture
def filled(store_file: Path) -> Path:
    _fill(store_file, random.Random(7), 150)
    return store_file


@pytest.fixture
def no_rebuild(monkeypatch: pytest.MonkeyPatch) -> None:
    _refuse_rebuilds(monkeypatch)


def _refuse_rebuilds(monkeypatch: pytest.MonkeyPatch) -> None:
    real = search_file._Writer.__init__

    def refuse(writer: search_file._Writer, db: sqlite3.Connection, empty: bool) -> None:
        in_file = db.execute("PRAGMA database_list").fetchone()[2]  # "" for one built in memory to compare
        assert not (empty and in_file), "the index was rebuilt instead of caught up"
        real(writer, db, empty)
    monkeypatch.setattr(search_file._Writer, "__init__", refuse)


def test_answers_like_an_index_built_from_the_store(filled: Path) -> None:
    assert search_index_path(filled).exists() and _current(filled)  # built as the writer closed
    _check_like_a_rebuild(filled)
    _check_like_a_rebuild(filled)  # and again from the file as it was left


def test_caught_up_after_another_writer_adds_edits_deletes_and_compacts(filled: Path, no_rebuild: None) -> None:
    rng = random.Random(3)
    with NoteStore(filled) as other:  # another writer, with its own view of the files
        other.add(_note(rng, 1000))
        _check_like_a_rebuild(filled)
        other.update("n5", note="a fresh blockade note", tags=["harbour"])
        other.update("n6", color="green")
        _check_like_a_rebuild(filled)
        other.delete("n7")
        other.delete("n1000")
        _check_like_a_rebuild(filled)
        other.put_document(DocumentRecord(DOCS[3], DOCS[3], "1", title="Blockade summit"))
        other.set_article_actors(DOCS[3], ["Jens Stoltenberg"])
        _check_like_a_rebuild(filled)
        other.delete("n8")
        other.compact()  # library.json replaced: the feed still names exactly what changed
        other.update("n9", note="after compaction")
        _check_like_a_rebuild(filled)


def test_found_after_an_add_and_gone_after_a_delete(filled: Path) -> None:
    with NoteStore(filled, read_only=True) as reader, NoteStore(filled) as writer:
        assert reader.search("zeppelin") == []
        note = writer.add(Annotation(document=DOCS[0], selector=Selector("x", "", "", 0, 1), note="zeppelin"))
        assert [h.annotation.id for h in reader.search("zeppelin")] == [note.id]
        writer.delete(note.id)
        assert reader.search("zeppelin") == []


def test_random_changes_keep_it_exact(store_file: Path) -> None:
    rng = random.Random(11)
    _fill(store_file, rng, 40)
    with NoteStore(store_file) as other:
        for step in range(12):
            action = rng.random()
            if action < 0.4:
                other.add(_note(rng, 100 + step))
            elif action < 0.7:
                ids = [a.id for a in other.annotations()]
                other.update(rng.choice(ids), note=" ".join(rng.choices(WORDS, k=5)), tags=["eu"])
            elif action < 0.9:
                other.delete(rng.choice([a.id for a in other.annotations()]))
            else:
                other.compact()
            _check_like_a_rebuild(store_file)


def test_caught_up_after_another_process_writes(filled: Path, no_rebuild: None) -> None:
    script = ("import sys\nfrom notes.store import NoteStore\nfrom notes.records import Annotation, Selector\n"
              "with NoteStore(sys.argv[1]) as s:\n"
              "    s.add(Annotation(document='/articles/a.txt', selector=Selector('x', '', '', 0, 1),"
              " note='zeppelin harbour', id='other'))\n"
              "    s.delete('n3')\n    s.update('n4', note='zeppelin')\n    s.compact()\n")
    subprocess.run([sys.executable, "-c", script, str(filled)], check=True)
    assert _current(filled)  # the other process caught it up as it closed
    with NoteStore(filled, read_only=True) as store:
        assert {h.annotation.id for h in store.search("zeppelin")} == {"other", "n4"}
    _check_like_a_rebuild(filled)


@pytest.mark.damages_index
@pytest.mark.parametrize("damage", [b"", b"not a database at all" * 100, "truncate", "drop", "cursor", "postings",
                                    "format"])
def test_a_damaged_index_is_rebuilt(filled: Path, damage: object) -> None:
    index = search_index_path(filled)
    if isinstance(damage, bytes):
        index.write_bytes(damage)
    elif damage == "truncate":
        with open(index, "r+b") as f:
            f.truncate(index.stat().st_size // 2)
    else:
        db = sqlite3.connect(index)
        db.execute({"drop": "DROP TABLE postings", "cursor": "UPDATE meta SET value = 'nonsense' WHERE key = 'cursor'",
                    "postings": "UPDATE postings SET tfs = x'0102'",
                    "format": "UPDATE meta SET value = 1 WHERE key = 'format'"}[str(damage)])
        db.commit()
        db.close()
    _check_like_a_rebuild(filled)
    _check_like_a_rebuild(filled)


def test_a_window_that_holds_the_file_follows_its_replacement(filled: Path) -> None:
    with NoteStore(filled) as window:
        window.search("treaty")  # holds the file open
        for end in ("", "-wal", "-shm"):  # as a process that found it damaged would do
            search_index_path(filled).with_name(search_index_path(filled).name + end).unlink(missing_ok=True)
        note = window.add(Annotation(document=DOCS[0], selector=Selector("x", "", "", 0, 1), note="zeppelin"))
        assert [h.annotation.id for h in window.search("zeppelin")] == [note.id]
    assert _current(filled)


@pytest.mark.damages_index
def test_an_index_of_an_older_reader_is_replaced(filled: Path) -> None:
    index = search_index_path(filled)
    index.unlink()
    db = sqlite3.connect(index)  # the layout of the search cache before the change feed
    db.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("INSERT INTO meta VALUES ('stamp', '{\"format\": 1}')")
    db.commit()
    db.close()
    _check_like_a_rebuild(filled)
    assert _meta(filled, "format") == str(search_file.FORMAT)


def test_searching_leaves_the_store_untouched(filled: Path) -> None:
    folder = filled.parent
    with NoteStore(filled) as other:
        other.add(_note(random.Random(1), 500))
        other.compact()
        other.add(_note(random.Random(1), 501))
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()
              if p.is_file() and ".search.sqlite" not in p.name}
    _check_like_a_rebuild(filled)
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()
             if p.is_file() and ".search.sqlite" not in p.name}
    assert after == before


def test_no_store_no_index(store_file: Path) -> None:
    with NoteStore(store_file, read_only=True) as store:
        assert store.search("treaty") == []
    assert not store_file.parent.exists()


@pytest.mark.damages_index
@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_a_read_only_folder_gets_an_index_in_memory(filled: Path) -> None:
    search_index_path(filled).unlink()
    filled.parent.chmod(0o555)
    try:
        with NoteStore(filled, read_only=True) as store:
            assert store.search("treaty") and not search_index_path(filled).exists()
    finally:
        filled.parent.chmod(0o755)


@pytest.mark.damages_index
def test_an_index_that_cannot_be_opened_moves_to_memory(filled: Path) -> None:
    index = search_index_path(filled)
    index.unlink()
    index.mkdir()  # as unusable as a read-only folder, even for root
    with NoteStore(filled, read_only=True) as store:
        hits = store.search("treaty")
        assert hits and store._search is not None and store._search.path is None
    assert index.is_dir()


def test_articles_actors_are_kept_apart_from_the_store(filled: Path) -> None:
    with NoteStore(filled) as store:
        store.set_article_actors(DOCS[1], ["Kwame Okafor", "Kwame Okafor", " "])
        assert {h.annotation.document for h in store.search('actor:"kwame okafor"')} == {DOCS[1]}
        store.set_article_actors(DOCS[1], [])
        assert store.search("okafor") == []
    assert b"Okafor" not in filled.read_bytes() + storage.journal_path(filled).read_bytes()


def test_a_store_that_kept_the_articles_actors_in_its_records_still_finds_them(store_file: Path) -> None:
    """Documents written before the actors moved to the index carry them: they count until
    the analysis hands over its own."""
    doc = {"id": DOCS[0], "path": DOCS[0], "content_id": "c", "title": "Old", "position": 0, "date": None,
           "last_opened": "2024-01-01T00:00:00+00:00", "actors": ["Ingrid Dahl"]}
    note = _note(random.Random(2), 1)
    note.document = DOCS[0]
    store_file.parent.mkdir(parents=True)
    store_file.write_text(json.dumps({"meta": {"1": {"schema": 1, "generation": 1}},
                                      "documents": {"1": doc}, "annotations": {"1": note.to_json()}}))
    with NoteStore(store_file) as store:
        assert store.document(DOCS[0]).title == "Old"
        assert [h.annotation.id for h in store.search('actor:"ingrid dahl"')] == [note.id]
        store.touch_document(DOCS[0], "c", "Old")  # the record is written again, without them
        assert [h.annotation.id for h in store.search("dahl")] == [note.id]
        store.set_article_actors(DOCS[0], ["Lars Berg"])
        assert store.search("dahl") == [] and len(store.search("berg")) == 1
    assert b"Ingrid" not in storage.journal_path(store_file).read_bytes()


# -- writers keep it current ----------------------------------------------------------

def _note_a(key: int) -> Annotation:
    return Annotation(document=DOCS[0], selector=Selector("treaty harbour", "", "", 0, 1), note=f"peace {key}",
                      id=f"w{key}")


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every store counts as too large to have its index built by a writer."""
    monkeypatch.setattr(store_module, "SEARCH_FILE_BUILD_BYTES", 0)


def test_a_store_that_grows_from_empty_has_a_current_index_from_the_first_note(store_file: Path) -> None:
    for key in range(4):
        with NoteStore(store_file) as store:
            store.add(_note_a(key))
            store.update("w0", note=f"harbour treaty {key}")
        assert _current(store_file)


def test_a_store_that_only_read_leaves_no_index(store_file: Path) -> None:
    with NoteStore(store_file) as store:
        store.annotations()
    assert not search_index_path(store_file).exists()


def test_a_large_store_without_an_index_is_not_built_by_an_add(store_file: Path, large: None) -> None:
    with NoteStore(store_file) as store:
        store.add(_note_a(0))
    assert not search_index_path(store_file).exists()


@pytest.mark.parametrize("how", ["add", "compact", "in a commit", "on close"])
def test_a_large_store_has_its_index_caught_up_by_a_closing_writer(store_file: Path, large: None, how: str,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    with NoteStore(store_file) as store:
        store.put_many([_note_a(i) for i in range(50)])  # a bulk write builds it
    assert _current(store_file)
    _refuse_rebuilds(monkeypatch)
    library_before = store_file.stat().st_ino
    if how == "in a commit":
        monkeypatch.setattr(storage, "COMPACT_LINES", 5)
    if how == "on close":
        monkeypatch.setattr(storage, "CLOSE_COMPACT_LINES", 5)
    with NoteStore(store_file) as store:
        for key in range(100, 106):
            store.add(_note_a(key))
        if how == "compact":
            store.compact()
    assert (store_file.stat().st_ino != library_before) == (how != "add")  # library.json was rewritten
    assert _current(store_file)
    _check_like_a_rebuild(store_file)


def test_a_small_bulk_write_into_a_large_store_does_not_build(store_file: Path, large: None) -> None:
    with NoteStore(store_file) as store:
        store.put_many([_note_a(i) for i in range(20)])
    search_index_path(store_file).unlink()
    with NoteStore(store_file) as store:
        store.put_many([_note_a(100)])
    assert not search_index_path(store_file).exists()


def _broken(*_: object) -> None:
    raise sqlite3.OperationalError("disk I/O error")


def test_a_failing_index_does_not_fail_a_note(store_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with NoteStore(store_file) as store:
        store.add(_note_a(0))
    monkeypatch.setattr(search_file._Writer, "apply", _broken)
    monkeypatch.setattr(storage, "COMPACT_LINES", 3)
    with NoteStore(store_file) as store:
        for key in range(1, 5):  # the third commit compacts
            store.add(_note_a(key))
        store.put_many([_note_a(10), _note_a(11)])
    monkeypatch.undo()
    with NoteStore(store_file, read_only=True) as reader:
        assert {a.id for a in reader.annotations()} == {"w0", "w1", "w2", "w3", "w4", "w10", "w11"}
    _check_like_a_rebuild(store_file)  # the search catches up and answers right


@pytest.mark.damages_index
def test_a_damaged_index_does_not_fail_a_note(store_file: Path) -> None:
    with NoteStore(store_file) as store:
        store.add(_note_a(0))
    search_index_path(store_file).write_bytes(b"not a database at all" * 100)
    with NoteStore(store_file) as store:
        store.add(_note_a(1))
        store.compact()
    with NoteStore(store_file, read_only=True) as reader:
        assert {a.id for a in reader.annotations()} == {"w0", "w1"}


def test_an_index_held_by_a_search_does_not_hold_up_a_writer(store_file: Path) -> None:
    with NoteStore(store_file) as store:
        store.add(_note_a(0))
    held = sqlite3.connect(search_index_path(store_file), isolation_level=None)
    held.execute("BEGIN IMMEDIATE")  # as a search rebuilding it would
    started = time.monotonic()
    try:
        with NoteStore(store_file) as store:
            store.add(_note_a(1))
            store.compact()
    finally:
        held.execute("ROLLBACK")
        held.close()
    assert time.monotonic() - started < 5  # a search waits up to 30 s for the file; writers give up
    assert not _current(store_file)
    _check_like_a_rebuild(store_file)  # left behind, and the search catches it up


def test_large_counts_and_terms_over_many_rows_stay_exact(store_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_file, "BLOCK", 4)  # a term's notes over many rows, as at 50,000 notes
    with NoteStore(store_file) as store:
        store.search("")
        store.add(Annotation(document=DOCS[0], selector=Selector("x", "", "", 0, 1), note="war " * 300, id="big"))
        store.search("war")  # one row of four-byte counts
        for key in range(10):
            store.add(_note_a(key))
            store.add(Annotation(document=DOCS[1], selector=Selector("x", "", "", 0, 1), note=f"war {key}",
                                 id=f"small{key}"))
            store.search("war")  # appended, row by row
        store.delete("small3")
        store.update("big", note="war " * 2)
        store.delete("w4")
        assert len(store.search("war", None)) == 10
    _check_like_a_rebuild(store_file)


def test_a_new_note_takes_the_slot_a_removed_one_left(store_file: Path) -> None:
    with NoteStore(store_file) as store:
        for key in range(4):
            store.add(_note_a(key))
        store.search("peace")
        store.delete("w1")
        store.delete("w2")
        store.search("peace")
        store.put_many([_note_a(10), _note_a(11), _note_a(12)])  # two free slots, then one at the end
        assert len(store.search("peace")) == 5
        db = sqlite3.connect(search_index_path(store_file))
        slots = {rid: slot for slot, rid in db.execute("SELECT slot, id FROM notes")}
        db.close()
    assert sorted(slots.values()) == [0, 1, 2, 3, 4]
    assert {slots["w0"], slots["w3"]} == {0, 3}
