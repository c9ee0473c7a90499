"""Who could have said a quotation: every noun phrase and pronoun around it, with the facts
the speaker ranker reads.

Without a parser, a candidate is a noun phrase read from the tags (see
:mod:`reader.analysis.phrases`), a subject pronoun ("he", "they", "I"), a relative
pronoun ("who") or a transcript turn inside the quotation ("PENCE: …"). Quoted words
are never candidates: they are what was said, not who said it. The candidates of a
quotation are those of its own paragraphs and of the paragraph before (where "X
continued:" introduces a quotation that opens the next one, or the last paragraph with
narration when only quotation stands between), bounded by a window of tokens so the
work grows linearly with the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from reader.analysis.cues import Cues
from reader.analysis.engine import Parsed
from reader.analysis.model import Mention
from reader.analysis.phrases import PhraseReader
from reader.analysis.quotemarks import TURN, QuotedSpan, opening_mark_end, paragraphs

Kind = Literal["phrase", "pronoun", "relative", "turn"]

WINDOW = 120
"""Tokens searched on each side of a quotation for candidates."""
PARAGRAPHS_BACK = 3
"""How many paragraphs of quotation alone may stand between a quotation and the narrative before it."""

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
RELATIVES = frozenset({"who", "which"})
_FINAL = frozenset({".", "?", "!"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """Tokens ``[i, j)`` that may name a quotation's speaker, or characters for a turn."""

    i: int
    j: int
    kind: Kind
    start: int
    end: int


class Layout(PhraseReader):
    """One text's tokens with their paragraph, narrative sentence, quotation, entity and actor.

    A narrative sentence ends at a final stop outside quotation marks, at a paragraph
    break, or after a quotation that ends its own sentence when a capitalised word that
    is no cue follows ("“It is done.” He left."); a quotation never splits one.
    """

    def __init__(self, parsed: Parsed, quotes: Sequence[QuotedSpan], cues: Cues,
                 mentions: Sequence[Mention] = ()) -> None:
        super().__init__(parsed, cues)
        t = self.tok
        t.mark_quoted(quotes)
        self.quotes = list(quotes)
        n = len(t.starts)
        self.quote_of = [-1] * n
        for k, q in enumerate(quotes):
            for m in range(t.at(q.start), t.at(q.end)):
                self.quote_of[m] = k
        self.paras = paragraphs(t.text)
        self.para_of = [0] * n
        p = 0
        for m, s in enumerate(t.starts):
            while p + 1 < len(self.paras) and self.paras[p + 1][0] <= s:
                p += 1
            self.para_of[m] = p
        self.para_first = [t.at(s) for s, _ in self.paras]
        self.narrative = [False] * len(self.paras)
        """Whether a paragraph has a word outside quotation marks."""
        for m in range(n):
            if not t.quoted[m] and t.words[m][:1].isalpha():
                self.narrative[self.para_of[m]] = True
        self.entity = [""] * n
        for e in parsed.entities:
            for m in range(t.at(e.start), t.at(e.end)):
                self.entity[m] = e.label
        self.actor: list[str | None] = [None] * n
        self.mention_end = [0] * n
        """The token after the end of the actor mention a token stands in, 0 outside one."""
        for mention in mentions:
            last = t.at(mention.end)
            for m in range(t.at(mention.start), last):
                self.actor[m] = mention.actor
                self.mention_end[m] = last
        self.cue = [self.cue_at(k, n) if cues.may_start(w) else 0 for k, w in enumerate(t.words)]
        """The length of the speech cue that starts at each token, 0 for none."""
        self.sent_of = self._sentences()
        self._quote_tokens = [(t.at(q.start), t.at(q.end)) for q in quotes]
        self._phrases: dict[int, list[Candidate]] = {}

    def _sentences(self) -> list[int]:
        t = self.tok
        out = [0] * len(t.starts)
        sent = 0
        for k in range(len(t.starts)):
            if k and (self.para_of[k] != self.para_of[k - 1] or self._ends_sentence(k - 1)):
                sent += 1
            out[k] = sent
        return out

    def _ends_sentence(self, k: int) -> bool:
        t = self.tok
        q = self.quote_of[k]
        if q < 0:
            return t.words[k] in _FINAL and t.tags[k] == "."
        if k + 1 >= len(t.starts) or self.quote_of[k + 1] == q:
            return False  # not the quotation's last token
        inner = t.text[self.quotes[q].start:self.quotes[q].end].rstrip("\"'”’»›` ")
        following = t.text[t.starts[k + 1]]
        return inner.endswith(tuple(_FINAL)) and following.isupper() and not self.cue[k + 1]

    def quote_tokens(self, k: int) -> tuple[int, int]:
        """The tokens ``[first, end)`` of quotation ``k``."""
        return self._quote_tokens[k]

    def candidates(self, k: int) -> list[Candidate]:
        """The candidates for the speaker of quotation ``k``, in text order."""
        t = self.tok
        if not t.starts:
            return []
        q = self.quotes[k]
        first, end = self.quote_tokens(k)
        para = self.para_of[first] if first < len(t.starts) else len(self.paras) - 1
        last_para = self.para_of[end - 1] if end > first else para
        back = self._narrative_before(para)
        lo = max(self.para_first[back], first - WINDOW)
        hi = min(self.para_first[last_para + 1] if last_para + 1 < len(self.paras) else len(t.starts), end + WINDOW)
        out = [c for p in range(back, last_para + 1) for c in self._phrases_of(p)
               if lo <= c.i and c.j <= hi and (c.j <= first or c.i >= end)]
        turn = TURN.match(t.text, opening_mark_end(t.text, q.start), min(q.end, q.start + 50))
        if turn is not None:
            s = turn.start(1)
            e = s + len(turn.group(1).rstrip())
            out.append(Candidate(t.at(s), t.at(e), "turn", s, e))
            out.sort(key=lambda c: c.i)
        return out

    def _phrases_of(self, p: int) -> list[Candidate]:
        """The noun phrases and pronouns of paragraph ``p`` outside quotation marks (found once)."""
        found = self._phrases.get(p)
        if found is None:
            t = self.tok
            found = self._phrases[p] = []
            i, stop = self.para_first[p], self.para_first[p + 1] if p + 1 < len(self.paras) else len(t.starts)
            while i < stop:
                if t.quoted[i]:
                    i += 1
                    continue
                run_end = i
                while run_end < stop and not t.quoted[run_end]:
                    run_end += 1
                while i < run_end:  # one run of narrative
                    i = self._phrase_at(i, run_end, found)
        return found

    def _narrative_before(self, para: int) -> int:
        """The paragraph before ``para`` where the narrative last spoke: paragraphs that are all
        quotation ("“…,” Holm said. ¶ “…” ¶ “…”") are passed over, up to ``PARAGRAPHS_BACK``."""
        for p in range(para - 1, max(-1, para - 1 - PARAGRAPHS_BACK), -1):
            if self.narrative[p]:
                return p
        return max(0, para - 1)

    def _phrase_at(self, i: int, stop: int, out: list[Candidate]) -> int:
        """Add the candidate that starts at token ``i`` (if any) and return where to look next."""
        t = self.tok
        word = t.words[i]
        if t.tags[i] == "PRP" and word in PRONOUNS:
            out.append(self._make(i, i + 1, "pronoun"))
            return i + 1
        if t.tags[i] in ("WP", "WDT") and word in RELATIVES:
            out.append(self._make(i, i + 1, "relative"))
            return i + 1
        np = self.np_right(i, stop)
        if np is None or t.tags[np[0]] == "PRP":
            return i + 1
        while np[1] + 1 < stop and self._title_joint(np[1]):
            more = self.np_right(np[1] + 1, stop)
            if more is None:
                break
            np = (np[0], more[1])  # "Commissioner for Maritime Affairs Helena Varga"
        if np[1] < self.mention_end[np[1] - 1] <= stop:
            np = (np[0], self.mention_end[np[1] - 1])  # a name the tags cut: "Marguerite van den Broek"
        out.append(self._make(np[0], np[1], "phrase"))
        return np[1]

    def _title_joint(self, k: int) -> bool:
        """"of" or "for" between capitalised words holds one name or title together ("Bank of England")."""
        t = self.tok
        return (t.words[k] in ("of", "for") and t.text[t.starts[k - 1]].isupper()
                and t.text[t.starts[k + 1]].isupper() and t.tags[k + 1] not in ("PRP", "DT"))

    def _make(self, i: int, j: int, kind: Kind) -> Candidate:
        start, end = self.tok.span(i, j)
        return Candidate(i, j, kind, start, end)
