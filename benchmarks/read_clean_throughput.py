"""Read + clean throughput on 10,000 synthetic text pages, on one core, beside trafilatura.

Run: .venv/bin/python benchmarks/read_clean_throughput.py [--pages N]
Target (foundation issue): >= 5,000 articles per second per core. The once-per-run start-up (LightGBM
import, line model load) is timed apart and printed with and without.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import trafilatura
from rich.progress import track

from extraction_benchmark import line_model_floor
from generate_pages import pages
from newstrace.clean import clean_pages
from newstrace.clean.line_model import default_line_model
from newstrace.model import Page
from newstrace.pipeline import CLEANING_BATCH
from newstrace.read import read_paths


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--peer-sample", type=int, default=500)
    arguments = parser.parse_args()
    texts = pages(arguments.pages)
    with tempfile.TemporaryDirectory() as folder:
        for number, text in enumerate(texts):
            (Path(folder) / f"page{number:05d}.txt").write_text(text, encoding="utf-8")
        # Once per run, not per page: importing LightGBM (which imports scikit-learn and SciPy where
        # they are installed) and parsing the line model. Timed apart, and added back below.
        start = time.process_time()
        model = default_line_model()
        startup = time.process_time() - start
        start = time.process_time()
        articles = 0
        batch: list[Page] = []
        # As the pipeline does: pages cleaned in batches, the line model scoring a batch at once.
        for item in track(read_paths([folder]), total=len(texts), description="newstrace", transient=True):
            if isinstance(item, Page):
                batch.append(item)
            if len(batch) == CLEANING_BATCH:
                articles += sum(len(result) for result in clean_pages(batch, model) if isinstance(result, list))
                batch.clear()
        articles += sum(len(result) for result in clean_pages(batch, model) if isinstance(result, list))
        ours = time.process_time() - start
        # Floors under the target: reading the files alone, and the line model's own work (features
        # and boosters over lines and rule columns given), were all else free.
        start = time.process_time()
        read = list(read_paths([folder]))
        reading = time.process_time() - start
    modelling = line_model_floor([item for item in read if isinstance(item, Page)], model)
    sample = texts[: arguments.peer_sample]
    start = time.process_time()
    for text in track(sample, description="trafilatura", transient=True):
        html = "<html><body>" + "".join(f"<p>{line}</p>" for line in text.splitlines() if line) + "</body></html>"
        trafilatura.extract(html)
    peer = (time.process_time() - start) / len(sample) * len(texts)
    print(f"pages: {len(texts)}  articles: {articles}")
    print(f"newstrace start-up (LightGBM import, line model load): {startup:.2f} s CPU, once per run")
    print(f"newstrace read+clean: {ours:.2f} s CPU, {articles / ours:,.0f} articles/s per core")
    print(f"  with the start-up counted: {articles / (ours + startup):,.0f} articles/s per core")
    print(
        f"  floors: reading the files alone {len(texts) / reading:,.0f} pages/s, the line model alone "
        f"{len(texts) / modelling:,.0f}, the two {len(texts) / (reading + modelling):,.0f} per core"
    )
    print(f"trafilatura on the same text as <p> lines: {len(texts) / peer:,.0f} pages/s per core")
    print(f"ratio newstrace / trafilatura: {peer / ours:.1f}x")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
