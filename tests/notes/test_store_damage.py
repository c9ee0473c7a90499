"""Damaged or foreign store files are refused with one line and never modified, by any later command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from notes import storage
from notes.errors import StoreError
from notes.store import NoteStore


def _valid(store_file: Path, make_note) -> bytes:
    with NoteStore(store_file) as store:
        store.add(make_note(note="precious"))
        store.compact()
    return store_file.read_bytes()


DAMAGES = {
    "truncated": lambda raw: raw[: len(raw) // 2],
    "trailing garbage": lambda raw: raw + b"\x00garbage}",
    "empty": lambda raw: b"",
    "whitespace": lambda raw: b"  \n",
    "list": lambda raw: b"[1, 2, 3]",
    "string": lambda raw: b'"library"',
    "not utf-8": lambda raw: b"\xff\xfe" + raw,
    "stock tinydb": lambda raw: b'{"_default": {"1": {"a": 1}}}',
    "newer schema": lambda raw: raw.replace(b'"schema":1', b'"schema":99'),
    "bad record": lambda raw: raw.replace(b'"note":"precious"', b'"note":42'),
    "table not object": lambda raw: raw.replace(b'"corrections":{}', b'"corrections":[]'),
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_damaged_file_refused_and_unchanged(store_file: Path, make_note, damage: str) -> None:
    raw = DAMAGES[damage](_valid(store_file, make_note))
    store_file.write_bytes(raw)
    journal_before = storage.journal_path(store_file).read_bytes()
    for read_only in (False, True):
        with pytest.raises(StoreError) as err:
            NoteStore(store_file, read_only=read_only)
        message = str(err.value)
        assert "\n" not in message and "library.json" in message
    if damage == "newer schema":
        assert "newer" in message
    assert store_file.read_bytes() == raw
    assert storage.journal_path(store_file).read_bytes() == journal_before
    assert not list(store_file.parent.glob("*.tmp-*"))


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["truncated", "trailing garbage", "empty", "list", "newer schema"])
def test_later_notes_add_leaves_damage_alone(store_file: Path, make_note, tmp_path: Path, text: str,
                                             damage: str) -> None:
    raw = DAMAGES[damage](_valid(store_file, make_note))
    store_file.write_bytes(raw)
    article = tmp_path / "a.txt"
    article.write_text(text)
    for _ in range(2):
        done = subprocess.run([sys.executable, "-m", "reader", "notes", "--data-dir", str(store_file.parent),
                               "add", str(article), "--quote", "Russia"], capture_output=True, text=True,
                              timeout=60)
        assert done.returncode == 1
        assert done.stdout == ""
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("reader: ") and "library.json" in lines[0]
    assert store_file.read_bytes() == raw


def test_wrong_kind_of_file(store_file: Path) -> None:
    store_file.mkdir(parents=True)
    with pytest.raises(StoreError, match="folder"):
        NoteStore(store_file)


def test_damaged_journal_middle_refused(store_file: Path, make_note) -> None:
    with NoteStore(store_file) as store:
        for _ in range(3):
            store.add(make_note())
    journal = storage.journal_path(store_file)
    raw = journal.read_bytes()
    lines = raw.split(b"\n")
    lines[2] = lines[2][:-5] + b"XXXXX"  # the second of three commits: not a torn tail
    damaged = b"\n".join(lines)
    journal.write_bytes(damaged)
    with pytest.raises(StoreError, match="journal"):
        NoteStore(store_file)
    assert journal.read_bytes() == damaged


def test_torn_last_line_is_a_write_that_never_happened(store_file: Path, make_note) -> None:
    with NoteStore(store_file) as store:
        kept = store.add(make_note())
    journal = storage.journal_path(store_file)
    with open(journal, "ab") as f:
        f.write(b'0badc0de {"ops":[{"t":"annotations","put":{"id":"half')
    with NoteStore(store_file, read_only=True) as store:
        assert [a.id for a in store.annotations()] == [kept.id]
    with NoteStore(store_file) as store:
        later = store.add(make_note())
    with NoteStore(store_file) as store:
        assert {a.id for a in store.annotations()} == {kept.id, later.id}
    assert b"half" not in journal.read_bytes()


def test_missing_file_with_a_journal_is_not_silently_restarted(store_file: Path, make_note) -> None:
    with NoteStore(store_file) as store:
        store.add(make_note())
    store_file.unlink()
    with pytest.raises(StoreError, match="missing"):
        NoteStore(store_file)
    assert not store_file.exists()


def test_stray_temp_files_are_cleaned(store_file: Path, make_note) -> None:
    with NoteStore(store_file) as store:
        store.add(make_note())
    strays = [store_file.with_name("library.json.tmp-999-1"), store_file.with_name("library.json.journal.tmp-9-9")]
    for stray in strays:
        stray.write_bytes(b"half a file")
    with NoteStore(store_file) as store:
        assert len(store.annotations()) == 1
    assert not any(s.exists() for s in strays)


def test_valid_json_is_not_enough(store_file: Path) -> None:
    store_file.parent.mkdir(parents=True)
    store_file.write_text(json.dumps({"meta": {"1": {"schema": 1, "generation": 1}},
                                      "annotations": {"1": {"id": "a", "document": "/x"}}}))
    with pytest.raises(StoreError, match="annotations row 1 lacks selector"):
        NoteStore(store_file)
