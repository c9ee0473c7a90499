"""The third set of hard cases (issue 10): names the tagger cut at their particles, Irish
surnames' capitalised particles,
datelines in capitals of Latin Extended-A or with the day before the month. Every text is written here."""

from __future__ import annotations

import pytest

from reader.analysis.awards import without_awards
from reader.analysis.bodies import newspapers
from reader.analysis.engine import Engine
from reader.analysis.journals import journals
from reader.analysis.layout import datelines
from reader.analysis.left_out import hyphen_tails, with_given_before
from reader.analysis.listed_places import listed_places
from reader.analysis.opening_words import without_opening_words
from reader.analysis.outlets import with_byline_outlets
from reader.analysis.particle_bridges import with_particle_bridges, with_patronymics
from reader.analysis.particle_names import with_given_particles
from reader.analysis.tagger import Span

from tests.actor_checks import tagged


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def _shown(text: str, spans: list[Span]) -> list[tuple[str, str]]:
    return [(text[s.start:s.end], s.label) for s in spans]


@pytest.mark.parametrize(("text", "read", "whole"), [
    ("The trophy went to Liesbeth van der Moolen on Sunday.", (("Liesbeth", "LOC"), ("Moolen", "LOC")),
     ("Liesbeth van der Moolen", "PER")),
    ("Its new chair, Renata dos Anjos, spoke first.", (("Renata", "ORG"), ("Anjos", "PER")),
     ("Renata dos Anjos", "PER")),
    ("The poem was read by Dafydd ap Gruffudd at dusk.", (("Dafydd", "PER"), ("Gruffudd", "PER")),
     ("Dafydd ap Gruffudd", "PER")),
    ("Elder Kamau wa Njoroge opened the market.", (("Elder Kamau", "PER"), ("Njoroge", "PER")),
     ("Elder Kamau wa Njoroge", "PER")),
    ("Profits at Caixa Rural do Minho rose again.", (("Caixa Rural", "ORG"), ("Minho", "ORG")),
     ("Caixa Rural do Minho", "ORG")),
    ("Flights to Porto de Galinhas were full.", (("Porto", "LOC"), ("Galinhas", "LOC")),
     ("Porto de Galinhas", "LOC")),
])
def test_two_names_with_only_particles_between_them_are_one(engine: Engine, text: str,
                                                            read: tuple[tuple[str, str], ...],
                                                            whole: tuple[str, str]) -> None:
    assert _shown(text, with_particle_bridges(engine.parse(text), tagged(text, *read))) == [whole]


@pytest.mark.parametrize(("text", "read"), [
    ("Ajax beat Utrecht and the fans of Feyenoord sang.", (("Ajax", "ORG"), ("Utrecht", "ORG"), ("Feyenoord", "ORG"))),
    ("Shares of Bayer and of BASF fell.", (("Bayer", "ORG"), ("BASF", "ORG"))),
    ("Talks in Lisbon. De Sousa said no.", (("Lisbon", "LOC"), ("De Sousa", "PER"))),
    ("Alderman Wim van der Stoep of Zierikzee spoke.", (("Wim van", "PER"), ("Stoep of Zierikzee", "ORG"))),
])
def test_names_apart_stay_apart(engine: Engine, text: str, read: tuple[tuple[str, str], ...]) -> None:
    spans = tagged(text, *read)
    assert with_particle_bridges(engine.parse(text), spans) == spans


@pytest.mark.parametrize(("text", "read", "whole"), [
    ("The award went to Gráinne Ní Bhraonáin of Carlow.", ("Gráinne Ní Bhraonáin", "ORG"),
     ("Gráinne Ní Bhraonáin", "PER")),
    ("Its author, Róisín Nic Conmara Breathnach, was there.", ("Róisín Nic Conmara Breathnach", "LOC"),
     ("Róisín Nic Conmara Breathnach", "PER")),
    ("The judges praised Eoghan Ó Briain and his crew.", ("Ó Briain", "ORG"), ("Eoghan Ó Briain", "PER")),
])
def test_a_name_with_an_irish_particle_is_a_person_with_its_given_name(engine: Engine, text: str,
                                                                        read: tuple[str, str],
                                                                        whole: tuple[str, str]) -> None:
    assert _shown(text, with_patronymics(engine.parse(text), tagged(text, read))) == [whole]


@pytest.mark.parametrize(("text", "read", "kept"), [
    ("Minister Ó Briain said the ferry would run.", ("Ó Briain", "PER"), ("Ó Briain", "PER")),
    ("Ó Briain said the ferry would run.", ("Ó Briain", "PER"), ("Ó Briain", "PER")),
    ("Sales at Ó Briain Foods rose.", ("Ó Briain Foods", "ORG"), ("Ó Briain Foods", "ORG")),
])
def test_a_title_a_sentence_start_or_a_body_word_keeps_the_irish_name_as_read(engine: Engine, text: str,
                                                                               read: tuple[str, str],
                                                                               kept: tuple[str, str]) -> None:
    assert _shown(text, with_patronymics(engine.parse(text), tagged(text, read))) == [kept]


def test_a_dateline_in_capitals_of_latin_extended_a_with_the_day_before_the_month() -> None:
    text = ("ŁÓDŹ, 3 March – The city will close two tram lines for the summer while the depot is rebuilt, "
            "the operator said.\n\nPOZNAŃ – Students marched through the old town on Friday evening.")
    assert [(label, text[s:e]) for label, s, e in datelines(text)] == [("LOC", "ŁÓDŹ"), ("LOC", "POZNAŃ")]


def test_names_listed_with_a_place_after_in_are_places_though_several_were_read_otherwise() -> None:
    text = "Depots will open in Porto Alegre, Pelotas and Canoas, and later in Tarvik and Brevdal."
    names = [(s, (s.start, s.end)) for s in tagged(text, ("Porto Alegre", "LOC"), ("Pelotas", "PER"), ("Canoas", "ORG"),
                                                   ("Tarvik", "PER"), ("Brevdal", "PER"))]
    assert [s.label for s, _ in listed_places(text, names)] == ["LOC", "LOC", "LOC", "PER", "PER"]


@pytest.mark.parametrize(("text", "read", "whole"), [
    ("Editor Michael Okonkwo-Barre resigned.", "Okonkwo-Barre", "Michael Okonkwo-Barre"),
    ("The former mayor Mehmet Yıldırım-Koç spoke first.", "Yıldırım-Koç", "Mehmet Yıldırım-Koç"),
])
def test_a_given_name_left_out_before_a_surname_opens_the_name(engine: Engine, text: str, read: str,
                                                               whole: str) -> None:
    assert _shown(text, with_given_before(engine.parse(text), tagged(text, (read, "PER")))) == [(whole, "PER")]


@pytest.mark.parametrize(("text", "read"), [
    ("President Okonkwo-Barre resigned.", ("Okonkwo-Barre", "PER")),
    ("The aide Michael Okonkwo-Barre resigned.", ("Michael Okonkwo-Barre", "PER")),
    ("Asked about it, Mr Okonkwo-Barre laughed.", ("Okonkwo-Barre", "PER")),
])
def test_a_title_or_a_given_name_already_in_the_name_takes_nothing_before_it(engine: Engine, text: str,
                                                                             read: tuple[str, str]) -> None:
    spans = tagged(text, read)
    assert with_given_before(engine.parse(text), spans) == spans


def test_a_persons_name_takes_in_a_lower_case_syllable_after_a_hyphen() -> None:
    text = "Lee Dong-hyun met Lim Ji and the Merkel-led cabinet; Trump-isms and Choi Min-kyu-ish jokes."
    spans = tagged(text, ("Lee Dong", "PER"), ("Lim Ji", "PER"), ("Merkel", "PER"), ("Trump", "PER"),
                   ("Choi Min", "PER"))
    names = [(s, (s.start, s.end)) for s in spans]
    assert [text[t[0]:t[1]] for _, t in hyphen_tails(text, names, frozenset({"led"})) if t] == [
        "Lee Dong-hyun", "Lim Ji", "Merkel", "Trump", "Choi Min"]


def test_a_bylines_outlet_after_the_writer_is_an_organisation_and_a_desk_is_nobody() -> None:
    text = ("Harbour Wall Plan Splits Tarvik\n\nBy Olga Brenner, Tarvik Courier\n\nResidents of the old quay met "
            "on Monday to argue about the new wall and who should pay for it.\n\nBy Ivo Lenz, Radio Olmsund\n\n"
            "The ferry will stop for a week while the quay is rebuilt, the operator said on Friday.\n\n"
            "By Pia Stern, Harbour Desk\n\nThe mayor said the wall would be finished by the winter at the latest.")
    assert _shown(text, with_byline_outlets(text, [], frozenset({"the", "on", "for", "to", "of"}))) == [
        ("Tarvik Courier", "ORG"), ("Radio Olmsund", "ORG")]


def test_the_town_of_a_paper_read_as_a_person_is_the_place_unless_a_person_has_its_name() -> None:
    text = ("The Tarvik Courier said Tarvik would pay. The Brevdal Gazette backed Brevdal. "
            "The Lund Herald quoted Anna Lund; Lund agreed.")
    spans = tagged(text, ("Tarvik Courier", "ORG"), ("Tarvik", "PER"), ("Brevdal Gazette", "ORG"), ("Brevdal", "ORG"),
                   ("Lund Herald", "ORG"), ("Anna Lund", "PER"), ("Lund", "PER"))
    names = [(s, (s.start, s.end)) for s in spans]
    assert [s.label for s, _ in newspapers(text, names)] == ["ORG", "LOC", "ORG", "LOC", "ORG", "PER", "PER"]


def test_a_sentences_first_noun_for_a_job_is_cut_from_the_persons_long_name_after_it() -> None:
    text = ("The band is new. Guitarist Tom Okafor Brown joined in May. Earl Tom Okafor left. "
            "Pier Tom Brandt won. Then Pier Tom Brandt lost.")
    spans = tagged(text, ("Guitarist Tom Okafor Brown", "PER"), ("Earl Tom Okafor", "PER"), ("Pier Tom Brandt", "PER"),
                   ("Pier Tom Brandt", "PER"))
    names = [(s, (s.start, s.end)) for s in spans]
    assert [text[t[0]:t[1]] for _, t in without_opening_words(text, names, frozenset()) if t] == [
        "Tom Okafor Brown", "Earl Tom Okafor", "Pier Tom Brandt", "Pier Tom Brandt"]


def test_awards_are_no_actors_and_their_words_stay_taken() -> None:
    text = "The Harbour Business Awards went ahead; the Anna Lund Award too. Anna Lund of the Awards Trust spoke."
    spans = tagged(text, ("Harbour Business Awards", "ORG"), ("Anna Lund Award", "ORG"), ("Anna Lund", "PER"),
                   ("Awards Trust", "ORG"))
    names = [(s, (s.start, s.end)) for s in spans]
    assert [(text[s.start:s.end], t is not None) for s, t in without_awards(text, names)] == [
        ("Harbour Business Awards", False), ("Anna Lund Award", False), ("Anna Lund", True), ("Awards Trust", True)]


def test_a_given_name_inside_a_sentence_opens_the_name_though_spacy_reads_it_as_a_verb(engine: Engine) -> None:
    text = "The mediator, Anneloes ter Haar, said no."
    parsed = engine.parse(text)
    assert next(t.tag for t in parsed.tokens if text[t.start:t.end] == "Anneloes") not in ("NNP", "NNPS")
    assert _shown(text, with_given_particles(parsed, tagged(text, ("Haar", "PER")), frozenset())) == [
        ("Anneloes ter Haar", "PER")]


def test_a_lower_case_word_before_a_name_opening_with_a_particle_stays_out(engine: Engine) -> None:
    text = "The party's front-runner Ben Okafor spoke."
    spans = tagged(text, ("Ben Okafor", "PER"))
    assert with_given_particles(engine.parse(text), spans, frozenset()) == spans


def test_a_place_read_after_published_in_is_the_journal_unless_the_lists_know_the_place() -> None:
    text = ("The trial, published in Lancet Oncology, was small. A paper published in the journal Cell Reports "
            "agreed. The novel was published in London and taught in Tarvik.")
    spans = tagged(text, ("Lancet Oncology", "LOC"), ("Cell Reports", "LOC"), ("London", "LOC"), ("Tarvik", "LOC"))
    names = [(s, (s.start, s.end)) for s in spans]
    assert [s.label for s, _ in journals(text, names)] == ["ORG", "ORG", "LOC", "LOC"]
