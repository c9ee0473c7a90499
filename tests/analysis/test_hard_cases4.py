"""The fourth set of hard cases (issue 10): results listings, forms of address and letters
after a name. Every text is written here."""

from __future__ import annotations

import pytest

from reader.analysis.club_roles import role_clubs, role_players
from reader.analysis.credits import credited_people
from reader.analysis.engine import Engine
from reader.analysis.kinds import surname_kinds
from reader.analysis.kin_people import kin_people
from reader.analysis.legal_names import legal_bodies
from reader.analysis.nickname_people import nickname_people
from reader.analysis.post_nominals import without_post_nominals
from reader.analysis.preposition_names import preposition_apart
from reader.analysis.repairs import with_particles, without_titles
from reader.analysis.score_rows import score_row_clubs, with_score_rows
from reader.analysis.tagger import Span

from tests.actor_checks import analyse, kinds, tagged, trimmed


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def _shown(text: str, spans: list[Span]) -> list[tuple[str, str]]:
    return [(text[s.start:s.end], s.label) for s in spans]


_ROWS = ("## Handball: week 9\n\nKolding 31–29 Veszprém\nSporting Lisbon 27–27 Nantes (aet)\n"
         "Monaco 24-30 Kielce\n\nTop scorer: Ivo Brant (Kielce) 11")


def test_a_score_splits_a_row_into_its_two_clubs() -> None:
    spans = tagged(_ROWS, ("Kolding 31–29 Veszprém", "PER"), ("Lisbon", "LOC"), ("Nantes", "ORG"),
                   ("aet", "ORG"), ("Monaco", "LOC"), ("Kielce", "LOC"), ("Ivo Brant", "PER"), ("Kielce", "LOC"))
    assert _shown(_ROWS, with_score_rows(_ROWS, spans)) == [
        ("Kolding", "ORG"), ("Veszprém", "ORG"), ("Sporting Lisbon", "ORG"), ("Nantes", "ORG"),
        ("Monaco", "ORG"), ("Kielce", "ORG"), ("Ivo Brant", "PER"), ("Kielce", "LOC")]


def test_the_clubs_of_the_rows_are_clubs_elsewhere_but_after_a_preposition_of_place() -> None:
    text = _ROWS + "\n\nKielce coach Adam Wolny was pleased. In Kielce, fans queued all night."
    spans = tagged(text, ("Ivo Brant", "PER"), ("Kielce", "LOC"), ("Kielce", "LOC"), ("Adam Wolny", "PER"),
                   ("Kielce", "LOC"))
    assert [(text[s.start:s.end], s.label) for s, _ in score_row_clubs(text, trimmed(text, spans))] == [
        ("Ivo Brant", "PER"), ("Kielce", "ORG"), ("Kielce", "ORG"), ("Adam Wolny", "PER"), ("Kielce", "LOC")]


def test_a_listing_of_national_sides_keeps_its_countries_places() -> None:
    text = "Group B\n\nNorway 3-1 Austria\nSpain 0-0 Portugal\n"
    spans = with_score_rows(text, tagged(text, ("Norway 3-1 Austria", "ORG"), ("Spain", "ORG")))
    assert _shown(text, spans) == [("Norway", "LOC"), ("Austria", "LOC"), ("Spain", "LOC"), ("Portugal", "LOC")]


def test_one_line_with_a_score_or_a_sentence_is_no_listing() -> None:
    text = "Upgrade from Windows 10-11 Pro\n\nBasel beat Lugano 2-1 on Sunday.\nThe Ajax 3-0 Twente game"
    spans = tagged(text, ("Windows", "ORG"), ("Basel", "ORG"), ("Lugano", "LOC"), ("Ajax 3-0 Twente", "ORG"))
    assert with_score_rows(text, spans) == spans


def test_results_listing_end_to_end(engine: Engine) -> None:
    text = ("Round 4 results\n\nAlbacete 2–1 Real Oviedo\nLeganés 0–3 Racing Santander\nTenerife 1–1 Eibar\n\n"
            "Eibar coach Mikel Arrieta said the draw was fair.")
    actors, mentions = analyse(engine, text)
    found = kinds(actors)
    for club in ("Albacete", "Real Oviedo", "Leganés", "Racing Santander", "Tenerife", "Eibar"):
        assert found.get(club) == "organization", (club, found)
    assert not any("–" in text[m.start:m.end] for m in mentions)


def test_a_town_before_a_players_role_is_the_club_there_and_elsewhere_but_after_a_place_word() -> None:
    text = ("Nantes striker Yves Mauger scored late. Nantes won again, and the Nantes defence held. "
            "The club trains in Nantes. Norway coach Ola Berg watched.")
    spans = tagged(text, ("Nantes", "LOC"), ("Yves Mauger", "PER"), ("Nantes", "PER"), ("Nantes", "LOC"),
                   ("Nantes", "LOC"), ("Norway", "LOC"), ("Ola Berg", "PER"))
    assert [(text[s.start:s.end], s.label) for s, _ in role_clubs(text, trimmed(text, spans))] == [
        ("Nantes", "ORG"), ("Yves Mauger", "PER"), ("Nantes", "ORG"), ("Nantes", "ORG"), ("Nantes", "LOC"),
        ("Norway", "LOC"), ("Ola Berg", "PER")]


def test_a_club_named_by_its_town_end_to_end(engine: Engine) -> None:
    text = ("Almería winger Pablo Ruano was injured on Sunday. Almería’s medical staff said he would be out "
            "for a month. Ruano lives in Almería.")
    actors, mentions = analyse(engine, text)
    read = [(text[m.start:m.end], next(a.kind for a in actors if a.id == m.actor)) for m in mentions]
    assert [k for n, k in read if n == "Almería"][:2] == ["organization", "organization"], read


def test_a_name_read_across_in_or_as_is_two_names() -> None:
    text = ("Thun stun Servette as Keller strikes late\n\nThun beat Servette on Sunday; Keller scored. The "
            "Scottish Government in Edinburgh agreed. The Council for Peace in Europe met. Aid for Women in "
            "Nepal spoke.")
    spans = tagged(text, ("Thun", "ORG"), ("Servette as Keller", "ORG"), ("Thun", "ORG"), ("Servette", "ORG"),
                   ("Keller", "PER"), ("Scottish Government in Edinburgh", "ORG"),
                   ("Council for Peace in Europe", "ORG"), ("Aid for Women in Nepal", "ORG"))
    assert [(text[s.start:s.end], s.label) for s, _ in preposition_apart(text, trimmed(text, spans))] == [
        ("Thun", "ORG"), ("Servette", "ORG"), ("Keller", "PER"), ("Thun", "ORG"), ("Servette", "ORG"),
        ("Keller", "PER"), ("Scottish Government", "ORG"), ("Edinburgh", "LOC"),
        ("Council for Peace in Europe", "ORG"), ("Aid for Women in Nepal", "ORG")]


def test_a_name_in_a_place_stays_whole_when_nothing_says_it_is_two() -> None:
    text = "Friends of Rights in Chad wrote. The Pantheon in Leeds opens. Ali as Malik was praised."
    spans = tagged(text, ("Friends of Rights in Chad", "ORG"), ("Pantheon in Leeds", "ORG"), ("Ali as Malik", "PER"))
    assert [(text[s.start:s.end], s.label) for s, _ in preposition_apart(text, trimmed(text, spans))] == [
        ("Friends of Rights in Chad", "ORG"), ("Pantheon in Leeds", "ORG"), ("Ali", "PER")]


def test_a_form_of_address_makes_a_name_read_as_a_body_a_person() -> None:
    text = "Ms Ó Faoláin told the court she had signed. Mr. Brandt of Halvorsen declined."
    spans = tagged(text, ("Ms Ó Faoláin", "ORG"), ("Mr. Brandt of Halvorsen", "ORG"))
    assert [(text[s.start:s.end], s.label) for s, _ in without_titles(text, trimmed(text, spans))] == [
        ("Ó Faoláin", "PER"), ("Mr. Brandt of Halvorsen", "ORG")]


def test_letters_after_a_persons_name_are_cut_and_make_it_a_persons() -> None:
    text = ("Questioned by Ciarán Duffy SC, she agreed. Labour MP Ruth Gale spoke. Hamburger SC won. "
            "Ann Kerr MSP said no.")
    spans = tagged(text, ("Ciarán Duffy SC", "ORG"), ("Labour MP", "ORG"), ("Ruth Gale", "PER"),
                   ("Hamburger SC", "ORG"), ("Ann Kerr MSP", "PER"))
    assert [(text[s.start:s.end], s.label) for s, _ in without_post_nominals(text, trimmed(text, spans))] == [
        ("Ciarán Duffy", "PER"), ("Labour MP", "ORG"), ("Ruth Gale", "PER"), ("Hamburger SC", "ORG"),
        ("Ann Kerr", "PER")]


def test_a_barrister_and_a_form_of_address_end_to_end(engine: Engine) -> None:
    text = ("The finance director, Gráinne Mac Cárthaigh, gave evidence. Ms Mac Cárthaigh said the payments "
            "were approved. Under cross-examination by Cathal Ó Briain SC, she agreed the forms were hers.")
    actors, mentions = analyse(engine, text)
    shown = {text[m.start:m.end]: next(a.kind for a in actors if a.id == m.actor) for m in mentions}
    assert shown.get("Mac Cárthaigh") == "person" and shown.get("Cathal Ó Briain") == "person", shown


def test_the_welsh_ap_opening_a_sentence_stays_in_the_surname_and_cllr_is_a_title() -> None:
    text = "The leader, Cllr Gwenllian ap Dafydd, spoke. Ap Dafydd was elected in May."
    spans = tagged(text, ("Cllr Gwenllian ap Dafydd", "PER"), ("Dafydd", "PER"))
    names = with_particles(text, without_titles(text, trimmed(text, spans)))
    assert [text[t[0]:t[1]] for _, t in names if t] == ["Gwenllian ap Dafydd", "Ap Dafydd"]


def test_two_catalan_surnames_joined_by_i_are_one_name(engine: Engine) -> None:
    text = "The tenor Jordi Vilanova i Puig sang the lead. Vilanova i Puig grew up in Girona."
    actors, mentions = analyse(engine, text)
    assert [text[m.start:m.end] for m in mentions][:2] == ["Jordi Vilanova i Puig", "Vilanova i Puig"]
    assert kinds(actors)["Jordi Vilanova i Puig"] == "person"


def test_a_name_after_a_players_role_is_a_persons() -> None:
    text = "Rayo suspended centre-back Íñigo Lasa Mendi. The coach Le Van Thanh resigned. The striker Lille FC left."
    spans = tagged(text, ("Íñigo Lasa Mendi", "ORG"), ("Le Van Thanh", "ORG"), ("Lille FC", "ORG"))
    assert [s.label for s, _ in role_players(text, trimmed(text, spans))] == ["PER", "PER", "ORG"]


def test_the_first_of_two_surnames_alone_is_the_person() -> None:
    text = "The set is by Itziar Olano Berasategi, from Azpeitia. Olano said the budget was small."
    spans = tagged(text, ("Itziar Olano Berasategi", "PER"), ("Azpeitia", "LOC"), ("Olano", "ORG"))
    assert [s.label for s, _ in surname_kinds(text, trimmed(text, spans))] == ["PER", "LOC", "PER"]


def test_a_nickname_given_to_a_person_is_that_person_and_not_a_citys() -> None:
    text = ("Known to fans as “La Roca”, she won the title at 19. La Roca retired in May. Oporto, nicknamed "
            "“Invicta”, hosted the final. Tomás Pena, nicknamed “El Muro” by the crowd, was sent off.")
    spans = tagged(text, ("La Roca", "LOC"), ("La Roca", "ORG"), ("Oporto", "LOC"), ("Invicta", "ORG"),
                   ("Tomás Pena", "PER"), ("El Muro", "LOC"))
    assert [s.label for s, _ in nickname_people(text, trimmed(text, spans))] == ["PER", "PER", "LOC", "ORG", "PER",
                                                                                  "PER"]


def test_the_names_of_a_wire_storys_credits_are_people() -> None:
    text = ("Figures compiled by Harrow Analytics showed a fall.\n(Reporting by Zélia Monteiro in Porto; Additional "
            "reporting by Jun Takeda and Olu Bankole; Editing by Greta Lind)")
    spans = tagged(text, ("Harrow Analytics", "ORG"), ("Zélia Monteiro", "ORG"), ("Porto", "LOC"),
                   ("Jun Takeda", "PER"), ("Olu Bankole", "ORG"), ("Greta Lind", "LOC"))
    assert [s.label for s, _ in credited_people(text, trimmed(text, spans))] == ["ORG", "PER", "LOC", "PER", "PER",
                                                                                  "PER"]


def test_a_company_without_its_legal_form_is_the_company_but_a_given_names() -> None:
    text = ("Vandersteen Koeken agrees sale\n\nVandersteen Koeken N.V. was sold. Thomas Berg Inc. and Thomas Berg "
            "met. Ana Ruiz Holdings thanked Ana Ruiz.")
    spans = tagged(text, ("Vandersteen Koeken", "PER"), ("Vandersteen Koeken N.V.", "ORG"), ("Thomas Berg Inc.", "ORG"),
                   ("Thomas Berg", "PER"), ("Ana Ruiz Holdings", "ORG"), ("Ana Ruiz", "PER"))
    assert [s.label for s, _ in legal_bodies(text, trimmed(text, spans))] == ["ORG", "ORG", "ORG", "PER", "ORG",
                                                                              "PER"]


def test_a_name_after_a_word_of_kinship_is_a_persons() -> None:
    text = ("Lena Voss, whose twin sister Mara Voss plays for Kiel, scored. His son, Piet Smit, spoke. Her son "
            "Lyon left.")
    spans = tagged(text, ("Lena Voss", "PER"), ("Mara Voss", "ORG"), ("Kiel", "LOC"), ("Piet Smit", "LOC"),
                   ("Lyon", "LOC"))
    assert [s.label for s, _ in kin_people(text, trimmed(text, spans))] == ["PER", "PER", "LOC", "PER", "LOC"]
