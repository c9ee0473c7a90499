"""The evidence the actor tagger sees: kinds of line, particles, document evidence, stacking."""

from __future__ import annotations

from reader.analysis.engine import Entity, Parsed, Token
from reader.analysis.features import STACKED_BASE, Featurizer, Stacked, sentences, stacked
from reader.analysis.lines import line_kind
from reader.analysis.gazetteer import lexicon

VOCABULARY = frozenset({"votes", "ban", "storm", "leaves", "power", "council", "approved", "resolution", "harvest"})


def parsed(text: str, *entities: tuple[str, str]) -> Parsed:
    tokens = []
    pos = 0
    first = True
    for word in text.replace("\n", " \n ").split(" "):
        if not word:
            pos += 1
            continue
        if word == "\n":
            pos += 1
            first = True
            continue
        start = text.index(word, pos)
        tokens.append(Token(start, start + len(word), "NNP" if word[:1].isupper() else "NN", first))
        first = word == "."
        pos = start + len(word)
    ents = [Entity(text.index(s), text.index(s) + len(s), label) for s, label in entities]
    return Parsed(text, tokens, ents, [(0, len(text))])


def test_kinds_of_line() -> None:
    assert line_kind("STORM LEAVES THOUSANDS WITHOUT POWER", VOCABULARY) == "upper"
    assert line_kind("Storm Leaves Thousands Without Power", VOCABULARY) == "title"
    assert line_kind("Harvest", VOCABULARY) == "title"
    assert line_kind("Halden Votes To Ban Cars.", VOCABULARY) == "title"  # common words capitalised
    assert line_kind("The Halden City Council approved a resolution on Monday.", VOCABULARY) == "body"
    assert line_kind("Anna Berg met Peter Holm in Oslo.", VOCABULARY) == "body"  # names only: a sentence


def test_particles_bridge_or_lead_into_a_name() -> None:
    doc = parsed("Ursula von der Leyen spoke . Later , von der Leyen left .")
    features = Featurizer(lexicon(), VOCABULARY).document(doc)
    words = [doc.text[t.start:t.end] for t in doc.tokens]
    marks = {(w, i): [f for f in fs if "particle" in f] for i, (w, fs) in enumerate(zip(words, features))}
    assert marks[("von", 1)] == ["L=particle:bridge"] and marks[("Leyen", 3)] == ["L-1=particle:bridge"]
    assert marks[("Ursula", 0)] == ["L+1=particle"]
    assert marks[("von", 8)] == ["L=particle:lead"] and marks[("Leyen", 10)] == ["L-1=particle:lead"]


def test_document_evidence_sees_other_spellings_and_labels() -> None:
    doc = parsed("Harvest\nThe harvest was late , Okoro said . Later Okoro left .", ("Okoro", "PERSON"))
    features = Featurizer(lexicon(), VOCABULARY).document(doc)
    assert "d=lower" in features[0]  # "Harvest" in the heading, "harvest" in the text
    okoro = [f for t, f in zip(doc.tokens, features) if doc.text[t.start:t.end] == "Okoro"]
    assert "d=e!:O" in okoro[0] and "d=e!:PERSON" in okoro[1]  # each sees the other's spaCy label


def test_the_second_stage_keeps_only_its_base_features_and_sees_the_others_labels() -> None:
    doc = parsed("Peter Blackburn wrote . Blackburn said so .", ("Peter Blackburn", "PERSON"))
    featurizer = Featurizer(lexicon(), VOCABULARY)
    view = featurizer.view(doc)
    full = featurizer.document(doc)
    kept = [[f for f in fs if f.startswith(STACKED_BASE)] for fs in full]
    assert featurizer.base_features(view, 0, len(full)) == kept
    labels = ["B-PER", "I-PER", "O", "O", "B-ORG", "O", "O", "O"]
    second = stacked(full, view.words, labels)
    assert "P=PER:last" in second[4] and "P!=PER" in second[4] and "p=B-ORG" in second[4]
    assert Stacked(view.words, labels).features(featurizer.base_features(view, 4, 5), 4) == [second[4]]


def test_sentences_are_cut_at_line_breaks() -> None:
    doc = parsed("Storm Leaves\nA storm came .")
    assert [(s.first, s.last) for s in sentences(doc)] == [(0, 2), (2, 6)]


def test_a_documents_features_do_not_depend_on_the_documents_before_it() -> None:
    """A word's shape, word feature and list flags are remembered from one document to the next,
    and its document evidence once per word and label within a document: nothing of one
    document may reach the next ("okoro" in lower case there is no "d=lower" here)."""
    before = parsed("Later Okoro left . The okoro was red .")
    doc = parsed("Later Okoro left . Okoro met Minister Holm .", ("Holm", "PERSON"))
    fresh = Featurizer(lexicon(), VOCABULARY).document(doc)
    used = Featurizer(lexicon(), VOCABULARY)
    assert "d=lower" in used.document(before)[1]
    assert used.document(doc) == fresh
    assert "d=lower" not in fresh[1] and "d=capmid" not in fresh[1]  # its only other mid-sentence use is its own
