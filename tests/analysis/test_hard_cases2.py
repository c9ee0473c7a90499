"""The second set of hard cases (issue 10): datelines with accented capitals or an agency in
lower case, particles before a surname the tagger cut, a company suffix written with dots,
an acronym in brackets after its body. Every text is written here."""

from __future__ import annotations

import pytest

from reader.analysis.actors import build_actors
from reader.analysis.bodies import called_bodies
from reader.analysis.engine import Engine
from reader.analysis.layout import datelines
from reader.analysis.kinds import org_word_kinds
from reader.analysis.listed_places import listed_places, office_places
from reader.analysis.name_edges import bracket_splits, dotted_suffixes, own_articles
from reader.analysis.particle_names import shared_surnames, with_given_particles
from reader.analysis.repairs import with_particles
from reader.analysis.tagger import Span

from tests.actor_checks import tagged, trimmed


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def test_a_dateline_in_accented_capitals_with_an_agency_in_lower_case() -> None:
    text = ("ZÜRICH, Feb 4 (dpa) - The lake ferries will stop running in March while the piers are rebuilt, "
            "the operator said.\n\nMÁLAGA (efe) - A heatwave closed schools across the south on Tuesday morning.")
    assert [(label, text[s:e]) for label, s, e in datelines(text)] == [
        ("LOC", "ZÜRICH"), ("ORG", "dpa"), ("LOC", "MÁLAGA"), ("ORG", "efe")]


def _shown(text: str, spans: list[Span]) -> list[tuple[str, str]]:
    return [(text[s.start:s.end], s.label) for s in spans]


@pytest.mark.parametrize(("text", "read", "whole"), [
    ("Mayor Annelies von der Wenge opened the bridge on Monday.", "der Wenge", "Annelies von der Wenge"),
    ("The appeal was lodged by Gerrit ter Molen, a trawler owner.", "Molen", "Gerrit ter Molen"),
    ("The list was led by Samira el-Haddouchi in the north.", "Haddouchi", "Samira el-Haddouchi"),
    ("Its treasurer, Griet Van den Eynde, resigned in May.", "Van den Eynde", "Griet Van den Eynde"),
])
def test_a_given_name_left_out_before_the_particles_opens_the_name(engine: Engine, text: str, read: str,
                                                                   whole: str) -> None:
    parsed = engine.parse(text)
    assert _shown(text, with_given_particles(parsed, tagged(text, (read, "PER")), frozenset())) == [(whole, "PER")]


@pytest.mark.parametrize("text", [
    "Chancellor von der Wenge opened the bridge on Monday.",
    "Yesterday de Molen said the boats would stay in port.",
    "In Rotterdam van den Eynde said the boats would stay in port.",
])
def test_a_title_or_a_common_word_before_the_particles_stays_out(engine: Engine, text: str) -> None:
    parsed = engine.parse(text)
    read = text[text.index(next(p for p in ("von", "de ", "van") if p in text)):text.index(" opened" if "opened" in text
                                                                                         else " said")]
    spans = tagged(text, (read, "PER"))
    assert with_given_particles(parsed, spans, frozenset({"yesterday"})) == spans


def test_a_body_read_after_a_surnames_particles_gives_the_surname_and_keeps_the_place_apart() -> None:
    text = "Alderman Wim van der Stoep of Zierikzee closed the quay."
    names = trimmed(text, tagged(text, ("Wim van", "PER"), ("Stoep of Zierikzee", "ORG")))
    assert [(text[t[0]:t[1]], s.label) for s, t in with_particles(text, names) if t] == [
        ("Wim van der Stoep", "PER"), ("Zierikzee", "ORG")]


def test_a_surname_read_as_a_body_after_a_quotation_takes_its_particles_and_is_the_person() -> None:
    text = ("Wim van der Stoep closed the quay. \u201cNo boat leaves today,\u201d Van der Stoep said. "
            "\"The tide is too high,\" Van der Stoep added.")
    names = trimmed(text, tagged(text, ("Wim van der Stoep", "PER"), ("Stoep", "ORG"), ("Stoep", "LOC")))
    assert [(text[t[0]:t[1]], s.label) for s, t in with_particles(text, names) if t] == [
        ("Wim van der Stoep", "PER"), ("Van der Stoep", "PER"), ("Van der Stoep", "PER")]


def test_an_acronym_in_brackets_read_into_its_bodys_name_is_a_name_of_its_own() -> None:
    text = "The Office for Coastal Safety (Ocsa) said the quay was sound. Rovers ( T ) beat Harriers 2-0."
    names = trimmed(text, tagged(text, ("Office for Coastal Safety (Ocsa", "ORG"), ("Rovers ( T", "ORG"),
                                ("Harriers", "ORG")))
    assert [(text[t[0]:t[1]], s.label) for s, t in bracket_splits(text, names) if t] == [
        ("Office for Coastal Safety", "ORG"), ("Ocsa", "ORG"), ("Rovers ( T )", "ORG"), ("Harriers", "ORG")]


def test_an_editors_square_brackets_in_a_quotation_leave_the_name_that_follows() -> None:
    text = ("“Nobody works harder than [Marta] Kolbeck,” he said. “[W]e will win the ward,” added Dunmore, "
            "whose agent [Ines] Varga-Holt agreed.")
    names = trimmed(text, tagged(text, ("Marta] Kolbeck", "PER"), ("W]e", "ORG"), ("Dunmore", "PER"),
                                ("Ines] Varga-Holt", "PER")))
    assert [(text[t[0]:t[1]], s.label) for s, t in bracket_splits(text, names) if t] == [
        ("Kolbeck", "PER"), ("Dunmore", "PER"), ("Varga-Holt", "PER")]


def test_a_company_suffix_written_with_dots_ends_the_name_and_makes_it_a_company() -> None:
    text = ("The builder Fonderie Castelli S.p.A. went bankrupt, and Tessiture Brambilla S.p.A., its supplier, "
            "was sold to Nieuwland N.V. in June.")
    castelli, brambilla, nieuwland = text.index("Fonderie"), text.index("Tessiture"), text.index("Nieuwland")
    spans = [Span(castelli, castelli + len("Fonderie Castelli"), "PER"),
             Span(brambilla, brambilla + len("Tessiture Brambilla S.p"), "PER"),
             Span(nieuwland, nieuwland + len("Nieuwland"), "ORG")]
    assert [(text[t[0]:t[1]], s.label) for s, t in dotted_suffixes(text, trimmed(text, spans)) if t] == [
        ("Fonderie Castelli S.p.A.", "ORG"), ("Tessiture Brambilla S.p.A.", "ORG"), ("Nieuwland N.V.", "ORG")]


def test_a_name_in_apposition_to_a_bodys_noun_is_a_body_though_the_tagger_read_it_as_a_person() -> None:
    text = ("Brouwer Lint, the regional transport company, will add buses. The fare rise was set by "
            "its owner. Its publisher, Halvard Osk, declined. Later the boss of insurer Anton Vries spoke.")
    names = trimmed(text, tagged(text, ("Brouwer Lint", "PER"), ("Halvard Osk", "PER"), ("Anton Vries", "PER")))
    assert [(text[t[0]:t[1]], s.label) for s, t in called_bodies(text, names) if t] == [
        ("Brouwer Lint", "ORG"), ("Halvard Osk", "ORG"), ("Anton Vries", "PER")]


def test_a_name_that_modifies_a_bodys_noun_after_the_is_a_body_even_with_a_given_name() -> None:
    text = ("Shoppers left the Walter Smit supermarket chain, and the Marcus Tan label signed two acts. "
            "The Maputo daily Noticias said so, and the Ana Vries years were calm.")
    names = trimmed(text, tagged(text, ("Walter Smit", "PER"), ("Marcus Tan", "PER"), ("Maputo", "PER"),
                                ("Noticias", "ORG"), ("Ana Vries", "PER")))
    assert [(text[t[0]:t[1]], s.label) for s, t in called_bodies(text, names) if t] == [
        ("Walter Smit", "ORG"), ("Marcus Tan", "ORG"), ("Maputo", "PER"), ("Noticias", "ORG"), ("Ana Vries", "PER")]


def test_a_name_listed_among_places_after_in_is_a_place() -> None:
    text = ("Clinics will open in Tarvik, Olmsund and Brevdal next spring, and depots across Nordland and Skjervik. "
            "He met aides in Oslo, and Hedda, a student, later. Seats in the Storting and Senate fell.")
    names = trimmed(text, tagged(text, ("Tarvik", "LOC"), ("Olmsund", "LOC"), ("Brevdal", "ORG"), ("Nordland", "LOC"),
                                ("Skjervik", "PER"), ("Oslo", "LOC"), ("Hedda", "PER"), ("Storting", "LOC"),
                                ("Senate", "ORG")))
    assert [s.label for s, _ in listed_places(text, names)] == [
        "LOC", "LOC", "LOC", "LOC", "LOC", "LOC", "PER", "LOC", "ORG"]


def test_a_headings_capital_word_after_a_place_is_no_part_of_its_name() -> None:
    text = ("# Harbour Paper Sold to Tarvik Group\n\nThe Harbour Post, a weekly, was sold to a media group based in "
            "Tarvik on Friday. Shares of Olmsund Group rose after the sale was announced.")
    names = trimmed(text, tagged(text, ("Tarvik", "LOC"), ("Harbour Post", "ORG"), ("Tarvik", "LOC"),
                                ("Olmsund", "LOC")))
    assert [(text[t[0]:t[1]], s.label) for s, t in org_word_kinds(text, names) if t] == [
        ("Tarvik", "LOC"), ("Harbour Post", "ORG"), ("Tarvik", "LOC"), ("Olmsund Group", "ORG")]


def test_a_full_name_with_particles_read_as_a_body_beside_a_person_of_that_surname_is_a_person() -> None:
    text = ("Verhoef Staal was founded by Lieke van Ommen in 1950. Her nephew, Bram van Ommen, sold it. "
            "Later Gerrit ter Weel joined; Ter Weel said so. The Dump Morgan group met Karl Morgan.")
    names = trimmed(text, tagged(text, ("Verhoef Staal", "ORG"), ("Lieke van Ommen", "ORG"), ("Bram van Ommen", "PER"),
                                ("Gerrit ter Weel", "ORG"), ("Ter Weel", "PER"), ("Dump Morgan", "ORG"),
                                ("Karl Morgan", "PER")))
    assert [s.label for s, _ in shared_surnames(text, names)] == ["ORG", "PER", "PER", "PER", "PER", "ORG", "PER"]


def test_a_capital_the_inside_a_sentence_is_the_names_own() -> None:
    text = ("ROTTERDAM, June 2 - She moved to The Hague in May, read The Harbour Times daily.\n\n"
            "THE HAGUE, June 3 - The Hague council met. The Times said so.\n\nMayor Meets The Harbour Board")
    names = trimmed(text, tagged(text, ("ROTTERDAM", "LOC"), ("The Hague", "LOC"), ("The Harbour Times", "ORG"),
                                ("THE HAGUE", "LOC"), ("The Hague", "LOC"), ("The Times", "ORG"),
                                ("The Harbour Board", "ORG")))
    assert [text[t[0]:t[1]] for _, t in own_articles(text, names) if t] == [
        "ROTTERDAM", "The Hague", "The Harbour Times", "THE HAGUE", "Hague", "Times", "Harbour Board"]


def test_a_name_right_after_mayor_of_is_a_place() -> None:
    text = "Ria Olst was elected mayor of Sint-Maarten-Oost and governor of Tarvik; the mayor of BPX spoke."
    names = trimmed(text, tagged(text, ("Ria Olst", "PER"), ("Sint-Maarten-Oost", "PER"), ("Tarvik", "ORG"),
                                ("BPX", "ORG")))
    assert [s.label for s, _ in office_places(text, names)] == ["PER", "LOC", "LOC", "ORG"]


def test_a_papers_last_word_joins_its_name_when_the_name_keeps_its_article(engine: Engine) -> None:
    text = "She told The Ottawa Gazette on Monday. The Gazette said it would print the letter."
    start = text.index("The Ottawa")
    gazette = text.index("Gazette said")
    spans = [Span(start, start + len("The Ottawa Gazette"), "ORG"), Span(gazette, gazette + len("Gazette"), "ORG")]
    actors, mentions = build_actors(engine.parse(text), spans)
    assert [(text[m.start:m.end], next(a.name for a in actors if a.id == m.actor)) for m in mentions] == [
        ("The Ottawa Gazette", "The Ottawa Gazette"), ("Gazette", "The Ottawa Gazette")]
