"""The Scrapinghub article-extraction metric: 4-token shingles as multisets, per-page counts, averaged.

Tokens are runs of Unicode word characters (case kept); a text of 1-3 tokens is one shingle.
Precision is averaged over pages with a non-empty prediction, recall over all pages, and F1 is the
harmonic mean of the two averages (the benchmark's definition, not a mean of per-page F1).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 4


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """The multiset of 4-token shingles of a text (one shingle for a text of 1-3 tokens)."""
    tokens = TOKEN.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < SHINGLE_SIZE:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[start : start + SHINGLE_SIZE]) for start in range(len(tokens) - SHINGLE_SIZE + 1))


@dataclass(frozen=True, slots=True)
class PageScore:
    """Shared, predicted-only and body-only shingle counts of one page."""

    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float | None:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else None

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        precision = self.precision or 0.0
        total = precision + self.recall
        return 2 * precision * self.recall / total if total else 0.0


def score_page(prediction: str, body: str) -> PageScore:
    predicted, expected = shingles(prediction), shingles(body)
    shared = sum((predicted & expected).values())
    return PageScore(shared, sum(predicted.values()) - shared, sum(expected.values()) - shared)


@dataclass(frozen=True, slots=True)
class Summary:
    precision: float
    recall: float
    f1: float
    pages: int


def summarize(scores: Sequence[PageScore]) -> Summary:
    """Precision over pages that predicted something, recall over all, F1 of the two averages."""
    precisions = [score.precision for score in scores if score.precision is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(score.recall for score in scores) / len(scores) if scores else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Summary(precision, recall, f1, len(scores))
