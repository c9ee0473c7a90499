"""What each feature family and word list of the actor tagger is worth; prints JSON.

    python benchmarks/actors_ablation.py [--folds 5] [--rounds 5] [--only NAME]…

The first stage of the tagger is cross-validated on the CoNLL train split: for each of
``--rounds`` of the ``--folds`` folds it is trained on the other folds and tags the
held-out documents; typed PER/ORG/LOC exact-span F1 is counted over all held-out
documents together. Each row
does this once with everything (the baseline of the same run), then with one family of
:mod:`reader.analysis.features` or one word list left out. ``gain`` is what the row
loses against the baseline; a list whose gain is not above noise has no place in the
model. Beside it, the first fold's model (tagger and actor layer) is measured on modern
news (:mod:`modern`): ``polnear_train_person``, PolNeAR train's named speakers found as
people (train data, so a fair ground for a decision), and ``modern``, the texts written
here (a check only).
The rules of the actor layer are measured by ``training/train_actors.py --cv`` (they need
the cross-validated second stage). Needs ``../shared`` beside the checkout; about two
minutes per row and round on 2 cores.
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

from reader.analysis.features import FAMILIES, LISTS, Featurizer  # noqa: E402
from reader.analysis.gazetteer import lexicon  # noqa: E402


def ablate(args: argparse.Namespace) -> dict[str, Any]:
    train = training.load(args.train, args.cache)
    vocab = training.vocabulary(train.parsed)
    checks = training.ModernChecks(args.cache, vocab)
    parts = training.folds(len(train.parsed), args.folds)[:args.rounds]
    work = args.cache / "ablation"
    work.mkdir(parents=True, exist_ok=True)
    rows: dict[str, Any] = {}
    for off in [None, *FAMILIES, *(f"list:{name}" for name in LISTS)]:
        if args.only and off not in (None, *args.only):
            continue
        name = f"without {off}" if off else "all features"
        featurizer = Featurizer(lexicon(), vocab, [off] if off else [])
        features = training.featurize(featurizer, train)
        predicted, checked = training.screen_folds(featurizer, features, train, parts, checks,
                                                   work / f"without-{off or 'nothing'}")
        rows[name] = {**training.span_f1(train, predicted), "polnear_train_person": checked["polnear_train"]["person"],
                      "modern": checked["modern"]["all"]}
        print(name, rows[name], file=sys.stderr)
    base = rows["all features"]["f1"]
    return {"folds": args.folds, "rounds": len(parts), "measured_on_docs": sum(map(len, parts)),
            "crf": training.CRF_PARAMS,
            "rows": {k: {**v, "gain": round(base - v["f1"], 1)} for k, v in rows.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=training.TRAIN)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/reader-actors-training"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=5, help="how many of the folds to hold out in turn")
    parser.add_argument("--only", action="append", help="ablate only this family or list:NAME (repeatable)")
    print(json.dumps(ablate(parser.parse_args()), indent=1))


if __name__ == "__main__":
    main()
