"""Issue 12's black-box run: the window on a real X server, driven as a reader would (not run by CI).

    python tests/blackbox/window_session.py [OUT_DIR] [--display :97]

Starts Xvfb and openbox on ``--display``, writes a hand-made article with a link and a
fresh data dir in a temporary folder, opens Reader on them, and then, with xdotool only
(keys and clicks on the window), saves a screenshot of the whole screen at each step:

1. ``1-opened.png``: the article, analysed;
2. clicks the *middle* of the link (found by its colour on the screen, not by asking the
   program): ``2-link-dialog.png`` must show the "Open Link" confirmation; Escape;
3. drags over the first words of the second paragraph and presses 1: ``3-highlighted.png``;
4. clicks the highlight and presses Delete: ``4-deleted.png``; Ctrl+Z: ``5-restored.png``;
5. Ctrl+Shift+A to the actors, Down to the first, Ctrl+H: ``6-hide-asked.png`` (where it
   applies); Enter: ``7-hidden.png``; Ctrl+Z: ``8-hide-undone.png``; quits (Ctrl+Q).

The note count after each highlight step is read by ``reader notes list`` in a second
process; the script stops with a message when an expected window or count does not come.
The pictures are for a person to look at. Needs Xvfb, openbox, xdotool, ImageMagick's ``import``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtGui import QColor, QImage

from screen import Screen, run, stop  # beside this script

REPO = Path(__file__).resolve().parents[2]
LINK_RGB = (0x1F, 0x5F, 0x9E)
"""The light theme's link colour (``reader.ui.theme``): how the link is found on the screen."""
ARTICLE = """\
# Ferry route to Sandøy approved

[The harbour council's minutes](https://example.org/harbour/minutes) were published on Monday, a week after \
the vote that settled a quarrel of ten years.

Mayor Helga Brandt said the new ferry would link Nordvik and Sandøy by the spring. "We have waited long \
enough for this crossing," Brandt told reporters at the quay.

The Nordvik Ferry Company will run two boats a day, its director Tomas Lind said. Fishermen in Sandøy \
warned that the timetable leaves the early catch stranded on the pier.
"""


def link_box(image: QImage, left: int, right: int) -> tuple[int, int, int, int]:
    """The box of the first run of link-coloured lines between ``left`` and ``right``: x0, y0, x1, y1."""
    rows: dict[int, list[int]] = {}
    for y in range(image.height()):
        xs = [x for x in range(left, right, 2) if _near(image.pixelColor(x, y), LINK_RGB, 40)]
        if len(xs) >= 3:
            rows[y] = xs
        elif rows and y - max(rows) > 4:
            break  # the first link's line is over
    if not rows:
        raise SystemExit("no link on the screen")
    xs = [x for line in rows.values() for x in line]
    return min(xs), min(rows), max(xs), max(rows)


def text_lines(image: QImage, left: int, right: int, top: int) -> list[tuple[int, int]]:
    """Bands of rows below ``top`` with dark glyphs between ``left`` and ``right``: (first, last) row."""
    bands: list[tuple[int, int]] = []
    start = None
    for y in range(top, image.height()):
        dark = any(QColor(image.pixel(x, y)).lightness() < 90 for x in range(left, right, 2))
        if dark and start is None:
            start = y
        elif not dark and start is not None:
            bands.append((start, y - 1))
            start = None
    return bands


def _near(color: QColor, rgb: tuple[int, int, int], within: int) -> bool:
    return abs(color.red() - rgb[0]) + abs(color.green() - rgb[1]) + abs(color.blue() - rgb[2]) <= within


def note_count(data: Path, article: Path) -> int:
    """The article's notes, as a second process reads them (the window holds the store)."""
    listing = run(sys.executable, "-m", "reader", "notes", "list", str(article), "--json", "--data-dir", str(data),
                  check=False)
    try:
        return len(json.loads(listing))
    except ValueError:
        return -1


def expect(what: str, got: object, wanted: object) -> None:
    print(f"{what}: {got}" + ("" if got == wanted else f"  (expected {wanted})"), file=sys.stderr)
    if got != wanted:
        raise SystemExit(f"{what}: {got}, expected {wanted}")


def session(screen: Screen, data: Path, article: Path) -> None:
    window = screen.window("Ferry route")
    screen.xdo("windowsize", window, "1400", "900")
    screen.xdo("windowmove", window, "40", "30")
    screen.xdo("windowactivate", "--sync", window)
    time.sleep(12)  # the model loads and the article is analysed
    opened = QImage(str(screen.shot("1-opened.png")))

    x0, y0, x1, y1 = link_box(opened, 60, 1000)
    print(f"link at x {x0}-{x1}, y {y0}-{y1}", file=sys.stderr)
    screen.click((x0 + x1) // 2, (y0 + y1) // 2 - 2, 2.0)  # the middle of the words, not their underline
    screen.window("Open Link", 10)
    screen.shot("2-link-dialog.png")
    screen.key("Escape")

    lines = text_lines(opened, x0, x0 + 500, y1 + 4)
    gaps = [b[0] - a[1] for a, b in zip(lines, lines[1:], strict=False)]
    line_gap = min(gaps)
    second = next(b for (a, b), gap in zip(zip(lines, lines[1:], strict=False), gaps, strict=True)
                  if gap > 2 * line_gap)  # the first line after a paragraph's break
    middle = (second[0] + second[1]) // 2
    screen.drag((x0 + 3, middle), (x0 + 260, middle))
    screen.key("1", 2.0)
    screen.shot("3-highlighted.png")
    expect("notes after highlighting", note_count(data, article), 1)

    screen.click(x0 + 120, middle, 1.5)
    screen.key("Delete", 2.0)
    screen.shot("4-deleted.png")
    expect("notes after Delete", note_count(data, article), 0)
    screen.key("ctrl+z", 2.0)
    screen.shot("5-restored.png")
    expect("notes after Ctrl+Z", note_count(data, article), 1)

    screen.key("ctrl+shift+a")
    screen.key("Down")
    screen.key("ctrl+h", 2.0)
    screen.window("Hide", 10)
    screen.shot("6-hide-asked.png")
    screen.key("Return", 4.0)  # every article, the default; the article is analysed again
    screen.shot("7-hidden.png")
    screen.key("ctrl+z", 4.0)
    screen.shot("8-hide-undone.png")
    screen.key("ctrl+q", 3.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?", default=Path("/tmp/window-shots"))
    parser.add_argument("--display", default=":97")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="reader-window-"))
    article, data = work / "ferry.md", work / "data"
    article.write_text(ARTICLE, encoding="utf-8")

    screen = Screen(args.display, args.out)
    server, wm = screen.start()
    reader = subprocess.Popen([sys.executable, "-m", "reader", str(article), "--data-dir", str(data)],
                              env=screen.env, cwd=REPO)
    try:
        session(screen, data, article)
    finally:
        stop(reader, wm, server)
    print(work)


if __name__ == "__main__":
    main()
