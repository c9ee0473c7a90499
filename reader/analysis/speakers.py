"""Who said each quotation, and which quoted spans are quotations at all: the learned models' choice.

For every quoted span the candidates of :mod:`reader.analysis.candidates` (noun phrases,
pronouns and transcript turns of its paragraph and the one before) are described by
:mod:`reader.analysis.speaker_features` and scored by the shipped speaker ranker; the
span is then kept as a quotation or dropped as a title or scare quote by the quotation
classifier (:mod:`reader.analysis.quotations`), which reads what the ranker chose. Both
models are in :mod:`reader.analysis.linear`, trained by ``training/train_speakers.py``.
The speech cue shown for a quotation is the verb beside the chosen candidate ("said",
"warned"), when there is one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.analysis.candidates import Candidate, Layout
from reader.analysis.cues import Cues, speech_cues
from reader.analysis.engine import Parsed
from reader.analysis.linear import AttributionModel, bundled_model
from reader.analysis.model import Mention
from reader.analysis.quotations import SHORT_WORDS, quotation_features, word_count
from reader.analysis.quotemarks import QuotedSpan
from reader.analysis.speaker_features import Featurizer


_COMPLEMENT_PREPOSITIONS = frozenset({"of", "for", "at"})
"""Prepositions that complete a role ("the head of the council", "a spokesman for the ministry")."""
_COMPLEMENT_TOKENS = 10
"""Most tokens a role's complements may take before the apposed name."""
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """The span that names a quotation's speaker, and the cue beside it."""

    start: int
    end: int
    cue: str | None


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the models say of one quoted span."""

    quotation: bool
    speaker: Attribution | None


class Attributor:
    """Judges every quoted span of one text and chooses its speaker span."""

    def __init__(self, parsed: Parsed, quotes: Sequence[QuotedSpan], mentions: Sequence[Mention] = (),
                 model: AttributionModel | None = None, cues: Cues | None = None) -> None:
        self.layout = Layout(parsed, quotes, speech_cues() if cues is None else cues, mentions)
        self.features = Featurizer(self.layout)
        self.model = model or bundled_model()

    def verdicts(self) -> list[Verdict]:
        """One verdict per quoted span, in order."""
        out = []
        for k in range(len(self.layout.quotes)):
            candidates, features = self.candidates_and_features(k)
            best = self.model.speakers.best(features)
            chosen = None if best is None else candidates[best]
            quotation = self.is_long(k) or self.model.quotations.score(self.quotation_features(k, chosen)) > 0
            if chosen is not None:
                chosen = self._apposed_name(chosen, candidates)
            out.append(Verdict(quotation, None if chosen is None else self._attribution(k, chosen)))
        return out

    def candidates_and_features(self, k: int) -> tuple[list[Candidate], list[list[str]]]:
        """The candidates of quoted span ``k`` and the ranker's features for each."""
        candidates = self.layout.candidates(k)
        return candidates, self.features.features(k, candidates)

    def is_long(self, k: int) -> bool:
        """Span ``k`` has too many words to be a title or a scare quote."""
        return word_count(self.layout.tok.text, self.layout.quotes[k]) > SHORT_WORDS

    def quotation_features(self, k: int, chosen: Candidate | None) -> list[str]:
        """The features the quotation classifier reads for span ``k`` with the chosen speaker."""
        return quotation_features(self.layout, k, None if chosen is None else self.features.describe(k, chosen))

    def _apposed_name(self, c: Candidate, candidates: Sequence[Candidate]) -> Candidate:
        """The name beside a chosen description, if they stand in apposition ("The Prime Minister,
        Rishi Sunak, said", "Rishi Sunak, the prime minister, said", "the chair of the judging
        panel, Harriet Ormsby, said"): the reader is shown the name."""
        words = self.layout.tok.words
        if c.kind != "phrase" or self.features.atoms(c)["kind"] == "PERSON":
            return c
        after = self._complements_end(c)
        for other in candidates:
            if other.kind == "phrase" and self.features.atoms(other)["kind"] == "PERSON" and (
                    other.i == after + 1 and words[after] == "," or c.i == other.j + 1 and words[other.j] == ","):
                return other
        return c

    def _complements_end(self, c: Candidate) -> int:
        """Where a description ends with the prepositional phrase that completes it ("the chair
        [of the judging panel]"): the comma after it, or the token after the description when no
        such phrase runs to a comma (a finite verb, a cue or a quotation stops it)."""
        lay, t = self.layout, self.layout.tok
        if c.j >= len(t.starts) or t.words[c.j] not in _COMPLEMENT_PREPOSITIONS:
            return c.j
        for k in range(c.j + 1, min(len(t.starts), c.j + _COMPLEMENT_TOKENS)):
            if t.words[k] == ",":
                return k
            if t.quoted[k] or lay.cue[k] or t.tags[k] in _FINITE_TAGS or t.words[k] in (".", ";", ":"):
                break
        return c.j

    def _attribution(self, k: int, c: Candidate) -> Attribution:
        return Attribution(c.start, c.end, self.features.cue_of(k, c))
