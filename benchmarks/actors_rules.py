"""What each rule of the actor layer is worth with the shipped tagger; prints JSON.

    python benchmarks/actors_rules.py [--only RULE]… [--cache DIR]

The tagger is run once per text (CoNLL train and dev, the modern texts written here,
PolNeAR train and dev); then the actor layer (:mod:`reader.analysis.actors`) builds the
actors with every rule, without each rule of :data:`~reader.analysis.actors.RULES` in
turn, and with none. Each row gives typed PER/ORG/LOC F1 with the shared scorer on CoNLL
train and dev side by side (all and general news), the modern texts, the written held-out
sets whose errors have been read (:data:`READ_SETS`: 276 texts of hard cases, companies and
the first, second and fourth held-out sets; never the blind ones), and PolNeAR's named speakers found as
people; ``gain`` is what leaving the rule out costs on each. The
shipped tagger was trained on CoNLL train, so its train figures flatter the tagger, not
the rules: a rule is judged by the difference it makes, which is what this prints.
``training/train_actors.py --rules`` measures the same rules on cross-validated train.
Needs ``../shared`` beside the checkout; parses are cached in ``--cache``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "training"))

import modern  # noqa: E402
import train_actors as training  # noqa: E402

from reader.analysis.actors import RULES, build_actors  # noqa: E402
from reader.analysis.tagger import default_tagger  # noqa: E402

DATA = REPO / "benchmarks" / "data"
READ_SETS = ("modern-heldout", "modern-heldout2", "modern-heldout4", "modern-hardcases", "modern-hardcases2", "modern-hardcases3",
             "modern-hardcases4", "modern-hardcases-known", "modern-business", "modern-business2")
"""The held-out sets written here whose errors were read while fixing them (the blind ones stay out)."""


class ReadSets:
    """The texts of :data:`READ_SETS`, parsed (cached like the others)."""

    def __init__(self, cache: Path) -> None:
        self.items: list[dict[str, Any]] = []
        self.parsed: list[Any] = []
        for name in READ_SETS:
            items = modern.parse_marked((DATA / f"{name}.txt").read_text(encoding="utf-8"), prefix=name)
            self.items += items
            self.parsed += training.parse(name, [i["text"] for i in items], cache)


def row(train: training.Corpus, dev: training.Corpus, checks: training.ModernChecks, read: ReadSets,
        spans: dict[str, Any], off: list[str]) -> dict[str, Any]:
    """The figures of one set of rules left ``off``."""
    f_train = training.pipeline_f1(train, spans["train"], off)
    f_dev = training.pipeline_f1(dev, spans["dev"], off)
    out: dict[str, Any] = {
        "conll_all": {"train": f_train["all"], "dev": f_dev["all"]},
        "conll_general": {"train": f_train.get("general"), "dev": f_dev.get("general")},
    }
    tagged = spans["modern"]
    found = [modern.prediction(*build_actors(p, tagged[k], off)) for k, p in enumerate(checks.parsed["modern"])]
    out["modern"] = modern.score_modern(checks.modern, {i["id"]: p for i, p in zip(checks.modern, found)},
                                        training.shared_scorer())["all"]
    found = [modern.prediction(*build_actors(p, spans["read"][k], off)) for k, p in enumerate(read.parsed)]
    out["read_sets"] = modern.score_modern(read.items, {i["id"]: p for i, p in zip(read.items, found)},
                                           training.shared_scorer())["all"]
    person = {}
    for split, items in checks.polnear.items():
        tagged = spans[f"polnear_{split}"]
        found = [modern.prediction(*build_actors(p, tagged[k], off))
                 for k, p in enumerate(checks.parsed[split])]
        person[split] = modern.score_polnear(items, found, checks.common)["person"]
    out["polnear_person"] = person
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/reader-actors-training"))
    parser.add_argument("--only", action="append", default=[], help="measure only this rule (repeatable)")
    args = parser.parse_args()
    train = training.load(training.TRAIN, args.cache)
    dev = training.load(training.DEV, args.cache)
    tagger = default_tagger()
    checks = training.ModernChecks(args.cache, tagger.featurizer.vocabulary)
    read = ReadSets(args.cache)
    spans: dict[str, Any] = {
        "read": [tagger.spans(p) for p in read.parsed],
        "train": {d: tagger.spans(p) for d, p in enumerate(train.parsed)},
        "dev": {d: tagger.spans(p) for d, p in enumerate(dev.parsed)},
        "modern": [tagger.spans(p) for p in checks.parsed["modern"]],
        **{f"polnear_{s}": [tagger.spans(p) for p in checks.parsed[s]] for s in checks.polnear},
    }
    base = row(train, dev, checks, read, spans, [])
    rows: dict[str, Any] = {"all rules": base}
    for rule in RULES:
        if args.only and rule not in args.only:
            continue
        rows[f"without {rule}"] = row(train, dev, checks, read, spans, [rule])
    if not args.only:
        rows["tagger spans only"] = row(train, dev, checks, read, spans, list(RULES))
    for name, figures in rows.items():
        if name != "all rules":
            figures["gain"] = gains(base, figures)
    print(json.dumps(rows, indent=1))


def gains(base: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    """``base - other`` for every figure (what the rule left out was worth)."""
    out: dict[str, Any] = {}
    for k, v in base.items():
        if isinstance(v, dict):
            out[k] = gains(v, other[k])
        elif isinstance(v, (int, float)) and isinstance(other.get(k), (int, float)):
            out[k] = round(v - other[k], 1)
    return out


if __name__ == "__main__":
    main()
