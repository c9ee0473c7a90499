"""Causes of the errors of the fourth held-out set (``modern-heldout4.txt``, read after its
blind figure), each fixed generally. Every text is written here."""

from __future__ import annotations

from reader.analysis.kinds import Named
from reader.analysis.listed_places import listed_places

from tests.actor_checks import tagged, trimmed


def _shown(text: str, names: Named) -> list[tuple[str, str]]:
    return [(text[t[0]:t[1]], s.label) for s, t in names if t]


def test_a_list_after_of_or_from_names_places_only_for_names_written_once() -> None:
    text = ("Growers of Tarvik and Brevdal sold out. Flights from Olmsund and Vesterli doubled. "
            "The rivalry of Aker and Brekke is old. Brekke said so.")
    names = trimmed(text, tagged(text, ("Tarvik", "LOC"), ("Brevdal", "ORG"), ("Olmsund", "LOC"), ("Vesterli", "PER"),
                                ("Aker", "LOC"), ("Brekke", "PER"), ("Brekke", "PER")))
    assert [s.label for s, _ in listed_places(text, names)] == ["LOC", "LOC", "LOC", "LOC", "LOC", "PER", "PER"]


def test_a_list_after_to_is_left_as_read() -> None:
    text = "The club lost to Tarvik and Brevdal in the cup."
    names = trimmed(text, tagged(text, ("Tarvik", "LOC"), ("Brevdal", "ORG")))
    assert _shown(text, listed_places(text, names)) == [("Tarvik", "LOC"), ("Brevdal", "ORG")]
