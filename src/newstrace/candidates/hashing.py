"""Stable 64-bit hashes of tokens, word shingles and term sets, vectorised over whole texts."""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import xxhash

_TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 5
_MULTIPLIERS = np.array([0x9E3779B97F4A7C15 * (index * 2 + 1) % 2**64 for index in range(8)], dtype=np.uint64)


class TokenHashes(dict[str, int]):
    """A cache of token hashes; xxhash is stable across runs and machines, unlike Python's hash()."""

    def __missing__(self, token: str) -> int:
        value = xxhash.xxh3_64_intdigest(token.encode())
        self[token] = value
        return value


def token_hashes(text: str, cache: TokenHashes) -> np.ndarray:
    """The 64-bit hash of each lower-cased word token of a text, in order."""
    tokens = _TOKEN.findall(text.lower())
    return np.fromiter(map(cache.__getitem__, tokens), dtype=np.uint64, count=len(tokens))


def shingle_hashes(tokens: np.ndarray, size: int = SHINGLE_SIZE) -> np.ndarray:
    """The distinct hashes of every run of `size` tokens (the whole text when shorter)."""
    count = len(tokens)
    if count == 0:
        return tokens
    if count < size:
        size = count
    with np.errstate(over="ignore"):
        combined = tokens[: count - size + 1] * _MULTIPLIERS[0]
        for offset in range(1, size):
            combined = combined + tokens[offset : count - size + 1 + offset] * _MULTIPLIERS[offset]
        combined ^= combined >> np.uint64(29)
    return np.unique(combined)


def term_hashes(terms: Iterable[str], cache: TokenHashes) -> np.ndarray:
    return np.unique(np.fromiter(map(cache.__getitem__, terms), dtype=np.uint64))
