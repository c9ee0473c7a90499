"""One actor per real-world entity across articles: the identity rules on hand-made article actors."""

from __future__ import annotations

from typing import Any

from reader.analysis.model import ActorKind
from reader.library.folding import fold_name
from reader.library.identity import Appearance, Entity, identify, name_words


def app(doc: str, name: str, kind: ActorKind = "person", role: str | None = None, aliases: tuple[str, ...] = (),
        mentions: int = 1, quotes: int = 0, local: str = "a1") -> Appearance:
    return Appearance(doc, local, name, kind, role, aliases, mentions, quotes)


def by_name(entities: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


def docs(entity: Entity) -> set[str]:
    return {m.doc for m in entity.members}


def correction(action: str, actor: str, value: str | None = None, document: str | None = None,
               created: str = "2024-01-01") -> dict[str, Any]:
    return {"action": action, "actor": actor, "value": value, "document": document, "id": actor + action,
            "created": created}


def test_folding_ignores_case_diacritics_dots_and_possessives() -> None:
    assert fold_name("Zoë  DUPONT’s") == fold_name("zoe dupont") == "zoe dupont"
    assert fold_name("U.S.") == "us"
    assert name_words("Chancellor Maria Varga") == (("maria", "varga"), ("chancellor",))
    assert name_words("Mr Varga") == (("varga",), ("mr",))


def test_full_names_match_across_articles_however_spelt() -> None:
    entities = identify([app("a", "Zoë Dupont", aliases=("Dupont",)), app("b", "ZOE DUPONT's"),
                         app("c", "Foreign Minister Zoe Dupont", role="Foreign Minister")])
    assert len(entities) == 1
    assert docs(entities[0]) == {"a", "b", "c"}
    assert entities[0].name == "Zoë Dupont" and entities[0].articles == 3


def test_the_acceptance_case_full_name_surname_with_title_and_role_with_full_name() -> None:
    entities = by_name(identify([
        app("a", "Maria Varga", aliases=("Varga",), quotes=1),
        app("b", "Varga", role="Chancellor", quotes=1),
        app("c", "Maria Varga", role="Austrian chancellor", quotes=1),
    ]))
    assert list(entities) == ["Maria Varga"]
    varga = entities["Maria Varga"]
    assert varga.articles == 3 and varga.quotes == 3 and varga.role in ("Chancellor", "Austrian chancellor")


def test_a_bare_surname_without_title_never_matches_another_articles_full_name() -> None:
    entities = identify([app("a", "Maria Varga", role="chancellor"), app("b", "Varga")])
    assert sorted(e.articles for e in entities) == [1, 1]


def test_two_people_sharing_a_surname_are_never_merged() -> None:
    entities = by_name(identify([
        app("a", "Maria Varga", role="chancellor", aliases=("Varga",)),
        app("b", "Tomas Varga", role="spokesman", aliases=("Varga",)),
        app("c", "Maria Varga"),
        # an article whose analysis wrongly gathered both names into one actor cannot chain them
        app("d", "Tomas Varga", aliases=("Maria Varga", "Varga")),
    ]))
    assert "Maria Varga" in entities and "Tomas Varga" in entities
    assert not (docs(entities["Maria Varga"]) & docs(entities["Tomas Varga"]) - {"d"})


def test_a_title_picks_the_namesake_whose_role_it_is() -> None:
    entities = by_name(identify([
        app("a", "Maria Varga", role="Austrian chancellor"),
        app("b", "Tomas Varga", role="farmers' spokesman"),
        app("c", "Varga", role="Chancellor"),
        app("d", "Spokesman Varga"),
    ]))
    assert docs(entities["Maria Varga"]) == {"a", "c"}
    assert docs(entities["Tomas Varga"]) == {"b", "d"}


def test_a_title_that_fits_two_namesakes_matches_neither() -> None:
    entities = identify([app("a", "Maria Varga", role="finance minister"),
                         app("b", "Tomas Varga", role="transport minister"),
                         app("c", "Varga", role="Minister")])
    assert sorted(e.articles for e in entities) == [1, 1, 1]


def test_bare_surnames_with_the_same_title_are_one_among_themselves() -> None:
    entities = identify([app("a", "Varga", role="Chancellor"), app("b", "Chancellor Varga"), app("c", "Varga")])
    assert sorted(e.articles for e in entities) == [1, 2]


def test_an_initial_is_no_conflict() -> None:
    entities = identify([app("a", "Maria Varga"), app("b", "M. Varga", aliases=("Maria Varga",))])
    assert len(entities) == 1


def test_organisations_and_places_match_on_one_word_within_their_kind() -> None:
    entities = identify([
        app("a", "North Atlantic Treaty Organization", "organization", aliases=("NATO",)),
        app("b", "NATO", "organization"),
        app("c", "Jordan", "place"),
        app("d", "Jordan", "person"),
        app("e", "Jordan", "place"),
    ])
    by_docs = sorted(sorted(docs(e)) for e in entities)
    assert by_docs == [["a", "b"], ["c", "e"], ["d"]]


def test_kind_follows_the_mentions_when_one_article_got_it_wrong() -> None:
    entities = identify([app("a", "Maria Varga", "organization", mentions=1),
                         app("b", "Maria Varga", "person", mentions=4), app("c", "Maria Varga", "person")])
    assert len(entities) == 1 and entities[0].kind == "person"


def test_library_wide_rename_names_the_entity() -> None:
    entities = identify([app("a", "Varga", role="Chancellor"), app("b", "Varga", role="Chancellor")],
                        [correction("rename", "Varga", "Maria Varga")])
    assert [e.name for e in entities] == ["Maria Varga"] and "Varga" in entities[0].aliases


def test_library_wide_merge_joins_actors_of_different_articles() -> None:
    entities = identify([app("a", "Stoltenberg"), app("b", "Jens Stoltenberg", role="NATO chief")],
                        [correction("merge", "Stoltenberg", "Jens Stoltenberg")])
    assert len(entities) == 1 and docs(entities[0]) == {"a", "b"} and entities[0].name == "Jens Stoltenberg"


def test_library_wide_kind_and_hide() -> None:
    entities = by_name(identify([app("a", "Apple", "place"), app("b", "Apple", "place"), app("c", "Reuters",
                                                                                                "organization")],
                                [correction("kind", "Apple", "organization"), correction("hide", "Reuters")]))
    assert entities["Apple"].kind == "organization" and entities["Apple"].articles == 2
    assert entities["Reuters"].hidden


def test_an_article_correction_is_not_applied_library_wide() -> None:
    entities = identify([app("a", "Apple", "place"), app("b", "Apple", "place")],
                        [correction("hide", "Apple", document="a")])
    assert not entities[0].hidden


def test_a_correction_naming_an_alias_two_entities_share_is_not_guessed() -> None:
    entities = identify([app("a", "Maria Varga", aliases=("Varga",)), app("b", "Tomas Varga", aliases=("Varga",))],
                        [correction("hide", "Varga")])
    assert not any(e.hidden for e in entities)


def test_ids_are_stable_and_unique() -> None:
    entities = identify([app("a", "Varga"), app("b", "Varga"), app("c", "Maria Varga")])
    ids = [e.id for e in entities]
    assert len(set(ids)) == 3 and "person:maria varga" in ids and "person:varga" in ids
    again = identify([app("c", "Maria Varga"), app("b", "Varga"), app("a", "Varga")])
    assert [e.id for e in again] == ids
