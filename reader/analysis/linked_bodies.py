"""A body's name that goes on past "for the", "of the", "on" or "Without" is one name.

"Analysts at the Institute for the Study of War said", "the Royal Society for the Protection of
Birds", "the Organisation for Economic Co-operation and Development": the tagger, which learned
from news where such names are rare, reads the words after the link as a name of their own
("Study of War") or cuts the name in two. The text's shape says what it is: a head word that
names a kind of body, a link in lower case, and capitalised words after it. ``linked_bodies``
reads that whole run as one organisation where the tagger saw a name inside it, none of its
names reaches past it and no person's name is read after the link ("Campaign for Trump"); a
day or month after "on" is no name's ("the Security Council on Friday"). A headline in Title
Case ("Institute For The Study Of War Says") has its links in capitals and is left alone. Such
a name is no event for ending in an event's word (``misc_words``: "War"). A possessive before
the head starts the name after it ("Columbia University's Institute for …"), and a name read
across the possessive keeps what stands before it, unless that is a title ("the Mayor's Fund for
Peace" is one name).

A capitalised preposition between capitalised words links them the same way in a line of prose
("Doctors Without Borders", "Action Against Hunger"; the tagger read "Without Borders" as a
person), where no name read reaches past them.

The same shape with a treaty's or a meeting's head ("the Convention on the Rights of the
Child") changed no mention of CoNLL, PolNeAR or the modern texts, and was left out.
"""

from __future__ import annotations

import re

from reader.analysis.gazetteer import fold, lexicon
from reader.analysis.lines import line_kind
from reader.analysis.tagger import Span

_HEADS = ("Institute|Institutes|Institution|Center|Centre|Centers|Centres|Society|Association|Organisation|"
          "Organization|Committee|Subcommittee|Caucus|Commission|Council|Office|Foundation|Fund|Agency|Museum|Coalition|Alliance|"
          "League|Union|Federation|Network|Campaign|Movement|Party|Front|Church|Academy|School|College|"
          "University|Department|Ministry|Bureau|Board|Authority|Tribunal|Trust|Forum|Corps|"
          "Service|Programme|Program|Project|Initiative|Court")
_S = r"[ \t\u00a0]"
"""A space between the words of a name, a no-break space too."""
_CAP = r"[A-Z][\w]*(?:[-'\u2019][\w]+)*"
"""A capitalised word, with its hyphened or apostrophed parts ("Co-operation", "Latter-day")."""
_LINKED = re.compile(
    rf"(?<![\w'\u2019-])(?P<head>(?:{_CAP}{_S}+){{0,4}}(?:{_HEADS})){_S}+(?:(?:for|on|against)(?:{_S}+the)?|of{_S}+the){_S}+"
    rf"(?P<tail>{_CAP}(?:(?:{_S}+(?:of|for)(?:{_S}+the)?|{_S}+and|{_S}+&)?{_S}+{_CAP})*)")
"""A head phrase ending in a body's head word, a link in lower case, and a tail of capitalised
words, joined inside by "of", "for", "and" or "&"."""
_CAPITAL_LINKED = re.compile(
    rf"(?<![\w'\u2019-])(?P<head>{_CAP}(?:{_S}+{_CAP}){{0,3}}){_S}+(?:Without|Against|Across|Sans|Beyond){_S}+"
    rf"(?:the{_S}+)?{_CAP}(?:{_S}+{_CAP}){{0,3}}")
"""Capitalised words on both sides of a capitalised preposition: "Doctors Without Borders",
"Action Against Hunger"."""
_POSSESSIVE = re.compile(rf"['\u2019]s{_S}+")
_HEAD_BEFORE_LINK = re.compile(rf"(?:{_CAP}{_S}+){{0,4}}(?:{_HEADS}){_S}+(?:for|on|against|of){_S}")


def linked_body_name(name: str) -> bool:
    """Whether ``name`` opens with a body's head word and its link ("Institute for the Study of
    War"): its last word is then no head of the name, whatever it names elsewhere."""
    return _HEAD_BEFORE_LINK.match(name) is not None


def linked_bodies(text: str, spans: list[Span], common: frozenset[str]) -> list[Span]:
    """``spans`` with each linked body's name (see the module docstring) read as one organisation;
    ``common`` holds the words usually written in lower case (for :func:`line_kind`)."""
    lex = lexicon()
    out = list(spans)
    for found in _CAPITAL_LINKED.finditer(text):
        start, end = found.span()
        line_end = text.find("\n", end)
        line = text[text.rfind("\n", 0, start) + 1:len(text) if line_end < 0 else line_end]
        inside = [s for s in out if s.start < end and s.end > start]
        if line_kind(line, common) == "body" and not any(s.start < start or s.end > end for s in inside):
            out = [s for s in out if s not in inside] + [Span(start, end, "ORG")]
    for found in _LINKED.finditer(text):
        start, end = found.start(), found.end()
        tail = found.start("tail")
        if fold(found.group("tail").split()[0]) in lex.calendar:  # "the Security Council on Friday"
            continue
        owner: list[Span] = []
        cut = list(_POSSESSIVE.finditer(found.group("head")))
        if cut:  # "Columbia University's Institute for …": the institute's name starts after it,
            owned = start + cut[-1].start()  # and a name read across the possessive ends before it
            start += cut[-1].end()
            owner = [s for s in out if s.start < owned and start < s.end <= end]
            if any(lex.is_title(text[s.start:owned]) for s in owner):  # "the Mayor's Fund for Peace"
                continue
        if text.startswith("The ", start):
            start += 4
        inside = [s for s in out if s.start < end and s.end > start and s not in owner]
        if not inside or any(s.start < start or s.end > end or s.label == "PER" and s.end > tail for s in inside) \
                or (len(inside) == 1 and (inside[0].start, inside[0].end) == (start, end)):
            continue
        out = [s for s in out if s not in inside and s not in owner] + [Span(start, end, "ORG")]
        out += [Span(s.start, owned, s.label) for s in owner]
    return sorted(out, key=lambda s: s.start)
