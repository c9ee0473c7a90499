"""The Qt-free core both front ends share: see :mod:`reader.core.core`."""

from reader.core.core import ACTIONS, Core, HighlightChange, Opened, QueryError, Scope, TextAnalyzer

__all__ = ["ACTIONS", "Core", "HighlightChange", "Opened", "QueryError", "Scope", "TextAnalyzer"]
