"""Injected I/O failures at write, fsync and replace: the caller hears of it, nothing is half-saved."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from notes import storage
from notes.errors import StoreError
from notes.store import NoteStore


class Faults:
    """Make the n-th call of an ``os`` function fail (counting from the moment it is armed)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.monkeypatch = monkeypatch

    def arm(self, name: str, at: int = 1, partial: bool = False) -> None:
        real = getattr(os, name)
        calls = {"n": 0}

        def failing(*args, **kwargs):
            calls["n"] += 1
            if calls["n"] == at:
                if partial:  # a short write, then the disk is full
                    fd, data = args
                    real(fd, bytes(data[: len(data) // 2]))
                raise OSError(errno.ENOSPC if name == "write" else errno.EIO, f"injected {name} failure")
            return real(*args, **kwargs)

        self.monkeypatch.setattr(os, name, failing)

    def disarm(self) -> None:
        self.monkeypatch.undo()


@pytest.fixture
def faults(monkeypatch: pytest.MonkeyPatch) -> Faults:
    return Faults(monkeypatch)


def _ids(store_file: Path) -> set[str]:
    with NoteStore(store_file, read_only=True) as store:
        return {a.id for a in store.annotations()}


@pytest.mark.parametrize(("name", "partial"), [("write", False), ("write", True), ("fsync", False)])
def test_failed_commit_is_not_acknowledged_and_store_goes_on(store_file: Path, make_note, faults: Faults,
                                                             name: str, partial: bool) -> None:
    with NoteStore(store_file) as store:
        before = store.add(make_note())
        faults.arm(name, partial=partial)
        with pytest.raises(StoreError, match="not saved"):
            store.add(make_note())
        faults.disarm()
        assert {a.id for a in store.annotations()} == {before.id}
        assert _ids(store_file) == {before.id}
        after = store.add(make_note())
    assert _ids(store_file) == {before.id, after.id}


@pytest.mark.parametrize(("name", "at"), [("write", 1), ("fsync", 1), ("replace", 1), ("fsync", 2),
                                          ("replace", 2)])
def test_failed_compaction_leaves_the_file_and_loses_nothing(store_file: Path, make_note, faults: Faults,
                                                             name: str, at: int) -> None:
    with NoteStore(store_file) as store:
        ids = {store.add(make_note()).id for _ in range(3)}
        store.compact()
        ids |= {store.add(make_note()).id for _ in range(2)}
        raw = store_file.read_bytes()
        faults.arm(name, at=at)
        with pytest.raises(StoreError, match="cannot save"):
            store.compact()
        faults.disarm()
        assert {a.id for a in store.annotations()} == ids
        if name == "write" or at == 1:
            assert store_file.read_bytes() == raw  # library.json itself was not replaced
        ids.add(store.add(make_note()).id)
    assert not list(store_file.parent.glob("*.tmp-*"))
    assert _ids(store_file) == ids


def test_automatic_compaction_failure_does_not_fail_the_add(store_file: Path, make_note, faults: Faults,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage, "COMPACT_LINES", 2)
    with NoteStore(store_file) as store:
        first = store.add(make_note())
        faults.arm("replace")
        second = store.add(make_note())  # durable in the journal; folding it failed quietly
    assert _ids(store_file) == {first.id, second.id}


def test_creation_failure_leaves_nothing(store_file: Path, faults: Faults) -> None:
    faults.arm("fsync")
    with pytest.raises(StoreError, match="cannot create"):
        NoteStore(store_file)
    faults.disarm()
    assert not store_file.exists()
    assert not list(store_file.parent.glob("*.tmp-*"))
    with NoteStore(store_file) as store:
        assert store.annotations() == []
