"""New highlights: whole words, and one highlight for overlapping ones of a colour (issue 12, item 8),
with undo; searches that cannot be understood say why (item 17); the first screen of a long
article analysed first (item 5)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.analysis.model import Actor, Analysis, Mention, Reference
from reader.core import Core, QueryError
from reader.core.parts import PART_MIN_CHARS, part_around, shifted
from reader.core.highlights import actors_in, joins, merged, new_annotation, snapped
from reader.document import parse
from tests.analyzers import NameAnalyzer

TEXT = "President Putin's envoy met state-run media in Kyiv on Friday. Critics called it theatre."


@pytest.mark.parametrize("selected, expected", [
    ("ident Pu", "President Putin's"),  # starts and ends inside words: both widened
    ("utin's en", "Putin's envoy"),
    ("tate-ru", "state-run"),
    (" Kyiv ", "Kyiv"),  # white space trimmed, whole words kept
    ("on Friday.", "on Friday."),
    ("y. Cri", "Friday. Critics"),
])
def test_a_selection_snaps_to_whole_words(selected: str, expected: str) -> None:
    start = TEXT.index(selected)
    s, e = snapped(TEXT, start, start + len(selected))
    assert TEXT[s:e] == expected


def note(start: str, end: str, color: str = "yellow", **fields: object):
    s, e = TEXT.index(start), TEXT.index(end) + len(end)
    return new_annotation(TEXT, "/a.txt", s, e, color, **fields)  # type: ignore[arg-type]


def test_same_coloured_overlaps_join_and_keep_notes_tags_and_the_oldest_id() -> None:
    old = note("Putin's", "envoy", note="who?", tags=["russia"])
    other = note("Kyiv", "Friday", note="where", tags=["ukraine"])
    new = note("envoy", "Kyiv", tags=["russia", "media"])
    assert joins(new, old) and joins(new, other)
    assert not joins(note("envoy", "Kyiv", color="green"), old)  # another colour stays apart
    assert not joins(note("Critics", "theatre"), old)  # no overlap
    assert not joins(note("envoy", "Kyiv", target={"type": "actor", "actor": "Putin"}), old)
    one = merged(TEXT, new, [old, other])
    assert one.id == old.id and one.created == old.created
    assert one.selector.exact == "Putin's envoy met state-run media in Kyiv on Friday"
    assert one.note == "who?\n\nwhere" and one.tags == ["russia", "media", "ukraine"]


@pytest.fixture
def core(data_dir: Path) -> Iterator[Core]:
    with Core(data_dir, analyzer=NameAnalyzer({"Putin": "person", "Kyiv": "place"})) as started:
        started.start()
        yield started


def test_add_highlight_merges_in_the_store_and_revert_brings_the_old_ones_back(core: Core, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    opened = core.open(path)
    doc = opened.doc_id
    assert doc is not None
    text = opened.article.text

    def at(start: str, end: str, color: str = "yellow", **fields: object):
        s, e = text.index(start), text.index(end) + len(end)
        return new_annotation(text, doc, s, e, color, **fields)  # type: ignore[arg-type]

    first = core.add_highlight(at("Putin's", "envoy", note="who?"), text)
    assert first.replaced == () and core.notes(doc) == [first.saved]
    green = core.add_highlight(at("media", "Kyiv", "green"), text)
    joined = core.add_highlight(at("envoy", "state-run"), text)
    assert [old.id for old in joined.replaced] == [first.saved.id]
    assert joined.saved.id == first.saved.id and joined.saved.selector.exact == "Putin's envoy met state-run"
    assert {n.id for n in core.notes(doc)} == {first.saved.id, green.saved.id}  # the green one stays apart
    restored = core.revert_highlight(joined)
    assert restored == [first.saved]
    assert sorted(n.selector.exact for n in core.notes(doc)) == ["Putin's envoy", "media in Kyiv"]


def test_a_search_it_cannot_understand_says_why(core: Core) -> None:
    with pytest.raises(QueryError, match="before: needs a date as YYYY-MM-DD, not '2024-13-01'"):
        core.search("treaty before:2024-13-01")
    assert core.search("treaty before:2024-12-01") == []


def test_the_first_analysis_covers_whole_paragraphs_around_the_screen(data_dir: Path) -> None:
    paragraph = "Putin spoke in Kyiv about the weather and the harvest and the roads. " * 8
    text = "\n\n".join([paragraph.strip()] * (PART_MIN_CHARS // len(paragraph) + 40))
    article = parse(text, "txt")
    position = len(text) // 2
    start, end = part_around(article, position)
    assert start <= position - 1000 < position + 10_000 <= end
    assert start == 0 or text[start - 2:start] == "\n\n"
    assert end == len(text) or text[end:end + 2] == "\n\n"
    with Core(data_dir, analyzer=NameAnalyzer({"Putin": "person", "Kyiv": "place"})) as core:
        core.start()
        part = core.analyse_part(article, position)
        assert part is not None and part.mentions
        assert all(start <= m.start and m.end <= end for m in part.mentions)
        assert all(text[m.start:m.end] in ("Putin", "Kyiv") for m in part.mentions)  # in the article's offsets
        assert core.analyse_part(parse("Putin in Kyiv.", "txt"), 0) is None  # short: analysed whole at once
    part.references.append(Reference(part.mentions[0].start, part.mentions[0].end, part.mentions[0].actor))
    moved = shifted(part, 5)
    assert [m.start for m in moved.mentions] == [m.start + 5 for m in part.mentions]
    assert [(r.start, r.end) for r in moved.references] == [(r.start + 5, r.end + 5) for r in part.references]


def test_no_first_analysis_when_the_whole_one_is_in_the_cache(data_dir: Path) -> None:
    class Cached(NameAnalyzer):
        def is_cached(self, text: str) -> bool:
            return True

    text = "\n\n".join(["Putin spoke in Kyiv about the weather and the harvest."] * (PART_MIN_CHARS // 50 + 10))
    with Core(data_dir, analyzer=Cached({"Putin": "person"})) as core:
        core.start()
        assert core.analyse_part(parse(text, "txt"), 0) is None


def test_a_passage_names_the_actor_its_role_phrase_refers_to() -> None:
    text = "Maria Duarte landed in Oslo. Later the UN chief spoke."
    analysis = Analysis(actors=[Actor("a1", "Maria Duarte", "person"), Actor("a2", "Oslo", "place")],
                        mentions=[Mention(0, 12, "a1"), Mention(23, 27, "a2")],
                        references=[Reference(35, 47, "a1")])
    # A note on the second sentence is found by actor:"Maria Duarte" though it holds no name of hers.
    assert actors_in(analysis, text.index("Later"), len(text)) == ["Maria Duarte"]
    assert actors_in(analysis, 0, len(text)) == ["Maria Duarte", "Oslo"]
