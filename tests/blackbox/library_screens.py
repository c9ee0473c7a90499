"""Screenshots of the library in a real window on a real X server, driven as a reader would (not run by CI).

    python tests/blackbox/library_screens.py OUT_DIR [--display :96] [--articles 120]

Starts Xvfb and openbox on ``--display``, writes a folder of articles (generated news
stories from ``benchmarks/news_corpus.py`` plus three hand-written ones of the same title
in three folders, two of them with a note), opens Reader on a fresh data dir, and then,
with xdotool only (keys and clicks on the window):

1. File › Add Folder to Library… (Ctrl+Shift+I), types the folder into the dialog, and
   saves ``1-add-progress.png`` while the workers analyse;
2. waits for the add to finish, shows the Library page (Ctrl+2): ``2-library.png``;
3. shows the Actors page (Ctrl+3), filters for a person, Down to them: ``3-actors.png``;
4. Enter, Down, Enter opens their second quotation: ``4-quotation.png`` (the article,
   scrolled, the quotation marked);
5. shows the Quotations page (Ctrl+4) with a search: ``5-quotations.png``; quits (Ctrl+Q).

Needs Xvfb, openbox, xdotool and ImageMagick's ``import``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO))

from news_corpus import write_corpus  # noqa: E402

from screen import Screen, run, stop  # noqa: E402 (beside this script)
from tests.library_articles import ARTICLES, write_articles  # noqa: E402


def library_count(data: Path) -> int:
    """Registered articles, read as a second process reads them (the window holds the store)."""
    listing = run(sys.executable, "-m", "reader", "library", "list", "--json", "--data-dir", str(data), check=False)
    try:
        return len(json.loads(listing))
    except ValueError:
        return -1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--display", default=":96")
    parser.add_argument("--articles", type=int, default=120)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="reader-screens-"))
    folder, data = work / "news", work / "data"
    write_corpus(folder / "wire", args.articles)
    write_articles(folder / "local", ARTICLES)
    total = args.articles + len(ARTICLES)
    for name, quote, note, tag in (("north/bridge.md", "new river bridge", "Opening day: check the cost figures",
                                    "bridges"),
                                   ("south/bridge.md", "eleven years", "Eleven years: since the 2013 plan?",
                                    "bridges")):
        run(sys.executable, "-m", "reader", "notes", "add", str(folder / "local" / name), "--quote", quote,
            "--note", note, "--tag", tag, "--data-dir", str(data))

    screen = Screen(args.display, args.out)
    server, wm = screen.start()
    reader = subprocess.Popen([sys.executable, "-m", "reader", "--data-dir", str(data)], env=screen.env, cwd=REPO)
    try:
        window = screen.window()
        screen.xdo("windowsize", window, "1440", "900")
        screen.xdo("windowmove", window, "40", "30")
        screen.xdo("windowactivate", "--sync", window)
        time.sleep(4)  # the sample article and its analysis

        screen.key("ctrl+shift+i", 2.0)
        screen.window("Add a Folder", 20)
        screen.key("ctrl+a", 0.3)
        screen.type(str(folder))
        screen.key("Return", 6.0)  # the workers load the model, then analyse
        end = time.monotonic() + 600
        while library_count(data) < total // 2 and time.monotonic() < end:
            time.sleep(1)
        screen.shot("1-add-progress.png")
        while library_count(data) < total and time.monotonic() < end:
            time.sleep(2)
        time.sleep(6)  # indexing, then the summary in the bar

        screen.key("ctrl+2", 2.0)
        screen.shot("2-library.png")

        screen.key("ctrl+3", 2.0)
        screen.type("varga")
        screen.key("Down", 2.5)  # into the list: the first Varga, whose quotations show
        screen.shot("3-actors.png")
        screen.key("Return", 1.0)  # to their quotations
        screen.key("Down", 0.5)
        screen.key("Return", 5.0)  # the second one, in its article
        screen.shot("4-quotation.png")

        screen.key("ctrl+4", 1.5)
        screen.type("budget")
        time.sleep(2)
        screen.shot("5-quotations.png")
        screen.key("ctrl+q", 3)
    finally:
        stop(reader, wm, server)
    print(work)


if __name__ == "__main__":
    main()
