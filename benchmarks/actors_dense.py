"""Screen spaCy's contextual token vectors as evidence of the actor tagger's first stage; prints JSON.

    python benchmarks/actors_dense.py [--rounds 2] [--variant shipped] [--variant doc-clusters:128]…

``en_core_web_sm`` computes, once per document, a 96-float vector for every token (its
``tok2vec``, which its tagger and recogniser read): the word's shape, prefix, suffix and
normalised form seen in a window of its neighbours. It might tell an unseen company from
an unseen person where the word lists and spellings cannot. Each variant adds, to the
shipped features:

- ``dense``: the token's 96 values as real-valued CRFsuite attributes;
- ``clusters:K``: the token's nearest of K centroids (spherical k-means on the vectors of
  the capitalised tokens of the train split, a sample of FIT_TOKENS, seed fixed) and its
  neighbours', as words;
- ``own:K``: only a capitalised token's own centroid;
- ``doc-clusters:K``: ``clusters:K``, and the centroid nearest to the mean vector of the
  same capitalised word at its other places in the document.

Each row cross-validates the first stage alone on ``--rounds`` of the 5 folds of the
CoNLL train split, like ``benchmarks/actors_regularisation.py``: Reader's typed F1
(tagger and actor layer, the shared scorer) on the held-out documents, all and general
news, organisations in general news and in all, and the first fold's model on the modern
checks (``training/modern.py``). ``shipped`` is the baseline of the same run. The parses
keep the vectors (``Engine(vectors=True)``), cached in ``--cache`` apart from the others.
Needs ``../shared`` beside the checkout; 3 to 11 minutes a row on 2 shared cores.
None of these ships: ``resources/models/actors/MODEL.md`` has the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "training"))

import train_actors as training  # noqa: E402
from spherical import spherical_kmeans, unit  # noqa: E402

from reader.analysis.engine import Parsed  # noqa: E402
from reader.analysis.features import DocumentView, Featurizer  # noqa: E402
from reader.analysis.gazetteer import lexicon  # noqa: E402

SEED = 13
FIT_TOKENS = 100_000
"""At most this many capitalised training tokens fit the centroids."""


def vectors_of(parsed: Parsed) -> Any:
    """The document's token vectors as one float32 array of unit rows (a row per token)."""
    vectors = np.concatenate(parsed.vectors).astype(np.float32) if parsed.vectors else np.zeros((0, 96))
    if len(vectors) != len(parsed.tokens):
        raise ValueError("a parse without its token vectors: made by an engine without vectors=True")
    return unit(vectors)


def capitals(parsed: Parsed) -> Any:
    return np.array([parsed.text[t.start:t.start + 1].isupper() for t in parsed.tokens], dtype=bool)


def fit_centroids(corpus: training.Corpus, k: int, iterations: int = 25) -> Any:
    """Spherical k-means over the vectors of the capitalised tokens of ``corpus``: the tokens
    that can be names, so the centroids tell their kinds apart."""
    data = np.concatenate([vectors_of(p)[capitals(p)] for p in corpus.parsed if p.tokens])
    rng = np.random.default_rng(SEED)
    if len(data) > FIT_TOKENS:
        data = data[rng.choice(len(data), FIT_TOKENS, replace=False)]
    return spherical_kmeans(data, k, rng, iterations)[0]


def document_codes(parsed: Parsed, vectors: Any, centroids: Any) -> list[int]:
    """For each capitalised word met more than once, the centroid nearest to the mean of its
    vectors at its *other* places in the document; -1 elsewhere."""
    index: dict[str, int] = {}
    words = [parsed.text[t.start:t.end] for t in parsed.tokens]
    word_of = np.array([index.setdefault(w.lower(), len(index)) if w[:1].isupper() else -1 for w in words])
    capital = word_of >= 0
    sums = np.zeros((len(index), vectors.shape[1]), dtype=np.float32)
    np.add.at(sums, word_of[capital], vectors[capital])
    counts = np.bincount(word_of[capital], minlength=len(index))
    again = capital & (counts[np.maximum(word_of, 0)] >= 2)
    out = np.full(len(words), -1)
    if again.any():
        out[again] = ((sums[word_of[again]] - vectors[again]) @ centroids.T).argmax(1)
    return list(out.tolist())


class VectorFeaturizer(Featurizer):
    """The shipped features and one variant's vector evidence (screening only)."""

    def __init__(self, base: Featurizer, mode: str, centroids: Any = None) -> None:
        super().__init__(base.lex, base.vocabulary, base.off)
        self.mode = mode
        self.centroids = centroids
        self._vectors: Any = None
        self._ids: list[int] = []
        self._doc_ids: list[int] = []

    def view(self, parsed: Parsed) -> DocumentView:
        self._vectors = vectors_of(parsed)
        if self.centroids is not None and len(self._vectors):
            self._ids = (self._vectors @ self.centroids.T).argmax(1).tolist()
            if self.mode == "doc-clusters":
                self._doc_ids = document_codes(parsed, self._vectors, self.centroids)
        return super().view(parsed)

    def features(self, view: DocumentView, first: int, last: int) -> Any:
        out: list[Any] = super().features(view, first, last)
        if self.mode == "dense":
            dense = []
            for i, f in zip(range(first, last), out):
                d: dict[str, float] = {}
                for name in f:
                    d[name] = d.get(name, 0.0) + 1.0
                d.update((f"v{j}", x) for j, x in enumerate(self._vectors[i].tolist()))
                dense.append(d)
            return dense
        ids, n = self._ids, len(self._ids)
        for i, f in zip(range(first, last), out):
            if self.mode == "own":
                if view.words[i][:1].isupper():
                    f.append(f"c={ids[i]}")
                continue
            f += [f"c={ids[i]}", f"c-1={ids[i - 1] if i else '^'}", f"c+1={ids[i + 1] if i + 1 < n else '$'}"]
            if self.mode == "doc-clusters" and self._doc_ids[i] >= 0:
                f.append(f"C={self._doc_ids[i]}")
        return out


def measure(args: argparse.Namespace) -> dict[str, Any]:
    train = training.load(args.train, args.cache, vectors=True)
    vocab = training.vocabulary(train.parsed)
    checks = training.ModernChecks(args.cache, vocab, vectors=True)
    shipped = Featurizer(lexicon(), vocab)
    parts = training.folds(len(train.parsed), 5)[:args.rounds]
    work = args.cache / "dense"
    work.mkdir(parents=True, exist_ok=True)
    rows: dict[str, Any] = {}
    for variant in args.variant or ["shipped", "clusters:128", "dense", "doc-clusters:128"]:
        started = time.monotonic()
        mode, _, k = variant.partition(":")
        featurizer = shipped
        if mode != "shipped":
            featurizer = VectorFeaturizer(shipped, mode, fit_centroids(train, int(k)) if k else None)
        rows[variant] = training.screening_row(featurizer, train, parts, checks,
                                               work / variant.replace(":", "-"), started)
        print(variant, rows[variant], file=sys.stderr)
    return {"rounds": len(parts), "measured_on_docs": sum(map(len, parts)), "rows": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=training.TRAIN)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/reader-actors-training"))
    parser.add_argument("--rounds", type=int, default=2, help="how many of the 5 folds to hold out in turn")
    parser.add_argument("--variant", action="append",
                        help="shipped, dense, clusters:K, own:K or doc-clusters:K (repeatable; default: four)")
    print(json.dumps(measure(parser.parse_args()), indent=1))


if __name__ == "__main__":
    main()
