"""Quotations through the real engine: the sample article of the acceptance checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis.actors import find_actors
from reader.analysis.engine import Engine, Parsed
from reader.analysis.quotes import find_quotes
from reader.bundled import sample_article
from reader.document import load

NATO = """It could be even worse – more deaths, more suffering, as Russia is carrying heavy weapons to Ukraine, \
NATO Secretary-General Jens Stoltenberg warned on Friday at the end of the meeting of foreign ministers: \
“We urge Putin to stop this war now.”

“We have been warning for months that Putin wants this war. The Kremlin’s ambitions are clear. \
The stakes are high”, Stoltenberg state, adding that Russia is bringing heavy weapons to Ukraine.

The NATO chief reiterated that NATO is not part of this conflict.

“We have a responsibility not to spread the war beyond Ukraine’s borders. NATO is a defensive alliance.

We want to keep diplomatic channels open. We have not made a final decision.”

As for the no-fly zone, Stoltenberg pointed out that allies agreed on it.

“Imposing a no-fly zone would lead to a wider war in Europe. That’s why we made this painful decision”, \
Stoltenberg explained.
"""


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine()


@pytest.fixture(scope="session")
def nato(engine: Engine) -> Parsed:
    return engine.parse(NATO)


def test_four_quotes_all_by_stoltenberg(nato: Parsed) -> None:
    actors, mentions = find_actors(nato)
    quotes = find_quotes(nato, actors, mentions)
    text = nato.text
    assert [text[q.start:q.start + 12] for q in quotes] == [
        "“We urge Put", "“We have bee", "“We have a r", "“Imposing a "]
    assert text[quotes[2].start:quotes[2].end].endswith("final decision.”")
    assert "\n\nWe want" in text[quotes[2].start:quotes[2].end]  # two paragraphs, one quote
    names = {a.id: a.name for a in actors}
    assert all(names[q.speaker].endswith("Stoltenberg") for q in quotes if q.speaker)
    assert [text[q.speaker_start:q.speaker_end] for q in quotes] == [
        "Jens Stoltenberg", "Stoltenberg", "The NATO chief", "Stoltenberg"]
    assert [q.cue for q in quotes] == ["warned", "state", "reiterated", "explained"]
    assert quotes[2].speaker is not None


def test_bundled_sample_speakers_and_cues(engine: Engine) -> None:
    article = load(Path(sample_article()))
    parsed = engine.parse(article.text)
    actors, mentions = find_actors(parsed)
    quotes = find_quotes(parsed, actors, mentions)
    text = parsed.text
    assert [(text[q.speaker_start:q.speaker_end], q.cue) for q in quotes if q.speaker_start is not None] == [
        ("Helena Varga", "promised"), ("Varga", "told"), ("Lars Holmgren", "warned"), ("Holmgren", "said"),
        ("Holmgren", "said"), ("Greenpeace", "called"), ("she", "said"), ("Pálsdóttir", "said")]
    assert text[quotes[2].start:quotes[2].end] == "“optimistic at best”"
    names = {a.id: a.name for a in actors}
    assert [names.get(q.speaker or "") for q in quotes] == [
        "Helena Varga", "Helena Varga", "Lars Holmgren", "Lars Holmgren", "Lars Holmgren", "Greenpeace",
        "Helena Varga", "Sigrún Pálsdóttir"]
    varga = next(a for a in actors if a.name == "Helena Varga")
    assert (varga.kind, varga.role, varga.aliases) == ("person", "European Commissioner for Maritime Affairs", ["Varga"])
    roles = {a.name: a.role for a in actors if a.kind == "person"}
    assert roles["Lars Holmgren"] == "Norway’s fisheries minister"
    assert roles["Sigrún Pálsdóttir"] == "Iceland’s prime minister"
    kinds = {a.name: a.kind for a in actors}
    assert kinds["Reykjavík"] == kinds["Tromsø"] == "place"
    assert "Maritime Affairs" not in kinds
