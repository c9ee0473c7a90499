"""A region written short after a town and a comma is a place, and so is the town.

"a nurse from Tarvik, N.S., won", "the plant in Brevdal, Ont., will close", "Kamloops, B.C., and
Corner Brook": North American news names a town by its state or province, abbreviated with a
full stop. The tagger, which learned on CoNLL's tokens ("LINZ , Austria"), often reads the
abbreviation as a body or not at all, and a town it never saw as anything. The shape says
what both are: a capitalised name, a comma, one capital and up to four small letters or two or
three capitals each with a full stop, and a comma, a dash or the line's end after it. Not a
company's legal form ("Acme, Inc."), a generation ("Jr."), a title or a form of address, nor
after a person's full name ("Jane Tarvik, M.D., said": a degree). The town is taken when it is
one or two capitalised words after "in", "from", "of", "near", "at" or "outside" ("from
Tarvik, N.S."), or a name already read as a place. The abbreviation keeps its full stop
when a comma or a dash follows ("BREVDAL, Ont. — The mill": the dash made it look like a
sentence's end); before a new sentence the stop may be the sentence's ("in Benghazi, Libya.").
A state or country written in full after a town says the same of a town read as a body or a
person ("in Waco, Texas,"; :func:`named_regions`).
"""

from __future__ import annotations

import re

from reader.analysis.gazetteer import Lexicon, lexicon
from reader.analysis.kinds import Named
from reader.analysis.names import name_key
from reader.analysis.tagger import Span

_REGION = re.compile(r",[ \t]+(?P<region>(?:[A-Z]\.){2,3}|[A-Z][a-z]{1,4}\.)(?=[,;:)]|[ \t]+[\u2014\u2013]|[ \t]*\n|$)")
"""A comma and a region written short, then a comma, a dash or the line's end."""
_TOWN = re.compile(r"(?<![\w'\u2019-])(?P<town>[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+)?)$")
_ABBREVIATED = re.compile(r"\.(?:[,;:)]|[ \t]+[\u2014\u2013])")
"""A full stop that ends no sentence: a comma or a dash follows it ("Calif., said", "Ont. —")."""
_PLACE_BEFORE = re.compile(r"\b(?:in|from|of|near|at|outside)[ \t]+$")
_NOT_REGIONS = ("Jr.", "Sr.", "St.", "Mt.", "No.", "Co.", "Inc.", "Ltd.", "Corp.", "Bros.")


def abbreviated_regions(text: str, names: Named) -> Named:
    """``names`` with a region written short after a town and a comma, and the town, read as
    places (see the module docstring)."""
    lex = lexicon()
    by_start = {t[0]: k for k, (_, t) in enumerate(names) if t is not None}
    by_end = {t[1]: k for k, (_, t) in enumerate(names) if t is not None}
    out = list(names)
    added: Named = []
    for found in _REGION.finditer(text):
        region = found.group("region")
        start, end = found.span("region")
        if not _a_region(region, lex):
            continue
        town = by_end.get(found.start())
        if town is not None:
            span, t = names[town]
            assert t is not None
            words = text[t[0]:t[1]].split()
            if span.label == "PER" and len(words) > 1 or span.label == "ORG" and len(words) > 2:
                continue
            out[town] = (Span(span.start, span.end, "LOC"), t)
        else:
            unread = _TOWN.search(text, max(0, found.start() - 60), found.start())
            if unread is None or not _PLACE_BEFORE.search(text, max(0, unread.start() - 10), unread.start()) \
                    or any(unread.start() < t[1] and t[0] < found.start() for _, t in names if t is not None):
                continue
            added.append((Span(unread.start(), found.start(), "LOC"), (unread.start(), found.start())))
        own = by_start.get(start)
        if own is not None and _ABBREVIATED.match(text, end - 1):  # the stop a dash made look like an end
            out[own] = (Span(out[own][0].start, max(out[own][0].end, end), "LOC"), (start, end))
        elif own is not None:
            out[own] = (Span(out[own][0].start, out[own][0].end, "LOC"), out[own][1])
        elif not any(start < t[1] and t[0] < end for _, t in names if t is not None):
            added.append((Span(start, end, "LOC"), (start, end)))
    return sorted(out + added, key=lambda name: name[0].start) if added else out


def _a_region(region: str, lex: Lexicon) -> bool:
    """Whether an abbreviation may be a region's: not a legal form, generation, title or address."""
    return region not in _NOT_REGIONS and region.rstrip(".") not in lex.corporate_suffixes \
        and region not in lex.corporate_suffixes and not lex.is_title(region.rstrip(".")) \
        and not lex.is_honorific(region) and not lex.is_honorific(region.rstrip(".")) \
        and name_key(region) not in lex.organizations


_NAMED_REGION = re.compile(r"[ \t]?,[ \t]+(?P<region>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)"
                           r"(?=[,;:.)]|[ \t]+[\u2014\u2013]|[ \t]*\n|$)")
"""A comma and a region's name in full, then a stop: ", Texas,", ", South Carolina;"."""
_BASED = re.compile(r"[ \t]?,[ \t]+(?P<region>(?:[A-Z]\.){2,3})-based\b")
"""A comma and a region written short that a company is based in: ", N.C.-based"."""


def named_regions(text: str, names: Named) -> Named:
    """``names`` with a town the tagger read as a body or a person read as a place when a comma
    and its state or country follow, written in full as the lists know it ("in Waco, Texas, in
    the wake", "Ferguson, Missouri, has", "Fort Hood, Texas;") or short before "-based"
    ("Raleigh, N.C.-based Salix"). News writes a person or a company so only in a signature or
    a table ("Michelle Marks, Philadelphia.", "Norwest Corp., Ohio-based"): a person's name of
    several words opening with a given name and a body's of several words stay."""
    lex = lexicon()
    out: Named = []
    for span, t in names:
        if t is None or span.label not in ("PER", "ORG"):
            out.append((span, t))
            continue
        words = text[t[0]:t[1]].split()
        full = _NAMED_REGION.match(text, t[1])
        short = _BASED.match(text, t[1])
        region = full is not None and name_key(full.group("region")) in lex.places \
            and name_key(full.group("region")) not in lex.organizations \
            or short is not None and _a_region(short.group("region"), lex)
        town = len(words) == 1 if span.label == "ORG" else not lex.is_given_name(words[0]) or len(words) == 1
        if region and town:
            span = Span(span.start, span.end, "LOC")
        out.append((span, t))
    return out
