"""The models of the library's pages, checked by Qt's model tester, and what their rows say.

Articles (three of one title told apart, missing files marked, articles without notes
hidden unless asked, filter and sort), actors across the library (grouped by kind, sorted
and filtered by the model itself), quotations, the notes that name an actor, tags; and
the plain helpers: file labels, progress lines, where a quotation stands in a changed text.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from notes.records import Annotation, Selector
from reader.core.library_access import NoteRef
from reader.library import ActorRow, AddReport, ArticleRow, FileReport, Progress, QuoteRow
from reader.ui.library_models import (ACTOR_ROLE, ROW_ROLE, SORT_ROLE, ActorsModel, ArticlesModel, NotesModel,
                                      QuotesModel, file_labels)
from reader.ui.library_page import TAG_ROLE, TagsModel
from reader.ui.library_ui import locate
from reader.ui.pages import describe_progress, describe_report, duration

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("qapp")]


def article(path: str, title: str = "It could be even worse", day: str | None = "2022-03-04", notes: int = 0,
            status: str = "ok", tags: tuple[str, ...] = (), actors: int = 3, quotes: int = 1) -> ArticleRow:
    return ArticleRow(path, title, day, notes, actors, quotes, status, "current", path, list(tags))  # type: ignore[arg-type]


ARTICLES = [
    article("/news/2022/march/worse.txt", notes=2, tags=("war", "energy")),
    article("/news/2022/april/worse.txt", day="2022-04-01", notes=1, tags=("energy",)),
    article("/news/archive/worse.txt", day="2022-02-01", status="missing", notes=1),
    article("/news/2022/march/ferries.md", title="Ferries stop", day=None),
]


def actor(ident: str, name: str, kind: str = "person", articles: int = 1, mentions: int = 1, quotes: int = 0,
          notes: int = 0, aliases: tuple[str, ...] = (), role: str | None = None) -> ActorRow:
    return ActorRow(ident, name, kind, role, list(aliases), articles, mentions, quotes, notes)  # type: ignore[arg-type]


ACTORS = [actor("p1", "Maria Varga", articles=3, mentions=9, quotes=4, notes=1, aliases=("Varga",),
                role="chancellor"),
          actor("p2", "Tomas Varga", articles=1, mentions=2, quotes=1),
          actor("p3", "Zoë Ångström", articles=2, mentions=5),
          actor("o1", "Harbour Council", "organization", articles=4, mentions=6),
          actor("l1", "Lisbon", "place", articles=2, mentions=2)]


def test_three_articles_of_one_title_are_told_apart_by_folder_and_file(qtmodeltester) -> None:
    model = ArticlesModel()
    qtmodeltester.check(model)
    model.sort(ArticlesModel.TITLE, Qt.SortOrder.DescendingOrder)  # titles, then folder and file
    model.set_rows(ARTICLES)
    qtmodeltester.check(model)
    titles = [model.index(r, model.TITLE).data() for r in range(4)]
    files = [model.index(r, model.FILE).data() for r in range(4)]
    assert titles == ["It could be even worse"] * 3 + ["Ferries stop"]
    assert files == ["march/worse.txt", "archive/worse.txt  · missing", "april/worse.txt", "march/ferries.md"]
    assert model.index(0, model.TAGS).data() == "#war #energy"
    assert model.index(0, model.NOTES).data() == "2" and model.index(3, model.DATE).data() == ""
    assert model.index(0, model.TITLE).data(ROW_ROLE) is ARTICLES[0] and model.row_at(0) is ARTICLES[0]
    assert model.headerData(model.FILE, Qt.Orientation.Horizontal) == "Folder and file"
    assert model.index(0, model.NOTES).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_a_missing_file_is_marked_and_says_its_notes_are_kept() -> None:
    model = ArticlesModel()
    model.set_rows(ARTICLES)
    model.sort(ArticlesModel.FILE, Qt.SortOrder.AscendingOrder)
    missing = model.index(1, model.TITLE)  # april/, archive/, march/ferries, march/worse
    assert model.row_at(1).status == "missing"
    assert missing.data(Qt.ItemDataRole.ForegroundRole) == model.muted
    assert missing.data(Qt.ItemDataRole.FontRole).italic()
    assert "missing; its notes are kept" in missing.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, model.TITLE).data(Qt.ItemDataRole.ForegroundRole) is None


def test_articles_without_notes_are_hidden_when_asked_and_the_filter_reads_title_file_and_tags(
        qtmodeltester) -> None:
    model = ArticlesModel()
    model.set_rows(ARTICLES)
    model.sort(ArticlesModel.FILE, Qt.SortOrder.AscendingOrder)

    def shown() -> list[str]:
        return [model.index(r, ArticlesModel.FILE).data() for r in range(model.rowCount())]

    assert len(shown()) == 4 and model.total == 4
    model.set_with_notes_only(True)
    qtmodeltester.check(model)
    assert len(shown()) == 3 and "ferries.md" not in " ".join(shown())  # no notes: hidden
    model.set_with_notes_only(False)
    model.set_text("#war")
    assert shown() == ["march/worse.txt"]
    model.set_text("april worse")
    assert shown() == ["april/worse.txt"]
    model.set_text("FERRIES")
    assert shown() == ["march/ferries.md"]
    model.set_text("")
    qtmodeltester.check(model)


def test_articles_sort_by_date_with_undated_last_and_by_numbers_keeping_persistent_rows(qtmodeltester) -> None:
    from PySide6.QtCore import QPersistentModelIndex

    model = ArticlesModel()
    model.set_rows(ARTICLES)
    model.sort(ArticlesModel.DATE, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, ArticlesModel.DATE).data() for r in range(4)] == \
        ["2022-02-01", "2022-03-04", "2022-04-01", ""]
    held = QPersistentModelIndex(model.index(1, ArticlesModel.TITLE))
    model.sort(ArticlesModel.NOTES, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    assert [model.index(r, ArticlesModel.NOTES).data(SORT_ROLE) for r in range(4)] == [2, 1, 1, 0]
    assert held.row() == 0 and held.data(ROW_ROLE) is ARTICLES[0]


def test_file_labels_show_folder_and_file_and_more_folders_only_to_tell_two_apart() -> None:
    assert file_labels(["/a/b/x.txt", "/a/c/x.txt"]) == ["b/x.txt", "c/x.txt"]
    assert file_labels(["/news/2022/march/worse.txt", "/news/2023/march/worse.txt", "/tmp/y.txt"]) == \
        ["2022/march/worse.txt", "2023/march/worse.txt", "tmp/y.txt"]
    assert file_labels(["/a/b/x.txt"]) == ["b/x.txt"]
    assert file_labels(["/x.txt", "/a/x.txt"]) == ["x.txt", "a/x.txt"]
    assert file_labels([]) == []


def kinds(model: ActorsModel) -> list[str]:
    return [model.index(r, 0).data() for r in model.heading_rows()]


def names(model: ActorsModel, kind: int) -> list[str]:
    """The names under the ``kind``-th heading."""
    headings = [*model.heading_rows(), model.rowCount()]
    return [model.index(r, 0).data() for r in range(headings[kind] + 1, headings[kind + 1])]


def test_actors_are_grouped_by_kind_with_their_numbers(qtmodeltester) -> None:
    model = ActorsModel()
    qtmodeltester.check(model)
    model.set_actors(ACTORS)
    qtmodeltester.check(model)
    assert kinds(model) == ["People · 3", "Organisations · 1", "Places · 1"]
    assert model.heading_rows() == [0, 4, 6]
    assert names(model, 0) == ["Maria Varga", "Zoë Ångström", "Tomas Varga"]  # most articles first
    assert [model.index(1, c).data() for c in range(5)] == ["Maria Varga", "3", "9", "4", "1"]
    row = model.index(1, 0)
    assert row.data(ACTOR_ROLE) == "p1" and "chancellor" in row.data(Qt.ItemDataRole.ToolTipRole)
    assert row.data(ROW_ROLE) is ACTORS[0] and model.actor_index("p1").row() == 1
    assert model.index(0, 0).data(ACTOR_ROLE) is None and model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert model.flags(row) & Qt.ItemFlag.ItemIsSelectable


def test_actors_filter_by_name_alias_or_role_folded_and_sort_within_their_kind(qtmodeltester) -> None:
    from PySide6.QtCore import QPersistentModelIndex

    model = ActorsModel()
    model.set_actors(ACTORS)
    model.set_filter("zoe ang")  # no accents needed
    assert kinds(model) == ["People · 1"] and names(model, 0) == ["Zoë Ångström"]
    model.set_filter("CHANCELLOR")
    assert names(model, 0) == ["Maria Varga"]
    model.set_filter("varga")
    qtmodeltester.check(model)
    assert names(model, 0) == ["Maria Varga", "Tomas Varga"] and (model.shown, model.total) == (2, 5)
    assert not model.actor_index("o1").isValid()
    model.set_filter("nobody")
    assert model.rowCount() == 0
    model.set_filter("")
    persistent = QPersistentModelIndex(model.actor_index("p2"))
    heading = QPersistentModelIndex(model.index(4, 0))
    model.sort(ActorsModel.NAME, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)
    assert names(model, 0) == ["Maria Varga", "Tomas Varga", "Zoë Ångström"]
    assert persistent.isValid() and persistent.data(ACTOR_ROLE) == "p2" and persistent.row() == 2
    assert heading.row() == 4
    model.sort(ActorsModel.MENTIONS, Qt.SortOrder.DescendingOrder)
    assert names(model, 0) == ["Maria Varga", "Zoë Ångström", "Tomas Varga"]
    assert kinds(model)[0].startswith("People")  # the kinds keep their order


def test_quotes_model_shows_date_words_speaker_and_article(qtmodeltester) -> None:
    rows = [QuoteRow("“We will not\nsign this,”", "Maria Varga", "/a.txt", "Budget talks", "2024-03-04", 10, 35,
                     "/a.txt", "p1"),
            QuoteRow("“Nobody loses,”", None, "/b.txt", "Talks", None, 4, 19, "/b.txt", None)]
    model = QuotesModel()
    qtmodeltester.check(model)
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in range(4)] == \
        ["2024-03-04", "“We will not sign this,”", "Maria Varga", "Budget talks"]
    assert model.index(1, QuotesModel.SPEAKER).data() == "unknown"
    assert "characters 10–35" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    model.sort(QuotesModel.SPEAKER, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)
    assert model.index(0, QuotesModel.SPEAKER).data() == "unknown"  # no speaker sorts first
    model.sort(QuotesModel.DATE, Qt.SortOrder.AscendingOrder)
    assert model.index(1, QuotesModel.DATE).data() == "" and model.rows == rows  # undated last


def test_notes_and_tags_models(qtmodeltester) -> None:
    note = Annotation("/a.txt", Selector.from_text("Maria Varga signed the treaty.", 0, 11), note="Her first **win**",
                      tags=["law"])
    notes = NotesModel()
    qtmodeltester.check(notes)
    notes.set_notes([NoteRef(note, "Budget talks", "/a.txt")])
    qtmodeltester.check(notes)
    assert notes.index(0).data() == "“Maria Varga”\nHer first **win**  #law\nBudget talks"
    tags = TagsModel()
    qtmodeltester.check(tags)
    tags.set_tags([("ferries", 2), ("norway", 1)])
    qtmodeltester.check(tags)
    assert tags.index(0).data() == "#ferries  (2)" and tags.index(1).data(TAG_ROLE) == "norway"


def test_progress_and_reports_in_words() -> None:
    assert describe_progress(Progress("scanning", 0, 0)) == "Looking for articles…"
    assert describe_progress(Progress("analysing", 37, 120, 12, 130.0)) == \
        "Adding articles: 37 of 120 · 12 analysed · about 2 min left"
    assert describe_progress(Progress("analysing", 3, 120)) == "Adding articles: 3 of 120"
    assert duration(4) == "a few seconds" and duration(42) == "40 s" and duration(3 * 3600 + 300) == "3 h 05 min"
    report = AddReport([FileReport("/a", "added", True), FileReport("/b", "unchanged"),
                        FileReport("/c", "refused", reason="empty: no text to analyse")])
    assert describe_report(report) == "Library: 1 added, 1 unchanged, 1 analysed, 1 could not be added."
    report.cancelled = True
    assert describe_report(report).startswith("Adding stopped: 1 added")


def test_a_quotation_is_found_where_it_stands_or_nearest_in_a_changed_text() -> None:
    row = QuoteRow("“Yes,”", "A", "/a", "T", None, 4, 10, "/a", None)
    assert locate("She “Yes,” said", row) == (4, 10)
    assert locate("Then she said “Yes,” and later “Yes,” again", row) == (14, 20)
    assert locate("Nothing here", row) is None
