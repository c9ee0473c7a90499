"""One table of colours for everything Reader paints: the view, the legend, the panels and
the screenshot test all read it, so a kind never has two colours.

Automatic highlights are deliberately light (a tint and an underline) so that the
reader's own highlights, drawn as a stronger fill, stay recognisable on top of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from reader.analysis.model import KINDS

HIGHLIGHT_KINDS: tuple[str, ...] = (*KINDS, "quote")
"""Kinds of automatic highlight, in legend order: the actors' kinds, then quotations."""

KIND_LABELS = {"person": "People", "organization": "Organisations", "place": "Places", "quote": "Quotes"}
KIND_SINGULAR = {"person": "person", "organization": "organisation", "place": "place", "quote": "quote"}

SERIF = ["Charter", "Georgia", "Noto Serif", "DejaVu Serif", "serif"]
MEASURE_CHARS = 70
LINE_HEIGHT_PERCENT = 150
EMPHASIS_ALPHA, EMPHASIS_CURRENT_ALPHA = 90, 170
DISABLED_SHARE = 0.38
"""How far from the chrome towards the ink a disabled label is drawn: legible, plainly faded."""
DESCRIBED_SHARE = 0.45
"""How much of a kind's tint a role phrase ("the NATO chief") gets over the paper: the same
colour as its actor's names, plainly paler."""


@dataclass(frozen=True, slots=True)
class KindStyle:
    """How one kind is drawn: ``tint`` behind the text, ``line`` for underline or margin bar."""

    tint: str
    line: str
    ink: str | None = None  # text colour, for quotations


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    paper: str
    ink: str
    muted: str
    chrome: str
    link: str
    kinds: dict[str, KindStyle]
    user: dict[str, str]  # the reader's highlight colours (notes.records.COLORS)

    def emphasis(self, kind: str, current: bool = False) -> QColor:
        """The fill behind every mention of the actor picked in the Actors panel: the kind's
        own colour, stronger on the mention just scrolled to, unlike any of the reader's."""
        color = QColor(self.kinds[kind].line)
        color.setAlpha(EMPHASIS_CURRENT_ALPHA if current else EMPHASIS_ALPHA)
        return color

    def palette(self, base: QPalette) -> QPalette:
        """An application palette matching the paper and ink of this theme."""
        pal = QPalette(base)
        pal.setColor(QPalette.ColorRole.Window, QColor(self.chrome))
        pal.setColor(QPalette.ColorRole.Base, QColor(self.paper))
        pal.setColor(QPalette.ColorRole.AlternateBase, QColor(self.chrome))
        pal.setColor(QPalette.ColorRole.Text, QColor(self.ink))
        pal.setColor(QPalette.ColorRole.WindowText, QColor(self.ink))
        pal.setColor(QPalette.ColorRole.ButtonText, QColor(self.ink))
        pal.setColor(QPalette.ColorRole.Button, QColor(self.chrome))
        pal.setColor(QPalette.ColorRole.ToolTipBase, QColor(self.paper))
        pal.setColor(QPalette.ColorRole.ToolTipText, QColor(self.ink))
        pal.setColor(QPalette.ColorRole.PlaceholderText, QColor(self.muted))
        pal.setColor(QPalette.ColorRole.Link, QColor(self.link))
        # setColor above set every state alike, so a disabled button read as enabled: its
        # words and frame fade towards the background, and it keeps no highlight.
        disabled = QPalette.ColorGroup.Disabled
        faded = self.disabled_ink()
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText,
                     QPalette.ColorRole.HighlightedText, QPalette.ColorRole.PlaceholderText):
            pal.setColor(disabled, role, faded)
        pal.setColor(disabled, QPalette.ColorRole.Button, QColor(self.chrome))
        pal.setColor(disabled, QPalette.ColorRole.Base, QColor(self.chrome))
        pal.setColor(disabled, QPalette.ColorRole.Highlight, QColor(self.chrome).darker(115))
        return pal

    def described_tint(self, kind: str) -> QColor:
        """The tint behind a role phrase that refers to an actor of ``kind``: its names' tint, paler."""
        return _mix(QColor(self.paper), QColor(self.kinds[kind].tint), DESCRIBED_SHARE)

    def disabled_ink(self) -> QColor:
        """The ink of what cannot be used now: a third of the way from the chrome to the ink."""
        return _mix(QColor(self.chrome), QColor(self.ink), DISABLED_SHARE)


def _mix(base: QColor, towards: QColor, share: float) -> QColor:
    """``share`` of the way from ``base`` to ``towards``."""
    return QColor(*(round(b + (t - b) * share) for t, b in
                    ((towards.red(), base.red()), (towards.green(), base.green()), (towards.blue(), base.blue()))))


LIGHT = Theme(
    name="light",
    paper="#fbf8f1",
    ink="#26231f",
    muted="#7d766b",
    chrome="#efebe2",
    link="#1f5f9e",
    kinds={
        "person": KindStyle(tint="#fbe3cf", line="#d9742b"),
        "organization": KindStyle(tint="#dde8f7", line="#3b72c0"),
        "place": KindStyle(tint="#dcefdd", line="#3f9a55"),
        "quote": KindStyle(tint="#efe4f4", line="#9a5bb5", ink="#4a2d5c"),
    },
    user={"yellow": "#ffe066", "green": "#9be39b", "blue": "#8ec5ff", "pink": "#ffa3c8", "purple": "#c9a4ff"},
)

DARK = Theme(
    name="dark",
    paper="#1f1e1c",
    ink="#e6e1d6",
    muted="#9a9387",
    chrome="#2a2926",
    link="#8ab8ec",
    kinds={
        "person": KindStyle(tint="#4a3322", line="#f0a060"),
        "organization": KindStyle(tint="#26364d", line="#7fa9e6"),
        "place": KindStyle(tint="#263f2b", line="#74c487"),
        "quote": KindStyle(tint="#3a2c42", line="#b57ad9", ink="#e6d2f2"),
    },
    user={"yellow": "#8a7414", "green": "#2f7a3a", "blue": "#245f9c", "pink": "#9c3563", "purple": "#6644a6"},
)

THEMES = {"light": LIGHT, "dark": DARK}

FOCUS_STYLE = """
QAbstractItemView, QTextBrowser#preview { border: 1px solid palette(mid); }
QAbstractItemView:focus, QTextBrowser#preview:focus { border: 1px solid palette(highlight); }
"""
"""The application's style sheet: lists and the note preview draw their frame in the highlight
colour while they have the keyboard, as line edits do (Qt's own style shows nothing there;
a list without rows would give no sign at all). Everything else keeps the style's look."""


def system_prefers_dark() -> bool:
    """Whether the desktop asks for a dark colour scheme (Qt 6.5+ knows; else the palette)."""
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme()
    if scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    # The style's own palette: the application palette is the one Reader itself sets.
    return QApplication.style().standardPalette().color(QPalette.ColorRole.Window).lightness() < 128


def resolve(choice: str) -> Theme:
    """The theme for a settings value: ``light``, ``dark`` or ``system``."""
    if choice in THEMES:
        return THEMES[choice]
    return DARK if system_prefers_dark() else LIGHT
