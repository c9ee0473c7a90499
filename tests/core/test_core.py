"""The core over a temporary data dir: opening, analysing with corrections, notes, positions,
the store's one thread, and start-up and shutdown in their order."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from notes.errors import StoreError
from notes.records import Annotation, Selector
from notes.store import search_index_path
from notes.store import NoteStore
from reader.core import Core
from reader.core.highlights import actors_in, new_annotation, trimmed
from reader.errors import NotesUnavailableError, ReaderError
from tests.analyzers import NameAnalyzer

NAMES = {"Mira Okonjo": "person", "Harbour Council": "organization", "Tallinn": "place"}
TEXT = ("date 2023-11-02 Mira Okonjo told the Harbour Council in Tallinn that the quays would close.\n\n"
        "“We have no choice,” Mira Okonjo said. The Harbour Council did not answer.\n")


@pytest.fixture
def analyzer() -> NameAnalyzer:
    return NameAnalyzer(NAMES)


@pytest.fixture
def core(data_dir: Path, analyzer: NameAnalyzer) -> Iterator[Core]:
    with Core(data_dir, analyzer=analyzer) as started:
        started.start()
        yield started


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "quays.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_open_registers_the_article_with_its_notes_and_position(core: Core, article_file: Path,
                                                                data_dir: Path) -> None:
    opened = core.open(article_file)
    assert opened.article.title and opened.article.date == "2023-11-02"
    assert opened.document is not None and opened.doc_id == str(article_file.resolve())
    assert (opened.annotations, opened.position) == ([], 0)
    text = opened.article.text
    start = text.index("the quays")
    note = core.add_note(new_annotation(text, opened.doc_id, start, start + 9, "green", note="why?"))
    core.set_position(opened.doc_id, 120)
    core.close()

    with Core(data_dir) as again:
        again.start()
        reopened = again.open(article_file)
    assert [a.id for a in reopened.annotations] == [note.id]
    assert reopened.position == 120  # the store is the one place the position lives


def test_the_analysis_reads_corrections_for_this_article_or_every_article(core: Core, article_file: Path,
                                                                          tmp_path: Path,
                                                                          analyzer: NameAnalyzer) -> None:
    article = core.load(article_file)
    other_file = tmp_path / "other.txt"
    other_file.write_text("The Harbour Council met Mira Okonjo in Tallinn.", encoding="utf-8")
    other = core.load(other_file)
    core.correct(article, "hide", "Tallinn", scope="article")
    core.correct(article, "rename", "Mira Okonjo", "Mira A. Okonjo", scope="everywhere")
    names = {a.name for a in core.analyse(article).actors}
    assert names == {"Mira A. Okonjo", "Harbour Council"}
    assert {a.name for a in core.analyse(other).actors} == {"Mira A. Okonjo", "Harbour Council", "Tallinn"}
    assert [c["action"] for c in analyzer.calls[-1]] == ["rename"]  # the other article's hide stays there
    assert set(analyzer.threads) == {"reader-analysis-1"}


def test_a_correction_can_be_undone(core: Core, article_file: Path) -> None:
    article = core.load(article_file)
    correction = core.correct(article, "kind", "Tallinn", "organization", scope="article")
    kinds = {a.name: a.kind for a in core.analyse(article).actors}
    assert kinds["Tallinn"] == "organization"
    core.undo_correction(correction.id)
    assert {a.name: a.kind for a in core.analyse(article).actors}["Tallinn"] == "place"


@pytest.mark.parametrize(("action", "value", "message"), [
    ("kind", "planet", "unknown kind"), ("rename", "  ", "needs a value"), ("merge", None, "needs a value"),
    ("forget", None, "unknown correction"),
])
def test_corrections_that_cannot_mean_anything_are_refused(core: Core, article_file: Path, action: str,
                                                           value: str | None, message: str) -> None:
    with pytest.raises(ReaderError, match=message):
        core.correct(core.load(article_file), action, "Tallinn", value)  # type: ignore[arg-type]
    assert core.corrections(None) == []


def test_actor_searches_find_the_notes_of_an_article_after_its_analysis(core: Core, article_file: Path) -> None:
    opened = core.open(article_file)
    text = opened.article.text
    start = text.index("did not answer")
    core.add_note(new_annotation(text, opened.doc_id, start, start + 14, "yellow", note="silence"))
    assert core.search('actor:"Tallinn"') == []
    core.analyse(opened.article)
    core.store_lane.call(lambda: None)  # the names are handed to the index on the store lane
    assert [h.annotation.note for h in core.search('actor:"Tallinn"')] == ["silence"]
    commits = core.store_lane.call(lambda: core._store._storage.commits)
    core.analyse(opened.article)  # the same names again: nothing to write
    assert core.store_lane.call(lambda: core._store._storage.commits) == commits


def test_every_store_call_runs_on_the_store_lane(core: Core, article_file: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    threads: set[str] = set()
    for name in ("touch_document", "annotations", "corrections", "add", "update", "delete", "set_position",
                 "search", "document", "put_document"):
        original = getattr(NoteStore, name)

        def spy(self, *args, __original=original, **kwargs):
            threads.add(threading.current_thread().name)
            return __original(self, *args, **kwargs)

        monkeypatch.setattr(NoteStore, name, spy)
    opened = core.open(article_file)
    core.analyse(opened.article)  # reads corrections, hands actor names to the index
    note = core.add_note(new_annotation(opened.article.text, opened.doc_id, 0, 4, "blue"))
    core.update_note(note.id, tags=["quays"])
    core.search("quays")
    core.set_position(opened.doc_id, 5)
    core.delete_note(note.id)
    assert threads == {"reader-store-1"}


def test_close_finishes_queued_writes_then_closes_the_store(core: Core, article_file: Path,
                                                           data_dir: Path) -> None:
    opened = core.open(article_file)
    text = opened.article.text
    futures = [core.store_lane.submit(core.add_note, new_annotation(text, opened.doc_id, i, i + 3, "pink"))
               for i in range(0, 30, 3)]
    core.close()
    assert all(f.done() and f.exception() is None for f in futures)
    assert search_index_path(data_dir / "library.json").exists()  # the writer brought the search index up to date
    with NoteStore(data_dir / "library.json", read_only=True) as store:
        assert len(store.annotations()) == 10
    core.close()  # twice is harmless


def test_close_does_not_wait_for_a_running_analysis(data_dir: Path, article_file: Path) -> None:
    held = NameAnalyzer(NAMES)
    held.release.clear()
    core = Core(data_dir, analyzer=held)
    core.start()
    running = core.analysis_lane.submit(core.analyse, core.load(article_file))
    queued = core.analysis_lane.submit(core.analyse, core.load(article_file))
    time.sleep(0.05)
    started = time.monotonic()
    core.close()
    assert time.monotonic() - started < 2
    assert queued.cancelled() and not running.done()
    held.release.set()  # the abandoned analysis ends quietly: its actor names are not indexed
    assert {a.name for a in running.result(5).actors} == set(NAMES)


def test_a_damaged_store_leaves_the_core_without_notes_until_a_backup_is_restored(data_dir: Path,
                                                                                article_file: Path) -> None:
    store_file = data_dir / "library.json"
    with NoteStore(store_file) as store:
        store.add(Annotation("/tmp/x.txt", Selector("word", "", "", 0, 4), note="keep me"))
        store.compact()
        store.compact()  # the second fold keeps the first file as a backup
    store_file.write_bytes(b'{"truncated": ')
    core = Core(data_dir, analyzer=NameAnalyzer(NAMES))
    with pytest.raises(StoreError):
        core.start()
    assert not core.notes_available
    opened = core.open(article_file)  # still readable, without notes
    assert (opened.document, opened.annotations) == (None, [])
    with pytest.raises(NotesUnavailableError):
        core.add_note(new_annotation(opened.article.text, opened.doc_id, 0, 4, "blue"))
    assert core.corrections(opened.doc_id) == []
    core.set_position(opened.doc_id, 40)
    assert core.visit(opened.article).position == 40  # kept for the session
    assert store_file.read_bytes() == b'{"truncated": '  # never replaced silently

    core.restore_backup()
    assert core.notes_available
    assert [a.note for a in core.notes()] == ["keep me"]
    core.close()
    assert [p.read_bytes() for p in data_dir.glob("library.json.damaged-*")] == [b'{"truncated": ']


def test_batches_are_analysed_in_order_on_the_analysis_lane(data_dir: Path) -> None:
    analyzer = NameAnalyzer(NAMES)
    with Core(data_dir, analyzer=analyzer) as core:
        results = list(core.analyse_texts(["Tallinn.", "Nothing.", "Mira Okonjo and Tallinn."]))
    assert [[a.name for a in r.actors if r.mentions and any(m.actor == a.id for m in r.mentions)]
            for r in results] == [["Tallinn"], [], ["Mira Okonjo", "Tallinn"]]
    assert set(analyzer.threads) == {"reader-analysis-1"}


def test_highlight_helpers_trim_and_name_the_actors_in_a_passage(core: Core, article_file: Path) -> None:
    article = core.load(article_file)
    analysis = core.analyse(article)
    text = article.text
    assert trimmed(text, text.index("told") - 1, text.index(" in Tallinn") + 1) == (
        text.index("told"), text.index(" in Tallinn"))
    assert trimmed(text, 3, 3) == (3, 3)
    assert actors_in(analysis, 0, text.index(" that the quays")) == ["Mira Okonjo", "Harbour Council", "Tallinn"]
    quote = text.index("“We")
    note = new_annotation(text, "/x.txt", quote, quote + 19, "yellow", analysis=analysis,
                          target={"type": "quote", "speaker": "Mira Okonjo"}, extra_actors=["Mira Okonjo"],
                          tags=[" quays", "quays", ""])
    assert note.actors == ["Mira Okonjo"] and note.tags == ["quays"]


def test_the_core_loads_neither_qt_nor_spacy_until_it_analyses() -> None:
    import subprocess
    import sys

    code = ("import sys, tempfile, pathlib\n"
            "from reader.core import Core\n"
            "with Core(pathlib.Path(tempfile.mkdtemp())) as core:\n"
            "    core.start(); core.notes(); core.search('x'); core.analysis_identity()\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'shiboken6', 'spacy', 'thinc'}))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stderr
