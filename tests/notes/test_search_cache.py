"""The search cache beside the store answers exactly as an index built from the store, is
caught up after any other writer's change, is rebuilt when damaged, and never touches the store."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from notes import search_cache
from notes.records import COLORS, Annotation, DocumentRecord, Selector
from notes.search import SearchIndex
from notes.store import NoteStore

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
        for doc, title in zip(DOCS, TITLES):
            store.put_document(DocumentRecord(doc, doc, "0", title=title, actors=["Zoë Müller"] if title else []))
        store.put_many([_note(rng, i) for i in range(count)])


def _answers(hits: list[Any]) -> list[tuple[Any, ...]]:
    return [(h.annotation, h.document, h.score, h.snippet, h.marks) for h in hits]


def _check_like_a_rebuild(path: Path) -> None:
    """Every query answers from the cache exactly as from an index built now from the store."""
    with NoteStore(path, read_only=True) as store:
        fresh = SearchIndex()
        fresh.rebuild(store.annotations(), store.documents())
        for query in QUERIES:
            for limit in (3, None):
                assert _answers(search_cache.search(store, query, limit)) == _answers(fresh.search(query, limit)), query


@pytest.fixture(autouse=True)
def _from_the_cache_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The store's in-memory search is the fallback; here every answer must come from the file."""
    def refuse(*_: object) -> None:
        raise AssertionError("answered without the cache")
    monkeypatch.setattr(NoteStore, "search", refuse)


@pytest.fixture
def filled(store_file: Path) -> Path:
    _fill(store_file, random.Random(7), 150)
    return store_file


def _no_rebuild(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("the cache was rebuilt instead of caught up")
    monkeypatch.setattr(search_cache, "_rebuild", refuse)


def test_answers_like_an_index_built_from_the_store(filled: Path) -> None:
    _check_like_a_rebuild(filled)
    assert search_cache.cache_path(filled).exists()
    _check_like_a_rebuild(filled)  # and again from the file as it was left


def test_caught_up_after_another_writer_adds_edits_and_deletes(filled: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _check_like_a_rebuild(filled)
    _no_rebuild(monkeypatch)
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
        other.put_document(DocumentRecord(DOCS[3], DOCS[3], "1", title="Blockade summit", actors=["Jens Stoltenberg"]))
        _check_like_a_rebuild(filled)
        other.compact()  # library.json replaced: the notes are compared one by one
        other.update("n8", note="after compaction")
        _check_like_a_rebuild(filled)


def test_found_after_an_add_and_gone_after_a_delete(filled: Path) -> None:
    with NoteStore(filled, read_only=True) as reader, NoteStore(filled) as writer:
        assert search_cache.search(reader, "zeppelin") == []
        note = writer.add(Annotation(document=DOCS[0], selector=Selector("x", "", "", 0, 1), note="zeppelin"))
        assert [h.annotation.id for h in search_cache.search(reader, "zeppelin")] == [note.id]
        writer.delete(note.id)
        assert search_cache.search(reader, "zeppelin") == []


def test_many_changes_rebuild_it(filled: Path) -> None:
    _check_like_a_rebuild(filled)
    rng = random.Random(5)
    with NoteStore(filled) as other:
        other.put_many([_note(rng, i) for i in range(0, 150, 2)])  # half of them, new words
        other.compact()
    _check_like_a_rebuild(filled)


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


@pytest.mark.parametrize("damage", [b"", b"not a database at all" * 100, "truncate", "drop", "stamp", "postings"])
def test_a_damaged_cache_is_ignored_and_rebuilt(filled: Path, damage: object) -> None:
    _check_like_a_rebuild(filled)
    cache = search_cache.cache_path(filled)
    if isinstance(damage, bytes):
        cache.write_bytes(damage)
    elif damage == "truncate":
        with open(cache, "r+b") as f:
            f.truncate(cache.stat().st_size // 2)
    else:
        db = sqlite3.connect(cache)
        if damage == "drop":
            db.execute("DROP TABLE postings")
        elif damage == "stamp":
            db.execute("UPDATE meta SET value = '{\"format\": 1, \"library\": 5' WHERE key = 'stamp'")
        else:
            db.execute("UPDATE postings SET tfs = x'0102'")
        db.commit()
        db.close()
    _check_like_a_rebuild(filled)
    _check_like_a_rebuild(filled)


def test_another_version_of_the_file_is_rebuilt(filled: Path) -> None:
    _check_like_a_rebuild(filled)
    db = sqlite3.connect(search_cache.cache_path(filled))
    db.execute("UPDATE meta SET value = replace(value, '\"format\": 1', '\"format\": 0') WHERE key = 'stamp'")
    db.commit()
    db.close()
    _check_like_a_rebuild(filled)


def test_searching_leaves_the_store_untouched(filled: Path) -> None:
    folder = filled.parent
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir() if p.is_file()}
    _check_like_a_rebuild(filled)
    with NoteStore(filled) as other:
        other.add(_note(random.Random(1), 500))
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir() if p.is_file()
              and not p.name.endswith(search_cache.SUFFIX)}
    _check_like_a_rebuild(filled)
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir() if p.is_file()
             and not p.name.endswith(search_cache.SUFFIX)}
    assert after == before


def test_no_store_no_cache(store_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(NoteStore, "search", lambda *_: [])
    with NoteStore(store_file, read_only=True) as store:
        assert search_cache.search(store, "treaty") == []
    assert not store_file.parent.exists()


def test_caught_up_after_another_process_writes(filled: Path) -> None:
    _check_like_a_rebuild(filled)
    script = ("import sys\nfrom notes.store import NoteStore\nfrom notes.records import Annotation, Selector\n"
              "with NoteStore(sys.argv[1]) as s:\n"
              "    s.add(Annotation(document='/articles/a.txt', selector=Selector('x', '', '', 0, 1),"
              " note='zeppelin harbour', id='other'))\n"
              "    s.delete('n3')\n    s.update('n4', note='zeppelin')\n")
    subprocess.run([sys.executable, "-c", script, str(filled)], check=True)
    _check_like_a_rebuild(filled)
    with NoteStore(filled, read_only=True) as store:
        assert {h.annotation.id for h in search_cache.search(store, "zeppelin")} == {"other", "n4"}
