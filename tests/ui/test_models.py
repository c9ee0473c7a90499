"""The list views' item models, checked by Qt's model tester with real data, empty, and
after a reset: actors (a tree, and its filter), notes, search results, articles, tags, quotes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon

from notes.records import Annotation, DocumentRecord, Selector
from notes.search import Hit
from reader.analysis.model import Actor, Analysis, Mention, Quote
from reader.core.articles import overview
from reader.document import parse
from reader.ui import theme as themes
from reader.ui.actors_panel import ACTOR_ROLE, ActorsFilter, ActorsModel
from reader.ui.articles_view import PATH_ROLE, TAG_ROLE, ArticlesModel, TagsModel
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


def test_articles_and_tags_models(qtmodeltester, tmp_path: Path) -> None:
    here = tmp_path / "here.txt"
    here.write_text("x", encoding="utf-8")
    docs = [DocumentRecord(str(here), str(here), "1", title="Here", last_opened="2026-02-01T00:00:00"),
            DocumentRecord("/gone.txt", "/gone.txt", "2", date="2025-12-24", last_opened="2026-01-01T00:00:00")]
    made = [Annotation(str(here), Selector.from_text(TEXT, 0, 3), tags=["ferries", "norway"]),
            Annotation("/gone.txt", Selector.from_text(TEXT, 4, 9), tags=["ferries"])]
    articles, tags = ArticlesModel(), TagsModel()
    qtmodeltester.check(articles)
    qtmodeltester.check(tags)
    summary = overview(docs, made)
    articles.set_entries(summary.entries)
    tags.set_tags(summary.tags)
    qtmodeltester.check(articles)
    qtmodeltester.check(tags)
    assert articles.index(0).data() == "Here\n1 note"
    assert articles.index(1).data() == "gone.txt\n1 note · 2025-12-24"
    assert articles.index(1).data(Qt.ItemDataRole.ForegroundRole) == articles.muted
    assert "missing" in articles.index(1).data(Qt.ItemDataRole.ToolTipRole)
    assert articles.index(0).data(PATH_ROLE) == str(here)
    assert [tags.index(i).data(TAG_ROLE) for i in range(2)] == ["ferries", "norway"]
    assert tags.index(0).data() == "#ferries  (2)"


def test_quotes_model(qtmodeltester) -> None:
    model = QuotesModel()
    qtmodeltester.check(model)
    article = parse(TEXT, "text")
    model.set_rows(article.text, quote_rows(article, analysis()))
    qtmodeltester.check(model)
    assert model.index(0).data() == "“We start in spring,”\n— Ines Varga"
