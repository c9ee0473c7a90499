"""The library API end to end, in process: add, list, actors, quotations, corrections, notes, files that change."""

from __future__ import annotations

import dataclasses
import os
import shutil
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from notes.records import Annotation, Correction, Selector
from notes.store import NoteStore
from reader.document import load
from reader.library import Library, Progress


def add(data: Path, *paths: Path, **kwargs: object) -> tuple[Library, dict[str, str]]:
    library = Library(data)
    report = library.add(list(paths), jobs=0, **kwargs)  # type: ignore[arg-type]
    return library, {Path(f.path).name: f.outcome for f in report.files}


def test_three_ways_of_naming_one_person_make_one_actor_with_three_articles(data: Path, articles: Path,
                                                                            texts: dict[str, str]) -> None:
    library, outcomes = add(data, articles)
    assert outcomes == dict.fromkeys(texts, "added")
    varga = library.actors("maria varga")
    assert [(a.name, a.kind, a.articles) for a in varga] == [("Maria Varga", "person", 3)]
    quotes = library.quotes(speaker="Maria Varga")
    assert {Path(q.path).name for q in quotes} == {"budget.txt", "plan.txt", "talks.md"}
    assert [q.date for q in quotes] == ["2024-03-04", "2024-03-05", "2024-03-07"]
    for q in quotes:  # each quotation stands where it says in its article's text
        assert load(q.path).text[q.start:q.end] == q.text
    library.close()


def test_a_namesake_in_another_article_stays_another_actor(data: Path, articles: Path) -> None:
    library, _ = add(data, articles)
    names = {a.name: a for a in library.actors("varga")}
    assert set(names) == {"Maria Varga", "Tomas Varga"}
    assert names["Tomas Varga"].articles == 1
    assert [Path(q.path).name for q in library.quotes(speaker="Tomas Varga")] == ["farmers.html"]
    assert len(library.quotes(speaker="Varga")) == 4  # a bare surname asks for every Varga
    library.close()


def test_adding_again_reads_nothing_and_analyses_nothing(data: Path, articles: Path, texts: dict[str, str]) -> None:
    library, _ = add(data, articles)
    report = library.add([articles], jobs=0)
    assert [f.outcome for f in report.files] == ["unchanged"] * len(texts) and report.analysed == 0
    library.close()


def test_the_articles_are_registered_in_the_note_store_as_added_not_opened(data: Path, articles: Path,
                                                                           texts: dict[str, str]) -> None:
    add(data, articles)[0].close()
    with NoteStore(data / "library.json", read_only=True) as store:
        docs = {Path(d.path).name: d for d in store.documents()}
    assert set(docs) == set(texts)
    assert docs["budget.txt"].title == "Budget talks stall in Vienna" and docs["budget.txt"].date == "2024-03-04"
    assert all(d.last_opened == "" for d in docs.values())


def test_listing_shows_counts_and_status(data: Path, articles: Path) -> None:
    library, _ = add(data, articles)
    rows = {Path(r.path).name: r for r in library.articles()}
    assert rows["budget.txt"].quotes == 2 and rows["budget.txt"].actors == 3 and rows["budget.txt"].status == "ok"
    assert {r.analysis for r in rows.values()} == {"current"}
    (articles / "plan.txt").unlink()
    (articles / "talks.md").write_text("date 2024-03-07\n\nThe talks were cancelled.\n", encoding="utf-8")
    rows = {Path(r.path).name: r for r in library.articles()}
    assert rows["plan.txt"].status == "missing" and rows["talks.md"].status == "changed"
    assert rows["budget.txt"].status == "ok"
    library.close()


def test_a_changed_file_is_analysed_again_and_its_notes_re_anchored(data: Path, articles: Path,
                                                                     texts: dict[str, str]) -> None:
    library, _ = add(data, articles)
    path = articles / "budget.txt"
    text = load(path).text
    start = text.index("Peter Novak")
    with NoteStore(data / "library.json") as store:
        note = store.add(Annotation(document=str(path.resolve()),
                                    selector=Selector.from_text(text, start, start + len("Peter Novak"))))
    path.write_text(texts["budget.txt"].replace("The budget", "Late on Sunday, the budget"), encoding="utf-8")
    report = library.add([path], jobs=0)
    assert [(f.outcome, f.analysed) for f in report.files] == [("changed", True)]
    with NoteStore(data / "library.json", read_only=True) as store:
        moved = store.get(note.id)
        new_text = load(path).text
        assert moved is not None and new_text[moved.selector.start:moved.selector.end] == "Peter Novak"
        assert store.document(str(path.resolve())).content_id == load(path).content_id  # type: ignore[union-attr]
    assert {r.status for r in library.articles()} == {"ok"}
    library.close()


def test_a_moved_folder_is_followed_by_content_with_its_notes(data: Path, articles: Path, tmp_path: Path,
                                                              texts: dict[str, str]) -> None:
    library, _ = add(data, articles)
    old = str((articles / "plan.txt").resolve())
    with NoteStore(data / "library.json") as store:
        note = store.add(Annotation(document=old, selector=Selector.from_text(load(old).text, 0, 10)))
    moved = tmp_path / "archive"
    shutil.move(articles, moved)
    assert {r.status for r in library.articles()} == {"missing"}
    report = library.add([moved], jobs=0)
    assert {f.outcome for f in report.files} == {"moved"} and report.analysed == 0
    with NoteStore(data / "library.json", read_only=True) as store:
        assert store.get(note.id).document == str((moved / "plan.txt").resolve())  # type: ignore[union-attr]
        assert store.document(old) is None
    assert {r.status for r in library.articles()} == {"ok"} and len(library.articles()) == len(texts)
    library.close()


def test_bad_files_are_refused_one_by_one_and_a_file_that_vanishes_mid_run_too(data: Path, articles: Path,
                                                                                texts: dict[str, str]) -> None:
    (articles / "noise.txt").write_bytes(os.urandom(4000) + b"\0")
    (articles / "empty.md").write_bytes(b"")
    (articles / "zz-gone.txt").write_text("Soon there will be nothing here.", encoding="utf-8")
    (articles / "photo.jpg").write_bytes(b"\xff\xd8\xff" + os.urandom(100))  # not an article suffix: passed over

    def vanish(progress: Progress) -> None:
        if progress.phase == "scanning":
            (articles / "zz-gone.txt").unlink()

    library, outcomes = add(data, articles, progress=vanish)
    assert outcomes == {**dict.fromkeys(texts, "added"), "noise.txt": "refused", "empty.md": "refused",
                        "zz-gone.txt": "refused"}
    reasons = {Path(f.path).name: f.reason for f in library.add([articles], jobs=0).files if f.reason}
    assert "binary" in reasons["noise.txt"] and "empty" in reasons["empty.md"]
    assert len(library.articles()) == len(texts)
    library.close()


def test_named_paths_that_do_not_exist_are_refused(data: Path, tmp_path: Path) -> None:
    library = Library(data)
    report = library.add([tmp_path / "nowhere"], jobs=0)
    assert [(f.outcome, f.reason) for f in report.files] == [("refused", "no such file or folder")]
    library.close()


def test_cancelling_keeps_what_was_done_and_the_next_run_finishes(
        data: Path, tmp_path: Path, texts: dict[str, str], writer: Callable[[Path, dict[str, str]], Path]) -> None:
    many = {f"{i:02d}-{name}": text for i in range(8) for name, text in texts.items()}
    folder = writer(tmp_path / "many", many)
    cancel = threading.Event()

    def stop_after_first_batch(progress: Progress) -> None:
        if progress.phase == "analysing":
            cancel.set()

    library = Library(data)
    from reader.library import adding

    original = adding.BATCH_FILES
    adding.BATCH_FILES = 4
    try:
        first = library.add([folder], jobs=0, progress=stop_after_first_batch, cancel=cancel)
    finally:
        adding.BATCH_FILES = original
    assert first.cancelled and 0 < len(first.files) < len(many)
    assert len(library.articles()) == len(first.files)
    second = library.add([folder], jobs=0)
    assert not second.cancelled and second.count("unchanged") == len(first.files)
    assert second.count("added") == len(many) - len(first.files)
    assert library.actors("maria varga")[0].articles == 3 * 8
    library.close()


def test_corrections_for_every_article_are_honoured_without_analysing_again(data: Path, articles: Path) -> None:
    library, _ = add(data, articles)
    with NoteStore(data / "library.json") as store:
        store.add_correction(Correction("rename", "Maria Varga", "Chancellor Maria Varga"))
        store.add_correction(Correction("merge", "Karl Huber", "Peter Novak"))
        store.add_correction(Correction("hide", "Graz"))
        store.add_correction(Correction("kind", "Green Party", "place"))
        store.add_correction(Correction("hide", "Vienna", document=str((articles / "plan.txt").resolve())))
    actors = {a.name: a for a in library.actors()}
    assert actors["Chancellor Maria Varga"].articles == 3 and "Maria Varga" in actors["Chancellor Maria Varga"].aliases
    assert actors["Peter Novak"].articles == 2 and actors["Peter Novak"].quotes == 2 and "Karl Huber" not in actors
    assert "Graz" not in actors and actors["Green Party"].kind == "place" and "Vienna" in actors
    assert {q.speaker for q in library.quotes(speaker="Peter Novak")} == {"Peter Novak"}
    assert len(library.quotes(speaker="Chancellor Maria Varga")) == 3
    library.close()


def test_notes_count_for_their_article_and_for_the_actors_they_name(data: Path, articles: Path) -> None:
    library, _ = add(data, articles)
    doc = str((articles / "plan.txt").resolve())
    text = load(doc).text
    with NoteStore(data / "library.json") as store:
        store.add(Annotation(document=doc, selector=Selector.from_text(text, 0, 10), actors=["Varga"],
                             tags=["pensions", "austria"]))
        on_quote = store.add(Annotation(document=doc, selector=Selector.from_text(text, 20, 30),
                                        target={"type": "quote", "speaker": "Maria Varga"}, tags=["pensions"]))
    varga = library.actors("maria varga")[0]
    assert varga.notes == 2 and on_quote.id in library.actor_notes(varga.id)
    assert library.actors("tomas")[0].notes == 0  # "Varga" in plan.txt is Maria, not every Varga
    plan = {Path(r.path).name: r for r in library.articles()}["plan.txt"]
    assert plan.notes == 2 and plan.tags == ["pensions", "austria"]
    assert [Path(r.path).name for r in library.actor_articles(varga.id)] == ["budget.txt", "plan.txt", "talks.md"]
    library.close()


def test_quotations_are_searched_by_words_phrases_prefixes_and_dates(data: Path, articles: Path) -> None:
    library, _ = add(data, articles)

    def said(text: str = "", **kwargs: object) -> list[str]:
        return [q.text.strip("\u201c\u201d,.") for q in library.quotes(text, **kwargs)]  # type: ignore[arg-type]

    assert said("PENSION") == ["Nobody will lose their pension"]
    assert said("pension*") == ["This plan protects pensions and it protects jobs", "Nobody will lose their pension"]
    assert said('"protects jobs"') == ["This plan protects pensions and it protects jobs"]
    assert said('"jobs protects"') == []
    assert said("will not") == ["We will not sign this agreement"]
    assert said('NOT OR "') == []  # FTS syntax in the words is only words
    assert said(after=date(2024, 3, 5), before=date(2024, 3, 8)) == ["Nobody will lose their pension",
                                                                     "We will hold her to it"]
    assert said("agreement", speaker="Tomas Varga") == []
    library.close()


def test_deleting_the_index_loses_nothing(data: Path, articles: Path) -> None:
    library, _ = add(data, articles)
    with NoteStore(data / "library.json") as store:
        store.add_correction(Correction("rename", "Peter Novak", "Petr Novák"))
    before = (library.actors(), library.quotes(), library.articles())
    library.close()
    for leftover in data.glob("library-index.sqlite*"):
        leftover.unlink()
    again = Library(data)
    assert (again.actors(), again.quotes(), again.articles()) == before
    again.close()


def test_a_damaged_index_is_rebuilt(data: Path, articles: Path) -> None:
    library, _ = add(data, articles)
    before = library.actors()
    library.close()
    index = data / "library-index.sqlite"
    for leftover in data.glob("library-index.sqlite-*"):
        leftover.unlink()
    index.write_bytes(b"SQLite format 3\0" + os.urandom(3000))
    again = Library(data)
    assert again.actors() == before
    again.close()


def test_a_new_index_waits_for_another_opener_instead_of_failing(tmp_path: Path) -> None:
    """The window prepares the library while an add starts, and both may make the index at
    once. SQLite refuses the switch to WAL at once (no busy wait) while the other connection
    holds its write lock in the old journal mode: the add then failed before it began."""
    import sqlite3

    from reader.library.index import LibraryIndex

    path = tmp_path / "library-index.sqlite"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another opener, half way through making the file
    release = threading.Timer(0.3, lambda: other.execute("ROLLBACK"))
    release.start()
    try:
        with LibraryIndex(path) as index:
            assert index.meta("derived") is None  # opened, with its tables made
    finally:
        release.join()
        other.close()


def test_articles_opened_in_the_window_belong_to_the_library(data: Path, articles: Path) -> None:
    from reader.analysis.pipeline import Analyzer

    path = articles / "plan.txt"
    article = load(path)
    Analyzer(None, data / "cache").analyze(article.text)  # what opening it does: the analysis is cached
    with NoteStore(data / "library.json") as store:
        store.touch_document(str(path), article.content_id, article.title, article.date, text=article.text)
    library = Library(data)
    assert [(Path(r.path).name, r.quotes, r.analysis) for r in library.articles()] == [("plan.txt", 1, "current")]
    assert library.actors("varga")[0].articles == 1
    library.close()


def test_after_an_update_of_reader_old_analyses_serve_until_update_analyses_them(
        data: Path, articles: Path, texts: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.analysis import fingerprint, pipeline

    library, _ = add(data, articles)
    library.close()
    for module in (fingerprint, pipeline):  # a newer Reader: another analysis fingerprint
        monkeypatch.setattr(module, "code_fingerprint", lambda: "0123456789abcdef")
    newer = Library(data)
    assert newer.unanalysed() == len(texts)
    assert {r.analysis for r in newer.articles()} == {"outdated"}
    assert newer.actors("maria varga")[0].articles == 3  # still answering, from the older analyses
    report = newer.update(jobs=0)
    assert report.count("unchanged") == len(texts) and report.analysed == len(texts)
    assert newer.unanalysed() == 0 and {r.analysis for r in newer.articles()} == {"current"}
    assert newer.actors("maria varga")[0].articles == 3
    newer.close()


def test_the_store_record_is_followed_without_losing_the_analysis(data: Path, articles: Path) -> None:
    library, _ = add(data, articles)
    doc = str((articles / "plan.txt").resolve())
    with NoteStore(data / "library.json") as store:
        record = store.document(doc)
        assert record is not None
        store.put_document(dataclasses.replace(record, title="Varga's plan"))
    row = {Path(r.path).name: r for r in library.articles()}["plan.txt"]
    assert (row.title, row.quotes, row.status) == ("Varga's plan", 1, "ok")
    assert [q.title for q in library.quotes(speaker="Maria Varga") if q.document == doc] == ["Varga's plan"]
    assert library.actors("maria varga")[0].articles == 3
    library.close()


def test_an_owner_of_the_store_gets_every_store_call_on_its_own_thread(
        data: Path, articles: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import notes.store
    from concurrent.futures import ThreadPoolExecutor

    threads: set[str] = set()
    with ThreadPoolExecutor(1, thread_name_prefix="store-lane") as lane, NoteStore(data / "library.json") as store:
        def access(work: Callable[[NoteStore], object]) -> object:
            def run() -> object:
                threads.add(threading.current_thread().name)
                return work(store)
            return lane.submit(run).result()

        def no_second_store(*args: object, **kwargs: object) -> None:
            raise AssertionError("the library opened the store itself")

        monkeypatch.setattr(notes.store, "NoteStore", no_second_store)
        library = Library(data, store=access)  # type: ignore[arg-type]
        assert {f.outcome for f in library.add([articles], jobs=0).files} == {"added"}
        assert library.actors("maria varga")[0].articles == 3 and len(library.articles()) == 4
        library.close()
    assert threads == {"store-lane_0"}


def test_an_article_opened_before_its_analysis_was_cached_gets_it_once_cached(data: Path, articles: Path) -> None:
    """Seen in the window: the library followed the record of the article opened first while it was
    still being analysed, and listed it with no actors or quotations until its record changed again."""
    path = articles / "plan.txt"
    article = load(path)
    analysed = data.parent / "analysed"
    (data / "cache").rename(analysed)  # not analysed yet
    with NoteStore(data / "library.json") as store:
        store.touch_document(str(path), article.content_id, article.title, article.date, text=article.text)
    library = Library(data)
    assert [(Path(r.path).name, r.quotes) for r in library.articles()] == [("plan.txt", 0)]
    assert library.actors("varga") == []
    shutil.rmtree(data / "cache", ignore_errors=True)
    analysed.rename(data / "cache")  # the window's analysis arrives; the store's record stays as it was
    library.refresh()
    assert [(Path(r.path).name, r.quotes, r.analysis) for r in library.articles()] == [("plan.txt", 1, "current")]
    assert library.actors("varga")[0].articles == 1
    library.refresh()  # nothing waits any more: the index is left as it is
    assert library.actors("varga")[0].articles == 1
    library.close()
