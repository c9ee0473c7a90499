"""The user's actor corrections: each action, in order, on a copy."""

from __future__ import annotations

import copy

from notes.records import Correction
from reader.analysis.corrections import apply_corrections
from reader.analysis.model import Actor, Analysis, Mention, Quote, Reference


def analysis() -> Analysis:
    return Analysis(
        actors=[Actor("a1", "Ingrid Dahl", "person", "chief executive", ["Dahl"]),
                Actor("a2", "Halvorsen Group", "organization", None, ["Halvorsen"]),
                Actor("a3", "Bergen", "person", None, []),
                Actor("a4", "Mrs Dahl", "person", None, [])],
        mentions=[Mention(0, 11, "a1"), Mention(20, 35, "a2"), Mention(40, 46, "a3"), Mention(50, 54, "a1"),
                  Mention(60, 68, "a4"), Mention(70, 79, "a2")],
        quotes=[Quote(100, 140, "a1", 50, 54, "said"), Quote(150, 190, "a4", 60, 68, "added"),
                Quote(200, 230, "a2", 70, 79, "said", "named")],
        references=[Reference(82, 93, "a2"), Reference(240, 257, "a4")],
    )


def correction(action: str, actor: str, value: str | None = None) -> dict:
    """A correction as the store hands it over."""
    return Correction(document="doc", action=action, actor=actor, value=value).to_json()


def test_input_is_never_changed() -> None:
    original = analysis()
    before = copy.deepcopy(original)
    result = apply_corrections(original, [correction("rename", "Ingrid Dahl", "Ingrid M. Dahl"),
                                          correction("merge", "Mrs Dahl", "Ingrid Dahl"),
                                          correction("hide", "Bergen"), correction("kind", "Halvorsen", "place")])
    assert original == before
    assert result is not original


def test_rename_keeps_the_old_name_as_an_alias() -> None:
    result = apply_corrections(analysis(), [correction("rename", "Ingrid Dahl", "Ingrid M. Dahl")])
    dahl = result.actor("a1")
    assert dahl is not None
    assert (dahl.name, dahl.aliases) == ("Ingrid M. Dahl", ["Dahl", "Ingrid Dahl"])


def test_actor_found_by_alias() -> None:
    result = apply_corrections(analysis(), [correction("rename", "Halvorsen", "Halvorsen Group ASA")])
    assert result.actor("a2").name == "Halvorsen Group ASA"


def test_kind() -> None:
    result = apply_corrections(analysis(), [correction("kind", "Bergen", "place")])
    assert result.actor("a3").kind == "place"


def test_unknown_kind_is_ignored() -> None:
    result = apply_corrections(analysis(), [correction("kind", "Bergen", "planet")])
    assert result.actor("a3").kind == "person"


def test_hide_removes_actor_mentions_and_speaker() -> None:
    result = apply_corrections(analysis(), [correction("hide", "Halvorsen Group")])
    assert [a.id for a in result.actors] == ["a1", "a3", "a4"]
    assert all(m.actor != "a2" for m in result.mentions) and len(result.mentions) == 4
    assert result.references == [Reference(240, 257, "a4")]  # "the company" no longer refers to anyone
    quote = result.quotes[2]
    assert (quote.speaker, quote.speaker_start, quote.speaker_end, quote.speaker_via) == (None, None, None, None)
    assert result.quotes[0].speaker == "a1"


def test_merge_moves_mentions_aliases_and_quotes() -> None:
    result = apply_corrections(analysis(), [correction("merge", "Mrs Dahl", "Dahl")])
    assert [a.id for a in result.actors] == ["a1", "a2", "a3"]
    dahl = result.actor("a1")
    assert dahl.aliases == ["Dahl", "Mrs Dahl"] and dahl.role == "chief executive"
    assert [m.actor for m in result.mentions] == ["a1", "a2", "a3", "a1", "a1", "a2"]
    assert [m.start for m in result.mentions] == sorted(m.start for m in result.mentions)
    assert result.quotes[1].speaker == "a1" and result.quotes[1].speaker_start == 60
    assert result.references == [Reference(82, 93, "a2"), Reference(240, 257, "a1")]


def test_corrections_apply_in_order_and_chain() -> None:
    result = apply_corrections(analysis(), [correction("rename", "Mrs Dahl", "Ingrid Dahl (senior)"),
                                            correction("merge", "Ingrid Dahl (senior)", "Ingrid Dahl"),
                                            correction("kind", "Ingrid Dahl", "organization")])
    dahl = result.actor("a1")
    assert dahl.kind == "organization"
    assert dahl.aliases == ["Dahl", "Ingrid Dahl (senior)", "Mrs Dahl"]
    assert result.actor("a4") is None


def test_stale_or_malformed_corrections_are_skipped() -> None:
    original = analysis()
    result = apply_corrections(original, [
        correction("rename", "Nobody Here", "X"),
        correction("merge", "Bergen", "Nowhere"),
        correction("merge", "Dahl", "Ingrid Dahl"),  # the same actor
        correction("rename", "Bergen", "   "),
        {"action": "explode", "actor": "Bergen", "value": None},
        {"actor": None},
        {},
    ])
    assert result == original


def test_case_insensitive_fallback() -> None:
    result = apply_corrections(analysis(), [correction("hide", "BERGEN")])
    assert result.actor("a3") is None
