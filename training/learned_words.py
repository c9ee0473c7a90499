"""Learn word lists from CoNLL train's gold names, so the actor layer's lists are not written by hand.

    python training/learned_words.py misc > resources/wordlists/misc-words.txt
    python training/learned_words.py given --min-names 3 > resources/wordlists/given-names-learned.txt

Reads ``../shared/data/ner-conll03-train.jsonl`` and prints, with a header, one of two lists:

- ``misc``: every capitalised word that ends at least ``--min-names`` gold names of which at
  least ``--share`` are MISC ("World Cup", "U.S. Open", "Nobel Prize", "Dayton Agreement");
  the actor layer reads a name that ends in one as no actor (rule ``misc_words``).
- ``given``: every capitalised word that opens at least ``--min-names`` gold names of two
  words or more, of which at least ``--share`` are people ("Todd", "Matthew"); the actor
  layer reads a two- or three-word body or place that opens with one as a person (rule
  ``given_names``).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

TRAIN = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ner-conll03-train.jsonl"
KINDS = {"misc": (-1, "MISC", "end names of events, prizes and laws (no actors)"),
         "given": (0, "PER", "open names of people (given names)")}
SHIPPED = {"misc": 2, "given": 3}
"""``--min-names`` of the shipped lists (``--share`` 0.9 for both), which cross-validation relearns per fold."""
SHARE = 0.9


def learned_words(items: Iterable[dict[str, Any]], kind: str, min_names: int, share: float = SHARE) -> list[str]:
    """The words at the list's end of gold names of two words or more in ``items`` (documents
    with CoNLL's ``entities``) that have the list's label in at least ``share`` of
    ``min_names`` or more names."""
    place, label, _ = KINDS[kind]
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for item in items:
        for entity in item["entities"]:
            words = entity["text"].split()
            word = words[place]
            if len(words) > 1 and len(word) > 1 and word[:1].isupper() and word.isalpha():
                labels[word][entity["label"]] += 1
    return sorted(w for w, c in labels.items()
                  if sum(c.values()) >= min_names and c[label] >= share * sum(c.values()))


def read_items(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=sorted(KINDS))
    parser.add_argument("--train", type=Path, default=TRAIN)
    parser.add_argument("--min-names", type=int, default=2)
    parser.add_argument("--share", type=float, default=SHARE)
    args = parser.parse_args()
    print(f"# Words that {KINDS[args.kind][2]}, learned from CoNLL train by\n"
          f"# training/learned_words.py {args.kind} --min-names {args.min_names} --share {args.share}; "
          "do not edit by hand.")
    print("\n".join(learned_words(read_items(args.train), args.kind, args.min_names, args.share)))


if __name__ == "__main__":
    main()
