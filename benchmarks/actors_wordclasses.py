"""Screen word classes learned from unlabelled text as evidence of the actor tagger's first stage; prints JSON.

    python benchmarks/actors_wordclasses.py [--rounds 2] [--variant shipped] [--variant classes:256]…

A word's neighbours say what kind of word it is: "Halden" written after "shares in" and
before "said its profit" is used as the companies are, wherever it is met. Each word written
at least MIN_COUNT times (as written, case kept) gets a class: the positive pointwise mutual
information of the word with the lower-case words one and two places before and after it
(each place its own context; context counts smoothed), reduced by a truncated SVD and
grouped by spherical k-means (seed fixed). No label is read: the text is the PolNeAR train
articles and the CoNLL train documents outside the screened folds, so no held-out
document's words shape a class.

Each variant adds, to the shipped features:

- ``classes:K``: the class of the token (as written) and of its neighbours, K classes;
- ``own:K``: only the token's own class.

With ``--polnear-only`` the classes are learned from the PolNeAR articles alone, so they hold
no name of CoNLL's 1996.

Each row cross-validates the first stage alone on ``--rounds`` of the 5 folds of the
CoNLL train split, as ``benchmarks/actors_dense.py`` does: Reader's typed F1 (tagger and
actor layer, the shared scorer) on the held-out documents, all and general news,
organisations in general news and in all, and the first fold's model on the modern checks
(``training/modern.py``). ``shipped`` is the baseline of the same run. Needs ``../shared``
beside the checkout; parses are cached in ``--cache``. Nothing of it ships: ``own:256``,
trained whole with the honest cross-validation, gained on sports pages but not in general
news (``resources/models/actors/MODEL.md``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.linalg import svds

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "training"))

import train_actors as training  # noqa: E402
from spherical import spherical_kmeans, unit  # noqa: E402

from reader.analysis.engine import Parsed, as_read  # noqa: E402
from reader.analysis.features import DocumentView, Featurizer  # noqa: E402
from reader.analysis.gazetteer import lexicon  # noqa: E402


SEED = 13
MIN_COUNT = 5
"""A word (as written) gets a class when written this often in the unlabelled text."""
CONTEXTS = 3000
"""The most frequent lower-case words serve as contexts."""
DIMENSIONS = 100
SMOOTHING = 0.75
"""Context counts are raised to this power (smoothed PPMI), so rare contexts weigh less."""


def words_of(parsed: Parsed) -> list[str]:
    """The words of a parse as the featurizer reads them (:func:`~reader.analysis.engine.as_read`)."""
    text = as_read(parsed.text)
    return [text[t.start:t.end] for t in parsed.tokens]


def word_classes(texts: Iterable[Sequence[str]], k: int) -> dict[str, int]:
    """The class of every word without spaces written at least MIN_COUNT times in ``texts`` (lists of words)."""
    docs = [list(t) for t in texts]
    counts = Counter(w for d in docs for w in d)
    targets = {w: i for i, w in enumerate(sorted(w for w, c in counts.items()
                                                 if c >= MIN_COUNT and w and not any(ch.isspace() for ch in w)))}
    lower = Counter(w.lower() for d in docs for w in d)
    ctx = {w: i for i, (w, _) in enumerate(lower.most_common(CONTEXTS))}
    rows: list[int] = []
    cols: list[int] = []
    for d in docs:
        lowers = [w.lower() for w in d]
        for i, w in enumerate(d):
            t = targets.get(w)
            if t is None:
                continue
            for slot, j in enumerate((i - 2, i - 1, i + 1, i + 2)):
                c = ctx.get(lowers[j]) if 0 <= j < len(d) else None
                if c is not None:
                    rows.append(t)
                    cols.append(slot * CONTEXTS + c)
    m = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(targets), 4 * CONTEXTS)).tocsr()
    m.sum_duplicates()
    total = m.sum()
    row_p = np.asarray(m.sum(1)).ravel() / total
    col = np.asarray(m.sum(0)).ravel() ** SMOOTHING
    col_p = col / col.sum()
    coo = m.tocoo()
    pmi = np.log(coo.data / total / (row_p[coo.row] * col_p[coo.col]))
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=m.shape).tocsr()
    u, s, _ = svds(ppmi, k=min(DIMENSIONS, min(ppmi.shape) - 1), random_state=SEED)
    _, assign = spherical_kmeans(unit(u * np.sqrt(s)), min(k, len(targets)), np.random.default_rng(SEED))
    return {w: int(assign[i]) for w, i in targets.items()}


class ClassFeaturizer(Featurizer):
    """The shipped features and the word classes of one variant (screening only)."""

    def __init__(self, base: Featurizer, mode: str, classes: dict[str, int]) -> None:
        super().__init__(base.lex, base.vocabulary, base.off)
        self.mode = mode
        self.classes = classes

    def features(self, view: DocumentView, first: int, last: int) -> Any:
        out: list[Any] = super().features(view, first, last)
        ids = [self.classes.get(w, -1) for w in view.words]
        n = len(ids)
        for i, f in zip(range(first, last), out):
            if ids[i] >= 0:
                f.append(f"k={ids[i]}")
            if self.mode == "classes":
                if i and ids[i - 1] >= 0:
                    f.append(f"k-1={ids[i - 1]}")
                if i + 1 < n and ids[i + 1] >= 0:
                    f.append(f"k+1={ids[i + 1]}")
        return out


def measure(args: argparse.Namespace) -> dict[str, Any]:
    train = training.load(args.train, args.cache)
    vocab = training.vocabulary(train.parsed)
    checks = training.ModernChecks(args.cache, vocab)
    shipped = Featurizer(lexicon(), vocab)
    parts = training.folds(len(train.parsed), 5)[:args.rounds]
    held = {d for part in parts for d in part}
    unlabelled = [words_of(p) for p in checks.parsed["train"]]
    if not args.polnear_only:
        unlabelled += [words_of(p) for d, p in enumerate(train.parsed) if d not in held]
    work = args.cache / "wordclasses"
    work.mkdir(parents=True, exist_ok=True)
    rows: dict[str, Any] = {}
    for variant in args.variant or ["shipped", "classes:256"]:
        started = time.monotonic()
        mode, _, k = variant.partition(":")
        featurizer = shipped
        if mode != "shipped":
            featurizer = ClassFeaturizer(shipped, mode, word_classes(unlabelled, int(k)))
        rows[variant] = training.screening_row(featurizer, train, parts, checks,
                                               work / variant.replace(":", "-"), started)
        print(variant, rows[variant], file=sys.stderr)
    return {"rounds": len(parts), "measured_on_docs": len(held), "unlabelled_docs": len(unlabelled), "rows": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=training.TRAIN)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/reader-actors-training"))
    parser.add_argument("--rounds", type=int, default=2, help="how many of the 5 folds to hold out in turn")
    parser.add_argument("--polnear-only", action="store_true",
                        help="learn the classes from the PolNeAR train articles alone (no CoNLL names)")
    parser.add_argument("--variant", action="append", help="shipped, classes:K or own:K (repeatable)")
    print(json.dumps(measure(parser.parse_args()), indent=1))


if __name__ == "__main__":
    main()
