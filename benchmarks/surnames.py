"""Which person a bare surname shared by several people is; prints JSON.

    python benchmarks/surnames.py

When an article names two people with one surname ("Bill Clinton", "Hillary Clinton"), a bare
"Clinton" must go to one of them (:func:`reader.analysis.actors._shared_owner`). No data set
here says which, so ``surnames_judged.jsonl`` holds hand judgments: PolNeAR train mentions
where the rules disagree (a random sample, ``random.seed(10)``, of every such mention of
the train and dev splits), each with the actor it really is (by the name the analysis gives
it, or null when no candidate is right) and a short reason in our own words — never the
text. Each row runs the actor layer on the judged articles, with every rule and without
``shared_salience`` (then the nearest full name named before decides, the rule before it);
it gives how many judged mentions it gets right.
Needs ``../shared`` beside the checkout.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reader.analysis.actors import build_actors
from reader.analysis.engine import Engine
from reader.analysis.tagger import default_tagger

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
SOURCES = (SHARED / "data" / "quotes-polnear-train.jsonl", SHARED / "eval" / "quotes-polnear-dev.jsonl")
ROWS = {"all rules": (), "without shared_salience (nearest full name before)": ("shared_salience",)}


def main() -> None:
    judged = [json.loads(line) for line in (HERE / "surnames_judged.jsonl").read_text(encoding="utf-8").splitlines()
              if line.strip()]
    wanted = {j["id"] for j in judged}
    texts: dict[str, str] = {}
    for path in SOURCES:
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line) if line.strip() else None
            if item and item["id"] in wanted:
                texts[item["id"]] = item["text"]
    ids = sorted(texts)
    tagger = default_tagger()
    parsed = dict(zip(ids, Engine().parse_many(texts[i] for i in ids)))
    spans = {i: tagger.spans(p) for i, p in parsed.items()}
    result: dict[str, Any] = {"judged": len(judged)}
    for name, off in ROWS.items():
        found: dict[tuple[str, int, int], str] = {}
        for i in ids:
            actors, mentions = build_actors(parsed[i], spans[i], off)
            names = {a.id: a.name for a in actors}
            found.update({(i, m.start, m.end): names[m.actor] for m in mentions})
        right = sum(found.get((j["id"], j["start"], j["end"])) == j["actor"] for j in judged)
        result[name] = {"right": right, "share": round(100 * right / len(judged), 1)}
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
