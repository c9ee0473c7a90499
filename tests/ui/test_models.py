"""The list views' item models, checked by Qt's model tester with real data, empty, and
after a reset: actors (a tree, and its filter), notes, search results, quotes. (The library's
pages' models: test_library_models.py.)"""

from __future__ import annotations


import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon

from notes.records import Annotation, DocumentRecord, Selector
from notes.search_hit import Hit
from reader.analysis.model import Actor, Analysis, Mention, Quote
from reader.document import parse
from reader.ui import theme as themes
from reader.ui.actors_panel import ACTOR_ROLE, ActorsFilter, ActorsModel
from reader.ui.notes_panel import ID_ROLE, NotesModel
from reader.ui.quotes_panel import QuotesModel, quote_rows
from reader.ui.search_panel import HIT_ROLE, HTML_ROLE, HitsModel

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("qapp")]

TEXT = ("The ferry operator Nordlys said on Monday that Ines Varga would lead the Bergen office. "
        "“We start in spring,” Varga said. Bergen welcomed it; Nordlys did not comment.")


def analysis() -> Analysis:
    def at(word: str, nth: int = 0) -> tuple[int, int]:
        start = -1
        for _ in range(nth + 1):
            start = TEXT.index(word, start + 1)
        return start, start + len(word)

    actors = [Actor("a1", "Ines Varga", "person", "office head", ["Varga"]), Actor("a2", "Nordlys", "organization"),
              Actor("a3", "Bergen", "place")]
    mentions = [Mention(*at("Nordlys"), "a2"), Mention(*at("Ines Varga"), "a1"), Mention(*at("Bergen"), "a3"),
                Mention(*at("Varga", 1), "a1"), Mention(*at("Bergen", 1), "a3"), Mention(*at("Nordlys", 1), "a2")]
    quote = at("“We start in spring,”")
    return Analysis(actors, sorted(mentions, key=lambda m: m.start), [Quote(*quote, "a1", *at("Varga", 1), "said")])


def test_actors_model_is_a_valid_tree_grouped_by_kind(qtmodeltester) -> None:
    model = ActorsModel(themes.LIGHT)
    qtmodeltester.check(model)
    model.set_analysis(analysis())
    qtmodeltester.check(model)
    # A kind's row says how many actors; every number in the second column counts mentions.
    assert [(model.index(i, 0).data(), model.index(i, 1).data()) for i in range(model.rowCount())] == [
        ("1 person", "2"), ("1 organisation", "2"), ("1 place", "2")]
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in range(2)] == ["Actor", "Mentions"]
    people = model.index(0, 0)
    assert (model.index(0, 0, people).data(), model.index(0, 1, people).data()) == ("Ines Varga", "2")
    assert model.index(0, 0, people).data(ACTOR_ROLE) == "a1" and people.data(ACTOR_ROLE) is None
    assert "office head" in model.index(0, 0, people).data(Qt.ItemDataRole.ToolTipRole)
    assert isinstance(people.data(Qt.ItemDataRole.DecorationRole), QIcon)
    model.set_theme(themes.DARK)
    model.set_analysis(None)
    assert model.rowCount() == 0


def test_the_actor_filter_matches_names_aliases_and_roles_and_hides_empty_kinds(qtmodeltester) -> None:
    model = ActorsModel(themes.LIGHT)
    model.set_analysis(analysis())
    proxy = ActorsFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    for text, shown in (("varg", {"1 person": ["Ines Varga"]}), ("office", {"1 person": ["Ines Varga"]}),
                        ("BERG", {"1 place": ["Bergen"]}), ("nobody", {}),
                        ("", {"1 person": ["Ines Varga"], "1 organisation": ["Nordlys"], "1 place": ["Bergen"]})):
        proxy.set_text(text)
        qtmodeltester.check(proxy)
        groups = {proxy.index(i, 0).data(): [proxy.index(j, 0, proxy.index(i, 0)).data()
                                             for j in range(proxy.rowCount(proxy.index(i, 0)))]
                  for i in range(proxy.rowCount())}
        assert groups == shown, text


def notes() -> list[Annotation]:
    return [Annotation("/a.txt", Selector.from_text(TEXT, 40, 50), note="a **bold** claim", tags=["ferries"]),
            Annotation("/a.txt", Selector.from_text(TEXT, 4, 9), color="green"),
            Annotation("/a.txt", Selector.from_text(TEXT, 0, 3), status="orphaned")]


def test_notes_model_lists_in_reading_order_with_orphans_last(qtmodeltester) -> None:
    model = NotesModel({"yellow": QIcon(), "green": QIcon()})
    qtmodeltester.check(model)
    made = notes()
    model.set_annotations(made)
    qtmodeltester.check(model)
    rows = [model.index(i).data() for i in range(model.rowCount())]
    assert "ferry" in rows[0] and "a bold claim" in rows[1] and "#ferries" in rows[1]
    assert rows[2].startswith("⚠ Orphaned") and model.index(2).data(Qt.ItemDataRole.ForegroundRole) == model.muted
    assert [model.index(i).data(ID_ROLE) for i in range(3)] == [made[1].id, made[0].id, made[2].id]
    assert model.row_of(made[2].id) == 2 and model.row_of("nothing") is None


def test_hits_model_holds_rich_text_and_the_hits(qtmodeltester) -> None:
    model = HitsModel()
    qtmodeltester.check(model)
    doc = DocumentRecord("/a.txt", "/a.txt", "x", title="Ferries <north>")
    hits = [Hit(note, doc, 1.0 - i / 10, note.selector.exact, [(0, 3)]) for i, note in enumerate(notes())]
    model.set_hits(hits)
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.index(1).data(HIT_ROLE) is hits[1]
    assert "Ferries &lt;north&gt;" in model.index(0).data(HTML_ROLE)
    assert model.index(0).data() == hits[0].snippet


def test_quotes_model(qtmodeltester) -> None:
    model = QuotesModel()
    qtmodeltester.check(model)
    article = parse(TEXT, "text")
    model.set_rows(article.text, quote_rows(article, analysis()))
    qtmodeltester.check(model)
    assert model.index(0).data() == "“We start in spring,”\n— Ines Varga"
