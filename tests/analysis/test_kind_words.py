"""Words of a name that say what it names (issue 10, read of PolNeAR seeds 65 and 66): a
"person" whose last word ends places' or institutes' names and no one's ("Maricopa County",
"Bulgari Tower", "Brennan Center"), a company's words beside a person's role, two people's
surnames joined by a hyphen ("the Trump-Clinton race")."""

from __future__ import annotations

from reader.analysis.kinds import apposition_kinds, place_ends, surname_kinds, surname_pairs

from tests.actor_checks import tagged, trimmed


def test_a_person_ending_in_a_places_word_is_that_place_and_one_ending_in_center_a_body() -> None:
    text = ("Turnout rose in Lee County and in Dunmore Borough. The rally at Halvard Plaza drew crowds, "
            "said John Tower of the Okafor Center, who met Maria Plaza at Renner Borough. Pia Renner "
            "owns Renner Tower.")
    names = trimmed(text, tagged(text, ("Lee County", "PER"), ("Dunmore Borough", "PER"), ("Halvard Plaza", "PER"),
                                 ("John Tower", "PER"), ("Okafor Center", "PER"), ("Maria Plaza", "PER"),
                                 ("Renner Borough", "PER"), ("Pia Renner", "PER"), ("Renner Tower", "PER")))
    assert [(text[t[0]:t[1]], s.label) for s, t in place_ends(text, names) if t] == [
        ("Lee County", "LOC"), ("Dunmore Borough", "LOC"), ("Halvard Plaza", "LOC"), ("John Tower", "PER"),
        ("Okafor Center", "ORG"), ("Maria Plaza", "PER"), ("Renner Borough", "LOC"),
        ("Pia Renner", "PER"), ("Renner Tower", "ORG")]  # named after her, as ``named_after`` reads it


def test_a_company_in_apposition_to_a_persons_noun_stays_a_company() -> None:
    text = ("The slump hurt a major investor, Cobalt Ridge Capital Management, and a trader, Mirela Oskan, "
            "who sold early.")
    names = trimmed(text, tagged(text, ("Cobalt Ridge Capital Management", "ORG"), ("Mirela Oskan", "ORG")))
    assert [(text[t[0]:t[1]], s.label) for s, t in apposition_kinds(text, names) if t] == [
        ("Cobalt Ridge Capital Management", "ORG"), ("Mirela Oskan", "PER")]


def test_two_peoples_surnames_joined_by_a_hyphen_are_no_actor() -> None:
    text = ("Ines Varga and Tomas Brell met in Dunmore. The Varga-Brell debate was dull, said Ann Lee-Park, "
            "who knows Mia Lee and Ed Park. Lee-Park left.")
    names = trimmed(text, tagged(text, ("Ines Varga", "PER"), ("Tomas Brell", "PER"), ("Varga-Brell", "PER"),
                                 ("Ann Lee-Park", "PER"), ("Mia Lee", "PER"), ("Ed Park", "PER"),
                                 ("Lee-Park", "PER")))
    assert [text[t[0]:t[1]] for _, t in surname_pairs(text, names) if t] == [
        "Ines Varga", "Tomas Brell", "Ann Lee-Park", "Mia Lee", "Ed Park", "Lee-Park"]


def test_the_words_after_another_persons_surname_are_no_surname() -> None:
    """"the Halvorsen White House" read as a person's name names no person "White House"."""
    text = ("Ex-president Tore Halvorsen spoke. Aides of the Halvorsen White House left. The White House said no. "
            "The minister, Siobhán Mac Giolla Phádraig, agreed. Mac Giolla Phádraig left.")
    names = trimmed(text, tagged(text, ("Tore Halvorsen", "PER"), ("Halvorsen White House", "PER"),
                                 ("White House", "LOC"), ("Siobhán Mac Giolla Phádraig", "PER"),
                                 ("Mac Giolla Phádraig", "ORG")))
    assert [s.label for s, _ in surname_kinds(text, names)] == ["PER", "PER", "LOC", "PER", "PER"]
