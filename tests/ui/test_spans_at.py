"""What the reading view finds at a place of the text (reader/ui/spans_at.py), without a window."""

from __future__ import annotations

from reader.analysis.model import Actor, Analysis, Mention, Quote, Reference
from reader.ui.spans_at import SpansAt

TEXT = "Ilse Brandt spoke. The finance minister said: “We wait.” Brandt left."


def analysis() -> Analysis:
    return Analysis(actors=[Actor("a1", "Ilse Brandt", "person", "finance minister")],
                    mentions=[Mention(57, 63, "a1"), Mention(0, 11, "a1")],
                    references=[Reference(19, 39, "a1")],
                    quotes=[Quote(46, 56, "a1")])


def test_each_span_is_found_inside_it_and_nowhere_else() -> None:
    spans = SpansAt.of(analysis())
    assert spans.mention_at(0) == Mention(0, 11, "a1") and spans.mention_at(60) == Mention(57, 63, "a1")
    assert spans.mention_at(11) is None and spans.reference_at(25) == Reference(19, 39, "a1")
    assert spans.quote_at(50) is not None and spans.quote_at(45) is None
    assert SpansAt.of(None).mention_at(0) is None


def test_the_tooltip_names_the_actor_its_mentions_and_says_nothing_of_hidden_kinds() -> None:
    spans = SpansAt.of(analysis())
    tip = spans.tooltip(analysis(), TEXT, 3, hidden=set())
    assert "<b>Ilse Brandt</b>" in tip and "3 mentions (1 by description)" in tip
    assert "refers to <b>Ilse Brandt</b>" in spans.tooltip(analysis(), TEXT, 25, hidden=set())
    assert spans.tooltip(analysis(), TEXT, 3, hidden={"person"}) == ""
