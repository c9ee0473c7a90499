"""Typed NER F1 of Reader beside bare spaCy, in the same run; prints JSON.

    python benchmarks/ner_baseline.py [GOLD.jsonl] [--model NAME] [--scorer score.py]

Bare spaCy is ``en_core_web_sm`` (or the repackaging) with its default pipeline, its
entities mapped PERSON→person, ORG→organization, GPE/LOC/FAC→place and written as
analysis JSON lines; Reader is ``reader analyze --batch``. Both files are scored with
the shared scorer (``../shared/eval/score.py`` beside the repository by default).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO.parent / "shared" / "eval" / "ner-conll03-dev.jsonl"
DEFAULT_SCORER = REPO.parent / "shared" / "eval" / "score.py"
KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
REPORTED = ("all", "general", "sports", "all/PER", "all/ORG", "all/LOC", "general/PER", "general/ORG", "general/LOC")


def bare_predictions(gold: Path, out: Path, model: str | None) -> None:
    """Bare spaCy's entities as analysis JSON: one actor per entity, no actor layer at all."""
    import spacy

    from reader.analysis.engine import Engine

    nlp = spacy.load(model or Engine().model_name)
    items = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    with out.open("w", encoding="utf-8") as f:
        for item, doc in zip(items, nlp.pipe(item["text"] for item in items)):
            actors, mentions = [], []
            for ent in doc.ents:
                kind = KINDS.get(ent.label_)
                if kind:
                    actor_id = f"a{len(actors) + 1}"
                    actors.append({"id": actor_id, "name": ent.text, "kind": kind, "role": None, "aliases": []})
                    mentions.append({"start": ent.start_char, "end": ent.end_char, "actor": actor_id})
            f.write(json.dumps({"id": item["id"], "actors": actors, "mentions": mentions, "quotes": []}) + "\n")


def reader_predictions(gold: Path, out: Path, model: str | None) -> None:
    command = [sys.executable, "-m", "reader", "analyze", "--batch", str(gold)] + (["--model", model] if model else [])
    with out.open("w", encoding="utf-8") as f:
        subprocess.run(command, stdout=f, stderr=subprocess.DEVNULL, check=True, cwd=REPO)


def score(scorer: Path, gold: Path, pred: Path) -> dict[str, float]:
    result = json.loads(subprocess.run([sys.executable, str(scorer), "ner", str(gold), str(pred)],
                                       capture_output=True, text=True, check=True).stdout)
    return {key: result[key]["f1"] for key in REPORTED if key in result}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--model", help="spaCy pipeline for both (default: Reader's default)")
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bare, ours = Path(tmp) / "bare.jsonl", Path(tmp) / "reader.jsonl"
        bare_predictions(args.gold, bare, args.model)
        reader_predictions(args.gold, ours, args.model)
        report = {"gold": str(args.gold), "f1_reader": score(args.scorer, args.gold, ours),
                  "f1_bare_spacy": score(args.scorer, args.gold, bare)}
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
