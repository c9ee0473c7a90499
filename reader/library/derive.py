"""From the articles' analyses and the user's corrections to actors and quotations across the library.

Each article's analysis is corrected as the window corrects it (the corrections for every
article, then the article's own, in the order they were made), its actors become
:class:`~reader.library.identity.Appearance` s, and :func:`~reader.library.identity.identify`
groups them into entities. Quotations then name their speaker's entity; notes count for
the entities they name. Pure functions: the index writes what they return.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from notes.records import Annotation, Correction
from reader.analysis.corrections import apply_corrections
from reader.analysis.model import Actor, Analysis
from reader.library.identity import Appearance, Entity, identify
from reader.library.index import IndexedArticle, IndexedNote


@dataclass(frozen=True, slots=True)
class QuoteEntry:
    doc: str
    start: int
    end: int
    text: str
    actor: str | None  # the speaker's entity id


@dataclass(slots=True)
class Derived:
    """Everything the index derives from the analyses and corrections (not the notes)."""

    entities: list[Entity] = field(default_factory=list)
    quotes: list[QuoteEntry] = field(default_factory=list)
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # doc → (actors, quotes)

    def entity_of(self) -> dict[tuple[str, str], str]:
        """(document, article actor id) → entity id, for every visible entity."""
        return {(m.doc, m.local): e.id for e in self.entities if not e.hidden for m in e.members}


def derive(articles: Iterable[IndexedArticle], corrections: Sequence[Correction]) -> Derived:
    """Correct each analysed article, find the entities across them, attribute the quotations."""
    every = [c.to_json() for c in corrections if c.document is None]
    own: dict[str, list[dict[str, Any]]] = {}
    for c in corrections:
        if c.document is not None:
            own.setdefault(c.document, []).append(c.to_json())
    summaries = []
    for article in articles:
        parsed = article.parsed()
        if parsed is not None:
            summaries.append(_summary(article.doc, *parsed, every + own.get(article.doc, [])))
    derived = Derived(identify([a for s in summaries for a in s.appearances()], every))
    entity_of = derived.entity_of()
    for summary in summaries:
        doc = summary.doc
        for (start, end, speaker), text in zip(summary.quotes, summary.texts):
            actor = entity_of.get((doc, speaker)) if speaker else None
            derived.quotes.append(QuoteEntry(doc, start, end, text, actor))
        actors = {entity_of[(doc, a.id)] for a in summary.actors if (doc, a.id) in entity_of}
        derived.counts[doc] = (len(actors), len(summary.quotes))
    return derived


@dataclass(slots=True)
class _Summary:
    """What derivation needs of one corrected analysis: its actors, how often each is
    mentioned (by name or by a role phrase that refers to it, as the window counts), and its
    quotations (start, end, speaker) with their texts."""

    doc: str
    actors: list[Actor]
    mentions: Counter[str]
    quotes: list[tuple[int, int, str | None]]
    texts: list[str]

    def appearances(self) -> list[Appearance]:
        quoted = Counter(speaker for _, _, speaker in self.quotes if speaker)
        return [Appearance(self.doc, a.id, a.name, a.kind, a.role, tuple(a.aliases), self.mentions[a.id], quoted[a.id])
                for a in self.actors]


def _summary(doc: str, data: dict[str, Any], texts: list[str], corrections: list[dict[str, Any]]) -> _Summary:
    """The article's analysis with its corrections applied (by :func:`apply_corrections`, as the
    window applies them); read straight from the JSON when no correction names one of its
    actors, since then there is nothing to apply (most articles: this is most of the time)."""
    actors = [Actor(**a) for a in data.get("actors", [])]
    names = {n.casefold() for a in actors for n in (a.name, *a.aliases)}
    if any(str(c.get("actor", "")).strip().casefold() in names for c in corrections):
        analysis = apply_corrections(Analysis.from_json(data), corrections)
        mentioned = Counter(m.actor for m in analysis.mentions)
        mentioned.update(r.actor for r in analysis.references)
        return _Summary(doc, analysis.actors, mentioned,
                        [(q.start, q.end, q.speaker) for q in analysis.quotes], texts)
    mentioned = Counter(m["actor"] for m in (*data.get("mentions", []), *data.get("references", [])))
    return _Summary(doc, actors, mentioned,
                    [(q["start"], q["end"], q.get("speaker")) for q in data.get("quotes", [])], texts)


def note_names(annotation: Annotation) -> list[str]:
    """The actors a note names: those mentioned in its passage, and the actor or speaker it is attached to."""
    names = list(annotation.actors)
    target = annotation.target or {}
    for key in ("actor", "speaker"):
        value = target.get(key)
        if isinstance(value, str) and value:
            names.append(value)
    return names


def note_links(notes: Iterable[IndexedNote], local: Mapping[str, Mapping[str, str]],
               everywhere: Mapping[str, str]) -> set[tuple[str, str]]:
    """(entity id, note id) for each entity a note names: by the names of its own article's
    actors first (``local``: document → folded name → entity), else by a name only one entity
    of the library has (``everywhere``)."""
    links: set[tuple[str, str]] = set()
    for note in notes:
        names = local.get(note.doc, {})
        for folded in note.names:
            actor = names.get(folded) or everywhere.get(folded)
            if actor:
                links.add((actor, note.id))
    return links


def unique_names(entities: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    """Folded name → entity id, for the (folded) names and aliases that only one entity has."""
    owners: dict[str, set[str]] = {}
    for actor, names in entities:
        for name in names:
            owners.setdefault(name, set()).add(actor)
    return {name: next(iter(ids)) for name, ids in owners.items() if len(ids) == 1 and name}
