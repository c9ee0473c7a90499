"""The questions a correction of an actor asks: the new name, the actor to merge into, the kind.

The Actors panel only asks for an action on an actor; :func:`ask_and_correct` asks here for
the value and hands the correction to the session, which stores it and analyses the article
again.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from reader.analysis.model import KINDS, Actor, Analysis
from reader.core import ACTIONS
from reader.ui import theme as themes
from reader.ui.session import Session

HIDE = ""
"""The value of a correction that needs none (hide)."""


def ask_value(parent: QWidget, action: str, actor: Actor, analysis: Analysis) -> str | None:
    """The value the correction ``action`` of ``actor`` needs (:data:`HIDE` for hide), or
    ``None`` when the reader cancelled or chose what the actor already is."""
    if action == "hide":
        return HIDE
    if action == "rename":
        value, ok = QInputDialog.getText(parent, "Rename Actor", f"New name for {actor.name}:", text=actor.name)
        value = value.strip()
        return value if ok and value and value != actor.name else None
    if action == "merge":
        others = sorted((a.name for a in analysis.actors if a.id != actor.id), key=str.casefold)
        if not others:
            return None
        value, ok = QInputDialog.getItem(parent, "Merge Actor", f"Merge {actor.name} into:", others, 0, False)
        return value if ok else None
    if action == "kind":
        labels = [themes.KIND_SINGULAR[k] for k in KINDS]
        label, ok = QInputDialog.getItem(parent, "Change Kind", f"{actor.name} is a:", labels,
                                         KINDS.index(actor.kind), False)
        kind = KINDS[labels.index(label)] if ok else None
        return kind if kind is not None and kind != actor.kind else None
    raise ValueError(f"unknown correction {action!r}")


def ask_and_correct(parent: QWidget, session: Session, action: str, actor_id: str) -> None:
    """Ask what the correction ``action`` of the actor ``actor_id`` needs, then make it."""
    analysis, article = session.analysis, session.article
    actor = analysis.actor(actor_id) if analysis else None
    if actor is None or analysis is None or article is None:
        return
    if not article.source or session.notes_unavailable:
        session.error.emit("Actor corrections are kept in the note store, which is not available now.")
        return
    value = ask_value(parent, action, actor, analysis)
    verb = next((known for known in ACTIONS if known == action), None)
    if value is not None and verb is not None:
        session.correct(verb, actor.name, value or None)
