"""How often an article whose opening or closing names a news agency gets the agency's credit.

No corpus here labels credits, so this is a proxy a wire desk can read: on the extraction-train pages
(L3S-GN1 is Google News of January 2008, full of agency copy), every cleaned article whose first
paragraph or last two paragraphs name an agency ("(AP)", "Associated Press", "IANS", "- AAP") is
listed as credited or not. An uncredited one is either a credit the cleaner missed or an agency named
in the story ("told Reuters"): `--show` prints them to read which.

Run: PYTHONPATH=src:benchmarks .venv/bin/python benchmarks/credit_marks.py [--html] [--show N] [--shared DIR]
     (plain text about a minute; --html: trafilatura first, several minutes)
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from pathlib import Path

from extraction_benchmark import SHARED
from extraction_heldout import record_page
from newstrace.clean import clean_pages
from newstrace.model import Article
from newstrace.pipeline import CLEANING_BATCH

# The agencies' tags and names a reader would take for a credit, where they stand near an end.
AGENCY_MARK = re.compile(
    r"\((?:AP|Reuters|AFP|PA|UPI|dpa|Xinhua|IANS|PTI|AAP|CP|Bloomberg)\)|\b(?:Associated Press|Agence "
    r"France-Presse|Reuters|Press Association|Xinhua|Canadian Press|AAP|PTI|IANS)\b"
)
OPENING_CHARACTERS = 300
CLOSING_CHARACTERS = 300


def agency_mark(article: Article) -> str | None:
    """The first agency's mark in the article's opening or closing, or None."""
    opening = " ".join(article.paragraphs[:1])[:OPENING_CHARACTERS]
    closing = " ".join(article.paragraphs[-2:])[-CLOSING_CHARACTERS:]
    found = AGENCY_MARK.search(opening) or AGENCY_MARK.search(closing)
    return found.group(0) if found else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--html", action="store_true", help="clean the pages' HTML (else their text)")
    parser.add_argument("--show", type=int, default=0, help="print N uncredited articles with a mark")
    arguments = parser.parse_args()
    with gzip.open(arguments.shared / "extraction-train" / "pages.jsonl.gz", "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    pages = [record_page(record, "html" if arguments.html else "text") for record in records]
    datasets = [record["dataset"] for record in records]
    counts: Counter[tuple[str, str]] = Counter()
    uncredited: list[tuple[str, str, str]] = []
    for start in range(0, len(pages), CLEANING_BATCH):
        results = clean_pages(pages[start : start + CLEANING_BATCH])
        for dataset, page, result in zip(datasets[start:], pages[start:], results, strict=False):
            for article in result if isinstance(result, list) else []:
                counts[(dataset, "articles")] += 1
                counts[(dataset, "credited")] += article.credit is not None
                mark = agency_mark(article)
                if mark is not None and article.credit is None:
                    counts[(dataset, "marked, uncredited")] += 1
                    uncredited.append((mark, page.url or page.source, article.paragraphs[0][:90]))
    print(f"{'dataset':<16} {'articles':>8} {'credited':>9} {'marked, uncredited':>19}")
    for dataset in sorted({dataset for dataset, _ in counts}):
        row = [counts[(dataset, name)] for name in ("articles", "credited", "marked, uncredited")]
        print(f"{dataset:<16} {row[0]:>8} {row[1]:>9} {row[2]:>19}")
    for mark, source, opening in uncredited[: arguments.show]:
        print(f"  {mark!r:<22} {source[:60]:<60} {opening!r}")


if __name__ == "__main__":
    main()
