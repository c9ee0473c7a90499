"""Corrections of actors in the window: asked, remembered, undone, and hidden actors shown again.

:class:`CorrectionsController` takes the Actors panel's requests, asks what each needs
(:mod:`reader.ui.correction_dialogs`), and makes the correction through the session, as a
change on the window's :class:`~reader.ui.undo.History`: Edit › Undo takes a rename,
merge, change of kind or hide back, and Redo makes it again. After each change the article
is analysed again with the corrections (from the cache: no model runs), the actor the
reader was working on stays selected, and the count of hidden actors is brought up to date.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from notes.records import Correction
from reader.core import ACTIONS
from reader.ui import correction_dialogs
from reader.ui.actors_panel import ActorsPanel
from reader.ui.session import Session
from reader.ui.undo import History

UNAVAILABLE = "Actor corrections are kept in the note store, which is not available now."


class CorrectionsController(QObject):
    """Turns the Actors panel's requests into corrections the reader can undo."""

    def __init__(self, window: QWidget, panel: ActorsPanel, session: Session, history: History,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window, self._panel, self._session, self._history = window, panel, session, history
        self._hidden: list[Correction] = []
        panel.correction_requested.connect(self.ask)
        panel.hidden_requested.connect(self.show_hidden)
        session.article_opened.connect(lambda _opened: self.refresh_hidden())
        session.notes_ready.connect(self.refresh_hidden)

    @property
    def hidden(self) -> list[Correction]:
        """The hide corrections that apply to the open article (every article's and its own)."""
        return list(self._hidden)

    def ask(self, action: str, actor_id: str) -> None:
        """Ask what the correction ``action`` of the actor ``actor_id`` needs, then make it."""
        session = self._session
        analysis, article = session.analysis, session.article
        actor = analysis.actor(actor_id) if analysis else None
        verb = next((known for known in ACTIONS if known == action), None)
        if actor is None or analysis is None or article is None or verb is None:
            return
        if not article.source or session.notes_unavailable:
            session.error.emit(UNAVAILABLE)
            return
        answer = correction_dialogs.ask(self._window, verb, actor, analysis, Path(article.source).name)
        if answer is None or (verb != "hide" and answer.value is None):
            return
        value = answer.value
        texts = {"rename": f"Rename {actor.name}", "merge": f"Merge {actor.name} into {value}",
                 "kind": f"Change Kind of {actor.name}", "hide": f"Hide {actor.name}"}
        keep = {"rename": value, "merge": value, "kind": actor.name, "hide": None}[verb]
        core = session.core
        made: list[Future[Correction]] = []

        def do() -> None:
            if keep:
                self._panel.reselect(keep)
            task = session.store(core.correct, article, verb, actor.name, value, answer.scope, on_done=self._changed)
            if task is not None:
                made.append(task.future)

        def undo() -> None:
            if made:
                self._panel.reselect(actor.name)
                future = made[-1]
                session.store(lambda: core.undo_correction(future.result().id), on_done=self._changed)

        self._history.push(texts[verb], do, undo)

    def show_hidden(self) -> None:
        """List the hidden actors; show the ones the reader picks again (one change to undo)."""
        chosen = correction_dialogs.ask_hidden(self._window, self._hidden)
        if chosen:
            self.show_again(chosen)

    def show_again(self, corrections: list[Correction]) -> None:
        """Take these hide corrections away, as one change on the history."""
        core = self._session.core
        names = ", ".join(c.actor for c in corrections)

        def each(call: Callable[[Correction], object]) -> Callable[[], None]:
            def run() -> None:
                for correction in corrections:
                    call(correction)

            def submit() -> None:
                self._session.store(run, on_done=self._changed)
            return submit

        self._history.push(f"Show {names} Again", each(lambda c: core.undo_correction(c.id)),
                           each(core.restore_correction))

    def refresh_hidden(self) -> None:
        """Read which actors are hidden in the open article and say how many."""
        doc_id, session = self._session.doc_id, self._session
        if doc_id is None or session.notes_unavailable:
            self._set_hidden([])
            return
        session.store(session.core.corrections, doc_id, key="hidden",
                      on_done=lambda found: self._set_hidden([c for c in found if c.action == "hide"]),
                      on_error=lambda _err: self._set_hidden([]))

    def _set_hidden(self, hidden: list[Correction]) -> None:
        self._hidden = hidden
        self._panel.set_hidden_count(len(hidden))

    def _changed(self, _result: object = None) -> None:
        self.refresh_hidden()
        self._session.reanalyse()
