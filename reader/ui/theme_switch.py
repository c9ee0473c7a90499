"""View › Theme: light, dark, or following the desktop; remembered, and applied to every part."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from reader.ui import theme as themes
from reader.ui.settings import THEME_CHOICES, Settings

SHORTCUTS = {"system": "Ctrl+Shift+Y", "light": "Ctrl+Shift+L", "dark": "Ctrl+Shift+D"}


class Themed(Protocol):
    """A part of the window that draws in the theme's colours."""

    def set_theme(self, theme: themes.Theme) -> None: ...


class ThemeSwitch(QObject):
    """Checkable actions for the theme choices, in ``menu``; the choice is kept in the settings.

    Attributes:
        actions: the action of each choice (``system``, ``light``, ``dark``).
    """

    def __init__(self, menu: QMenu, settings: Settings, parts: Sequence[Themed], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings, self._parts = settings, parts
        self._choice = settings.theme()
        group = QActionGroup(self)
        self.actions: dict[str, QAction] = {}
        for choice in THEME_CHOICES:
            label = "Follow &System" if choice == "system" else choice.capitalize()
            action = QAction(label, self, checkable=True, checked=choice == self._choice)
            action.setShortcut(QKeySequence(SHORTCUTS[choice]))
            action.triggered.connect(lambda _=False, c=choice: self.choose(c))
            group.addAction(action)
            menu.addAction(action)
            self.actions[choice] = action
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        self._apply()

    def choose(self, choice: str) -> None:
        """``system``, ``light`` or ``dark``; remembered for next time."""
        self._choice = choice
        self._settings.set_theme(choice)
        self.actions[choice].setChecked(True)
        self._apply()

    def _apply(self) -> None:
        theme = themes.resolve(self._choice)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(theme.palette(app.style().standardPalette()))
            # Set again even when unchanged: under a style sheet, widgets already polished keep the
            # palette they had (dark ink on the dark theme's chrome) until the sheet polishes them anew.
            app.setStyleSheet(themes.FOCUS_STYLE)
        for part in self._parts:
            part.set_theme(theme)

    def _system_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._choice == "system":
            self._apply()
