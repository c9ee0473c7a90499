"""Token vectors read as centroids: the token's own code and the same word's elsewhere."""

from __future__ import annotations

import numpy as np
import pytest

from reader.analysis.clusters import Codebook, token_vectors
from reader.analysis.engine import Parsed, Token
from reader.analysis.features import Featurizer
from reader.analysis.gazetteer import lexicon

WORDS = ["Varga", "met", "Varga", "and", "Holm"]
CENTROIDS = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0]], dtype=np.float32)


def parsed(vectors: list[list[float]]) -> Parsed:
    text = " ".join(WORDS)
    tokens, pos = [], 0
    for word in WORDS:
        tokens.append(Token(pos, pos + len(word), "NNP" if word[:1].isupper() else "VBD", pos == 0))
        pos += len(word) + 1
    chunks = [np.array(vectors[:2], dtype=np.float16), np.array(vectors[2:], dtype=np.float16)]
    return Parsed(text, tokens, [], [(0, len(text))], chunks)


def test_each_token_gets_the_centroid_nearest_in_angle_and_a_repeated_word_its_other_places() -> None:
    doc = parsed([[3, 0.5], [0.1, 2], [-1, 0.2], [-0.2, -3], [1, 0.9]])
    own, others = Codebook(CENTROIDS).codes(doc, WORDS) or ([], [])
    assert own == [0, 1, 2, 2, 0]
    # the first "Varga" sees the second (code 2) and the second the first (code 0); "Holm" is alone
    assert others == [2, -1, 0, -1, -1]


def test_a_record_without_vectors_is_tagged_without_them_and_a_wrong_one_refused() -> None:
    doc = parsed([[1, 0]] * 5)
    bare = Parsed(doc.text, doc.tokens, [], doc.sentences)
    assert token_vectors(bare, 2) is None and Codebook(CENTROIDS).codes(bare, WORDS) is None
    features = Featurizer(lexicon(), frozenset(), (), Codebook(CENTROIDS)).document(bare)
    assert not any(f.startswith(("c=", "C=")) for fs in features for f in fs)
    short = Parsed(doc.text, doc.tokens, [], doc.sentences, doc.vectors[:1])
    with pytest.raises(ValueError):
        Codebook(CENTROIDS).codes(short, WORDS)


def test_the_cluster_family_names_the_codes_of_the_token_and_its_neighbours(tmp_path) -> None:
    path = tmp_path / "centroids.npy"
    Codebook(CENTROIDS).save(path)
    doc = parsed([[3, 0.5], [0.1, 2], [-1, 0.2], [-0.2, -3], [1, 0.9]])
    features = Featurizer(lexicon(), frozenset(), (), Codebook.load(path)).document(doc)
    assert {"c=0", "c-1=^", "c+1=1", "C=2"} <= set(features[0])
    assert {"c=2", "c-1=1", "c+1=2", "C=0"} <= set(features[2])
    assert not any(f.startswith("C=") for f in features[4])
    off = Featurizer(lexicon(), frozenset(), ("cluster",), Codebook(CENTROIDS)).document(doc)
    assert not any(f.startswith(("c=", "C=")) for fs in off for f in fs)
