"""Item models of the library's pages: articles, actors across the library, quotations, notes.

Plain Qt models over the library's rows (:mod:`reader.library.records`); the pages put
views on them. Every one of them sorts and filters itself (:class:`SortedRows` for the
tables, :class:`ActorsModel` for the actors under their kinds): at a thousand articles
the library holds thousands of actors and quotations, and a filter or sort in Python over
plain lists with precomputed keys, followed by one reset or layout change, costs a few
milliseconds, where a proxy model calling back into Python for every row and every
comparison takes seconds and would not keep up with typing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from reader.analysis.model import KINDS
from reader.core.library_access import NoteRef
from reader.library import ActorRow, ArticleRow, QuoteRow
from reader.library.folding import fold_name
from reader.ui import theme as themes

SORT_ROLE = Qt.ItemDataRole.UserRole
"""What a column sorts by: folded text, a number, or a date with undated rows last."""
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""The row object itself (an :class:`ArticleRow`, :class:`ActorRow`, :class:`QuoteRow` or :class:`NoteRef`)."""
ACTOR_ROLE = Qt.ItemDataRole.UserRole + 2
"""The id of an actor row of :class:`ActorsModel` (``None`` on a kind's heading)."""
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
UNDATED = "9999"
"""Sorts after every date."""

Index = QModelIndex | QPersistentModelIndex


def one_line(text: str, limit: int = 160) -> str:
    """A quotation or note on one line, shortened with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "…"


def file_labels(paths: Sequence[str]) -> list[str]:
    """Each path as its folder and file ("north/bridge.md"), with more of the folders above only
    where that is needed to tell two articles apart ("2022/march/worse.txt" beside
    "2023/march/worse.txt"): the part that differs stays short enough to be seen."""
    parts = [Path(p).parts for p in paths]
    depth = [min(2, len(ps)) for ps in parts]
    while True:
        labels = ["/".join(ps[len(ps) - d:]) for ps, d in zip(parts, depth)]
        seen: dict[str, list[int]] = {}
        for i, label in enumerate(labels):
            seen.setdefault(label, []).append(i)
        grow = [i for same in seen.values() if len(same) > 1 for i in same if depth[i] < len(parts[i])]
        if not grow:
            return [label.removeprefix("//") for label in labels]
        for i in grow:
            depth[i] += 1


# -- tables that sort and filter themselves ---------------------------------------------------

class Columns(QAbstractTableModel):
    """The header of a table whose subclasses name the columns and which of them hold numbers."""

    COLUMNS: tuple[str, ...] = ()
    NUMERIC: frozenset[int] = frozenset()
    """Columns of numbers: aligned right."""

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's name)
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.COLUMNS[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section in self.NUMERIC:
                return RIGHT
        return None


class SortedRows(Columns):
    """A table over a list of rows, filtered by :meth:`accepts` and sorted by :meth:`key` here,
    in Python over plain lists (see the module docstring)."""

    def __init__(self, sort: tuple[int, Qt.SortOrder], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[Any] = []
        self._shown: list[int] = []  # indexes into _all, in the order shown
        self._sort = sort

    @property
    def total(self) -> int:
        """Rows held, shown or not."""
        return len(self._all)

    def _set_all(self, rows: Sequence[Any]) -> None:
        self._all = list(rows)
        self._prepare()
        self._refilter()

    def _prepare(self) -> None:
        """Compute what filtering and sorting need once per row (a hook)."""

    def accepts(self, i: int) -> bool:
        """Whether row ``i`` of all the rows is shown (a hook; every row by default)."""
        return True

    def key(self, i: int, column: int) -> Any:
        raise NotImplementedError

    def _refilter(self) -> None:
        self.beginResetModel()
        self._shown = self._ordered([i for i in range(len(self._all)) if self.accepts(i)])
        self.endResetModel()

    def _ordered(self, rows: list[int]) -> list[int]:
        column, order = self._sort
        return sorted(rows, key=lambda i: self.key(i, column), reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self._shown
        moving = [(index, old[index.row()]) for index in self.persistentIndexList()]
        self._shown = self._ordered(old)
        place = {i: row for row, i in enumerate(self._shown)}
        self.changePersistentIndexList([index for index, _ in moving],
                                       [self.index(place[i], index.column()) for index, i in moving])
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's name)
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        i, column = self._shown[index.row()], index.column()
        if role == SORT_ROLE:
            return self.key(i, column)
        if role == ROW_ROLE:
            return self._all[i]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMERIC:
            return RIGHT
        return self.cell(i, column, role)

    def cell(self, i: int, column: int, role: int) -> Any:
        """What row ``i`` of all the rows shows in ``column`` for ``role`` (a hook)."""
        return None


# -- articles --------------------------------------------------------------------------------

class ArticlesModel(SortedRows):
    """Registered articles: title, folder and file, date, actors, quotes, notes, tags.

    A missing file is shown in a muted ink with "missing" beside its file; a changed one says
    so too (adding its folder again or opening it brings the library up to date). The filter
    keeps the articles whose title, file or tags (``#tag``) contain every word typed and,
    unless :meth:`set_with_notes_only` says otherwise, only those with notes.
    """

    COLUMNS = ("Title", "Folder and file", "Date", "Actors", "Quotes", "Notes", "Tags")
    TITLE, FILE, DATE, ACTORS, QUOTES, NOTES, TAGS = range(7)
    NUMERIC = frozenset({ACTORS, QUOTES, NOTES})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((self.DATE, Qt.SortOrder.DescendingOrder), parent)
        self._files: list[str] = []
        self._haystacks: list[str] = []
        self._words: list[str] = []
        self._with_notes_only = False
        self.muted = QColor("gray")  # the ink of a missing file; the page sets its palette's

    def set_rows(self, rows: Sequence[ArticleRow]) -> None:
        self._set_all(rows)

    def row_at(self, row: int) -> ArticleRow:
        """The article shown in row ``row``."""
        return self._all[self._shown[row]]  # type: ignore[no-any-return]

    @property
    def with_notes_only(self) -> bool:
        return self._with_notes_only

    def set_text(self, text: str) -> None:
        words = [w if w.startswith("#") else fold_name(w) for w in text.casefold().split()]
        self._words = [w for w in words if w]
        self._refilter()

    def set_with_notes_only(self, only: bool) -> None:
        self._with_notes_only = only
        self._refilter()

    def _prepare(self) -> None:
        rows: list[ArticleRow] = self._all
        self._files = file_labels([r.path for r in rows])
        self._haystacks = ["\n".join((fold_name(r.title), f.casefold(), *("#" + t.casefold() for t in r.tags)))
                           for r, f in zip(rows, self._files)]

    def accepts(self, i: int) -> bool:
        if self._with_notes_only and self._all[i].notes == 0:
            return False
        haystack = self._haystacks[i]
        return all(word in haystack for word in self._words)

    def key(self, i: int, column: int) -> Any:
        row: ArticleRow = self._all[i]
        if column == self.TITLE:
            return (row.title or os.path.basename(row.path)).casefold(), self._files[i]
        if column == self.FILE:
            return self._files[i].casefold()
        if column == self.DATE:
            return row.date or UNDATED, row.title.casefold()
        if column == self.TAGS:
            return " ".join(row.tags).casefold()
        return (row.actors, row.quotes, row.notes)[column - self.ACTORS]

    def cell(self, i: int, column: int, role: int) -> Any:
        row: ArticleRow = self._all[i]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return row.title or os.path.basename(row.path)
            if column == self.FILE:
                return self._files[i] + ("" if row.status == "ok" else f"  · {row.status}")
            if column == self.DATE:
                return row.date or ""
            if column == self.TAGS:
                return " ".join(f"#{t}" for t in row.tags)
            return f"{(row.actors, row.quotes, row.notes)[column - self.ACTORS]:,}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return _article_tooltip(row)
        if role == Qt.ItemDataRole.ForegroundRole and row.status == "missing":
            return self.muted
        if role == Qt.ItemDataRole.FontRole and row.status == "missing":
            font = QFont()
            font.setItalic(True)
            return font
        return None


def _article_tooltip(row: ArticleRow) -> str:
    lines = [row.title or os.path.basename(row.path), row.path]
    if row.status == "missing":
        lines.append("The file is missing; its notes are kept (adding the folder it moved to finds it).")
    elif row.status == "changed":
        lines.append("The file changed since it was added; open it or add its folder again.")
    if row.analysis == "none":
        lines.append("Not analysed yet.")
    elif row.analysis == "outdated":
        lines.append("Analysed by an older Reader or another model: Library › Update Library analyses it again.")
    return "\n".join(lines)


# -- actors ----------------------------------------------------------------------------------

_ACTOR_KEYS: tuple[Callable[[ActorRow], Any], ...] = (
    lambda a: a.name.casefold(),
    lambda a: (a.articles, a.mentions),
    lambda a: (a.mentions, a.articles),
    lambda a: (a.quotes, a.mentions),
    lambda a: (a.notes, a.mentions),
)


class ActorsModel(Columns):
    """Actors across the library grouped by kind, with their articles, mentions, quotations and
    notes; sorted and filtered here (see the module docstring).

    A flat table: each kind that has actors shown is a heading row ("People · 12", not
    selectable, spanning the row in the view) followed by its actors, so that a view lays it
    out without asking about every row (a tree view walks every expanded row on each reset).
    Sorting orders the actors within their kind; the kinds keep their order.
    """

    COLUMNS = ("Name", "Articles", "Mentions", "Quotes", "Notes")
    NAME, ARTICLES, MENTIONS, QUOTES, NOTES = range(5)
    NUMERIC = frozenset({ARTICLES, MENTIONS, QUOTES, NOTES})

    def __init__(self, theme: themes.Theme = themes.LIGHT, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._all: list[ActorRow] = []
        self._folded: list[str] = []
        self._needle = ""
        self._groups: list[tuple[str, list[ActorRow]]] = []
        self._items: list[ActorRow | str] = []  # a kind (its heading) or an actor, in the order shown
        self._rows: dict[str, int] = {}  # actor id → row
        self._sort = (self.ARTICLES, Qt.SortOrder.DescendingOrder)

    # -- what it holds -----------------------------------------------------------------------

    def set_actors(self, actors: Sequence[ActorRow]) -> None:
        self._all = list(actors)
        self._order_all()
        self._rebuild()

    def set_filter(self, text: str) -> None:
        """Keep the actors whose name, an alias or role contains ``text`` (folded as the library folds names)."""
        needle = fold_name(text)
        if needle != self._needle:
            self._needle = needle
            self._rebuild()

    @property
    def total(self) -> int:
        return len(self._all)

    @property
    def shown(self) -> int:
        return len(self._rows)

    @property
    def actors(self) -> list[ActorRow]:
        """Every actor held, shown or not."""
        return list(self._all)

    def heading_rows(self) -> list[int]:
        """The rows that head a kind."""
        return [row for row, item in enumerate(self._items) if isinstance(item, str)]

    def actor_index(self, actor_id: str) -> QModelIndex:
        """The row of an actor (invalid when filtered out or unknown)."""
        row = self._rows.get(actor_id)
        return QModelIndex() if row is None else self.index(row, 0)

    def set_theme(self, theme: themes.Theme) -> None:
        self._theme = theme
        for row in self.heading_rows():
            self.dataChanged.emit(self.index(row, 0), self.index(row, 0), [Qt.ItemDataRole.DecorationRole])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        moving = [(index, self._items[index.row()]) for index in self.persistentIndexList()]
        self._order_all()
        shown = set(self._rows)
        self._group([a for a in self._all if a.id in shown])
        self.changePersistentIndexList(
            [index for index, _ in moving],
            [index if isinstance(item, str) else self.index(self._rows[item.id], index.column())
             for index, item in moving])
        self.layoutChanged.emit()

    def _order_all(self) -> None:
        """Sort every actor once (a filter keeps the order), and fold their names for the filter."""
        column, order = self._sort
        self._all.sort(key=lambda a: a.name.casefold())  # ties in name order, whichever the direction
        self._all.sort(key=_ACTOR_KEYS[column], reverse=order == Qt.SortOrder.DescendingOrder)
        self._folded = ["\n".join(fold_name(n) for n in (a.name, *a.aliases, a.role or "")) for a in self._all]

    def _rebuild(self) -> None:
        self.beginResetModel()
        needle = self._needle
        self._group([a for a, folded in zip(self._all, self._folded) if needle in folded] if needle else self._all)
        self.endResetModel()

    def _group(self, actors: list[ActorRow]) -> None:
        """Lay out ``actors`` (in order) under their kinds."""
        by_kind: dict[str, list[ActorRow]] = {kind: [] for kind in KINDS}
        for actor in actors:
            by_kind.setdefault(actor.kind, []).append(actor)
        self._groups = [(kind, members) for kind, members in by_kind.items() if members]
        self._items, self._rows = [], {}
        for kind, members in self._groups:
            self._items.append(kind)
            first = len(self._items)
            self._rows.update((a.id, first + n) for n, a in enumerate(members))
            self._items += members

    # -- the model -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's name)
        return 0 if parent.isValid() else len(self._items)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self._items[index.row()], str):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item, column = self._items[index.row()], index.column()
        if isinstance(item, str):
            return self._heading_data(item, column, role)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return item.name
            return f"{(item.articles, item.mentions, item.quotes, item.notes)[column - 1]:,}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return RIGHT
        if role == ACTOR_ROLE:
            return item.id
        if role == ROW_ROLE:
            return item
        if role == Qt.ItemDataRole.ToolTipRole:
            details = [themes.KIND_SINGULAR[item.kind], *([item.role] if item.role else []),
                       *(["also: " + ", ".join(item.aliases)] if item.aliases else [])]
            return f"{item.name}\n" + "\n".join(details)
        return None

    def _heading_data(self, kind: str, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            count = next(len(actors) for k, actors in self._groups if k == kind)
            return f"{themes.KIND_LABELS[kind]} · {count:,}"
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            from reader.ui.legend import swatch

            return swatch(self._theme, kind)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None


# -- quotations and notes ---------------------------------------------------------------------

class QuotesModel(SortedRows):
    """Quotations: date, the words, the speaker, the article (in date order until sorted otherwise)."""

    COLUMNS = ("Date", "Quotation", "Speaker", "Article")
    DATE, QUOTE, SPEAKER, ARTICLE = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((self.DATE, Qt.SortOrder.AscendingOrder), parent)

    def set_rows(self, rows: Sequence[QuoteRow]) -> None:
        self._set_all(rows)

    @property
    def rows(self) -> list[QuoteRow]:
        """Every quotation held, in the order the library gave them (date order)."""
        return list(self._all)

    def row_at(self, row: int) -> QuoteRow:
        """The quotation shown in row ``row``."""
        return self._all[self._shown[row]]  # type: ignore[no-any-return]

    def key(self, i: int, column: int) -> Any:
        row: QuoteRow = self._all[i]
        place = (row.date or UNDATED, row.title.casefold(), row.document, row.start)
        if column == self.DATE:
            return place
        if column == self.ARTICLE:
            return row.title.casefold(), row.document, row.start
        return (row.text.casefold() if column == self.QUOTE else (row.speaker or "").casefold()), *place

    def cell(self, i: int, column: int, role: int) -> Any:
        row: QuoteRow = self._all[i]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.date or "", one_line(row.text), row.speaker or "unknown",
                    row.title or os.path.basename(row.path))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.text}\n\n— {row.speaker or 'speaker unknown'}, in {row.title} ({row.date or 'undated'})\n" \
                   f"{row.path}, characters {row.start}–{row.end}"
        if role == Qt.ItemDataRole.ForegroundRole and column == self.SPEAKER and not row.speaker:
            return QColor("gray")
        return None


class NotesModel(QAbstractListModel):
    """Notes that name an actor: the passage, the note's first words and the article."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notes: list[NoteRef] = []

    def set_notes(self, notes: Sequence[NoteRef]) -> None:
        self.beginResetModel()
        self._notes = list(notes)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's name)
        return 0 if parent.isValid() else len(self._notes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        ref = self._notes[index.row()]
        note = ref.annotation
        if role == Qt.ItemDataRole.DisplayRole:
            words = one_line(note.note, 120) if note.note.strip() else "(no note written)"
            tags = "".join(f"  #{t}" for t in note.tags)
            return f"“{one_line(note.selector.exact, 100)}”\n{words}{tags}\n{ref.title or os.path.basename(ref.path)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{note.note}\n\n{ref.path}" if note.note else ref.path
        if role == ROW_ROLE:
            return ref
        return None
