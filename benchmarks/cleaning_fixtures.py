"""Precision and recall of removed lines on the labelled fixture pages in tests/fixtures/cleaning.

Those pages were written independently of the cleaner, to measure it on layouts it was not built
against. Run: .venv/bin/python benchmarks/cleaning_fixtures.py
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from newstrace.clean.normalize import normalize_characters
from newstrace.clean.text import CleanedText, clean_text

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "cleaning"


@dataclass
class PageScore:
    name: str
    true_removed: int
    false_removed: int
    missed: int
    fields_right: int
    fields_total: int
    mistakes: list[str]


def _kept(line: str, paragraphs: list[str]) -> bool:
    # A paragraph may be its line minus a dateline or a glued credit, so long lines match by containment.
    return any(line == p or (len(line) > 30 and len(p) > 15 and (p in line or line in p)) for p in paragraphs)


def score_page(path: Path) -> PageScore:
    fixture = json.loads(path.read_text(encoding="utf-8"))
    articles: list[CleanedText] = clean_text(fixture["text"])
    paragraphs = [normalize_characters(p) for article in articles for p in article.paragraphs]
    junk = {normalize_characters(line.strip()) for line in fixture["junk"]}
    unscored = {normalize_characters(line.strip()) for line in fixture["captions"]}
    unscored.add(normalize_characters(fixture["title"].strip()))
    true_removed = false_removed = missed = 0
    mistakes = []
    for raw in fixture["text"].split("\n"):
        line = normalize_characters(raw.strip())
        if not line or line in unscored:
            continue
        removed = not _kept(line, paragraphs)
        if line in junk:
            true_removed += removed
            missed += not removed
            if not removed:
                mistakes.append(f"kept junk: {line[:80]}")
        elif removed:
            false_removed += 1
            mistakes.append(f"removed body: {line[:80]}")
    first = articles[0] if articles else CleanedText()
    checks = {
        "articles": (len(articles), fixture["articles"]),
        "title": (first.title, fixture["title"]),
        "date": (first.date.isoformat() if first.date else None, fixture["date"]),
        "dateline": (first.dateline, fixture["dateline"]),
        "credit": (first.credit, fixture["credit"]),
        "byline": (first.byline, fixture["byline"]),
    }
    for name, (got, want) in checks.items():
        if got != want:
            mistakes.append(f"{name}: got {got!r}, want {want!r}")
    for sentence in fixture["body_keep"]:
        if not any(sentence in p for p in paragraphs):
            mistakes.append(f"lost body sentence: {sentence[:60]}")
    right = sum(got == want for got, want in checks.values())
    return PageScore(path.stem, true_removed, false_removed, missed, right, len(checks), mistakes)


def main() -> None:
    scores = [score_page(path) for path in sorted(FIXTURES.glob("*.json"))]
    true_removed = sum(s.true_removed for s in scores)
    false_removed = sum(s.false_removed for s in scores)
    missed = sum(s.missed for s in scores)
    precision = true_removed / max(true_removed + false_removed, 1)
    recall = true_removed / max(true_removed + missed, 1)
    for score in scores:
        for mistake in score.mistakes:
            print(f"{score.name}: {mistake}")
    print(f"pages: {len(scores)}")
    print(
        f"removed lines: precision {precision:.3f}, recall {recall:.3f} ({true_removed} junk removed, "
        f"{false_removed} body lines removed, {missed} junk lines kept)"
    )
    right = sum(s.fields_right for s in scores)
    total = sum(s.fields_total for s in scores)
    print(f"fields right (articles, title, date, dateline, credit, byline): {right}/{total}")


if __name__ == "__main__":
    main()
