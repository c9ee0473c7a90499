"""NoteStore's API: records in and out, documents that move or change, corrections, threads."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from tinydb import TinyDB

from notes import storage
from notes.errors import StoreError
from notes.records import Annotation, Correction, Selector
from notes.store import NoteStore, UnknownRecordError


def test_new_store_creates_file_with_schema(store_file: Path) -> None:
    with NoteStore(store_file):
        pass
    data = json.loads(store_file.read_text())
    assert data["meta"]["1"]["schema"] == 1
    assert {"documents", "annotations", "corrections"} <= data.keys()


def test_add_get_update_delete_persist(store_file: Path, make_note) -> None:
    with NoteStore(store_file) as store:
        a = store.add(make_note(note="first", tags=["war"]))
        assert store.get(a.id) == a
        updated = store.update(a.id, note="second", color="green")
        assert updated.note == "second" and updated.color == "green" and updated.created == a.created
        assert updated.updated >= a.updated
    with NoteStore(store_file) as store:
        assert store.get(a.id) == updated
        gone = store.delete(a.id)
        assert gone == updated
        assert store.get(a.id) is None
        store.add(gone)  # undo of a delete keeps the id
    with NoteStore(store_file, read_only=True) as store:
        assert [x.id for x in store.annotations()] == [a.id]


def test_refuses_bad_input(store_file: Path, make_note) -> None:
    with NoteStore(store_file) as store:
        a = store.add(make_note())
        with pytest.raises(StoreError, match="already exists"):
            store.add(a)
        with pytest.raises(StoreError, match="colour"):
            store.add(make_note(color="orange"))
        with pytest.raises(UnknownRecordError):
            store.update("nope", note="x")
        with pytest.raises(UnknownRecordError):
            store.delete("nope")
        with pytest.raises(TypeError):
            store.update(a.id, created="yesterday")
        with pytest.raises(StoreError):
            store.update(a.id, tags="not a list")
        assert store.get(a.id) == a


def test_annotations_by_document_in_text_order(store_file: Path, make_note) -> None:
    with NoteStore(store_file) as store:
        late = store.add(make_note(start=40, end=50))
        early = store.add(make_note(start=0, end=4))
        other = store.add(make_note(doc="/articles/b.txt"))
        assert [x.id for x in store.annotations("/articles/a.txt")] == [early.id, late.id]
        assert {x.id for x in store.annotations()} == {early.id, late.id, other.id}


def test_unicode_round_trip(store_file: Path, make_note) -> None:
    text = "Zoë said «שלום עולם» 🎉🇺🇦 and مرحبا\u200f, NUL \x00 kept, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 end"
    with NoteStore(store_file) as store:
        a = store.add(make_note(note=text, tags=["🏷️", "עברית"]))
    with NoteStore(store_file) as store:
        back = store.get(a.id)
        store.compact()  # through library.json as well as the journal
    with NoteStore(store_file, read_only=True) as store:
        assert store.get(a.id) == back
    assert back is not None and back.note == text and back.tags == ["🏷️", "עברית"]


def test_lone_surrogates_are_refused(store_file: Path, make_note) -> None:
    with NoteStore(store_file) as store:
        with pytest.raises(StoreError, match="not valid Unicode"):
            store.add(make_note(note="bytes from a bad argv: \udcff"))
        assert store.annotations() == []
        assert store.add(make_note()).id


def test_touch_document_creates_updates_and_follows_a_move(store_file: Path, tmp_path: Path, make_note, text) -> None:
    old = tmp_path / "old.txt"
    old.write_text(text)
    with NoteStore(store_file) as store:
        doc = store.touch_document(str(old), "cid", "Title", "2022-03-04", text=text)
        assert doc.id == str(old) and store.document(doc.id) == doc
        a = store.add(make_note(doc=doc.id))
        store.set_position(doc.id, 120)
        assert store.document(doc.id).position == 120
        new = tmp_path / "new.txt"
        old.rename(new)
        moved = store.touch_document(str(new), "cid", "Title", text=text)
        assert moved.id == str(new) and moved.position == 120 and moved.date == "2022-03-04"
        assert store.document(str(old)) is None
        assert store.get(a.id).document == str(new)
        with pytest.raises(UnknownRecordError):
            store.set_position(str(old), 1)


def test_copy_is_a_new_document(store_file: Path, tmp_path: Path, text) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(text)
    second.write_text(text)
    with NoteStore(store_file) as store:
        store.touch_document(str(first), "cid", text=text)
        store.touch_document(str(second), "cid", text=text)
        assert {d.id for d in store.documents()} == {str(first), str(second)}


def test_changed_text_reanchors_and_persists(store_file: Path, make_note, text) -> None:
    with NoteStore(store_file) as store:
        store.touch_document("/articles/a.txt", "v1", text=text)
        kept = store.add(make_note(start=11, end=27))              # "Jens Stoltenberg"
        lost = store.add(make_note(start=text.index("eastern"), end=text.index("eastern") + 13))
        edited = "BREAKING. " + text.replace("to its eastern flank", "somewhere")
        store.touch_document("/articles/a.txt", "v2", text=edited)
    with NoteStore(store_file, read_only=True) as store:
        k, orphan = store.get(kept.id), store.get(lost.id)
        assert store.document("/articles/a.txt").content_id == "v2"
    assert edited[k.selector.start:k.selector.end] == "Jens Stoltenberg" and k.status == "anchored"
    assert orphan.status == "orphaned" and orphan.selector == lost.selector


def test_corrections_global_and_per_document(store_file: Path) -> None:
    with NoteStore(store_file) as store:
        everywhere = store.add_correction(Correction("rename", "Stoltenberg", "Jens Stoltenberg"))
        here = store.add_correction(Correction("hide", "Friday", document="/a.txt"))
        store.add_correction(Correction("kind", "Brussels", "place", document="/b.txt"))
        assert [c.id for c in store.corrections("/a.txt")] == [everywhere.id, here.id]
        assert [c.id for c in store.corrections()] == [everywhere.id]
        store.remove_correction(here.id)
        assert [c.id for c in store.corrections("/a.txt")] == [everywhere.id]
        with pytest.raises(StoreError):
            store.add_correction(Correction("explode", "x"))  # type: ignore[arg-type]


def test_threads_share_a_store(store_file: Path, make_note) -> None:
    with NoteStore(store_file) as store:
        def work() -> None:
            for _ in range(25):
                store.update(store.add(make_note()).id, note="x")
        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(store.annotations()) == 100
    with NoteStore(store_file, read_only=True) as store:
        assert len(store.annotations()) == 100


def test_two_stores_see_each_others_writes(store_file: Path, make_note) -> None:
    with NoteStore(store_file) as one, NoteStore(store_file) as two:
        a = one.add(make_note())
        assert two.get(a.id) == a
        two.update(a.id, note="from two")
        one.compact()
        b = two.add(make_note())
        assert {x.id for x in one.annotations()} == {a.id, b.id}
        assert one.get(a.id).note == "from two"


def test_compaction_keeps_everything_and_rolls_backups(store_file: Path, make_note, monkeypatch) -> None:
    monkeypatch.setattr(storage, "COMPACT_LINES", 3)
    with NoteStore(store_file) as store:
        ids = [store.add(make_note()).id for _ in range(25)]
    backups = NoteStore.backups(store_file)
    assert 1 <= len(backups) <= 5
    assert backups == sorted(backups, key=lambda p: p.name, reverse=True)
    assert not list(store_file.parent.glob("*.tmp-*"))
    with NoteStore(store_file, read_only=True) as store:
        assert {a.id for a in store.annotations()} == set(ids)


def test_restore_backup_keeps_damaged_file_and_replays_journal(store_file: Path, make_note) -> None:
    with NoteStore(store_file) as store:
        first = store.add(make_note())
        store.compact()
        store.compact()  # the file with `first` is now a backup
        later = store.add(make_note())  # only in the journal
    damaged = b'{"meta": {"1": {"schema": 1, "generati'
    store_file.write_bytes(damaged)
    with pytest.raises(StoreError):
        NoteStore(store_file)
    newest = NoteStore.backups(store_file)[0]
    NoteStore.restore_backup(store_file, newest)
    aside = list(store_file.parent.glob("library.json.damaged-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    with NoteStore(store_file) as store:
        assert {a.id for a in store.annotations()} == {first.id, later.id}


def test_closed_store_refuses_use(store_file: Path, make_note) -> None:
    store = NoteStore(store_file)
    store.close()
    store.close()  # closing twice is harmless
    with pytest.raises(StoreError, match="closed"):
        store.add(make_note())
    with pytest.raises(StoreError, match="closed"):
        store.annotations()


def test_read_only_never_creates_or_writes(store_file: Path, make_note) -> None:
    with NoteStore(store_file, read_only=True) as store:
        assert store.annotations() == []
        with pytest.raises(StoreError, match="read-only"):
            store.add(make_note())
    assert not store_file.parent.exists() or not store_file.exists()


def test_tinydb_reads_the_file_through_our_storage(store_file: Path, make_note) -> None:
    with NoteStore(store_file) as store:
        a = store.add(make_note(note="via tinydb"))
    db = TinyDB(store_file, storage=storage.LibraryStorage, read_only=True)
    rows = db.table("annotations").all()
    assert [(r["id"], r["note"]) for r in rows] == [(a.id, "via tinydb")]
    db.close()


def test_selector_offsets_validated(store_file: Path) -> None:
    with NoteStore(store_file) as store:
        with pytest.raises(StoreError, match="offsets"):
            store.add(Annotation(document="/a", selector=Selector("x", "", "", 5, 2)))
        assert store.annotations() == []


def test_search_index_follows_every_change(store_file: Path, make_note) -> None:
    pytest.importorskip("notes.search")
    with NoteStore(store_file) as store, NoteStore(store_file) as other:
        a = store.add(make_note(note="treaty negotiations"))
        assert [h.annotation.id for h in store.search("treaty")] == [a.id]
        store.update(a.id, note="ceasefire talks")
        assert store.search("treaty") == []
        b = other.add(make_note(note="another treaty"))  # another writer: seen on the next search
        assert [h.annotation.id for h in store.search("treaty")] == [b.id]
        other.delete(b.id)
        other.compact()
        assert store.search("treaty") == []
        assert [h.annotation.id for h in store.search("ceasefire")] == [a.id]


def test_adding_to_a_compacted_store_keeps_every_rule(store_file: Path, make_note) -> None:
    """Adds that leave the annotations of library.json unparsed still see every existing id."""
    with NoteStore(store_file) as store:
        kept = store.add(make_note(target={"type": "quote", "id": "not-an-annotation-id"}))
        gone = store.add(make_note())
        store.compact()
    with NoteStore(store_file) as lazy, NoteStore(store_file) as other:
        fresh = lazy.add(make_note(note="new"))
        with pytest.raises(StoreError, match="already exists"):
            lazy.add(kept)  # found in the unparsed JSON
        with pytest.raises(StoreError, match="already exists"):
            lazy.add(fresh)  # found among the changes waiting for the parse
        other.delete(gone.id)
        lazy.add(gone)  # the other process's delete freed the id
        with pytest.raises(StoreError, match="already exists"):
            lazy.add(gone)
        assert "annotations" in lazy._storage._state._unparsed  # the fast path was taken
        assert {a.id for a in lazy.annotations()} == {kept.id, gone.id, fresh.id}
        other.compact()
        assert {a.id for a in other.annotations()} == {kept.id, gone.id, fresh.id}
    with NoteStore(store_file, read_only=True) as store:
        assert {a.id for a in store.annotations()} == {kept.id, gone.id, fresh.id}
        assert store.get(kept.id).target == {"type": "quote", "id": "not-an-annotation-id"}


def test_annotations_are_written_last_as_plain_tinydb_json(store_file: Path, make_note) -> None:
    with NoteStore(store_file) as store:
        store.add(make_note())
        store.compact()
    data = json.loads(store_file.read_bytes())
    assert list(data)[-1] == "annotations" and list(data)[0] == "meta"
