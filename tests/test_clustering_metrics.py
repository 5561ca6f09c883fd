"""The benchmark's clustering scores and correlations, checked by hand, by brute force and against sklearn and scipy."""

from __future__ import annotations

import importlib.util
import itertools
import math
import random
import sys
from pathlib import Path

import numpy
import pytest

# benchmarks/ is a folder of scripts, not a package: load the module from its file.
_MODULE_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "clustering_metrics.py"
_SPEC = importlib.util.spec_from_file_location("clustering_metrics", _MODULE_PATH)
assert _SPEC is not None and _SPEC.loader is not None
clustering_metrics = importlib.util.module_from_spec(_SPEC)
sys.modules["clustering_metrics"] = clustering_metrics
_SPEC.loader.exec_module(clustering_metrics)

adjusted_rand_index = clustering_metrics.adjusted_rand_index
average_ranks = clustering_metrics.average_ranks
pair_counts = clustering_metrics.pair_counts
pairwise_scores = clustering_metrics.pairwise_scores
pearson_correlation = clustering_metrics.pearson_correlation
spearman_correlation = clustering_metrics.spearman_correlation

GOLD = ["a", "a", "a", "b", "b", "c", "d", "d"]


def _random_labelings(count: int, seed: int) -> list[tuple[list[int], list[int]]]:
    """Pairs of labelings of random sizes and cluster counts, from all-singletons to one cluster."""
    generator = random.Random(seed)
    labelings = []
    for _ in range(count):
        size = generator.randint(1, 60)
        gold_clusters = generator.randint(1, size)
        predicted_clusters = generator.randint(1, size)
        gold = [generator.randrange(gold_clusters) for _ in range(size)]
        predicted = [generator.randrange(predicted_clusters) for _ in range(size)]
        labelings.append((gold, predicted))
    return labelings


def _brute_force_scores(gold: list[int], predicted: list[int]) -> tuple[int, int, int]:
    """Pairs together in both, in gold and in the prediction, by listing every pair."""
    both = in_gold = in_predicted = 0
    for first, second in itertools.combinations(range(len(gold)), 2):
        same_gold = gold[first] == gold[second]
        same_predicted = predicted[first] == predicted[second]
        in_gold += same_gold
        in_predicted += same_predicted
        both += same_gold and same_predicted
    return both, in_gold, in_predicted


def test_a_perfect_clustering_scores_one_whatever_its_labels_are_called() -> None:
    renamed = [{"a": 7, "b": 3, "c": 9, "d": 1}[label] for label in GOLD]
    scores = pairwise_scores(GOLD, renamed)
    assert (scores.precision, scores.recall, scores.f1) == (1.0, 1.0, 1.0)
    assert adjusted_rand_index(GOLD, renamed) == pytest.approx(1.0)


def test_all_singletons_have_no_recall_and_nothing_wrong() -> None:
    singletons = list(range(len(GOLD)))
    scores = pairwise_scores(GOLD, singletons)
    assert scores.recall == 0.0
    assert scores.precision == 1.0
    assert scores.f1 == 0.0
    assert adjusted_rand_index(GOLD, singletons) == pytest.approx(0.0)


def test_one_big_cluster_has_full_recall_and_the_precision_of_chance() -> None:
    scores = pairwise_scores(GOLD, ["all"] * len(GOLD))
    # Gold pairs: 3 (a) + 1 (b) + 1 (d) = 5 of the 28 pairs of 8 items.
    assert scores.recall == 1.0
    assert scores.precision == pytest.approx(5 / 28)
    assert adjusted_rand_index(GOLD, ["all"] * len(GOLD)) == pytest.approx(0.0)


def test_a_small_case_computed_by_hand() -> None:
    gold = ["a", "a", "a", "b", "b"]
    predicted = [1, 1, 2, 2, 2]
    # Cells (a,1)=2, (a,2)=1, (b,2)=2: 1 + 0 + 1 pairs together in both; gold 3 + 1 = 4, predicted 1 + 3 = 4; 10 pairs.
    counts = pair_counts(gold, predicted)
    assert (counts.together_in_both, counts.together_in_gold, counts.together_in_predicted, counts.all_pairs) == (
        2,
        4,
        4,
        10,
    )
    scores = pairwise_scores(gold, predicted)
    assert scores.precision == pytest.approx(0.5)
    assert scores.recall == pytest.approx(0.5)
    assert scores.f1 == pytest.approx(0.5)
    # Expected index 4 * 4 / 10 = 1.6, maximum (4 + 4) / 2 = 4: (2 - 1.6) / (4 - 1.6) = 1/6.
    assert adjusted_rand_index(gold, predicted) == pytest.approx(1 / 6)


def test_pair_counts_agree_with_listing_every_pair() -> None:
    for gold, predicted in _random_labelings(200, seed=1):
        counts = pair_counts(gold, predicted)
        assert (counts.together_in_both, counts.together_in_gold, counts.together_in_predicted) == (
            _brute_force_scores(gold, predicted)
        )
        assert counts.all_pairs == len(gold) * (len(gold) - 1) // 2


def test_labelings_of_different_lengths_are_refused() -> None:
    with pytest.raises(ValueError):
        pairwise_scores([1, 2, 3], [1, 2])


def test_adjusted_rand_index_agrees_with_sklearn() -> None:
    metrics = pytest.importorskip("sklearn.metrics")
    labelings = _random_labelings(300, seed=2)
    # Edge cases: one item, two items, identical trivial partitions, and a clustering correlated with the gold one.
    labelings += [([0], [5]), ([0, 0], [1, 2]), ([0, 1], [0, 1]), ([0] * 9, [3] * 9), (list(range(9)), list(range(9)))]
    generator = random.Random(3)
    gold = [generator.randrange(20) for _ in range(500)]
    labelings.append((gold, [label if generator.random() < 0.8 else generator.randrange(20) for label in gold]))
    for gold, predicted in labelings:
        assert adjusted_rand_index(gold, predicted) == pytest.approx(
            metrics.adjusted_rand_score(gold, predicted), abs=1e-12
        )


def test_pearson_correlation_by_hand_and_against_numpy() -> None:
    # x = 1, 2, 3; y = 2, 4, 7: deviations -1, 0, 1 and -7/3, -1/3, 8/3; covariance sum 5, spreads √2 and √(114/9).
    assert pearson_correlation([1, 2, 3], [2, 4, 7]) == pytest.approx(5 / math.sqrt(2 * 114 / 9))
    assert pearson_correlation([1, 2, 3], [6, 4, 2]) == pytest.approx(-1.0)
    generator = random.Random(4)
    for _ in range(100):
        size = generator.randint(2, 200)
        first = [generator.gauss(0, 1) for _ in range(size)]
        second = [value * generator.uniform(-2, 2) + generator.gauss(0, 1) for value in first]
        assert pearson_correlation(first, second) == pytest.approx(numpy.corrcoef(first, second)[0, 1], abs=1e-12)


def test_pearson_correlation_of_a_constant_series_is_undefined() -> None:
    assert math.isnan(pearson_correlation([1, 1, 1], [1, 2, 3]))
    with pytest.raises(ValueError):
        pearson_correlation([1], [2])
    with pytest.raises(ValueError):
        pearson_correlation([1, 2], [2])


def test_average_ranks_share_tied_ranks() -> None:
    assert average_ranks([10, 20, 20, 5, 20]) == [2.0, 4.0, 4.0, 1.0, 4.0]


def test_correlations_agree_with_scipy() -> None:
    stats = pytest.importorskip("scipy.stats")
    generator = random.Random(5)
    for _ in range(100):
        size = generator.randint(3, 200)
        # Few distinct values, so that ties (as in human ratings) are common.
        first = [float(generator.randint(1, 4)) for _ in range(size)]
        second = [value + generator.gauss(0, 1.5) for value in first]
        if len(set(first)) == 1:
            continue
        assert pearson_correlation(first, second) == pytest.approx(stats.pearsonr(first, second)[0], abs=1e-12)
        assert spearman_correlation(first, second) == pytest.approx(stats.spearmanr(first, second)[0], abs=1e-12)
