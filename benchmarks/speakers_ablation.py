"""What each part of the quote layer is worth: the attribution models retrained without it; prints JSON.

    pip install -e '.[train]'
    python benchmarks/speakers_ablation.py [--only speakers|quotations|rules] [--folds 4] [--limit N]

Everything is trained on PolNeAR train (``../shared/data``) and measured on train, on
dev (``../shared/eval``) and by cross-validation over train's documents (each fold's
model never saw the articles it is scored on), the least noisy of the three:

- ``speakers``: the speaker ranker's accuracy (the chosen candidate overlaps the gold
  speaker, over quotations whose speaker is among the candidates) with all features, for
  several L2 penalties, without each feature group, and without the speech-cue word list
  (``speech_verbs.txt``); the noun lists (``speaker_nouns.txt``, ``source_nouns.txt``) are
  the ``noun_lists`` group.
- ``quotations``: quote F1 and direct-quote recall of the quotation classifier with all
  features, without each group, and judging every span instead of the short ones only.
- ``rules``: speaker accuracy and quote F1 end to end (the shared scorer) with each rule
  of candidate search, display and mark pairing switched off in turn.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any
from unittest import mock

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "training"))

import train_speakers as training  # noqa: E402

from reader.analysis import candidates, quotemarks, speakers  # noqa: E402
from reader.analysis.linear import AttributionModel, LinearModel  # noqa: E402
from reader.analysis.quotations import SHORT_WORDS  # noqa: E402
from reader.analysis.speaker_features import GROUPS  # noqa: E402

QUOTATION_GROUPS = ("shape", "place", "marks", "speaker")
_WORD = re.compile(r"\w[\w’'.-]*")


def speakers_table(spans: dict[str, list[training.Span]], no_cue_spans: dict[str, list[training.Span]],
                   folds: int) -> dict[str, Any]:
    def row(split: dict[str, list[training.Span]], l2: float, drop: Sequence[str] = ()) -> dict[str, float]:
        model = training.fit_speakers(split["train"], l2, drop=drop)
        return {"train": training.ranking_accuracy(model, split["train"], drop),
                "dev": training.ranking_accuracy(model, split["dev"], drop),
                "cross_validated": training.cross_validated_accuracy(split["train"], l2, drop, folds)}

    l2 = training.L2_SPEAKERS
    table: dict[str, Any] = {"l2": {str(x): row(spans, x) for x in sorted({l2 / 3, l2, l2 * 3})}}
    table["all features"] = table["l2"][str(l2)]
    for group in GROUPS:
        table[f"without {group}"] = row(spans, l2, [group])
    table["without the speech-cue list"] = row(no_cue_spans, l2)
    return table


def quote_figures(spans: Sequence[training.Span], decide: Callable[[training.Span], bool],
                  gold: Sequence[training.Document]) -> dict[str, float]:
    """Quote F1 and direct recall when ``decide`` says which quoted spans are quotations."""
    kept = [s for s in spans if decide(s)]
    tp = sum(s.quotation for s in kept)
    n_gold = sum(1 for d in gold for q in d.gold["quotes"] if q.get("quote_type") != "indirect")
    n_direct = sum(1 for d in gold for q in d.gold["quotes"] if q.get("quote_type") == "direct")
    direct = sum(1 for s in kept if s.gold_type == "direct")
    p, r = tp / max(1, len(kept)), tp / max(1, n_gold)
    return {"quote_f1": round(200 * p * r / max(1e-9, p + r), 1), "direct_recall": round(100 * direct / max(1, n_direct), 1)}


def quotations_table(spans: dict[str, list[training.Span]], docs: dict[str, list[training.Document]]
                     ) -> dict[str, Any]:
    ranker = training.fit_speakers(spans["train"], training.L2_SPEAKERS)
    examples = training.out_of_fold_quotation_examples(spans["train"], training.L2_SPEAKERS)

    def measure(model: LinearModel, every_span: bool) -> dict[str, Any]:
        out = {}
        for name, split in spans.items():
            chosen = {id(s): features for s, features in
                      zip(split, training.quotation_features_of(split, ranker), strict=True)}

            def decide(s: training.Span) -> bool:
                if not every_span and s.attributor.is_long(s.index):
                    return True
                return model.score(chosen[id(s)]) > 0

            out[name] = quote_figures(split, decide, docs[name])
        return out

    def fitted(drop: Sequence[str] = (), every_span: bool = False) -> LinearModel:
        chosen = [(f, ok, long) for f, ok, long in examples if every_span or not long]
        return training.fit_quotations([([x for x in f if x.split(":", 1)[0] not in drop], ok)
                                        for f, ok, _ in chosen], training.L2_QUOTATIONS)

    table: dict[str, Any] = {"all features": measure(fitted(), False)}
    for group in QUOTATION_GROUPS:
        table[f"without {group}"] = measure(fitted([group]), False)
    table[f"judging every span (not only those of {SHORT_WORDS} words or fewer)"] = measure(fitted(every_span=True), True)
    table["no classifier: every span is a quotation"] = {
        name: quote_figures(split, lambda s: True, docs[name]) for name, split in spans.items()}
    return table


@contextmanager
def _patched(target: Any, name: str, value: Any) -> Iterator[None]:
    with mock.patch.object(target, name, value):
        yield


RULES: dict[str, Callable[[], Any]] = {
    "titles held together by of/for in candidates": lambda: _patched(
        candidates.Layout, "_title_joint", lambda self, k: False),
    "quotation-only paragraphs passed over for the narrative": lambda: _patched(candidates, "PARAGRAPHS_BACK", 1),
    "a name in apposition shown for a description": lambda: _patched(
        speakers.Attributor, "_apposed_name", lambda self, c, others: c),
    "unopened paragraphs continue only speech (a quoted sentence, or the first or second person)": lambda: _patched(
        quotemarks, "_SPEECH", re.compile(r"")),
    "an unopened paragraph continues a quotation that opened as a sentence": lambda: _patched(
        quotemarks, "_opens_speech", lambda text, q_start: False),
}


def rules_table(docs: dict[str, list[training.Document]], model: AttributionModel, score: ModuleType
                ) -> dict[str, Any]:
    table = {"all rules": {name: training.evaluate(split, model, score) for name, split in docs.items()}}
    for rule, switch_off in RULES.items():
        with switch_off():
            table[f"without: {rule}"] = {name: training.evaluate(split, model, score) for name, split in docs.items()}
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/reader-training"))
    parser.add_argument("--folds", type=int, default=training.FOLDS)
    parser.add_argument("--only", action="append", choices=("speakers", "quotations", "rules"))
    parser.add_argument("--limit", type=int, help="use only the first N articles of each split (a quick check)")
    args = parser.parse_args()
    parts = set(args.only or ("speakers", "quotations", "rules"))
    score = training.scorer()
    docs = {name: training.load_split(name, args.cache)[:args.limit] for name in training.SPLITS}
    spans = {name: training.spans_of(split, score) for name, split in docs.items()}
    report: dict[str, Any] = {}
    if "speakers" in parts:
        no_cues = {name: training.spans_of(split, score, cue_list=False) for name, split in docs.items()}
        report["speakers"] = speakers_table(spans, no_cues, args.folds)
    if "quotations" in parts:
        report["quotations"] = quotations_table(spans, docs)
    if "rules" in parts:
        report["rules"] = rules_table(docs, AttributionModel.load(training.OUT), score)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
