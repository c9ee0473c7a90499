"""Across the library an actor's mentions count its role phrases too, as the window counts them."""

from __future__ import annotations

import json

from notes.records import Correction
from reader.analysis.model import Actor, Analysis, Mention, Reference
from reader.library.derive import derive
from reader.library.index import IndexedArticle


def article(doc: str) -> IndexedArticle:
    analysis = Analysis(
        actors=[Actor("a1", "Maria Duarte", "person", "UN Secretary-General", ["Duarte"]),
                Actor("a2", "Duarte Foundation", "organization")],
        mentions=[Mention(0, 12, "a1"), Mention(40, 46, "a1"), Mention(60, 78, "a2")],
        references=[Reference(90, 102, "a1")])
    return IndexedArticle(doc, f"/{doc}.txt", doc, None, "x", analysis=json.dumps(analysis.to_json()),
                          quote_texts="[]")


def mentions(derived) -> dict[str, int]:
    return {e.name: e.mentions for e in derived.entities}


def test_role_phrases_count_as_mentions_of_their_actor() -> None:
    assert mentions(derive([article("d1")], [])) == {"Maria Duarte": 3, "Duarte Foundation": 1}


def test_a_merge_takes_the_role_phrases_along() -> None:
    merge = Correction("merge", "Duarte Foundation", "Maria Duarte", document="d1")
    assert mentions(derive([article("d1")], [merge])) == {"Maria Duarte": 4}
