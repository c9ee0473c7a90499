"""Issue 7's acceptance: planted notes among 2,000 generated ones are found exactly."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType

import pytest
from notes.markdown_export import to_markdown
from notes.records import Annotation, DocumentRecord, Selector
from notes.store import NoteStore
from tests.scripts import load_script


def _generator() -> ModuleType:
    """The benchmark's generator, so the test and the figures use the same kind of notes."""
    return load_script("benchmarks/search.py", "search_benchmark")


def _plant(doc: DocumentRecord, key: str, exact: str, note: str, tags: list[str]) -> Annotation:
    stamp = "2024-05-02T09:30:00.000+00:00"
    return Annotation(document=doc.id, selector=Selector(exact, "", "", 0, len(exact)), note=note, tags=tags,
                      id=f"planted-{key}", created=stamp, updated=stamp)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[
        tuple[list[Annotation], list[DocumentRecord], dict[str, Annotation], NoteStore]]:
    generated, documents, actors = _generator().generate(2000, 60, seed=3)
    doc = documents[0]
    planted = {a.id: a for a in [
        # Both words are common in the generated notes, but never one right after the other.
        _plant(doc, "phrase-1", "Navies enforced the harbour blockade for a month.", "Recall the harbour blockade.",
               []),
        _plant(doc, "phrase-2", "A harbour blockade, again.", "", ["history"]),
        _plant(doc, "tag-1", "The lighthouse keeper kept a log.", "", ["lighthouse-log"]),
        _plant(doc, "tag-2", "Ships were counted twice a day.", "Numbers of ships.", ["lighthouse-log", "numbers"]),
        _plant(doc, "tag-3", "Fog horns sounded.", "", ["Lighthouse-Log"]),
        _plant(doc, "folded-1", "Björk and Zoë toured the FJORDS.", "Mañana, said the guide.", ["politics"]),
        _plant(doc, "folded-2", "bjork, zoe: fjord", "manana", ["Politics/EU"]),
    ]}
    decoys = [
        _plant(doc, "decoy-1", "The blockade of the harbour was lifted.", "", []),  # not consecutive
        _plant(doc, "decoy-2", "Björk and Zoë toured the fjords.", "Mañana.", ["economy"]),  # other tag
    ]
    annotations = generated + list(planted.values()) + decoys
    with NoteStore(tmp_path_factory.mktemp("acceptance") / "library.json") as index:
        for document in documents:
            index.put_document(document)
            index.set_article_actors(document.id, actors[document.id])
        index.put_many(annotations)
        yield annotations, documents, planted, index


def _found(index: NoteStore, query: str) -> set[str]:
    return {hit.annotation.id for hit in index.search(query, limit=None)}


def test_phrase_query_finds_exactly_the_planted_notes(corpus) -> None:  # type: ignore[no-untyped-def]
    _, _, _, index = corpus
    assert _found(index, '"harbour blockade"') == {"planted-phrase-1", "planted-phrase-2"}
    # Generated notes and a decoy hold both words apart, so the phrase did the work.
    apart = _found(index, "harbour blockade") - {"planted-phrase-1", "planted-phrase-2"}
    assert "planted-decoy-1" in apart and any(found.startswith("gen") for found in apart)


def test_tag_query_finds_exactly_the_planted_notes(corpus) -> None:  # type: ignore[no-untyped-def]
    _, _, _, index = corpus
    assert _found(index, "tag:lighthouse-log") == {"planted-tag-1", "planted-tag-2", "planted-tag-3"}


def test_folded_words_and_a_tag_find_exactly_the_planted_notes(corpus) -> None:  # type: ignore[no-untyped-def]
    _, _, _, index = corpus
    assert _found(index, "BJÖRK zoe fjord manana tag:politics") == {"planted-folded-1", "planted-folded-2"}
    assert "planted-decoy-2" in _found(index, "bjork zoe fjord manana")  # the tag did the work


def test_unknown_tag_returns_nothing(corpus) -> None:  # type: ignore[no-untyped-def]
    _, _, _, index = corpus
    assert index.search("tag:no-such-tag") == []
    assert index.search("harbour tag:no-such-tag") == []


def test_markdown_export_contains_every_planted_note(corpus) -> None:  # type: ignore[no-untyped-def]
    annotations, documents, planted, _ = corpus
    page = to_markdown(annotations, documents)
    assert page.startswith(f"# Notes from Reader\n\n{len(annotations)} passages from ")
    for annotation in planted.values():
        if annotation.note:
            assert f"\n{annotation.note}\n" in page
        assert annotation.selector.exact.split()[-1].rstrip(".") in page
