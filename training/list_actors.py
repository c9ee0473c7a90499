"""List every actor Reader finds in a sample of modern news, to read as a user would.

    python training/list_actors.py [--sample 12] [--seed 1] [--json] [IN.jsonl]

The default input is ``../shared/data/quotes-polnear-train.jsonl`` (US political news of
2015–2016 with no actor labels). For each sampled article it prints its first words and
every actor: kind, name, aliases, number of mentions and role. Errors show up as people
who are no people, names cut in two, one entity as two actors; the fixes belong in the
model and its features (``training/train_actors.py``), not in word lists.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.analysis.pipeline import Analyzer  # noqa: E402

DEFAULT = REPO.parent / "shared" / "data" / "quotes-polnear-train.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--sample", type=int, default=12, help="how many articles")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="one JSON line per article instead of text")
    args = parser.parse_args()
    items = [json.loads(line) for line in args.input.read_text(encoding="utf-8").splitlines() if line.strip()]
    chosen = random.Random(args.seed).sample(items, min(args.sample, len(items)))
    analyzer = Analyzer()
    for item, analysis in zip(chosen, analyzer.analyze_many(i["text"] for i in chosen)):
        counts = Counter(m.actor for m in analysis.mentions)
        rows = [{"kind": a.kind, "name": a.name, "aliases": a.aliases, "mentions": counts[a.id], "role": a.role}
                for a in analysis.actors]
        if args.json:
            print(json.dumps({"id": item.get("id"), "actors": rows}, ensure_ascii=False))
            continue
        print(f"== {item.get('id')}\n   {' '.join(item['text'].split()[:25])} …")
        for row in sorted(rows, key=lambda r: (r["kind"], -r["mentions"])):
            extra = f" = {', '.join(row['aliases'])}" if row["aliases"] else ""
            role = f"  [{row['role']}]" if row["role"] else ""
            print(f"   {row['kind'][:6]:6} {row['mentions']:3}  {row['name']}{extra}{role}")
        print()


if __name__ == "__main__":
    main()
