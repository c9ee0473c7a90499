"""Learn word lists from CoNLL train's gold names, so the actor layer's lists are not written by hand.

    python training/learned_words.py misc > resources/wordlists/misc-words.txt
    python training/learned_words.py given --min-names 3 > resources/wordlists/given-names-learned.txt
    python training/learned_words.py lower --min-names 3 > resources/wordlists/lower-words.txt
    python training/learned_words.py misc_org --min-names 2 > resources/wordlists/misc-org-words.txt

Reads ``../shared/data/ner-conll03-train.jsonl`` and prints, with a header, one of four lists:

- ``misc``: every capitalised word that ends at least ``--min-names`` gold names of which at
  least ``--share`` are MISC ("World Cup", "U.S. Open", "Nobel Prize", "Dayton Agreement");
  the actor layer reads a name that ends in one as no actor (rule ``misc_words``).
- ``given``: every capitalised word that opens at least ``--min-names`` gold names of two
  words or more, of which at least ``--share`` are people ("Todd", "Matthew"); the actor
  layer reads a two- or three-word body or place that opens with one as a person (rule
  ``given_names``).
- ``lower``: every word that modern news (the text of PolNeAR train,
  ``../shared/data/quotes-polnear-train.jsonl``; no labels read) writes in lower case at least
  ``--min-names`` times inside sentences and in at least ``--share`` of the times it writes it
  there ("unlike", "absent", not "bush" nor "white"): the actor layer reads such a word opening
  a sentence as no part of the name after it (rule ``openers``). CoNLL's own vocabulary (the
  tagger's) is smaller and lacks many of them.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

TRAIN = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ner-conll03-train.jsonl"
MODERN_TRAIN = TRAIN.with_name("quotes-polnear-train.jsonl")
_WORD = re.compile(r"(?<![\w'\u2019.-])([A-Za-z][a-z]+)(?![\w'\u2019-])")
_OPENING = " \t\"\u201c\u2018'("
_SENTENCE_END = ".!?\n:\u2014\u2013-"
_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Z][a-z]{1,3}|[A-Z](?:\.[A-Z])+)\.$")
"""A short capitalised word and its dot ("Sen.", "Mr.", "U.S.") end no sentence: "Sen. Rand Paul"
counts "Rand" as written with a capital."""
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


def misc_org_words(items: Iterable[dict[str, Any]], org_words: frozenset[str], min_names: int) -> list[str]:
    """The words of ``org_words`` that end at least ``min_names`` gold names of two words or more
    in ``items``, most of them MISC."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for item in items:
        for entity in item["entities"]:
            words = entity["text"].split()
            if len(words) > 1 and words[-1] in org_words:
                labels[words[-1]][entity["label"]] += 1
    return sorted(w for w, c in labels.items() if sum(c.values()) >= min_names and 2 * c["MISC"] > sum(c.values()))


def lower_words(texts: Iterable[str], min_times: int, share: float = SHARE) -> list[str]:
    """The words ``texts`` write in lower case inside sentences (not after a stop, a colon, a
    dash or a line break; after "Sen." or "U.S." they are inside) at least ``min_times`` times
    and in at least ``share`` of the times they write them there."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for text in texts:
        for m in _WORD.finditer(text):
            k = m.start() - 1
            while k >= 0 and text[k] in _OPENING:
                k -= 1
            if k >= 0 and (text[k] not in _SENTENCE_END or _ABBREVIATION.search(text, 0, k + 1)):
                word = m.group(1)
                (lower if word.islower() else capital)[word.lower()] += 1
    return sorted(w for w, c in lower.items() if c >= min_times and c >= share * (c + capital[w]))


def read_items(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=[*sorted(KINDS), "lower", "misc_org"])
    parser.add_argument("--train", type=Path, default=TRAIN)
    parser.add_argument("--min-names", type=int, default=2)
    parser.add_argument("--share", type=float, default=SHARE)
    args = parser.parse_args()
    if args.kind == "misc_org":
        from reader.bundled import word_list

        print("# Words of org-words.txt that end names mostly MISC in CoNLL train, learned by\n"
              f"# training/learned_words.py misc_org --min-names {args.min_names}; do not edit by hand.")
        print("\n".join(misc_org_words(read_items(args.train), frozenset(word_list("org-words.txt")), args.min_names)))
        return
    if args.kind == "lower":
        print("# Words modern news writes in lower case, learned from the text of PolNeAR train by\n"
              f"# training/learned_words.py lower --min-names {args.min_names} --share {args.share}; "
              "do not edit by hand.")
        print("\n".join(lower_words((i["text"] for i in read_items(MODERN_TRAIN)), args.min_names, args.share)))
        return
    print(f"# Words that {KINDS[args.kind][2]}, learned from CoNLL train by\n"
          f"# training/learned_words.py {args.kind} --min-names {args.min_names} --share {args.share}; "
          "do not edit by hand.")
    print("\n".join(learned_words(read_items(args.train), args.kind, args.min_names, args.share)))


if __name__ == "__main__":
    main()
