"""Named actors: one actor per person, organisation or place of the document.

The learned tagger (:mod:`tagger`) says which spans are names and of which type; this
layer makes actors of them: spellings of one name are one actor, a surname (with its
particles: "von der Leyen") joins the full name, a short company name its legal name, an
acronym its expansion, a body's shorter name the longer one it begins ("Liberal" →
"Liberal Party"). Joins are made between names of one kind: the tagger's second stage already
keeps one reading of a name through the document, and where it reads one spelling two
ways ("Boston" the city and the team) the ablation says it is right more often than a
vote would be. Only a short form of a longer name takes that name's kind wherever it is
written ("Apple" of "Apple Inc." once read as a place). People get the role the text gives them. Nothing here invents a name:
every alias is a spelling found in the text. Everything is linear in the text's length.

Before building, the spans are read against what one sentence does not show: the layout
of a line (:mod:`layout`: datelines, headings), spaCy's reading of a name the tagger set aside
(:mod:`misc_bodies`: "Rolls-Royce" as MISC, "Ocean-Vale" as a person), the rest of the document (:mod:`kinds`:
families, surnames, bodies named after people; :mod:`echoes`: names written again where
the tagger missed them; :mod:`repeats`: any spelling the document reads as one kind of name,
written again; :mod:`person_words`: a one-word name a title or a full name shows to be a
person's), and names the tagger cut or read too far are mended (:mod:`whole_names`:
hyphens, an office between a body and its head, a letter ending a sentence, a shop's
possessive; :mod:`repairs`: particles, offices, dates, events; :mod:`civic_places`:
"Kitchener’s council" where the tagger saw no name).

Each step that can change what is found is named in :data:`RULES`, so the ablations in
``training/train_actors.py`` and ``benchmarks/actors_rules.py`` can measure it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from reader.analysis.bodies import (called_bodies, coordinated_bodies, example_bodies, newspapers, opened_bodies,
                                    whole_bodies, without_demonyms, works_owners)
from reader.analysis.engine import Parsed
from reader.analysis.civic_places import with_civic_places
from reader.analysis.company_kinds import company_kinds, employer_kinds, unnamed_companies
from reader.analysis.dashes import at_dashes
from reader.analysis.echoes import with_echoes
from reader.analysis.person_words import person_words
from reader.analysis.repeats import with_repeats
from reader.analysis.gazetteer import lexicon
from reader.analysis.kinds import (Named, apposition_kinds, civic_kinds, families, followings, full_name_kinds, given_name_kinds,
                                   list_kinds, org_word_kinds, surname_kinds)
from reader.analysis.layout import with_datelines, with_headings
from reader.analysis.misc_bodies import with_misc_bodies, with_pair_bodies
from reader.analysis.model import Actor, ActorKind, Mention
from reader.analysis.repairs import (known_apart, with_particles, without_dates, without_events, without_offices,
                                     with_nicknames, without_titles)
from reader.analysis.names import PARTICLES, name_key, trim_name
from reader.analysis.roles import role_after, role_before
from reader.analysis.tagger import ActorTagger, Span, default_tagger
from reader.analysis.whole_names import (hyphen_joined, hyphenated_surnames, initials_apart, offices_apart,
                                         possessive_bodies)

KINDS_OF_LABELS: dict[str, ActorKind] = {"PER": "person", "ORG": "organization", "LOC": "place"}

NAME_STEPS: tuple[tuple[str, Callable[[str, Named], Named]], ...] = (
    ("hyphens", hyphen_joined), ("hyphenated_surnames", hyphenated_surnames), ("office_splits", offices_apart),
    ("sentence_initials", initials_apart), ("possessive_bodies", possessive_bodies), ("titles", without_titles),
    ("nicknames", with_nicknames), ("calendar", without_dates), ("misc_words", without_events), ("followings", followings),
    ("lists", list_kinds), ("full_names", full_name_kinds), ("given_names", given_name_kinds), ("appositions", apposition_kinds),
    ("civic", civic_kinds), ("families", families), ("surname_kinds", surname_kinds), ("person_words", person_words),
    ("org_words", org_word_kinds), ("company_kinds", company_kinds), ("employer_kinds", employer_kinds),
    ("newspapers", newspapers), ("called_bodies", called_bodies), ("coordinated_bodies", coordinated_bodies),
    ("example_bodies", example_bodies), ("opened_bodies", opened_bodies),
    ("works_owners", works_owners),
    ("demonyms", without_demonyms), ("whole_bodies", whole_bodies), ("offices", without_offices), ("particles", with_particles))
"""The steps on the tagger's names, in order, each under its rule's name (:mod:`whole_names`,
:mod:`repairs`, :mod:`kinds`, :mod:`bodies`)."""

RULES = ("datelines", "headings", "misc_bodies", "pair_bodies", "dashes", *(rule for rule, _ in NAME_STEPS),
         "known_organizations", "echoes", "repeats", "civic_places", "unnamed_companies",
         "initials", "middle_names", "surnames", "name_words", "acronyms", "introduced_acronyms", "companies", "prefixes",
         "other_kinds", "shared_salience")
"""Steps after the tagger, each measured on its own (see the module docstring)."""

_ACRONYM_SKIP = frozenset({"of", "and", "the", "for", "de", "la", "du", "des", "&", "in", "on", "to"})
_ACRONYM = re.compile(r"[A-Z&]{2,8}")


@dataclass(slots=True)
class _Form:
    """One spelling of a name of one kind (keyed by :func:`_key`)."""

    key: str
    kind: ActorKind
    surfaces: Counter[str] = field(default_factory=Counter)
    first: int = 0
    short: bool = False  # a surname, short company name, acronym or prefix of a longer name
    owners: list[str] = field(default_factory=list)  # full names sharing this surname, when several
    _usual: tuple[str, list[str]] | None = field(default=None, repr=False, compare=False)
    """:attr:`surface` and :attr:`words`, worked out once after the last :meth:`add` (the
    joining rules read them for every pair of forms they compare)."""

    def add(self, surface: str) -> None:
        """Count one more mention written ``surface``."""
        self.surfaces[surface] += 1
        self._usual = None

    def _spelling(self) -> tuple[str, list[str]]:
        if self._usual is None:
            surface = max(self.surfaces, key=lambda s: (not s.isupper(), self.surfaces[s]))
            self._usual = surface, surface.split()
        return self._usual

    @property
    def surface(self) -> str:
        """The usual spelling, preferring mixed case to a shouted headline."""
        return self._spelling()[0]

    @property
    def words(self) -> list[str]:
        """The words of :attr:`surface` (one list, shared: read it, never change it)."""
        return self._spelling()[1]


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while x != root:
            self.parent[x], x = root, self.parent.get(x, x)
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def find_actors(parsed: Parsed, tagger: ActorTagger | None = None) -> tuple[list[Actor], list[Mention]]:
    """The actors of one text and their name mentions, sorted and non-overlapping."""
    tagger = tagger or default_tagger()
    return build_actors(parsed, tagger.spans(parsed), common=tagger.featurizer.vocabulary)


def build_actors(parsed: Parsed, spans: list[Span], off: Collection[str] = (),
                 common: frozenset[str] | None = None) -> tuple[list[Actor], list[Mention]]:
    """Actors from the tagger's spans; ``off`` names :data:`RULES` to leave out (ablation);
    ``common`` holds the words usually written in lower case (the shipped tagger's when None)."""
    text = parsed.text
    forms: dict[str, _Form] = {}
    mentions: list[tuple[int, int, str]] = []
    if "datelines" not in off:
        spans = with_datelines(text, spans)
    vocabulary = default_tagger().featurizer.vocabulary if common is None else common
    if "headings" not in off:
        spans = with_headings(parsed, spans, vocabulary)
    if "misc_bodies" not in off:
        spans = with_misc_bodies(parsed, spans)
    if "pair_bodies" not in off:
        spans = with_pair_bodies(parsed, spans)
    names = [(span, trim_name(text, span.start, span.end)) for span in spans if span.label in KINDS_OF_LABELS]
    if "dashes" not in off:
        names = at_dashes(text, names, vocabulary)
    for rule, step in NAME_STEPS:
        if rule not in off:
            names = step(text, names)
    if "echoes" not in off:
        names = with_echoes(text, names, vocabulary)
    if "repeats" not in off:
        names = with_repeats(text, names, vocabulary, spans)
    if "civic_places" not in off:
        names = with_civic_places(text, names, vocabulary)
    if "unnamed_companies" not in off:
        names = unnamed_companies(text, names, vocabulary, spans)
    known = lexicon().organizations if "known_organizations" not in off else frozenset()
    for span, trimmed in known_apart(text, names, known):
        kind = KINDS_OF_LABELS[span.label]
        if trimmed is None:
            continue
        start, end = trimmed
        surface = text[start:end]
        if name_key(surface) in known:
            kind = "organization"  # "the Kremlin", "the Pentagon": the body, not the building
        key = _key(surface, kind)
        form = forms.get(key)
        if form is None:
            form = forms[key] = _Form(key, kind, first=start)
        form.add(surface)
        mentions.append((start, end, key))

    union = _Union()
    if "acronyms" not in off:
        _join_acronyms(forms, union)
    if "introduced_acronyms" not in off:
        _join_introduced(text, forms, mentions, union)
    if "initials" not in off:
        _join_middle_initials(forms, union)
    if "middle_names" not in off:
        _join_middle_names(forms, union)
    if "surnames" not in off:
        _join_surnames(forms, union)
    if "name_words" not in off:
        _join_name_words(forms, union)
    if "companies" not in off:
        _join_company_names(forms, union)
    if "prefixes" not in off:
        _join_prefixes(forms, union)
    if "other_kinds" not in off:
        _join_other_kinds(forms, union)
    return _assemble(parsed, forms, mentions, union, off)


def _initials(name: str) -> set[str]:
    """The acronyms a name may have: of every word ("Mid-Western Farm Council" → "MWFC") and
    of every word but a hyphenated one's second half ("MFC")."""
    return {"".join(w[0] for w in words.split() if w.lower() not in _ACRONYM_SKIP and w[0].isalpha()).upper()
            for words in (name.replace("-", " "), re.sub(r"-\w+", "", name))}


def _join_acronyms(forms: dict[str, _Form], union: _Union) -> None:
    """"NATO" and "North Atlantic Treaty Organization" are one actor when both occur; the
    expansion decides the kind."""
    acronyms = {(f.surface.replace(".", ""), f.kind): f for f in forms.values()
                if len(f.words) == 1 and _ACRONYM.fullmatch(f.surface.replace(".", ""))}
    if not acronyms:
        return
    for form in forms.values():
        if len(form.words) < 2:
            continue
        for initials in _initials(form.surface):
            short = acronyms.get((initials, form.kind))
            if short is not None and short is not form:
                short.short = True
                union.join(form.key, short.key)


_INTRODUCED = re.compile(r"[ \t]*\([ \t]*")
_INTRODUCED_END = re.compile(r"[ \t]*\)")


def _join_introduced(text: str, forms: dict[str, _Form], mentions: list[tuple[int, int, str]],
                     union: _Union) -> None:
    """An acronym the text introduces in brackets right after the name of a body ("the International
    Federation of Rowing Associations (FISA)") is that body, whatever its letters. Bodies only:
    "Jim Courier (U.S.)" gives a player's country."""
    for (_, end, key), (start, after, short_key) in zip(mentions, mentions[1:]):
        form, short = forms[key], forms[short_key]
        if short is form or short.short or len(form.words) < 2 or len(short.words) != 1 \
                or form.kind != "organization" or short.kind != "organization" \
                or not _ACRONYM.fullmatch(short.surface.replace(".", "")):
            continue
        between = _INTRODUCED.fullmatch(text, end, start)
        if between is not None and _INTRODUCED_END.match(text, after):
            short.short = True
            union.join(key, short_key)


_INITIAL = re.compile(r"[A-Z]\.?")


def _join_middle_initials(forms: dict[str, _Form], union: _Union) -> None:
    """"Lindsey O. Graham" is the "Lindsey Graham" of the same text: a middle initial is left
    out as often as it is written."""
    for form in forms.values():
        words = form.words
        if form.kind != "person" or len(words) < 3:
            continue
        bare = [w for k, w in enumerate(words) if not (0 < k < len(words) - 1 and _INITIAL.fullmatch(w))]
        other = forms.get(_key(" ".join(bare), "person")) if len(bare) < len(words) else None
        if other is not None and other is not form:
            union.join(other.key, form.key)


def _join_middle_names(forms: dict[str, _Form], union: _Union) -> None:
    """"Hillary Rodham Clinton" is the "Hillary Clinton" of the same text when she is the only
    person whose first and last words those are; "George H.W. Bush" and "George W. Bush" both
    are, so a "George Bush" beside them joins neither."""
    longer: dict[str, list[_Form]] = defaultdict(list)
    for form in forms.values():
        words = form.words
        if form.kind == "person" and len(words) >= 3 and not any(w.lower() in PARTICLES for w in words):
            longer[_key(f"{words[0]} {words[-1]}", "person")].append(form)
    for key, owners in longer.items():
        short = forms.get(key)
        if short is not None and len(owners) == 1:
            union.join(short.key, owners[0].key)


def _join_surnames(forms: dict[str, _Form], union: _Union) -> None:
    """"Stoltenberg", "von der Leyen" and "Suu Kyi" join the person's full name they end
    ("Ursula von der Leyen"); failing that, the one they begin ("Wang" for "Wang Donghai").
    Two people sharing the surname are told apart in the text (see :func:`_shared_owner`)."""
    endings: dict[str, list[_Form]] = defaultdict(list)
    beginnings: dict[str, list[_Form]] = defaultdict(list)
    for form in forms.values():
        words = form.words
        if len(words) < 2 or form.kind != "person":
            continue
        for k in range(1, len(words)):
            endings[_key(" ".join(words[k:]), "person")].append(form)
            beginnings[_key(" ".join(words[:k]), "person")].append(form)
    for form in forms.values():
        owners = [o for o in endings.get(form.key, ()) if o is not form] or \
            [o for o in beginnings.get(form.key, ()) if o is not form]
        if not owners:
            continue
        form.short = True
        if len(owners) == 1:
            union.join(owners[0].key, form.key)
        else:  # "Anna Berg" and "Peter Berg": each "Berg" goes to the one named last
            form.owners = [o.key for o in owners]


def _join_name_words(forms: dict[str, _Form], union: _Union) -> None:
    """"Lula" is the "Luiz Inácio Lula da Silva" of the same text: a person's one-word name that
    is an inner word of one person's full name and a word of no other name in the text (of any
    kind: "Inácio" beside an "Inácio Santos" is left alone) is that person. First and last
    words are :func:`_join_surnames`'s."""
    holders: dict[str, list[_Form]] = defaultdict(list)
    for form in forms.values():
        for word in {name_key(w) for w in form.words}:
            holders[word].append(form)
    for form in forms.values():
        if form.kind != "person" or form.short or len(form.words) != 1:
            continue
        owners = [o for o in holders.get(name_key(form.surface), ()) if o is not form]
        roots = {union.find(o.key) for o in owners}
        if len(roots) == 1 and all(o.kind == "person" and len(o.words) > 2 for o in owners):
            form.short = True
            union.join(owners[0].key, form.key)


def _key(surface: str, kind: ActorKind) -> str:
    """Spellings of one name and kind share a key ("U.S." and "US" as places)."""
    return f"{name_key(surface)}/{kind}"


def _without_legal_form(words: list[str]) -> list[str]:
    """A company's name without the legal form that ends it ("Magna International Inc")."""
    suffixes = lexicon().corporate_suffixes
    cut = len(words)
    while cut > 1 and words[cut - 1].replace(".", "").rstrip(",") in suffixes:
        cut -= 1
    return words[:cut]


def _join_company_names(forms: dict[str, _Form], union: _Union) -> None:
    """"Magna" is "Magna International Inc" when the rest is only legal form."""
    for form in list(forms.values()):
        words = form.words
        name = _without_legal_form(words)
        if len(name) == len(words):
            continue
        short = forms.get(_key(" ".join(name), form.kind))
        if short is not None and short is not form and not short.short:
            short.short = True
            union.join(form.key, short.key)


def _join_prefixes(forms: dict[str, _Form], union: _Union) -> None:
    """The name of a body that begins exactly one longer name of a body is that name ("Liberal"
    and "Liberal Party", "Studiocomix" and "Studiocomix Press", and in the plural "the
    Liberals"); with two candidates it is left alone rather than guessed. Places and people
    never: a city is not its state. Nor an acronym before more words in lower case: "DNC" is
    a name whole, and "the DNC Rules Committee" one of its bodies, not its full name."""
    longer: dict[str, list[_Form]] = defaultdict(list)
    for form in forms.values():
        words = form.words
        for k in range(1, len(words)):
            longer[_key(" ".join(words[:k]), form.kind)].append(form)
    for form in forms.values():
        if form.short or form.kind != "organization":
            continue  # "Kansas" is no short "Kansas City", nor "South Carolina" "South Carolina State"
        owners = [o for o in longer.get(form.key, ()) if o is not form]
        if not owners and len(form.words) == 1 and form.surface.endswith("s"):
            owners = longer.get(_key(form.surface[:-1], form.kind), [])  # "the Liberals" of the Liberal Party
        if len(owners) == 1 and not owners[0].short and not _acronym_of_part(form, owners[0]):
            form.short = True
            union.join(owners[0].key, form.key)


def _join_other_kinds(forms: dict[str, _Form], union: _Union) -> None:
    """A person's surname or a company's name without its legal form ("Trump" of "Donald Trump",
    "Apple" of "Apple Inc.") is that actor wherever the tagger read it as another kind: the full
    name decides. Not a known place ("Jordan"): the place is another actor; nor a body's
    shorter name ("Halden" of "Halden Press"): the town may be named too; nor a person's full
    name in a company's ("Dario Esposito" of "Dario Esposito Holdings")."""
    lex = lexicon()
    shorts: dict[str, list[_Form]] = defaultdict(list)
    for form in forms.values():
        if form.short and not form.owners and (
                form.kind == "person" or _without_legal_form(forms[union.find(form.key)].words) == form.words):
            shorts[name_key(form.surface)].append(form)
    for form in forms.values():
        spelling = name_key(form.surface)
        owners = shorts.get(spelling, [])
        if len(owners) == 1 and owners[0].kind != form.kind and not form.short and spelling not in lex.places \
                and not (form.kind == "person" and len(form.words) > 1):
            union.join(owners[0].key, form.key)


def _acronym_of_part(short: _Form, owner: _Form) -> bool:
    """Whether ``short`` is an acronym the longer name ``owner`` also writes in capitals ("DNC",
    "the DNC Rules Committee"), where the rest of ``owner`` is not in capitals (a word in
    capitals in a table or headline, "BRADFORD" beside "Bradford Bulls", is no acronym) and
    is neither a company's legal form ("TVX Gold Inc") nor a known place ("CSKA Kiev"): those
    name the acronym's own body in full."""
    if not (len(short.words) == 1 and len(short.surface) > 1 and short.surface.isupper()
            and owner.words[0].isupper() and not owner.surface.isupper()):
        return False
    lex = lexicon()
    rest = owner.words[1:]
    return rest[-1].replace(".", "").rstrip(",") not in lex.corporate_suffixes and name_key(" ".join(rest)) not in lex.places


def _assemble(parsed: Parsed, forms: dict[str, _Form], mentions: list[tuple[int, int, str]],
              union: _Union, off: Collection[str] = ()) -> tuple[list[Actor], list[Mention]]:
    text = parsed.text
    lex = lexicon()
    tags = {t.start: t.tag for t in parsed.tokens}
    groups: dict[str, list[_Form]] = defaultdict(list)
    for form in forms.values():
        groups[union.find(form.key)].append(form)
    firsts = {root: min(f.first for f in members) for root, members in groups.items()}
    used = {key for _, _, key in mentions}
    mentioned: Counter[str] = Counter()
    last_named: dict[str, int] = {}
    actors: dict[str, Actor] = {}
    out: list[Mention] = []
    last_end = -1
    for start, end, key in sorted(mentions):
        form = forms[key]
        root = union.find(key)
        if form.owners:
            roots = list(dict.fromkeys(union.find(k) for k in form.owners))
            root = _shared_owner(text, start, roots, last_named, firsts, mentioned, off)
        if start < last_end:
            continue
        actor = actors.get(root)
        if actor is None:
            actor = actors[root] = _new_actor(f"a{len(actors) + 1}", groups[root], forms[root].kind, used)
        if form.owners and form.surface != actor.name and form.surface not in actor.aliases:
            actor.aliases.append(form.surface)
        out.append(Mention(start, end, actor.id))
        mentioned[root] += 1
        if not form.owners:
            last_named[root] = start
        last_end = end
        if actor.kind == "person" and actor.role is None:
            actor.role = role_before(text, start, tags, lex) or role_after(text, end, tags, lex)
    return list(actors.values()), out


def _named_after(longer: _Form, form: _Form) -> bool:
    """Whether ``form`` is a person's full name, written at least as often, that ``longer`` only
    puts words before, none of them a given name ("Crooked Hillary Clinton", "Universe Alicia
    Machado" of "Miss Universe"): the actor is called by the name, not by what the tagger read
    into it."""
    given = lexicon().given_names
    n = len(form.words)
    return longer.kind == "person" and 1 < n < len(longer.words) and form.words[0] in given \
        and sum(form.surfaces.values()) >= sum(longer.surfaces.values()) \
        and [name_key(w) for w in longer.words[-n:]] == [name_key(w) for w in form.words] \
        and not any(w in given for w in longer.words[:-n])


def _shared_owner(text: str, start: int, roots: list[str], last_named: dict[str, int], firsts: dict[str, int],
                  mentioned: Counter[str], off: Collection[str]) -> str:
    """Which of the people sharing a surname a bare "Clinton" at ``start`` is (roots of the union).

    A full name given earlier in the same paragraph decides (the last one: "Then Peter Berg
    spoke. Berg was long."). Otherwise news keeps the bare surname for its main figure and
    calls the other by the full or the given name ("Bill"): of the people named so far, the one
    mentioned most so far. ``benchmarks/surnames.py`` measures it against the nearest full name
    before (the rule with ``shared_salience`` off) on hand-judged mentions: 33 of 38 right
    against 4. A title before the surname matched to the roles ("former President Clinton")
    was tried and left out: it got one of its two cases right.
    """
    named = [r for r in roots if r in last_named]
    if not named:
        return min(roots, key=firsts.__getitem__)
    paragraph = text.rfind("\n\n", 0, start)
    recent = [r for r in named if last_named[r] > paragraph or "shared_salience" in off]
    if recent:
        return max(recent, key=last_named.__getitem__)
    return max(named, key=lambda r: (mentioned[r], -firsts[r]))


def _new_actor(actor_id: str, members: list[_Form], kind: ActorKind, used: set[str]) -> Actor:
    ordered = sorted((f for f in members if f.key in used), key=lambda f: f.first)
    name_form = max(ordered, key=lambda f: (not f.surface.isupper(), len(f.words), sum(f.surfaces.values()), -f.first))
    name_form = next((f for f in ordered if _named_after(name_form, f)), name_form)
    name = name_form.surface
    aliases = [f.surface for f in ordered if f is not name_form and f.surface != name]
    return Actor(actor_id, name, kind, None, list(dict.fromkeys(aliases)))

