"""What the speaker ranker's layout reads in sentences written for these tests: which words
are speech cues, and which candidates a quotation has."""

from __future__ import annotations

import pytest

from reader.analysis.candidates import Layout
from reader.analysis.cues import speech_cues
from reader.analysis.engine import Engine
from reader.analysis.pipeline import analyze_parsed
from reader.analysis.quotemarks import find_quoted_spans


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def layout(engine: Engine, text: str) -> Layout:
    return Layout(engine.parse(text), find_quoted_spans(text), speech_cues())


def cue_words(lay: Layout) -> list[str]:
    return [lay.tok.words[k] for k, n in enumerate(lay.cue) if n]


def test_a_cue_word_used_as_a_noun_is_no_cue(engine: Engine) -> None:
    text = ("Sales were \"far too low\", according to a note from Harbour Capital. "
            "The report found the same, and their brief reply came late. Ines Vogt noted the gap.")
    assert cue_words(layout(engine, text)) == ["according", "noted"]


def test_a_cue_after_a_name_or_a_pronoun_stays_a_cue(engine: Engine) -> None:
    text = "\"We are ready,\" the former said. Lund state, \"Not yet.\" She reports that the vote failed."
    assert cue_words(layout(engine, text)) == ["said", "state", "reports"]


def test_according_to_a_note_names_the_note_as_the_source(engine: Engine) -> None:
    """Through the shipped models: "note" in "a note" is no cue, so "according to" reaches the note
    and the sentence's subject ("The operator's figures") does not speak."""
    text = ("Ferry bookings on the island fell sharply this summer. The operator's figures were \"a long way "
            "below\" its own forecast, according to a note from Harbour Capital, which lowered its rating.")
    (quote,) = analyze_parsed(engine.parse(text)).quotes
    assert quote.speaker_start is not None and quote.speaker_end is not None
    assert text[quote.speaker_start:quote.speaker_end] == "a note"
    assert quote.cue == "according to"


@pytest.mark.parametrize(("text", "speaker"), [
    ("The festival closed on Sunday.\n\n\"We argued for three hours and agreed in the end,\" the chair of the "
     "judging panel, Harriet Ormsby, said on Sunday.", "Harriet Ormsby"),
    ("Harriet Ormsby chaired the panel.\n\nThe head of the regional arts council, Peter Lamb, said: "
     "\"It was a strong year.\"", "Peter Lamb"),
])
def test_a_name_apposed_to_a_role_with_its_complement_is_the_speaker(engine: Engine, text: str, speaker: str) -> None:
    """"The head of the council, Peter Lamb, said": the reader is shown (and the quote given to)
    the name, not "The head" alone resolved to whoever spoke before."""
    analysis = analyze_parsed(engine.parse(text))
    names = {a.id: a.name for a in analysis.actors}
    (quote,) = analysis.quotes
    assert quote.speaker_start is not None and quote.speaker_end is not None
    assert text[quote.speaker_start:quote.speaker_end] == speaker
    assert names[quote.speaker or ""] == speaker and quote.speaker_via == "named"
