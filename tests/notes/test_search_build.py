"""A large index built anew goes to another process: searches say so at once, saves do not wait, and what was saved
or handed over meanwhile is found once it is done."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from notes import search
from notes.records import Annotation, DocumentRecord, Selector
from notes.search_build import Build, IndexBuildingError
from notes.store import NoteStore, search_index_path

NOTES = 3000  # over search.BUILD_HERE: built aside


def _note(i: int, word: str = "harbour") -> Annotation:
    return Annotation(document="/a.txt" if word == "harbour" else "/b.txt",
                      selector=Selector(f"the {word} passage", "", "", 0, 10), note=f"{word} talks number {i}",
                      tags=["port"], id=f"n{i}")


def _store_without_index(path: Path) -> None:
    with NoteStore(path) as store:
        store.put_document(DocumentRecord("/a.txt", "/a.txt", "0", title="Harbour news"))
        store.put_many([_note(i) for i in range(NOTES)])
    for end in ("", "-wal", "-shm"):  # as a user deletes it, or a version before it had none
        search_index_path(path).with_name(search_index_path(path).name + end).unlink(missing_ok=True)


def _searched(store: NoteStore, query: str, seconds: float = 120.0) -> list[str]:
    """The ids found once the build is done (asking as the window does)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return sorted(h.annotation.id for h in store.search(query, None))
        except IndexBuildingError:
            assert time.monotonic() < deadline, "the build did not end"
            time.sleep(0.05)


def test_saves_go_on_while_a_large_index_is_built_aside(tmp_path: Path) -> None:
    path = tmp_path / "library.json"
    _store_without_index(path)
    assert NOTES > search.BUILD_HERE
    with NoteStore(path, build_aside=True) as store:
        store.annotations()
        started = time.perf_counter()
        with pytest.raises(IndexBuildingError) as building:
            store.search("harbour")
        assert time.perf_counter() - started < 5  # told at once, not after the build
        assert "being built" in str(building.value)
        store.set_article_actors("/a.txt", ["Zoë Harbourmaster"])  # handed over during the build: kept for after
        saves, during = [], 0
        for i in range(40):
            began = time.perf_counter()
            store.add(_note(NOTES + i, "glacier"))
            saves.append(time.perf_counter() - began)
            try:
                store.search("glacier")
            except IndexBuildingError as still:
                during += 1
                assert 0 <= still.done <= still.total
        assert during, "the build ended before a save could be timed beside it"
        assert max(saves) < 2.0  # a save waits at most for the builder's read of the store, never for the build
        assert _searched(store, "glacier") == sorted(f"n{NOTES + i}" for i in range(40))
        assert len(_searched(store, "harbour")) == NOTES
        assert len(_searched(store, 'actor:"Zoë Harbourmaster"')) == NOTES


def test_closing_the_store_stops_the_build_and_the_next_search_starts_it_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "library.json"
    _store_without_index(path)
    started: list[Build] = []

    class Recorded(Build):
        def __init__(self, store_path: Path) -> None:
            super().__init__(store_path)
            started.append(self)

    monkeypatch.setattr(search, "Build", Recorded)
    with NoteStore(path, build_aside=True) as store, pytest.raises(IndexBuildingError):
        store.search("harbour")
    assert len(started) == 1 and not started[0].running  # stopped with the store, no process left behind
    with NoteStore(path, build_aside=True) as store:
        assert len(_searched(store, "harbour")) == NOTES
    assert len(started) == 2 and started[1].succeeded


@pytest.mark.damages_index
def test_without_a_builder_process_the_index_is_built_where_it_is_asked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "library.json"
    _store_without_index(path)

    def no_process(store_path: Path) -> Build:
        raise OSError("no processes here")

    monkeypatch.setattr(search, "Build", no_process)
    with NoteStore(path, build_aside=True) as store:
        assert len(store.search("harbour", None)) == NOTES
    assert any("no builder process" in r.getMessage() for r in caplog.records)


def test_the_command_line_builds_the_index_where_it_is_asked(tmp_path: Path) -> None:
    path = tmp_path / "library.json"
    _store_without_index(path)
    with NoteStore(path) as store:
        assert len(store.search("harbour", None)) == NOTES
