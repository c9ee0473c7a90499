"""A name's kind where the document contradicts the tagger's label.

The tagger reads a name in its sentence; some evidence is only in the rest of the
document, and these steps read it, each measured on its own (``benchmarks/actors_rules.py``):

- a family: "the Castellanos" beside the person "Rhona Castellano" are people;
- a surname: "Garland" read as a place, in an article about the person "Merrick Garland",
  is him;
- an organisation named after a person: "Trump University", "Castellano Foundation" end in
  a word that names a body;
- a person's following: "the Bernie Sanders campaign", "the Obama administration" say that
  the name before the word is a person's, wherever else the tagger read it as a body;
- a list of people: "Danny Carver, Lena Moss and Ruth Ilves" read with one of them as a body
  or a place is a list of three people;
- a person's full name: "German Ortega", read as a person where he speaks, is him where the
  tagger read it as a body or a place.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.analysis.cues import person_nouns
from reader.analysis.gazetteer import Lexicon, fold, lexicon
from reader.analysis.layout import datelines
from reader.analysis.lines import heading_lines, within
from reader.analysis.names import PARTICLES, name_key
from reader.analysis.tagger import Span

Named = list[tuple[Span, tuple[int, int] | None]]
"""The tagger's spans with the name each holds once trimmed (None: no name)."""
BODY_OR_PLACE = ("ORG", "LOC")
"""The tagger's labels of a body and of a place: what the kind rules may read as a person."""


def _relabel(span: Span, label: str) -> Span:
    return Span(span.start, span.end, label)


_WORD_BEFORE = re.compile(r"([A-Z][\w.'\u2019-]*)[ \t]+$")


def titled(text: str, start: int, lex: Lexicon) -> bool:
    """Whether a title or form of address stands right before ``start`` ("Senator Rubio",
    "Princess Diana", "Mr. Okafor")."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and (lex.is_title(before.group(1)) or lex.is_honorific(before.group(1)))


def relabelled(text: str, names: Named, labels: tuple[str, ...], label: str,
                test: Callable[[str, tuple[int, int]], bool]) -> Named:
    """``names`` with each name read as one of ``labels`` that passes ``test`` (its words and
    where they stand) read as ``label`` instead."""
    return [(_relabel(span, label), t) if t and span.label in labels and test(text[t[0]:t[1]], t) else (span, t)
            for span, t in names]


def person_surnames(text: str, names: Named, full_only: bool) -> set[str]:
    """The last words of the people named (only of full names when ``full_only``)."""
    out = set()
    for span, trimmed in names:
        if trimmed and span.label == "PER":
            words = text[trimmed[0]:trimmed[1]].split()
            if len(words) > 1 or not full_only:
                out.add(name_key(words[-1]))
    return out


def dateline_place_keys(text: str) -> set[str]:
    """The places the datelines of ``text`` name: a place whatever else a name ends in."""
    return {name_key(text[start:end]) for label, start, end in datelines(text) if label == "LOC"}


def families(text: str, names: Named) -> Named:
    """"The Castellanos" are the family of the person "Castellano" the text names: people, not
    a place or a body (the plural of a person's surname, with -s or -es)."""
    surnames = person_surnames(text, names, full_only=False)

    def plural(name: str, _: tuple[int, int]) -> bool:
        key = name_key(name)
        return key.endswith("s") and (key[:-1] in surnames or (key.endswith("es") and key[:-2] in surnames))

    return relabelled(text, names, BODY_OR_PLACE, "PER", plural) if surnames else names


_SURNAME_PAIR = re.compile(r"[A-Z][\w'\u2019]+(?:-[A-Z][\w'\u2019]+)+")


def surname_pairs(text: str, names: Named) -> Named:
    """A name of surnames joined by hyphens, each of a different person the text names in full
    ("the Trump-Clinton race", "the McCain-Kennedy bill"), is no actor: it says what the people
    share, as CoNLL reads "the Tikhomirov-Maskhadov talks" (MISC); not the surname of a person
    named in full."""
    surnames = person_surnames(text, names, full_only=True)
    if len(surnames) < 2:
        return names

    def paired(name: str) -> bool:
        parts = [name_key(p) for p in name.split("-")]
        return _SURNAME_PAIR.fullmatch(name) is not None and len(set(parts)) == len(parts) \
            and all(p in surnames for p in parts) and name_key(name) not in surnames  # "Ann Lee-Park"

    return [(span, None) if t and paired(text[t[0]:t[1]]) else (span, t) for span, t in names]


def surname_kinds(text: str, names: Named) -> Named:
    """A name read as a body or a place that is the surname of a person the text names in full
    ("Merrick Garland" … "Garland"), or the words after the given name ("Siobhán Mac Giolla
    Phádraig" … "Mac Giolla Phádraig": not after another person's surname, "Bush White House"
    beside "George W. Bush" leaves "White House" as read), or the first of two surnames, as Spanish
    and Basque news calls a person by it ("Núria Vilaseca Roig" … "Vilaseca"), is that person; not
    where an office and its holder's name follow its possessive ("Jordan’s King Abdullah" beside "Michael Jordan": people hold
    no kings, and the tagger's place stays)."""
    surnames = person_surnames(text, names, full_only=True)
    surnames |= {name_key(" ".join(words[1:])) for span, t in names if t and span.label == "PER"
                 for words in [text[t[0]:t[1]].split()] if len(words) > 2 and name_key(words[0]) not in surnames}
    given = lexicon().given_names
    surnames |= {name_key(words[1]) for span, t in names if t and span.label == "PER"
                 for words in [text[t[0]:t[1]].split()] if len(words) == 3 and words[1] not in given
                 and words[1][:1].isupper() and words[1][1:].islower() and name_key(words[0]) not in surnames}
    surnames -= dateline_place_keys(text)  # "KITCHENER, Ont. —" is the city, whoever "CTV Kitchener" is
    if not surnames:
        return names
    titled = lexicon().is_title
    return relabelled(text, names, BODY_OR_PLACE, "PER", lambda name, where: name_key(name) in surnames
                      and not ((office := _OFFICE_AFTER.match(text, where[1])) and titled(office.group(1))))


_OFFICE_AFTER = re.compile(r"['\u2019]s[ \t]+(?:[A-Z][a-z]+[ \t]+)?([A-Z][a-z]+)[ \t]+[A-Z]")
"""A possessive, an office and a name: "Jordan’s King Abdullah", "Jordan's Crown Prince Hussein"."""


_NEXT_WORD = re.compile(r"[ \t]([A-Z][a-z]+)\b")


def named_after(text: str, names: Named, common: frozenset[str]) -> Named:
    """A "person" made of the surname of a person the text names in full and words usually
    written in lower case (``common``: "Trump Tower", "Clinton Global Initiative", "Obama White
    House", "Starr International") is something named after that person: an organisation, not
    the person; not when a given name opens it ("Paul Singer" beside "Rand Paul")."""
    lex = lexicon()
    surnames = person_surnames(text, names, full_only=True)

    def after_a_person(name: str, _: tuple[int, int]) -> bool:
        words = name.split()
        return len(words) > 1 and name_key(words[0]) in surnames and not lex.is_given_name(words[0]) and all(
            w.lower() in common and not lex.is_given_name(w) for w in words[1:])

    return relabelled(text, names, ("PER",), "ORG", after_a_person)


def org_word_kinds(text: str, names: Named) -> Named:
    """A "person" whose last word names a body ("Trump University", "Castellano Foundation")
    is an organisation, unless a given name opens it ("Ellen Post"); a place or body right
    before a word that names a body the tagger left out ("Waterloo Region" + "Record") is that
    body, the word included, outside a heading, whose capitals say nothing ("# Galway Sentinel
    Sold to Dublin Group": the town, in the words modern news writes in lower case,
    ``lower-words.txt``, to tell a heading). The first word of such a "person" written alone ("Corvid" after
    "Corvid Robotics") is the body too, unless it is the surname of a person the text names."""
    lex = lexicon()
    out: Named = []
    bodies: set[str] = set()
    in_heading = within(heading_lines(text, lex.lower_words))
    for k, (span, trimmed) in enumerate(names):
        following = _NEXT_WORD.match(text, trimmed[1]) if trimmed and span.label in ("LOC", "ORG") \
            and not in_heading(trimmed[0]) else None
        if trimmed and following and following.group(1) in lex.org_words and (
                k + 1 == len(names) or names[k + 1][0].start >= following.end()):
            out.append((Span(span.start, following.end(), "ORG"), (trimmed[0], following.end())))
            continue
        if trimmed and span.label == "PER":
            parts = text[trimmed[0]:trimmed[1]].split()
            if len(parts) > 1 and parts[-1] in lex.org_words and parts[0] not in lex.given_names:
                span = _relabel(span, "ORG")
                bodies.add(name_key(parts[0]))
        out.append((span, trimmed))
    bodies -= person_surnames(text, out, full_only=True)
    if not bodies:
        return out
    return [(_relabel(span, "ORG"), t) if t and span.label == "PER" and name_key(text[t[0]:t[1]]) in bodies
            else (span, t) for span, t in out]


PLACE_ENDS = frozenset({"County", "Borough"})
"""Last words of places' names that end no person's name: "Scott County", "Avalon Borough"
(streets, airports and stadiums the tagger already reads as places: ``place-words.txt``)."""
BUILDING_ENDS = frozenset({"Plaza", "Tower"})
"""Last words of buildings' names that are also surnames ("John Tower"): a place after a word
that is no given name, the business named after a person the text names in full after that
person's surname ("Trump Plaza", as ``named_after`` reads "Trump Tower")."""
CENTRE_ENDS = frozenset({"Center", "Centre"})
"""Last words of a centre's name, mostly an institute's ("Brennan Center") and no one's name."""


def place_ends(text: str, names: Named) -> Named:
    """A "person" whose last word ends a place's name and no person's ("Maricopa County",
    ``PLACE_ENDS``; "Bulgari Tower", ``BUILDING_ENDS``, unless a given name opens it) is that
    place; one ending in "Center" ("Brennan Center", "Civic Center") is an institution."""
    lex = lexicon()
    surnames = person_surnames(text, names, full_only=True)

    def label(name: str) -> str | None:
        words = name.split()
        if len(words) < 2:
            return None
        if words[-1] in BUILDING_ENDS and not lex.is_given_name(words[0]):
            return "ORG" if name_key(words[0]) in surnames else "LOC"
        if words[-1] in PLACE_ENDS:
            return "LOC"
        return "ORG" if words[-1] in CENTRE_ENDS else None

    out: Named = []
    for span, trimmed in names:
        new = label(text[trimmed[0]:trimmed[1]]) if trimmed and span.label == "PER" else None
        out.append((_relabel(span, new), trimmed) if new else (span, trimmed))
    return out


def full_name_kinds(text: str, names: Named) -> Named:
    """A name of two to four words, none naming a body, that the text reads as a person's
    somewhere is that person wherever the tagger read it as a body or a place."""
    lex = lexicon()
    people = {fold(text[t[0]:t[1]]) for span, t in names
              if t and span.label == "PER" and 1 < len(text[t[0]:t[1]].split()) <= 4}
    if not people:
        return names
    return relabelled(text, names, BODY_OR_PLACE, "PER", lambda name, _: fold(name) in people and all(
        _plain_name_word(w, lex) for w in name.split()))


def given_name_kinds(text: str, names: Named) -> Named:
    """A body or place of two or three words, particles aside, that opens with a given name
    ("Todd Starnes", "Bradley Manning", "Ana María de la Fuente", but not before a place's noun:
    "Charles de Gaulle airport"; the given names of the lists and those learned from CoNLL train by
    ``training/learned_words.py``) is a person, unless a word of it names a body or a place, or
    the lists know it as a place or a body."""
    lex = lexicon()

    place_nouns = {w.lower() for w in lex.place_words}

    def opens_with_given_name(name: str, where: tuple[int, int]) -> bool:
        words = [w for w in name.split() if w not in PARTICLES]  # "Ana María de la Fuente"
        after = text[where[1]:where[1] + 30].split()
        if after and after[0].lower().strip(".,;:") in place_nouns:
            return False  # "Charles de Gaulle airport" is the place
        return 1 < len(words) <= 3 and lex.is_given_name(words[0]) \
            and not lex.is_title(words[0]) and not lex.knows(name) \
            and all(_plain_name_word(w, lex) and w not in lex.place_words for w in words)

    return relabelled(text, names, BODY_OR_PLACE, "PER", opens_with_given_name)


_ROLE_BEFORE = re.compile(r"(?:^|[\s(])(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\w'\u2019-]+\s+){0,3}"
                          r"([a-z]+),|(?:[Tt]he|[Aa]n?)[ \t]+([a-z]+[^s\W]))[ \t]+$")
"""A role before a name: in apposition ("The transport minister, …") or right before it with
no other word ("the columnist …"; a plural or "the official Xinhua" is no person's role)."""
_LOWER_NEXT = re.compile(r"(?:[ \t]+[A-Z][\w'\u2019-]*)*[ \t]+([a-z]+)\b")
"""The first lower-case word after a name, over any capitalised words between ("Ohio GOP insider")."""
_ROLE_AFTER = re.compile(r",[ \t]*(?:(?:the|an?)[ \t]+(?:[\w'\u2019-]+[ \t]+){0,3}?([a-z]+)[ \t]*[,.;]"
                         r"|the[ \t]+(?:[\w'\u2019-]+[ \t]+){0,3}?([a-z]+)[ \t]+(?:who|whose)\b)")
"""A role in apposition after a name, closed by a comma or a full stop, or a definite one
opening a relative clause ("Seosamh Mac Giolla Bhríde, the poet whose verses"; not "In Ho Chi
Minh City, a young woman who", a sentence's subject after its opening words)."""
_AGE_AFTER = re.compile(r"[ \t]?,[ \t]*\d{1,3}[ \t]?,(?!\d)")
"""An age in apposition: "Marquez, 24, is accused" (all 55 such names of CoNLL train are people)."""


def apposition_kinds(text: str, names: Named) -> Named:
    """A name read as a body or a place in apposition to a role that only people have, or right
    after one ("The transport minister, Siobhán Mac Giolla Phádraig, said"; "Fiona Hale, the
    party's chair,"; "the columnist AWR Hawkins") or an age ("Marquez, 24,"), is a person; not a
    name that only modifies a person's noun after it, whose role that is ("a veteran Indiana
    GOP insider"), nor a name with a word that names a body or a company ("a major investor,
    Pershing Square Capital Management")."""
    lex = lexicon()
    people = person_nouns()

    def beside_a_role(name: str, where: tuple[int, int]) -> bool:
        if any(w in lex.org_words or w in lex.corporate_suffixes for w in name.split()):
            return False  # "a major investor, Cobalt Ridge Capital Management"
        if _AGE_AFTER.match(text, where[1]):
            return True
        before = _ROLE_BEFORE.search(text, max(0, where[0] - 80), where[0])
        if before and not before.group(1):
            modified = _LOWER_NEXT.match(text, where[1])
            before = None if modified and modified.group(1) in people else before
        after = _ROLE_AFTER.match(text, where[1])
        roles = [before.group(1) or before.group(2)] if before else []
        roles += [after.group(1) or after.group(2)] if after else []
        return any(r != "official" and (r in people or lex.is_title(r)) for r in roles)

    return relabelled(text, names, BODY_OR_PLACE, "PER", beside_a_role)


PARTY_MEMBERS = frozenset({"Democrat", "Republican", "Libertarian"})
"""Words for a party's member: no actor (CoNLL's MISC) at the end of a description ("a Nevada
Democrat") nor before a person's name ("Democrat Hillary Clinton")."""

CIVIC = frozenset({"city", "town", "village", "county", "municipal", "mayor", "council", "councillors",
                   "premier", "governor", "downtown", "waterfront", "residents", "police", "township"})
"""Nouns after a name or its possessive that only a place has: "Kitchener’s city council", "Lisbon mayor"."""
_POSSESSED = re.compile(r"(?:['\u2019]s)?[ \t]+([a-z]+)\b")


def civic_kinds(text: str, names: Named) -> Named:
    """A name of one or two words read as a person or a body whose possessive holds a place's
    own noun ("Kitchener’s city council", "Lisbon's mayor"), or that the noun follows as it
    follows a town ("Tarvik city council voted", "Flint residents"; not a name in capitals nor
    "town": "a CNN town hall"), is a place, unless it is the surname of a person the text names
    in full (and no dateline's place) or a body the lists know."""
    lex = lexicon()
    surnames = person_surnames(text, names, full_only=True) - dateline_place_keys(text)

    def before_a_civic_noun(name: str, where: tuple[int, int]) -> bool:
        possessed = _POSSESSED.match(text, where[1])
        return possessed is not None and possessed.group(1) in CIVIC and len(name.split()) <= 2 \
            and name_key(name) not in surnames and name_key(name) not in lex.organizations \
            and (text[where[1]:where[1] + 1] in ("'", "\u2019") or not name.isupper() and possessed.group(1) != "town")

    return relabelled(text, names, ("PER", "ORG"), "LOC", before_a_civic_noun)


def _plain_name_word(word: str, lex: Lexicon) -> bool:
    """A capitalised word that names no body ("Party", "Inc."): a word a person's name may hold."""
    return word[:1].isupper() and word not in lex.org_words and word not in lex.corporate_suffixes


FOLLOWINGS = frozenset({"campaign", "administration", "family", "presidency", "camp"})
"""Lower-case words after a name that make it a person's: what a body has is not called so."""
_FOLLOWING = re.compile(r"(?:['\u2019]s)?[ \t]+([a-z]+)\b")


def followings(text: str, names: Named) -> Named:
    """A name read as a body right before "campaign", "administration", "family" ("the Bernie
    Sanders campaign") is a person's when it is two or three capitalised words, none naming a
    body ("the Green Party campaign"), whose last word the text also writes alone (a surname:
    "Sanders"; "the New Hampshire campaign" has no "Hampshire"), or when the text reads it as
    a person elsewhere. Then every body reading of that name, and of its last or first word
    written alone ("Sanders", "Bernie"), is that person."""
    lex = lexicon()
    people: set[str] = set()
    read_as_person = {fold(text[t[0]:t[1]]) for span, t in names if t and span.label == "PER"}
    read_as_person |= {fold(text[t[0]:t[1]].split()[-1]) for span, t in names
                       if t and span.label == "PER" and " " in text[t[0]:t[1]]}
    alone = {fold(text[t[0]:t[1]]) for _, t in names if t and " " not in text[t[0]:t[1]]}
    for span, trimmed in names:
        if trimmed is None or span.label != "ORG":
            continue
        m = _FOLLOWING.match(text, trimmed[1])
        if m is None or m.group(1) not in FOLLOWINGS:
            continue
        words = text[trimmed[0]:trimmed[1]].split()
        if 1 < len(words) <= 3 and fold(words[-1]) in alone and all(_plain_name_word(w, lex) for w in words) \
                or fold(" ".join(words)) in read_as_person:
            people.add(fold(" ".join(words)))
            people.update(fold(w) for w in (words[0], words[-1]) if fold(w) in alone)
    if not people:
        return names
    out = []
    for span, trimmed in names:
        if trimmed and span.label == "ORG":
            words = text[trimmed[0]:trimmed[1]].split()
            if fold(" ".join(words)) in people:
                span = _relabel(span, "PER")
        out.append((span, trimmed))
    return out


_LIST_GAPS = frozenset({", ", ", and ", " and ", ",\u00a0"})
_LINE_GAP = re.compile(r"[.;,]?[ \t]*\n+[ \t]*(?:(?:\d{1,3}[.)]?|[-*\u2022\u2013])[ \t]+)?")
"""Between two names that each fill a line of a list: "9 Carly Fiorina.", "- Rand Paul"."""


def list_kinds(text: str, names: Named) -> Named:
    """In a list of three or more names parted by commas and "and", or one name to a line (a
    ranking, a bulleted list), most of them people, a name of two or three capitalised words
    read as a body or a place is one more person ("… Angela Moss, Vivian Fox and Ruth Ilves"),
    unless a word of it names a body or a place ("Harbour Trust", "Lake City") or it is a place
    the lists know."""
    lex = lexicon()
    out = list(names)
    run: list[int] = []

    def settle() -> None:
        people = sum(out[k][0].label == "PER" for k in run)
        if len(run) < 3 or people * 2 <= len(run):
            return
        for k in run:
            span, trimmed = out[k]
            if span.label == "PER" or trimmed is None:
                continue
            words = text[trimmed[0]:trimmed[1]].split()
            if 1 < len(words) <= 3 and name_key(" ".join(words)) not in lex.places and all(
                    _plain_name_word(w, lex) and w not in lex.place_words for w in words):
                out[k] = (_relabel(span, "PER"), trimmed)

    previous: int | None = None
    for k, (span, trimmed) in enumerate(out):
        if trimmed is None or span.label not in ("PER", "ORG", "LOC"):
            continue
        gap = text[previous:trimmed[0]] if previous is not None else None
        if gap is not None and run and (gap in _LIST_GAPS or _LINE_GAP.fullmatch(gap)):
            run.append(k)
        else:
            settle()
            run = [k]
        previous = trimmed[1]
    settle()
    return out
