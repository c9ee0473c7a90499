"""An index kept current change by change answers exactly as one built from scratch, and a
query looks only at the notes its words or filters name."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from notes import search_version
from notes.records import Annotation, DocumentRecord, Selector
from notes.search import SearchIndex
from notes.store import NoteStore, search_index_path

WORDS = ["treaty", "treaties", "Zoë", "zoe", "harbour", "blockade", "peace", "talks", "**peace**", "grain"]
QUERIES = ["treaty", "zoe harbour", '"peace talks"', "tag:war", "tag:eu", "color:green", "in:summit", "actor:zoe",
           "grain*", "before:2024-03-05", "", "peace tag:eu/trade", "peace -tag:war", '-zoe -"peace talks"']
DOCS = ["/a.txt", "/b.txt", "/c.txt"]


def _note(key: int, words: list[str], tags: list[str], color: str, doc: int, day: int) -> Annotation:
    stamp = f"2024-03-{day:02d}T10:00:00.000+00:00"
    return Annotation(document=DOCS[doc], selector=Selector(" ".join(reversed(words)), "", "", 0, 1),
                      note=" ".join(words), tags=tags, color=color, id=f"k{key}", created=stamp, updated=stamp)


notes = st.builds(
    _note, st.integers(0, 5), st.lists(st.sampled_from(WORDS), max_size=6),
    st.lists(st.sampled_from(["war", "eu", "eu/trade", "EU"]), max_size=2, unique=True),
    st.sampled_from(["yellow", "green"]), st.integers(0, 2), st.integers(1, 9),
)
documents = st.tuples(
    st.builds(DocumentRecord, id=st.sampled_from(DOCS), path=st.just("/x.txt"), content_id=st.just("0"),
              title=st.sampled_from(["", "NATO summit", "Grain talks", "Harbour of Zoë"]),
              last_opened=st.just("2024-01-01T00:00:00+00:00")),
    st.lists(st.sampled_from(["Zoë Müller", "Jens Stoltenberg"]), max_size=2),
)
operations = st.lists(st.one_of(
    st.tuples(st.just("put"), notes),
    st.tuples(st.just("remove"), st.integers(0, 5)),
    st.tuples(st.just("document"), documents),
    st.tuples(st.just("compact"), st.none()),
), max_size=25)


def _answers(index: NoteStore | SearchIndex) -> list[list[tuple[Any, ...]]]:
    return [[(h.annotation.id, round(h.score, 9), h.snippet, h.marks, h.matched) for h in index.search(q, limit=None)]
            for q in QUERIES]


@settings(max_examples=60, deadline=None)
@given(operations)
def test_incremental_updates_answer_like_a_rebuild(tmp_path_factory: pytest.TempPathFactory,
                                                   ops: list[tuple[str, Any]]) -> None:
    path = tmp_path_factory.mktemp("incremental") / "library.json"
    with NoteStore(path) as store:
        store.search("")  # the file exists from here on, and follows each change below
        for op, value in ops:
            if op == "put":
                store.put_many([value])
            elif op == "remove" and store.get(f"k{value}"):
                store.delete(f"k{value}")
            elif op == "document":
                store.put_document(value[0])
                store.set_article_actors(value[0].id, value[1])
            elif op == "compact":
                store.compact()
            store.search("treaty")
        fresh = SearchIndex(None, store.changes_since)  # built in memory from every record at once
        for doc, names in _article_actors(path).items():  # handed over as the analysis would
            fresh.set_article_actors(doc, names)
        assert _answers(store) == _answers(fresh)
        fresh.close()


def _article_actors(store_path: Path) -> dict[str, list[str]]:
    db = sqlite3.connect(search_index_path(store_path))
    try:
        return {doc: json.loads(names) for doc, names in db.execute("SELECT doc, names FROM article_actors")}
    finally:
        db.close()


def test_a_query_reads_only_the_notes_it_matches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    filler = [Annotation(document="/a.txt", selector=Selector("common words here", "", "", 0, 1),
                         note=f"ordinary note number {i}", tags=["misc"], id=f"f{i}") for i in range(3000)]
    rare = [Annotation(document="/a.txt", selector=Selector("a glacier", "", "", 0, 1), note="glacier", tags=["ice"],
                       id=f"r{i}") for i in range(3)]
    with NoteStore(tmp_path / "library.json") as store:
        store.put_many(filler + rare)
        store.search("")
        looked: list[int] = []
        read, scores = search_version.IndexVersion._read, search_version.IndexVersion._scores
        monkeypatch.setattr(search_version.IndexVersion, "_read", lambda view, slots: looked.extend(slots) or read(view, slots))
        monkeypatch.setattr(search_version.IndexVersion, "_scores",
                            lambda view, slots, f: looked.extend(slots) or scores(view, slots, f))  # type: ignore[func-returns-value]
        for query in ("glacier", "tag:ice", '"a glacier"', "glacier tag:misc", "tag:nothing"):
            looked.clear()
            hits = store.search(query)
            assert {h.annotation.id for h in hits} <= {"r0", "r1", "r2"}
            assert len(looked) <= 40, query  # a few looks per matching note, not 3,000
