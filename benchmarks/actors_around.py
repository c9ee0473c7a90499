"""Screen evidence of other sentences for the actor tagger's second stage; prints JSON.

    python benchmarks/actors_around.py --cache DIR [--rounds 5] [--variant shipped] [--variant around:2]…

The second stage reads the first stage's labels of the whole document. Two families of
evidence from other sentences are screened here (code of the screening only):

- ``around:N``: the common words (the vocabulary rule: never a name's spelling) one and two
  places before and after the same capitalised word at its *other* places in the document,
  each kept when N of those places or more show it ("shares of Halden", "Halden said its":
  ``a-2=shares``, ``a+2=its``; the non-local features of Krishnan & Manning 2006). ``around``
  is ``around:1``; ``around-np:N`` gives them to no word the first stage read as a person
  anywhere in the document.
- ``rows``: whether the token stands in a row of a table (a line with two tokens or more
  holding digits, a third of its tokens or more), alone and joined to the first stage's
  label of the token and to its labels of the same word elsewhere, so that in a table what
  the prose says of the word may weigh apart.
- ``lines``: the same conjunctions for a token of a line in capitals or Title Case (a press
  digest's paper, a slug), where the first stage's kinds of line already are.

Variants join families with ``+`` and may leave out features by prefix after a ``/``
(``around/a-2=,a+2=``: one word each side). Screening needs no new first stage: the fold
models of an earlier ``python training/train_actors.py --cv --cache DIR`` run
(``DIR/models/stage1-foldK.crfsuite``, each trained without its fold and with its fold's
vocabulary) give every training document its out-of-fold labels, as the recipe does. Each
variant trains the second stage of ``--rounds`` of the 5 folds on the other folds' labels,
as ``--cv`` does (``shipped`` gives the recipe's ``stage2-foldK`` models byte for byte,
checked), and reports Reader's typed F1 (tagger and actor layer, the shared scorer, each
fold with its vocabulary and lists) on the held-out documents, and the first fold's two
stages on the modern checks (``training/modern.py``). None of it ships
(``resources/models/actors/MODEL.md`` has the figures).
"""

from __future__ import annotations

import argparse
import filecmp
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "training"))

import train_actors as training  # noqa: E402

from reader.analysis.engine import Parsed, Token, as_read  # noqa: E402
from reader.analysis.features import DocumentView, Featurizer, Stacked, sentences  # noqa: E402
from reader.analysis.tagger import ActorTagger, to_spans  # noqa: E402

AROUND = (-2, -1, 1, 2)
"""The places around a word whose common words are read at the word's other places."""


class Variant:
    """The second-stage evidence of one screened variant, beside the shipped features."""

    def __init__(self, name: str) -> None:
        families, _, dropped = name.partition("/")
        self.around = 0
        self.rows = False
        self.unless_person = False
        self.lines = False
        for family in families.split("+"):
            kind, _, minimum = family.partition(":")
            if kind in ("around", "around-np"):
                self.around = int(minimum or 1)
                self.unless_person = kind == "around-np"
            elif kind == "rows":
                self.rows = True
            elif kind == "lines":
                self.lines = True
            elif kind != "shipped":
                raise SystemExit(f"unknown variant {name!r}")
        self.drop = tuple(dropped.split(",")) if dropped else ()

    def second(self, view: DocumentView, text: str) -> list[tuple[str, ...]]:
        """Each token's features of the variant's families (none for ``shipped``)."""
        out: list[tuple[str, ...]] = [()] * len(view.words)
        if self.around:
            out = around(view.words, view.lowers, view.firsts, view.known, self.around)
        if self.rows:
            out = [(*f, "r=row") if row else f for f, row in zip(out, table_rows(text, view.tokens))]
        return [tuple(x for x in f if not x.startswith(self.drop)) if self.drop else f for f in out]

    def stage2(self, featurizer: Featurizer, parsed: Parsed, labels: Sequence[str], first: int = 0,
               last: int | None = None) -> list[list[str]]:
        """The second stage's features of tokens ``[first, last)`` of ``parsed``: the shipped ones
        (:class:`Stacked`) and the variant's."""
        view = featurizer.view(parsed)
        last = len(view.words) if last is None else last
        second = self.second(view, as_read(parsed.text))
        if self.unless_person:  # no word the first stage read as a person anywhere in the document
            people = {lw for lw, label in zip(view.lowers, labels) if label.endswith("-PER")}
            second = [tuple(x for x in f if not x.startswith(("a-", "a+"))) if lw in people else f
                      for f, lw in zip(second, view.lowers)]
        base = [f + list(second[i]) for i, f in enumerate(featurizer.base_features(view, first, last), first)]
        out = Stacked(view.words, labels).features(base, first)
        for f in out:
            if self.rows and "r=row" in f:  # the token's label and the word's labels elsewhere, in a table
                f += [f"r:{x}" for x in f if x.startswith(("p=", "P"))]
            if self.lines and "l=body" not in f:  # the same in a line in capitals or Title Case
                f += [f"l:{x}" for x in f if x.startswith(("p=", "P"))]
        return out


def around(words: Sequence[str], lowers: Sequence[str], firsts: Sequence[bool], known: Sequence[str],
           minimum: int) -> list[tuple[str, ...]]:
    """The common words around each capitalised word at ``minimum`` or more of its other places
    in the document; a word's own neighbours are left out (the first stage has them)."""
    n = len(words)
    own: list[tuple[str, ...]] = [()] * n
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for i, w in enumerate(words):
        if not (w[:1].isupper() and any(ch.isalpha() for ch in w)):
            continue
        found = []
        for offset in AROUND:
            j = i + offset
            if not 0 <= j < n or any(firsts[k] for k in (range(j + 1, i + 1) if offset < 0 else range(i + 1, j + 1))):
                continue  # outside the document or across a sentence's start
            word = known[j]
            if word and (word[:1].isalpha() or word == "'s"):
                found.append(f"a{offset:+d}={word}")
        own[i] = tuple(found)
        counts[lowers[i]].update(found)
    out: list[tuple[str, ...]] = []
    for i, w in enumerate(words):
        seen = counts.get(lowers[i]) if w[:1].isupper() else None
        out.append(tuple(f for f, c in seen.items() if c - (f in own[i]) >= minimum) if seen else ())
    return out


def table_rows(text: str, tokens: Sequence[Token]) -> list[bool]:
    """Whether each token stands in a line with two tokens or more holding digits, a third of its tokens or more."""
    out: list[bool] = []
    line: list[bool] = []
    for i, token in enumerate(tokens):
        if i and "\n" in text[tokens[i - 1].end:token.start]:
            out += [sum(line) >= 2 and 3 * sum(line) >= len(line)] * len(line)
            line = []
        line.append(any(ch.isdigit() for ch in text[token.start:token.end]))
    out += [sum(line) >= 2 and 3 * sum(line) >= len(line)] * len(line)
    return out


class ScreenedTagger(ActorTagger):
    """The two stages of one fold with a variant's second-stage features, for the modern checks."""

    def __init__(self, featurizer: Featurizer, stages: Sequence[Path], variant: Variant) -> None:
        super().__init__(featurizer, stages)
        self.variant = variant

    def _tag(self, parsed: Parsed, stages: int | None) -> list[str]:
        view = self.featurizer.view(parsed)
        runs = [r for r in sentences(parsed) if any(w[:1].isupper() for w in view.words[r.first:r.last])]
        labels = ["O"] * len(view.words)
        for run in runs:
            labels[run.first:run.last] = self.taggers[0].tag(self.featurizer.features(view, run.first, run.last))
        second = self.variant.stage2(self.featurizer, parsed, labels)
        out = labels[:]
        for run in runs:
            out[run.first:run.last] = self.taggers[1].tag(second[run.first:run.last])
        return out


def measure(args: argparse.Namespace) -> dict[str, Any]:
    train = training.load(args.train, args.cache)
    n = len(train.parsed)
    parts = training.folds(n, 5)
    cv = training.cv_folds(train, n, parts)
    models = args.cache / "models"
    started = time.monotonic()
    oof: dict[int, list[str]] = {}
    for k, held in enumerate(parts):  # the recipe's out-of-fold first-stage labels
        features = training.featurize(cv[k].featurizer(()), train)
        oof.update(training.tag(models / f"stage1-fold{k}.crfsuite", features, train, held))
    print(f"first stage out of fold: {time.monotonic() - started:.0f} s", file=sys.stderr)
    checks = training.ModernChecks(args.cache, cv[0].vocabulary)
    work = args.cache / "around"
    work.mkdir(parents=True, exist_ok=True)
    rows: dict[str, Any] = {}
    for name in args.variant or ["shipped", "around"]:
        started = time.monotonic()
        variant = Variant(name)
        predicted: dict[int, list[str]] = {}
        row: dict[str, Any] = {}
        for k in range(args.rounds):
            featurizer = cv[k].featurizer(())
            f2 = [variant.stage2(featurizer, p, oof[d]) for d, p in enumerate(train.parsed)]
            model = work / f"{name.replace('/', '-')}-stage2-fold{k}.crfsuite"
            training.train_crf(training.sequences_of(f2, train, training.learning(parts, k, n, 0)), model)
            predicted.update(training.tag(model, f2, train, parts[k]))
            if name == "shipped":
                row[f"same_as_recipe_fold{k}"] = filecmp.cmp(model, models / f"stage2-fold{k}.crfsuite", shallow=False)
            if k == 0:
                tagger = ScreenedTagger(featurizer, [models / "stage1-fold0.crfsuite", model], variant)
                checked = checks.measure(tagger.spans)
                row["model_bytes"] = model.stat().st_size
        spans = {d: to_spans(train.parsed[d], labels) for d, labels in predicted.items()}
        reader = training.pipeline_f1(train, spans, (), cv[:args.rounds])
        rows[name] = {"cv_all": reader["all"], "cv_general": reader["general"],
                      "cv_general_org": reader["general/ORG"], "cv_org": reader["all/ORG"],
                      "stage2_tokens": training.span_f1(train, predicted)["f1"],
                      "modern": checked["modern"]["all"], "modern_org": checked["modern"].get("all/ORG"),
                      "polnear_train_person": checked["polnear_train"]["person"],
                      "polnear_dev_person": checked["polnear_dev"]["person"],
                      **row, "seconds": round(time.monotonic() - started)}
        print(name, rows[name], file=sys.stderr)
    return {"rounds": args.rounds, "measured_on_docs": sum(len(parts[k]) for k in range(args.rounds)), "rows": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=training.TRAIN)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/reader-actors-training"))
    parser.add_argument("--rounds", type=int, default=5, help="how many of the 5 folds to hold out in turn")
    parser.add_argument("--variant", action="append",
                        help="shipped, around[:N], around-np[:N], rows, lines; joined by +, /prefixes left out")
    print(json.dumps(measure(parser.parse_args()), indent=1))


if __name__ == "__main__":
    main()
