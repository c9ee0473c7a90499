"""What each rule of the role-phrase references is worth; prints JSON.

    python benchmarks/references.py [--split train|dev|sample]… [--list SPLIT]

A reference ("the NATO chief" for Jens Stoltenberg) has no gold annotation in any data set
here, so they were judged by hand: ``references_judged.jsonl`` holds, for PolNeAR texts and
the NATO sample, the document id, the span, the actor the phrase really refers to (by name,
or null when it refers to nobody) and a short reason in our own words — never the text.
Every reference any row finds on PolNeAR dev and the sample is judged; on PolNeAR train, a
random sample of 40 of them (``random.seed(10)`` over the ``--list train`` output), the new
spans of those that a complement made longer ("the former president of the NAACP"), and
every one that the complement and apposition rules add or take away (judged when they came). For
every split the texts are analysed once (engine and actor layer), then the references are
found with every rule (:data:`reader.analysis.references.RULES`), without each rule in turn,
and with none (the baseline of the same run). Each row gives how many references were
found, how many of them were judged, how many of those are right and the precision over
them; ``unjudged`` counts the rest. ``--list SPLIT`` prints every reference of every row
with some context for judging instead. Needs ``../shared`` beside the checkout.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from reader.analysis.actors import find_actors
from reader.analysis.engine import Engine
from reader.analysis.model import Actor, Mention
from reader.analysis.references import RULES, find_references
from reader.document import load

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SPLITS = {"train": SHARED / "data" / "quotes-polnear-train.jsonl", "dev": SHARED / "eval" / "quotes-polnear-dev.jsonl",
          "sample": SHARED / "samples" / "nato-2022-03-04.txt"}
JUDGED = Path(__file__).resolve().parent / "references_judged.jsonl"

Found = tuple[str, int, int, str]
"""Document id, start, end, the name of the actor referred to."""


def analysed(path: Path) -> list[tuple[str, Any, list[Actor], list[Mention]]]:
    """Every text of a split with its parse, actors and mentions (a sample: its article's text)."""
    if path.suffix == ".jsonl":
        items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        items = [{"id": path.name, "text": load(str(path)).text}]
    out = []
    for item, parsed in zip(items, Engine().parse_many(i["text"] for i in items)):
        actors, mentions = find_actors(parsed)
        out.append((item["id"], parsed, actors, mentions))
    return out


def references(docs: list[tuple[str, Any, list[Actor], list[Mention]]], off: tuple[str, ...]) -> list[Found]:
    found = []
    for doc, parsed, actors, mentions in docs:
        names = {a.id: a.name for a in actors}
        found += [(doc, r.start, r.end, names[r.actor]) for r in find_references(parsed, actors, mentions, off)]
    return found


def judged() -> dict[tuple[str, int, int], str | None]:
    """The hand judgments: the actor each judged phrase really refers to (None: none of the article's)."""
    out: dict[tuple[str, int, int], str | None] = {}
    if JUDGED.is_file():
        for line in JUDGED.read_text(encoding="utf-8").splitlines():
            if line.strip():
                j = json.loads(line)
                out[(j["id"], j["start"], j["end"])] = j["actor"]
    return out


def row(found: list[Found], truth: dict[tuple[str, int, int], str | None]) -> dict[str, Any]:
    seen = [f for f in found if f[:3] in truth]
    right = sum(truth[f[:3]] == f[3] for f in seen)
    return {"found": len(found), "judged": len(seen), "right": right,
            "precision": round(100 * right / len(seen), 1) if seen else None,
            "unjudged": len(found) - len(seen)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", action="append", choices=sorted(SPLITS), help="splits to measure (default: both)")
    parser.add_argument("--list", choices=sorted(SPLITS), help="print every reference of a split for judging")
    args = parser.parse_args()
    rows: dict[str, tuple[str, ...]] = {"all rules": (), **{f"without {r}": (r,) for r in RULES}, "no rules": RULES}
    if args.list:
        docs = analysed(SPLITS[args.list])
        texts = {doc: parsed.text for doc, parsed, _a, _m in docs}
        truth = judged()
        every = sorted({f for off in rows.values() for f in references(docs, off)})
        for doc, start, end, name in every:
            text = texts[doc]
            context = (text[max(0, start - 80):start] + "[[" + text[start:end] + "]]" + text[end:end + 40])
            print(json.dumps({"id": doc, "start": start, "end": end, "analysis": name,
                              "judged": truth.get((doc, start, end), "?"), "context": context.replace("\n", " ")},
                             ensure_ascii=False))
        return
    truth = judged()
    result: dict[str, Any] = {}
    for split in args.split or list(SPLITS):
        docs = analysed(SPLITS[split])
        result[split] = {name: row(references(docs, off), truth) for name, off in rows.items()}
        print(f"{split}: done", file=sys.stderr)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
