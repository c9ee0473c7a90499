"""The library inside the core: adds on its own lane with every store call on the store lane,
reads, an actor's profile, quotation export, and closing in the middle of an add."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from notes.store import NoteStore
from reader.core import Core
from reader.core.highlights import new_annotation
from reader.core.library_access import QuoteQuery
from reader.document import load
from reader.library import Library, Progress
from reader.library import adding as adding_module
from tests.analyzers import NameAnalyzer
from tests.library_articles import ARTICLES, NAMES, warm_cache, write_articles


@pytest.fixture
def folder(tmp_path: Path, data_dir: Path) -> Path:
    folder = write_articles(tmp_path / "articles")
    warm_cache(data_dir, folder)
    return folder


def make_core(data_dir: Path) -> Core:
    core = Core(data_dir, analyzer=NameAnalyzer(NAMES), library_jobs=0)
    core.start()
    return core


def test_an_add_runs_on_the_adding_lane_and_registers_on_the_store_lane(data_dir: Path, folder: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    writers: set[str] = set()
    put = NoteStore.put_document

    def spy(store: NoteStore, record: object) -> object:
        writers.add(threading.current_thread().name)
        return put(store, record)  # type: ignore[arg-type]

    monkeypatch.setattr(NoteStore, "put_document", spy)
    with make_core(data_dir) as core:
        progress: list[Progress] = []
        report = core.library.adding_lane.submit(core.library.add, [folder], progress=progress.append).result(30)
        assert report.count("added") == len(ARTICLES) and not report.cancelled
        assert writers == {"reader-store-1"}
        assert progress[-1].phase == "done" and progress[-1].total == len(ARTICLES)
        rows = core.library.lane.submit(core.library.articles).result(10)
        assert sorted(Path(r.path).relative_to(folder).as_posix() for r in rows) == sorted(ARTICLES)


def test_an_actors_profile_has_quotations_in_date_order_articles_and_notes(data_dir: Path, folder: Path) -> None:
    with make_core(data_dir) as core:
        core.library.add([folder])
        mara = next(a for a in core.library.actors("mara") if a.name == "Mara Lind")
        article = load(folder / "south" / "bridge.md")
        start = article.text.index("Mara Lind sent")
        core.register(article)
        note = core.add_note(new_annotation(article.text, str(folder / "south" / "bridge.md"), start, start + 9,
                                            "yellow", analysis=core.analyse(article), note="She wrote, not spoke"))
        profile = core.library.profile(mara.id)
        assert profile is not None
        assert [q.date for q in profile.quotes] == ["2024-04-02", "2024-05-11", "2024-06-20"]
        for quote in profile.quotes:
            assert load(quote.path).text[quote.start:quote.end] == quote.text
        assert len(profile.articles) == 4  # the stand-in names everyone everywhere
        assert [(n.annotation.id, n.title) for n in profile.notes] == [(note.id, "The bridge opens")]
        assert core.library.profile("no-such-actor") is None
        berg = core.library.quotes(QuoteQuery(speaker="Tomas Berg", after=None))
        assert [q.date for q in berg] == ["2024-03-15", "2024-05-11"]
        assert core.library.quotes(QuoteQuery("eleven years")) == [berg[1]]


def test_quotations_are_exported_as_markdown_and_csv_in_one_write(data_dir: Path, folder: Path,
                                                                  tmp_path: Path) -> None:
    with make_core(data_dir) as core:
        core.library.add([folder])
        rows = core.library.quotes(QuoteQuery(speaker="Mara Lind"))
        md, csv = tmp_path / "out" / "mara.md", tmp_path / "out" / "mara.csv"
        md.parent.mkdir()
        assert core.library.export_quotes(rows, "markdown", md, "Quotations of Mara Lind") == 3
        assert core.library.export_quotes(rows, "csv", csv, "ignored") == 3
        assert md.read_text(encoding="utf-8").startswith("# Quotations of Mara Lind\n\n3 quotations from 3 articles")
        lines = csv.read_text(encoding="utf-8").splitlines()
        assert lines[0] == "text,speaker,document,title,date,start,end,path" and len(lines) == 4
        assert sorted(p.name for p in md.parent.iterdir()) == ["mara.csv", "mara.md"]  # no temporary files left


def test_closing_the_core_during_an_add_keeps_what_was_done_and_the_next_add_finishes(
        data_dir: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(adding_module, "BATCH_FILES", 1)
    gate, first_done = threading.Event(), threading.Event()
    real_process = adding_module.process
    batches: list[str] = []

    def slow(batch: list, analyzer: object) -> list:
        batches.append(batch[0].path)
        if len(batches) > 1:
            gate.wait(10)  # the second file is "being analysed" when the window closes
        return real_process(batch, analyzer)  # type: ignore[arg-type]

    monkeypatch.setattr(adding_module, "process", slow)
    core = make_core(data_dir)
    running = core.library.adding_lane.submit(
        core.library.add, [folder], progress=lambda p: first_done.set() if p.phase == "analysing" else None)
    assert first_done.wait(20)
    threading.Timer(0.3, gate.set).start()
    core.close()  # returns once the add stopped and kept what came back
    report = running.result(0)
    assert report.cancelled and [f.outcome for f in report.files] == ["added", "added"]
    assert len(batches) == 2  # the third file was never started

    with NoteStore(data_dir / "library.json", read_only=True) as store:
        assert sorted(d.path for d in store.documents()) == sorted(batches)
    with Library(data_dir) as library:
        assert {r.path: r.analysis for r in library.articles()} == dict.fromkeys(batches, "current")

    monkeypatch.setattr(adding_module, "process", real_process)
    with make_core(data_dir) as again:
        report = again.library.add([folder])
        assert sorted(f.outcome for f in report.files) == ["added", "added", "unchanged", "unchanged"]
        assert len(again.library.articles()) == len(ARTICLES)


def test_an_add_asked_for_after_closing_does_not_run(data_dir: Path, folder: Path) -> None:
    core = make_core(data_dir)
    core.close()
    assert core.library.add([folder]).cancelled
    assert not (data_dir / "library-index.sqlite").exists()
