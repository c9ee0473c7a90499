"""The longest the UI thread went without its event loop, for the window benchmarks."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QTimer


class StallMeter:
    """A 5 ms timer: the longest gap between its ticks is the longest the event loop waited."""

    def __init__(self) -> None:
        self.max_ms = 0.0
        self._clock = QElapsedTimer()
        self._ticker = QTimer(interval=5)
        self._ticker.timeout.connect(self._tick)

    def _tick(self) -> None:
        if self._clock.isValid():
            self.max_ms = max(self.max_ms, self._clock.nsecsElapsed() / 1e6)
        self._clock.restart()

    def start(self) -> None:
        """Measure from now on, from zero."""
        self.max_ms = 0.0
        self._clock.invalidate()
        self._ticker.start()

    def stop(self) -> float:
        self._ticker.stop()
        return self.max_ms
