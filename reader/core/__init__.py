"""The Qt-free core both front ends share: see :mod:`reader.core.core`."""

from reader.core.core import ACTIONS, Core, Opened, Scope, TextAnalyzer

__all__ = ["ACTIONS", "Core", "Opened", "Scope", "TextAnalyzer"]
