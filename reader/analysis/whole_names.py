"""Names kept whole where the tagger split one name in two or ran two names into one.

Each step takes the tagger's spans with their trimmed names (:data:`~reader.analysis.kinds.Named`)
and returns them mended; :mod:`actors` runs them, each under its name in
:data:`~reader.analysis.actors.RULES`, so the ablation measures it:

- a hyphen never splits a name: "Alexandria Ocasio" + "-" + "Cortez" is one name, and so is a
  name with the rest of its hyphenated word ("St" read without "-Pierre");
- an office inside a body's name parts the body from the person it heads: "European
  Commission President Ursula von der Leyen" is the Commission and von der Leyen;
- a capital letter that ends a sentence is no initial of the next sentence's name ("on X.
  Mélenchon’s party") when the document gives that name in full with another first letter;
- a possessive before a word naming a body is that body's name: "Thomas’s Bakery";
- the office of a title is no part of its holder's name: "Secretary of State John Kerry",
  "Speaker of the House Nancy Pelosi" read as "State John Kerry" and "House Nancy Pelosi";
- "and" between two names the document writes apart is no part of one name: "Alphabet and
  Facebook", "RNC and Trump" are two.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection

from reader.analysis.gazetteer import Lexicon, fold, lexicon
from reader.analysis.kinds import Named
from reader.analysis.names import NEWSPAPER_WORDS, PARTICLES, name_key
from reader.analysis.tagger import Span

_HYPHENS = ("-", "\u2010", "\u2011")
_GLUED_AFTER = re.compile(r"[-\u2010\u2011][A-Z][^\W\d_]*(?:['\u2019][^\W\d_]+)?(?![\w-])")
_GLUED_BEFORE = re.compile(r"(?<![\w-])(?:[A-Z][^\W\d_]*|" + "|".join(sorted(PARTICLES)) + r")[-\u2010\u2011]$")
"""The word glued before a name by a hyphen: capitalised ("Ocasio-") or a particle ("al-Qasim’s")."""


def _merged_label(first: str, second: str) -> str:
    """A name one part of which the tagger read as a person's is a person's."""
    return "PER" if "PER" in (first, second) else first


def hyphen_joined(text: str, names: Named) -> Named:
    """A hyphen never splits a name: two names glued by one ("Alexandria Ocasio" and "Cortez")
    are one, a person's when either part was read as one; a name takes in the rest of a
    hyphenated capitalised word it stops or starts inside ("St" + "-Pierre"), or a particle
    glued before it ("al-" + "Qasim")."""
    out: Named = []
    for span, trimmed in names:
        if trimmed is None:
            out.append((span, trimmed))
            continue
        start, end = trimmed
        last, before_name = out[-1] if out else (span, None)
        if before_name is not None and text[before_name[1]:start] in _HYPHENS:
            out[-1] = (Span(last.start, span.end, _merged_label(last.label, span.label)), (before_name[0], end))
            continue
        before = _GLUED_BEFORE.search(text, max(0, start - 30), start)
        if before is not None and not (out and out[-1][0].end > before.start()):
            start = before.start()
        after = _GLUED_AFTER.match(text, end)
        if after is not None:
            end = after.end()
        if (start, end) != trimmed:
            span = Span(min(span.start, start), max(span.end, end), span.label)
        out.append((span, (start, end)))
    return _without_overlaps(out)


def _without_overlaps(names: Named) -> Named:
    """A name grown over the next one takes it in, a person's if either was (never two names on a word)."""
    out: Named = []
    for span, trimmed in names:
        last, before = out[-1] if out else (span, None)
        if trimmed is not None and before is not None and trimmed[0] < before[1]:
            out[-1] = (Span(last.start, max(last.end, span.end), _merged_label(last.label, span.label)),
                       (before[0], max(before[1], trimmed[1])))
            continue
        out.append((span, trimmed))
    return out


def offices_apart(text: str, names: Named) -> Named:
    """A body's name holding an office and then a person's name ("European Commission President
    Ursula von der Leyen", run together by the tagger) is the body and the person, the office
    between them a role: the words after the office open with a given name and are two to five
    words that name no body or place (particles allowed)."""
    lex = lexicon()
    surnames = {text[t[0]:t[1]] for s, t in names if t is not None and s.label == "PER" and " " not in text[t[0]:t[1]]}
    out: Named = []
    for span, trimmed in names:
        if trimmed is None or span.label not in ("ORG", "LOC"):
            out.append((span, trimmed))
            continue
        words = list(re.finditer(r"\S+", text[trimmed[0]:trimmed[1]]))
        cut = next((k for k in range(1, len(words) - 2) if words[k].group()[:1].isupper()
                    and lex.is_title(words[k].group()) and _a_person(words[k + 1:], lex, surnames)), None)
        if cut is None:
            out.append((span, trimmed))
            continue
        body_end = trimmed[0] + words[cut - 1].end()
        person_start = trimmed[0] + words[cut + 1].start()
        body = text[trimmed[0]:body_end]
        label = "LOC" if span.label == "LOC" or name_key(body) in lex.places else "ORG"
        out.append((Span(span.start, body_end, label), (trimmed[0], body_end)))
        out.append((Span(person_start, span.end, "PER"), (person_start, trimmed[1])))
    return out


TITLE_MODIFIERS = frozenset({"majority", "minority", "senior", "managing", "deputy", "vice", "assistant",
                             "associate", "acting", "interim"})
"""Words that qualify the title after them and end no body's name: "Senate Majority Leader"."""
_TITLE_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\b")


def title_modifiers(text: str, names: Named) -> Named:
    """A body's or place's name the tagger ran on into a title or its first words ("Senate
    Majority" before "Leader", "the House Majority Whip,") ends before them: the words are the
    role's; a name of such words only is none."""
    lex = lexicon()
    out: Named = []
    for span, trimmed in names:
        if trimmed is None or span.label not in ("ORG", "LOC"):
            out.append((span, trimmed))
            continue
        words = list(re.finditer(r"\S+", text[trimmed[0]:trimmed[1]]))
        keep = len(words)
        after = _TITLE_AFTER.match(text, trimmed[1])
        if keep > 2 and lex.is_title(words[-1].group()) and words[-2].group().lower() in TITLE_MODIFIERS:
            keep -= 1  # "House Majority Whip"
        elif after is None or not lex.is_title(after.group(1)):
            out.append((span, trimmed))
            continue
        while keep and words[keep - 1].group().lower() in TITLE_MODIFIERS:
            keep -= 1
        if keep == len(words):
            out.append((span, trimmed))
        elif keep:
            end = trimmed[0] + words[keep - 1].end()
            out.append((Span(span.start, end, span.label), (trimmed[0], end)))
    return out


def _a_person(words: list[re.Match[str]], lex: Lexicon, surnames: Collection[str] = ()) -> bool:
    """Whether ``words`` are a person's name: 2-5 words opening with a given name or ending in a
    surname the text writes alone as a person's (``surnames``), the others capitalised name words
    or particles."""
    parts = [w.group() for w in words]
    return 2 <= len(parts) <= 5 and (lex.is_given_name(parts[0]) or parts[-1] in surnames) \
        and parts[-1][:1].isupper() and all(
            p in PARTICLES or (p[:1].isupper() and p not in lex.org_words and p not in lex.place_words
                               and p not in lex.corporate_suffixes and not lex.is_title(p)) for p in parts)


_TITLE_OF = re.compile(r"(\S+)[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?$")
"""A title and "of"/"for" right before a name: the name opens with the title's office."""


def office_holders(text: str, names: Named, common: frozenset[str]) -> Named:
    """A person's name the tagger read together with the office of the title before it
    ("Secretary of State John Kerry" as "State John Kerry", "Chief of Staff Ron Klain" as "Staff
    Ron Klain", "Minister of Finance Ousmane Kaba" as a body) is the person, and the office a
    name of its own that the ``offices`` step reads as a role. The person is the name's last
    words, all written like names (capitalised, not common lower-case words unless given
    names, not words of bodies, places or titles), after a capitalised word that names offices
    ("State", "Staff", "Finance"); two words or more are a person's when the tagger read a
    person, when they open with a given name, when a person's name elsewhere in the document
    ends in the same word, or when the title and "of" stand before the name and none of the
    words is in capitals ("Secretary of Homeland Security Alejandro Mayorkas"); one word only when the tagger read a person and a name elsewhere ends
    in it ("then-Secretary of State Clinton" … "Hillary Clinton")."""
    lex = lexicon()

    def name_like(word: str) -> bool:
        return word[:1].isupper() and (word.lower() not in common or word in lex.given_names) \
            and word not in lex.org_words and word not in lex.place_words \
            and word not in lex.corporate_suffixes and not lex.is_title(word)

    surnames = Counter(text[t[0]:t[1]].split()[-1] for s, t in names if t is not None and s.label == "PER")

    def a_person(parts: list[str], label: str, own_surname: str | None, titled: bool) -> bool:
        if not all(name_like(p) or (p in PARTICLES and 0 < i < len(parts) - 1) for i, p in enumerate(parts)):
            return False
        elsewhere = surnames[parts[-1]] > (parts[-1] == own_surname)
        if len(parts) == 1:
            return label == "PER" and elsewhere
        return label == "PER" or elsewhere or lex.is_given_name(parts[0]) \
            or (titled and not any(p.isupper() for p in parts))

    out: Named = []
    for span, trimmed in names:
        if trimmed is None:
            out.append((span, trimmed))
            continue
        words = list(re.finditer(r"\S+", text[trimmed[0]:trimmed[1]]))
        parts = [w.group() for w in words]
        own = parts[-1] if span.label == "PER" else None
        before = _TITLE_OF.search(text, max(0, trimmed[0] - 60), trimmed[0])
        opens = 0 if before is not None and lex.is_title(before.group(1)) else _opened_by_title(parts, lex)
        if opens is None:
            out.append((span, trimmed))
            continue
        cut = next((k for k in range(opens + 1, len(parts))
                    if parts[k - 1][:1].isupper() and (parts[k - 1].lower() in common or parts[k - 1] in lex.org_words)
                    and a_person(parts[k:], span.label, own, opens == 0)), None)
        if cut is None or cut - opens > 4:
            out.append((span, trimmed))
            continue
        office = (trimmed[0] + words[opens].start(), trimmed[0] + words[cut - 1].end())
        person = trimmed[0] + words[cut].start()
        out.append((Span(office[0], office[1], "LOC" if span.label == "LOC" else "ORG"), office))
        out.append((Span(person, span.end, "PER"), (person, trimmed[1])))
    return out


def _opened_by_title(parts: list[str], lex: Lexicon) -> int | None:
    """How many words open a name with a title and "of"/"for" ("Secretary of", "Speaker of
    the"), or None when it opens otherwise."""
    if len(parts) > 3 and lex.is_title(parts[0]) and parts[1] in ("of", "for"):
        return 3 if parts[2] == "the" else 2
    return None


_INITIAL = re.compile(r"[A-Z]\.[ \t]+")


def initials_apart(text: str, names: Named) -> Named:
    """A person's name opening with a capital and a full stop ("X. Mélenchon", where "on X."
    ended a sentence) loses that letter when the document names the rest in full, always
    with another first letter ("Jean-Luc Mélenchon"): an initial abbreviates the given name."""
    firsts: dict[str, set[str]] = {}
    for span, trimmed in names:
        if trimmed and span.label == "PER" and not _INITIAL.match(text, trimmed[0]):
            words = text[trimmed[0]:trimmed[1]].split()
            for k in range(1, len(words)):
                firsts.setdefault(name_key(" ".join(words[k:])), set()).add(fold(words[0][:1]))
    out: Named = []
    for span, trimmed in names:
        initial = _INITIAL.match(text, trimmed[0]) if trimmed and span.label == "PER" else None
        if initial is not None and trimmed is not None and initial.end() < trimmed[1]:
            letters = firsts.get(name_key(text[initial.end():trimmed[1]]))
            if letters and fold(initial.group()[0]) not in letters:
                span, trimmed = Span(initial.end(), span.end, "PER"), (initial.end(), trimmed[1])
        out.append((span, trimmed))
    return out


_POSSESSIVE_GAP = ("'s ", "\u2019s ")
_BODY_WORD_AFTER = re.compile(r"['\u2019]s[ \t]+([A-Z][a-z]+)\b")


def possessive_bodies(text: str, names: Named) -> Named:
    """A name and its possessive before one capitalised word that names a body ("Thomas" + "’s"
    + "Bakery", the word read alone as a body or not at all) is that body's name: "Thomas’s
    Bakery" is a shop, not Thomas."""
    org_words = lexicon().org_words
    out: Named = []
    for k, (span, trimmed) in enumerate(names):
        if out and trimmed is not None and span.label == "ORG" and text[trimmed[0]:trimmed[1]] in org_words:
            last, before = out[-1]
            if before is not None and text[before[1]:trimmed[0]] in _POSSESSIVE_GAP:
                out[-1] = (Span(last.start, span.end, "ORG"), (before[0], trimmed[1]))
                continue
        word = _BODY_WORD_AFTER.match(text, trimmed[1]) if trimmed is not None else None
        if trimmed is not None and word is not None and word.group(1) in org_words \
                and (k + 1 == len(names) or names[k + 1][0].start >= word.end()):
            span, trimmed = Span(span.start, max(span.end, word.end()), "ORG"), (trimmed[0], word.end())
        out.append((span, trimmed))
    return out


_HYPHENATED = re.compile(r"[A-Z][^\W\d_]+[-\u2010\u2011][A-Z][^\W\d_]+")


def hyphenated_surnames(text: str, names: Named) -> Named:
    """Two words, the second a hyphenated pair of capitalised words ("Alexandria Ocasio-Cortez",
    "Georges St-Pierre"), are a given name and a compound surname, read as a body or a place:
    a person, unless the first word is a place or a word of bodies or places the lists know
    ("Paris Saint-Germain")."""
    lex = lexicon()

    def compound_surname(name: str) -> bool:
        words = name.split()
        return len(words) == 2 and _HYPHENATED.fullmatch(words[1]) is not None and words[0][:1].isupper() \
            and words[0].isalpha() and name_key(words[0]) not in lex.places and words[0] not in lex.place_words \
            and words[0] not in lex.org_words and not lex.is_title(words[0]) and name_key(name) not in lex.organizations

    return [(Span(span.start, span.end, "PER"), t) if t and span.label in ("ORG", "LOC")
            and compound_surname(text[t[0]:t[1]]) else (span, t) for span, t in names]


_AND = re.compile(r"[ \t]+and[ \t]+(?:The[ \t]+)?")


def conjoined_apart(text: str, names: Named) -> Named:
    """A name the tagger read across "and" ("Alphabet and Facebook", "RNC and Trump", "Koch and
    Giuliani") is two names where the document writes one side alone as a name, or as a
    person's surname; a side that is a person's name or surname there is a person, the other
    keeps the tagger's type ("Vollmark declined" read as a person says less than the "and"). A
    name with a lower-case word ("Department of Health and Human Services"), ending in a word
    of bodies or a company's legal form ("Securities and Exchange Commission", "Henry Holt and
    Company") or known whole ("Trinidad and Tobago") is one, and so is a newspaper's name
    whose second side is not written alone ("The Globe and Mail" … "The Globe said"), unless
    each side is a body of its own words sharing one ("University of Amsterdam and Ghent
    University", :func:`_two_bodies`)."""
    lex = lexicon()
    alone: set[str] = set()
    people: set[str] = set()
    for span, trimmed in names:
        if trimmed is not None and span.label in ("PER", "ORG", "LOC"):
            words = text[trimmed[0]:trimmed[1]].split()
            alone.add(name_key(" ".join(words)))
            if span.label == "PER":
                people.update((name_key(" ".join(words)), name_key(words[-1])))
    out: Named = []
    for span, trimmed in names:
        joint = _AND.search(text, trimmed[0], trimmed[1]) if trimmed is not None else None
        if trimmed is None or joint is None or span.label not in ("PER", "ORG", "LOC"):
            out.append((span, trimmed))
            continue
        sides = (name_key(text[trimmed[0]:joint.start()]), name_key(text[joint.end():trimmed[1]]))
        words = text[trimmed[0]:trimmed[1]].split()
        if " and " not in text[joint.end():trimmed[1]] and _two_bodies(text[trimmed[0]:joint.start()],
                                                                       text[joint.end():trimmed[1]], lex):
            out.append((Span(span.start, joint.start(), span.label), (trimmed[0], joint.start())))
            out.append((Span(joint.end(), span.end, span.label), (joint.end(), trimmed[1])))
            continue
        if any(not w[:1].isupper() for w in words if w != "and") or " and " in text[joint.end():trimmed[1]] \
                or words[-1] in lex.org_words or words[-1] in lex.corporate_suffixes \
                or lex.knows(text[trimmed[0]:trimmed[1]]) or not any(side in alone or side in people for side in sides) \
                or (words[-1] in NEWSPAPER_WORDS and sides[1] not in alone):
            out.append((span, trimmed))
            continue
        labels = ["PER" if side in people else span.label for side in sides]
        out.append((Span(span.start, joint.start(), labels[0]), (trimmed[0], joint.start())))
        out.append((Span(joint.end(), span.end, labels[1]), (joint.end(), trimmed[1])))
    return out


def _two_bodies(first: str, second: str, lex: Lexicon) -> bool:
    """Whether the sides of a name read across "and" each name a body of its own: two words or
    more each, sharing a body's word ("the University of Amsterdam and Ghent University", "Bank
    of Ghana and Bank of Kenya"; not "Department of Health and Human Services", one body)."""
    words = [w for w in first.split() if w in lex.org_words], [w for w in second.split() if w in lex.org_words]
    return len(first.split()) > 1 and len(second.split()) > 1 and bool(set(words[0]) & set(words[1]))
