"""Reader's actors on a held-out set of modern news (``benchmarks/data/modern-heldout*.txt``); prints JSON.

    python benchmarks/actors_heldout.py [--file PATH] [--model-dir resources/models/actors] [--errors]

The modern texts of ``training/modern.py`` helped choose the tagger's features, so their
figure is optimistic. The held-out sets were written blind and must never choose anything
(each file says so): they are the honest modern figure. The first set
(``modern-heldout.txt``, the default) has since been read while fixing errors; the
second (``--file benchmarks/data/modern-heldout2.txt``, 48 texts), written later for a
fresh blind figure, was read too once a third (``modern-heldout3.txt``) replaced it. Scored like ``benchmarks/actors_modern.py``'s modern row (typed
exact-span F1 with the shared scorer), Reader beside bare spaCy's entities from the same
parse in the same run. ``--errors`` adds every difference between Reader and the gold,
one entry per gold name or found span, with the text id and the words around it, so that
each can be reproduced; ``--off RULE`` leaves a rule of the actor layer out (what it is worth
on one set).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from actors_modern import spacy_spans  # noqa: E402  (it puts training/ on the path too)

import modern  # noqa: E402
import train_actors as training  # noqa: E402

from reader.analysis.actors import RULES, build_actors  # noqa: E402
from reader.analysis.tagger import ActorTagger  # noqa: E402

HELDOUT = REPO / "benchmarks" / "data" / "modern-heldout.txt"


def heldout_items(path: Path = HELDOUT) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = modern.parse_marked(path.read_text(encoding="utf-8"), prefix="heldout")
    return items


def errors(item: dict[str, Any], found: set[tuple[int, int, str]]) -> list[dict[str, str]]:
    """Reader's errors on one text: a gold name ``missed`` (nothing overlaps it), found with
    the wrong ``kind`` (same span) or wrong ``boundaries`` (an overlapping span), and a
    ``spurious`` span that overlaps no gold actor (``gold`` then names the MISC it covers)."""
    text = item["text"]
    gold = {(e["start"], e["end"], e["label"]) for e in item["entities"] if e["label"] != "MISC"}
    misc = [(e["start"], e["end"]) for e in item["entities"] if e["label"] == "MISC"]

    def show(span: tuple[int, int, str]) -> str:
        return f"{text[span[0]:span[1]]}|{span[2]}"

    def context(span: tuple[int, int, str]) -> str:
        return " ".join(text[max(0, span[0] - 40):span[1] + 40].split())

    def overlapping(span: tuple[int, int, str], spans: set[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        return sorted(s for s in spans if s[0] < span[1] and span[0] < s[1])

    out: list[dict[str, str]] = []
    for g in sorted(gold - found):
        near = overlapping(g, found - gold)
        cause = "missed" if not near else "kind" if any(f[:2] == g[:2] for f in near) else "boundaries"
        shown = [show(f) for f in near] or [""]
        out.extend({"id": item["id"], "error": cause, "gold": show(g), "found": f, "context": context(g)}
                   for f in shown)
    for f in sorted(found - gold):
        if not overlapping(f, gold):
            covered = ", ".join(f"{text[s:e]}|MISC" for s, e in misc if s < f[1] and f[0] < e)
            out.append({"id": item["id"], "error": "spurious", "gold": covered, "found": show(f),
                        "context": context(f)})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=HELDOUT, help="the marked-up held-out texts to score")
    parser.add_argument("--model-dir", type=Path, default=REPO / "resources" / "models" / "actors")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/reader-actors-training"))
    parser.add_argument("--errors", action="store_true", help="list every error of Reader's")
    parser.add_argument("--off", action="append", default=[], choices=RULES, metavar="RULE",
                        help="leave this rule of the actor layer out (repeatable)")
    args = parser.parse_args()
    tagger = ActorTagger.load(args.model_dir)
    items = heldout_items(args.file)
    parsed = training.parse(args.file.stem, [i["text"] for i in items], args.cache)
    scorer = training.shared_scorer()

    def predictions(spans_of: Any, off: tuple[str, ...] = ()) -> dict[str, dict[str, Any]]:
        return {i["id"]: modern.prediction(*build_actors(p, spans_of(p), off)) for i, p in zip(items, parsed)}

    reader = predictions(tagger.spans, tuple(args.off))
    report: dict[str, Any] = {"file": str(args.file), "texts": len(items),
                              "reader": modern.score_modern(items, reader, scorer),
                              "bare_spacy": modern.score_modern(items, predictions(spacy_spans, RULES), scorer)}
    if args.errors:
        found = [errors(i, scorer.predicted_entities(reader[i["id"]])) for i in items]
        report["errors"] = [e for listed in found for e in listed]
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
