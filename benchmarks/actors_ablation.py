"""What each feature family and word list of the actor tagger is worth; prints JSON.

    python benchmarks/actors_ablation.py [--folds 5] [--only NAME]…

The first stage of the tagger is trained on k-1 folds of the CoNLL train split and
measured (typed PER/ORG/LOC exact-span F1) on the remaining fold: once with everything
(the baseline of the same run), then with each family of :mod:`reader.analysis.features`
and each word list left out in turn. ``gain`` is what the row loses against the
baseline; a list whose gain is not above noise has no place in the model. The rules of
the actor layer are measured by ``training/train_actors.py --cv`` (they need the
cross-validated second stage). Needs ``../shared`` beside the checkout; about a minute
or two per row on 2 cores.
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
    vocab = training.vocabulary(train)
    held = training.folds(len(train.parsed), args.folds)[0]
    rest = [d for d in range(len(train.parsed)) if d not in set(held)]
    work = args.cache / "ablation"
    work.mkdir(parents=True, exist_ok=True)
    rows: dict[str, Any] = {}
    for off in [None, *FAMILIES, *(f"list:{name}" for name in LISTS)]:
        if args.only and off not in (None, *args.only):
            continue
        name = f"without {off}" if off else "all features"
        features = training.featurize(Featurizer(lexicon(), vocab, [off] if off else []), train)
        model = work / f"without-{off or 'nothing'}.crfsuite"
        training.train_crf(training.sequences_of(features, train, rest), model)
        rows[name] = training.span_f1(train, training.tag(model, features, train, held))
        print(name, rows[name], file=sys.stderr)
    base = rows["all features"]["f1"]
    return {"trained_on_docs": len(rest), "measured_on_docs": len(held), "crf": training.CRF_PARAMS,
            "rows": {k: {**v, "gain": round(base - v["f1"], 1)} for k, v in rows.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=training.TRAIN)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/reader-actors-training"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--only", action="append", help="ablate only this family or list:NAME (repeatable)")
    print(json.dumps(ablate(parser.parse_args()), indent=1))


if __name__ == "__main__":
    main()
