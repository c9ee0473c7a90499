"""Learn the words that end the names of events, prizes, laws and the like, which are no actors.

    python training/misc_words.py [--min-names 2] [--share 0.9] > resources/wordlists/misc-words.txt

Reads ``../shared/data/ner-conll03-train.jsonl`` and prints, with a header, every capitalised
word that ends at least ``--min-names`` gold names of which at least ``--share`` are MISC
("World Cup", "U.S. Open", "Nobel Prize", "Dayton Agreement"). The actor layer reads a name
the tagger calls a person, body or place that ends in one of them as no actor (rule
``misc_words``), so the list is learned from the training data, not written by hand.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

TRAIN = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ner-conll03-train.jsonl"


def misc_words(path: Path, min_names: int, share: float) -> list[str]:
    """The last words of gold names that are MISC in at least ``share`` of ``min_names`` or more."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            for entity in json.loads(line)["entities"]:
                words = entity["text"].split()
                if len(words) > 1 and len(words[-1]) > 1 and words[-1][:1].isupper() and words[-1].isalpha():
                    labels[words[-1]][entity["label"]] += 1
    return sorted(w for w, c in labels.items()
                  if sum(c.values()) >= min_names and c["MISC"] >= share * sum(c.values()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=TRAIN)
    parser.add_argument("--min-names", type=int, default=2)
    parser.add_argument("--share", type=float, default=0.9)
    args = parser.parse_args()
    print(f"# Words that end names of events, prizes and laws (no actors), learned from CoNLL train by\n"
          f"# training/misc_words.py --min-names {args.min_names} --share {args.share}; do not edit by hand.")
    print("\n".join(misc_words(args.train, args.min_names, args.share)))


if __name__ == "__main__":
    main()
