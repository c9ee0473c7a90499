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
from reader.analysis.model import Analysis
from reader.library.folding import fold_name
from reader.library.identity import Appearance, Entity, identify
from reader.library.index import IndexedArticle


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
    corrected: list[tuple[str, Analysis, list[str]]] = []
    appearances: list[Appearance] = []
    for article in articles:
        parsed = article.parsed()
        if parsed is None:
            continue
        data, texts = parsed
        analysis = _corrected(Analysis.from_json(data), every + own.get(article.doc, []))
        corrected.append((article.doc, analysis, texts))
        appearances.extend(appearances_of(article.doc, analysis))
    derived = Derived(identify(appearances, every))
    entity_of = derived.entity_of()
    for doc, analysis, texts in corrected:
        for quote, text in zip(analysis.quotes, texts):
            speaker = entity_of.get((doc, quote.speaker)) if quote.speaker else None
            derived.quotes.append(QuoteEntry(doc, quote.start, quote.end, text, speaker))
        actors = {entity_of[(doc, a.id)] for a in analysis.actors if (doc, a.id) in entity_of}
        derived.counts[doc] = (len(actors), len(analysis.quotes))
    return derived


def _corrected(analysis: Analysis, corrections: list[dict[str, Any]]) -> Analysis:
    """:func:`apply_corrections`, skipped (it copies the analysis) when no correction names
    one of the article's actors: a correction whose actor is not found changes nothing."""
    if not corrections:
        return analysis
    names = {n.casefold() for a in analysis.actors for n in (a.name, *a.aliases)}
    if not any(str(c.get("actor", "")).strip().casefold() in names for c in corrections):
        return analysis
    return apply_corrections(analysis, corrections)


def appearances_of(doc: str, analysis: Analysis) -> list[Appearance]:
    """The article's actors with how often each is mentioned and quoted."""
    mentions = Counter(m.actor for m in analysis.mentions)
    quotes = Counter(q.speaker for q in analysis.quotes if q.speaker)
    return [Appearance(doc, a.id, a.name, a.kind, a.role, tuple(a.aliases), mentions[a.id], quotes[a.id])
            for a in analysis.actors]


def note_names(annotation: Annotation) -> list[str]:
    """The actors a note names: those mentioned in its passage, and the actor or speaker it is attached to."""
    names = list(annotation.actors)
    target = annotation.target or {}
    for key in ("actor", "speaker"):
        value = target.get(key)
        if isinstance(value, str) and value:
            names.append(value)
    return names


def note_links(annotations: Iterable[Annotation], local: Mapping[str, Mapping[str, str]],
               everywhere: Mapping[str, str]) -> set[tuple[str, str]]:
    """(entity id, annotation id) for each entity a note names: by the names of its own
    article's actors first (``local``: document → folded name → entity), else by a name
    only one entity of the library has (``everywhere``)."""
    links: set[tuple[str, str]] = set()
    for annotation in annotations:
        names = local.get(annotation.document, {})
        for name in note_names(annotation):
            folded = fold_name(name)
            actor = names.get(folded) or everywhere.get(folded)
            if actor:
                links.add((actor, annotation.id))
    return links


def unique_names(entities: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    """Folded name → entity id, for the names (and aliases) that only one entity has."""
    owners: dict[str, set[str]] = {}
    for actor, names in entities:
        for name in names:
            owners.setdefault(fold_name(name), set()).add(actor)
    return {name: next(iter(ids)) for name, ids in owners.items() if len(ids) == 1 and name}
