"""The store's change feed: a copy kept by ``changes_since`` alone equals the store, whoever
wrote, across compactions, other processes and restored backups."""

from __future__ import annotations

import json
import subprocess
import sys
import zlib
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from notes import feed, storage
from notes.feed import Changes
from notes.records import Annotation, Correction, DocumentRecord, Selector
from notes.store import NoteStore

Make = Callable[..., Annotation]
Copy = dict[tuple[str, str], Any]


def follow(store: NoteStore, copy: Copy, cursor: str | None) -> tuple[str, Changes]:
    """Bring ``copy`` (table and id -> record) up to date from the feed, as an index would."""
    changes = store.changes_since(cursor)
    if changes.rebuild:
        copy.clear()
    for table, records in (("annotations", changes.annotations()), ("documents", changes.documents()),
                           ("corrections", changes.corrections())):
        for record in records:
            copy[(table, record.id)] = record
    for table, ids in changes.removed.items():
        for rid in ids:
            copy.pop((table, rid), None)  # also ids added and removed again since the cursor
    return changes.cursor, changes


def truth(store: NoteStore) -> Copy:
    found: Copy = {("annotations", a.id): a for a in store.annotations()}
    found.update({("documents", d.id): d for d in store.documents()})
    found.update({("corrections", c.id): c for c in store.corrections()})
    return found


def test_a_copy_follows_adds_edits_and_removals(store_file: Path, make_note: Make) -> None:
    copy: Copy = {}
    with NoteStore(store_file) as store:
        cursor, changes = follow(store, copy, None)
        assert changes.rebuild and copy == {}
        a = store.add(make_note(note="first"))
        b = store.add(make_note(note="second"))
        store.put_document(DocumentRecord("/articles/a.txt", "/articles/a.txt", "c1", title="A"))
        cursor, changes = follow(store, copy, cursor)
        assert not changes.rebuild and {r.id for r in changes.annotations()} == {a.id, b.id}
        assert copy == truth(store)
        store.update(a.id, note="edited")
        store.delete(b.id)
        store.add_correction(Correction("hide", "Friday"))
        cursor, changes = follow(store, copy, cursor)
        assert [r.note for r in changes.annotations()] == ["edited"]
        assert changes.removed == {"annotations": [b.id]}
        assert copy == truth(store)
        again = store.changes_since(cursor)
        assert not again and again.cursor == cursor  # nothing new: nothing to do


def test_other_writers_and_compactions_are_followed(store_file: Path, make_note: Make) -> None:
    copy: Copy = {}
    with NoteStore(store_file) as mine, NoteStore(store_file) as other:
        keep = [mine.add(make_note(note=f"note {i}")) for i in range(5)]
        cursor, _ = follow(mine, copy, None)
        other.update(keep[0].id, note="changed elsewhere")
        other.delete(keep[1].id)
        cursor, _ = follow(mine, copy, cursor)
        assert copy == truth(mine)
        other.delete(keep[2].id)
        other.update(keep[3].id, tags=["folded"])
        added = other.add(make_note(note="added before the fold"))
        other.compact()  # the journal that held these commits is gone; library.json is new
        cursor, changes = follow(mine, copy, cursor)
        assert not changes.rebuild
        assert {r.id for r in changes.annotations()} == {keep[3].id, added.id}
        assert changes.removed == {"annotations": [keep[2].id]}
        assert copy == truth(mine)


def test_another_process_writes_and_folds(store_file: Path, make_note: Make) -> None:
    copy: Copy = {}
    with NoteStore(store_file) as store:
        notes = [store.add(make_note(note=f"note {i}")) for i in range(3)]
        cursor, _ = follow(store, copy, None)
    script = ("import sys\nfrom notes.store import NoteStore\nfrom notes.records import Annotation, Selector\n"
              "with NoteStore(sys.argv[1]) as s:\n"
              "    s.add(Annotation(document='/b.txt', selector=Selector('x', '', '', 0, 1), id='theirs'))\n"
              f"    s.delete({notes[0].id!r})\n    s.update({notes[1].id!r}, note='theirs too')\n    s.compact()\n")
    subprocess.run([sys.executable, "-c", script, str(store_file)], check=True)
    with NoteStore(store_file, read_only=True) as store:
        cursor, changes = follow(store, copy, cursor)
        assert not changes.rebuild and copy == truth(store)
        assert changes.removed == {"annotations": [notes[0].id]}


def test_a_new_process_answers_from_the_journal_without_parsing_every_note(store_file: Path,
                                                                            make_note: Make) -> None:
    with NoteStore(store_file) as store:
        store.put_many([make_note(note=f"n{i}") for i in range(50)])
        store.compact()
        cursor = store.changes_since(None).cursor
        a = store.add(make_note(note="after the fold"))
    with NoteStore(store_file, read_only=True) as fresh:
        changes = fresh.changes_since(cursor)
        assert [r.id for r in changes.annotations()] == [a.id]
        assert "annotations" in fresh._storage._state._unparsed  # the 50 notes were never parsed


def test_sequence_numbers_are_kept_with_the_records(store_file: Path, make_note: Make) -> None:
    with NoteStore(store_file) as store:
        a = store.add(make_note())
        b = store.add(make_note())
        store.delete(a.id)
        store.compact()
        cursor = store.changes_since("").cursor
    data = json.loads(store_file.read_bytes())
    meta = data["meta"]["1"]
    assert cursor == f"{meta['store']}:{meta['seq']}" and meta["seq"] == 3
    assert meta["removed"] == [[3, "annotations", a.id]]
    assert [r["_seq"] for r in data["annotations"].values()] == [2]
    with NoteStore(store_file, read_only=True) as store:
        assert store.get(b.id) == b  # the number is the store's, not part of the record


@pytest.mark.parametrize("cursor", [None, "", "garbage", "other-store:3", "{store}:99", "{store}:-1"])
def test_a_cursor_the_store_cannot_answer_gets_everything(store_file: Path, make_note: Make,
                                                          cursor: str | None) -> None:
    with NoteStore(store_file) as store:
        a = store.add(make_note())
        store_id = store.changes_since(None).cursor.rpartition(":")[0]
        changes = store.changes_since(cursor.format(store=store_id) if cursor else cursor)
        assert changes.rebuild and [r.id for r in changes.annotations()] == [a.id]


def test_a_restored_backup_starts_a_new_history(store_file: Path, make_note: Make) -> None:
    copy: Copy = {}
    with NoteStore(store_file) as store:
        store.add(make_note(note="kept"))
        store.compact()
        store.compact()  # the file with one note is now a backup
        dropped = store.add(make_note(note="journal only"))
        store.compact()
        cursor, _ = follow(store, copy, None)
    NoteStore.restore_backup(store_file, NoteStore.backups(store_file)[1])
    with NoteStore(store_file) as store:
        store.add(make_note(note="one more, so the number passes the old cursor"))
        store.add(make_note(note="and another"))
        cursor, changes = follow(store, copy, cursor)
        assert changes.rebuild and copy == truth(store)
        assert ("annotations", dropped.id) not in copy


def test_tinydb_write_starts_a_new_history(store_file: Path, make_note: Make) -> None:
    with NoteStore(store_file) as store:
        store.add(make_note())
        cursor = store.changes_since(None).cursor
    lib = storage.LibraryStorage(store_file)
    try:
        lib.write({"annotations": {}, "documents": {}, "corrections": {}})
        assert lib.changes_since(cursor).rebuild
    finally:
        lib.close()


def test_too_many_removals_since_the_cursor_rebuild(store_file: Path, make_note: Make,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feed, "KEPT_REMOVALS", 3)
    copy: Copy = {}
    with NoteStore(store_file) as store:
        notes = [store.add(make_note()) for _ in range(8)]
        old, _ = follow(store, copy, None)
        for note in notes[:6]:
            store.delete(note.id)
        recent = store.changes_since(None).cursor
        store.delete(notes[6].id)
        store.compact()
    with NoteStore(store_file, read_only=True) as store:  # a fresh process: only the tombstones tell
        assert store.changes_since(old).rebuild
        changes = store.changes_since(recent)
        assert not changes.rebuild and changes.removed == {"annotations": [notes[6].id]}
        follow(store, copy, old)
        assert copy == truth(store)


def test_a_store_written_before_the_feed_is_followed(store_file: Path) -> None:
    """Records without numbers, journal lines without them, no store id: still one history."""
    store_file.parent.mkdir(parents=True)
    note = {"document": "/a.txt", "selector": {"exact": "x", "prefix": "", "suffix": "", "start": 0, "end": 1},
            "id": "old", "created": "2023-01-01T00:00:00+00:00", "updated": "2023-01-01T00:00:00+00:00"}
    doc = {"id": "/a.txt", "path": "/a.txt", "content_id": "c", "last_opened": "2023-01-01T00:00:00+00:00",
           "actors": ["Ada Lovelace"]}
    store_file.write_text(json.dumps({"meta": {"1": {"schema": 1, "generation": 4}},
                                      "documents": {"1": doc}, "annotations": {"1": note}}))
    line = json.dumps({"ops": [{"t": "annotations", "put": {**note, "id": "old2"}}]}, separators=(",", ":"))
    header = json.dumps({"journal": 1, "generation": 4}).encode()
    storage.journal_path(store_file).write_bytes(
        b"%08x %s\n" % (zlib.crc32(header), header)
        + b"%08x %s\n" % (zlib.crc32(line.encode()), line.encode()))
    copy: Copy = {}
    with NoteStore(store_file, read_only=True) as one, NoteStore(store_file, read_only=True) as two:
        cursor, _ = follow(one, copy, None)
        assert cursor == two.changes_since(None).cursor  # every process numbers the old lines alike
        assert copy == truth(one) and len(copy) == 3
        assert one.document("/a.txt").title == ""
    with NoteStore(store_file) as writer:
        writer.delete("old")
        writer.compact()
        cursor, changes = follow(writer, copy, cursor)
        assert changes.removed == {"annotations": ["old"]} and copy == truth(writer)


def test_json_round_trips_cover_every_field(make_note: Make) -> None:
    note = make_note(note="n", tags=["t"], target={"type": "actor", "actor": "Ada"}, actors=["Ada"],
                     original="as made")
    doc = DocumentRecord("/a", "/a", "c", title="T", date="2024-01-01", position=3)
    fix = Correction("rename", "Ada", "Ada Lovelace", document="/a")
    for record in (note, doc, fix):
        data = record.to_json()
        assert set(data) == {f.name for f in fields(type(record))}
        assert type(record).from_json(data) == record
    assert "original" not in make_note().to_json()  # only a re-anchored note carries its first wording
    copied = note.to_json()
    copied["tags"].append("x")
    copied["target"]["actor"] = "Bob"
    assert note.tags == ["t"] and note.target == {"type": "actor", "actor": "Ada"}


def _note(key: int, text: str) -> Annotation:
    return Annotation(document="/a.txt", selector=Selector("x", "", "", 0, 1), note=text, id=f"k{key}")


steps = st.lists(st.one_of(
    st.tuples(st.sampled_from(["put", "put", "delete"]), st.integers(0, 1), st.integers(0, 6)),
    st.tuples(st.just("compact"), st.integers(0, 1), st.just(0)),
    st.tuples(st.just("follow"), st.integers(0, 1), st.just(0)),
), max_size=30)


@settings(max_examples=25, deadline=None)
@given(steps)
def test_a_copy_that_follows_the_feed_equals_the_store(tmp_path_factory: pytest.TempPathFactory,
                                                       plan: list[tuple[str, int, int]]) -> None:
    """Two writers, each with its own view of the files; the copy follows through either."""
    path = tmp_path_factory.mktemp("feed") / "library.json"
    copy: Copy = {}
    with NoteStore(path) as first, NoteStore(path) as second:
        writers = (first, second)
        cursor, _ = follow(first, copy, None)
        for n, (action, who, key) in enumerate(plan):
            store = writers[who]
            if action == "put":
                store.put_many([_note(key, f"version {n}")])
            elif action == "delete" and store.get(f"k{key}"):
                store.delete(f"k{key}")
            elif action == "compact":
                store.compact()
            else:
                cursor, _ = follow(store, copy, cursor)
                assert copy == truth(store)
        cursor, _ = follow(second, copy, cursor)
        assert copy == truth(second)
