"""How often the cleaner's title is the page's headline, on the text path and the HTML path.

Dragnet's and CleanPortalEval's hand-annotated bodies (../shared/corpus/extraction-train) open with
the page's headline, so their first line is a headline to check titles against, where it is one:
pages whose body opens with a date line ("November 6, 2012"), a sentence of prose or a line of more
than 25 words are left out. A title matches when the Jaccard similarity of its words and the
headline's is at least 0.6 (an og:title written for sharing may reword the headline on the page).
Each page is cleaned on its own, without the site pass of a run.

Run: PYTHONPATH=src:benchmarks .venv/bin/python benchmarks/title_accuracy.py [--shared DIR] [--show N]
     (about a minute; --show prints N pages each path gets wrong)
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from extraction_benchmark import SHARED
from extraction_heldout import record_page
from newstrace.clean import clean_pages
from newstrace.clean.dates import find_dates
from newstrace.model import Page
from newstrace.pipeline import CLEANING_BATCH

DATASETS = ("Dragnet", "CleanPortalEval")
MATCHING_WORDS = 0.6
HEADLINE_WORDS = (2, 25)
# A first line of more words than this that ends as a sentence does is the article's lede.
SENTENCE_WORDS = 12
DATE_LINE_WORDS = 8
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s*$")


@dataclass(frozen=True, slots=True)
class TitleCase:
    page_id: str
    headline: str
    text_title: str | None
    html_title: str | None


def gold_headline(body: str) -> str | None:
    """The first line of a gold body where it is a headline, else None."""
    first = next((line.strip() for line in body.splitlines() if line.strip()), "")
    words = _WORD.findall(first)
    if not HEADLINE_WORDS[0] <= len(words) <= HEADLINE_WORDS[1]:
        return None
    if len(words) <= DATE_LINE_WORDS and find_dates(first):
        return None
    if len(words) > SENTENCE_WORDS and _SENTENCE_END.search(first):
        return None
    return first


def titles_match(title: str | None, headline: str) -> bool:
    found, wanted = set(_WORD.findall((title or "").lower())), set(_WORD.findall(headline.lower()))
    return bool(found and wanted) and len(found & wanted) / len(found | wanted) >= MATCHING_WORDS


def first_titles(pages: Sequence[Page]) -> list[str | None]:
    """The title of each page's first article (None for a page that gives none), cleaned in batches."""
    titles: list[str | None] = []
    for start in range(0, len(pages), CLEANING_BATCH):
        for result in clean_pages(pages[start : start + CLEANING_BATCH]):
            titles.append(result[0].title if isinstance(result, list) and result else None)
    return titles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--show", type=int, default=0)
    arguments = parser.parse_args()
    with gzip.open(arguments.shared / "extraction-train" / "pages.jsonl.gz", "rt", encoding="utf-8") as handle:
        records = [record for record in map(json.loads, handle) if record["dataset"] in DATASETS]
    checked = [(record, headline) for record in records if (headline := gold_headline(record["body"]))]
    text_titles = first_titles([record_page(record, "text") for record, _ in checked])
    html_titles = first_titles([record_page(record, "html") for record, _ in checked])
    cases = [
        TitleCase(record["id"], headline, text_title, html_title)
        for (record, headline), text_title, html_title in zip(checked, text_titles, html_titles, strict=True)
    ]
    print(f"{len(cases)} pages of {', '.join(DATASETS)} whose gold body opens with a headline")
    for path in ("text", "html"):
        right = [case for case in cases if titles_match(getattr(case, f"{path}_title"), case.headline)]
        print(f"  {path:<5} path: title is the headline on {len(right)} ({len(right) / len(cases):.1%})")
        wrong = [case for case in cases if case not in right][: arguments.show]
        for case in wrong:
            print(f"    {case.page_id}: {getattr(case, f'{path}_title')!r} for {case.headline!r}")


if __name__ == "__main__":
    main()
