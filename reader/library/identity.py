"""One actor per real-world entity across the library, from each article's own actors.

Each article's analysis already gathers the ways *that article* names someone ("Maria
Varga", then "Varga") into one actor. Across articles the evidence is thinner, and a
wrong merge is worse than a missed one: a journalist who sees two ministers' quotations
under one name stops trusting every other line. So the rules are conservative:

1. **Full names match.** Two articles' actors are one entity when they share a name of at
   least two words, compared without case, diacritics, dots, possessives or leading
   titles ("Chancellor Maria Varga's" = "maria varga"). Organisations and places also
   match on a one-word name or alias ("NATO"), within their kind.
2. **A bare surname never matches by itself.** An article's "Varga" was tied to a full
   name by that article's analysis, or it was not; another article's "Maria Varga" is
   no evidence. A *title or role* is: "Chancellor Varga" joins the one entity whose full
   name ends in "Varga" and whose role, in any article, has the head word "chancellor".
   Two candidates, or none, and it stays on its own (bare surnames with the same title
   are one entity among themselves).
3. **Two people who share a surname are never merged**: a union that would put "Maria
   Varga" and "Tomas Varga" in one entity is refused, whatever alias chain proposed it
   (an initial is compatible: "M. Varga" and "Maria Varga" are not a conflict).
4. **The user's corrections win.** Corrections for every article were applied to each
   article's actors before this step (as the window applies them); here they are applied
   again to the entities, so that a rename names the entity, a merge joins actors that
   never met in one article, and a hidden actor stays hidden everywhere.

Pure functions over plain records; no I/O, no spaCy.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from reader.analysis.gazetteer import Lexicon, lexicon
from reader.analysis.model import KINDS, ActorKind
from reader.library.folding import fold_name


@lru_cache(maxsize=2**16)
def name_words(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(words of the name, leading title words)``: "Chancellor Maria Varga" gives
    ``(("maria", "varga"), ("chancellor",))``. At least one word is always left as the name."""
    lex = lexicon()
    words = fold_name(name).split()
    titles: list[str] = []
    while len(words) > 1 and (lex.is_title(words[0]) or lex.is_honorific(words[0]) or words[0] in lex.role_modifiers):
        titles.append(words.pop(0))
    return tuple(words), tuple(titles)


@dataclass(frozen=True, slots=True)
class Appearance:
    """One article's actor after that article's corrections: what identity works on."""

    doc: str
    local: str
    name: str
    kind: ActorKind
    role: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    quotes: int = 0


@dataclass(slots=True)
class Entity:
    """An actor across the library: the articles' actors that are one real-world entity."""

    id: str
    name: str
    kind: ActorKind
    role: str | None
    aliases: list[str]
    members: list[Appearance]
    hidden: bool = False

    @property
    def articles(self) -> int:
        return len({m.doc for m in self.members})

    @property
    def mentions(self) -> int:
        return sum(m.mentions for m in self.members)

    @property
    def quotes(self) -> int:
        return sum(m.quotes for m in self.members)


@dataclass(slots=True)
class _Facts:
    """What one appearance offers for matching."""

    keys: set[str] = field(default_factory=set)
    full_names: set[tuple[str, ...]] = field(default_factory=set)
    surname: str | None = None  # set for a bare surname
    role_words: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)  # head words of titles and roles


def _facts(app: Appearance, lex: Lexicon) -> _Facts:
    facts = _Facts()
    title_words: list[str] = []
    for surface in (app.name, *app.aliases):
        words, titles = name_words(surface)
        title_words += titles
        if len(words) >= 2:
            facts.keys.add("name:" + " ".join(words))
            if app.kind == "person":
                facts.full_names.add(words)
        elif app.kind != "person" and words:
            facts.keys.add(f"{app.kind}:{words[0]}")
    role = fold_name(app.role or "").split() + title_words
    facts.role_words = {_singular(w) for w in role}
    facts.titles = {w for w in facts.role_words if lex.is_title(w)}
    if app.kind == "person" and not facts.keys:
        words, _ = name_words(app.name)
        facts.surname = words[-1] if words else None
    return facts


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two full names with the same surname can be one person ("M. Varga" = "Maria Varga")."""
    first_a, first_b = a[0], b[0]
    if first_a == first_b:
        return True
    return (len(first_a) == 1 and first_b.startswith(first_a)) or (len(first_b) == 1 and first_a.startswith(first_b))


def _conflict(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> bool:
    return any(x[-1] == y[-1] and not _compatible(x, y) for x in a for y in b)


class _Groups:
    """Union–find over appearances that refuses unions of people sharing a surname."""

    def __init__(self, facts: Sequence[_Facts]) -> None:
        self.parent = list(range(len(facts)))
        self.names = [set(f.full_names) for f in facts]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int, *, force: bool = False) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b:
            return True
        if not force and _conflict(self.names[a], self.names[b]):
            return False
        if b < a:
            a, b = b, a
        self.parent[b] = a
        self.names[a] |= self.names[b]
        return True


def identify(appearances: Sequence[Appearance], corrections: Sequence[Mapping[str, Any]] = ()) -> list[Entity]:
    """Group the articles' actors into entities (rules in the module docstring).

    ``corrections`` are the user's corrections for every article (``document`` ``None``),
    oldest first, as :class:`notes.records.Correction` JSON. Hidden entities are returned
    with ``hidden`` set, so their mentions are known to belong to nobody.
    """
    lex = lexicon()
    apps = sorted(appearances, key=lambda a: (a.doc, a.local))
    facts = [_facts(a, lex) for a in apps]
    groups = _Groups(facts)
    owner: dict[str, int] = {}
    for i, f in enumerate(facts):
        for key in sorted(f.keys):
            if key in owner:
                groups.union(owner[key], i)
            else:
                owner[key] = i
    _link_surnames(apps, facts, groups)
    members: dict[int, list[int]] = {}
    for i in range(len(apps)):
        members.setdefault(groups.find(i), []).append(i)
    entities = [_entity([apps[i] for i in idx], [facts[i] for i in idx]) for idx in members.values()]
    entities = _apply(entities, corrections)
    return _with_ids(entities)


def _link_surnames(apps: Sequence[Appearance], facts: Sequence[_Facts], groups: _Groups) -> None:
    """Rule 2: a bare surname with a title joins the one full name its title fits."""
    roles: dict[int, set[str]] = {}
    surnames: dict[str, set[int]] = {}
    for i, f in enumerate(facts):
        root = groups.find(i)
        roles.setdefault(root, set()).update(f.role_words)
        for name in f.full_names:
            surnames.setdefault(name[-1], set()).add(root)
    unlinked: dict[tuple[str, frozenset[str]], int] = {}
    for i, f in enumerate(facts):
        if f.surname is None or not f.titles:
            continue
        scored = [(len(roles.get(r, set()) & f.role_words), r) for r in surnames.get(f.surname, ())
                  if roles.get(r, set()) & f.titles]
        scored.sort(reverse=True)
        if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            groups.union(scored[0][1], i)
            continue
        key = (f.surname, frozenset(f.titles))
        if key in unlinked:
            groups.union(unlinked[key], i)
        else:
            unlinked[key] = i


def _entity(apps: list[Appearance], facts: list[_Facts]) -> Entity:
    full = Counter(n for f in facts for n in f.full_names)
    names = Counter(a.name for a in apps)
    if full:
        best = max(full, key=lambda n: (full[n], len(n), n))
        # the spelling of that name the articles use most, without a title ("Chancellor …")
        spellings = Counter(s for a in apps for s in (a.name, *a.aliases) if name_words(s)[0] == best)
        name = max(spellings, key=lambda s: (names[s], spellings[s], -len(s), s))
    else:
        name = max(names, key=lambda n: (names[n], len(n), n))
    weight: Counter[ActorKind] = Counter()
    for a in apps:
        weight[a.kind] += max(a.mentions, 1)
    kind = max(KINDS, key=lambda k: (weight[k], -KINDS.index(k)))
    roles = Counter(a.role for a in apps if a.role)
    role = max(roles, key=lambda r: (roles[r], len(r))) if roles else None
    return Entity("", name, kind, role, _aliases(name, (s for a in apps for s in (a.name, *a.aliases))), apps)


def _aliases(name: str, surfaces: Iterable[str]) -> list[str]:
    """Distinct other names, most used first (one spelling per folded form)."""
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    own = fold_name(name)
    for surface in surfaces:
        folded = fold_name(surface)
        if folded and folded != own:
            counts[folded] += 1
            spelling.setdefault(folded, surface)
    return [spelling[f] for f in sorted(counts, key=lambda f: (-counts[f], f))]


def _apply(entities: list[Entity], corrections: Sequence[Mapping[str, Any]]) -> list[Entity]:
    """Rule 4: the user's corrections for every article, applied to the entities in order."""
    for correction in corrections:
        if correction.get("document") is not None:
            continue
        entity = find_entity(entities, correction.get("actor"))
        if entity is None:
            continue
        action, value = correction.get("action"), correction.get("value")
        if action == "rename" and isinstance(value, str) and value.strip():
            entity.aliases = _aliases(value.strip(), [entity.name, *entity.aliases])
            entity.name = value.strip()
        elif action == "kind" and value in KINDS:
            entity.kind = value
        elif action == "hide":
            entity.hidden = True
        elif action == "merge":
            target = find_entity(entities, value)
            if target is not None and target is not entity:
                target.members += entity.members
                target.aliases = _aliases(target.name, [*target.aliases, entity.name, *entity.aliases])
                target.role = target.role or entity.role
                target.hidden = target.hidden or entity.hidden
                entities = [e for e in entities if e is not entity]
    return entities


def find_entity(entities: Sequence[Entity], name: Any) -> Entity | None:
    """The entity called ``name``; else the only one with it as an alias; else ``None``."""
    if not isinstance(name, str) or not fold_name(name):
        return None
    folded = fold_name(name)
    for matches in ([e for e in entities if fold_name(e.name) == folded],
                    [e for e in entities if any(fold_name(a) == folded for a in e.aliases)]):
        if len(matches) == 1:
            return matches[0]
        if matches:
            return None
    return None


def _with_ids(entities: list[Entity]) -> list[Entity]:
    """Stable ids from kind and name (``person:maria varga``), numbered when two share both."""
    entities.sort(key=lambda e: (-e.articles, -e.mentions, fold_name(e.name), min(m.doc for m in e.members)))
    seen: Counter[str] = Counter()
    for entity in entities:
        base = f"{entity.kind}:{fold_name(entity.name)}"
        seen[base] += 1
        entity.id = base if seen[base] == 1 else f"{base}#{seen[base]}"
    return entities
