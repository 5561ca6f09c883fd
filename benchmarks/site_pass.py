"""The site pass (clean/site.py) on a run of real pages: what it removes and what it changes in the relations.

The 2,070 pages of extraction-train, each with its address, go through `newstrace.analyze` as one JSONL
file, as a media-monitoring user's crawl would: once without the site pass, once with it, and once in
two runs of alternate pages (which must give the articles of one run). Printed: articles, pages left
with nothing but their outlet's template, paragraphs removed as site boilerplate, and the relations,
among them the copies, duplicates and syndications between articles of one outlet under different
headlines (what pages that kept only a site's form or sidebar made of each other).

Run: PYTHONPATH=src:benchmarks .venv/bin/python benchmarks/site_pass.py [--shared DIR]   (about 2 minutes)
"""

from __future__ import annotations

import argparse
import gzip
import json
import tempfile
from collections import Counter
from pathlib import Path

from extraction_benchmark import SHARED
from newstrace import analyze
from newstrace.clean.site import SITE_BOILERPLATE_REASON
from newstrace.pipeline import RunSummary
from newstrace.store import Store

COPY_KINDS = ("duplicate", "copy", "syndicated")


def write_pages(shared: Path, folder: Path) -> tuple[Path, Path, Path]:
    """The pages as one JSONL file, and the same pages in two files of alternate pages."""
    with gzip.open(shared / "extraction-train" / "pages.jsonl.gz", "rt", encoding="utf-8") as handle:
        lines = [json.dumps({"url": record.get("url"), "text": record["text"]}) for record in map(json.loads, handle)]
    whole, odd, even = folder / "all.jsonl", folder / "odd" / "pages.jsonl", folder / "even" / "pages.jsonl"
    for path, chosen in ((whole, lines), (odd, lines[::2]), (even, lines[1::2])):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(line + "\n" for line in chosen), encoding="utf-8")
    return whole, odd, even


def describe(label: str, db: Path, summary: RunSummary) -> dict[tuple[int, int], str]:
    """Print a run's figures; return each stored article's body and removed lines by its content, to compare runs."""
    with Store(db) as store:
        articles = {article.id: article for article in store.articles()}
        relations = store.relations()
    site_lines = sum(
        item.reason == SITE_BOILERPLATE_REASON for article in articles.values() for item in article.removed
    )
    template_only = sum("outlet's boilerplate" in error.error for error in summary.errors)
    same_outlet = Counter(
        relation.kind
        for relation in relations
        if relation.kind in COPY_KINDS
        and (first := articles[relation.source]).outlet
        and first.outlet == (second := articles[relation.copy]).outlet
        and (first.title or "").lower() != (second.title or "").lower()
    )
    print(
        f"{label:<34} articles {len(articles):5d}  template-only pages {template_only:3d}  "
        f"site lines removed {site_lines:5d}  relations {len(relations):4d}  "
        f"one outlet, other headlines: {sum(same_outlet.values())} ({dict(sorted(same_outlet.items()))})"
    )
    return {
        _record_of(article.source, article.position): json.dumps(
            [article.paragraphs, [(item.line, item.reason) for item in article.removed]]
        )
        for article in articles.values()
    }


def _record_of(source: str, position: int) -> tuple[int, int]:
    """The page's line in all.jsonl (the two-run files hold its odd and even lines) and the article's place."""
    path, line = source.rsplit(":", 1)
    number = int(line) - 1
    if Path(path).parent.name == "odd":
        number *= 2
    elif Path(path).parent.name == "even":
        number = number * 2 + 1
    return number, position


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=SHARED)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        whole, odd, even = write_pages(arguments.shared, folder)
        without = folder / "without.db"
        describe("without the site pass", without, analyze([whole], db=without, site_boilerplate=False))
        one_run = folder / "one.db"
        alone = describe("with the site pass, one run", one_run, analyze([whole], db=one_run))
        two_runs = folder / "two.db"
        analyze([odd.parent], db=two_runs)
        parts = describe("with the site pass, two runs", two_runs, analyze([even.parent], db=two_runs))
        differing = sum(alone.get(key) != value for key, value in parts.items()) + len(alone.keys() - parts.keys())
        print(f"articles that differ between one run and two runs: {differing}")


if __name__ == "__main__":
    main()
