"""Named actors: one actor per person, organisation or place of the document.

On top of the model's entities: spans are cleaned (:mod:`names`), spellings of one name
are one actor whatever label the model gave each ("label consistency"), surnames join
the full name, short company names their legal name, acronyms their expansion; each
actor gets one kind from the document's evidence (:mod:`kinds`); names the model missed
elsewhere in the text become mentions too; people get the role the text gives them.
Everything here is linear in the length of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from reader.analysis.cues import speech_cues
from reader.analysis.engine import Parsed, Token
from reader.analysis.gazetteer import Lexicon, lexicon
from reader.analysis.kinds import (DATELINE, LABEL_KINDS, OFFICER, PLACE_NOUN, PLACE_PREPOSITION, SPEAKER, TITLE, decide,
                                   name_evidence)
from reader.analysis.model import Actor, ActorKind, Mention
from reader.analysis.names import clean_entity, event_follows, name_key
from reader.analysis.roles import role_after, role_before, role_object_before, title_before

MAX_NAME_TOKENS = 8
_NOT_ACTOR_LABELS = frozenset({"NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE", "DATE", "TIME",
                               "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"})
_PROPER_TAGS = frozenset({"NNP", "NNPS"})
_FINITE_VERB_TAGS = frozenset({"VBD", "VBZ"})
_DATELINE = re.compile(r"^[ \t]*([A-Z][A-Z.'\-]+(?:[ \t]+[A-Z][A-Z.'\-]+)*)(?:[ \t]*,[ \t]*[A-Z][A-Za-z.]+)?"
                       r"(?:[ \t]+\d{4}-\d\d-\d\d|[ \t]+\([A-Za-z]+\)|[ \t]*[\u2013\u2014])", re.M)
_ACRONYM_AFTER = re.compile(r"[ \t]*\([ \t]*([A-Z][A-Za-z&]*[A-Z])[ \t]*\)")
_WORD_BEFORE = re.compile(r"(\S+)[ \t]+$")
_NEXT_NAME = re.compile(r"[ \t]+([A-Z])")
_NEXT_WORD = re.compile(r"[ \t]+(\w)")
_WORD_AFTER = re.compile(r"(?:[ \t]?['\u2019]s)?[ \t]+([\w\-]+)")
_PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "across", "into", "throughout", "around", "from", "to"})
_PLACE_NOUNS = frozenset({"city", "town", "village", "capital", "province", "region", "state", "port", "district",
                          "island", "republic", "suburb", "outskirts", "county", "enclave", "area"})
_TEAM = r"[A-Z][\w.'&\-]*(?:[ \t]+[A-Z][\w.'&\-]*){0,3}"
_NUMBER = r"(?:[-+]?\d[\d.,/:\-]*|\.\d+|-)"
_TABLE_ROW = re.compile(rf"^[ \t]*({_TEAM})(?:[ \t]+{_NUMBER}){{2,}}[ \t]*$", re.M)
_RESULT = re.compile(rf"^[ \t]*({_TEAM})[ \t]+\d+[ \t]+({_TEAM})[ \t]+\d+\b", re.M)
_FIXTURE = re.compile(rf"^[ \t]*({_TEAM})[ \t]+(?:AT|at|v|vs\.?|versus)[ \t]+({_TEAM})[ \t]*$", re.M)
_WORDS = re.compile(r"[^\W\d_][\w'\u2019-]*")
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "by", "with",
                          "from", "as", "vs", "is"})
_ACRONYM_SKIP = frozenset({"of", "and", "the", "for", "de", "la", "du", "des", "&", "in", "on", "to"})


@dataclass(slots=True)
class _Form:
    """One spelling of a name (by :func:`name_key`) and the evidence gathered for it."""

    key: str
    surfaces: Counter[str] = field(default_factory=Counter)
    votes: Counter[ActorKind] = field(default_factory=Counter)
    evidence: Counter[ActorKind] = field(default_factory=Counter)
    first: int = 0
    words: int = 1
    short: str | None = None  # "surname" or "company": the full name decides the kind
    owners: list[str] = field(default_factory=list)  # full names sharing this surname, when several
    team: int = 0  # mentions heading a row of a results table: a team, unless a person or a country
    spoke: int = 0  # mentions right before a speech verb: a nudge towards a person, once all are joined

    @property
    def surface(self) -> str:
        """The usual spelling, preferring mixed case to a shouted headline."""
        return max(self.surfaces, key=lambda s: (not s.isupper(), self.surfaces[s], -len(s)))


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    key: str


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


def find_actors(parsed: Parsed) -> tuple[list[Actor], list[Mention]]:
    """The actors of one text and their name mentions, sorted and non-overlapping."""
    lex = lexicon()
    text = parsed.text
    tags = {t.start: t.tag for t in parsed.tokens}
    headlines = _headline_lines(text)
    forms: dict[str, _Form] = {}
    mentions: dict[tuple[int, int], _Mention] = {}

    def add(start: int, end: int, vote: ActorKind | None, evidence: Counter[ActorKind] | None = None) -> _Form:
        surface = text[start:end]
        key = name_key(surface)
        form = forms.get(key)
        if form is None:
            form = forms[key] = _Form(key, first=start, words=len(surface.split()))
            form.evidence.update(name_evidence(surface, lex))
        form.surfaces[surface] += 1
        if vote:
            form.votes[vote] += 1
        if evidence:
            form.evidence.update(evidence)
        mentions[(start, end)] = _Mention(start, end, key)
        return form

    for start, end in _datelines(text):
        add(start, end, None, Counter({"place": DATELINE}))
    for ent in parsed.entities:
        kind = LABEL_KINDS.get(ent.label)
        if kind is None:
            continue
        in_headline = _inside(headlines, ent.start)
        if _role_object(text, ent.start, ent.end, lex):
            continue
        for piece in clean_entity(text, _after_role(text, ent.start, ent.end, kind == "person", lex), ent.end,
                                  kind == "person", lex):
            if (piece.start, piece.end) in mentions:
                continue
            if in_headline and name_key(text[piece.start:piece.end]) not in lex.places:
                continue  # the model guesses wildly on capitals; known names come back below
            evidence = _context_evidence(text, piece.start, piece.end, piece.titled, tags, lex)
            form = add(piece.start, piece.end, kind if piece.voted and not in_headline else None, evidence)
            form.spoke += _speaks(text, piece.end, tags)
            acronym = _ACRONYM_AFTER.match(text, piece.end)
            if acronym and form.words > 1 and _initials(text[piece.start:piece.end]).startswith(acronym.group(1)[0]):
                add(acronym.start(1), acronym.end(1), kind if piece.voted else None)

    taken = sorted(mentions)
    for start, end in _team_slots(text):
        key = name_key(text[start:end])
        if key in forms and (start, end) in mentions:
            forms[key].team += 1
        elif (key in forms or key in lex.places) and not _overlaps(taken, start, end):
            add(start, end, None).team += 1

    union = _Union()
    _join_acronyms(forms, union)
    _join_surnames(forms, union)
    _join_company_names(forms, union, lex)

    _find_missed(parsed, forms, mentions, headlines, tags, lex)
    return _assemble(text, forms, mentions, union, tags, lex)


def _context_evidence(text: str, start: int, end: int, titled: bool, tags: dict[int, str],
                      lex: Lexicon) -> Counter[ActorKind]:
    """A title right before a name, or a role in an appositive after it ("Holm, the fisheries
    minister,"), says person; a title right after it ("Surrey captain", "NATO chief") a body with
    that officer; "in", "near", "outside" say place."""
    if titled or title_before(text, start, lex) or role_after(text, end, tags, lex):
        return Counter({"person": TITLE})
    after = _WORD_AFTER.match(text, end)
    if after and lex.is_title(after.group(1)) and not lex.is_honorific(after.group(1)):
        return Counter({"organization": OFFICER})
    before = _WORD_BEFORE.search(text, max(0, start - 12), start)
    if before and before.group(1) in _PLACE_PREPOSITIONS:
        return Counter({"place": PLACE_PREPOSITION})
    if before and before.group(1) == "of":  # "the northern city of Arbil"
        noun = _WORD_BEFORE.search(text, max(0, before.start() - 16), before.start())
        if noun and noun.group(1).lower() in _PLACE_NOUNS:
            return Counter({"place": PLACE_NOUN})
    return Counter()


def _speaks(text: str, end: int, tags: dict[int, str]) -> bool:
    """A speech verb in the past or present tense follows the name ("Varga said", "… told
    reporters"): its subject speaks, as people mostly do in news (bodies too, hence a nudge)."""
    after = _NEXT_WORD.match(text, end)
    if after is None or tags.get(after.start(1)) not in _FINITE_VERB_TAGS:
        return False
    words = [w.lower() for w in _WORDS.findall(text, after.start(1), after.start(1) + 40)]
    return bool(words) and speech_cues().match(words, 0, len(words)) > 0


def _role_object(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """The span is what a title is for, right before a name ("Maritime Affairs" in "Commissioner for
    Maritime Affairs Helena Varga"): part of the role, not an actor (unless a well-known one)."""
    nxt = _NEXT_NAME.match(text, end)
    if nxt is None or name_key(text[start:end]) in lex.places or name_key(text[start:end]) in lex.organizations:
        return False
    obj = role_object_before(text, nxt.start(1), lex)
    return obj is not None and obj[0] <= start and end <= obj[1]


def _after_role(text: str, start: int, end: int, person: bool, lex: Lexicon) -> int:
    """Where a person's name of two or more words starts when the model's span swallowed the role
    before it ("Secretary of State Antony Blinken", "Maritime Affairs Helena Varga"): in a span the
    model took for a person, or one whose rest opens with a given name."""
    if role_object_before(text, start, lex) or name_key(text[start:end]) in lex.organizations:
        return start  # the span already starts on the name
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", text[start:end])]
    for k in range(1, len(words)):
        rest = [w for _, w in words[k:]]
        if sum(1 for w in rest if w[:1].isupper()) >= 2 and (person or rest[0] in lex.given_names) \
                and role_object_before(text, start + words[k][0], lex):
            return start + words[k][0]
    return start


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """Lines in capitals (headlines, datelines) and a first line in Title Case (the title), where
    the model's labels are noise."""
    out = []
    for number, m in enumerate(re.finditer(r"[^\n]+", text)):
        line = m.group()
        upper = sum(map(str.isupper, line))
        lower = sum(map(str.islower, line))
        if (upper >= 3 and upper > 4 * lower) or (number == 0 and m.end() < len(text) and len(line) <= 200 and _title_case(line)):
            out.append((m.start(), m.end()))
    if sum(e - s for s, e in out) > 0.8 * len(text):
        return []  # a text in capitals throughout (a telex): the model's labels are all there is
    return out


def _title_case(line: str) -> bool:
    words = [w for w in _WORDS.findall(line) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 4 and sum(1 for w in words if w[0].isupper()) >= 0.9 * len(words)


def _team_slots(text: str) -> Iterator[tuple[int, int]]:
    """Names heading a table row ("BOSTON 69 65 .515 5"), or facing each other in a result
    ("Pohang 3 Ulsan 2") or a fixture ("KANSAS CITY AT DETROIT")."""
    for m in _TABLE_ROW.finditer(text):
        yield m.start(1), m.end(1)
    for pattern in (_RESULT, _FIXTURE):
        for m in pattern.finditer(text):
            yield m.start(1), m.end(1)
            yield m.start(2), m.end(2)


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _datelines(text: str) -> Iterator[tuple[int, int]]:
    """"LONDON 1996-08-30", "WASHINGTON (Reuters)", "OSLO —": the capitals open a story with its place."""
    for m in _DATELINE.finditer(text):
        yield m.start(1), m.end(1)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w.lower() not in _ACRONYM_SKIP and w[0].isalpha()).upper()


def _join_acronyms(forms: dict[str, _Form], union: _Union) -> None:
    """"NATO" and "North Atlantic Treaty Organization" are one actor when both occur."""
    acronyms = {f.key: f for f in forms.values() if f.words == 1 and re.fullmatch(r"[A-Z&]{2,8}", f.surface.replace(".", ""))}
    if not acronyms:
        return
    for form in forms.values():
        if form.words < 2:
            continue
        letters = _initials(form.surface).casefold()
        if letters in acronyms:
            union.join(form.key, letters)


def _join_surnames(forms: dict[str, _Form], union: _Union) -> None:
    """"Stoltenberg" and "Suu Kyi" join the full name they end ("Jens Stoltenberg", "Aung San Suu Kyi");
    failing that, the one they begin ("Wang" for "Wang Donghai", where the family name comes first).

    A full name's last word is searched for even where the model never labelled it alone.
    """
    endings: dict[str, list[_Form]] = defaultdict(list)
    beginnings: dict[str, list[_Form]] = defaultdict(list)
    for form in list(forms.values()):
        words = form.surface.split()
        if len(words) < 2 or not _personal(form):
            continue
        for k in range(1, len(words)):
            endings[name_key(" ".join(words[k:]))].append(form)
            beginnings[name_key(" ".join(words[:k]))].append(form)
        surname = name_key(words[-1])
        if surname not in forms and len(surname) > 1:
            forms[surname] = _Form(surname, Counter({words[-1]: 0}), first=form.first)
    for form in forms.values():
        owners = [o for o in endings.get(form.key, ()) if o is not form] or \
            [o for o in beginnings.get(form.key, ()) if o is not form and _may_own(o, form)]
        if not owners:
            continue
        form.short = "surname"
        if len(owners) == 1:
            union.join(owners[0].key, form.key)
        else:  # "Anna Berg" and "Peter Berg": each "Berg" goes to the one named last (see _assemble)
            form.owners = [o.key for o in owners]


def _may_own(owner: _Form, short: _Form) -> bool:
    """Whether a full name may claim the word it begins with: only if its evidence outweighs what
    that word says against a person ("Pirelli" the company is no family name of a "Pirelli Cables"
    the model took for a person)."""
    against = short.votes["organization"] + short.votes["place"]
    return owner.evidence["person"] > 0 or against <= owner.votes["person"] + short.votes["person"]


def _personal(form: _Form) -> bool:
    total = form.votes + form.evidence
    return total["person"] > 0 and total["person"] >= max(total["organization"], total["place"])


def _join_company_names(forms: dict[str, _Form], union: _Union, lex: Lexicon) -> None:
    """"Magna" is "Magna International Inc" when the rest is only legal form."""
    for form in list(forms.values()):
        words = form.surface.split()
        cut = len(words)
        while cut > 1 and words[cut - 1].replace(".", "") in lex.corporate_suffixes:
            cut -= 1
        if cut == len(words):
            continue
        short = forms.get(name_key(" ".join(words[:cut])))
        if short is not None and short is not form and not short.short:
            short.short = "company"
            union.join(form.key, short.key)


def _find_missed(parsed: Parsed, forms: dict[str, _Form], mentions: dict[tuple[int, int], _Mention],
                 headlines: list[tuple[int, int]], tags: dict[int, str], lex: Lexicon) -> None:
    """Every other occurrence of a known name is a mention too (the model misses many), and so
    is a well-known place written as a name ("Tajikistan", "ROMANIA" in a headline)."""
    text = parsed.text
    known: dict[str, _Form | None] = dict.fromkeys(lex.places)
    known.update((k, f) for k, f in forms.items() if len(k) > 1 and k not in lex.not_names)
    longest = min(MAX_NAME_TOKENS, max((f.words for f in forms.values()), default=1) + 2)
    prefixes = lex.place_prefixes.union(k[:n] for k in forms for n in range(1, len(k) + 1))
    keys = [name_key(text[t.start:t.end]) for t in parsed.tokens]
    taken = sorted(mentions)
    blocked = sorted((e.start, e.end) for e in parsed.entities if e.label in _NOT_ACTOR_LABELS)
    tokens = parsed.tokens
    i = 0
    while i < len(tokens):
        match = _match_at(text, tokens, keys, i, longest, known, prefixes) if keys[i] in prefixes else None
        if match is None:
            i += 1
            continue
        n, key = match
        form = known[key]
        start, end = tokens[i].start, tokens[i + n - 1].end
        surface = text[start:end]
        loud = surface.isupper() or _inside(headlines, start)
        spelled = surface in form.surfaces if form is not None else surface[:1].isupper()
        ok = (spelled or (surface.isupper() and len(surface) > 1)) and not _overlaps(taken, start, end) \
            and not event_follows(text, end, lex)
        if ok and not loud:
            ok = (n > 1 or tags.get(start) in _PROPER_TAGS) and _alone(text, tokens, i, n, lex) and \
                not _within_other(blocked, start, end)
        if ok:
            if form is None:
                form = known[key] = forms[key] = _Form(key, Counter({surface: 0}), first=start, words=n)
                form.evidence.update(name_evidence(surface, lex))
            mentions[(start, end)] = _Mention(start, end, key)
            form.spoke += _speaks(text, end, tags)
            i += n
        else:
            i += 1


def _match_at(text: str, tokens: list[Token], keys: list[str], i: int, longest: int,
              known: dict[str, _Form | None], prefixes: set[str] | frozenset[str]) -> tuple[int, str] | None:
    """The longest known name starting at token ``i`` (tokens on one line only)."""
    key = ""
    best = None
    for n in range(longest):
        j = i + n
        if j >= len(tokens) or (n and "\n" in text[tokens[j - 1].end:tokens[j].start]):
            break
        if not keys[j]:
            break
        key += keys[j]
        if key not in prefixes:
            break
        if key in known:
            best = (n + 1, key)
    return best


def _alone(text: str, tokens: list[Token], i: int, n: int, lex: Lexicon) -> bool:
    """Not part of a longer capitalised name ("New York" inside "New York Stock Exchange")."""
    first, last = tokens[i], tokens[i + n - 1]
    if i > 0 and not first.sent_start:
        prev = tokens[i - 1]
        word = text[prev.start:prev.end]
        if _touching(text, prev.end, first.start) and _name_like(word, prev.tag, lex) and not lex.is_honorific(word):
            return False
    if i + n < len(tokens):
        nxt = tokens[i + n]
        if _touching(text, last.end, nxt.start) and _name_like(text[nxt.start:nxt.end], nxt.tag, lex):
            return False
    return True


def _touching(text: str, end: int, start: int) -> bool:
    return not text[end:start].strip(" \t")


def _name_like(word: str, tag: str, lex: Lexicon) -> bool:
    return (tag in _PROPER_TAGS and word[:1].isupper() and not lex.is_title(word) and not lex.is_demonym(word)
            and name_key(word) not in lex.not_names)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_left(spans, (start, start))
    if i > 0 and spans[i - 1][1] > start:
        return True
    return i < len(spans) and spans[i][0] < end


def _within_other(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Inside a longer non-actor entity ("Hong Kong" in "the Hong Kong Open")."""
    i = bisect_right(spans, (start, float("inf")))
    return any(s <= start and end <= e and (e - s) > (end - start) for s, e in spans[max(0, i - 3):i])


def _assemble(text: str, forms: dict[str, _Form], mentions: dict[tuple[int, int], _Mention], union: _Union,
              tags: dict[int, str], lex: Lexicon) -> tuple[list[Actor], list[Mention]]:
    groups: dict[str, list[_Form]] = defaultdict(list)
    for form in forms.values():
        groups[union.find(form.key)].append(form)
    counts = Counter(union.find(m.key) for m in mentions.values())
    kinds: dict[str, ActorKind] = {}
    for root, members in groups.items():
        deciding = [f for f in members if not f.short] or members
        score: Counter[ActorKind] = Counter()
        votes: Counter[ActorKind] = Counter()
        for f in deciding:
            score.update(f.evidence)
            votes.update(f.votes)
        if any(f.short == "surname" for f in members) and _personal_group(deciding):
            score["person"] += TITLE
        score["person"] += SPEAKER * sum(f.spoke for f in members)
        kind = decide(score, votes)
        team = sum(f.team for f in members)
        if team and kind != "person" and 2 * team >= counts[root] and not any(f.key in lex.countries for f in members):
            kind = "organization"  # "BOSTON 69 65 .515": a club named for its city
        if kind is not None:
            kinds[root] = kind

    firsts = {root: min(f.first for f in members) for root, members in groups.items()}
    used = {m.key for m in mentions.values()}
    last_seen: dict[str, int] = {}
    actors: dict[str, Actor] = {}
    out: list[Mention] = []
    last_end = -1
    for (start, end), m in sorted(mentions.items()):
        form = forms[m.key]
        root = union.find(m.key)
        if form.owners:
            roots = list(dict.fromkeys(union.find(k) for k in form.owners))
            seen = [r for r in roots if r in last_seen]
            root = max(seen, key=last_seen.__getitem__) if seen else min(roots, key=firsts.__getitem__)
        if root not in kinds or start < last_end:
            continue
        actor = actors.get(root)
        if actor is None:
            actor = actors[root] = _new_actor(f"a{len(actors) + 1}", groups[root], kinds[root], used)
        if form.owners and form.surface != actor.name and form.surface not in actor.aliases:
            actor.aliases.append(form.surface)
        out.append(Mention(start, end, actor.id))
        last_seen[root] = start
        last_end = end
        if actor.kind == "person" and actor.role is None:
            actor.role = role_before(text, start, tags, lex) or role_after(text, end, tags, lex)
    return list(actors.values()), out


def _personal_group(forms: list[_Form]) -> bool:
    return any(_personal(f) for f in forms)


def _new_actor(actor_id: str, members: list[_Form], kind: ActorKind, used: set[str]) -> Actor:
    ordered = sorted((f for f in members if f.key in used), key=lambda f: f.first)
    name_form = max(ordered, key=lambda f: (not f.surface.isupper(), f.words, sum(f.surfaces.values()), -f.first))
    name = name_form.surface
    aliases = [f.surface for f in ordered if f is not name_form and f.surface != name]
    return Actor(actor_id, name, kind, None, list(dict.fromkeys(aliases)))
