"""Every mention the actor layer finds, dumped, and two dumps compared: what a change of a rule does.

    python benchmarks/mentions_diff.py dump OUT.jsonl [--cache DIR] [--off RULE ...]
    python benchmarks/mentions_diff.py diff BEFORE.jsonl AFTER.jsonl

``dump`` writes one JSON line per mention (set, document, start, end, text, actor's name, actor's
kind) over CoNLL train and dev, PolNeAR train and dev and the 121 written modern texts, from the
parse cache; ``--off`` leaves rules of :data:`reader.analysis.actors.RULES` out. ``diff`` prints each
mention found, lost or read otherwise, and the count per set on standard error: every rule change
of issue 10 was judged by reading this list (better, worse or wrong either way against CoNLL's gold
where it has one). Needs ``../shared`` beside the checkout.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "training"))

import train_actors as training  # noqa: E402

from reader.analysis.actors import build_actors  # noqa: E402
from reader.analysis.tagger import default_tagger  # noqa: E402


def dump(out: Path, cache: Path, off: list[str]) -> None:
    """Write every mention of every text to ``out``."""
    tagger = default_tagger()
    sets = {"train": training.load(training.TRAIN, cache).parsed, "dev": training.load(training.DEV, cache).parsed}
    checks = training.ModernChecks(cache, tagger.featurizer.vocabulary)
    sets["modern"] = checks.parsed["modern"]
    for name in checks.polnear:
        sets[f"polnear_{name}"] = checks.parsed[name]
    with out.open("w", encoding="utf-8") as f:
        for name, parsed in sets.items():
            for d, p in enumerate(parsed):
                actors, mentions = build_actors(p, tagger.spans(p), off=off)
                by_id = {a.id: a for a in actors}
                for m in mentions:
                    a = by_id[m.actor]
                    f.write(json.dumps([name, d, m.start, m.end, p.text[m.start:m.end], a.name, a.kind]) + "\n")


def diff(before: Path, after: Path) -> None:
    """Print the mentions that differ between two dumps, and how many per set."""
    def load(path: Path) -> dict[tuple[str, int, int, int], list[object]]:
        with path.open(encoding="utf-8") as f:
            return {(r[0], r[1], r[2], r[3]): r for r in map(json.loads, f)}

    a, b = load(before), load(after)
    changed: Counter[str] = Counter()
    for key in sorted(set(a) | set(b)):
        ra, rb = a.get(key), b.get(key)
        if ra is None or rb is None or ra[4:] != rb[4:]:
            changed[key[0]] += 1
            print(*key[:3], "|", ra[4:] if ra else "-", "=>", rb[4:] if rb else "-")
    print(dict(changed), file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump", help="every mention, one JSON line each")
    dumping.add_argument("out", type=Path)
    dumping.add_argument("--cache", type=Path, default=Path("/tmp/reader-actors-training"))
    dumping.add_argument("--off", action="append", default=[], help="leave this rule out (repeatable)")
    comparing = commands.add_parser("diff", help="the mentions two dumps read otherwise")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.out, args.cache, args.off)
    else:
        diff(args.before, args.after)


if __name__ == "__main__":
    main()
