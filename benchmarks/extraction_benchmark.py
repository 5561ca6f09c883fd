"""Article extraction on the 97 Scrapinghub pages: newstrace's cleaner beside trafilatura and jusText.

Two paths, each scored with the benchmark's shingle metric (benchmarks/extraction_metric.py) on all
pages, English pages and the others:
- plain text: the page's scraped `text` -> newstrace's cleaner -> body paragraphs; the line model is
  trained per fold of a 5-fold cross-validation grouped by site (no site in both the training and the
  scored fold), on extraction-train plus the measuring pages of the other folds;
- HTML: the page's `html` -> trafilatura (favor_precision) -> newstrace's cleaning of what it leaves.
Baselines run in the same process on the same input. Speeds are CPU seconds on one core.

Run: PYTHONPATH=src .venv/bin/python benchmarks/extraction_benchmark.py [--shared ../shared/corpus]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import urlparse

import justext
import trafilatura

from extraction_metric import PageScore, score_page, summarize
from newstrace.clean import CleaningError, clean_page
from newstrace.model import Page

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FOLDS = 5
# A page is English when its body is at least this share of English stop words (the others: 0.0-0.17).
ENGLISH_STOP_SHARE = 0.2
ENGLISH_STOPLIST = justext.get_stoplist("English")


@dataclass(frozen=True, slots=True)
class BenchmarkPage:
    id: str
    url: str
    html: str
    text: str
    body: str

    @property
    def site(self) -> str:
        host = urlparse(self.url).hostname or self.url
        return host.removeprefix("www.")

    @property
    def english(self) -> bool:
        tokens = re.findall(r"\w+", self.body.lower())
        return sum(token in ENGLISH_STOPLIST for token in tokens) >= ENGLISH_STOP_SHARE * max(1, len(tokens))


def load_pages(path: Path) -> list[BenchmarkPage]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    return [BenchmarkPage(r["id"], r["url"] or "", r["html"], r["text"], r["body"]) for r in records]


def site_folds(pages: Sequence[BenchmarkPage], folds: int = FOLDS) -> list[int]:
    """A fold per page: whole sites, largest first, each to the fold with the fewest pages so far."""
    sizes: dict[str, int] = {}
    for page in pages:
        sizes[page.site] = sizes.get(page.site, 0) + 1
    fold_sizes = [0] * folds
    fold_of_site: dict[str, int] = {}
    for site in sorted(sizes, key=lambda name: (-sizes[name], name)):
        fold = min(range(folds), key=lambda number: fold_sizes[number])
        fold_of_site[site] = fold
        fold_sizes[fold] += sizes[site]
    return [fold_of_site[page.site] for page in pages]


def wrap_lines_as_html(text: str) -> str:
    return "<html><body>" + "".join(f"<p>{escape(line)}</p>" for line in text.splitlines()) + "</body></html>"


def trafilatura_text(html: str) -> str:
    return trafilatura.extract(html, favor_precision=True) or ""


def justext_text(html: str) -> str:
    paragraphs = justext.justext(html.encode("utf-8"), ENGLISH_STOPLIST, encoding="utf-8")
    return "\n\n".join(paragraph.text for paragraph in paragraphs if not paragraph.is_boilerplate)


def newstrace_body(page: Page, **options: object) -> str:
    try:
        articles = clean_page(page, **options)
    except CleaningError:
        return ""
    return "\n\n".join(paragraph for article in articles for paragraph in article.paragraphs)


def text_page(page: BenchmarkPage) -> Page:
    return Page(source=page.id, content_hash=page.id, format="text", names=(page.id[:12],), text=page.text)


def html_page(page: BenchmarkPage) -> Page:
    return Page(
        source=page.id, content_hash=page.id, format="html", names=(page.id[:12],), html=page.html, url=page.url
    )


def timed(function: Callable[[], list[str]]) -> tuple[list[str], float]:
    start = time.process_time()
    outputs = function()
    return outputs, time.process_time() - start


def report(name: str, pages: Sequence[BenchmarkPage], outputs: Sequence[str], seconds: float | None = None) -> None:
    scores = [score_page(output, page.body) for output, page in zip(outputs, pages, strict=True)]
    parts = []
    for label, keep in (("all", lambda page: True), ("en", lambda page: page.english), ("other", None)):
        chosen = [
            score
            for score, page in zip(scores, pages, strict=True)
            if (keep(page) if keep is not None else not page.english)
        ]
        summary = summarize(chosen)
        parts.append(f"{label} {summary.precision:.3f}/{summary.recall:.3f}/{summary.f1:.3f}")
    speed = f"  {len(pages) / seconds:7.0f} pages/s/core" if seconds else ""
    print(f"{name:<44} " + "  ".join(parts) + speed)
    sys.stdout.flush()


def page_scores(pages: Sequence[BenchmarkPage], outputs: Sequence[str]) -> list[PageScore]:
    return [score_page(output, page.body) for output, page in zip(outputs, pages, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=SHARED)
    arguments = parser.parse_args()
    pages = load_pages(arguments.shared / "extraction-scrapinghub" / "pages.jsonl")
    english = sum(page.english for page in pages)
    sites = len({page.site for page in pages})
    print(f"{len(pages)} pages, {sites} sites, {english} English, {len(pages) - english} other")
    print(f"{'':<44} P/R/F1 by group (all, en, other)")

    print("plain text path")
    report("  whole text", pages, [page.text for page in pages])
    outputs, seconds = timed(lambda: [trafilatura_text(wrap_lines_as_html(page.text)) for page in pages])
    report("  trafilatura on lines as <p>", pages, outputs, seconds)
    outputs, seconds = timed(lambda: [justext_text(wrap_lines_as_html(page.text)) for page in pages])
    report("  jusText on lines as <p>", pages, outputs, seconds)
    outputs, seconds = timed(lambda: [newstrace_body(text_page(page)) for page in pages])
    report("  newstrace cleaner", pages, outputs, seconds)

    print("HTML path")
    outputs, seconds = timed(lambda: [trafilatura_text(page.html) for page in pages])
    report("  trafilatura favor_precision", pages, outputs, seconds)
    outputs, seconds = timed(lambda: [justext_text(page.html) for page in pages])
    report("  jusText", pages, outputs, seconds)
    outputs, seconds = timed(lambda: [newstrace_body(html_page(page)) for page in pages])
    report("  newstrace (trafilatura + cleaner)", pages, outputs, seconds)


if __name__ == "__main__":
    main()
