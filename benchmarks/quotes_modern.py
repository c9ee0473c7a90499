"""Reader's quotations and speakers on the written modern set, beside the naive baseline; prints JSON.

    python benchmarks/quotes_modern.py [--set benchmarks/data/quotes-modern.txt]

The set (24 articles written blind, see its header) is converted to gold JSONL by
``quotes_markup.py``, analysed by ``reader analyze --no-cache --batch`` exactly as the
PolNeAR figures are, and scored by ``../shared/eval/score.py quotes``. The baseline is
``quotes_baseline.py`` on the same gold in the same run. ``--errors`` prints, instead,
each gold quote Reader missed or gave a wrong speaker, and each quote it found that the
gold does not have, in context, matched exactly as the scorer matches them; and each
quote whose speaker mention is right but whose actor is not (``ACTOR``).

``speaker_actor`` is what the scorer's speaker accuracy cannot see: it counts a speaker
right when the predicted mention overlaps the gold one, so a right "she" resolved to the
wrong person passes. Over found quotes whose gold speaker has a full name, it is the share
whose predicted actor's name ends in the same word, whatever the mention.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

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


def load_scorer(path: Path) -> ModuleType:
    """``score.py`` as a module, so the error listing matches quotes exactly as the figures do."""
    spec = importlib.util.spec_from_file_location("score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def context(text: str, start: int | None, end: int | None, width: int = 60) -> str:
    """The span in brackets with ``width`` characters either side, on one line."""
    if start is None or end is None:
        return "-"
    snippet = f"{text[max(0, start - width):start]}[{text[start:end]}]{text[end:end + width]}"
    return " ".join(snippet.split())


def errors(score: ModuleType, gold: list[dict[str, Any]], preds: dict[str, dict[str, Any]],
           tally: dict[str, int] | None = None) -> list[str]:
    """One block of lines per missed quote, wrong speaker, wrong actor and unmatched prediction;
    ``tally`` counts the named gold speakers found and those whose actor is right."""
    lines: list[str] = []
    tally = {} if tally is None else tally
    for doc in gold:
        text, pred = doc["text"], preds.get(doc["id"], {})
        names = {a["id"]: a.get("name") for a in pred.get("actors", [])}
        pq, used = pred.get("quotes", []), set()
        for q in (q for q in doc["quotes"] if q.get("quote_type") != "indirect"):
            gs = score.core(text, q["start"], q["end"])
            best, best_i = 0.0, None
            for i, p in enumerate(pq):
                ps = score.core(text, p["start"], p["end"])
                r = score.overlap(gs, ps) / max(gs[1] - gs[0], ps[1] - ps[0], 1)
                if i not in used and r > best:
                    best, best_i = r, i
            head = f"{doc['id']}: {' '.join(q['text'].split())[:70]}"
            if best_i is None or best < 0.5:
                lines += [f"MISSED {head}", f"  gold speaker: {context(text, q['speaker_start'], q['speaker_end'])}"]
                continue
            used.add(best_i)
            p = pq[best_i]
            if not (q.get("speaker") or q.get("speaker_reference")):
                continue
            right = p.get("speaker_start") is not None and q["speaker_start"] is not None and score.overlap(
                (q["speaker_start"], q["speaker_end"]), (p["speaker_start"], p["speaker_end"])) > 0
            full = q.get("speaker_reference")
            actor_right = bool(full) and score.last_word(names.get(p.get("speaker"))) == score.last_word(full)
            if full:
                tally["named"] = tally.get("named", 0) + 1
                tally["actor_right"] = tally.get("actor_right", 0) + actor_right
            if not right and full and p.get("speaker") in names:
                right = actor_right
            if right and full and not actor_right:
                lines += [f"ACTOR {head}",
                          f"  gold {full!r}, pred {names.get(p.get('speaker'))!r} via {p.get('speaker_via')}: "
                          f"{context(text, p.get('speaker_start'), p.get('speaker_end'))}"]
            if not right:
                lines += [f"SPEAKER {head}",
                          f"  gold {full or q['speaker']!r}: {context(text, q['speaker_start'], q['speaker_end'])}",
                          f"  pred {names.get(p.get('speaker'))!r} via {p.get('speaker_via')}: "
                          f"{context(text, p.get('speaker_start'), p.get('speaker_end'))}"]
        lines += [f"EXTRA {doc['id']}: {context(text, p['start'], p['end'], 30)}"
                  for i, p in enumerate(pq) if i not in used]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=REPO / "benchmarks" / "data" / "quotes-modern.txt")
    parser.add_argument("--scorer", type=Path, default=SCORER)
    parser.add_argument("--errors", action="store_true", help="list Reader's errors instead of the figures")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        gold, pred = Path(tmp) / "gold.jsonl", Path(tmp) / "pred.jsonl"
        records = quotes_markup.convert(args.set.read_text(encoding="utf-8"))
        gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        reader = str(Path(sys.executable).parent / "reader")
        run([reader, "analyze", "--no-cache", "--data-dir", str(Path(tmp) / "data"), "--batch", str(gold)], out=pred)
        preds = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines() if line.strip()]
        tally: dict[str, int] = {}
        listed = errors(load_scorer(args.scorer), records, {p["id"]: p for p in preds}, tally)
        if args.errors:
            print("\n".join(listed))
            return
        report = {"articles": len(records),
                  "reader": json.loads(run([sys.executable, str(args.scorer), "quotes", str(gold), str(pred)])),
                  "speaker_actor": round(100 * tally.get("actor_right", 0) / max(1, tally.get("named", 0)), 1),
                  "named_speakers": tally.get("named", 0),
                  "naive_baseline": json.loads(run([sys.executable, str(REPO / "benchmarks" / "quotes_baseline.py"),
                                                    "--scorer", str(args.scorer), str(gold)]))["naive_baseline"]}
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
