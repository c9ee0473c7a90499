"""The Actors page: everyone across the library, and what one of them said, where, and the notes on them.

On the left, every actor of every article (one per real-world entity, as the library
identifies them), grouped by kind, with the number of articles, mentions, quotations and
notes; sortable by any column and filtered as you type (name, alias or role). On the right,
the actor selected: their quotations across articles in date order (a click opens the
article at the quotation and marks it), the articles they appear in, and the notes that
name them.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListView,
                               QPushButton, QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget)

from reader.core.library_access import ActorProfile, NoteRef
from reader.library import ActorRow, ArticleRow, QuoteRow
from reader.ui import theme as themes
from reader.ui.library_models import ACTOR_ROLE, ROW_ROLE, ActorsModel, ArticlesModel, NotesModel, QuotesModel
from reader.ui.pages import KeysInto, focus_row


def quotes_table(model: QuotesModel, parent: QWidget) -> QTableView:
    """A sortable table of quotations (date, words, speaker, article), one line each."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.sortByColumn(QuotesModel.DATE, Qt.SortOrder.AscendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(QuotesModel.QUOTE, QHeaderView.ResizeMode.Stretch)
    header.setHighlightSections(False)
    table.setColumnWidth(QuotesModel.DATE, 96)
    table.setColumnWidth(QuotesModel.SPEAKER, 160)
    table.setColumnWidth(QuotesModel.ARTICLE, 240)
    return table


class ActorsPage(QWidget):
    """Every actor across the library, and the one selected.

    Signals:
        actor_selected(str): the reader selected an actor (its id); the page waits for
            :meth:`set_profile`.
        quote_activated(object): a :class:`QuoteRow` to open in its article.
        article_activated(object): an :class:`ArticleRow` to open.
        note_activated(object): a :class:`NoteRef` to open in its article.
        export_requested(): export the selected actor's quotations.
    """

    actor_selected = Signal(str)
    quote_activated = Signal(object)
    article_activated = Signal(object)
    note_activated = Signal(object)
    export_requested = Signal()

    def __init__(self, theme: themes.Theme = themes.LIGHT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile: ActorProfile | None = None
        self.model = ActorsModel(theme, self)
        self.filter = QLineEdit(self, placeholderText="Filter by name, alias or role", clearButtonEnabled=True)
        self.filter.textChanged.connect(self.apply_filter)
        self.count = QLabel(self)
        self.list = QTableView(self)  # the actors (a table: see ActorsModel)
        self.list.setModel(self.model)
        self.list.setShowGrid(False)
        self.list.setWordWrap(False)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSortingEnabled(True)
        self.list.sortByColumn(ActorsModel.ARTICLES, Qt.SortOrder.DescendingOrder)
        rows = self.list.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never measured row by row
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.list.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # not sized to contents: 10,000 rows
        header.setSectionResizeMode(ActorsModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(ActorsModel.COLUMNS)):
            header.resizeSection(column, 72)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.activated.connect(lambda _index: self.focus_quotations())
        KeysInto(self.filter, self.focus_first_actor)
        self.model.modelReset.connect(self._span_headings)
        self.model.layoutChanged.connect(self._span_headings)

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.quotes_model = QuotesModel(self)
        self.quotes = quotes_table(self.quotes_model, self)
        self.quotes.setColumnHidden(QuotesModel.SPEAKER, True)
        self.quotes.clicked.connect(self._quote_clicked)
        self.quotes.activated.connect(self._quote_clicked)
        self.articles_model = ArticlesModel(self)
        self.articles = QTableView(self)
        self.articles.setModel(self.articles_model)
        self.articles.setSortingEnabled(True)
        self.articles.sortByColumn(ArticlesModel.DATE, Qt.SortOrder.AscendingOrder)
        self.articles.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.articles.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.articles.verticalHeader().hide()
        self.articles.horizontalHeader().setSectionResizeMode(ArticlesModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (ArticlesModel.ACTORS, ArticlesModel.TAGS):
            self.articles.setColumnHidden(column, True)
        self.articles.setColumnWidth(ArticlesModel.FILE, 220)
        self.articles.clicked.connect(self._article_clicked)
        self.articles.activated.connect(self._article_clicked)
        self.notes_model = NotesModel(self)
        self.notes = QListView(self)
        self.notes.setModel(self.notes_model)
        self.notes.setWordWrap(True)
        self.notes.setAlternatingRowColors(True)
        self.notes.clicked.connect(self._note_clicked)
        self.notes.activated.connect(self._note_clicked)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.quotes, "Quotations")
        self.tabs.addTab(self.articles, "Articles")
        self.tabs.addTab(self.notes, "Notes")
        self.export_button = QPushButton("Export Quotations…", self)
        self.export_button.setToolTip("Save this actor's quotations as Markdown or CSV")
        self.export_button.clicked.connect(self.export_requested)
        self.hint = QLabel("Click a quotation (or press Enter on it) to read it in its article.", self)
        self.hint.setEnabled(False)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.filter, 1)
        filter_row.addWidget(self.count)
        left_layout.addLayout(filter_row)
        left_layout.addWidget(self.list, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.tabs, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.export_button)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([460, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addWidget(QLabel("<h2 style='margin:0'>Actors</h2>", self))
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.filter)
        self.set_profile(None)

    # -- what it shows ---------------------------------------------------------------------

    def set_actors(self, actors: list[ActorRow]) -> None:
        """Every actor across the library (the selection is kept when its actor still exists)."""
        selected = self.selected_actor()
        self.model.set_actors(actors)
        self._update_count()
        if selected is not None and not self.select(selected):
            self.set_profile(None)

    def apply_filter(self, text: str) -> None:
        """Keep the actors that match ``text`` (name, alias or role) as the reader types."""
        selected = self.selected_actor()
        self.model.set_filter(text)
        self._update_count()
        if selected is not None:
            self._select_quietly(selected)

    def focus_first_actor(self) -> None:
        """Down or Enter in the filter: the keyboard goes to the first actor shown."""
        first = next((row for row in range(self.model.rowCount()) if row not in self.model.heading_rows()), None)
        if first is not None:
            focus_row(self.list, first)

    def focus_quotations(self) -> None:
        """Enter on an actor: the keyboard goes to their quotations (Enter there opens one)."""
        self.tabs.setCurrentWidget(self.quotes)
        focus_row(self.quotes, 0)

    def select(self, actor_id: str) -> bool:
        """Select an actor (which asks for their profile); False when it is not shown."""
        index = self.model.actor_index(actor_id)
        if not index.isValid():
            return False
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)
        return True

    def selected_actor(self) -> str | None:
        actor_id = self.list.currentIndex().data(ACTOR_ROLE)
        return str(actor_id) if actor_id else None

    def set_profile(self, profile: ActorProfile | None) -> None:
        """The selected actor's quotations, articles and notes (``None``: nobody selected)."""
        self.profile = profile
        if profile is None:
            self.heading.setText("<p>Select an actor to see their quotations across the library, the articles "
                                 "they appear in and the notes that mention them.</p>")
            self.quotes_model.set_rows([])
            self.articles_model.set_rows([])
            self.notes_model.set_notes([])
        else:
            self.heading.setText(_heading(profile.actor))
            self.quotes_model.set_rows(profile.quotes)
            self.articles_model.set_rows(profile.articles)
            self.notes_model.set_notes(profile.notes)
        for tab, count, name in ((0, len(profile.quotes) if profile else 0, "Quotations"),
                                 (1, len(profile.articles) if profile else 0, "Articles"),
                                 (2, len(profile.notes) if profile else 0, "Notes")):
            self.tabs.setTabText(tab, f"{name} ({count:,})" if profile else name)
        self.export_button.setEnabled(bool(profile and profile.quotes))

    def set_theme(self, theme: themes.Theme) -> None:
        self.model.set_theme(theme)

    # -- the reader's requests ---------------------------------------------------------------

    def _span_headings(self) -> None:
        """Each kind's heading spans its row."""
        self.list.clearSpans()
        for row in self.model.heading_rows():
            self.list.setSpan(row, 0, 1, len(ActorsModel.COLUMNS))

    def _select_quietly(self, actor_id: str) -> None:
        index = self.model.actor_index(actor_id)
        if index.isValid():
            self.list.selectionModel().blockSignals(True)
            self.list.setCurrentIndex(index)
            self.list.selectionModel().blockSignals(False)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        actor_id = current.data(ACTOR_ROLE)
        if actor_id and (self.profile is None or self.profile.actor.id != actor_id):
            self.actor_selected.emit(actor_id)

    def _update_count(self) -> None:
        shown, total = self.model.shown, self.model.total
        self.count.setText(f"{shown:,} of {total:,}" if shown != total else f"{total:,} actors")

    def _quote_clicked(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, QuoteRow):
            self.quote_activated.emit(row)

    def _article_clicked(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, ArticleRow):
            self.article_activated.emit(row)

    def _note_clicked(self, index: QModelIndex) -> None:
        ref = index.data(ROW_ROLE)
        if isinstance(ref, NoteRef):
            self.note_activated.emit(ref)


def _heading(actor: ActorRow) -> str:
    """The actor's name, kind, role and other names, and their numbers across the library."""
    what = themes.KIND_SINGULAR[actor.kind] + (f" — {html.escape(actor.role)}" if actor.role else "")
    aliases = f"<br>also: {html.escape(', '.join(actor.aliases))}" if actor.aliases else ""

    def n(count: int, word: str) -> str:
        return f"{count:,} {word}{'s' * (count != 1)}"

    numbers = " · ".join((n(actor.articles, "article"), n(actor.mentions, "mention"),
                          n(actor.quotes, "quotation"), n(actor.notes, "note")))
    return f"<h3 style='margin:0'>{html.escape(actor.name)}</h3><p style='margin:2px 0'>{what}{aliases}<br>" \
           f"{numbers}</p>"
