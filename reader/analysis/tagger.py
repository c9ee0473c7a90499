"""The learned actor tagger: which tokens are names of people, organisations and places.

Two linear-chain CRFs (CRFsuite) trained on CoNLL-2003 news by
``training/train_actors.py`` and shipped in ``resources/models/actors/`` (see its
``MODEL.md``). The first labels each sentence from the evidence of :mod:`features`; the
second sees, besides, what the first said about the same word elsewhere in the
document, so one name keeps one reading through an article ("document consistency"),
learned rather than voted. Labels are BIO over PER, ORG, LOC and MISC; MISC
(nationalities, events, works) is learned so that it is *not* taken for an actor.

Headings (:func:`~reader.analysis.lines.heading_lines`: a headline, a Markdown ``#``
line) are not read: their capitals say nothing of names, and what the tagger said of a
headline's words ("Von der Leyen Pledges Grid Money") would reach the body through the
document's evidence and the second stage. The body is tagged as if the headings were not
there, as it is when an HTML page keeps its headline in the title, so every format gives
one result; the actor layer names in a heading only the body's names (:mod:`layout`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from reader.analysis.engine import Parsed
from reader.analysis.features import Featurizer, Sentence, Stacked, sentences
from reader.analysis.lines import heading_lines, within
from reader.analysis.gazetteer import lexicon
from reader.bundled import resource_path
from reader.errors import AnalysisError

MODEL_NAME = "actors"
"""The folder under ``resources/models/`` that holds the shipped tagger."""

STAGE_FILES = ("stage1.crfsuite", "stage2.crfsuite")


@dataclass(frozen=True, slots=True)
class Span:
    """A name the tagger found: ``[start, end)`` in the text and its CoNLL type."""

    start: int
    end: int
    label: str  # PER, ORG, LOC or MISC


class ActorTagger:
    """Both stages of the tagger with the featurizer they were trained with."""

    def __init__(self, featurizer: Featurizer, stages: Sequence[Path]) -> None:
        import pycrfsuite

        self.featurizer = featurizer
        self.taggers: list[Any] = []
        for path in stages:
            tagger = pycrfsuite.Tagger()
            try:
                tagger.open(str(path))
            except (OSError, ValueError) as err:
                raise AnalysisError(f"the actor model {path} cannot be opened: {err}") from None
            self.taggers.append(tagger)

    @classmethod
    def load(cls, directory: Path) -> ActorTagger:
        """The tagger saved in ``directory`` by the training script."""
        try:
            config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
            vocabulary = frozenset((directory / "vocabulary.txt").read_text(encoding="utf-8").split())
        except (OSError, ValueError) as err:
            raise AnalysisError(f"the actor model in {directory} cannot be read: {err}") from None
        featurizer = Featurizer(lexicon(), vocabulary, config.get("off", ()))
        return cls(featurizer, [directory / name for name in STAGE_FILES[:config.get("stages", 2)]])

    def labels(self, parsed: Parsed, stages: int | None = None) -> list[str]:
        """The BIO label of every token of ``parsed`` after ``stages`` stages (default: all);
        the tokens of headings are ``O`` (see the module docstring)."""
        body, kept = without_headings(parsed, self.featurizer.vocabulary)
        labels = self._tag(body, stages)
        if kept is None:
            return labels
        out = ["O"] * len(parsed.tokens)
        for i, label in zip(kept, labels):
            out[i] = label
        return out

    def _tag(self, parsed: Parsed, stages: int | None) -> list[str]:
        """The BIO label of every token of ``parsed``, headings read like any other line.

        Features are built a sentence at a time and dropped once tagged: only the labels of
        the whole document are kept between the stages."""
        view = self.featurizer.view(parsed)
        words = view.words
        runs = [r for r in sentences(parsed) if any(w[:1].isupper() for w in words[r.first:r.last])]
        labels = ["O"] * len(words)
        first_stage = self.taggers[0]
        for run in runs:
            labels[run.first:run.last] = first_stage.tag(self.featurizer.features(view, run.first, run.last))
        for tagger in self.taggers[1:stages or len(self.taggers)]:
            gathered = Stacked(words, labels)
            labels = labels[:]
            for run in runs:
                base = self.featurizer.base_features(view, run.first, run.last)
                labels[run.first:run.last] = tagger.tag(gathered.features(base, run.first))
        return labels

    def spans(self, parsed: Parsed) -> list[Span]:
        """The names in ``parsed``, in order."""
        return to_spans(parsed, self.labels(parsed))


def without_headings(parsed: Parsed, common: frozenset[str]) -> tuple[Parsed, list[int] | None]:
    """``parsed`` without the tokens and entities of its headings (``common``: the words usually
    written in lower case), and the indices of the tokens kept (``None`` when it has none)."""
    headings = heading_lines(parsed.text, common)
    if not headings:
        return parsed, None
    in_heading = within(headings)
    kept = [i for i, token in enumerate(parsed.tokens) if not in_heading(token.start)]
    vectors = []
    offset = 0
    for chunk in parsed.vectors:  # a row per token (benchmarks/actors_dense.py): keep the body's
        rows = [i - offset for i in kept if offset <= i < offset + len(chunk)]
        vectors.append(chunk[rows])
        offset += len(chunk)
    body = Parsed(parsed.text, [parsed.tokens[i] for i in kept],
                  [e for e in parsed.entities if not in_heading(e.start)], parsed.sentences, vectors)
    return body, kept


def tag_sentences(tagger: Any, features: Sequence[list[str]], runs: Iterable[Sentence]) -> list[str]:
    """Run one CRF over each of ``runs``; tokens outside them stay ``O`` (the tagger passes
    only sentences with a capital letter: no name is written in lower case alone)."""
    labels = ["O"] * len(features)
    for run in runs:
        labels[run.first:run.last] = tagger.tag(features[run.first:run.last])
    return labels


def to_spans(parsed: Parsed, labels: Sequence[str]) -> list[Span]:
    """Character spans of BIO labels (an ``I-`` after another type opens a new name)."""
    out: list[Span] = []
    tokens = parsed.tokens
    open_kind: str | None = None
    start = end = 0
    for token, label in zip(tokens, labels):
        kind = label[2:] if label != "O" else None
        if open_kind is not None and (kind != open_kind or label.startswith("B-")):
            out.append(Span(start, end, open_kind))
            open_kind = None
        if kind is not None:
            if open_kind is None:
                open_kind, start = kind, token.start
            end = token.end
    if open_kind is not None:
        out.append(Span(start, end, open_kind))
    return out


@lru_cache(maxsize=1)
def default_tagger() -> ActorTagger:
    """The tagger shipped with Reader (loaded once per process)."""
    return ActorTagger.load(resource_path("models", MODEL_NAME))
