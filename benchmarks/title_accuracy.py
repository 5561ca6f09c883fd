"""How often the cleaner's title is the page's headline, on the text path and the HTML path.

Dragnet's and CleanPortalEval's hand-annotated bodies (../shared/corpus/extraction-train) open with
the page's headline, so their first line is a headline to check titles against, where it is one:
pages whose body opens with a date line ("November 6, 2012"), a sentence of prose or a line of more
than 25 words are left out. A title matches when the Jaccard similarity of its words and the
headline's is at least 0.6 (an og:title written for sharing may reword the headline on the page);
"exactly" counts titles of the headline's words and no other. Each page is cleaned on its own
("alone"), then the site pass runs over all their articles, as a run over them does ("in a run":
each page's outlet is its address's host).

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
from newstrace.clean.site import articles_without_site_boilerplate
from newstrace.model import Article, Page
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
    # The title of each way of cleaning ("text alone", "html in a run", ...).
    titles: dict[str, str | None]


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


def titles_equal(title: str | None, headline: str) -> bool:
    return _WORD.findall((title or "").lower()) == _WORD.findall(headline.lower())


def first_titles(pages: Sequence[Page]) -> tuple[list[str | None], list[str | None]]:
    """The title of each page's first article (None for a page that gives none), cleaned in batches,
    alone and after the site pass over all the pages' articles."""
    firsts: list[Article | None] = []
    for start in range(0, len(pages), CLEANING_BATCH):
        for result in clean_pages(pages[start : start + CLEANING_BATCH]):
            firsts.append(result[0] if isinstance(result, list) and result else None)
    changed = {article.id: article for article in articles_without_site_boilerplate([item for item in firsts if item])}
    alone = [article.title if article else None for article in firsts]
    in_run = [changed.get(article.id, article).title if article else None for article in firsts]
    return alone, in_run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--show", type=int, default=0)
    arguments = parser.parse_args()
    with gzip.open(arguments.shared / "extraction-train" / "pages.jsonl.gz", "rt", encoding="utf-8") as handle:
        records = [record for record in map(json.loads, handle) if record["dataset"] in DATASETS]
    checked = [(record, headline) for record in records if (headline := gold_headline(record["body"]))]
    titles: dict[str, list[str | None]] = {}
    for path in ("text", "html"):
        titles[f"{path} alone"], titles[f"{path} in a run"] = first_titles(
            [record_page(record, path) for record, _ in checked]
        )
    cases = [
        TitleCase(record["id"], headline, {way: found[number] for way, found in titles.items()})
        for number, (record, headline) in enumerate(checked)
    ]
    print(f"{len(cases)} pages of {', '.join(DATASETS)} whose gold body opens with a headline")
    for way in titles:
        right = [case for case in cases if titles_match(case.titles[way], case.headline)]
        exact = sum(titles_equal(case.titles[way], case.headline) for case in cases)
        print(
            f"  {way:<13}: title is the headline on {len(right)} ({len(right) / len(cases):.1%}),"
            f" exactly on {exact} ({exact / len(cases):.1%})"
        )
        wrong = [case for case in cases if case not in right][: arguments.show]
        for case in wrong:
            print(f"    {case.page_id}: {case.titles[way]!r} for {case.headline!r}")


if __name__ == "__main__":
    main()
