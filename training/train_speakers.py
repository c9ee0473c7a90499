"""Train the attribution models on PolNeAR's train split; report train and dev side by side.

    pip install -e '.[train]'
    python training/train_speakers.py      # writes resources/models/attribution/model.json

``benchmarks/speakers_ablation.py`` reuses these functions to compare penalties and
feature groups by cross-validation on train.

The texts are parsed once with Reader's engine and kept under ``--cache`` (outside the
repository). Every quoted span Reader finds is matched to the gold quotations as the
shared scorer matches them.

- Speakers: for each matched span whose gold speaker is known, the candidates are those
  Reader's attributor sees and the first candidate overlapping the gold speaker is right
  (a long gold span, "Officials at Homeland Security Investigations, a division of …", holds
  several candidates: the first names the speaker, the others are its complements).
  A conditional logit (softmax over a span's candidates, log-likelihood of the right one,
  L2 penalty) is fitted with L-BFGS; features seen in fewer than ``MIN_COUNT``
  training spans are left out.
- Quotations: every short quoted span is an example, a quotation when it matches a gold
  quotation (not an indirect one); its features include what the ranker chose for it,
  the ranker being fitted on the other folds of train so that it is no better there than
  on unseen text. A logistic model with an L2 penalty is fitted the same way.

Both splits are then scored end to end with the shared scorer (``../shared/eval/score.py``).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import pickle
import sys
import time
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

from reader.analysis.actors import find_actors
from reader.analysis.cues import Cues
from reader.analysis import engine as engine_module
from reader.analysis.engine import Engine, Parsed
from reader.analysis.linear import MODEL_FILE, AttributionModel, LinearModel
from reader.analysis.model import Analysis
from reader.analysis.quotemarks import find_quoted_spans
from reader.analysis.quotes import find_quotes
from reader.analysis.speakers import Attributor

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SPLITS = {"train": SHARED / "data" / "quotes-polnear-train.jsonl", "dev": SHARED / "eval" / "quotes-polnear-dev.jsonl"}
SCORER = SHARED / "eval" / "score.py"
OUT = REPO / "resources" / Path(*MODEL_FILE)
FOLDS = 4
L2_SPEAKERS = 3.0
L2_QUOTATIONS = 1.0
MIN_COUNT = 3
SMALLEST = 0.01
"""Weights of smaller magnitude are left out of the shipped file."""


@dataclass
class Document:
    gold: dict[str, Any]
    parsed: Parsed
    analysis: Analysis  # actors and mentions of the actor layer


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_split(name: str, cache: Path) -> list[Document]:
    """The gold articles of a split with Reader's parse and actors (the parse cached on disk)."""
    gold = [json.loads(line) for line in SPLITS[name].read_text(encoding="utf-8").splitlines() if line.strip()]
    engine = Engine()
    code = hashlib.sha256(Path(engine_module.__file__).read_bytes()).hexdigest()  # it prepares the text for spaCy
    key = hashlib.sha256("\x00".join([engine.model_key, code, *(d["text"] for d in gold)]).encode()).hexdigest()[:16]
    path = cache / f"{name}-{key}.pkl"
    parsed: dict[str, Parsed] | None = None
    if path.exists():
        with path.open("rb") as f:
            parsed = pickle.load(f)
    if parsed is None or set(parsed) != {d["id"] for d in gold}:
        started = time.monotonic()
        parsed = {d["id"]: p for d, p in zip(gold, engine.parse_many(d["text"] for d in gold), strict=True)}
        cache.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as f:
            pickle.dump(parsed, f)
        print(f"parsed {name} in {time.monotonic() - started:.0f} s", file=sys.stderr)
    docs = []
    for d in gold:
        actors, mentions = find_actors(parsed[d["id"]])
        docs.append(Document(d, parsed[d["id"]], Analysis(actors, mentions)))
    return docs


def matched_quotes(score: ModuleType, doc: Document, spans: Sequence[tuple[int, int]]) -> dict[int, dict[str, Any]]:
    """Gold quotations (not indirect) matched to quoted spans as the scorer matches them."""
    text = doc.gold["text"]
    used: dict[int, dict[str, Any]] = {}
    for q in doc.gold["quotes"]:
        if q.get("quote_type") == "indirect":
            continue
        gs = score.core(text, q["start"], q["end"])
        best, best_i = 0.0, None
        for i, (start, end) in enumerate(spans):
            if i in used:
                continue
            ps = score.core(text, start, end)
            r = score.overlap(gs, ps) / max(gs[1] - gs[0], ps[1] - ps[0], 1)
            if r > best:
                best, best_i = r, i
        if best_i is not None and best >= 0.5:
            used[best_i] = q
    return used


@dataclass
class Span:
    """One quoted span of a training text, with what the models are fitted on."""

    doc: int
    quotation: bool  # it matches a gold quotation
    gold_type: str | None  # that quotation's type: direct or mixed
    candidates: list[list[str]]  # each candidate's ranker features
    right: list[bool] | None  # the training target: the first candidate that overlaps the gold speaker
    overlaps: list[bool] | None  # which candidates overlap the gold speaker (what the scorer accepts)
    attributor: Attributor = field(repr=False)
    index: int = 0


def spans_of(docs: Sequence[Document], score: ModuleType, cue_list: bool = True) -> list[Span]:
    """Every quoted span of the documents with its candidates and gold labels."""
    out: list[Span] = []
    for n, doc in enumerate(docs):
        found = find_quoted_spans(doc.gold["text"])
        gold = matched_quotes(score, doc, [(s.start, s.end) for s in found])
        attributor = Attributor(doc.parsed, found, doc.analysis.mentions, model=AttributionModel(
            LinearModel(), LinearModel()), cues=None if cue_list else Cues([]))
        for k in range(len(found)):
            candidates, features = attributor.candidates_and_features(k)
            q = gold.get(k)
            right = overlaps = None
            if q is not None and q.get("speaker_start") is not None:
                overlaps = [c.start < q["speaker_end"] and q["speaker_start"] < c.end for c in candidates]
                right = [n == overlaps.index(True) for n in range(len(candidates))] if any(overlaps) else overlaps
            out.append(Span(n, q is not None, q and q.get("quote_type"), features, right, overlaps, attributor, k))
    return out


def _keep(features: Sequence[str], drop: Collection[str]) -> list[str]:
    return [f for f in features if f.split(":", 1)[0] not in drop] if drop else list(features)


def fit_speakers(spans: Sequence[Span], l2: float, min_count: int = MIN_COUNT,
                 drop: Collection[str] = ()) -> LinearModel:
    """Maximise the likelihood of the right candidates under a softmax over each span's candidates."""
    groups = [([_keep(f, drop) for f in s.candidates], s.right) for s in spans if s.right and any(s.right)]
    seen = Counter(f for feats, _ in groups for f in {f for c in feats for f in c})
    vocab = {f: n for n, f in enumerate(sorted(f for f, c in seen.items() if c >= min_count))}
    rows, cols, starts, labels = [], [], [], []
    r = 0
    for feats, right in groups:
        starts.append(r)
        for candidate, ok in zip(feats, right, strict=True):
            for f in candidate:
                col = vocab.get(f)
                if col is not None:
                    rows.append(r)
                    cols.append(col)
            labels.append(ok)
            r += 1
    x = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(r, len(vocab)))
    y = np.array(labels, dtype=float)
    first = np.array(starts)
    group_of = np.repeat(np.arange(len(first)), np.diff(np.append(first, r)))

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = x @ w
        top = np.maximum.reduceat(s, first)
        e = np.exp(s - top[group_of])
        z = np.add.reduceat(e, first)
        zr = np.add.reduceat(e * y, first)
        value = -np.sum(np.log(zr) - np.log(z)) + 0.5 * l2 * w @ w
        grad = x.T @ (e / z[group_of] - e * y / zr[group_of]) + l2 * w
        return float(value), grad

    return LinearModel(_weights(minimize(loss, np.zeros(len(vocab)), jac=True, method="L-BFGS-B",
                                         options={"maxiter": 3000}).x, vocab))


def fit_quotations(examples: Sequence[tuple[list[str], bool]], l2: float, min_count: int = MIN_COUNT) -> LinearModel:
    """Logistic regression: a quoted span is a quotation or not."""
    seen = Counter(f for feats, _ in examples for f in set(feats))
    vocab = {f: n for n, f in enumerate(sorted(f for f, c in seen.items() if c >= min_count))}
    rows, cols = [], []
    for r, (feats, _) in enumerate(examples):
        for f in feats:
            col = vocab.get(f)
            if col is not None:
                rows.append(r)
                cols.append(col)
    x = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(examples), len(vocab)))
    y = np.array([ok for _, ok in examples], dtype=float)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = x @ w
        value = np.sum(np.logaddexp(0, s) - y * s) + 0.5 * l2 * w @ w
        grad = x.T @ (1 / (1 + np.exp(-s)) - y) + l2 * w
        return float(value), grad

    return LinearModel(_weights(minimize(loss, np.zeros(len(vocab)), jac=True, method="L-BFGS-B",
                                         options={"maxiter": 3000}).x, vocab))


def _weights(w: np.ndarray, vocab: dict[str, int]) -> dict[str, float]:
    """The weights that count, rounded: on dev, dropping those under ``SMALLEST`` changed no decision
    and halved the file."""
    names = list(vocab)
    return {names[n]: round(float(v), 3) for n, v in enumerate(w) if abs(v) >= SMALLEST}


def folds(spans: Sequence[Span], n: int = FOLDS) -> list[tuple[list[Span], list[Span]]]:
    """Train/held-out pairs of spans, split by document."""
    return [([s for s in spans if s.doc % n != f], [s for s in spans if s.doc % n == f]) for f in range(n)]


def ranking_accuracy(model: LinearModel, spans: Sequence[Span], drop: Collection[str] = ()) -> float:
    """Share of spans whose gold speaker is among the candidates where the ranker's choice overlaps it."""
    scored = [s for s in spans if s.overlaps and any(s.overlaps)]
    right = 0
    for s in scored:
        best = model.best([_keep(f, drop) for f in s.candidates])
        right += best is not None and s.overlaps[best]
    return round(100 * right / max(1, len(scored)), 2)


def cross_validated_accuracy(spans: Sequence[Span], l2: float, drop: Collection[str] = (), n: int = FOLDS) -> float:
    """The ranker's accuracy on each fold of documents when fitted on the others."""
    right = total = 0.0
    for train, held_out in folds(spans, n):
        scored = sum(1 for s in held_out if s.overlaps and any(s.overlaps))
        right += ranking_accuracy(fit_speakers(train, l2, drop=drop), held_out, drop) * scored / 100
        total += scored
    return round(100 * right / max(1.0, total), 2)


def quotation_features_of(spans: Sequence[Span], ranker: LinearModel) -> list[list[str]]:
    """The quotation classifier's features of each span, with the candidate ``ranker`` chooses for it."""
    out = []
    for s in spans:
        best = ranker.best(s.candidates)
        candidates = s.attributor.layout.candidates(s.index)
        chosen = None if best is None else candidates[best]
        out.append(s.attributor.quotation_features(s.index, chosen))
    return out


def out_of_fold_quotation_examples(spans: Sequence[Span], l2: float) -> list[tuple[list[str], bool, bool]]:
    """Each span's quotation features, whether it is a quotation and whether it is long; the chosen
    speaker comes from a ranker that did not see the span's document."""
    out: list[tuple[list[str], bool, bool]] = []
    for train, held_out in folds(spans):
        features = quotation_features_of(held_out, fit_speakers(train, l2))
        out += [(f, s.quotation, s.attributor.is_long(s.index)) for f, s in zip(features, held_out, strict=True)]
    return out


def train(spans: Sequence[Span], l2_speakers: float = L2_SPEAKERS, l2_quotations: float = L2_QUOTATIONS
          ) -> AttributionModel:
    """Both models; the classifier judges only short spans (long ones are always quotations)."""
    speakers = fit_speakers(spans, l2_speakers)
    examples = out_of_fold_quotation_examples(spans, l2_speakers)
    quotations = fit_quotations([(f, ok) for f, ok, long in examples if not long], l2_quotations)
    return AttributionModel(speakers, quotations)


def evaluate(docs: Sequence[Document], model: AttributionModel, score: ModuleType,
             cue_list: bool = True) -> dict[str, Any]:
    """Quote and speaker figures of the whole quote layer with this model, from the shared scorer, and
    ``named_speaker_actor``: of the quotations whose gold speaker span holds one person the actor
    layer knows, the share given to that actor (what a scorer that compares names rewards)."""
    attributor = partial(Attributor, model=model, cues=None if cue_list else Cues([]))
    predictions = {}
    named = resolved = 0
    for doc in docs:
        quotes = find_quotes(doc.parsed, doc.analysis.actors, doc.analysis.mentions, attributor)
        predictions[doc.gold["id"]] = {"id": doc.gold["id"],
                                       **Analysis(doc.analysis.actors, doc.analysis.mentions, quotes).to_json()}
        people = {a.id for a in doc.analysis.actors if a.kind == "person"}
        for k, q in matched_quotes(score, doc, [(x.start, x.end) for x in quotes]).items():
            if q.get("speaker_start") is None:
                continue
            inside = {m.actor for m in doc.analysis.mentions if m.actor in people
                      and q["speaker_start"] <= m.start and m.end <= q["speaker_end"]}
            if len(inside) == 1:
                named += 1
                resolved += quotes[k].speaker in inside
    result = score.score_quotes([d.gold for d in docs], predictions)
    return {"quote_f1": result["quotes"]["f1"], "quote_p": result["quotes"]["p"], "quote_r": result["quotes"]["r"],
            "direct_recall": result["direct_recall"], "speaker_accuracy": result["speaker_accuracy"],
            "speakers_scored": result["speakers_scored"],
            "named_speaker_actor": round(100 * resolved / max(1, named), 1), "named_speakers": named}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/reader-training"))
    parser.add_argument("--l2-speakers", type=float, default=L2_SPEAKERS)
    parser.add_argument("--l2-quotations", type=float, default=L2_QUOTATIONS)
    args = parser.parse_args()
    score = scorer()
    docs = {name: load_split(name, args.cache) for name in SPLITS}
    started = time.monotonic()
    spans = spans_of(docs["train"], score)
    model = train(spans, args.l2_speakers, args.l2_quotations)
    seconds = time.monotonic() - started
    figures = {name: evaluate(split, model, score) for name, split in docs.items()}
    model.meta = {"trained_on": SPLITS["train"].name, "l2_speakers": args.l2_speakers,
                  "l2_quotations": args.l2_quotations, "min_count": MIN_COUNT,
                  "speaker_features": len(model.speakers.weights),
                  "quotation_features": len(model.quotations.weights), "figures": figures}
    model.save(args.out)
    print(json.dumps({"out": str(args.out), "seconds": round(seconds, 1), **model.meta}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
