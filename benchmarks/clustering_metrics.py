"""Scores of a predicted clustering against gold labels, and correlations: pure functions, no dependencies.

Pair scores and the adjusted Rand index come from contingency counts, so a clustering of n items costs O(n), not O(n²).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass


def pair_count(size: int) -> int:
    """The number of unordered pairs among `size` items."""
    return size * (size - 1) // 2


@dataclass(frozen=True, slots=True)
class PairCounts:
    """How many item pairs share a cluster: in the gold labels, in the prediction, in both, and all pairs."""

    together_in_both: int
    together_in_gold: int
    together_in_predicted: int
    all_pairs: int


@dataclass(frozen=True, slots=True)
class PairwiseScores:
    """Precision, recall and F1 over item pairs placed in the same cluster."""

    precision: float
    recall: float
    f1: float


def pair_counts(gold_labels: Sequence[Hashable], predicted_labels: Sequence[Hashable]) -> PairCounts:
    """Pair counts from the contingency table of the two labelings (item i has gold_labels[i], predicted_labels[i])."""
    if len(gold_labels) != len(predicted_labels):
        raise ValueError(f"{len(gold_labels)} gold labels but {len(predicted_labels)} predicted labels")
    contingency = Counter(zip(gold_labels, predicted_labels, strict=True))
    return PairCounts(
        together_in_both=sum(pair_count(size) for size in contingency.values()),
        together_in_gold=sum(pair_count(size) for size in Counter(gold_labels).values()),
        together_in_predicted=sum(pair_count(size) for size in Counter(predicted_labels).values()),
        all_pairs=pair_count(len(gold_labels)),
    )


def pairwise_scores(gold_labels: Sequence[Hashable], predicted_labels: Sequence[Hashable]) -> PairwiseScores:
    """Pairwise precision, recall and F1; a side with no same-cluster pairs has nothing wrong in it and scores 1."""
    counts = pair_counts(gold_labels, predicted_labels)
    precision = counts.together_in_both / counts.together_in_predicted if counts.together_in_predicted else 1.0
    recall = counts.together_in_both / counts.together_in_gold if counts.together_in_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairwiseScores(precision, recall, f1)


def adjusted_rand_index(gold_labels: Sequence[Hashable], predicted_labels: Sequence[Hashable]) -> float:
    """Hubert and Arabie's adjusted Rand index: 1 for the same partition, about 0 for a random one."""
    counts = pair_counts(gold_labels, predicted_labels)
    if counts.all_pairs == 0:
        return 1.0
    expected = counts.together_in_gold * counts.together_in_predicted / counts.all_pairs
    maximum = (counts.together_in_gold + counts.together_in_predicted) / 2
    # The denominator is zero only when both labelings are the same trivial partition (all one cluster, or all
    # singletons): they agree fully, as sklearn also says.
    if maximum == expected:
        return 1.0
    return (counts.together_in_both - expected) / (maximum - expected)


def pearson_correlation(first: Sequence[float], second: Sequence[float]) -> float:
    """Pearson's r of two equally long series; NaN when either is constant."""
    if len(first) != len(second):
        raise ValueError(f"series of different lengths: {len(first)} and {len(second)}")
    if len(first) < 2:
        raise ValueError("a correlation needs at least two points")
    first_mean = math.fsum(first) / len(first)
    second_mean = math.fsum(second) / len(second)
    first_deviations = [value - first_mean for value in first]
    second_deviations = [value - second_mean for value in second]
    covariance = math.fsum(a * b for a, b in zip(first_deviations, second_deviations, strict=True))
    first_spread = math.sqrt(math.fsum(value * value for value in first_deviations))
    second_spread = math.sqrt(math.fsum(value * value for value in second_deviations))
    if first_spread == 0 or second_spread == 0:
        return math.nan
    # Rounding can push |r| a hair past 1 for perfectly linear data.
    return max(-1.0, min(1.0, covariance / (first_spread * second_spread)))


def average_ranks(values: Sequence[float]) -> list[float]:
    """Ranks from 1, tied values sharing the mean of the ranks they span."""
    order = sorted(range(len(values)), key=lambda index: values[index])
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        shared_rank = (start + end) / 2 + 1
        for position in range(start, end + 1):
            ranks[order[position]] = shared_rank
        start = end + 1
    return ranks


def spearman_correlation(first: Sequence[float], second: Sequence[float]) -> float:
    """Spearman's rho: Pearson's r of the average ranks."""
    return pearson_correlation(average_ranks(first), average_ranks(second))
