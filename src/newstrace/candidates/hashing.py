"""Stable 64-bit hashes of word shingles (runs of token hashes), vectorised over whole texts."""

from __future__ import annotations

import numpy as np

SHINGLE_SIZE = 5
_MULTIPLIERS = np.array([0x9E3779B97F4A7C15 * (index * 2 + 1) % 2**64 for index in range(8)], dtype=np.uint64)


def shingle_hashes(tokens: np.ndarray, size: int = SHINGLE_SIZE) -> np.ndarray:
    """The distinct hashes of every run of `size` tokens (the whole text when shorter)."""
    count = len(tokens)
    if count == 0:
        return tokens
    if count < size:
        size = count
    return np.unique(window_hashes(tokens, size))


def window_hashes(tokens: np.ndarray, size: int = SHINGLE_SIZE) -> np.ndarray:
    """The hash of every run of `size` tokens, from slices rather than gathers (same values as `shingle_hashes_at`)."""
    windows = len(tokens) - size + 1
    if windows <= 0:
        return np.empty(0, dtype=np.uint64)
    with np.errstate(over="ignore"):
        combined = tokens[:windows] * _MULTIPLIERS[0]
        for offset in range(1, size):
            combined += tokens[offset : offset + windows] * _MULTIPLIERS[offset]
        combined ^= combined >> np.uint64(29)
    return combined


def shingle_hashes_at(tokens: np.ndarray, starts: np.ndarray, size: int = SHINGLE_SIZE) -> np.ndarray:
    """The hash of the run of `size` tokens beginning at each of `starts`."""
    with np.errstate(over="ignore"):
        combined = tokens[starts] * _MULTIPLIERS[0]
        for offset in range(1, size):
            combined = combined + tokens[starts + offset] * _MULTIPLIERS[offset]
        combined ^= combined >> np.uint64(29)
    return combined
