"""What the speaker ranker knows about a candidate: named, binary features.

Each feature is a short string such as ``"context:S=B|N=cue"`` (the candidate stands
before the quotation and a speech cue follows it), named by its group for the ablation.
Atoms describe one fact: the side of the quotation, the distance, the sentence and
paragraph, what lies between, the kind of phrase, the word before and after it, whether
it opens its clause and what the clause's verb is, the shape of the quotation. Templates join a few
atoms, so a linear model can weigh "a name right before *said* right after the
quotation" apart from "a name right before *said* two sentences earlier". Word
features (the verb after a candidate, the head noun of a description) let the ranker
learn cues and speaker nouns from the training data; the word lists add what it has not
seen.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from reader.analysis.candidates import Candidate, Layout
from reader.analysis.cues import person_nouns, source_nouns
from reader.analysis.phrases import DASHES, TIME_WORDS

GROUPS = ("position", "gap", "kind", "context", "clause", "noun_lists", "words", "rank", "quote", "salience")
"""Feature groups: a feature is named ``group:template``, so the ablation can leave a group out
(the cue list is left out by giving the layout no cues)."""

_BETWEEN = frozenset({"has", "have", "had", "is", "was", "are", "were", "will", "would", "did", "does", "do",
                      "also", "then", "later", "previously", "once", "again", "been", "never", "just", "even",
                      "still", "not", "n't", "n’t", "can", "could", "may", "might", "should", "must"})
"""Words that may stand between a speaker and the verb: "X has also repeatedly said"."""
_PUNCT = frozenset({",", ":", ";", "(", ")", "—", "–", "―", "-", "--", "…"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "another", "one"})
_PREPOSITIONS = frozenset({"by", "to", "of", "for", "from", "with", "at", "in", "on", "about", "against", "than"})
_VERB_TAGS = frozenset({"VB", "VBD", "VBZ", "VBP", "VBG", "VBN"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP"})
_CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–", "--"})
_CLAUSE_REACH = 15
"""Tokens searched after a candidate for its clause's verb."""


def bucket(n: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


class Featurizer:
    """Features of a quotation's candidates in one text."""

    def __init__(self, layout: Layout) -> None:
        self.lay = layout
        self._static: dict[tuple[int, int], dict[str, str]] = {}
        self._cues: dict[tuple[int, int], tuple[int, int]] = {}
        self._quote_starts = [q.start for q in layout.quotes]
        counts: dict[str, int] = {}
        for actor in layout.actor:
            if actor is not None:
                counts[actor] = counts.get(actor, 0) + 1
        self._actor_tokens = counts

    def features(self, k: int, candidates: Sequence[Candidate]) -> list[list[str]]:
        """One feature list per candidate of quotation ``k``."""
        lay = self.lay
        first, end = lay.quote_tokens(k)
        before = [c for c in candidates if c.j <= first]
        after = [c for c in candidates if c.i >= end]
        rank: dict[Candidate, str] = {}
        for side in (list(reversed(before)), after):
            cued = 0
            for n, c in enumerate(side):
                self.atoms(c)
                cue_here = (c.i, c.j) in self._cues
                cued += cue_here
                rank[c] = f"{min(n + 1, 4)}/{min(cued, 3) if cue_here else 0}"
        quote_atoms = self._quote_atoms(k, first, end)
        return [self._features(c, self.relation(k, c), rank.get(c, "in"), quote_atoms) for c in candidates]

    # -- atoms -----------------------------------------------------------------------------

    def _quote_atoms(self, k: int, first: int, end: int) -> dict[str, str]:
        lay, t = self.lay, self.lay.tok
        q = lay.quotes[k]
        inner = t.text[q.start:q.end].strip("\"'“”„‘’«»‹›` ")
        last = inner[-1:] if inner else ""
        if last.isalnum() and t.text[q.end:q.end + 1] in (",", "."):
            last = t.text[q.end]  # "“… than sympathy”, Varga told": the comma outside the mark
        shape = "," if last == "," else "." if last in ".…" else "?" if last in "?!" else "w"
        opens = first < len(t.starts) and first == lay.para_first[lay.para_of[first]]
        closes = end >= len(t.starts) or lay.para_of[end] != lay.para_of[end - 1] or not q.closed
        words = end - first - 2
        return {"end": shape, "opens": "o" if opens else "", "closes": "c" if closes else "",
                "size": bucket(words, (3, 10, 30))}

    def atoms(self, c: Candidate) -> dict[str, str]:
        """What a candidate is and what stands around it, whatever the quotation."""
        key = (c.i, c.j)
        found = self._static.get(key)
        if found is None:
            found = self._static[key] = self._compute_atoms(c)
        return found

    def _compute_atoms(self, c: Candidate) -> dict[str, str]:
        lay, t = self.lay, self.lay.tok
        words, head = t.words, c.j - 1
        actor = next((lay.actor[m] for m in range(c.j - 1, c.i - 1, -1) if lay.actor[m]), None)
        atoms = {
            "kind": self._kind(c),
            "head": words[head] if t.tags[head] in ("NN", "NNS") else "",
            "lists": "pn" if words[head] in person_nouns() else "sn" if words[head] in source_nouns() else "",
            "det": words[c.i] if words[c.i] in _DETERMINERS else "",
            "poss": "s" if any(t.tags[m] == "POS" for m in range(c.i, min(c.j + 1, len(t.starts)))) else "",
            "size": bucket(c.j - c.i, (1, 2, 3)),
            "actor": bucket(self._actor_tokens.get(actor, 0), (0, 2, 5, 10)) if actor else "",
        }
        atoms["next"], atoms["next_verb"] = self._right(c)
        atoms["prev"], atoms["prev_verb"] = self._left(c)
        atoms["clause"] = self._clause(c)
        return atoms

    def _kind(self, c: Candidate) -> str:
        """A pronoun itself, "turn", or the phrase's entity label: a person anywhere in it first."""
        lay, t = self.lay, self.lay.tok
        head = c.j - 1
        if c.kind in ("pronoun", "relative"):
            return t.words[c.i]
        if c.kind == "turn":
            return "turn"
        if lay.entity[head] in ("DATE", "TIME") or t.words[head] in TIME_WORDS:
            return "time"
        if any(lay.entity[m] == "PERSON" for m in range(c.i, c.j)):
            return "PERSON"
        if lay.entity[head]:
            return lay.entity[head]
        return "proper" if t.tags[head] in ("NNP", "NNPS") else "common"

    def _right(self, c: Candidate) -> tuple[str, str]:
        """What follows a candidate past auxiliaries and adverbs (a cue, a verb, an apposition then a
        cue, a mark …), and the verb's word; a cue found is remembered for :meth:`cue_of`."""
        lay, t = self.lay, self.lay.tok
        words, n = t.words, len(t.starts)
        j = c.j
        while j < n and not t.quoted[j] and (words[j] in _BETWEEN or t.tags[j] in ("RB", "MD")):
            j += 1
        if j >= n or lay.para_of[j] != lay.para_of[c.j - 1]:
            return "end", ""
        cue_at = None
        if t.quoted[j]:
            found = "quote", ""
        elif lay.cue[j]:
            found, cue_at = ("cue", words[j]), j
        elif t.tags[j] in _VERB_TAGS:
            found = "verb", words[j]
        elif words[j] in _PUNCT or words[j] in DASHES:
            cue_at = self._apposition_then_cue(j) if words[j] == "," else None
            found = (words[j] if cue_at is None else ",-cue"), ""
        elif words[j] in _PREPOSITIONS:
            cue_at = self._pp_then_cue(j)
            found = ("prep" if cue_at is None else "prep-cue"), ""
        elif t.tags[j] in ("WP", "WDT"):
            found = "who", ""
        else:
            found = t.tags[j], ""
        if cue_at is not None:
            self._cues[(c.i, c.j)] = (cue_at, cue_at + lay.cue[cue_at])
        return found

    def _left(self, c: Candidate) -> tuple[str, str]:
        """What precedes a candidate in its sentence past time words (a cue for "said X", "according
        to", a preposition, a mark, the sentence's start …), and the verb's word."""
        lay, t = self.lay, self.lay.tok
        words = t.words
        i = c.i - 1
        while i >= 0 and not t.quoted[i] and words[i] in TIME_WORDS and lay.para_of[i] == lay.para_of[c.i]:
            i -= 1
        if i < 0 or lay.para_of[i] != lay.para_of[c.i] or lay.sent_of[i] != lay.sent_of[c.i]:
            return "start", ""
        if t.quoted[i]:
            return "quote", ""
        if words[i] == "to" and i > 0 and words[i - 1] == "according":
            self._cues.setdefault((c.i, c.j), (i - 1, i + 1))
            return "according", ""
        if lay.cue[i] or (i > 0 and lay.cue[i - 1] > 1):
            cue_start = i if lay.cue[i] else i - 1
            self._cues.setdefault((c.i, c.j), (cue_start, cue_start + lay.cue[cue_start]))
            return "cue", words[i]
        if t.tags[i] in _VERB_TAGS:
            return "verb", words[i]
        if words[i] in _PREPOSITIONS:
            return (words[i] if words[i] == "by" else "prep"), ""
        if words[i] in _PUNCT or words[i] in DASHES:
            return words[i], ""
        return ("and" if t.tags[i] == "CC" else t.tags[i]), ""

    def _clause(self, c: Candidate) -> str:
        """Whether a candidate is the first noun phrase of its clause and what its clause's verb is:
        "Protesters marching through the streets chanted" makes "Protesters" the subject of a cue,
        "the streets" not."""
        lay, t = self.lay, self.lay.tok
        sent = lay.sent_of[c.i]
        k = c.i - 1
        first = True
        while k >= 0 and not t.quoted[k] and lay.sent_of[k] == sent and t.words[k] not in _CLAUSE_BREAKS:
            if t.tags[k] in _NOUN_TAGS:
                first = False
                break
            k -= 1
        verb = "none"
        for k in range(c.j, min(len(t.starts), c.j + _CLAUSE_REACH)):
            if t.quoted[k] or lay.sent_of[k] != sent or t.words[k] in _CLAUSE_BREAKS:
                break
            if lay.cue[k] and t.tags[k] in _VERB_TAGS:
                verb = "cue"
                break
            if t.tags[k] in _FINITE_TAGS:
                verb = "verb"
                break
        return f"{'first' if first else 'later'}-{verb}"

    def cue_of(self, k: int, c: Candidate) -> str | None:
        """The speech cue that ties a candidate to quotation ``k``: the cue of the candidate's sentence
        nearest to the quotation ("she said, adding that “…”" → adding), else the cue beside it or
        after the comma that closes its apposition."""
        lay, t = self.lay, self.lay.tok
        if c.kind == "turn":
            return ":"
        first, end = lay.quote_tokens(k)
        sent = lay.sent_of[c.i]
        if c.j <= first:
            span = range(min(first, len(t.starts)) - 1, c.j - 1, -1)
        else:
            span = range(c.i - 1, end - 1, -1)
        for m in span:
            if lay.sent_of[m] != sent:
                continue
            start = m if lay.cue[m] else m - 1 if m > 0 and lay.cue[m - 1] > 1 else -1
            if start >= 0 and not t.quoted[m]:
                return t.text[t.starts[start]:t.ends[start + lay.cue[start] - 1]]
        self.atoms(c)
        found = self._cues.get((c.i, c.j))
        if found is None and c.j < len(t.starts) and t.words[c.j] == ",":
            at = self._cue_after(c.j + 1)  # "the chief executive, Sara Lind, said"
            found = None if at is None else (at, at + lay.cue[at])
        return None if found is None else t.text[t.starts[found[0]]:t.ends[found[1] - 1]]

    def _apposition_then_cue(self, comma: int) -> int | None:
        """", a spokesman for the ministry, said": the cue after the comma that closes an apposition."""
        t = self.lay.tok
        for m in range(comma + 1, min(len(t.starts), comma + 25)):
            if t.quoted[m] or (t.words[m] in (".", "?", "!") and t.tags[m] == "."):
                return None
            if t.words[m] == ",":
                return self._cue_after(m + 1)
        return None

    def _pp_then_cue(self, prep: int) -> int | None:
        """"Officials at the ministry said": the cue after the phrase the preposition opens."""
        t = self.lay.tok
        np = self.lay.np_right(prep + 1, min(len(t.starts), prep + 12))
        return None if np is None else self._cue_after(np[1])

    def _cue_after(self, k: int) -> int | None:
        """The cue at ``k`` or after auxiliaries and adverbs there ("has also said"), if any."""
        t = self.lay.tok
        while k < len(t.starts) and (t.words[k] in _BETWEEN or t.tags[k] in ("RB", "MD")):
            k += 1
        return k if k < len(t.starts) and self.lay.cue[k] and not t.quoted[k] else None

    def _gap(self, lo: int, hi: int) -> str:
        """What stands between a candidate and the quotation: nothing, marks, a cue, or more."""
        lay, t = self.lay, self.lay.tok
        if lo >= hi:
            return "0"
        cue = False
        k = lo
        while k < hi:
            w = t.words[k]
            if lay.cue[k]:
                cue = True
                k += lay.cue[k]
                continue
            if w in _PUNCT or w in DASHES or w in _BETWEEN or w in TIME_WORDS or t.tags[k] in ("RB", "MD"):
                k += 1
                continue
            if w == "that" and cue:
                k += 1
                continue
            return "long" if hi - lo > 6 else "words"
        return "cue" if cue else "marks"

    # -- features ----------------------------------------------------------------------------

    def relation(self, k: int, c: Candidate) -> dict[str, str]:
        """Where a candidate stands to quotation ``k``: side, distance, sentence, paragraph, what is between."""
        lay = self.lay
        first, end = lay.quote_tokens(k)
        if c.j <= first:
            side, dist, lo, hi, anchor = "B", first - c.j, c.j, first, min(first, len(lay.sent_of) - 1)
        elif c.i >= end:
            side, dist, lo, hi, anchor = "A", c.i - end, end, c.i, end - 1
        else:
            return {"side": "I", "d": "0", "s": "s0", "p": "p0", "nq": "q0", "gap": "0", "found": "cued"}
        if side == "B":
            between = k - bisect.bisect_left(self._quote_starts, c.end)
        else:
            between = bisect.bisect_left(self._quote_starts, c.start) - k - 1
        words_between = self._gap(lo, hi)
        gap = words_between if not between else "quote"
        rel_sent = lay.sent_of[c.i] - lay.sent_of[anchor]
        rel_para = lay.para_of[c.i] - lay.para_of[anchor]
        self.atoms(c)
        colon = side == "B" and words_between in ("marks", "cue") and ":" in lay.tok.words[lo:hi]
        cued = (c.i, c.j) in self._cues or colon
        found = ("cued" if cued else "near") if rel_sent == 0 else "far"
        return {"side": side, "d": bucket(dist, (0, 1, 2, 3, 5, 8, 12, 20, 35)),
                "s": f"s{max(-3, min(3, rel_sent))}", "p": f"p{max(-2, min(2, rel_para))}",
                "nq": f"q{min(between, 2)}", "gap": gap, "found": found}

    def describe(self, k: int, c: Candidate) -> dict[str, str]:
        """The atoms of a candidate and of its relation to quotation ``k``."""
        return {**self.atoms(c), **self.relation(k, c)}

    def _features(self, c: Candidate, r: dict[str, str], rank: str, quote: dict[str, str]) -> list[str]:
        a = self.atoms(c)
        side, d, s, p, gap = r["side"], r["d"], r["s"], r["p"], r["gap"]
        kind, nxt, prev = a["kind"], a["next"], a["prev"]
        qe = quote["end"] + quote["opens"] + quote["closes"]
        at = f"S={side}"
        out = ["bias",
               f"position:{at}", f"position:{at}|D={d}", f"position:{at}|{s}", f"position:{at}|{p}",
               f"position:{at}|{s}|{p}|{r['nq']}",
               f"gap:{at}|G={gap}", f"gap:{at}|G={gap}|{s}", f"gap:{at}|G={gap}|K={kind}",
               f"gap:{at}|G={gap}|N={nxt}|P={prev}",
               f"kind:K={kind}", f"kind:{at}|K={kind}", f"kind:{at}|{s}|K={kind}",
               f"kind:K={kind}|det={a['det']}|poss={a['poss']}|size={a['size']}",
               f"context:{at}|N={nxt}", f"context:{at}|P={prev}", f"context:{at}|{s}|N={nxt}",
               f"context:{at}|{s}|P={prev}", f"context:{at}|D={d}|N={nxt}", f"context:{at}|D={d}|P={prev}",
               f"context:K={kind}|N={nxt}", f"context:K={kind}|P={prev}", f"context:N={nxt}|P={prev}",
               f"quote:{at}|Q={qe}|G={gap}", f"quote:{at}|Q={qe}|{s}|N={nxt}", f"quote:{at}|Q={qe}|{s}|P={prev}",
               f"quote:{at}|size={quote['size']}|{s}",
               f"rank:{at}|R={rank}", f"rank:{at}|R={rank}|{s}", f"rank:{at}|R={rank}|K={kind}",
               f"clause:C={a['clause']}", f"clause:{at}|{s}|C={a['clause']}", f"clause:K={kind}|C={a['clause']}"]
        if a["lists"]:
            out += [f"noun_lists:L={a['lists']}|det={a['det'] != ''}", f"noun_lists:{at}|L={a['lists']}|N={nxt}"]
        if a["head"]:
            out.append(f"words:head={a['head']}")
        if a["next_verb"]:
            out.append(f"words:{at}|NV={a['next_verb']}")
        if a["prev_verb"]:
            out.append(f"words:{at}|PV={a['prev_verb']}")
        if a["actor"]:
            out += [f"salience:actor={a['actor']}", f"salience:K={kind}|actor={a['actor']}"]
        return out
