"""The scorer of ``benchmarks/actors_joins.py``: pairwise and B-cubed figures of Reader's
actors against gold entities, and the splits and merges it lists."""

from __future__ import annotations

from types import ModuleType

import pytest
from tests.scripts import load_script

TRUMP, BIDEN = ("donald trump", "PER"), ("joe biden", "PER")


@pytest.fixture(scope="module")
def joins() -> ModuleType:
    return load_script("benchmarks/actors_joins.py", "actors_joins")


def test_one_actor_per_entity_scores_full(joins: ModuleType) -> None:
    figures = joins.summary(joins.tally([(TRUMP, "a1"), (TRUMP, "a1"), (BIDEN, "a2")]))
    assert figures["pairwise"] == {"p": 100.0, "r": 100.0, "f1": 100.0}
    assert figures["b3"]["f1"] == 100.0
    assert (figures["split"], figures["merged"], figures["entities"], figures["mentions"]) == (0, 0, 2, 3)


def test_a_split_entity_loses_recall_only(joins: ModuleType) -> None:
    t = joins.tally([(TRUMP, "a1"), (TRUMP, "a1"), (TRUMP, "a2")])
    assert (t.gold_pairs, t.found_pairs, t.right_pairs, t.split, t.merged) == (3, 1, 1, 1, 0)
    figures = joins.summary(t)
    assert figures["pairwise"]["p"] == 100.0 and figures["pairwise"]["r"] == 33.3
    assert figures["b3"]["p"] == 100.0 and figures["b3"]["r"] == round(100 * (2 / 3 * 2 + 1 / 3) / 3, 1)


def test_a_merge_loses_precision_only(joins: ModuleType) -> None:
    t = joins.tally([(TRUMP, "a1"), (BIDEN, "a1")])
    assert (t.gold_pairs, t.found_pairs, t.right_pairs, t.split, t.merged) == (0, 1, 0, 0, 1)
    figures = joins.summary(t)
    assert figures["pairwise"]["p"] == 0.0 and figures["pairwise"]["r"] == 100.0
    assert figures["b3"] == {"p": 50.0, "r": 100.0, "f1": 66.7}


def test_texts_add_up_before_the_figures(joins: ModuleType) -> None:
    total = joins.Tally()
    total.add(joins.tally([(TRUMP, "a1"), (TRUMP, "a1")]))
    total.add(joins.tally([(TRUMP, "a1"), (TRUMP, "a2")]))
    assert joins.summary(total)["pairwise"] == {"p": 100.0, "r": 50.0, "f1": 66.7}


def test_only_gold_actor_mentions_found_with_the_exact_span_count(joins: ModuleType) -> None:
    item = {"id": "t", "text": "Donald Trump met Trump in Ohio.",
            "entities": [{"start": 0, "end": 12, "label": "PER", "text": "Donald Trump", "entity": "Donald Trump"},
                         {"start": 17, "end": 22, "label": "PER", "text": "Trump", "entity": "Donald Trump"},
                         {"start": 26, "end": 30, "label": "LOC", "text": "Ohio", "entity": "Ohio"}]}
    found = {(0, 12): "a1", (17, 22): "a2", (26, 29): "a3"}
    assert joins.pairing(item, found) == [(TRUMP, "a1"), (TRUMP, "a2")]
    [error] = joins.errors(item, found, {"a1": "Donald Trump", "a2": "Trump", "a3": "Ohi"})
    assert error == {"id": "t", "error": "split", "entity": "donald trump|PER",
                     "actors": {"Donald Trump (a1)": ["Donald Trump"], "Trump (a2)": ["Trump"]}}


def test_actors_sharing_a_name_are_told_apart(joins: ModuleType) -> None:
    item = {"id": "t", "text": "Clinton and Clinton",
            "entities": [{"start": 0, "end": 7, "label": "PER", "text": "Clinton", "entity": "Hillary Clinton"},
                         {"start": 12, "end": 19, "label": "PER", "text": "Clinton", "entity": "Hillary Clinton"}]}
    [error] = joins.errors(item, {(0, 7): "a1", (12, 19): "a2"}, {"a1": "Clinton", "a2": "Clinton"})
    assert error["actors"] == {"Clinton (a1)": ["Clinton"], "Clinton (a2)": ["Clinton"]}


def test_a_merge_names_the_entities_it_holds(joins: ModuleType) -> None:
    item = {"id": "t", "text": "Ford and Bill Ford",
            "entities": [{"start": 0, "end": 4, "label": "ORG", "text": "Ford", "entity": "Ford"},
                         {"start": 9, "end": 18, "label": "PER", "text": "Bill Ford", "entity": "Bill Ford"}]}
    [error] = joins.errors(item, {(0, 4): "a1", (9, 18): "a1"}, {"a1": "Bill Ford"})
    assert error["error"] == "merged" and error["actor"] == "Bill Ford (a1)"
    assert error["entities"] == {"ford|ORG": ["Ford"], "bill ford|PER": ["Bill Ford"]}
