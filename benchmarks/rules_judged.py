"""What the rules of :data:`JUDGED_RULES` are worth on names no gold set marks; prints JSON.

    python benchmarks/rules_judged.py [--only RULE]… [--list] [--cache DIR]

``benchmarks/actors_rules.py`` shows no gain for :data:`JUDGED_RULES`: the names they mend
are in no gold set. So the actor layer is run with every rule and without each of them on
CoNLL train and dev, PolNeAR train and dev and the modern tuning texts (the shipped
tagger; parses cached in ``--cache``), and every span whose reading (person, organisation,
place or "none") differs between the two is a changed mention. ``rules_judged.jsonl`` holds
the right reading of changed spans, judged by hand in context with CoNLL's conventions
(titles and "the" outside a name; events, nationalities and products are "none"): set, doc
id, start, end, the span's text and ``kind`` — never more of the text. Where a rule changes
more than :data:`SAMPLE` spans, a fixed random sample of them (``random.Random(SEED)``
over the sorted changes) was judged. Per rule: spans changed, judged, right with the rule,
right without it; ``unjudged`` counts the changes (of the sample, if any) with no judgment,
never guessed. ``--list`` prints each rule's changes to judge (the sample, if any) with 80
characters around. Needs ``../shared`` beside the checkout.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "training"))

import modern  # noqa: E402
import train_actors as training  # noqa: E402

from reader.analysis.actors import build_actors  # noqa: E402
from reader.analysis.tagger import default_tagger  # noqa: E402

JUDGED = Path(__file__).resolve().parent / "rules_judged.jsonl"
JUDGED_RULES = ("misc_org_words", "misc_people", "event_days", "party_states", "followings", "offices",
                "civic_places", "inner_capitals", "place_ends", "surname_pairs", "named_regions")
SAMPLE = 40
SEED = 10

Key = tuple[str, str, int, int]
"""Set, doc id, start, end of a span."""


def readings(parsed: Any, spans: Any, off: Iterable[str]) -> dict[tuple[int, int], str]:
    """Each mention's span and its actor's kind ("person", "organization", "place")."""
    actors, mentions = build_actors(parsed, spans, tuple(off))
    kinds = {a.id: a.kind for a in actors}
    return {(m.start, m.end): str(kinds[m.actor]) for m in mentions}


def changes(with_rule: dict[tuple[int, int], str], without: dict[tuple[int, int], str]
            ) -> dict[tuple[int, int], tuple[str, str]]:
    """Every span read otherwise without the rule: (reading with, reading without); "none" for no mention."""
    out = {}
    for span in with_rule.keys() | without.keys():
        pair = (with_rule.get(span, "none"), without.get(span, "none"))
        if pair[0] != pair[1]:
            out[span] = pair
    return out


def sample(changed: dict[Key, tuple[str, str]]) -> list[Key]:
    """The changes to judge: all of them, or a fixed random :data:`SAMPLE` of them."""
    keys = sorted(changed)
    return keys if len(keys) <= SAMPLE else sorted(random.Random(SEED).sample(keys, SAMPLE))


def score(changed: dict[Key, tuple[str, str]], truth: dict[Key, str]) -> dict[str, Any]:
    """How many changes, how many judged, right with the rule and without it."""
    chosen = sample(changed)
    seen = [k for k in chosen if k in truth]
    return {"changed": len(changed), "sampled": len(chosen) if len(chosen) < len(changed) else None,
            "judged": len(seen), "right_with": sum(changed[k][0] == truth[k] for k in seen),
            "right_without": sum(changed[k][1] == truth[k] for k in seen), "unjudged": len(chosen) - len(seen)}


def load_judged(path: Path = JUDGED) -> dict[Key, str]:
    """The hand judgments: the right reading of each judged span."""
    out: dict[Key, str] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                j = json.loads(line)
                out[(j["set"], j["id"], j["start"], j["end"])] = j["kind"]
    return out


def documents(cache: Path) -> dict[str, list[tuple[str, str, Any]]]:
    """Every set's texts: (doc id, text, parse)."""
    out = {}
    for name, path in (("conll-train", training.TRAIN), ("conll-dev", training.DEV)):
        corpus = training.load(path, cache)
        out[name] = [(i["id"], i["text"], p) for i, p in zip(corpus.items, corpus.parsed)]
    items = modern.modern_items()
    out["modern"] = [(i["id"], i["text"], p)
                     for i, p in zip(items, training.parse("modern-news", [i["text"] for i in items], cache))]
    for split in modern.POLNEAR:
        items = modern.polnear_items(split)
        parsed = training.parse(f"polnear-{split}", [i["text"] for i in items], cache)
        out[f"polnear-{split}"] = [(i["id"], i["text"], p) for i, p in zip(items, parsed)]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/reader-actors-training"))
    parser.add_argument("--only", action="append", choices=JUDGED_RULES, default=[], help="measure only this rule")
    parser.add_argument("--list", action="store_true", help="print the changes of each rule for judging")
    args = parser.parse_args()
    rules = [r for r in JUDGED_RULES if not args.only or r in args.only]
    tagger = default_tagger()
    docs = documents(args.cache)
    changed: dict[str, dict[Key, tuple[str, str]]] = {r: {} for r in rules}
    texts: dict[tuple[str, str], str] = {}
    for name, items in docs.items():
        for doc, text, parsed in items:
            texts[(name, doc)] = text
            spans = tagger.spans(parsed)
            base = readings(parsed, spans, ())
            for rule in rules:
                for (start, end), pair in changes(base, readings(parsed, spans, (rule,))).items():
                    changed[rule][(name, doc, start, end)] = pair
        print(f"{name}: done", file=sys.stderr)
    truth = load_judged()
    if args.list:
        for rule in rules:
            for key in sample(changed[rule]):
                name, doc, start, end = key
                text = texts[(name, doc)]
                context = text[max(0, start - 80):start] + "[[" + text[start:end] + "]]" + text[end:end + 80]
                print(json.dumps({"rule": rule, "set": name, "id": doc, "start": start, "end": end,
                                  "text": text[start:end], "with": changed[rule][key][0],
                                  "without": changed[rule][key][1], "judged": truth.get(key, "?"),
                                  "context": context.replace("\n", " ")}, ensure_ascii=False))
        return
    print(json.dumps({rule: score(changed[rule], truth) for rule in rules}, indent=1))


if __name__ == "__main__":
    main()
