"""The plain-text path on the measuring pages as other tools save them: text browsers' dumps and hard wraps.

Users' scraped text is not always one block a line: text browsers (lynx, w3m) and converters
(html2text) wrap paragraphs at a fixed width, number links and list their addresses. Each of the 97
Scrapinghub pages' HTML is dumped by every tool installed here (lynx and w3m from the system's
packages, html2text from PyPI; a missing one is skipped and said so), and its own text is wrapped at
60 to 100 columns; every version goes through the plain-text path with the line model of its fold
(grouped cross-validation, seed 7, as extraction_benchmark.py) and is scored against the page's body.
Titles: the 1,088 Dragnet and CleanPortalEval pages whose gold body opens with their headline
(title_accuracy.py), dumped by the same tools and cleaned with the shipped model: how often the title
is the headline.

Run: PYTHONPATH=src .venv/bin/python benchmarks/extraction_dumps.py [--shared ../shared/corpus]
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import textwrap
from collections.abc import Callable
from pathlib import Path

from extraction_benchmark import (
    SHARED,
    BenchmarkPage,
    cross_validated_models,
    load_pages,
    newstrace_body,
    site_folds,
)
from extraction_metric import score_page, summarize
from newstrace.clean import clean_pages
from newstrace.model import Page
from newstrace.pipeline import CLEANING_BATCH
from title_accuracy import DATASETS, gold_headline, titles_match

COLUMNS = 80
TOOL_TIMEOUT = 60
TEXT_BROWSERS = {
    "lynx -dump": [
        "lynx",
        "-dump",
        "-force_html",
        f"-width={COLUMNS}",
        "-display_charset=utf-8",
        "-assume_charset=utf-8",
        "-stdin",
    ],
    "lynx -dump -nolist": [
        "lynx",
        "-dump",
        "-force_html",
        "-nolist",
        f"-width={COLUMNS}",
        "-display_charset=utf-8",
        "-assume_charset=utf-8",
        "-stdin",
    ],
    "w3m -dump": ["w3m", "-dump", "-T", "text/html", "-cols", str(COLUMNS), "-O", "UTF-8", "-I", "UTF-8"],
}


def browser_dump(command: list[str]) -> Callable[[BenchmarkPage], str]:
    def dump(page: BenchmarkPage) -> str:
        try:
            run = subprocess.run(command, input=page.html.encode("utf-8"), capture_output=True, timeout=TOOL_TIMEOUT)
        except subprocess.TimeoutExpired:
            return ""
        return run.stdout.decode("utf-8", errors="replace")

    return dump


def html2text_dump(page: BenchmarkPage) -> str:
    import html2text

    return html2text.HTML2Text().handle(page.html)


def title_pages(shared: Path) -> list[tuple[BenchmarkPage, str]]:
    """The training pages whose gold body opens with their headline, and that headline."""
    found = []
    with gzip.open(shared / "extraction-train" / "pages.jsonl.gz", "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            record = json.loads(line)
            if record.get("dataset") not in DATASETS or not record.get("html"):
                continue
            headline = gold_headline(record["body"])
            if headline:
                page = BenchmarkPage(f"train-{number}", record.get("url") or "", record["html"], record["text"], "")
                found.append((page, headline))
    return found


def title_share(pages: list[tuple[BenchmarkPage, str]], save: Callable[[BenchmarkPage], str]) -> float:
    saved = [
        Page(source=page.id, content_hash=page.id, format="text", names=(page.id,), text=save(page))
        for page, _ in pages
    ]
    titles: list[str | None] = []
    for start in range(0, len(saved), CLEANING_BATCH):
        for result in clean_pages(saved[start : start + CLEANING_BATCH]):
            titles.append(result[0].title if isinstance(result, list) and result else None)
    return sum(titles_match(title, headline) for title, (_, headline) in zip(titles, pages, strict=True)) / len(pages)


def wrapped(width: int, blank_lines: bool = True) -> Callable[[BenchmarkPage], str]:
    def wrap(page: BenchmarkPage) -> str:
        return ("\n\n" if blank_lines else "\n").join(textwrap.fill(line, width) for line in page.text.splitlines())

    return wrap


def versions() -> dict[str, Callable[[BenchmarkPage], str] | None]:
    """Each way of saving a page, or None where its tool is not installed."""
    found: dict[str, Callable[[BenchmarkPage], str] | None] = {"the page's own text": lambda page: page.text}
    for name, command in TEXT_BROWSERS.items():
        found[name] = browser_dump(command) if shutil.which(command[0]) else None
    try:
        import html2text  # noqa: F401

        found["html2text"] = html2text_dump
    except ImportError:
        found["html2text"] = None
    for width in (60, 72, 80, 100):
        found[f"own text wrapped at {width}"] = wrapped(width)
    found["own text wrapped at 80, no blank lines"] = wrapped(80, blank_lines=False)
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=SHARED)
    arguments = parser.parse_args()
    pages = load_pages(arguments.shared / "extraction-scrapinghub" / "pages.jsonl")
    models = cross_validated_models(pages, arguments.shared)
    folds = site_folds(pages)
    print(f"{len(pages)} pages; plain-text path, grouped CV (seed 7): P / R / F1 (all pages, English)")
    for name, save in versions().items():
        if save is None:
            print(f"  {name:<40} skipped: its tool is not installed")
            continue
        scores = []
        for page, fold in zip(pages, folds, strict=True):
            as_saved = Page(source=page.id, content_hash=page.id, format="text", names=(page.id[:12],), text=save(page))
            scores.append(score_page(newstrace_body(as_saved, line_model=models[fold]), page.body))
        every = summarize(scores)
        english = summarize([score for score, page in zip(scores, pages, strict=True) if page.english])
        print(f"  {name:<40} {every.precision:.3f} / {every.recall:.3f} / {every.f1:.3f}   en {english.f1:.3f}")
    headlines = title_pages(arguments.shared)
    print(f"{len(headlines)} Dragnet and CleanPortalEval pages: the title is the headline (shipped model)")
    for name, save in versions().items():
        if save is not None and (name.startswith(("lynx", "w3m", "html2text")) or name == "the page's own text"):
            print(f"  {name:<40} {title_share(headlines, save):.1%}")


if __name__ == "__main__":
    main()
