"""One actor per entity: Reader's actors against gold entities on the modern texts; prints JSON.

    python benchmarks/actors_joins.py [--errors] [--cache DIR]

Typed span F1 cannot see the joins of the actor layer (:data:`~reader.analysis.actors.JOIN_RULES`):
they change which actor a mention belongs to, never its span. The modern texts name each
mention's entity (``[[Stoltenberg|PER|Jens Stoltenberg]]``, see :func:`modern.entity_key`), so
here, over the gold mentions Reader found with the exact span (whatever their kind), Reader's
actors are scored against the gold entities of each text: pairwise precision, recall and F1 of
"these two mentions are one entity", B-cubed precision, recall and F1 (per mention: the share
of its actor that is its entity, and of its entity that is its actor), gold entities ``split``
over several actors and actors ``merged`` over several entities. Rows: every rule, each join
rule left out, and no join at all; sets: the tuning texts (``training/data/modern-news.txt``),
the first held-out set and the hard cases, apart (the later blind sets are not read here).
``gain`` is what leaving the rule out costs (F1 points; fewer splits and merges count as
gain too). ``--errors`` lists every split and merge of the row with every rule. ``--moves``
adds, for each join rule left out, how many mentions of CoNLL train and dev and PolNeAR
train and dev (no gold entities) go to an actor of another name: what a rule touches
where it cannot be scored.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "training"))

import modern  # noqa: E402
import train_actors as training  # noqa: E402

from reader.analysis.actors import JOIN_RULES, build_actors  # noqa: E402
from reader.analysis.engine import Parsed  # noqa: E402
from reader.analysis.tagger import ActorTagger, default_tagger  # noqa: E402

DATA = REPO / "benchmarks" / "data"
SETS = {"tuning": modern.MODERN, "heldout": DATA / "modern-heldout.txt", "hardcases": DATA / "modern-hardcases.txt"}

Pairing = list[tuple[tuple[str, str], str]]
"""(gold entity, Reader's actor) of each gold mention Reader found, in one text."""


@dataclass
class Tally:
    """Counts summed over texts; :func:`summary` turns them into figures."""

    mentions: int = 0
    gold_pairs: int = 0
    found_pairs: int = 0
    right_pairs: int = 0
    b3_precision: float = 0.0
    b3_recall: float = 0.0
    entities: int = 0
    split: int = 0
    merged: int = 0

    def add(self, other: Tally) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def tally(pairing: Pairing) -> Tally:
    """The counts of one text."""
    entity_sizes = Counter(g for g, _ in pairing)
    actor_sizes = Counter(a for _, a in pairing)
    both = Counter(pairing)

    def pairs(sizes: Iterable[int]) -> int:
        return sum(n * (n - 1) // 2 for n in sizes)

    actors_of = Counter(g for g, _ in both)
    entities_of = Counter(a for _, a in both)
    return Tally(mentions=len(pairing), gold_pairs=pairs(entity_sizes.values()),
                 found_pairs=pairs(actor_sizes.values()), right_pairs=pairs(both.values()),
                 b3_precision=sum(n * n / actor_sizes[a] for (_, a), n in both.items()),
                 b3_recall=sum(n * n / entity_sizes[g] for (g, _), n in both.items()),
                 entities=len(entity_sizes), split=sum(n > 1 for n in actors_of.values()),
                 merged=sum(n > 1 for n in entities_of.values()))


def summary(t: Tally) -> dict[str, Any]:
    """Pairwise and B-cubed precision / recall / F1 (per cent; a text with one mention per
    entity and actor has no pair and counts as right), splits and merges."""
    def pct(a: float, b: float) -> float:
        return round(100 * a / b, 1) if b else 100.0

    def f1(p: float, r: float) -> float:
        return round(2 * p * r / (p + r), 1) if p + r else 0.0

    pp, pr = pct(t.right_pairs, t.found_pairs), pct(t.right_pairs, t.gold_pairs)
    bp, br = pct(t.b3_precision, t.mentions), pct(t.b3_recall, t.mentions)
    return {"pairwise": {"p": pp, "r": pr, "f1": f1(pp, pr)}, "b3": {"p": bp, "r": br, "f1": f1(bp, br)},
            "split": t.split, "merged": t.merged, "entities": t.entities, "mentions": t.mentions}


def pairing(item: dict[str, Any], mentions: dict[tuple[int, int], str]) -> Pairing:
    """Gold actor mentions of ``item`` found with the exact span, with the actor each went to."""
    return [(modern.entity_key(e), mentions[e["start"], e["end"]]) for e in item["entities"]
            if e["label"] != "MISC" and (e["start"], e["end"]) in mentions]


def errors(item: dict[str, Any], mentions: dict[tuple[int, int], str], names: dict[str, str]) -> list[dict[str, Any]]:
    """The splits (one gold entity, several actors) and merges (one actor, several entities)
    of one text, each with the spellings that went where."""
    text = item["text"]
    found = [(e, mentions[e["start"], e["end"]]) for e in item["entities"]
             if e["label"] != "MISC" and (e["start"], e["end"]) in mentions]
    by_entity: dict[tuple[str, str], dict[str, list[str]]] = {}
    by_actor: dict[str, dict[str, list[str]]] = {}
    for e, actor in found:
        spelling = text[e["start"]:e["end"]]
        shown = f"{names[actor]} ({actor})"  # two actors may share a name
        by_entity.setdefault(modern.entity_key(e), {}).setdefault(shown, []).append(spelling)
        by_actor.setdefault(actor, {}).setdefault("|".join(modern.entity_key(e)), []).append(spelling)
    out: list[dict[str, Any]] = []
    for (entity, label), actors in by_entity.items():
        if len(actors) > 1:
            out.append({"id": item["id"], "error": "split", "entity": f"{entity}|{label}",
                        "actors": {a: sorted(set(s)) for a, s in actors.items()}})
    for actor, entities in by_actor.items():
        if len(entities) > 1:
            out.append({"id": item["id"], "error": "merged", "actor": f"{names[actor]} ({actor})",
                        "entities": {g: sorted(set(s)) for g, s in entities.items()}})
    return out


@dataclass
class Texts:
    """One set's gold texts, their parses and the tagger's spans (run once)."""

    items: list[dict[str, Any]]
    parsed: list[Parsed]
    spans: list[Any]

    def found(self, off: Sequence[str]) -> list[tuple[dict[tuple[int, int], str], dict[str, str]]]:
        """Per text, Reader's mentions (span → actor id) and actors' names, rules ``off`` left out."""
        out = []
        for parsed, spans in zip(self.parsed, self.spans):
            actors, mentions = build_actors(parsed, spans, off)
            out.append(({(m.start, m.end): m.actor for m in mentions}, {a.id: a.name for a in actors}))
        return out


def load(path: Path, cache: Path, tagger: ActorTagger) -> Texts:
    items = modern.parse_marked(path.read_text(encoding="utf-8"), prefix=path.stem)
    parsed = training.parse(path.stem, [i["text"] for i in items], cache)
    return Texts(items, parsed, [tagger.spans(p) for p in parsed])


def measure(texts: Texts, off: Sequence[str]) -> dict[str, Any]:
    total = Tally()
    for item, (mentions, _) in zip(texts.items, texts.found(off)):
        total.add(tally(pairing(item, mentions)))
    return summary(total)


def gains(base: dict[str, Any], other: dict[str, Any]) -> dict[str, float]:
    """What a rule left out was worth: F1 lost, and splits and merges added."""
    return {"pairwise_f1": round(base["pairwise"]["f1"] - other["pairwise"]["f1"], 1),
            "b3_f1": round(base["b3"]["f1"] - other["b3"]["f1"], 1),
            "split": other["split"] - base["split"], "merged": other["merged"] - base["merged"]}


def moves(cache: Path, tagger: ActorTagger) -> dict[str, dict[str, int]]:
    """Per join rule left out, the mentions of each unlabelled set whose actor's name changes."""
    parsed = {"conll_train": training.load(training.TRAIN, cache).parsed,
              "conll_dev": training.load(training.DEV, cache).parsed,
              **{f"polnear_{split}": training.parse(f"polnear-{split}",
                                                    [i["text"] for i in modern.polnear_items(split)], cache)
                 for split in modern.POLNEAR}}
    spans = {name: [tagger.spans(p) for p in texts] for name, texts in parsed.items()}

    def named(name: str, off: Sequence[str]) -> list[dict[tuple[int, int], str]]:
        out = []
        for p, found in zip(parsed[name], spans[name]):
            actors, mentions = build_actors(p, found, off)
            names = {a.id: a.name for a in actors}
            out.append({(m.start, m.end): names[m.actor] for m in mentions})
        return out

    base = {name: named(name, ()) for name in parsed}
    return {rule: {name: sum(sum(v != without.get(k) for k, v in doc.items())
                             for doc, without in zip(base[name], named(name, (rule,)))) for name in parsed}
            for rule in JOIN_RULES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/reader-actors-training"))
    parser.add_argument("--errors", action="store_true", help="list the splits and merges with every rule")
    parser.add_argument("--moves", action="store_true", help="count what each join rule changes on CoNLL and PolNeAR")
    args = parser.parse_args()
    tagger = default_tagger()
    sets = {name: load(path, args.cache, tagger) for name, path in SETS.items()}
    rows: dict[str, Any] = {"all rules": {name: measure(texts, ()) for name, texts in sets.items()}}
    for rule in JOIN_RULES:
        rows[f"without {rule}"] = {name: measure(texts, (rule,)) for name, texts in sets.items()}
    rows["no joins"] = {name: measure(texts, JOIN_RULES) for name, texts in sets.items()}
    base = rows["all rules"]
    for row, figures in rows.items():
        if row != "all rules":
            for name in sets:
                figures[name]["gain"] = gains(base[name], figures[name])
    report: dict[str, Any] = {"rows": rows}
    if args.errors:
        report["errors"] = {name: [e for item, (mentions, names) in zip(texts.items, texts.found(()))
                                   for e in errors(item, mentions, names)] for name, texts in sets.items()}
    if args.moves:
        report["moves"] = moves(args.cache, tagger)
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
