"""Which spellings of a document's names are one actor: the joins of :mod:`actors`.

Each spelling of one kind is a :class:`Form`; a join puts two forms in one set of a
:class:`Union`, whose root's kind the actor takes. A surname joins the full name it ends, a
short company name its legal name, an acronym its expansion, a body's shorter name the longer
one it begins or ends after a place ("the Commission"), a name without its middle name or
initial the fuller spelling; a surname or short company name read as another kind joins its
full name too. Each join is a rule of :data:`~reader.analysis.actors.JOIN_RULES`, so
``benchmarks/actors_joins.py`` scores it against gold entities.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from reader.analysis.gazetteer import Lexicon, lexicon
from reader.analysis.kinds import PARTY_MEMBERS
from reader.analysis.model import ActorKind
from reader.analysis.names import PARTICLES, name_key

_ACRONYM_SKIP = frozenset({"of", "and", "the", "for", "de", "la", "du", "des", "&", "in", "on", "to"})
_ACRONYM = re.compile(r"[A-Z&]{2,8}")


@dataclass(slots=True)
class Form:
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


class Union:
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



def join_forms(text: str, forms: dict[str, Form], mentions: list[tuple[int, int, str]], union: Union,
               off: Collection[str] = ()) -> None:
    """Join the spellings of one actor, each join under its rule's name unless ``off`` names it."""
    joins: tuple[tuple[str, Callable[[], None]], ...] = (
        ("acronyms", lambda: _join_acronyms(forms, union)),
        ("introduced_acronyms", lambda: _join_introduced(text, forms, mentions, union)),
        ("known_as", lambda: _join_known_as(text, forms, mentions, union)),
        ("middle_names", lambda: _join_middle_names(forms, union)),
        ("surnames", lambda: _join_surnames(forms, union)),
        ("name_words", lambda: _join_name_words(forms, union)),
        ("companies", lambda: _join_company_names(forms, union)),
        ("prefixes", lambda: _join_prefixes(forms, union)),
        ("endings", lambda: _join_endings(forms, union)),
        ("other_kinds", lambda: _join_other_kinds(forms, union)))
    for rule, join in joins:
        if rule not in off:
            join()


def _initials(name: str) -> set[str]:
    """The acronyms a name may have: of every word ("Mid-Western Farm Council" → "MWFC") and
    of every word but a hyphenated one's second half ("MFC")."""
    return {"".join(w[0] for w in words.split() if w.lower() not in _ACRONYM_SKIP and w[0].isalpha()).upper()
            for words in (name.replace("-", " "), re.sub(r"-\w+", "", name))}


def _join_acronyms(forms: dict[str, Form], union: Union) -> None:
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


def _join_introduced(text: str, forms: dict[str, Form], mentions: list[tuple[int, int, str]],
                     union: Union) -> None:
    """An acronym the text introduces in brackets right after the name of a body ("the International
    Federation of Rowing Associations (FISA)") is that body, whatever its letters ("Party of
    Democratic Action (SDA)"). Not after a name in capitals: that is a dateline or a heading,
    and the brackets hold its agency or source ("UNITED NATIONS (AP)", "COUNCIL REGULATION
    (EEC)"). Bodies only: "Jim Courier (U.S.)" gives a player's country."""
    for (_, end, key), (start, after, short_key) in zip(mentions, mentions[1:]):
        form, short = forms[key], forms[short_key]
        letters = short.surface.replace(".", "")
        if short is form or short.short or len(form.words) < 2 or len(short.words) != 1 \
                or form.kind != "organization" or short.kind != "organization" \
                or not _ACRONYM.fullmatch(letters) or form.surface.isupper():
            continue
        between = _INTRODUCED.fullmatch(text, end, start)
        if between is not None and _INTRODUCED_END.match(text, after):
            short.short = True
            union.join(key, short_key)


_KNOWN_AS = re.compile(r",?[ \t]+(?:(?:also|once|later|now|widely|simply|better|commonly|popularly)[ \t]+)?"
                       r"(?:known(?:[ \t]+[a-z]+){0,4}[ \t]+as|nicknamed|dubbed)[ \t]+[\"“‘']?")


def _join_known_as(text: str, forms: dict[str, Form], mentions: list[tuple[int, int, str]], union: Union) -> None:
    """A name the text gives right after another of the same kind ("Douglas Fenwick, known across
    the province simply as Dougie", "the Islamic State, also known as ISIS", "HLN, once known as
    CNN Headline News") is the same actor: the text names the nickname, Reader invents none."""
    for (_, end, key), (start, _, other_key) in zip(mentions, mentions[1:]):
        form, other = forms[key], forms[other_key]
        if other is not form and other.kind == form.kind and _KNOWN_AS.fullmatch(text, end, start):
            union.join(key, other_key)


def _join_middle_names(forms: dict[str, Form], union: Union) -> None:
    """"Hillary Rodham Clinton" and "Lindsey O. Graham" are the "Hillary Clinton" and "Lindsey
    Graham" of the same text when each is the only person whose first and last words those
    are; "George H. Bush" and "George W. Bush" both are, so a "George Bush" beside them joins
    neither. (A rule that dropped middle initials alone, ``initials``, joined nothing this one
    does not and merged that father and son: it went.)"""
    longer: dict[str, list[Form]] = defaultdict(list)
    for form in forms.values():
        words = form.words
        if form.kind == "person" and len(words) >= 3 and not any(w.lower() in PARTICLES for w in words):
            longer[form_key(f"{words[0]} {words[-1]}", "person")].append(form)
    for key, owners in longer.items():
        short = forms.get(key)
        if short is not None and len(owners) == 1:
            union.join(short.key, owners[0].key)


def _join_surnames(forms: dict[str, Form], union: Union) -> None:
    """"Stoltenberg", "von der Leyen" and "Suu Kyi" join the person's full name they end
    ("Ursula von der Leyen"); failing that, the one they begin ("Wang" for "Wang Donghai"), or
    the first surname of a given name and two surnames ("Quispe" of "Rosa Quispe Mamani"), when
    no other name has it inside.
    Two people sharing the surname are told apart in the text (see :func:`_shared_owner`)."""
    endings: dict[str, list[Form]] = defaultdict(list)
    beginnings: dict[str, list[Form]] = defaultdict(list)
    middles: dict[str, list[Form]] = defaultdict(list)
    given = lexicon().is_given_name
    for form in forms.values():
        words = form.words
        if len(words) < 2 or form.kind != "person":
            continue
        for k in range(1, len(words)):
            endings[form_key(" ".join(words[k:]), "person")].append(form)
            beginnings[form_key(" ".join(words[:k]), "person")].append(form)
        if len(words) == 3 and not given(words[1]) and words[1][1:].isalpha() and words[1][1:].islower():
            middles[form_key(words[1], "person")].append(form)  # "Quispe" of "Rosa Quispe Mamani"
    for form in forms.values():
        inner = [o for o in middles.get(form.key, ()) if o is not form]
        owners = [o for o in endings.get(form.key, ()) if o is not form] or \
            [o for o in beginnings.get(form.key, ()) if o is not form] or (inner if len(inner) == 1 else [])
        if not owners:
            continue
        form.short = True
        if len(owners) == 1:
            union.join(owners[0].key, form.key)
        else:  # "Anna Berg" and "Peter Berg": each "Berg" goes to the one named last
            form.owners = [o.key for o in owners]


def _join_name_words(forms: dict[str, Form], union: Union) -> None:
    """"Lula" is the "Luiz Inácio Lula da Silva" of the same text: a person's one-word name that
    is an inner word of one person's full name and a word of no other name in the text (of any
    kind: "Inácio" beside an "Inácio Santos" is left alone) is that person. First and last
    words are :func:`_join_surnames`'s."""
    holders: dict[str, list[Form]] = defaultdict(list)
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


def form_key(surface: str, kind: ActorKind) -> str:
    """Spellings of one name and kind share a key ("U.S." and "US" as places)."""
    return f"{name_key(surface)}/{kind}"


def _without_legal_form(words: list[str]) -> list[str]:
    """A company's name without the legal form that ends it ("Magna International Inc")."""
    suffixes = lexicon().corporate_suffixes
    cut = len(words)
    while cut > 1 and words[cut - 1].replace(".", "").rstrip(",") in suffixes:
        cut -= 1
    return words[:cut]


def _join_company_names(forms: dict[str, Form], union: Union) -> None:
    """"Magna" is "Magna International Inc" when the rest is only legal form."""
    for form in list(forms.values()):
        words = form.words
        name = _without_legal_form(words)
        if len(name) == len(words):
            continue
        short = forms.get(form_key(" ".join(name), form.kind))
        if short is not None and short is not form and not short.short:
            short.short = True
            union.join(form.key, short.key)


def _join_prefixes(forms: dict[str, Form], union: Union) -> None:
    """The name of a body that begins exactly one longer name of a body is that name ("Liberal"
    and "Liberal Party", "Studiocomix" and "Studiocomix Press", and in the plural "the
    Liberals"); with two candidates it is left alone rather than guessed. Places and people
    never: a city is not its state. Nor an acronym before more words in lower case: "DNC" is
    a name whole, and "the DNC Rules Committee" one of its bodies, not its full name."""
    lex = lexicon()
    longer: dict[str, list[Form]] = defaultdict(list)
    for form in forms.values():
        words = form.words
        for k in range(1, len(words)):
            longer[form_key(" ".join(words[:k]), form.kind)].append(form)
    for form in forms.values():
        if form.short or form.kind != "organization":
            continue  # "Kansas" is no short "Kansas City", nor "South Carolina" "South Carolina State"
        owners = [o for o in longer.get(form.key, ()) if o is not form]
        if not owners and len(form.words) == 1 and form.surface.endswith("s"):
            owners = longer.get(form_key(form.surface[:-1], form.kind), [])  # "the Liberals" of the Liberal Party
        if len(owners) == 1 and not owners[0].short and not _acronym_of_part(form, owners[0]) \
                and not _part_of(form, owners[0], lex):
            form.short = True
            union.join(owners[0].key, form.key)


_UNITS = frozenset({"Office", "School", "Department", "Bureau", "Committee", "Subcommittee", "Division", "Center",
                    "Centre", "Institute", "Faculty"})
"""Words of a body's unit, before what it does: "New York University School of Law"."""


def _part_of(form: Form, longer: Form, lex: Lexicon) -> bool:
    """Whether ``longer`` names a part or the members of the body ``form`` names rather than the
    body in full: its members ("House Democrats", "Senate Republicans") or, after a body's
    own word, a body of its own ("Senate Conservatives Fund"; "Congress Party" is Congress), or
    a unit's word and its link after it ("White House Office of Strategic Initiatives"; not
    "Planned Parenthood Federation of America", the body in full)."""
    rest = longer.words[len(form.words):]
    last = rest[-1] if rest else ""
    if last.endswith("s") and (last[:-1] in PARTY_MEMBERS or lex.is_demonym(last)):
        return True
    if len(rest) > 2 and rest[0] in _UNITS and rest[1] in ("of", "for", "on"):
        return True  # "White House Office of Strategic Initiatives": an office of the White House
    return len(form.words) == 1 and form.surface in lex.org_words and len(rest) > 1


def _join_endings(forms: dict[str, Form], union: Union) -> None:
    """A body's one-word name is the one longer name of a body that puts only a place or its
    people before it ("Commission" of "European Commission", "Citizen" of "Ottawa Citizen",
    "Orioles" of "Baltimore Orioles"). Not after any other words: "House" is not the "White
    House", nor "Congress" the "Republican Congress"; nor an acronym ("GOP" of "Indiana GOP")."""
    lex = lexicon()
    endings: dict[str, list[Form]] = defaultdict(list)
    for form in forms.values():
        if form.kind == "organization" and len(form.words) > 1:
            endings[form_key(form.words[-1], "organization")].append(form)
    for form in forms.values():
        owners = [o for o in endings.get(form.key, ()) if o is not form]
        if form.short or len(form.words) != 1 or form.surface.isupper() or len(owners) != 1 or owners[0].short:
            continue
        words = owners[0].words[:-1]
        before = " ".join(words[1:] if words[:1] in (["The"], ["THE"]) else words)  # "The Washington Post"
        if name_key(before) in lex.places or lex.is_demonym(before):
            form.short = True
            union.join(owners[0].key, form.key)


def _join_other_kinds(forms: dict[str, Form], union: Union) -> None:
    """A person's surname or a company's name without its legal form ("Trump" of "Donald Trump",
    "Apple" of "Apple Inc.") is that actor wherever the tagger read it as another kind: the full
    name decides. Not a known place ("Jordan"): the place is another actor; nor a body's
    shorter name ("Halden" of "Halden Press"): the town may be named too; nor a person's full
    name in a company's ("Dario Esposito" of "Dario Esposito Holdings")."""
    lex = lexicon()
    shorts: dict[str, list[Form]] = defaultdict(list)
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


def _acronym_of_part(short: Form, owner: Form) -> bool:
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
