"""Writers keep the search file beside the store current, so that no search has to build it:
caught up (or created, for a small store) when a store that wrote closes and after a bulk
write, carried over a compaction, and never at the cost of a note."""

from __future__ import annotations

import logging
import random
import sqlite3
import time
from pathlib import Path

import pytest

from notes import search_cache, storage
from notes import store as store_module
from notes.records import Annotation, DocumentRecord, Selector
from notes.search import SearchIndex
from notes.storage import LibraryStorage
from notes.store import NoteStore

DOC = "/articles/a.txt"
WORDS = "treaty harbour blockade peace talks grain ceasefire minister zoe".split()


def _note(rng: random.Random, key: int) -> Annotation:
    return Annotation(document=DOC, selector=Selector(" ".join(rng.choices(WORDS, k=3)), "", "", 0, 1),
                      note=" ".join(rng.choices(WORDS, k=6)), tags=rng.sample(["war", "eu"], rng.randint(0, 2)),
                      id=f"n{key}")


def _paths(caplog: pytest.LogCaptureFixture) -> list[str]:
    """Which ways :mod:`notes.search_cache` brought its file up to date since the last call."""
    found = [r.getMessage().removeprefix("search cache: ") for r in caplog.records
             if r.name == search_cache.__name__ and r.getMessage().startswith("search cache: ")]
    caplog.clear()
    return found


def _search_path(path: Path, caplog: pytest.LogCaptureFixture) -> list[str]:
    """Search the store from a fresh reader, as ``reader notes search`` does; check the answer
    against an index built from the store, and return the ways the file was brought up to date."""
    _paths(caplog)
    with NoteStore(path, read_only=True) as reader:
        hits = search_cache.search(reader, "treaty harbour", None)
        taken = _paths(caplog)
        fresh = SearchIndex()
        fresh.rebuild(reader.annotations(), reader.documents())
    assert [(h.annotation, h.score, h.snippet) for h in hits] == \
        [(h.annotation, h.score, h.snippet) for h in fresh.search("treaty harbour", None)]
    return taken


@pytest.fixture(autouse=True)
def _log_paths(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger=search_cache.__name__)


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every store counts as too large to have its file built by a writer."""
    monkeypatch.setattr(store_module, "SEARCH_FILE_BUILD_BYTES", 0)


def test_a_store_that_grows_from_empty_has_a_current_file_from_the_first_note(
        store_file: Path, caplog: pytest.LogCaptureFixture) -> None:
    rng = random.Random(1)
    with NoteStore(store_file) as store:
        store.put_document(DocumentRecord(DOC, DOC, "0", title="Harbour talks"))
        store.add(_note(rng, 0))
    assert search_cache.cache_path(store_file).exists()
    assert _search_path(store_file, caplog) == ["current"]
    for key in range(1, 4):
        with NoteStore(store_file) as store:
            store.add(_note(rng, key))
            store.update("n0", note=f"harbour treaty {key}")
            store.delete(f"n{key - 1}") if key > 1 else None
        assert _search_path(store_file, caplog) == ["current"]


def test_a_store_that_only_read_leaves_the_file_alone(store_file: Path) -> None:
    with NoteStore(store_file) as store:
        store.annotations()
    assert not search_cache.cache_path(store_file).exists()


def test_a_large_store_without_a_file_is_not_built_by_an_add(store_file: Path, large: None) -> None:
    with NoteStore(store_file) as store:
        store.add(_note(random.Random(2), 0))
    assert not search_cache.cache_path(store_file).exists()


def test_a_large_store_has_its_file_caught_up_from_the_journal(
        store_file: Path, large: None, caplog: pytest.LogCaptureFixture) -> None:
    rng = random.Random(3)
    with NoteStore(store_file) as store:
        store.put_many([_note(rng, i) for i in range(50)])  # a bulk write builds it
    assert _search_path(store_file, caplog) == ["current"]
    with NoteStore(store_file) as store:
        store.add(_note(rng, 100))
        store.update("n3", note="treaty treaty harbour")
        _paths(caplog)
    assert _paths(caplog) == ["journal lines"]  # the close caught it up, cheaply
    assert _search_path(store_file, caplog) == ["current"]


def test_a_small_bulk_write_into_a_large_store_does_not_build(store_file: Path, large: None) -> None:
    rng = random.Random(4)
    with NoteStore(store_file) as store:
        store.put_many([_note(rng, i) for i in range(20)])
    search_cache.cache_path(store_file).unlink()
    with NoteStore(store_file) as store:
        store.put_many([_note(rng, 100)])
    assert not search_cache.cache_path(store_file).exists()


@pytest.mark.parametrize("how", ["compact", "in a commit", "on close"])
def test_a_compaction_keeps_a_current_file_current(store_file: Path, large: None, how: str,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    rng = random.Random(5)
    with NoteStore(store_file) as store:
        store.put_many([_note(rng, i) for i in range(40)])
    assert _search_path(store_file, caplog) == ["current"]
    library_before = store_file.stat().st_ino
    if how == "in a commit":
        monkeypatch.setattr(storage, "COMPACT_LINES", 5)
    if how == "on close":
        monkeypatch.setattr(storage, "CLOSE_COMPACT_LINES", 5)
    with NoteStore(store_file) as store:
        for key in range(100, 106):  # the file lags these lines until the compaction catches it up
            store.add(_note(rng, key))
        if how == "compact":
            store.compact()
    assert store_file.stat().st_ino != library_before  # library.json was rewritten
    assert _search_path(store_file, caplog) == ["current"]


def test_a_compaction_leaves_a_file_it_cannot_catch_up_cheaply(
        store_file: Path, large: None, caplog: pytest.LogCaptureFixture) -> None:
    rng = random.Random(6)
    with NoteStore(store_file) as store:
        store.put_many([_note(rng, i) for i in range(40)])
    with NoteStore(store_file) as store:
        store.compact()
    db = sqlite3.connect(search_cache.cache_path(store_file))
    db.execute("UPDATE meta SET value = replace(value, '\"library\": [', '\"library\": [1') WHERE key = 'stamp'")
    db.commit()
    db.close()
    with NoteStore(store_file) as store:
        store.add(_note(rng, 100))
        store.compact()
    assert "every note" in _search_path(store_file, caplog)  # compared, not wrongly re-stamped


def test_tinydb_write_never_carries_the_file_over(store_file: Path) -> None:
    called: list[object] = []
    with NoteStore(store_file) as store:
        store.add(_note(random.Random(7), 0))
    lib = LibraryStorage(store_file, on_fold=lambda tables: called.append(tables) or None)
    try:
        lib.compact()
        assert len(called) == 1
        lib.write({"annotations": {}, "documents": {}, "corrections": {}})
        assert len(called) == 1  # other records than the files held: nothing to carry over
    finally:
        lib.close()


def _broken(*_: object) -> None:
    raise sqlite3.OperationalError("disk I/O error")


def test_a_failing_index_write_does_not_fail_the_add(store_file: Path, monkeypatch: pytest.MonkeyPatch,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    rng = random.Random(8)
    with NoteStore(store_file) as store:
        store.add(_note(rng, 0))
    monkeypatch.setattr(search_cache._Updater, "apply", _broken)
    monkeypatch.setattr(search_cache, "_rebuild", _broken)
    monkeypatch.setattr(storage, "COMPACT_LINES", 3)
    with NoteStore(store_file) as store:
        for key in range(1, 5):  # the third commit compacts, with the file failing
            store.add(_note(rng, key))
        store.put_many([_note(rng, 10), _note(rng, 11)])
        store.compact()
    monkeypatch.undo()
    with NoteStore(store_file, read_only=True) as reader:
        assert {a.id for a in reader.annotations()} == {"n0", "n1", "n2", "n3", "n4", "n10", "n11"}
    _search_path(store_file, caplog)  # the search catches up or rebuilds it and answers right


def test_a_failing_index_read_does_not_fail_the_add(store_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with NoteStore(store_file) as store:
        store.add(_note(random.Random(9), 0))
    search_cache.cache_path(store_file).write_bytes(b"not a database at all" * 100)
    with NoteStore(store_file) as store:
        store.add(_note(random.Random(9), 1))
        store.compact()
    with NoteStore(store_file, read_only=True) as reader:
        assert {a.id for a in reader.annotations()} == {"n0", "n1"}


def test_a_file_held_by_a_search_does_not_hold_up_the_add(store_file: Path,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    rng = random.Random(10)
    with NoteStore(store_file) as store:
        store.add(_note(rng, 0))
    held = sqlite3.connect(search_cache.cache_path(store_file), isolation_level=None)
    held.execute("BEGIN IMMEDIATE")  # as a search rebuilding it would
    started = time.monotonic()
    try:
        with NoteStore(store_file) as store:
            store.add(_note(rng, 1))
            store.compact()
    finally:
        held.execute("ROLLBACK")
        held.close()
    assert time.monotonic() - started < 5  # a search waits up to 30 s for the file; writers give up
    _search_path(store_file, caplog)  # the file was left behind, and the search catches it up
