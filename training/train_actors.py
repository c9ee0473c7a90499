"""Train the actor tagger shipped in ``resources/models/actors/``; prints JSON figures.

    pip install -e '.[train]'
    python training/train_actors.py [--cv] [--out resources/models/actors] [--c1 1.0 --c2 0.1]
                                    [--extra training/data/modern-news.txt --extra-weight K]

Parses ``../shared/data/ner-conll03-train.jsonl`` with Reader's engine,
trains the first stage on it, the second stage on the first stage's out-of-fold
predictions (k folds, so it learns how far the first stage can be trusted on text it
never saw), and writes both with the vocabulary and config. It reports token-span F1
(PER/ORG/LOC, typed, exact) of each stage on train, cross-validated on train, and on
``../shared/eval/ner-conll03-dev.jsonl``; then Reader's F1 (tagger and actor layer,
with the shared scorer) on train and dev, and with ``--cv`` cross-validated on train,
with each rule of the actor layer left out in turn. ``benchmarks/actors_ablation.py``
measures the features and word lists the same way. ``--rules`` repeats only the rule
ablation with the models of an earlier ``--cv`` run.

Cross-validated figures relearn per fold, from the other folds' documents only, what the
recipe learns from CoNLL train besides the models: the vocabulary of common words (the
featurizer's and the actor layer's) and the lists of ``training/learned_words.py`` (the
actor layer's ``misc_words`` and ``given_names``), so a fold is measured as unseen text is
(:func:`cv_folds`). The shipped models are trained as before, with the whole vocabulary.

The extra texts (``--extra``, marked up as ``training/data/modern-news.txt``) are split
into the same k folds as CoNLL's documents and scored out of fold too, so a recipe's
figure on them is that of models that never saw the text. With ``--extra-weight K`` the
models also learn from them, each text K times (python-crfsuite has no instance
weights); with K = 0 (the default) they are only measured and the models are CoNLL's
alone, byte for byte. The vocabulary is CoNLL's in both cases.

Parsed corpora are cached in ``--cache`` (by file content, spaCy model and the engine's
code), so retraining does not run spaCy again.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import random
import sys
import time
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "training"))

from reader.analysis import engine as engine_module  # noqa: E402
from reader.analysis.engine import Engine, Parsed  # noqa: E402
from reader.analysis.features import Featurizer, sentences, stacked  # noqa: E402
from reader.analysis.gazetteer import lexicon, relearned  # noqa: E402
from reader.analysis.actors import RULES, build_actors  # noqa: E402
from reader.analysis.model import Actor, Mention  # noqa: E402
from reader.analysis.tagger import STAGE_FILES, ActorTagger, Span, tag_sentences, to_spans  # noqa: E402

import modern  # noqa: E402
from learned_words import SHIPPED, learned_words  # noqa: E402

SHARED = REPO.parent / "shared"
TRAIN = SHARED / "data" / "ner-conll03-train.jsonl"
DEV = SHARED / "eval" / "ner-conll03-dev.jsonl"
ACTOR_TYPES = ("PER", "ORG", "LOC")
VOCABULARY_MIN = 3
"""A word is "common" (its identity a feature even when capitalised) when seen this often in lower case."""

CRF_PARAMS = {"c1": 1.0, "c2": 0.1, "max_iterations": 150, "feature.possible_transitions": True,
              "feature.minfreq": 2}
SEED = 13


class Corpus:
    """Documents with their gold entities and their parse."""

    def __init__(self, items: list[dict[str, Any]], parsed: list[Parsed]) -> None:
        self.items = items
        self.parsed = parsed
        self.gold = [gold_labels(p, item["entities"]) for item, p in zip(items, parsed)]


def load(path: Path, cache: Path, vectors: bool = False) -> Corpus:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return Corpus(items, parse(path.stem, [item["text"] for item in items], cache, vectors))


def parse(name: str, texts: Sequence[str], cache: Path, vectors: bool = False) -> list[Parsed]:
    """The engine's parse of ``texts``, cached by their content, the spaCy model and the
    engine's code (which prepares the text for spaCy: a change there is a new parse);
    ``vectors`` keeps spaCy's token vectors too (``benchmarks/actors_dense.py``)."""
    engine = Engine(vectors=vectors)
    code = hashlib.sha256(Path(engine_module.__file__).read_bytes()).hexdigest()
    digest = hashlib.sha256("\x00".join([engine.model_key, code, *texts]).encode()).hexdigest()[:16]
    cached = cache / f"{name}{'-vectors' if vectors else ''}-{digest}.pickle"
    if cached.exists():
        parsed: list[Parsed] = pickle.loads(cached.read_bytes())
        return parsed
    started = time.monotonic()
    parsed = list(engine.parse_many(texts))
    cache.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(pickle.dumps(parsed))
    print(f"parsed {name} in {time.monotonic() - started:.0f} s", file=sys.stderr)
    return parsed


def gold_labels(parsed: Parsed, entities: Sequence[dict[str, Any]]) -> list[str]:
    """BIO labels of the engine's tokens from gold character spans (a token is inside a
    name when it starts inside it)."""
    labels = ["O"] * len(parsed.tokens)
    starts = [t.start for t in parsed.tokens]
    for ent in entities:
        i = bisect_left(starts, ent["start"])
        first = True
        while i < len(starts) and starts[i] < ent["end"]:
            labels[i] = f"{'B' if first else 'I'}-{ent['label']}"
            first = False
            i += 1
    return labels


def load_marked(path: Path, cache: Path) -> Corpus:
    """Texts marked up as ``training/data/modern-news.txt``, parsed and cached like CoNLL's."""
    items = modern.parse_marked(path.read_text(encoding="utf-8"))
    return Corpus(items, parse(path.stem, [item["text"] for item in items], cache))


def vocabulary(parsed: Sequence[Parsed]) -> frozenset[str]:
    """Words written in lower case at least VOCABULARY_MIN times in the training text."""
    counts: Counter[str] = Counter()
    for p in parsed:
        for t in p.tokens:
            word = p.text[t.start:t.end]
            if word.islower():
                counts[word] += 1
    return frozenset(w for w, c in counts.items() if c >= VOCABULARY_MIN)


class Fold(NamedTuple):
    """A fold of the cross-validation with what is learned without it besides the models: the
    vocabulary (the featurizer's and the actor layer's common words) and the word lists of
    ``training/learned_words.py``, so its figures are those of text none of them saw."""

    held: frozenset[int]
    vocabulary: frozenset[str]
    misc_words: frozenset[str]
    given_names: frozenset[str]

    def featurizer(self, off: Sequence[str]) -> Featurizer:
        return Featurizer(lexicon(), self.vocabulary, off)


def cv_folds(corpus: Corpus, n: int, parts: Sequence[Sequence[int]]) -> list[Fold]:
    """The folds ``parts`` of ``corpus``, each with the vocabulary and lists learned from the
    other folds' CoNLL documents (the first ``n``; extra texts are never learned from here)."""
    out = []
    for held in parts:
        learn = [d for d in range(n) if d not in set(held)]
        items = [corpus.items[d] for d in learn]
        out.append(Fold(frozenset(held), vocabulary([corpus.parsed[d] for d in learn]),
                        frozenset(learned_words(items, "misc", SHIPPED["misc"])),
                        frozenset(learned_words(items, "given", SHIPPED["given"]))))
    return out


def built(corpus: Corpus, spans: dict[int, list[Span]], off: Sequence[str] = (),
          cv: Sequence[Fold] = ()) -> dict[int, tuple[list[Actor], list[Mention]]]:
    """The actor layer's actors and mentions of each document of ``spans``; with ``cv``, each
    fold's documents with that fold's vocabulary and learned lists (otherwise the shipped ones)."""
    if not cv:
        return {d: build_actors(corpus.parsed[d], found, off) for d, found in spans.items()}
    out = {}
    for fold in cv:
        with relearned(fold.misc_words, fold.given_names):
            out.update({d: build_actors(corpus.parsed[d], spans[d], off, fold.vocabulary)
                        for d in sorted(fold.held) if d in spans})
    return out


def runs(parsed: Parsed) -> list[Any]:
    words = [parsed.text[t.start:t.end] for t in parsed.tokens]
    return [r for r in sentences(parsed) if any(w[:1].isupper() for w in words[r.first:r.last])]


def words_of(parsed: Parsed) -> list[str]:
    return [parsed.text[t.start:t.end] for t in parsed.tokens]


def train_crf(sequences: list[tuple[list[list[str]], list[str]]], path: Path) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in sequences:
        trainer.append(xseq, yseq)
    trainer.set_params(CRF_PARAMS)
    trainer.train(str(path))


def sequences_of(features: list[list[list[str]]], corpus: Corpus, docs: Sequence[int]) -> list[tuple[Any, Any]]:
    out = []
    for d in docs:
        for r in runs(corpus.parsed[d]):
            out.append((features[d][r.first:r.last], corpus.gold[d][r.first:r.last]))
    return out


def tag(model: Path, features: list[list[list[str]]], corpus: Corpus, docs: Sequence[int]) -> dict[int, list[str]]:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return {d: tag_sentences(tagger, features[d], runs(corpus.parsed[d])) for d in docs}


def span_f1(corpus: Corpus, predicted: dict[int, list[str]]) -> dict[str, float]:
    """Typed exact-span F1 over PER/ORG/LOC, like the shared scorer, on token labels."""
    tp = npred = ngold = 0
    for d, labels in predicted.items():
        pred = {(s.start, s.end, s.label) for s in to_spans(corpus.parsed[d], labels) if s.label in ACTOR_TYPES}
        gold = {(e["start"], e["end"], e["label"]) for e in corpus.items[d]["entities"] if e["label"] in ACTOR_TYPES}
        tp += len(pred & gold)
        npred += len(pred)
        ngold += len(gold)
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return {"p": round(100 * p, 1), "r": round(100 * r, 1), "f1": round(200 * p * r / (p + r), 1) if p + r else 0.0}


def shared_scorer() -> Any:
    """The shared scorer (``../shared/eval/score.py``), so figures here are the official ones."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pipeline_f1(corpus: Corpus, spans: dict[int, list[Span]], off: Sequence[str] = (),
                cv: Sequence[Fold] = ()) -> dict[str, float]:
    """F1 of Reader's actors (tagger spans through the actor layer, with each fold's lists
    when ``cv``) with the shared scorer: all, general and sports documents, per type on all,
    and organisations in general news (the weak spot)."""
    preds = {}
    for d, (actors, mentions) in built(corpus, spans, off, cv).items():
        preds[corpus.items[d]["id"]] = {"actors": [{"id": a.id, "kind": a.kind} for a in actors],
                                        "mentions": [{"start": m.start, "end": m.end, "actor": m.actor}
                                                     for m in mentions]}
    result = shared_scorer().score_ner([corpus.items[d] for d in spans], preds)
    return {k: result[k]["f1"] for k in ("all", "general", "sports", "all/PER", "all/ORG", "all/LOC", "general/ORG")
            if k in result}


class ModernChecks:
    """The modern checks of :mod:`modern` (written modern news, PolNeAR's named speakers),
    parsed once, for any tagger."""

    def __init__(self, cache: Path, common: frozenset[str], vectors: bool = False) -> None:
        self.common = common
        self.modern = modern.modern_items()
        self.polnear = {split: modern.polnear_items(split) for split in modern.POLNEAR}
        self.parsed = {"modern": parse("modern-news", [i["text"] for i in self.modern], cache, vectors)}
        for split, items in self.polnear.items():
            self.parsed[split] = parse(f"polnear-{split}", [i["text"] for i in items], cache, vectors)

    def measure(self, spans_of: Callable[[Parsed], list[Span]], off: Sequence[str] = ()) -> dict[str, Any]:
        """Reader's figures on both checks with the tagger ``spans_of`` (and rules ``off`` left out)."""
        def predictions(parsed: list[Parsed]) -> list[dict[str, Any]]:
            return [modern.prediction(*build_actors(p, spans_of(p), off)) for p in parsed]

        found = predictions(self.parsed["modern"])
        out = {"modern": modern.score_modern(self.modern, {i["id"]: p for i, p in zip(self.modern, found)},
                                             shared_scorer())}
        for split, items in self.polnear.items():
            out[f"polnear_{split}"] = modern.score_polnear(items, predictions(self.parsed[split]), self.common)
        return out


def rule_ablation(corpus: Corpus, spans: dict[int, list[Span]], cv: Sequence[Fold] = ()) -> dict[str, Any]:
    """Reader's F1 with every rule of the actor layer, and without each in turn."""
    rows = {"all rules": pipeline_f1(corpus, spans, (), cv)}
    for rule in RULES:
        rows[f"without {rule}"] = pipeline_f1(corpus, spans, [rule], cv)
    rows["tagger spans only"] = pipeline_f1(corpus, spans, RULES, cv)
    base = rows["all rules"]["all"]
    return {k: {**v, "gain": round(base - v["all"], 1)} for k, v in rows.items()}


def folds(n: int, k: int) -> list[list[int]]:
    order = list(range(n))
    random.Random(SEED).shuffle(order)
    return [sorted(order[i::k]) for i in range(k)]


def joint_folds(n: int, m: int, k: int) -> list[list[int]]:
    """CoNLL's k folds of :func:`folds` unchanged, each with its share of the ``m`` extra
    documents (numbered ``n`` onwards), split by the same rule."""
    return [conll + [n + e for e in extra] for conll, extra in zip(folds(n, k), folds(m, k))]


def weighted(docs: Sequence[int], n: int, weight: int) -> list[int]:
    """The documents a model learns from: CoNLL's (below ``n``) once, the extra ones ``weight`` times."""
    return [d for d in docs if d < n] + [d for d in docs if d >= n] * weight


def learning(parts: list[list[int]], k: int, n: int, weight: int) -> list[int]:
    """What the models of fold ``k`` learn from: every other fold's documents in their order, weighted."""
    held = set(parts[k])
    return weighted(sorted(d for part in parts for d in part if d not in held), n, weight)


def marked_f1(corpus: Corpus, spans: dict[int, list[Span]], cv: Sequence[Fold] = ()) -> dict[str, Any]:
    """Reader's figures on marked-up texts (tagger spans through the actor layer, with each
    fold's lists when ``cv``) with the modern scorer."""
    preds = {corpus.items[d]["id"]: modern.prediction(*found) for d, found in built(corpus, spans, (), cv).items()}
    result: dict[str, Any] = modern.score_modern([corpus.items[d] for d in spans], preds, shared_scorer())
    return result


def screen_folds(featurizer: Featurizer, features: list[list[list[str]]], corpus: Corpus, parts: list[list[int]],
                 checks: ModernChecks, model_stem: Path) -> tuple[dict[int, list[str]], dict[str, Any]]:
    """The first stage cross-validated over ``parts`` (each held out in turn, trained on the rest of ``corpus``):
    the held-out documents' labels, and the first fold's model on the modern checks."""
    predicted: dict[int, list[str]] = {}
    checked: dict[str, Any] = {}
    for k, held in enumerate(parts):
        rest = [d for d in range(len(corpus.parsed)) if d not in set(held)]
        model = model_stem.with_name(f"{model_stem.name}-fold{k}.crfsuite")
        train_crf(sequences_of(features, corpus, rest), model)
        predicted.update(tag(model, features, corpus, held))
        if k == 0:
            checked = checks.measure(ActorTagger(featurizer, [model]).spans)
    return predicted, checked


def screening_row(featurizer: Featurizer, corpus: Corpus, parts: list[list[int]], checks: ModernChecks,
                  model_stem: Path, started: float) -> dict[str, Any]:
    """One row of a feature screening (``benchmarks/actors_dense.py``, ``actors_wordclasses.py``):
    the first stage with ``featurizer`` cross-validated over ``parts`` with the rules over it,
    the modern checks of its first fold's model, that model's size and the seconds since ``started``."""
    features = featurize(featurizer, corpus)
    predicted, checked = screen_folds(featurizer, features, corpus, parts, checks, model_stem)
    reader = pipeline_f1(corpus, {d: to_spans(corpus.parsed[d], labels) for d, labels in predicted.items()})
    return {"cv_all": reader["all"], "cv_general": reader["general"],
            "cv_general_org": reader["general/ORG"], "cv_org": reader["all/ORG"],
            "modern": checked["modern"]["all"], "modern_org": checked["modern"].get("all/ORG"),
            "polnear_train_person": checked["polnear_train"]["person"],
            "polnear_dev_person": checked["polnear_dev"]["person"],
            "model_bytes": model_stem.with_name(f"{model_stem.name}-fold0.crfsuite").stat().st_size,
            "seconds": round(time.monotonic() - started)}


def featurize(featurizer: Featurizer, corpus: Corpus) -> list[list[list[str]]]:
    return [featurizer.document(p) for p in corpus.parsed]


def stacked_features(first: list[list[list[str]]], corpus: Corpus, labels: dict[int, list[str]],
                     docs: Sequence[int]) -> dict[int, list[list[str]]]:
    return {d: stacked(first[d], words_of(corpus.parsed[d]), labels[d]) for d in docs}


def command_train(args: argparse.Namespace) -> dict[str, Any]:
    train, dev = load(args.train, args.cache), load(args.dev, args.cache)
    extra = load_marked(args.extra, args.cache)
    vocab = vocabulary(train.parsed)
    featurizer = Featurizer(lexicon(), vocab, args.off)
    work = args.cache / "models"
    work.mkdir(parents=True, exist_ok=True)
    n, weight = len(train.parsed), args.extra_weight
    data = Corpus(train.items + extra.items, train.parsed + extra.parsed)
    f_data, f_dev = featurize(featurizer, data), featurize(featurizer, dev)
    all_docs = list(range(len(data.parsed)))
    conll, extras = all_docs[:n], all_docs[n:]
    parts = joint_folds(n, len(extras), args.folds)
    cv = cv_folds(data, n, parts)
    started = time.monotonic()

    def of(labels: dict[int, list[str]], docs: Sequence[int]) -> dict[int, list[str]]:
        return {d: labels[d] for d in docs}

    def spans_of(labels: dict[int, list[str]], docs: Sequence[int]) -> dict[int, list[Span]]:
        return {d: to_spans(data.parsed[d], labels[d]) for d in docs}

    # Stage 1: out-of-fold labels for every training document, which the second stage learns from.
    oof: dict[int, list[str]] = {}
    for k, held in enumerate(parts):
        model = work / f"stage1-oof-fold{k}.crfsuite"
        train_crf(sequences_of(f_data, data, learning(parts, k, n, weight)), model)
        oof.update(tag(model, f_data, data, held))
        print(f"stage 1 fold {k}: {time.monotonic() - started:.0f} s", file=sys.stderr)
    # Cross-validated, each fold is featurized with the vocabulary learned without it, as
    # unseen text is: k more trainings, whose labels only the cross-validated figures read.
    oof_cv: dict[int, list[str]] = {}
    if args.cv:
        for k, held in enumerate(parts):
            model = work / f"stage1-fold{k}.crfsuite"
            f_fold = featurize(cv[k].featurizer(args.off), data)
            train_crf(sequences_of(f_fold, data, learning(parts, k, n, weight)), model)
            oof_cv.update(tag(model, f_fold, data, held))
            print(f"stage 1 fold {k}, own vocabulary: {time.monotonic() - started:.0f} s", file=sys.stderr)
    stage1 = args.out / STAGE_FILES[0]
    args.out.mkdir(parents=True, exist_ok=True)
    train_crf(sequences_of(f_data, data, weighted(all_docs, n, weight)), stage1)
    s1_train = tag(stage1, f_data, data, all_docs)
    s1_dev = tag(stage1, f_dev, dev, range(len(dev.parsed)))

    # Stage 2: trained on out-of-fold first-stage labels; cross-validated the same way.
    f2_train = stacked_features(f_data, data, oof, all_docs)
    f2_list = [f2_train[d] for d in all_docs]
    cv2: dict[int, list[str]] = {}
    if args.cv:
        for k, held in enumerate(parts):
            model = work / f"stage2-fold{k}.crfsuite"
            f2_fold = stacked_features(featurize(cv[k].featurizer(args.off), data), data, oof_cv, all_docs)
            f2_fold_list = [f2_fold[d] for d in all_docs]
            train_crf(sequences_of(f2_fold_list, data, learning(parts, k, n, weight)), model)
            cv2.update(tag(model, f2_fold_list, data, held))
            print(f"stage 2 fold {k}: {time.monotonic() - started:.0f} s", file=sys.stderr)
    stage2 = args.out / STAGE_FILES[1]
    train_crf(sequences_of(f2_list, data, weighted(all_docs, n, weight)), stage2)
    f2_train_final = stacked_features(f_data, data, s1_train, all_docs)
    s2_train = tag(stage2, [f2_train_final[d] for d in all_docs], data, all_docs)
    f2_dev = stacked_features(f_dev, dev, s1_dev, range(len(dev.parsed)))
    s2_dev = tag(stage2, [f2_dev[d] for d in range(len(dev.parsed))], dev, range(len(dev.parsed)))

    (args.out / "vocabulary.txt").write_text("\n".join(sorted(vocab)) + "\n", encoding="utf-8")
    (args.out / "config.json").write_text(json.dumps({"stages": 2, "off": sorted(args.off)}, indent=1) + "\n",
                                          encoding="utf-8")
    report: dict[str, Any] = {
        "crf": CRF_PARAMS, "folds": args.folds, "off": sorted(args.off), "vocabulary": len(vocab),
        "extra": {"file": str(args.extra), "texts": len(extras), "weight": weight},
        "stage1": {"train": span_f1(data, of(s1_train, conll)), "train_cv": span_f1(data, of(oof_cv or oof, conll)),
                   "dev": span_f1(dev, s1_dev)},
        "stage2": {"train": span_f1(data, of(s2_train, conll)), "dev": span_f1(dev, s2_dev)},
        "seconds": round(time.monotonic() - started),
        "size_bytes": {p.name: p.stat().st_size for p in sorted(args.out.iterdir()) if p.is_file()},
    }
    if cv2:
        report["stage2"]["train_cv"] = span_f1(data, of(cv2, conll))
    final = ActorTagger(featurizer, [stage1, stage2])
    spans_dev = {d: to_spans(dev.parsed[d], s2_dev[d]) for d in range(len(dev.parsed))}
    assert spans_dev[0] == final.spans(dev.parsed[0])  # the shipped tagger reproduces the figures
    report["reader"] = {"train": pipeline_f1(data, spans_of(s2_train, conll)), "dev": rule_ablation(dev, spans_dev)}
    # The extra texts: fitted (in-sample when weight > 0), and out of fold (models that never saw the text).
    report["reader"]["extra"] = {"fitted": marked_f1(data, spans_of(s2_train, extras)),
                                 "stage1_out_of_fold": marked_f1(data, spans_of(oof_cv or oof, extras), cv)}
    if cv2:
        report["reader"]["train_cv"] = rule_ablation(data, spans_of(cv2, conll), cv)
        report["reader"]["extra"]["out_of_fold"] = marked_f1(data, spans_of(cv2, extras), cv)
    return report


def command_rules(args: argparse.Namespace) -> dict[str, Any]:
    """The rule ablation alone, with the models a ``--cv`` training left (the shipped ones for
    dev, the fold models in ``--cache`` for cross-validated train, each with the vocabulary and
    lists learned without its fold)."""
    train, dev = load(args.train, args.cache), load(args.dev, args.cache)
    shipped = ActorTagger.load(args.out)
    report: dict[str, Any] = {"dev": rule_ablation(dev, {d: shipped.spans(p) for d, p in enumerate(dev.parsed)})}
    spans_cv: dict[int, list[Span]] = {}
    cv = cv_folds(train, len(train.parsed), folds(len(train.parsed), args.folds))
    for k, fold in enumerate(cv):
        tagger = ActorTagger(fold.featurizer(sorted(shipped.featurizer.off)),
                             [args.cache / "models" / f"stage{s}-fold{k}.crfsuite" for s in (1, 2)])
        spans_cv.update({d: tagger.spans(train.parsed[d]) for d in sorted(fold.held)})
    report["train_cv"] = rule_ablation(train, spans_cv, cv)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=TRAIN)
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--out", type=Path, default=REPO / "resources" / "models" / "actors")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/reader-actors-training"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--extra", type=Path, default=modern.MODERN,
                        help="marked-up texts split into the same folds and scored out of fold")
    parser.add_argument("--extra-weight", type=int, default=0,
                        help="how many times the models learn from each extra text (0: only measured)")
    parser.add_argument("--cv", action="store_true", help="also cross-validate the second stage (k more trainings)")
    parser.add_argument("--off", action="append", default=[], help="leave a feature family or list:NAME out")
    parser.add_argument("--rules", action="store_true", help="only the rule ablation, with the models of a --cv run")
    parser.add_argument("--c1", type=float, default=CRF_PARAMS["c1"], help="the CRFs' L1 penalty")
    parser.add_argument("--c2", type=float, default=CRF_PARAMS["c2"], help="the CRFs' L2 penalty")
    args = parser.parse_args()
    CRF_PARAMS.update(c1=args.c1, c2=args.c2)
    report = command_rules(args) if args.rules else command_train(args)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
