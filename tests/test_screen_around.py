"""The second-stage screening (``benchmarks/actors_around.py``): its baseline is the recipe's
second stage, and the evidence it adds is read at a word's other places only, from common words."""

from __future__ import annotations

from types import ModuleType

import pytest
from reader.analysis.engine import Parsed, Token
from reader.analysis.features import Featurizer, stacked
from reader.analysis.gazetteer import lexicon
from tests.scripts import load_script

COMMON = frozenset({"shares", "of", "rose", "said", "its", "profit", "the", "in"})


@pytest.fixture(scope="module")
def screen() -> ModuleType:
    return load_script("benchmarks/actors_around.py", "actors_around")


def parsed(text: str) -> Parsed:
    """One token per space-separated word; a sentence starts after "." and at a line break."""
    tokens = []
    pos = 0
    first = True
    for line in text.split("\n"):
        for word in line.split(" "):
            start = text.index(word, pos)
            tokens.append(Token(start, start + len(word), "NNP" if word[:1].isupper() else "NN", first))
            first = word == "."
            pos = start + len(word)
        first = True
    return Parsed(text, tokens, [], [(0, len(text))])


DOC = parsed("Shares of Halden rose .\nHalden said its profit rose .\nHalden 12.5 13.0")


def test_around_reads_the_common_words_at_the_other_places_only(screen: ModuleType) -> None:
    view = Featurizer(lexicon(), COMMON).view(DOC)
    found = screen.around(view.words, view.lowers, view.firsts, view.known, 1)
    assert found[2] == ("a+1=said", "a+2=its")  # its own "shares of … rose" left out
    assert found[5] == ("a-2=shares", "a-1=of", "a+1=rose")
    assert found[11] == ("a-2=shares", "a-1=of", "a+1=rose", "a+1=said", "a+2=its")  # the row: no number is read
    assert found[0] == ()  # "Shares" is written once
    twice = Featurizer(lexicon(), COMMON).view(parsed("Halden rose .\nHalden rose .\nHalden fell"))
    found = screen.around(twice.words, twice.lowers, twice.firsts, twice.known, 2)
    assert found[6] == ("a+1=rose",) and found[0] == ()  # with a minimum of two other places


def test_a_row_of_figures_is_a_table_row(screen: ModuleType) -> None:
    assert screen.table_rows(DOC.text, DOC.tokens) == [False] * 11 + [True] * 3


def test_the_shipped_variant_is_the_recipes_second_stage(screen: ModuleType) -> None:
    featurizer = Featurizer(lexicon(), COMMON)
    labels = ["O", "O", "B-ORG", "O", "O", "B-PER"] + ["O"] * 8
    words = [DOC.text[t.start:t.end] for t in DOC.tokens]
    assert screen.Variant("shipped").stage2(featurizer, DOC, labels) == stacked(featurizer.document(DOC), words, labels)
    rows = screen.Variant("around+rows").stage2(featurizer, DOC, labels)
    assert "a+2=its" in rows[11] and "r=row" in rows[11] and "r:P=ORG:only" in rows[11]


def test_around_np_gives_nothing_to_a_word_read_as_a_person_anywhere(screen: ModuleType) -> None:
    featurizer = Featurizer(lexicon(), COMMON)
    labels = ["O", "O", "B-PER", "O", "O", "B-ORG"] + ["O"] * 8
    read = screen.Variant("around-np").stage2(featurizer, DOC, labels)
    assert not any(x.startswith(("a-", "a+")) for f in read for x in f)  # "Halden" was a person once
    labels[2] = "B-ORG"
    assert "a+2=its" in screen.Variant("around-np").stage2(featurizer, DOC, labels)[11]


def test_lines_join_the_labels_to_a_line_that_is_no_prose(screen: ModuleType) -> None:
    featurizer = Featurizer(lexicon(), COMMON)
    labels = ["O", "O", "B-ORG", "O", "O", "B-ORG"] + ["O"] * 8
    read = screen.Variant("lines").stage2(featurizer, DOC, labels)
    assert "l:P!=ORG" in read[11] and "l:p=O" in read[11]  # "Halden 12.5 13.0" is no sentence
    assert not any(x.startswith("l:") for x in read[5])
