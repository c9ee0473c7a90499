"""Screen spaCy's contextual token vectors as evidence of the actor tagger's first stage; prints JSON.

    python benchmarks/actors_dense.py [--rounds 2] [--variant shipped] [--variant clusters:128]…

``en_core_web_sm`` computes, once per document, a 96-float vector for every token (its
``tok2vec``, which the tagger and recogniser read): the word's shape, prefix, suffix and
normalised form seen in a window of its neighbours. It might tell an unseen company from
an unseen person where the word lists and spellings cannot. Each variant adds, to the
shipped features:

- ``dense``: the token's 96 values as real-valued CRFsuite attributes;
- ``clusters:K``: the token's nearest of K centroids (spherical k-means on the
  capitalised tokens of the train split, seed fixed: ``train_actors.fit_codebook``) and
  its neighbours', as words;
- ``own:K``: only a capitalised token's own centroid;
- ``doc-clusters:K`` (the family shipped, ``cluster`` of :mod:`reader.analysis.features`):
  ``clusters:K``, and the nearest centroid to the mean vector of the
  same word at its other places in the document.

Each row cross-validates the first stage alone on ``--rounds`` of the 5 folds of the
CoNLL train split, like ``benchmarks/actors_regularisation.py``: Reader's typed F1
(tagger and actor layer, the shared scorer) on the held-out documents, all and general
news and organisations in general news, and the first fold's model on the modern checks
(``training/modern.py``). ``shipped`` is the baseline of the same run: the features
without the ``cluster`` family, as shipped before it. Needs ``../shared``
beside the checkout and the ``train`` extra (numpy for the k-means).
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

from reader.analysis.clusters import token_vectors  # noqa: E402
from reader.analysis.engine import Parsed  # noqa: E402
from reader.analysis.features import DocumentView, Featurizer  # noqa: E402
from reader.analysis.gazetteer import lexicon  # noqa: E402
from reader.analysis.tagger import to_spans  # noqa: E402


def vectors_of(parsed: Parsed) -> Any:
    """The document's token vectors as one float32 array (a row per token)."""
    vectors = token_vectors(parsed, 96)
    return vectors if vectors is not None else np.zeros((len(parsed.tokens), 96), dtype=np.float32)


class VectorFeaturizer(Featurizer):
    """The shipped features without clusters, and one screened variant's vector evidence
    (the variant kept, ``doc-clusters``, is :class:`Featurizer` with a codebook)."""

    def __init__(self, base: Featurizer, mode: str, centroids: Any = None) -> None:
        super().__init__(base.lex, base.vocabulary, base.off)
        self.mode = mode
        self.centroids = centroids
        self._ids: list[int] = []
        self._vectors: Any = None

    def view(self, parsed: Parsed) -> DocumentView:
        vectors = vectors_of(parsed)
        self._vectors = vectors
        if self.centroids is not None:
            self._ids = (vectors @ self.centroids.T).argmax(1).tolist()
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
        return out


def measure(args: argparse.Namespace) -> dict[str, Any]:
    train = training.load(args.train, args.cache)
    vocab = training.vocabulary(train)
    checks = training.ModernChecks(args.cache, vocab)
    shipped = Featurizer(lexicon(), vocab)
    parts = training.folds(len(train.parsed), 5)[:args.rounds]
    work = args.cache / "dense"
    work.mkdir(parents=True, exist_ok=True)
    rows: dict[str, Any] = {}
    for variant in args.variant or ["shipped", "clusters:128", "dense"]:
        started = time.monotonic()
        mode, _, k = variant.partition(":")
        codebook = training.fit_codebook(train, int(k)) if k else None
        featurizer = shipped
        if mode == "doc-clusters":
            featurizer = Featurizer(lexicon(), vocab, (), codebook)
        elif mode != "shipped":
            featurizer = VectorFeaturizer(shipped, mode, codebook.centroids if codebook else None)
        features = training.featurize(featurizer, train)
        stem = work / variant.replace(":", "-")
        predicted, checked = training.screen_folds(featurizer, features, train, parts, checks, stem)
        spans = {d: to_spans(train.parsed[d], labels) for d, labels in predicted.items()}
        reader = training.pipeline_f1(train, spans)
        rows[variant] = {"cv_all": reader["all"], "cv_general": reader["general"],
                         "cv_general_org": reader["general/ORG"], "cv_org": reader["all/ORG"],
                         "modern": checked["modern"]["all"], "modern_org": checked["modern"].get("all/ORG"),
                         "polnear_train_person": checked["polnear_train"]["person"],
                         "polnear_dev_person": checked["polnear_dev"]["person"],
                         "model_bytes": (work / f"{stem.name}-fold0.crfsuite").stat().st_size,
                         "seconds": round(time.monotonic() - started)}
        print(variant, rows[variant], file=sys.stderr)
    return {"rounds": len(parts), "measured_on_docs": sum(map(len, parts)), "rows": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=training.TRAIN)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/reader-actors-training"))
    parser.add_argument("--rounds", type=int, default=2, help="how many of the 5 folds to hold out in turn")
    parser.add_argument("--variant", action="append",
                        help="shipped, dense, clusters:K, own:K or doc-clusters:K (repeatable; default: three)")
    print(json.dumps(measure(parser.parse_args()), indent=1))


if __name__ == "__main__":
    main()
