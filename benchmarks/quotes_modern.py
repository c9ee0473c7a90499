"""Reader's quotations and speakers on the written modern set, beside the naive baseline; prints JSON.

    python benchmarks/quotes_modern.py [--set benchmarks/data/quotes-modern.txt]

The set (24 articles written blind, see its header) is converted to gold JSONL by
``quotes_markup.py``, analysed by ``reader analyze --no-cache --batch`` exactly as the
PolNeAR figures are, and scored by ``../shared/eval/score.py quotes``. The baseline is
``quotes_baseline.py`` on the same gold in the same run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

import quotes_markup  # noqa: E402

SCORER = REPO.parent / "shared" / "eval" / "score.py"


def run(cmd: list[str], out: Path | None = None) -> str:
    """Run ``cmd``; its stdout goes to ``out`` when given, else it is returned."""
    if out is None:
        return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    with out.open("w", encoding="utf-8") as f:
        subprocess.run(cmd, check=True, stdout=f, text=True)
    return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=REPO / "benchmarks" / "data" / "quotes-modern.txt")
    parser.add_argument("--scorer", type=Path, default=SCORER)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        gold, pred = Path(tmp) / "gold.jsonl", Path(tmp) / "pred.jsonl"
        records = quotes_markup.convert(args.set.read_text(encoding="utf-8"))
        gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        reader = str(Path(sys.executable).parent / "reader")
        run([reader, "analyze", "--no-cache", "--data-dir", str(Path(tmp) / "data"), "--batch", str(gold)], out=pred)
        report = {"articles": len(records),
                  "reader": json.loads(run([sys.executable, str(args.scorer), "quotes", str(gold), str(pred)])),
                  "naive_baseline": json.loads(run([sys.executable, str(REPO / "benchmarks" / "quotes_baseline.py"),
                                                    "--scorer", str(args.scorer), str(gold)]))["naive_baseline"]}
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
