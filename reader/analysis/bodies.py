"""Organisations the tagger read as people or places, and names that are no actor at all.

What a name is often shows only in the words around it, which the tagger weighs among many
others; these steps read the plainest of them, each measured on its own
(``benchmarks/actors_rules.py``):

- newspapers: "the Ottawa Citizen", "the Brockton Herald" end in a word that names a paper,
  and the town written alone ("Brockton would build two parks") is the town, not the paper;
- bodies by what they are called: "the broadcaster Radio-Canada", "Rolls-Royce, the engine
  maker,", "Mélenchon's party, La France Insoumise," say what the name is;
- bodies by what they own: "Unilever's shares", "Shopify's chief executive";
- bodies by their works: "the Fenwick Steel plant" is the company's, not a place;
- bodies by their first word: "Studio Ghibli", "Dar al-Saqi", "Le Monde" open as no person's
  name does;
- bodies in company: "Unilever and BP", "the Toronto Star and the Ottawa Citizen": a name
  joined by "and" or a comma to organisations only, and no person's or place's name itself;
- demonyms and party members: "Emirati" is no actor, and "a Nevada Democrat" is the place
  "Nevada" only.
"""

from __future__ import annotations

import re

from reader.analysis.gazetteer import Lexicon, fold, lexicon
from reader.analysis.kinds import PARTY_MEMBERS, Named, person_surnames, relabelled, titled
from reader.analysis.names import NEWSPAPER_WORDS, TOWN_PAPERS, name_key
from reader.analysis.tagger import Span

BODY_NOUNS = frozenset({
    "company", "firm", "studio", "broadcaster", "network", "newspaper", "daily", "weekly", "tabloid", "paper",
    "publisher", "party", "retailer", "chain", "bank", "lender", "insurer", "carmaker", "automaker", "airline",
    "carrier", "maker", "manufacturer", "start-up", "startup", "conglomerate", "supplier", "operator", "outlet",
    "broadsheet", "charity", "brand", "label", "developer", "giant", "subsidiary", "multinational", "bookseller",
    "bookstore", "distributor", "producer", "exchange", "regulator", "union", "agency", "organisation",
    "organization", "group", "club", "university", "utility", "militia", "seller", "platform", "marketplace",
    "streamer", "chipmaker", "drugmaker", "app", "website", "miner", "bakery", "brewer", "pharmacy"})
"""Nouns that say a name is an organisation when they stand in apposition to it."""

BODY_POSSESSIONS = frozenset({
    "shares", "shareholders", "shareholder", "subsidiary", "subsidiaries", "ceo", "executives", "profits"})
"""Lower-case words after a possessive that only an organisation has ("Unilever's shares")."""
_CHIEF_EXECUTIVE = re.compile(r"['\u2019]s[ \t]+(?:chief[ \t]+executive\b|([a-z]+)\b)")

_BEFORE = re.compile(
    r"(?:(?:^|[\s(])(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\w'\u2019-]+\s+){0,3}|"
    r"\w['\u2019]s\s+(?:[\w-]+\s+){0,2})([a-z-]+),[ \t]+$|"
    r"(?:^|[\s(])(?:[Tt]he|[Aa]n?)[ \t]+(?:[a-z-]+[ \t]+){0,2}(?!called\b)([a-z-]+)[ \t]+(?:called[ \t]+)?$")
"""A noun before a name: in apposition, closed by a comma after the name ("its parent company,
Corvid,"; "Mélenchon's party, La France Insoumise,"), or right before it ("the public broadcaster
RTÉ"), "called" between them ("a consulting firm called Gavekal Dragonomics"; not "named", which
is as often the verb: "the firm named Ostrowski chief executive")."""
_AFTER = re.compile(r",[ \t]*(?:the|an?)[ \t]+(?:[\w'\u2019-]+[ \t]+){0,3}?([a-z-]+)"
                    r"(?:[ \t]*[,.;]|[ \t]+(?:in|based|behind|that|which|whose|from|with|founded|owned)\b)")
"""A noun in apposition after a name: "Chapters, the bookstore chain, said"; "X, a start-up in Lisbon"."""

_MODIFIER = re.compile(r"[ \t]+([a-z-]+)\b(?![ \t]+[A-Z])(?:[ \t]+([a-z-]+)\b(?![ \t]+[A-Z]))?")
"""One or two lower-case words after a name, the name a modifier of the noun that says what it
is: "the Albert Heijn supermarket chain", "the Marcus Tan label signed" (not "the Maputo daily
Noticias": the noun is then the next name's)."""
_THE = re.compile(r"(?:^|[\s(])[Tt]he[ \t]+$")
_NEXT = re.compile(r"\s+(\w+)")
_POSSESSIVE = re.compile(r" ?['\u2019]s\b")
def _as_bodies(text: str, names: Named, bodies: set[str]) -> Named:
    """``names`` with every person or place reading of a name in ``bodies`` (keys) read as an
    organisation: what one sentence shows holds wherever else the name is written."""
    if not bodies:
        return names
    return relabelled(text, names, ("PER", "LOC"), "ORG", lambda name, _: name_key(name) in bodies)


def _person_words(text: str, names: Named) -> set[str]:
    """Every word of the names read as people's, folded: a name of the text's people is no body."""
    return {fold(w) for span, t in names if t and span.label == "PER" and " " in text[t[0]:t[1]]
            for w in text[t[0]:t[1]].split()}


def _plain_body_name(name: str, lex: Lexicon, people: set[str], given: bool = True) -> bool:
    """A name that could be a body's: not opened by a given name (unless ``given`` is false),
    not a place the lists know, no word of the full names of the text's people nor their plural
    ("the Garlands"), no place word ("Street")."""
    words = name.split()
    return not (given and lex.is_given_name(words[0])) \
        and name_key(name) not in lex.places and not any(
            fold(w) in people or fold(w)[:-1] in people or fold(w)[:-2] in people for w in words) \
        and not any(w in lex.place_words for w in words)


def newspapers(text: str, names: Named) -> Named:
    """A name of two or more words ending in a newspaper's word ("Ottawa Citizen", "Brockton
    Herald") is the paper, whatever other kind the tagger gave it (a given name and one more
    word aside: "Don Guardian"); the rest of it written alone and read as a body ("Brockton would build
    two parks") or as a person is the town it is named after, unless the paper is a press
    ("Studiocomix Press": the publisher) or the town's name a surname of a person the text
    names in full ("Washington" beside "George Washington")."""
    lex = lexicon()
    towns: set[str] = set()
    out: Named = []
    for span, t in names:
        words = text[t[0]:t[1]].split() if t else []
        if len(words) > 1 and words[-1] in NEWSPAPER_WORDS and words[0][:1].isupper() and not (
                len(words) == 2 and lex.is_given_name(words[0])
                and name_key(words[0]) not in lex.places):
            # "Mayor Don Guardian" is a person; "Charlotte Observer" a paper
            if words[-1] in TOWN_PAPERS:
                towns.add(name_key(" ".join(words[:-1])))
            span = Span(span.start, span.end, "ORG")
        out.append((span, t))
    if not towns:
        return out
    towns -= person_surnames(text, out, full_only=True)
    return relabelled(text, out, ("ORG", "PER"), "LOC", lambda name, _: name_key(name) in towns)


def called_bodies(text: str, names: Named) -> Named:
    """A name read as a person or a place beside a noun that only an organisation is ("the
    broadcaster Radio-Canada", "Chapters, the bookstore chain,") or before a possessive that
    only an organisation has ("Unilever's shares", "its chief executive") is an organisation,
    unless a word of it is in the full name of a person of the text. Where the noun stands in
    apposition, set off by a comma, the name's own reading as a person is no such evidence
    ("De Lijn, the transport company,"; "its publisher, Norton Books,"), nor where "called" stands
    between them ("a consulting firm called Gavekal Dragonomics"); right before the name or before
    a possessive it is ("The other was insurer Thierry Dehaan", "a group Barack Obama won",
    "Ottmar Kessel's shares")."""
    lex = lexicon()
    people = _person_words(text, names)
    owners: dict[str, set[str]] = {}  # a word of a person's full name: the names it is in
    for span, t in names:
        if t and span.label == "PER" and " " in text[t[0]:t[1]]:
            for w in text[t[0]:t[1]].split():
                owners.setdefault(fold(w), set()).add(name_key(text[t[0]:t[1]]))

    def others(name: str) -> set[str]:
        """The words of ``name`` (or their singular) in the full name of another person."""
        variants = {v for w in name.split() for v in (fold(w), fold(w)[:-1], fold(w)[:-2])}
        return {v for v in variants if owners.get(v, set()) - {name_key(name)}}

    def called(span: Span, where: tuple[int, int]) -> bool:
        name = text[where[0]:where[1]]
        before = _BEFORE.search(text, max(0, where[0] - 80), where[0])
        after = _AFTER.match(text, where[1])
        modified = _MODIFIER.match(text, where[1])
        if before and before.group(1) in BODY_NOUNS and text.startswith(",", where[1]) \
                or before and before.group(2) in BODY_NOUNS and before.group().rstrip().endswith(" called") \
                or after and (after.group(1) in BODY_NOUNS or after.group(1).removesuffix("s") in BODY_NOUNS):
            return _plain_body_name(name, lex, others(name))
        if span.label == "PER" and modified and BODY_NOUNS.intersection(modified.groups()) \
                and _THE.search(text, max(0, where[0] - 5), where[0]):
            # "the Albert Heijn supermarket chain": a founder's given name is no evidence
            return _plain_body_name(name, lex, others(name), given=False)
        if not _plain_body_name(name, lex, people):
            return False
        if before and before.group(2) in BODY_NOUNS:
            return True
        owned = _CHIEF_EXECUTIVE.match(text, where[1])
        return owned is not None and (owned.group(1) is None or owned.group(1) in BODY_POSSESSIONS)

    return _as_bodies(text, names, {name_key(text[t[0]:t[1]]) for span, t in names
                                    if t and span.label in ("PER", "LOC") and called(span, t)})


_AND = frozenset({" and ", ", and ", " and the ", ", and the "})
_COMMA = frozenset({", ", ", the "})
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}")
_LOCATIVE = re.compile(r"\b(?:in|at|near|from|to|across|outside|around)[ \t]+(?:the[ \t]+)?$")
"""A preposition before a list of names that makes its places places ("in Jupiter and the Doral")."""


def sure_body(name: str, lex: Lexicon) -> bool:
    """A name that is a body's by its own words: an acronym ("BP"), a word that names a body or
    a paper, a legal form, or a body the lists know."""
    words = name.split()
    return bool(_ACRONYM.fullmatch(name)) or name_key(name) in lex.organizations or any(
        w in lex.org_words or w in lex.corporate_suffixes or w in NEWSPAPER_WORDS for w in words[1:])


def coordinated_bodies(text: str, names: Named) -> Named:
    """In a pair or list of names joined by "and" ("Unilever and BP", "Halvorsen, Tesco and
    Barclays"), where all the others are bodies, a name read as a person or a place is a body
    too, unless it could not be a body's name (a given name, a known place, a word of a person's
    name in the text, a name after a title, "Senator Rubio and the Republican Congress", a place
    after "in": "in Jupiter and the Doral Resort"). In a pair the
    other must be a body by its own words (an acronym, a word
    that names a body, a legal form): the tagger's reading alone made "Richards and Menendez"
    bodies in PolNeAR."""
    lex = lexicon()
    people = _person_words(text, names)
    found: set[str] = set()
    run: list[int] = []
    joined = False

    def settle() -> None:
        bodies = [k for k in run if names[k][0].label == "ORG"]
        sure = [k for k in bodies if sure_body(_named(names[k]), lex)]
        if not joined or len(run) - len(bodies) != 1 or not (len(sure) == len(bodies) or len(bodies) > 1):
            return
        others = [k for k in run if k not in bodies]
        span, t = names[others[0]]
        first = names[run[0]][1]
        placed = first is not None and _LOCATIVE.search(text, max(0, first[0] - 12), first[0])
        if t and (span.label == "PER" or span.label == "LOC" and not placed) and not titled(text, t[0], lex) \
                and _plain_body_name(text[t[0]:t[1]], lex, people):
            found.add(name_key(text[t[0]:t[1]]))

    def _named(item: tuple[Span, tuple[int, int] | None]) -> str:
        return text[item[1][0]:item[1][1]] if item[1] else ""

    previous = None
    for k, (_, t) in enumerate(names):
        if t is None:
            continue
        gap = text[previous:t[0]] if previous is not None else ""
        if run and (gap in _AND or gap in _COMMA and not joined):
            run.append(k)
            joined = joined or gap in _AND
        else:
            settle()
            run, joined = [k], False
        previous = t[1]
    settle()
    return _as_bodies(text, names, found)


_EXAMPLES_LEAD = re.compile(r"\b([a-z-]+)[ \t]+(?:(?:such[ \t]+as|like|including)[ \t]+)?(?:the[ \t]+)?$")
"""A plural noun, and "such as", "like" or "including", before a list of names: "drug
companies such as Pfizer, …", "insurers Cigna, Aetna and Humana"."""


def _body_plural(word: str) -> bool:
    """A plural of a noun that only an organisation is ("companies", "insurers")."""
    return word.endswith("ies") and word[:-3] + "y" in BODY_NOUNS or word.endswith("s") and word[:-1] in BODY_NOUNS


def example_bodies(text: str, names: Named) -> Named:
    """The names listed after a plural noun that only organisations are, with or without "such
    as", "like", "including" ("drug companies such as Pfizer, Johnson & Johnson and Eli Lilly",
    "insurers Cigna, Aetna and Humana"), are organisations, even one that opens with a given
    name, unless it is a place the lists know or shares a word with the full name of another of
    the text's people."""
    lex = lexicon()
    owners: dict[str, set[str]] = {}
    for span, t in names:
        if t and span.label == "PER" and " " in text[t[0]:t[1]]:
            for w in text[t[0]:t[1]].split():
                owners.setdefault(fold(w), set()).add(name_key(text[t[0]:t[1]]))
    listed = [(span, t) for span, t in names if t]
    found: set[str] = set()
    k = 0
    while k < len(listed):
        start = listed[k][1][0]
        lead = _EXAMPLES_LEAD.search(text, max(0, start - 40), start)
        if not (lead and _body_plural(lead.group(1))):
            k += 1
            continue
        run, previous = [k], listed[k][1][1]
        while k + 1 < len(listed) and text[previous:listed[k + 1][1][0]] in _AND | _COMMA:
            k += 1
            run.append(k)
            previous = listed[k][1][1]
        for span, (a, b) in (listed[j] for j in run):
            key = name_key(text[a:b])
            if span.label in ("PER", "LOC") and key not in lex.places and not any(
                    owners.get(fold(w), set()) - {key} for w in text[a:b].split()):
                found.add(key)
        k += 1
    return _as_bodies(text, names, found)


BODY_OPENERS = frozenset({
    "Studio", "Dar", "Editions", "\u00c9ditions", "Edizioni", "Ediciones", "Editora", "Groupe", "Grupo", "Gruppo",
    "Banco", "Banca", "Casa", "Maison", "Compagnie", "Le", "La", "Les", "Die", "Der", "Das", "El", "Il", "Het"})
"""First words that open the name of a body in the language it is named in: a noun that names
the body ("Studio Ghibli", "Dar al-Saqi": a publishing house, "Groupe Renault") or an article
("Le Monde", "Die Zeit"). No person's name opens with them, save a surname's particle ("Le Pen")."""


def opened_bodies(text: str, names: Named) -> Named:
    """A name of two to four words read as a person that opens with a word that opens a body's
    name ("Studio Ghibli", "Dar al-Saqi", "Les Echos") is an organisation, unless its words are
    the surname of a person the text names in full ("Marine Le Pen" … "Le Pen") or it opens with
    a given name."""
    lex = lexicon()
    surnames = {fold(" ".join(words[k:])) for span, t in names if t and span.label == "PER"
                for words in [text[t[0]:t[1]].split()] for k in range(1, len(words))}

    def opened(name: str, _: tuple[int, int]) -> bool:
        words = name.split()
        return 1 < len(words) <= 4 and words[0] in BODY_OPENERS and words[0] not in lex.given_names \
            and fold(name) not in surnames

    return relabelled(text, names, ("PER",), "ORG", opened)


WORKS = frozenset({"plant", "plants", "factory", "factories", "mill", "mills", "refinery", "smelter", "foundry",
                   "shipyard", "warehouse", "mine", "brewery", "cannery", "works"})
"""Nouns of a company's works: a name right before one ("the Fenwick Steel plant") is whose it is."""
_SETTLEMENTS = frozenset({"City", "Town", "County", "Township", "Village", "Borough"})
"""Last words of a town's name that no place-word list holds (they end clubs' names too)."""


def works_owners(text: str, names: Named) -> Named:
    """A name of two to four words read as a place right before a noun of a company's works
    ("the Fenwick Steel plant", "the Marlow Chemical refinery") is the company that owns them,
    unless a word of it names a place or a town ("the Granite City plant") or is a place the lists know
    ("the Detroit Hamtramck plant"). A town alone ("the Hamilton plant") stays a place."""
    lex = lexicon()

    def owner(name: str, where: tuple[int, int]) -> bool:
        following = _NEXT.match(text, where[1])
        words = name.split()
        return following is not None and following.group(1) in WORKS and 1 < len(words) <= 4 \
            and name_key(name) not in lex.places and not any(
                w in lex.place_words or w in _SETTLEMENTS or name_key(w) in lex.places for w in words)

    return relabelled(text, names, ("LOC",), "ORG", owner)


def without_demonyms(text: str, names: Named) -> Named:
    """A name that is a demonym ("Emirati") is no actor, unless a person the text names is
    called so ("German Ortega"), a place word follows it on the next line ("Czech" /
    "Republic"), or it is read as a body that owns something ("American 's request": the
    airline); a
    party member ("a Nevada Democrat") is not either, though the place before it is one
    (CoNLL's conventions: "California" LOC, "Democrat" MISC)."""
    lex = lexicon()
    people = _person_words(text, names)  # "German Ortega" … "German's brother"
    out: Named = []
    for span, t in names:
        name = text[t[0]:t[1]] if t else ""
        words = name.split()
        if t and fold(name) in lex.demonyms and fold(name) not in people and not (
                span.label == "ORG" and _POSSESSIVE.match(text, t[1])):
            following = _NEXT.match(text, t[1])
            if following is None or following.group(1) not in lex.place_words:  # "Czech\nRepublic"
                continue
        if t and len(words) > 1 and words[-1] in PARTY_MEMBERS:
            rest = " ".join(words[:-1])
            if name_key(rest) in lex.places:
                out.append((Span(t[0], t[0] + len(rest), "LOC"), (t[0], t[0] + len(rest))))
            continue
        out.append((span, t))
    return out


def whole_bodies(text: str, names: Named) -> Named:
    """A body's name read in part where the text writes it whole ("Jazz FM's board" read as
    "FM") is the whole name when the text names that body in full elsewhere: the words before
    the part are the rest of the longer name, written right there, and the part is never a
    name on its own in the text ("the Senate" beside "a Democratic Senate" is). Bodies only,
    and only their exact words: a person's "Hillary" before "Clinton" is left to the surname
    rules."""
    longer: dict[str, list[str]] = {}
    for span, t in names:
        words = text[t[0]:t[1]].split() if t and span.label == "ORG" else []
        for k in range(1, len(words)):
            if all(w[:1].isupper() and not w.isupper() for w in words[:k]):  # not "CDU / CSU" + "SPD"
                longer.setdefault(fold(" ".join(words[k:])), []).append(" ".join(words[:k]) + " ")
    if not longer:
        return names

    def head(t: tuple[int, int], taken_to: int) -> str | None:
        for before in longer.get(fold(text[t[0]:t[1]]), ()):
            start = t[0] - len(before)
            if start >= max(0, taken_to) and text[start:t[0]] == before and (
                    start == 0 or not text[start - 1].isalnum()):
                return before
        return None

    parts: list[tuple[int, tuple[int, int], str | None]] = []
    taken_to = 0
    for k, (span, t) in enumerate(names):
        if t and span.label == "ORG" and fold(text[t[0]:t[1]]) in longer:
            parts.append((k, t, head(t, taken_to)))
        taken_to = t[1] if t else taken_to
    alone = {fold(text[t[0]:t[1]]) for _, t, before in parts if before is None}
    out = list(names)
    for k, t, before in parts:
        if before is not None and fold(text[t[0]:t[1]]) not in alone:
            start = t[0] - len(before)
            out[k] = (Span(start, names[k][0].end, "ORG"), (start, t[1]))
    return out
