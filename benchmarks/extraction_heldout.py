"""The shipped cleaner on the extraction-train datasets its line model never learns from.

The line model is trained on Readability's pages and the 97 measuring pages (line_training.DATASET_WEIGHTS);
L3S-GN1, Dragnet and CleanPortalEval are left out of its training, so they are a second, held-out check
of the shipped model itself. Their conventions differ from the measuring pages' (the corpus README):
Dragnet's and CleanPortalEval's bodies keep headline, dates and captions, so recall there is lower by
convention; precision shows what the cleaner keeps that is no article (comment threads above all).

Many of their sites have several pages, so each path is also scored after the site pass of a run
(clean.site: paragraphs found on three or more different articles of one site leave them).

Run: PYTHONPATH=src:benchmarks .venv/bin/python benchmarks/extraction_heldout.py [--html] [--shared DIR]
     (plain text: about a minute; --html adds the HTML path, trafilatura first: several minutes)
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Sequence
from pathlib import Path

from extraction_benchmark import SHARED, trafilatura_as_newstrace
from extraction_metric import PageScore, score_page
from newstrace.clean import clean_pages
from newstrace.clean.line_training import DATASET_WEIGHTS
from newstrace.clean.site import articles_without_site_boilerplate
from newstrace.model import Article, Page
from newstrace.pipeline import CLEANING_BATCH


def held_out_datasets() -> list[str]:
    return sorted(name for name, weight in DATASET_WEIGHTS.items() if weight == 0)


def figures(scores: Sequence[PageScore]) -> str:
    """Mean precision (pages with output), mean recall (all pages) and their F1, as the benchmark scores."""
    precisions = [score.precision for score in scores if score.precision is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(score.recall for score in scores) / len(scores)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}"


def bodies_alone_and_by_site(pages: Sequence[Page]) -> tuple[list[str], list[str]]:
    """Each page's body as the pipeline's cleaning gives it (in batches), and after the site pass
    over all the pages' articles (each page's outlet is its address's host)."""
    cleaned: list[list[Article]] = []
    for start in range(0, len(pages), CLEANING_BATCH):
        cleaned += [
            result if isinstance(result, list) else [] for result in clean_pages(pages[start : start + CLEANING_BATCH])
        ]
    changed = {
        article.id: article for article in articles_without_site_boilerplate([a for page in cleaned for a in page])
    }

    def body(articles: list[Article]) -> str:
        return "\n\n".join(paragraph for article in articles for paragraph in article.paragraphs)

    return [body(articles) for articles in cleaned], [
        body([changed.get(article.id, article) for article in articles]) for articles in cleaned
    ]


def record_page(record: dict, page_format: str) -> Page:
    """A training record as a page of its text or of its HTML ("text" or "html"), with its address."""
    return Page(
        source=record["id"],
        content_hash=record["id"],
        format=page_format,
        names=(record["id"],),
        text=record["text"] if page_format == "text" else None,
        html=record["html"] if page_format == "html" else None,
        url=record.get("url"),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--html", action="store_true", help="the HTML path too, beside trafilatura alone")
    arguments = parser.parse_args()
    path = arguments.shared / "extraction-train" / "pages.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    for dataset in held_out_datasets():
        chosen = [record for record in records if record["dataset"] == dataset]
        gold = [record["body"] for record in chosen]
        text_pages = [record_page(record, "text") for record in chosen]
        alone, by_site = bodies_alone_and_by_site(text_pages)
        print(f"{dataset:<16} {len(chosen):5d} pages  plain text  {figures(list(map(score_page, alone, gold)))}")
        print(f"{'':<28} + site pass  {figures(list(map(score_page, by_site, gold)))}")
        if arguments.html:
            html_pages = [record_page(record, "html") for record in chosen]
            alone, by_site = bodies_alone_and_by_site(html_pages)
            print(f"{'':<28} HTML        {figures(list(map(score_page, alone, gold)))}")
            print(f"{'':<28} + site pass  {figures(list(map(score_page, by_site, gold)))}")
            outputs = [trafilatura_as_newstrace(record["html"]) for record in chosen]
            print(f"{'':<28} trafilatura {figures(list(map(score_page, outputs, gold)))}")


if __name__ == "__main__":
    main()
