"""Search: matching, filters, ranking, incremental updates, snippets, through the store."""

from __future__ import annotations

import math
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from notes.records import Annotation, DocumentRecord, Selector
from notes.search_hit import Hit
from notes.search_version import PREFIX_TERMS
from notes.snippets import SNIPPET_WORDS
from notes.store import NoteStore, search_index_path

NATO = DocumentRecord(id="/news/nato.txt", path="/news/nato.txt", content_id="1", title="NATO summit in Vilnius",
                      date="2023-07-11")
FARM = DocumentRecord(id="/news/farm.txt", path="/news/farm.txt", content_id="2", title="Farmers protest prices",
                      date="2024-02-01")
ACTORS = {NATO.id: ["Jens Stoltenberg", "Zoë Müller"], FARM.id: ["Anna Nowak"]}
"""The articles' actors, as the analysis hands them to the store."""

UNKNOWN = DocumentRecord(id="/news/not-indexed.txt", path="/news/not-indexed.txt", content_id="4")

Make = Callable[..., Annotation]
Build = Callable[..., NoteStore]


@pytest.fixture
def note() -> Make:
    count = iter(range(1000))

    def make(exact: str = "a passage", note: str = "", doc: DocumentRecord = NATO, day: int = 1,
             **fields: object) -> Annotation:
        n = next(count)
        stamp = f"2024-03-{day:02d}T12:00:{n % 60:02d}.000+00:00"
        fields.setdefault("id", f"n{n}")
        return Annotation(document=doc.id, selector=Selector(exact, "", "", 0, len(exact)), note=note,
                          created=stamp, updated=stamp, **fields)  # type: ignore[arg-type]
    return make


@pytest.fixture
def index_of(tmp_path: Path) -> Iterator[Build]:
    """Builds a store in a folder of its own holding these notes and articles."""
    stores: list[NoteStore] = []

    def build(*annotations: Annotation, documents: tuple[DocumentRecord, ...] = (NATO, FARM)) -> NoteStore:
        store = NoteStore(tmp_path / f"store{len(stores)}" / "library.json")
        stores.append(store)
        for doc in documents:
            put_document(store, doc)
        if annotations:
            store.put_many(list(annotations))
        return store

    yield build
    for store in stores:
        store.close()


def put_document(store: NoteStore, doc: DocumentRecord, actors: list[str] | None = None) -> None:
    store.put_document(doc)
    store.set_article_actors(doc.id, ACTORS.get(doc.id, []) if actors is None else actors)


def remove(store: NoteStore, annotation_id: str) -> None:
    if store.get(annotation_id):
        store.delete(annotation_id)


def count(store: NoteStore, sql: str) -> int:
    """A number read from the store's search index file."""
    store.search("")  # caught up
    db = sqlite3.connect(search_index_path(store.path))
    try:
        return int(db.execute(sql).fetchone()[0])
    finally:
        db.close()


def ids(hits: list[Hit]) -> list[str]:
    return [hit.annotation.id for hit in hits]


# -- matching ---------------------------------------------------------------------------

def test_words_are_folded_and_stemmed(note: Make, index_of: Build) -> None:
    a = note(note="Zoë Müller signed the treaty", doc=FARM)
    b = note(note="Negotiations dragged on", doc=FARM)
    index = index_of(a, b)
    assert ids(index.search("ZOE muller")) == [a.id]
    assert ids(index.search("treaties")) == [a.id]
    assert ids(index.search("negotiating")) == [b.id]


def test_plain_words_must_all_match(note: Make, index_of: Build) -> None:
    a = note(note="peace treaty")
    b = note(note="peace at last")
    index = index_of(a, b)
    assert ids(index.search("peace treaty")) == [a.id]
    assert ids(index.search("peace")) and set(ids(index.search("peace"))) == {a.id, b.id}
    assert index.search("peace unicorn") == []


def test_every_field_is_searched(note: Make, index_of: Build) -> None:
    in_note = note(note="ceasefire talks", doc=FARM)
    in_exact = note(exact="The harbour froze", doc=FARM)
    in_tags = note(tags=["Diplomacy"], doc=FARM)
    in_actors = note(actors=["Kwame Okafor"], doc=FARM)
    as_speaker = note(target={"type": "quote", "speaker": "Elif Yilmaz"}, doc=FARM)
    on_actor = note(target={"type": "actor", "actor": "Olaf Petrov"}, doc=FARM)
    in_nato = note()
    index = index_of(in_note, in_exact, in_tags, in_actors, as_speaker, on_actor, in_nato)
    assert ids(index.search("ceasefire")) == [in_note.id]
    assert ids(index.search("harbour")) == [in_exact.id]
    assert ids(index.search("diplomacy")) == [in_tags.id]
    assert ids(index.search("okafor")) == [in_actors.id]
    assert ids(index.search("yilmaz")) == [as_speaker.id]
    assert ids(index.search("petrov")) == [on_actor.id]
    assert ids(index.search("vilnius")) == [in_nato.id]  # article title
    assert ids(index.search("stoltenberg")) == [in_nato.id]  # article actors


def test_phrases_need_consecutive_words(note: Make, index_of: Build) -> None:
    a = note(note="a quiet diplomacy of patience")
    b = note(note="diplomacy is never quiet")
    c = note(tags=["quiet", "diplomacy"])  # one tag ends where the next begins
    index = index_of(a, b, c)
    assert ids(index.search('"quiet diplomacy"')) == [a.id]
    assert ids(index.search("quiet-diplomacy")) == [a.id]  # joined by punctuation: a phrase too
    assert set(ids(index.search("quiet diplomacy"))) == {a.id, b.id, c.id}


def test_a_phrase_met_in_order_only_by_notes_ranked_low_is_found(note: Make, index_of: Build) -> None:
    # The better ranked notes hold both words, out of order: the check reads rows page by page past them.
    decoys = [note(note="diplomacy " * 3 + "is never quiet " * 3) for _ in range(300)]
    wanted = [note(note=f"a long note, {'and on ' * 30}, ends in quiet diplomacy {i}") for i in range(3)]
    index = index_of(*decoys, *wanted)
    assert set(ids(index.search('"quiet diplomacy"', limit=2))) < {a.id for a in wanted}
    assert len(index.search('"quiet diplomacy"', limit=2)) == 2
    assert set(ids(index.search('"quiet diplomacy"'))) == {a.id for a in wanted}


def test_a_phrase_is_found_in_one_field_of_the_note_or_its_article(note: Make, index_of: Build) -> None:
    # The words' counts per field rule notes out before their text is read; what they let through must still match.
    twice = note(note="talks again, again")
    once_each = note(note="again", exact="again")  # the word twice, but once in each of two fields
    apart = note(note="nato", exact="summit talks", doc=FARM)  # both words, in two fields
    in_title = note(note="nothing")  # "NATO summit in Vilnius"
    index = index_of(twice, once_each, apart, in_title)
    assert ids(index.search('"again again"')) == [twice.id]
    assert set(ids(index.search('"nato summit"'))) == {twice.id, once_each.id, in_title.id}
    assert index.search('"summit nato"') == [] and index.search('"nato talks"') == []
    assert set(ids(index.search('-"nato summit"'))) == {apart.id}


def test_a_phrase_reads_no_row_of_a_note_without_its_words_in_one_field(note: Make, index_of: Build) -> None:
    decoys = [note(note="quiet days", exact="diplomacy failed") for _ in range(200)]
    wanted = note(note="quiet diplomacy")
    index = index_of(*decoys, wanted)
    assert ids(index.search('"quiet diplomacy"')) == [wanted.id]
    read = index._searcher()._view._rows  # type: ignore[union-attr]
    assert set(read) and {row[1] for row in read.values()} == {wanted.id}


def test_markdown_marks_do_not_split_phrases(note: Make, index_of: Build) -> None:
    a = note(note="**Peace** [treaty](https://example.org/x) ratified")
    index = index_of(a)
    assert ids(index.search('"peace treaty"')) == [a.id]
    assert index.search("example") == []  # link targets are not words of the note


def test_prefixes_match_words_that_begin_so(note: Make, index_of: Build) -> None:
    a = note(note="Negotiations resumed", doc=FARM)
    b = note(note="The treatment worked", doc=FARM)
    c = note(note="A treaty, then a retreat", doc=FARM)
    d = note(note="Zoë arrived", doc=FARM)
    index = index_of(a, b, c, d)
    assert ids(index.search("negotiat*")) == [a.id]
    assert set(ids(index.search("TREAT*"))) == {b.id, c.id}
    assert ids(index.search("zoe*")) == [d.id]
    assert ids(index.search("treat* retreat")) == [c.id]
    assert index.search("unknownprefix*") == []
    hit, = index.search("retre*")
    assert [hit.snippet[s:e] for s, e in hit.marks] == ["retreat"]


def test_a_prefix_stands_for_its_commonest_words(note: Make, index_of: Build) -> None:
    words = [f"pre{chr(ord('a') + i)}x" for i in range(PREFIX_TERMS + 3)]
    notes = [note(note=word, doc=FARM) for i, word in enumerate(words) for _ in range(i + 1)]
    found = {hit.annotation.note for hit in index_of(*notes).search("pre*", limit=None)}
    assert found == set(words[3:])  # the three rarest words are left out


def test_a_new_word_is_found_by_prefix_after_a_prefix_search(note: Make, index_of: Build) -> None:
    index = index_of(note(note="glacier", doc=FARM))
    assert len(index.search("gla*")) == 1
    index.put_many([note(note="gladiator", doc=FARM)])
    assert len(index.search("gla*")) == 2


# -- filters ----------------------------------------------------------------------------

def test_tag_filter(note: Make, index_of: Build) -> None:
    a = note(tags=["EU/Trade"])
    b = note(tags=["eu"])
    c = note(tags=["#Économie", " ", "/"])
    index = index_of(a, b, c)
    assert count(index, "SELECT count(*) FROM postings WHERE term = '#'") == 0  # no empty tag
    assert ids(index.search('tag:"eu / TRADE"')) == [a.id]
    assert ids(index.search("tag:eu/trade")) == [a.id]
    assert set(ids(index.search("tag:EU"))) == {a.id, b.id}  # a parent tag finds its children
    assert ids(index.search("tag:#economie")) == [c.id]
    assert index.search("tag:trade") == []  # a child name alone is not a tag
    assert index.search("tag:nonexistent") == []
    assert index.search("tag:eu tag:nonexistent") == []


def test_actor_filter(note: Make, index_of: Build) -> None:
    a = note(actors=["Kwame Okafor"], doc=FARM)
    b = note(target={"type": "quote", "speaker": "Kwame Okafor"}, doc=FARM)
    c = note(doc=NATO)
    d = note(actors=["Okafor Group", "Kwame Mensah"], doc=FARM)
    index = index_of(a, b, c, d)
    assert set(ids(index.search('actor:"kwame okafor"'))) == {a.id, b.id}
    assert set(ids(index.search("actor:Okafor"))) == {a.id, b.id, d.id}
    assert ids(index.search("actor:zoe")) == [c.id]  # the article's actors count
    assert index.search('actor:"Mensah Okafor"') == []
    assert index.search('actor:"Group Kwame"') == []  # words of two names are not one name


def test_color_filter(note: Make, index_of: Build) -> None:
    a = note(color="yellow")
    b = note(color="green")
    c = note(color="pink")
    index = index_of(a, b, c)
    assert ids(index.search("color:YELLOW")) == [a.id]
    assert set(ids(index.search("color:yellow colour:green"))) == {a.id, b.id}  # a note has one colour
    assert index.search("color:red") == []


def test_in_filter_looks_for_text_in_the_title(note: Make, index_of: Build) -> None:
    a = note(doc=NATO)
    b = note(doc=FARM)
    untitled = DocumentRecord(id="/x/diary-2024.md", path="/x/diary-2024.md", content_id="3")
    c = note(doc=untitled)
    index = index_of(a, b, c, documents=(NATO, FARM, untitled))
    assert ids(index.search('in:"summit in vil"')) == [a.id]
    assert ids(index.search("in:FARMERS")) == [b.id]
    assert ids(index.search("in:diary")) == [c.id]  # the file name stands in for a title
    assert index.search("in:nowhere") == []


def test_date_filters_are_strict_on_the_created_day(note: Make, index_of: Build) -> None:
    early = note(day=3)
    middle = note(day=5)
    late = note(day=9)
    index = index_of(early, middle, late)
    assert ids(index.search("before:2024-03-05")) == [early.id]
    assert ids(index.search("after:2024-03-05")) == [late.id]
    assert ids(index.search("after:2024-03-02 before:2024-03-09")) == [middle.id, early.id]
    assert index.search("after:2024-03-09") == []


def test_query_with_an_error_matches_nothing(note: Make, index_of: Build) -> None:
    index = index_of(note(note="anything"))
    assert index.search("anything before:2024-02-31") == []


def test_filters_alone_list_newest_first(note: Make, index_of: Build) -> None:
    old = note(day=1, color="blue")
    new = note(day=7, color="blue")
    middle = note(day=4, color="blue")
    other = note(day=9, color="pink")
    index = index_of(old, new, middle, other)
    hits = index.search("color:blue")
    assert ids(hits) == [new.id, middle.id, old.id]
    assert all(hit.score == 0.0 for hit in hits)
    assert ids(index.search("")) == [other.id, new.id, middle.id, old.id]
    assert ids(index.search("", limit=2)) == [other.id, new.id]


def test_limit(note: Make, index_of: Build) -> None:
    index = index_of(*(note(note="common word") for _ in range(80)))
    assert len(index.search("common")) == 50
    assert len(index.search("common", limit=None)) == 80
    assert index.search("common", limit=0) == []


def test_a_minus_leaves_notes_out(note: Make, index_of: Build) -> None:
    a = note(note="peace treaty signed", tags=["eu/trade"], doc=FARM)
    b = note(note="peace talks, then a treaty", tags=["draft"], doc=FARM, color="blue")
    c = note(note="peace at last", doc=FARM, color="blue")
    d = note(note="peace in the harbour", doc=NATO)  # NATO's actors include Zoë Müller
    index = index_of(a, b, c, d)
    assert set(ids(index.search("peace -treaties"))) == {c.id, d.id}
    assert set(ids(index.search('peace -"peace treaty"'))) == {b.id, c.id, d.id}
    assert set(ids(index.search("peace -tag:eu"))) == {b.id, c.id, d.id}  # children of eu too
    assert ids(index.search("color:blue -tag:draft")) == [c.id]
    assert set(ids(index.search("-zoe"))) == {a.id, b.id, c.id}
    assert set(ids(index.search("peace -!!!"))) == {a.id, b.id, c.id, d.id}
    assert index.search("peace -before:2030-01-01") == []


# -- ranking ----------------------------------------------------------------------------

def test_note_and_passage_weigh_more_than_the_title(note: Make, index_of: Build) -> None:
    in_title = note(note="nothing to see", doc=FARM)  # "farmers" is in FARM's title
    in_note = note(note="farmers on the road", doc=NATO)
    in_exact = note(exact="farmers blocked roads", doc=NATO)
    index = index_of(in_title, in_note, in_exact)
    ranked = ids(index.search("farmers"))
    assert ranked.index(in_title.id) == 2


def test_more_occurrences_and_rarer_words_rank_higher(note: Make, index_of: Build) -> None:
    once = note(note="sanctions and a long list of other measures that were discussed today")
    twice = note(note="sanctions, more sanctions and a long list of other measures discussed")
    rare = note(note="blockade sanctions and a long list of other measures that were discussed")
    fillers = [note(note="sanctions were discussed") for _ in range(5)]
    index = index_of(once, twice, rare, *fillers)
    ranked = ids(index.search("sanctions"))
    assert ranked.index(twice.id) < ranked.index(once.id)
    assert ids(index.search("blockade sanctions"))[0] == rare.id
    scores = [hit.score for hit in index.search("sanctions")]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0


def test_scores_are_bm25f(note: Make, index_of: Build) -> None:
    # No article records, so only the note's own fields count.
    a = note(note="grain grain export", exact="alpha beta", doc=UNKNOWN)
    b = note(note="export", exact="alpha", doc=UNKNOWN)
    c = note(note="other words", exact="grain alpha beta", doc=UNKNOWN)
    index = index_of(documents=())
    for n in (a, b, c):
        index.add(n)
    k1, b_, weight = 1.2, 0.75, 2.0  # note and passage both weigh 2
    idf = math.log(1 + (3 - 2 + 0.5) / (2 + 0.5))  # 3 notes, 2 hold "grain"

    def bm25(tf: float) -> float:
        return idf * tf * (k1 + 1) / (k1 + tf)

    average = 2.0  # both fields hold 6 words over 3 notes
    expected = {
        a.id: bm25(weight * 2 / (1 - b_ + b_ * 3 / average)),
        c.id: bm25(weight * 1 / (1 - b_ + b_ * 3 / average)),
    }
    assert {h.annotation.id: h.score for h in index.search("grain")} == pytest.approx(expected)


def test_equal_scores_are_ordered_by_recency(note: Make, index_of: Build) -> None:
    old = note(note="drought", day=2)
    new = note(note="drought", day=8)
    middle = note(note="drought", day=5)
    hits = index_of(old, new, middle).search("drought")
    assert hits[0].score == hits[1].score == hits[2].score
    assert ids(hits) == [new.id, middle.id, old.id]


# -- keeping current ----------------------------------------------------------------------

def test_put_replaces_and_remove_forgets(note: Make, index_of: Build) -> None:
    a = note(note="the first draft", tags=["draft"], color="pink")
    index = index_of(a)
    assert ids(index.search("first")) == [a.id]
    edited = Annotation.from_json({**a.to_json(), "note": "the final version", "tags": ["done"], "color": "blue"})
    index.put_many([edited])
    assert len(index.annotations()) == 1
    assert index.search("first") == [] and index.search("tag:draft") == [] and index.search("color:pink") == []
    assert [hit.annotation for hit in index.search("final tag:done color:blue")] == [edited]
    index.delete(a.id)
    assert len(index.annotations()) == 0 and index.search("final") == [] and index.search("") == []
    assert count(index, "SELECT count(*) FROM notes") == 0  # nothing left behind but the articles' terms
    assert count(index, "SELECT count(*) FROM postings WHERE substr(term, 1, 1) != '^'") == 0


def test_put_document_changes_title_and_actors(note: Make, index_of: Build) -> None:
    a = note(doc=NATO)
    index = index_of(a)
    assert ids(index.search("vilnius")) == [a.id]
    renamed = DocumentRecord.from_json({**NATO.to_json(), "title": "Alliance meets in Madrid"})
    put_document(index, renamed, ["Pedro Silva"])
    assert index.search("vilnius") == [] and index.search("stoltenberg") == []
    assert ids(index.search("madrid")) == [a.id]
    assert ids(index.search('in:madrid actor:"pedro silva"')) == [a.id]
    assert index.search("madrid")[0].document == renamed


def test_a_note_before_its_article_is_found_once_the_article_arrives(note: Make, index_of: Build) -> None:
    a = note(note="harvest", doc=FARM)
    index = index_of(documents=())
    index.add(a)
    hit, = index.search("harvest")
    assert hit.document is None
    assert index.search("farmers") == []
    put_document(index, FARM)
    assert ids(index.search("farmers harvest")) == [a.id]


def test_incremental_updates_rank_like_a_rebuild(note: Make, index_of: Build) -> None:
    notes = [note(note=f"grain {'export ' * (i % 4)}policy {i}", day=1 + i % 9, tags=[f"t{i % 3}"]) for i in range(30)]
    built = index_of(*notes)
    grown = index_of(documents=())
    steps: list[Callable[[], object]] = [lambda: put_document(grown, NATO)]
    steps += [lambda n=n: grown.put_many([n]) for n in reversed(notes)]  # type: ignore[misc]
    steps += [lambda: grown.put_many([note(note="grain to be removed")]), lambda: remove(grown, notes[-1].id),
              lambda: grown.put_many([notes[-1]]), lambda: remove(grown, "n30"), lambda: put_document(grown, FARM)]
    for step in steps:
        step()
        grown.search("grain")  # each change applied to the index on its own
    for query in ("grain", "export policy", "tag:t1 grain", "vilnius export", ""):
        assert [(h.annotation.id, round(h.score, 9)) for h in built.search(query, None)] == \
               [(h.annotation.id, round(h.score, 9)) for h in grown.search(query, None)]


# -- snippets ---------------------------------------------------------------------------

def test_marks_point_at_the_matched_words(note: Make, index_of: Build) -> None:
    a = note(note="Zoë said the treaties were signed, and the Treaty holds.")
    hit, = index_of(a).search("zoe treaty")
    assert hit.snippet == a.note
    assert [hit.snippet[s:e] for s, e in hit.marks] == ["Zoë", "treaties", "Treaty"]
    assert hit.to_json()["snippet"] == "«Zoë» said the «treaties» were signed, and the «Treaty» holds."


def test_long_notes_are_cut_around_the_match(note: Make, index_of: Build) -> None:
    words = [f"word{i}" for i in range(200)]
    words[120] = "glacier"
    a = note(note=" ".join(words))
    hit, = index_of(a).search("glacier")
    assert hit.snippet.startswith("… ") and hit.snippet.endswith(" …")
    assert len(hit.snippet.split()) == SNIPPET_WORDS + 2
    (start, end), = hit.marks
    assert hit.snippet[start:end] == "glacier"
    assert "word116 word117 word118 word119 glacier" in hit.snippet


def test_snippet_shows_the_window_with_the_most_query_words(note: Make, index_of: Build) -> None:
    words = [f"w{i}" for i in range(300)]
    words[20] = "glacier"
    words[200], words[205] = "glacier", "melting"
    hit, = index_of(note(note=" ".join(words), doc=FARM)).search("glacier melt")
    assert [hit.snippet[s:e] for s, e in hit.marks] == ["glacier", "melting"]
    assert hit.snippet.startswith("… w196 ")


def test_snippets_of_huge_notes_stay_quick(note: Make, index_of: Build) -> None:
    index = index_of(note(note="the war " * 20_000, doc=FARM))
    index.search("peace")  # the index is built: what follows times the search and its snippet
    began = time.perf_counter()
    hit, = index.search("war")
    assert time.perf_counter() - began < 5.0  # about 30 ms idle; a quadratic window search takes minutes
    assert len(hit.marks) == SNIPPET_WORDS // 2


def test_snippet_comes_from_the_passage_when_the_note_does_not_match(note: Make, index_of: Build) -> None:
    a = note(exact="The\nglacier   retreated", note="my **thoughts** on it")
    hit, = index_of(a).search("glacier")
    assert hit.snippet == "The glacier retreated"
    assert hit.marks == [(4, 11)]
    hit, = index_of(a).search("thoughts")
    assert hit.snippet == "my thoughts on it"  # plain text: no Markdown marks
    hit, = index_of(a).search("")
    assert hit.snippet == "my thoughts on it" and hit.marks == []


def test_hit_json(note: Make, index_of: Build) -> None:
    a = note(exact="Troops moved east", note="border *movements*", tags=["war"])
    hit, = index_of(a).search("movement")
    assert hit.to_json() == {
        "id": a.id, "document": NATO.id, "exact": "Troops moved east", "note": "border *movements*",
        "tags": ["war"], "score": round(hit.score, 4), "snippet": "border «movements»", "matched": ["note"],
    }


def test_a_phrase_is_marked_where_its_words_stand_in_order(note: Make, index_of: Build) -> None:
    a = note(note="Diplomacy, quiet at first; then quiet diplomacy won. Quiet   Diplomacy!")
    hit, = index_of(a).search('"quiet diplomacy" won')
    assert [hit.snippet[s:e] for s, e in hit.marks] == ["quiet diplomacy", "won", "Quiet Diplomacy"]
    assert hit.to_json()["snippet"].endswith("«quiet diplomacy» «won». «Quiet Diplomacy»!")  # white space collapsed


def test_each_hit_says_which_fields_matched(note: Make, index_of: Build) -> None:
    a = note(note="treaty talks", exact="the treaty text", tags=["treaty"], actors=["Anna Nowak"], doc=FARM)
    b = note(note="nothing here", doc=FARM)
    index = index_of(a, b)
    assert index.search("treaty")[0].matched == ("note", "passage", "tags")
    assert {h.annotation.id: h.matched for h in index.search("farmers")} == {a.id: ("title",), b.id: ("title",)}
    assert {h.annotation.id: h.matched for h in index.search("nowak")} == \
        {a.id: ("actors", "article actors"), b.id: ("article actors",)}
    assert index.search('actor:"anna nowak" tag:treaty in:protest')[0].matched == \
        ("tags", "actors", "title", "article actors")
    assert index.search("color:yellow")[0].matched == ()
