"""One-permutation MinHash: Jaccard estimates, empty sets, band keys and batch independence."""

from __future__ import annotations

import numpy as np
import pytest

from newstrace.candidates.minhash import EMPTY, NUMBER_OF_BINS, band_keys, estimated_jaccard, signatures


def _random_pair(rng: np.random.Generator, size: int, shared: int) -> tuple[np.ndarray, np.ndarray, float]:
    """Two sets of `size` full-range 64-bit values sharing `shared` of them, and their true Jaccard."""
    values = np.unique(rng.integers(0, 2**64, size=2 * size, dtype=np.uint64, endpoint=False))
    values = rng.permutation(values)[: 2 * size - shared]
    first = values[:size]
    second = np.concatenate([values[:shared], values[size:]])
    union = np.union1d(first, second)
    return first, second, len(np.intersect1d(first, second)) / len(union)


@pytest.mark.parametrize("size", [60, 400])
@pytest.mark.parametrize("target", [0.1, 0.3, 0.5, 0.8])
def test_estimate_is_close_to_the_true_jaccard(size: int, target: float) -> None:
    rng = np.random.default_rng(size * 100 + int(target * 10))
    shared = round(2 * size * target / (1 + target))
    errors = []
    for _ in range(8):
        first, second, true = _random_pair(rng, size, shared)
        rows = signatures([first, second])
        estimate = float(estimated_jaccard(rows[0], rows[1]))
        # 128 bins: the standard error is at most 0.045, so 0.15 is more than three of them.
        assert abs(estimate - true) <= 0.15, (estimate, true)
        errors.append(estimate - true)
    # No bias: the mean of eight estimates is much closer still.
    assert abs(float(np.mean(errors))) <= 0.06, errors


def test_disjoint_sets_estimate_near_zero_and_identical_sets_one() -> None:
    rng = np.random.default_rng(11)
    first, second, true = _random_pair(rng, 200, 0)
    assert true == 0.0
    shuffled = rng.permutation(first)
    rows = signatures([first, second, shuffled, np.concatenate([first, first[:50]])])
    assert float(estimated_jaccard(rows[0], rows[1])) <= 0.03
    assert float(estimated_jaccard(rows[0], rows[2])) == 1.0
    # Repeated values do not change a set.
    assert float(estimated_jaccard(rows[0], rows[3])) == 1.0


def test_small_sets_fill_every_bin() -> None:
    rows = signatures([np.array([1, 2**63 + 5, 2**40], dtype=np.uint64)])
    assert rows.shape == (1, NUMBER_OF_BINS)
    assert not (rows == EMPTY).any()


def test_an_empty_set_gives_an_empty_row_that_never_collides() -> None:
    rng = np.random.default_rng(3)
    full = rng.integers(0, 2**64, size=100, dtype=np.uint64, endpoint=False)
    empty = np.empty(0, dtype=np.uint64)
    rows = signatures([empty, full, empty])
    assert (rows[0] == EMPTY).all() and (rows[2] == EMPTY).all()
    assert not (rows[1] == EMPTY).any()
    # Two empty sets are not similar, to each other or to anything.
    assert float(estimated_jaccard(rows[0], rows[2])) == 0.0
    assert float(estimated_jaccard(rows[0], rows[1])) == 0.0
    for rows_per_band in (2, 3):
        keys = band_keys(rows, rows_per_band)
        assert (keys[0] == EMPTY).all() and (keys[2] == EMPTY).all()
        assert not (keys[1] == EMPTY).any()
        assert not np.isin(keys[1], keys[0]).any()


def test_batches_of_only_empty_sets_and_no_sets() -> None:
    assert signatures([]).shape == (0, NUMBER_OF_BINS)
    rows = signatures([np.empty(0, dtype=np.uint64)] * 2)
    assert (rows == EMPTY).all()


def test_signatures_do_not_depend_on_the_batch() -> None:
    rng = np.random.default_rng(5)
    sets = [rng.integers(0, 2**64, size=size, dtype=np.uint64, endpoint=False) for size in (1, 7, 130, 900)]
    sets.insert(2, np.empty(0, dtype=np.uint64))
    batch = signatures(sets)
    one_by_one = np.vstack([signatures([hashes]) for hashes in sets])
    assert np.array_equal(batch, one_by_one)
    order = [3, 0, 4, 2, 1]
    assert np.array_equal(signatures([sets[index] for index in order]), batch[order])
    # The order of values inside a set does not matter either.
    assert np.array_equal(signatures([rng.permutation(sets[4])]), batch[4:5])


def test_band_keys_agree_exactly_where_bands_agree() -> None:
    rng = np.random.default_rng(9)
    first = rng.integers(0, 2**64, size=500, dtype=np.uint64, endpoint=False)
    second = first.copy()
    rows = signatures([first, second])
    # Change one bin of the second row: only the band holding it changes its key.
    rows[1, 7] ^= np.uint64(1)
    keys = band_keys(rows, 3)
    assert keys.shape == (2, NUMBER_OF_BINS // 3)
    differing = np.flatnonzero(keys[0] != keys[1])
    assert differing.tolist() == [7 // 3]
    # The same bins in different bands give different keys (bands are salted by position).
    repeated = np.tile(rows[0, :3], NUMBER_OF_BINS // 3 + 1)[:NUMBER_OF_BINS][None, :]
    assert len(np.unique(band_keys(repeated, 3)[0])) == NUMBER_OF_BINS // 3


@pytest.mark.parametrize("hashes_per_row", [1, 40, 600])
def test_empty_bins_borrow_the_next_filled_bin_salted_by_distance(hashes_per_row: int) -> None:
    """Rows with many empty bins (new rows made) and with few (filled in place) both match a bin-by-bin reading."""
    rng = np.random.default_rng(hashes_per_row)
    hash_sets = [rng.integers(0, 2**64 - 1, size=hashes_per_row, dtype=np.uint64, endpoint=True) for _ in range(30)]
    rows = signatures([*hash_sets, np.empty(0, dtype=np.uint64)])
    value_mask = (1 << 57) - 1
    for row, hashes in zip(rows, hash_sets, strict=False):
        minima: dict[int, int] = {}
        for value in hashes.tolist():
            minima[value >> 57] = min(minima.get(value >> 57, value_mask), value & value_mask)
        for column in range(NUMBER_OF_BINS):
            distance = next(step for step in range(NUMBER_OF_BINS) if (column + step) % NUMBER_OF_BINS in minima)
            borrowed = minima[(column + distance) % NUMBER_OF_BINS]
            assert int(row[column]) == (borrowed + distance * 0x9E3779B97F4A7C15) % 2**64 & value_mask
    assert (rows[-1] == EMPTY).all()
