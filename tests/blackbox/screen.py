"""A real X display for the black-box scripts: keys, clicks and drags with xdotool, pictures
with ImageMagick's ``import``, as a person at the keyboard would drive the window."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path


def run(*command: str, env: dict[str, str] | None = None, check: bool = True) -> str:
    return subprocess.run(command, capture_output=True, text=True, env=env, check=check).stdout


def stop(*processes: subprocess.Popen[bytes]) -> None:
    """End what a script started (the window, the window manager, the X server), newest first."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


class Screen:
    """The X display ``display``; pictures go to ``out``."""

    def __init__(self, display: str, out: Path) -> None:
        self.display, self.out = display, out
        self.env = {**os.environ, "DISPLAY": display}
        self.env.pop("QT_QPA_PLATFORM", None)  # the window must use the X server, not offscreen

    def start(self) -> tuple[subprocess.Popen[bytes], subprocess.Popen[bytes]]:
        """The X server and a window manager on this display (end them with :func:`stop`)."""
        server = subprocess.Popen(["Xvfb", self.display, "-screen", "0", "1600x1000x24"], stderr=subprocess.DEVNULL)
        time.sleep(1.5)
        wm = subprocess.Popen(["openbox"], env=self.env, stderr=subprocess.DEVNULL)
        time.sleep(1)
        return server, wm

    def xdo(self, *args: str) -> str:
        return run("xdotool", *args, env=self.env, check=False).strip()

    def key(self, keys: str, pause: float = 1.0) -> None:
        self.xdo("key", "--clearmodifiers", keys)
        time.sleep(pause)

    def type(self, text: str) -> None:
        self.xdo("type", "--delay", "30", text)
        time.sleep(0.4)

    def window(self, name: str = "Reader", timeout: float = 60) -> str:
        """The newest visible window whose title contains ``name``, once it is there."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            found = self.xdo("search", "--onlyvisible", "--name", name).split()
            if found:
                return found[-1]
            time.sleep(0.3)
        raise SystemExit(f"no window named {name!r}")

    def click(self, x: int, y: int, pause: float = 1.0) -> None:
        self.xdo("mousemove", str(x), str(y))
        time.sleep(0.3)
        self.xdo("click", "1")
        time.sleep(pause)

    def drag(self, start: tuple[int, int], end: tuple[int, int]) -> None:
        self.xdo("mousemove", *map(str, start))
        self.xdo("mousedown", "1")
        for step in range(1, 11):  # a real drag, in steps, so the view sees the mouse move
            x = start[0] + (end[0] - start[0]) * step // 10
            self.xdo("mousemove", str(x), str(end[1]))
            time.sleep(0.05)
        self.xdo("mouseup", "1")
        time.sleep(0.5)

    def shot(self, name: str) -> Path:
        path = self.out / name
        run("import", "-display", self.display, "-window", "root", str(path), env=self.env)
        print(f"saved {path}", file=sys.stderr)
        return path
