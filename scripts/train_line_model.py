"""Train the plain-text cleaner's line classifier and write it into the package.

Data (research data in ../shared, never shipped): extraction-train/pages.jsonl.gz weighted by
dataset (newstrace.clean.line_training.DATASET_WEIGHTS) and, unless --no-measuring-pages, the 97
extraction-scrapinghub pages. The benchmark scores by site-grouped cross-validation with models it
trains itself, so the shipped model is never scored on its own pages.
Run: PYTHONPATH=src .venv/bin/python scripts/train_line_model.py [--shared ../shared/corpus]
     [--research-only-data --output FILE]
--research-only-data adds L3S-GN1, whose terms allow research use only: such a model must not be
shipped or passed on (give it an --output outside the package and load it with LineModel.from_text).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newstrace.clean.line_model import MODEL_PATH
from newstrace.clean.line_training import (
    DATASET_WEIGHTS,
    MEASURING_WEIGHT,
    RESEARCH_ONLY_WEIGHTS,
    corpus_pages,
    train_line_model,
)

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--output", type=Path, default=MODEL_PATH)
    parser.add_argument("--no-measuring-pages", action="store_true")
    parser.add_argument("--research-only-data", action="store_true", help="add L3S-GN1 (research use only)")
    arguments = parser.parse_args()
    if arguments.research_only_data and arguments.output == MODEL_PATH:
        parser.error("a model trained on research-only data must not overwrite the shipped one: give --output")
    weights = RESEARCH_ONLY_WEIGHTS if arguments.research_only_data else DATASET_WEIGHTS
    pages = corpus_pages(arguments.shared / "extraction-train" / "pages.jsonl.gz", weights)
    if not arguments.no_measuring_pages:
        pages += corpus_pages(arguments.shared / "extraction-scrapinghub" / "pages.jsonl", weight=MEASURING_WEIGHT)
    start = time.process_time()
    model = train_line_model(pages)
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    model.save(arguments.output)
    size = arguments.output.stat().st_size / 1024
    print(f"{len(pages)} pages, {time.process_time() - start:.0f} s CPU; wrote {arguments.output} ({size:.0f} KB)")


if __name__ == "__main__":
    main()
