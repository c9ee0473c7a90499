"""Reader's actors on modern news: the written modern set and PolNeAR's named speakers; prints JSON.

    python benchmarks/actors_modern.py [--model-dir resources/models/actors]

Beside Reader (the shipped tagger and the actor layer) it scores spaCy's own entities
from the same parse (PERSON, ORG, GPE/LOC/FAC), as bare spaCy would give them. What the
two checks measure is in ``training/modern.py``. Needs ``../shared`` beside the checkout
for PolNeAR and the scorer; parses are cached in ``--cache``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "training"))

import train_actors as training  # noqa: E402

from reader.analysis.engine import Parsed  # noqa: E402
from reader.analysis.tagger import ActorTagger, Span  # noqa: E402

SPACY_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def spacy_spans(parsed: Parsed) -> list[Span]:
    return [Span(e.start, e.end, SPACY_TYPES[e.label]) for e in parsed.entities if e.label in SPACY_TYPES]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-dir", type=Path, default=REPO / "resources" / "models" / "actors")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/reader-actors-training"))
    args = parser.parse_args()
    tagger = ActorTagger.load(args.model_dir)
    checks = training.ModernChecks(args.cache, tagger.featurizer.vocabulary)
    report = {"reader": checks.measure(tagger.spans),
              "bare_spacy": checks.measure(spacy_spans, off=training.RULES)}
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
