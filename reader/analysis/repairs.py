"""Names the tagger cut, misread or read too far, mended before the actor layer builds actors.

Each step takes the tagger's spans with their trimmed names (:data:`~reader.analysis.kinds.Named`)
and returns them mended; :mod:`actors` runs them, each under its name in
:data:`~reader.analysis.actors.RULES`, so the ablation can leave it out: a month or day opening
a body's name ("September Treasury"), a name of an event or law ("Giller Prize"), a storm's ("Storm Orla"), an office
before a name ("Commissioner for Coastal Works Mirela Tost"), a title or form of address
read as the first word of a person's name ("Justice Scalia", "Mr. Burman"), a name cut at its particles
("Ursula von" + "der Leyen") or its hyphen ("Anne-Marie") or its nickname in quotation marks
("Marcus “Bull” Tennant"), known bodies joined by "and", a legislator's party before the state
("Sen. Ted Cruz, R-Texas").
"""

from __future__ import annotations

import re
from collections import Counter

from reader.analysis.lines import within
from reader.analysis.gazetteer import Lexicon, fold, lexicon
from reader.analysis.kinds import PARTY_MEMBERS, Named
from reader.analysis.linked_bodies import linked_body_name
from reader.analysis.names import PARTICLES, name_key, particles_before, starts_with_particle, trim_name
from reader.analysis.tagger import Span


_AND = re.compile(r",?[ \t]+(?:and|&)[ \t]+|,[ \t]+")


def known_apart(text: str, names: Named, known: frozenset[str]) -> Named:
    """A span of known organisations joined by "and" or commas ("Facebook and Instagram") is
    each of them."""
    out: Named = []
    for span, trimmed in names:
        if trimmed is not None and _AND.search(text, trimmed[0], trimmed[1]):
            parts, pos = [], trimmed[0]
            for m in _AND.finditer(text, trimmed[0], trimmed[1]):
                parts.append((pos, m.start()))
                pos = m.end()
            parts.append((pos, trimmed[1]))
            if all(name_key(text[a:b]) in known for a, b in parts):
                out.extend((Span(a, b, "ORG"), (a, b)) for a, b in parts)
                continue
        out.append((span, trimmed))
    return out


_WORD = re.compile(r"\S+\s+")


_STATE_AFTER_PLACE = re.compile(r",[ \t]*$")


def _abbreviated_address(word: str, lex: Lexicon) -> bool:
    """Whether ``word`` (with the character after it) is a form of address written short,
    "Mr.", "Mrs", "Ms." ("Lord", a cricket ground's name in "Lord's", is not)."""
    word = word.rstrip(" \t\n'\u2019,;:")
    return lex.is_honorific(word) and (word.endswith(".") or len(word) <= 3)


def without_titles(text: str, names: Named) -> Named:
    """A person's name the tagger read with the title or form of address before it ("Justice
    Scalia", "Mr. Burman"; a party too: "Democrat Hillary Clinton") is the name alone, so that it joins the person named in full
    ("Antonin Scalia", "Leonard Burman") and the title becomes the role, as CoNLL marks names.
    The same words read as a body or a place ("the arrival of Justice Alito") are that person
    when what follows the title is a person's name or surname in the text, or when the title is a
    form of address written short and the name has no lower-case word but a particle ("Ms Ní
    Bhriain" read as a body: "Ms" is said to people only; not "Mr. Altman of Evercore").
    A word that is also
    a given name ("Dean Amar") stays, as does a name of one word, but for a form of address
    read as a name of its own, written short ("Mr." of "Mr. and Mrs. Khan" read as a place),
    which is none (a state's abbreviation after a place, "Jackson, Miss.", stays)."""
    lex = lexicon()

    def after_title(trimmed: tuple[int, int], person: bool) -> int:
        start, end = trimmed
        while (m := _WORD.match(text, start, end)) and m.end() < end and text[m.end()].isupper():
            word = m.group().strip()
            if word in lex.given_names or not (lex.is_title(word) or lex.is_honorific(word)
                                               or (person and word in PARTY_MEMBERS)):
                break
            start = m.end()
        return start

    starts = [after_title(t, span.label == "PER") if t else 0 for span, t in names]
    people: set[str] = set()
    for (span, trimmed), start in zip(names, starts, strict=True):
        if trimmed and span.label == "PER":
            words = text[start:trimmed[1]].split()
            people.update(name_key(" ".join(words[k:])) for k in range(len(words)))
    out: Named = []
    for (span, trimmed), start in zip(names, starts, strict=True):
        if trimmed and _abbreviated_address(text[trimmed[0]:trimmed[1] + 1], lex) \
                and not _STATE_AFTER_PLACE.search(text, max(0, trimmed[0] - 3), trimmed[0]):
            continue
        if trimmed and start != trimmed[0] and (
                span.label == "PER" or name_key(text[start:trimmed[1]]) in people
                or (_abbreviated_address(text[trimmed[0]:start].split()[0], lex) and all(
                    w[:1].isupper() or w in PARTICLES for w in text[start:trimmed[1]].split()))):
            out.append((Span(start, span.end, "PER"), (start, trimmed[1])))
        else:
            out.append((span, trimmed))
    return out


_NICKNAME = re.compile(r"[ \t]+[\"“‘']([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2})[\"”’'][ \t]+(?=[A-Z])")
"""A nickname between a person's given name and surname: one to three capitalised words in
quotation marks, a space on each side (``Marcus "Bull" Tennant``, ``Rocco 'The Rock' Salvetti``)."""
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*")


def with_nicknames(text: str, names: Named) -> Named:
    """A person's name with a nickname in quotation marks inside is one name, from the given
    name to the surname: the tagger reads the parts apart ("Marcus" a body, "Tennant" a person)
    and the nickname as a name of its own. The surname side is the tagger's person when it
    found one right after the nickname, else the capitalised words there; the given-name side
    is the name or capitalised word right before it; one side must be a person."""
    ends = {t[1]: (span, t) for span, t in names if t}
    starts = {t[0]: (span, t) for span, t in names if t}
    wholes: list[tuple[int, int]] = []
    for m in _NICKNAME.finditer(text):
        before, after = ends.get(m.start()), starts.get(m.end())
        if not any(side is not None and side[0].label == "PER" for side in (before, after)):
            continue
        if before is not None:
            given = before[1][0]
        else:
            given = text.rfind(" ", 0, m.start()) + 1
            if not (text[given:m.start()].isalpha() and text[given:m.start()].istitle()):
                continue
        run = _CAPITALISED_RUN.match(text, m.end())
        wholes.append((given, after[1][1] if after is not None else run.end() if run else m.end()))
    if not wholes:
        return names
    inside = within(wholes)
    kept: Named = [(span, t) for span, t in names if not (t and inside(t[0]))]
    kept.extend((Span(start, end, "PER"), (start, end)) for start, end in wholes)
    return sorted(kept, key=lambda item: item[0].start)


_OFFICE_BEFORE = re.compile(r"(\S+)[ \t]+(?:for|of)[ \t]+$")


def without_offices(text: str, names: Named) -> Named:
    """The office in "Commissioner for Maritime Affairs Helena Varga" is part of her role, not
    an actor: a name right after a title and "for"/"of" and right before a person's name."""
    lex = lexicon()
    out = []
    for k, (span, trimmed) in enumerate(names):
        nxt = names[k + 1][0] if k + 1 < len(names) else None
        if trimmed and span.label != "PER" and nxt is not None and nxt.label == "PER" \
                and text[trimmed[1]:nxt.start] in (" ", "\u00a0"):
            before = _OFFICE_BEFORE.search(text, max(0, trimmed[0] - 60), trimmed[0])
            if before and lex.is_title(before.group(1)):
                continue
        out.append((span, trimmed))
    return out


_FIRST_WORD = re.compile(r"(\S+?)\.?[ \t\u00a0]+(?=\S)")


_DAY_AFTER = re.compile(r"[ \t]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_FEAST_AFTER = re.compile(r"['\u2019]s[ \t]+(?:Day|Eve)\b(?![ \t]+[A-Z0-9])")
"""A feast named after a saint, a person or a kind of people: "Valentine's Day", "St. Patrick's Day"."""


def without_event_days(text: str, names: Named, common: frozenset[str]) -> Named:
    """A common word the tagger read as a name right before a day's name, or with it, is the
    first word of an event's ("Super Tuesday", "Black Friday"), not an actor: a one-word name
    that ``common`` holds in lower case, unless it ends a longer name of the document
    ("introducing Pence Thursday" after "Mike Pence"). So is a feast's eve or day ("Christmas
    Eve"), and a name written once before "'s Day" or "'s Eve" ("on Valentine's Day"; not
    "Trump's Day of Reckoning" where the text names him elsewhere)."""
    lex = lexicon()
    ends = {text[t[0]:t[1]].split()[-1] for _, t in names if t and " " in text[t[0]:t[1]]}
    written = Counter(w for _, t in names if t for w in text[t[0]:t[1]].split())

    def event(trimmed: tuple[int, int] | None) -> bool:
        if trimmed is None:
            return False
        words = text[trimmed[0]:trimmed[1]].split()
        if len(words) == 2 and fold(words[0]) in lex.calendar and words[1] in ("Eve", "Day") \
                or len(words) == 1 and written[words[0]] == 1 and _FEAST_AFTER.match(text, trimmed[1]):
            return True
        if len(words) == 2 and _DAY_AFTER.fullmatch(" " + words[1]):
            words = words[:1]
        elif len(words) != 1 or not _DAY_AFTER.match(text, trimmed[1]):
            return False
        return words[0].lower() in common and words[0] not in ends

    return [(span, trimmed) for span, trimmed in names if not event(trimmed)]


_PARTY_STATE = re.compile(r"[RDI]-(?=[A-Z])")
_BEFORE_PARTY_STATE = re.compile(r"[(,][ \t]*$")


def party_states(text: str, names: Named) -> Named:
    """A legislator's party and state after the name ("Sen. Ted Cruz (R-Texas)", "Rep. Henry
    Cuellar, D-Texas,") name a place, the state: the party's letter and hyphen are no part of it."""
    out: Named = []
    for span, trimmed in names:
        if trimmed and _PARTY_STATE.match(text, trimmed[0]) and trimmed[1] - trimmed[0] > 3 \
                and _BEFORE_PARTY_STATE.search(text, max(0, trimmed[0] - 3), trimmed[0]):
            start = trimmed[0] + 2
            out.append((Span(start, span.end, "LOC"), (start, trimmed[1])))
        else:
            out.append((span, trimmed))
    return out


def without_dates(text: str, names: Named) -> Named:
    """A month or a day never opens the name of a body or a place: "September Treasury",
    "August National Association of Purchasing Management" lose it (a person keeps it:
    "Jan Kroslak", "June Carter"; a newspaper too: "Sunday Telegraph")."""
    lex = lexicon()
    out = []
    for span, trimmed in names:
        if trimmed and span.label != "PER":
            first = _FIRST_WORD.match(text, trimmed[0], trimmed[1])
            if first and fold(first.group(1)) in lex.calendar and text[first.end():trimmed[1]] not in lex.org_words:
                trimmed = (first.end(), trimmed[1])
        out.append((span, trimmed))
    return out


_PARTICLE_RUN = re.compile(r"(?:[ \t]+(?:" + "|".join(sorted(PARTICLES)) + r"))*[ \t]+(?=[^\W\d_])")
_NAME_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


_GLUED_BEFORE = re.compile(r"(?<![\w-])[A-Z][^\W\d_]*-$")
_LOWER_AFTER = re.compile(r"[ \t]+(?:of|in|at|from|for)[ \t]+")
"""Where a body or place the tagger read after a surname's particles stops being the surname."""


def made_whole(text: str, names: Named) -> Named:
    """A person's name the tagger cut is whole again: at its particles ("Ursula von" and "Leyen",
    read as a person or a place, or "Ursula" and "Leyen" with "von der" left out between them,
    are "Ursula von der Leyen"; "Ursula von" before an unread "der Leyen" likewise), or after
    the hyphen of a given name ("Anne-Marie Trevelyan" read from "Marie")."""
    names = list(names)
    out: Named = []
    k = 0
    while k < len(names):
        span, trimmed = names[k]
        k += 1
        if trimmed is None or span.label != "PER" and not _given_before_particles(text, trimmed, names[k:k + 1]):
            out.append((span, trimmed))
            continue
        glued = _GLUED_BEFORE.search(text, max(0, trimmed[0] - 30), trimmed[0])
        if glued is not None and not (out and out[-1][0].end > glued.start()):
            span, trimmed = Span(glued.start(), span.end, "PER"), (glued.start(), trimmed[1])
        ends_in_particle = text[trimmed[0]:trimmed[1]].rsplit(None, 1)[-1] in PARTICLES
        run = _PARTICLE_RUN.match(text, trimmed[1])
        if run is None or not (ends_in_particle or run.group().split()):
            out.append((span, trimmed))
            continue
        nxt = names[k] if k < len(names) else None
        if nxt is not None and nxt[1] is not None and nxt[1][0] == run.end() and nxt[0].label in ("PER", "LOC", "ORG"):
            end = nxt[1][1]
            k += 1
            rest = _LOWER_AFTER.search(text, run.end(), end) if nxt[0].label != "PER" else None
            if rest is not None:  # "Henk van" + "Bosch of Harlingen": the place stays apart
                end = rest.start()
                place = trim_name(text, rest.end(), nxt[1][1])
                if place is not None:
                    names.insert(k, (Span(place[0], nxt[0].end, nxt[0].label), place))
        else:
            word = _NAME_WORD.match(text, run.end())
            if word is None or not word.group()[:1].isupper() or nxt is not None and nxt[0].start < word.end():
                out.append((span, trimmed))
                continue
            end = word.end()
        out.append((Span(span.start, end, "PER"), (trimmed[0], end)))
    return out


def _given_before_particles(text: str, trimmed: tuple[int, int], following: Named) -> bool:
    """Whether a one-word body or place at ``trimmed`` is a given name: particles in lower case and
    a person's surname follow it ("Mateus" + "da Silva Pinto", the tagger reading the given
    name as a club)."""
    run = _PARTICLE_RUN.match(text, trimmed[1])
    word = text[trimmed[0]:trimmed[1]]
    return run is not None and bool(run.group().split()) and " " not in word and word[1:].islower() \
        and bool(following) and following[0][0].label == "PER" and following[0][1] is not None \
        and following[0][1][0] == run.end()


def without_events(text: str, names: Named) -> Named:
    """A name of two words or more that ends in a word of events, prizes and laws ("Giller
    Prize", "Glass-Steagall Act", "World Cup": CoNLL's MISC, learned by
    ``training/learned_words.py``) is no actor, whatever kind the tagger gave it; nor is the
    rest of it written alone and read as a person or body ("Glass-Steagall"), unless it is
    the surname of a person the text names in full. A body's name whose head comes before a
    link is kept ("Institute for the Study of War": :mod:`linked_bodies`)."""
    words = lexicon().misc_words
    events: set[str] = set()
    kept: Named = []
    for span, trimmed in names:
        parts = text[trimmed[0]:trimmed[1]].split() if trimmed else []
        if len(parts) > 1 and parts[-1] in words and not linked_body_name(" ".join(parts)):
            events.add(name_key(" ".join(parts[:-1])))
        else:
            kept.append((span, trimmed))
    events -= {name_key(text[t[0]:t[1]].split()[-1]) for span, t in kept
               if t and span.label == "PER" and " " in text[t[0]:t[1]]}
    return [(span, t) for span, t in kept
            if not (t and span.label in ("PER", "ORG") and name_key(text[t[0]:t[1]]) in events)]


STORM_WORDS = frozenset({"Hurricane", "Storm", "Typhoon", "Cyclone", "Superstorm"})
"""Words before the given name of a storm: "Hurricane Edouard", "Storm Orla" (CoNLL's MISC)."""
_STORM_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(STORM_WORDS)) + r")[ \t]+$")


def without_storms(text: str, names: Named) -> Named:
    """A storm's name is no actor, with its word ("Storm Orla", "Tropical Storm Dolly") or
    after it ("Hurricane" + "Edouard" read apart), unless a body's word ends it ("Hurricane
    Center")."""
    lex = lexicon()

    def storm(trimmed: tuple[int, int] | None) -> bool:
        if trimmed is None:
            return False
        words = text[trimmed[0]:trimmed[1]].split()
        if words[0] == "Tropical":
            words = words[1:]
        if len(words) == 2 and words[0] in STORM_WORDS:
            return words[1] not in lex.org_words
        return len(words) == 1 and _STORM_BEFORE.search(text, max(0, trimmed[0] - 15), trimmed[0]) is not None

    return [(span, trimmed) for span, trimmed in names if not storm(trimmed)]


def with_particles(text: str, names: Named) -> Named:
    """A surname after particles ("… said von der Leyen", "Van der Berg said") takes them in when
    the document names the person in full with them ("Ursula von der Leyen"): the name stays
    whole and joins; read as another kind ("De la Cruz", "al-Farouqi", "Van den" before a body
    "Bosch"), it is still the person. First a name the tagger cut is made whole (:func:`made_whole`)."""
    names = made_whole(text, names)
    endings: set[str] = set()
    for span, trimmed in names:
        if trimmed and span.label == "PER":
            words = text[trimmed[0]:trimmed[1]].split()
            endings.update(name_key(" ".join(words[k:])) for k in range(0 if starts_with_particle(words[0]) else 1,
                                                                         len(words)))
    out = []
    for span, trimmed in names:
        if trimmed and span.label == "PER":
            start = particles_before(text, trimmed[0])
            if start < trimmed[0] and name_key(text[start:trimmed[1]]) in endings:
                trimmed = (start, trimmed[1])
        elif trimmed and starts_with_particle(text[trimmed[0]:trimmed[1]]) \
                and name_key(text[trimmed[0]:trimmed[1]]) in endings:
            span = Span(span.start, span.end, "PER")  # "De la Cruz said": the person, not a body
        elif trimmed and (start := particles_before(text, trimmed[0])) < trimmed[0] \
                and name_key(text[start:trimmed[1]]) in endings:
            span, trimmed = Span(start, span.end, "PER"), (start, trimmed[1])  # "Van den" + "Bosch", a body
        out.append((span, trimmed))
    return out
