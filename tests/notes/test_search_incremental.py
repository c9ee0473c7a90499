"""An index kept current note by note answers exactly as one built from scratch, and a
query looks only at the notes its words or filters name."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from notes.records import Annotation, DocumentRecord, Selector
from notes.search import SearchIndex

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
documents = st.builds(
    DocumentRecord, id=st.sampled_from(DOCS), path=st.just("/x.txt"), content_id=st.just("0"),
    title=st.sampled_from(["", "NATO summit", "Grain talks", "Harbour of Zoë"]),
    actors=st.lists(st.sampled_from(["Zoë Müller", "Jens Stoltenberg"]), max_size=2),
)
operations = st.lists(st.one_of(
    st.tuples(st.just("put"), notes),
    st.tuples(st.just("remove"), st.integers(0, 5)),
    st.tuples(st.just("document"), documents),
), max_size=25)


def _answers(index: SearchIndex) -> list[list[tuple[str, float, str, list[tuple[int, int]]]]]:
    return [[(h.annotation.id, round(h.score, 9), h.snippet, h.marks) for h in index.search(q, limit=None)]
            for q in QUERIES]


@settings(max_examples=60, deadline=None)
@given(operations)
def test_incremental_updates_answer_like_a_rebuild(ops: list[tuple[str, Any]]) -> None:
    index = SearchIndex()
    current: dict[str, Annotation] = {}
    docs: dict[str, DocumentRecord] = {}
    for op, value in ops:
        if op == "put":
            index.put(value)
            current[value.id] = value
        elif op == "remove":
            index.remove(f"k{value}")
            current.pop(f"k{value}", None)
        else:
            index.put_document(value)
            docs[value.id] = value
    fresh = SearchIndex()
    fresh.rebuild(current.values(), docs.values())
    assert len(index) == len(current)
    assert _answers(index) == _answers(fresh)


class _CountingDict(dict):  # type: ignore[type-arg]
    """Counts lookups, to see how many notes a query looked at."""

    reads = 0

    def __getitem__(self, key: object) -> object:
        _CountingDict.reads += 1
        return super().__getitem__(key)

    def get(self, key: object, default: object = None) -> object:
        _CountingDict.reads += 1
        return super().get(key, default)


def test_a_query_reads_only_the_notes_it_matches() -> None:
    index = SearchIndex()
    filler = [Annotation(document="/a.txt", selector=Selector("common words here", "", "", 0, 1),
                         note=f"ordinary note number {i}", tags=["misc"], id=f"f{i}") for i in range(3000)]
    rare = [Annotation(document="/a.txt", selector=Selector("a glacier", "", "", 0, 1), note="glacier", tags=["ice"],
                       id=f"r{i}") for i in range(3)]
    index.rebuild(filler + rare, [])
    index._entries = _CountingDict(index._entries)
    index._recency = _CountingDict(index._recency)
    for query in ("glacier", "tag:ice", '"a glacier"', "glacier tag:misc", "tag:nothing"):
        _CountingDict.reads = 0
        hits = index.search(query)
        assert {h.annotation.id for h in hits} <= {"r0", "r1", "r2"}
        assert _CountingDict.reads <= 40, query  # a few looks per matching note, not 3,000
