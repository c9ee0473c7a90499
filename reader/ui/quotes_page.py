"""The Quotations page: search what was said across the library, by words, speaker and date.

The words are searched as ``reader quotes`` searches them (every word, ``"a phrase"``,
``word*``); the speaker by full name, alias, or a surname for everyone of that name; the
dates are exclusive bounds on the article's date, as in note search. Results come in date
order; a click opens the article at the quotation and marks it; Export… saves them as
Markdown or CSV with the article, date, file and offsets of each.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from reader.core.library_access import QuoteQuery
from reader.library import QuoteRow
from reader.ui.actors_page import quotes_table
from reader.ui.library_models import ROW_ROLE, QuotesModel
from reader.ui.pages import KeysInto, focus_row

SEARCH_DELAY_MS = 150
"""Pause after the last keystroke before the search runs (the answer of an older one is dropped anyway)."""


def parse_day(text: str) -> date | None:
    """A date typed as YYYY-MM-DD (``None`` when empty); :class:`ValueError` otherwise."""
    text = text.strip()
    return date.fromisoformat(text) if text else None


class QuotationsPage(QWidget):
    """The search fields, the results and Export.

    Signals:
        query_changed(object): a :class:`QuoteQuery` to run.
        quote_activated(object): a :class:`QuoteRow` to open in its article.
        export_requested(): export the quotations shown.
    """

    query_changed = Signal(object)
    quote_activated = Signal(object)
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = QLineEdit(self, placeholderText='words, "a phrase", prefix*', clearButtonEnabled=True)
        self.speaker = QLineEdit(self, placeholderText="anyone (a name, or a surname for all of that name)",
                                 clearButtonEnabled=True)
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.speaker.setCompleter(completer)
        self.after = QLineEdit(self, placeholderText="YYYY-MM-DD", clearButtonEnabled=True)
        self.before = QLineEdit(self, placeholderText="YYYY-MM-DD", clearButtonEnabled=True)
        for field in (self.after, self.before):
            field.setMaximumWidth(140)
        self.message = QLabel(self)
        self.count = QLabel(self)
        self.model = QuotesModel(self)
        self.table = quotes_table(self.model, self)
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(self._clicked)
        self.export_button = QPushButton("Export…", self)
        self.export_button.setToolTip("Save the quotations shown as Markdown or CSV")
        self.export_button.clicked.connect(self.export_requested)
        self.export_button.setEnabled(False)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        for field in (self.words, self.speaker, self.after, self.before):
            field.textChanged.connect(lambda _text: self._timer.start())
            field.returnPressed.connect(self.search)
            KeysInto(field, lambda: focus_row(self.table, 0), (Qt.Key.Key_Down,))

        form = QFormLayout()
        form.addRow("Words", self.words)
        form.addRow("Said by", self.speaker)
        dates = QHBoxLayout()
        dates.addWidget(QLabel("after", self))
        dates.addWidget(self.after)
        dates.addWidget(QLabel("before", self))
        dates.addWidget(self.before)
        dates.addStretch(1)
        form.addRow("Dated", dates)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addWidget(QLabel("<h2 style='margin:0'>Quotations</h2>", self))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.setFocusProxy(self.words)
        self.message.hide()

    # -- the search --------------------------------------------------------------------------

    def query(self) -> QuoteQuery | None:
        """The search the fields describe, or ``None`` (and the reason shown) when a date is not one."""
        try:
            after, before = parse_day(self.after.text()), parse_day(self.before.text())
        except ValueError:
            self._say("Dates are written YYYY-MM-DD, for example 2024-03-05.")
            return None
        self._say("")
        speaker = self.speaker.text().strip() or None
        return QuoteQuery(self.words.text().strip(), speaker=speaker, after=after, before=before)

    def search(self) -> None:
        """Run the search now (the fields ask for it a moment after each keystroke)."""
        self._timer.stop()
        query = self.query()
        if query is not None:
            self.query_changed.emit(query)

    def search_speaker(self, name: str) -> None:
        """Show every quotation of ``name``."""
        self.words.clear()
        self.after.clear()
        self.before.clear()
        self.speaker.setText(name)
        self.search()

    def describe(self) -> str:
        """The search in words, for the heading of an export."""
        query = self.query() or QuoteQuery()
        parts = [f"matching {query.text}" if query.text else "",
                 f"said by {query.speaker}" if query.speaker else "",
                 f"after {query.after}" if query.after else "", f"before {query.before}" if query.before else ""]
        return "Quotations " + " ".join(p for p in parts if p) if any(parts) else "Quotations across the library"

    # -- what it shows -----------------------------------------------------------------------

    def set_results(self, rows: list[QuoteRow]) -> None:
        self.model.set_rows(rows)
        self.count.setText(f"{len(rows):,} quotation{'s' * (len(rows) != 1)}"
                           f"{'' if not rows else ' from ' + str(len({r.document for r in rows})) + ' articles'}")
        self.export_button.setEnabled(bool(rows))
        if not rows and self.query() is not None:
            self._say("No quotation matches." if any(f.text().strip() for f in (self.words, self.speaker, self.after,
                                                                                  self.before))
                      else "No quotations in the library yet: add a folder of articles (File › Add Folder…).")

    def show_failure(self, message: str) -> None:
        self.model.set_rows([])
        self.count.clear()
        self.export_button.setEnabled(False)
        self._say(message)

    def set_speakers(self, names: list[str]) -> None:
        """Names offered as the speaker is typed."""
        self._names.setStringList(names)

    @property
    def rows(self) -> list[QuoteRow]:
        return self.model.rows

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _clicked(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, QuoteRow):
            self.quote_activated.emit(row)
