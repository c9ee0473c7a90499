"""Where each quotation's speaker is named: the speech cue beside it and the noun phrase of the cue.

The engine runs no parser, so this works on part-of-speech tags and word lists. For each
quotation, in order: a transcript turn inside it ("PENCE: …"); a cue after it
("…,” X said", "said X", "― X"); a cue before it in its sentence ("X warned on Friday:
“…”", "according to X"); the attribution of the quotation it continues (the second half
of an interrupted quote, or a follow-on paragraph); last, the subject of its sentence.
Every search is bounded by the quotation's paragraph and a few dozen tokens, so the
work grows linearly with the text.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from reader.analysis.cues import Cues, speech_cues
from reader.analysis.engine import Parsed
from reader.analysis.phrases import DASHES, RELATIVE_TAGS, TIME_WORDS, PhraseReader
from reader.analysis.quotemarks import TURN, QuotedSpan, opening_mark_end, paragraphs

How = Literal["turn", "after", "before", "continued", "subject"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """The span of text that names the speaker of one quotation, and how it was found."""

    start: int
    end: int
    cue: str | None
    how: How


_BETWEEN = frozenset({"has", "have", "had", "is", "was", "are", "were", "will", "would", "did", "does", "do",
                      "also", "then", "later", "previously", "once", "again", "further", "recently", "earlier",
                      "been", "repeatedly", "often", "never", "simply", "just", "even", "still",
                      "reportedly", "publicly", "privately", "bluntly", "flatly", "angrily", "quickly",
                      "can", "could", "may", "might", "should", "must", "'s", "’s", "not", "n't", "n’t"})
"""Words that may stand between a speaker and the cue: "X has also repeatedly said"."""
_AFTER_CUE_OK = frozenset({".", ",", ":", ";", "in", "on", "at", "during", "after", "before", "to", "of", "about",
                           "with", "from", "when", "while", "as", "via", "through", "outside"})
"""What may follow "X said" after a quotation that already ended its sentence."""
_PP_WORDS = frozenset({"of", "at", "for", "from", "in", "with"})
_FINAL = frozenset({".", "?", "!"})

_WINDOW = 60
"""Tokens searched on each side of a quotation for its cue."""


class Attributor(PhraseReader):
    """Finds the speaker span of every quotation of one text."""

    def __init__(self, parsed: Parsed, cues: Cues | None = None) -> None:
        super().__init__(parsed, cues or speech_cues())
        self.paras = paragraphs(parsed.text)
        self._para_starts = [s for s, _ in self.paras]

    def paragraph_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._para_starts, pos) - 1)

    def attribute(self, quotes: Sequence[QuotedSpan]) -> list[Attribution | None]:
        """One attribution (or None) per quotation, in order."""
        t = self.tok
        t.mark_quoted(quotes)
        out: list[Attribution | None] = []
        last: Attribution | None = None
        last_para = -10
        for k, q in enumerate(quotes):
            para, end_para = self.paragraph_of(q.start), self.paragraph_of(q.end - 1)
            p_start, p_end = self.paras[para][0], self.paras[end_para][1]
            same_para = k > 0 and self.paragraph_of(quotes[k - 1].end - 1) == para
            prev_end = quotes[k - 1].end if same_para else p_start
            next_start = quotes[k + 1].start if k + 1 < len(quotes) else len(t.text)
            right = (t.at(q.end), t.at(min(next_start, p_end)))
            left = (t.at(prev_end), t.at(q.start))
            sentence = (t.at(self.paras[para][0]), left[1])
            found = (self._turn(q) or self._intro(q, para, left) or self._after(q, *right)
                     or self._before(*sentence) or self._headline(*left))
            previous = out[k - 1] if same_para else None
            if found is None and previous is not None:
                if self._only_attribution(left, previous):
                    found = replace(previous, how="continued")  # “…,” he said. “…”
                elif not any(t.words[i] in _FINAL and t.tags[i] == "." for i in range(*left)):
                    found = previous  # the same sentence: 'called him a “liar” and a “fraud”'
            if found is None and not same_para and left[0] < left[1]:
                found = self._previous_sentence(*left)  # "…, Schiff said. “The other factor …”"
            opens_para = left[0] == left[1] and not same_para
            if found is None and opens_para and para > 0:
                before_start, before_end = self.paras[para - 1]
                if k and quotes[k - 1].end > before_start:
                    before_start = quotes[k - 1].end
                found = self._reported(t.at(before_start), t.at(before_end))
            if found is None and opens_para and last is not None and para - last_para <= 2:
                found = replace(last, how="continued")
            if found is None:
                found = self._subject(*left)
            out.append(found)
            if found is not None:
                last, last_para = found, end_para
        return out

    # -- the rules -------------------------------------------------------------------------

    def _turn(self, q: QuotedSpan) -> Attribution | None:
        """A transcript turn: the speaker's name in capitals and a colon open the quotation."""
        m = TURN.match(self.tok.text, opening_mark_end(self.tok.text, q.start), min(q.end, q.start + 50))
        if m is None:
            return None
        return Attribution(m.start(1), m.start(1) + len(m.group(1).rstrip()), ":", "turn")

    def _intro(self, q: QuotedSpan, para: int, left: tuple[int, int]) -> Attribution | None:
        """A cue ending in a colon right before a quotation that opens its paragraph ("Caddell continued:")."""
        t = self.tok
        lo, hi = left
        if lo != hi or para == 0:
            return None
        prev_start, prev_end = self.paras[para - 1]
        if t.text[prev_end - 1] != ":":
            return None
        lo, hi = t.at(prev_start), t.at(prev_end)
        return self._before(lo, hi) or self._subject(lo, hi)  # "Sanders made the following comment:"

    def _after(self, q: QuotedSpan, lo: int, hi: int) -> Attribution | None:
        """'“…,” X said', '“…,” said X', '“…” ― X': the speaker right after the quotation."""
        t = self.tok
        hi = min(hi, lo + _WINDOW)
        gap = t.text[q.end:t.starts[lo]] if lo < len(t.starts) else ""
        i, dash = lo, any(c in gap for c in "—–―")  # a dash glued to the mark: "”― Pamela Padilla"
        while i < hi and (t.words[i] == "," or t.words[i] in DASHES):
            dash = dash or t.words[i] in DASHES
            i += 1
        if i >= hi:
            return None
        if dash:  # "” ― Adriana Rodarte": a name, and nothing else, after a dash
            np = self._np_right(i, hi)
            if np is None or np[1] < hi and t.words[np[1]] not in _FINAL | {","}:
                return None
            if not all(t.text[t.starts[k]].isupper() for k in range(*np) if t.text[t.starts[k]].isalpha()):
                return None
            return Attribution(*t.span(*np), gap.strip() or t.text[t.starts[i - 1]:t.ends[i - 1]], "after")
        inner = t.text[q.start:q.end].rstrip("\"'”’»›` ")
        if i == lo and not inner.endswith(tuple(",?!…—–-.")):
            # '“…” to drive up the stock price, she said.': the sentence goes on; an attribution may end it
            return self._closing_clause(lo, hi)
        closed_sentence = i == lo and inner.endswith((".", "…"))
        n = self._cue_at(i, hi)
        if n:  # "said X", "added the NATO chief"
            np = self._np_right(self._skip_time(i + n, hi), hi)
            if np is None or closed_sentence:
                return None
            return Attribution(*t.span(*np), self._cue_text(i, n), "after")
        np = self._np_right(i, hi)
        if np is None:
            return None
        j = self._skip_between(self._skip_insertion(np[1], hi), hi)
        n = self._cue_at(j, hi) if j < hi else 0
        if not n:
            return None
        k = self._skip_time(j + n, hi)
        if closed_sentence and k < hi and t.words[k] not in _AFTER_CUE_OK:
            return None  # "“…” He said the plan …" starts a new statement
        return Attribution(*t.span(*np), self._cue_text(j, n), "after")

    def _closing_clause(self, lo: int, hi: int) -> Attribution | None:
        """'…, X said.' or '…, said X.' closing the sentence that a quotation began."""
        t = self.tok
        end = next((k for k in range(lo, hi) if t.words[k] in _FINAL and t.tags[k] == "." and not t.quoted[k]), None)
        if end is None:
            return None
        comma = next((k for k in range(end - 1, lo - 1, -1) if t.words[k] == "," and not t.quoted[k]), None)
        if comma is None:
            return None
        i = comma + 1
        n = self._cue_at(i, end)
        if n:
            np = self._np_right(self._skip_time(i + n, end), end)
        else:
            np = self._np_right(i, end)
            j = self._skip_between(np[1], end) if np is not None else end
            n = self._cue_at(j, end) if j < end else 0
            i = j
        if np is None or not n or not self._ends_clause(max(np[1], i + n), end):
            return None
        return Attribution(*t.span(*np), self._cue_text(i, n), "after")

    def _ends_clause(self, j: int, end: int) -> bool:
        """Nothing but time words or a short phrase ("on CNN", "in an interview") before ``end``."""
        j = self._skip_time(j, end)
        return j >= end or self.tok.words[j] in _AFTER_CUE_OK and end - j <= 8

    def _before(self, lo: int, hi: int) -> Attribution | None:
        """The last cue before the quotation in its sentence, and the speaker beside that cue."""
        lo, hi = self._last_sentence(max(lo, hi - _WINDOW), hi)
        return self._last_cue(lo, hi, "before")

    def _reported(self, lo: int, hi: int) -> Attribution | None:
        """The last speaker of a paragraph of reported speech ("The NATO chief reiterated that …")."""
        lo, hi = self._last_sentence(max(lo, hi - _WINDOW), hi - 1)
        return self._last_cue(lo, hi, "continued")

    def _previous_sentence(self, lo: int, hi: int) -> Attribution | None:
        """The speaker of the sentence just before a quotation that opens a sentence of its own."""
        start, end = self._last_sentence(lo, hi)
        if start != end or start == lo:
            return None
        prev_lo, prev_hi = self._last_sentence(max(lo, start - _WINDOW), start - 1)
        return self._last_cue(prev_lo, prev_hi, "continued")

    def _headline(self, lo: int, hi: int) -> Attribution | None:
        """'Politifact: Trump Is Right, ‘…’': a name and a colon open the sentence."""
        t = self.tok
        lo, hi = self._last_sentence(max(lo, hi - _WINDOW), hi)
        np = self._np_right(lo, hi)
        if np is None or np[1] >= hi or t.words[np[1]] != ":" or not self._names_someone(*np):
            return None
        return Attribution(*t.span(*np), ":", "before")

    def _last_cue(self, lo: int, hi: int, how: How) -> Attribution | None:
        """The speaker of the last speech cue in ``[lo, hi)`` that has one.

        Usually the noun phrase just before the cue; the sentence's subject when that phrase is
        the object of a preposition, when the cue is a participle or follows a coordination, and
        the speaker of an earlier cue when the subject is a pronoun that repeats it.
        """
        t = self.tok
        embedded: Attribution | None = None
        for c in range(hi - 1, lo - 1, -1):
            if t.quoted[c]:
                continue
            n = self._cue_at(c, hi)
            if not n or n == 1 and not t.tags[c].startswith("VB"):
                continue
            cue = self._cue_text(c, n)
            b = self._skip_between_left(c, lo)
            np = None if t.words[c] == "according" else self._np_left(b, lo)
            if np is not None and np[0] - 1 > lo and t.tags[np[0] - 1] in ("IN", "TO") and self._not_a_subject(*np):
                if t.tags[np[0] - 2] in RELATIVE_TAGS:
                    b, np = np[0] - 1, None  # "who in 2010 said"
                else:
                    np = self._subject_np(lo, np[0]) or np  # "Protesters marching through the streets chanted"
            if t.words[c] == "according":  # "according to X"
                np = self._np_right(c + n, hi)
            elif b > lo and t.tags[b - 1] in RELATIVE_TAGS:
                if b - 1 == lo or t.words[b - 2] != ",":
                    continue  # "anybody who complains": a restrictive clause does not name the speaker
                np = (b - 1, b)  # "McConnell, who said"
            else:
                if np is not None and np[0] > lo and t.words[np[0] - 1] == "what":
                    # "what she calls “…”": the sentence's own speaker, if an earlier cue names one
                    embedded = embedded or Attribution(*t.span(*np), cue, how)
                    continue
                if np is None and b - 1 > lo and t.words[b - 1] == "," and t.tags[c] == "VBG":
                    main = self._last_cue(lo, b - 1, how)  # "she said, referencing …": the main clause's speaker
                    if main is not None:
                        return replace(main, cue=cue)
                if np is None and b - 1 > lo and t.words[b - 1] == ",":
                    subject = self._subject_np(lo, c + 1)  # "Jean-Marc Ayrault, the foreign minister, said"
                    name = self._apposed_name(b - 1, lo)  # "Norway’s fisheries minister, Lars Holmgren, warned"
                    np = name if subject is None or name is not None and self._describes(*subject) else subject
                elif np is not None and t.tags[c] == "VBG" and np[0] > lo:
                    np = self._subject_np(lo, np[0]) or np  # "Trump unleashed tweets saying …"
                if np is None and b == lo:
                    np = self._np_right(self._skip_time(c + n, hi), hi)  # "Said Trump: “…”"
                elif np is None:
                    np = self._subject_np(lo, c + 1)  # "…, saying", "and vowed to": the sentence's subject
            if np is None:
                continue
            if np[1] - np[0] == 1 and t.tags[np[0]] == "PRP" and np[0] > lo:
                # "Lynch said she recalled …": the pronoun repeats the subject of an earlier cue
                outer = self._last_cue(lo, np[0], how)
                if outer is not None:
                    return outer
                if t.words[np[0] - 1] in ("what", "which"):  # "tweets in which he called": the subject
                    subject = self._subject_np(lo, np[0] - 1)
                    if subject is not None:
                        return Attribution(*t.span(*subject), cue, how)
            return Attribution(*t.span(*np), cue, how)
        return embedded

    def _subject(self, lo: int, hi: int) -> Attribution | None:
        """The subject of the quotation's sentence when no cue is found: 'Trump likened them to “…”'."""
        lo, hi = self._last_sentence(max(lo, hi - _WINDOW), hi)
        np = self._subject_np(lo, hi, named=True)
        if np is None:
            return None
        verb = self._skip_between(np[1], hi)
        return Attribution(*self.tok.span(*np), self._cue_text(verb, 1), "subject")

    def _subject_np(self, lo: int, hi: int, named: bool = False) -> tuple[int, int] | None:
        """The first noun phrase before ``hi`` that a verb follows (if ``named``, only a name or pronoun)."""
        t = self.tok
        i = lo
        while i < hi:
            np = None if t.quoted[i] else self._np_right(i, hi)
            if np is None:
                i += 1
                continue
            if i > lo and t.tags[i - 1] in ("IN", "TO"):
                i = np[1]  # "During a speech in the day, Trump attacked …": no subject after a preposition
                continue
            j = np[1]
            for _ in range(2):  # "Officials at Homeland Security Investigations said", "Gov. Tomblin of West Virginia"
                attached = self._np_right(j + 1, hi) if j < hi and t.words[j] in _PP_WORDS else None
                if attached is None:
                    break
                j = attached[1]
            j = self._skip_between(self._skip_comma_insertion(j, hi), hi)
            if j < hi and t.tags[j].startswith("VB"):
                return np if not named or self._names_someone(*np) else None
            i = np[1]
        return None

    def _skip_comma_insertion(self, j: int, hi: int) -> int:
        """Skip ", the former secretary of state," after a subject, up to the verb that follows it."""
        t = self.tok
        if j >= hi or t.words[j] != ",":
            return j
        for k in range(j + 1, min(hi, j + 25)):
            if t.words[k] == "," and k + 1 < hi:
                after = self._skip_between(k + 1, hi)
                if after < hi and t.tags[after].startswith("VB"):
                    return k + 1
        return j

    def _only_attribution(self, left: tuple[int, int], last: Attribution) -> bool:
        """True when the text between two quotes of a paragraph is the first one's attribution."""
        lo, hi = left
        return lo < hi and self.tok.starts[lo] <= last.start and last.end <= self.tok.ends[hi - 1]


    # -- small helpers ---------------------------------------------------------------------

    def _skip_insertion(self, j: int, hi: int) -> int:
        """Skip what stands between a name and its cue: ", a spokesman for the ministry," or "of the EPA"."""
        t = self.tok
        if j < hi and t.words[j] in _PP_WORDS:
            np = self._np_right(j + 1, hi)
            k = self._skip_between(np[1], hi) if np is not None else hi
            if k < hi and self._cue_at(k, hi):
                return k
        if j >= hi or t.words[j] != ",":
            return j
        for k in range(j + 1, min(hi, j + 25)):
            if t.words[k] in _FINAL and t.tags[k] == ".":
                break
            if t.words[k] == "," and k + 1 < hi and self._cue_at(self._skip_between(k + 1, hi), hi):
                return k + 1
        return j

    def _skip_between(self, j: int, hi: int) -> int:
        t = self.tok
        while j < hi and (t.words[j] in _BETWEEN or t.tags[j] in ("RB", "MD")):
            j += 1
        return j

    def _skip_between_left(self, c: int, lo: int) -> int:
        t = self.tok
        while c > lo and (t.words[c - 1] in _BETWEEN or t.tags[c - 1] in ("RB", "MD")):
            c -= 1
        return c

    def _skip_time(self, j: int, hi: int) -> int:
        t = self.tok
        while j < hi and t.words[j] in TIME_WORDS:
            j += 1
        return j

    def _last_sentence(self, lo: int, hi: int) -> tuple[int, int]:
        """Cut ``[lo, hi)`` to what follows its last sentence end."""
        for k in range(hi - 1, lo - 1, -1):
            if self.tok.words[k] in _FINAL and self.tok.tags[k] == ".":
                return k + 1, hi
        return lo, hi

    def _cue_text(self, i: int, n: int) -> str:
        return self.tok.text[self.tok.starts[i]:self.tok.ends[i + n - 1]]
