"""How the actor tagger's L1/L2 penalties (CRFsuite's c1, c2) were chosen; prints JSON.

    python benchmarks/actors_regularisation.py [--rounds 2] [--pair 1.0,0.1]… [--off FAMILY]…

Each row cross-validates the first stage on the CoNLL train split with one pair of
penalties, the rest of :data:`training.CRF_PARAMS` unchanged: for each of ``--rounds`` of
the 5 folds it is trained on the other folds and tags the held-out documents. It reports
Reader's typed F1 (tagger and actor layer, the shared scorer) on those documents, all and
general news, with organisations of general news apart, and the first fold's model on
modern news (:mod:`modern`: the texts written here, PolNeAR's named speakers found as
people). The first row is the shipped pair, the baseline of the same run; ``--off`` leaves
feature families out of every row (to screen a family: one run with it, one without). Needs
``../shared`` beside the checkout; about three minutes per row on 2 shared cores.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "training"))

import train_actors as training  # noqa: E402

from reader.analysis.features import Featurizer  # noqa: E402
from reader.analysis.gazetteer import lexicon  # noqa: E402
from reader.analysis.tagger import to_spans  # noqa: E402

PAIRS = ((1.0, 0.1), (0.5, 0.05), (0.25, 0.05), (2.0, 0.1))
"""The shipped pair first, then the pairs it was chosen among."""


def measure(args: argparse.Namespace) -> dict[str, Any]:
    train = training.load(args.train, args.cache)
    vocab = training.vocabulary(train.parsed)
    checks = training.ModernChecks(args.cache, vocab)
    featurizer = Featurizer(lexicon(), vocab, args.off)
    features = training.featurize(featurizer, train)
    parts = training.folds(len(train.parsed), 5)[:args.rounds]
    work = args.cache / "regularisation"
    work.mkdir(parents=True, exist_ok=True)
    shipped = dict(training.CRF_PARAMS)
    rows: dict[str, Any] = {}
    for c1, c2 in args.pair or PAIRS:
        training.CRF_PARAMS.update(c1=c1, c2=c2)
        predicted, checked = training.screen_folds(featurizer, features, train, parts, checks,
                                                   work / f"c1-{c1}-c2-{c2}")
        spans = {d: to_spans(train.parsed[d], labels) for d, labels in predicted.items()}
        reader = training.pipeline_f1(train, spans)
        rows[f"c1={c1} c2={c2}"] = {"cv_all": reader["all"], "cv_general": reader["general"],
                                    "cv_general_org": reader["general/ORG"], "modern": checked["modern"]["all"],
                                    "modern_org": checked["modern"].get("all/ORG"),
                                    "polnear_train_person": checked["polnear_train"]["person"],
                                    "polnear_dev_person": checked["polnear_dev"]["person"],
                                    "model_bytes": (work / f"c1-{c1}-c2-{c2}-fold0.crfsuite").stat().st_size}
        print(c1, c2, rows[f"c1={c1} c2={c2}"], file=sys.stderr)
    training.CRF_PARAMS.update(shipped)
    return {"rounds": len(parts), "off": args.off, "measured_on_docs": sum(map(len, parts)), "rows": rows}


def pair(text: str) -> tuple[float, float]:
    c1, c2 = text.split(",")
    return float(c1), float(c2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=training.TRAIN)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/reader-actors-training"))
    parser.add_argument("--rounds", type=int, default=2, help="how many of the 5 folds to hold out in turn")
    parser.add_argument("--pair", type=pair, action="append", help="c1,c2 to measure (repeatable)")
    parser.add_argument("--off", action="append", default=[], help="leave a feature family or list:NAME out")
    print(json.dumps(measure(parser.parse_args()), indent=1))


if __name__ == "__main__":
    main()
