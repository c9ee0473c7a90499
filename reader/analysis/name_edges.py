"""Where the tokenizer, not the words, put a name's edge.

Two marks that spaCy's tokens split or glue wrongly, and the tagger follows them:

- An **unclosed bracket** inside a name: "the Department for Environment, Food and Rural
  Affairs (Defra) said" read as one name ending in "(Defra", CoNLL's "Saddam ( Hussein" or
  "Oval ( London". A name holds a bracket only when it closes it ("Companion Marble
  ( Holdings ) Ltd"); otherwise it is two names, each of the kind the tagger gave, unless
  the bracket holds one or two capitals, a town's letters that CoNLL writes in a club's name
  ("Mladost ( BJ )"), and the name takes the closing bracket.
- A **company suffix written with dots** ("S.p.A.", "S.A.", "N.V."): spaCy cuts "S.p.A." into
  "S.p", "." and "A.", and the tagger stops at "S.p" or before the suffix ("Costruzioni
  Lombarde S.p" read as a person). The suffix, whole, ends the name, and says it is a company.

And one mark that the trimming of every name takes off: a leading article. "The" with a capital
inside a sentence is the name's own ("a flat in The Hague", "at The Oval", "read The Times":
CoNLL marks every one of its 28 such names with it), and so is "THE" in a name in capitals
("THE HAGUE, May 3 -"); in a headline a capital says nothing ("… At The GOP Debate").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.analysis.gazetteer import lexicon
from reader.analysis.kinds import Named
from reader.analysis.lines import line_kind
from reader.analysis.names import trim_name
from reader.analysis.tagger import Span

_QUALIFIER = re.compile(r"\([ \t]*[A-Z]{1,2}[ \t]*$")
"""An opening bracket and one or two capitals at a name's end: a town's or region's letters
("Mladost ( BJ", "Radnicki ( N"), closed right after the name."""
_CLOSING = re.compile(r"[ \t]*\)")


def bracket_splits(text: str, names: Named) -> Named:
    """``names`` with a name that holds an opening bracket it does not close cut into the names
    on either side; one or two capitals after it close with the bracket after the name. A
    square bracket closed in a name that does not open it ends an editor's words put into a
    quotation ("[Bob] Corker", "[W]ith her poll numbers"): the name is what follows, if any."""
    out: Named = []
    for span, trimmed in names:
        surface = text[trimmed[0]:trimmed[1]] if trimmed else ""
        if trimmed is not None and "]" in surface and "[" not in surface:
            rest = trim_name(text, trimmed[0] + surface.rindex("]") + 1, trimmed[1])
            if rest is not None:
                out.append((Span(rest[0], span.end, span.label), rest))
            continue
        if surface.count("(") <= surface.count(")") or trimmed is None:
            out.append((span, trimmed))
            continue
        closing = _CLOSING.match(text, trimmed[1])
        if _QUALIFIER.search(surface) and closing is not None:
            out.append((Span(span.start, max(span.end, closing.end()), span.label), (trimmed[0], closing.end())))
            continue
        cut = trimmed[0] + surface.rindex("(")
        before, after = trim_name(text, span.start, cut), trim_name(text, cut + 1, trimmed[1])
        if before is not None:
            out.append((Span(span.start, before[1], span.label), before))  # the tagger's start: "At The Oval ("
        if after is not None:
            out.append((Span(after[0], after[1], span.label), after))
    return out


_GLUED_REST = re.compile(r"\.(?:[A-Za-z]{1,2}\.)+")
"""The rest of a dotted abbreviation a name ends in ("S.p" + ".A.")."""
_SPACED = re.compile(r"[ \t]+(?:[A-Za-z]{1,2}\.){2,3}")
"""A dotted abbreviation after a name (" S.p.A.", " N.V.")."""
_LAST_WORD = re.compile(r"\S+$")


def dotted_suffixes(text: str, names: Named) -> Named:
    """``names`` with a company suffix written with dots after or across a name's end taken in
    whole, the name then a company's (see the module docstring)."""
    suffixes = lexicon().corporate_suffixes
    out: Named = []
    for k, (span, trimmed) in enumerate(names):
        if trimmed is not None:
            limit = names[k + 1][0].start if k + 1 < len(names) else len(text)
            last = _LAST_WORD.search(text, trimmed[0], trimmed[1])
            glued = _GLUED_REST.match(text, trimmed[1])
            spaced = _SPACED.match(text, trimmed[1])
            suffix, end = (last.group() + glued.group(), glued.end()) if glued and last else \
                (spaced.group().strip(), spaced.end()) if spaced else ("", 0)
            if suffix.replace(".", "") in suffixes and end <= limit:
                span, trimmed = Span(span.start, max(span.end, end), "ORG"), (trimmed[0], end)
        out.append((span, trimmed))
    return out


def own_articles(text: str, names: Named) -> Named:
    """``names`` with the article the tagger read into a name kept where it is the name's own
    (see the module docstring): "The" with a capital inside a sentence of a line that is no
    headline, or "THE" before a name in capitals."""
    lower_words = lexicon().lower_words
    kinds: dict[int, str] = {}  # the kind of each line read, by its start: each line is read once

    def in_sentence_line(pos: int) -> bool:
        start = text.rfind("\n", 0, pos) + 1
        if start not in kinds:
            end = text.find("\n", pos)
            kinds[start] = line_kind(text[start:end if end >= 0 else len(text)], lower_words)
        return kinds[start] == "body"  # "… At The GOP Debate" is a headline's capital

    out: Named = []
    for span, trimmed in names:
        article = trimmed[0] - 4 if trimmed else -1
        if trimmed and span.start <= article and text.startswith(("The ", "THE "), article) \
                and _article_of_name(text, article, trimmed[1], in_sentence_line):
            trimmed = (article, trimmed[1])
        out.append((span, trimmed))
    return out


def _article_of_name(text: str, start: int, end: int, in_sentence_line: Callable[[int], bool]) -> bool:
    if text.startswith("THE ", start):
        return text[start:end].isupper()
    k = start
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return 0 < k < start and (text[k - 1].islower() or text[k - 1] == ",") and in_sentence_line(start)
