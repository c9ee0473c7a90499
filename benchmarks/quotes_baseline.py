"""Quote F1 and speaker accuracy of Reader beside the naive baseline, in the same run; prints JSON.

    python benchmarks/quotes_baseline.py [GOLD.jsonl] [--scorer score.py]

Reader is ``reader analyze --batch`` over the gold texts. The baseline pairs quotation
marks with a regular expression (“…”, "…", ''…'', ‘…’, «…») and gives each quotation the person
mention nearest to it outside the marks, using Reader's own actors and mentions so that
only the quote layer differs. Both prediction files are scored with the shared scorer
(``../shared/eval/score.py`` beside the repository by default).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO.parent / "shared" / "eval" / "quotes-polnear-dev.jsonl"
DEFAULT_SCORER = REPO.parent / "shared" / "eval" / "score.py"
NAIVE_QUOTE = re.compile(r"“[^”]*”|''.*?''|\"[^\"]*\"|‘[^’]*’|«[^»]*»")


def naive_quotes(text: str, prediction: dict[str, Any]) -> list[dict[str, Any]]:
    """Marks paired by a regular expression; the speaker is the nearest person mention."""
    people = {a["id"] for a in prediction["actors"] if a["kind"] == "person"}
    mentions = [m for m in prediction["mentions"] if m["actor"] in people]
    quotes = []
    for match in NAIVE_QUOTE.finditer(text):
        start, end = match.span()
        outside = [m for m in mentions if m["end"] <= start or m["start"] >= end]
        near = min(outside, key=lambda m: start - m["end"] if m["end"] <= start else m["start"] - end, default=None)
        quotes.append({"start": start, "end": end, "speaker": near and near["actor"],
                       "speaker_start": near and near["start"], "speaker_end": near and near["end"], "cue": None})
    return quotes


def score(scorer: Path, gold: Path, predictions: Path) -> dict[str, Any]:
    out = subprocess.run([sys.executable, str(scorer), "quotes", str(gold), str(predictions)],
                         check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    args = parser.parse_args()
    texts = {item["id"]: item["text"] for item in map(json.loads, args.gold.read_text(encoding="utf-8").splitlines())}
    with tempfile.TemporaryDirectory() as tmp:
        ours, naive = Path(tmp, "reader.jsonl"), Path(tmp, "naive.jsonl")
        started = time.monotonic()
        with ours.open("w", encoding="utf-8") as f:
            subprocess.run([sys.executable, "-m", "reader", "analyze", "--batch", str(args.gold)],
                           check=True, stdout=f, stderr=subprocess.DEVNULL)
        seconds = time.monotonic() - started
        with naive.open("w", encoding="utf-8") as f:
            for line in ours.read_text(encoding="utf-8").splitlines():
                prediction = json.loads(line)
                prediction["quotes"] = naive_quotes(texts[prediction["id"]], prediction)
                f.write(json.dumps(prediction, ensure_ascii=False) + "\n")
        result = {"gold": str(args.gold), "reader": score(args.scorer, args.gold, ours),
                  "naive_baseline": score(args.scorer, args.gold, naive), "reader_seconds": round(seconds, 1)}
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
