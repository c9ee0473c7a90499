"""Cross-validation relearns, without the held-out fold, what the shipped recipe learns from
all of CoNLL train besides the models (the vocabulary of common words and the word lists of
``training/learned_words.py``), and the actor layer reads a fold's lists while it is measured."""

from __future__ import annotations

from types import ModuleType

import pytest
from reader.analysis.actors import build_actors
from reader.analysis.engine import Engine, Parsed, Token
from reader.analysis.gazetteer import lexicon, relearned
from reader.analysis.tagger import Span
from tests.scripts import load_script


@pytest.fixture(scope="module")
def training() -> ModuleType:
    return load_script("training/train_actors.py", "train_actors")


def _document(text: str, names: list[tuple[str, str]]) -> tuple[dict[str, object], Parsed]:
    """A CoNLL-like item with gold ``names`` (each at its first place) and a parse split at spaces."""
    tokens, pos = [], 0
    for word in text.split(" "):
        start = text.index(word, pos)
        tokens.append(Token(start, start + len(word), "NNP" if word[:1].isupper() else "NN", pos == 0))
        pos = start + len(word)
    entities = [{"start": text.index(n), "end": text.index(n) + len(n), "text": n, "label": label}
                for n, label in names]
    return {"id": text[:10], "text": text, "entities": entities}, Parsed(text, tokens, [], [(0, len(text))])


def test_a_fold_learns_its_vocabulary_and_lists_from_the_other_folds_only(training: ModuleType) -> None:
    cup = ("the Harrowgate Cup went to Lise Ormond and the Belvane Cup to Jori Kask , "
           "a quibble , a quibble , a quibble , said Lise Ormond")
    other = "Tomas Reyvik of Dunmore Mills said the harvest was poor , the harvest late , the harvest small"
    documents = [_document(cup, [("Harrowgate Cup", "MISC"), ("Belvane Cup", "MISC"), ("Lise Ormond", "PER"),
                                 ("Jori Kask", "PER")]),
                 _document(other, [("Tomas Reyvik", "PER"), ("Dunmore Mills", "ORG")])]
    corpus = training.Corpus([d[0] for d in documents], [d[1] for d in documents])
    without_cups, without_harvest = training.cv_folds(corpus, 2, [[0], [1]])
    assert without_cups.held == {0} and without_harvest.held == {1}
    assert "quibble" not in without_cups.vocabulary and "harvest" in without_cups.vocabulary
    assert "quibble" in without_harvest.vocabulary and "harvest" not in without_harvest.vocabulary
    assert "Cup" in without_harvest.misc_words and "Cup" not in without_cups.misc_words
    # one name opened by "Lise", "Jori" or "Tomas" is below the shipped bar of three
    assert not without_cups.given_names and not without_harvest.given_names


def test_the_actor_layer_reads_the_relearned_lists_inside_only() -> None:
    text = "Mira Calloway won the Vessentor Prize on Friday in Oslo. The Vessentor Prize jury praised her novel."
    parsed = Engine().parse(text)
    start = text.index("Vessentor Prize")
    spans = [Span(0, 13, "PER"), Span(start, start + 15, "ORG")]
    shipped = lexicon()
    assert "Prize" in shipped.misc_words  # learned from CoNLL's prizes: no actor

    def names() -> list[str]:
        return [a.name for a in build_actors(parsed, spans)[0]]

    assert names() == ["Mira Calloway"]
    with relearned(frozenset({"Cup"}), frozenset()) as fold:
        assert lexicon() is fold and fold.given_names == shipped.given_names
        assert names() == ["Mira Calloway", "Vessentor Prize"]
    assert lexicon() is shipped and names() == ["Mira Calloway"]
