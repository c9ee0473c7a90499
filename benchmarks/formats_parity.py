"""Whether an article gives the same actors as plain text, Markdown and a saved web page; prints JSON.

    python benchmarks/formats_parity.py [FOLDER]   (default benchmarks/data/heldout2-formats)

Each ``NAME.txt`` in the folder is the plain copy of ``NAME.md`` and/or ``NAME.html``
(the same words, with headings, emphasis, lists, links, a menu and a script around them).
Every file goes through ``reader analyze FILE --json --no-cache`` in its own process, as a
user would run it, and the actors (name, kind) of each formatted copy are compared with
those of the plain one: ``only_plain`` are lost by the format, ``only_formatted`` are
gained. A format that changes nothing is what the owners ask for ("one result whatever
the format"); the plain copy is the reference, right or wrong.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
FOLDER = REPO / "benchmarks" / "data" / "heldout2-formats"
FORMATS = (".md", ".html")


def actors(path: Path, data_dir: Path) -> set[tuple[str, str]]:
    """The (name, kind) of each actor ``reader analyze`` finds in ``path``."""
    done = subprocess.run([sys.executable, "-m", "reader", "analyze", str(path), "--json", "--no-cache",
                           "--data-dir", str(data_dir)], capture_output=True, text=True, check=True)
    return {(a["name"], a["kind"]) for a in json.loads(done.stdout)["actors"]}


def compare(folder: Path) -> dict[str, Any]:
    """Each formatted copy's actors beside its plain copy's, and how many agree."""
    pages: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as data_dir:
        for plain in sorted(folder.glob("*.txt")):
            reference = actors(plain, Path(data_dir))
            for formatted in (plain.with_suffix(s) for s in FORMATS):
                if formatted.exists():
                    found = actors(formatted, Path(data_dir))
                    pages.append({"file": formatted.name, "actors": len(reference),
                                  "only_plain": sorted(map(list, reference - found)),
                                  "only_formatted": sorted(map(list, found - reference))})
    same = {s: sum(1 for p in pages if p["file"].endswith(s) and not p["only_plain"] and not p["only_formatted"])
            for s in FORMATS}
    return {"folder": str(folder), "pages": len(pages),
            "same_actors": {s: f"{same[s]}/{sum(1 for p in pages if p['file'].endswith(s))}" for s in FORMATS},
            "differences": [p for p in pages if p["only_plain"] or p["only_formatted"]]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=FOLDER)
    args = parser.parse_args()
    print(json.dumps(compare(args.folder), indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
