"""Names the tagger cut at their particles, and Irish names whose particles it does not know.

CoNLL, on which the tagger learned, holds few names with particles, and the tagger often cuts
a name at its lower-case particles into two names, of any kinds: "Sofia van den Broek" as two
places, "Patrícia dos Reis" as a body and a person, "Gareth ap Rhys" and "Mwangi wa Kariuki"
as two people, "Banco Comercial do Atlântico" as two bodies. ``particle_bridges``: two names
of one line with nothing but lower-case particles between them are one name. It is a person's
when either part was read as one, or when a particle only people's names have joins them (two
places around "van den" are no place); else a body's when either part was one, else a place's
("Rio" and "Janeiro" around "de").

Irish names open their surnames with capitalised particles ("Ó", "Ní", "Nic", "Uí", "Mhic",
"Ua") that the tagger does not know either: it reads "Máire Ní Fhlatharta" as a body and
leaves "Aisling" out of "Aisling Ó Sé". ``patronymics``: a name of two to five words with such
a particle before a capitalised word is a person's, and a capitalised word right before one
that opens with the particle is the given name, unless the lists know it as a title, a place,
a demonym or a word written in lower case, or it opens the sentence.
"""

from __future__ import annotations

import re

from reader.analysis.engine import Parsed
from reader.analysis.gazetteer import fold, lexicon
from reader.analysis.names import PARTICLES, name_key, sentence_starts_at
from reader.analysis.tagger import Span

BRIDGE_PARTICLES = PARTICLES | {"wa", "do", "i"}
"""The particles that may stand between two parts of one name: those of :data:`PARTICLES` (the
Welsh "ap" and Kikuyu "wa" among them), the Portuguese "do" ("Banco Comercial do Atlântico")
and the Catalan "i" between two surnames ("Montserrat Puigvert i Ferrer")."""

PERSON_PARTICLES = frozenset({"van", "von", "der", "den", "ter", "ten", "op", "zu", "ap", "wa", "bin", "ibn", "ben"})
"""Particles found in people's names only: "de", "da", "do", "del", "la" join places' names too."""

_BRIDGE = re.compile(r"[ \t]+(?:(?:" + "|".join(sorted(BRIDGE_PARTICLES)) + r")[ \t]+){1,3}")
_ACTOR_LABELS = ("PER", "ORG", "LOC")

IRISH_PARTICLES = frozenset({"Ó", "Ní", "Nic", "Uí", "Mhic", "Ua"})
"""Capitalised particles of Irish surnames ("Ó Sé", "Ní Fhlatharta", "Nic Giolla Bhríde")."""

_WORD_BEFORE = re.compile(r"(?<![\w'\u2019.-])([A-ZÀ-Þ][^\W\d_]+)[ \t]+$")


def with_particle_bridges(parsed: Parsed, spans: list[Span]) -> list[Span]:
    """``spans`` where two names with only lower-case particles between them are one (see the
    module docstring)."""
    text = parsed.text
    out: list[Span] = []
    for span in spans:
        last = out[-1] if out else None
        if last is not None and last.label in _ACTOR_LABELS and span.label in _ACTOR_LABELS \
                and text[span.start:span.start + 1].isupper() and text[last.end - 1:last.end].isalpha() \
                and text[last.start:last.end].rsplit(None, 1)[-1][:1].isupper():
            gap = _BRIDGE.fullmatch(text, last.end, span.start)
            if gap is not None:
                out[-1] = Span(last.start, span.end, _bridged_label(last, span, gap.group().split()))
                continue
        out.append(span)
    return out


def _bridged_label(first: Span, second: Span, particles: list[str]) -> str:
    labels = {first.label, second.label}
    if "PER" in labels or any(p in PERSON_PARTICLES for p in particles):
        return "PER"
    return "ORG" if "ORG" in labels else "LOC"


def with_patronymics(parsed: Parsed, spans: list[Span]) -> list[Span]:
    """``spans`` where a name with an Irish surname's particle is a person's, with the given
    name the tagger left out before it (see the module docstring)."""
    text = parsed.text
    out: list[Span] = []
    for span in spans:
        if span.label in _ACTOR_LABELS and _irish_name(text[span.start:span.end]):
            start = _given_name_start(text, span.start) \
                if text[span.start:span.end].split()[0] in IRISH_PARTICLES else None
            if start is not None and (not out or out[-1].end <= start):
                span = Span(start, span.end, "PER")
            elif span.label != "PER":
                span = Span(span.start, span.end, "PER")
        out.append(span)
    return out


def _irish_name(name: str) -> bool:
    """Whether ``name`` is two to five words with an Irish particle before a capitalised word
    and no word of a body's or a place's name."""
    words = name.split()
    lex = lexicon()
    return 1 < len(words) <= 5 and any(w in IRISH_PARTICLES and words[i + 1][:1].isupper()
                                       for i, w in enumerate(words[:-1])) \
        and not any(w in lex.org_words or w in lex.corporate_suffixes or w in lex.place_words for w in words)


def _given_name_start(text: str, start: int) -> int | None:
    """Where a given name right before the name at ``start`` starts, or None."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return None
    word = before.group(1)
    lex = lexicon()
    if sentence_starts_at(text, before.start()) or lex.is_title(word) or lex.is_honorific(word) \
            or lex.is_demonym(word) or fold(word) in lex.not_names or name_key(word) in lex.places \
            or word.lower() in lex.lower_words:
        return None
    return before.start()
