"""Fingerprints of articles and the LSH index that pairs each new article with similar ones.

Two channels: word 5-gram shingles find copies and syndicated versions; the article's heaviest
content terms (rare words, names, numbers) find rewrites, which share few 5-grams with their source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newstrace.candidates.catchline import catchline_key
from newstrace.candidates.hashing import TokenHashes, shingle_hashes, term_hashes, token_hashes
from newstrace.candidates.minhash import EMPTY, band_keys, estimated_jaccard, signatures
from newstrace.model import Article
from newstrace.sentences import Lexicon, term_profile


@dataclass(frozen=True, slots=True)
class Channel:
    """One LSH channel: its band shape and the estimated Jaccard a colliding pair must reach."""

    name: str
    rows_per_band: int
    minimum_jaccard: float


# Bands of 3 bins catch 5-gram Jaccard 0.3 with probability 0.68 and 0.5 with 0.996; rewrites
# keep about a quarter of their source's heaviest terms (median 0.25, 10% below 0.13, measured on
# LLM rewrites), which bands of 2 catch, while random pairs seldom share them.
CHANNELS = (Channel("shingles", 3, 0.08), Channel("terms", 2, 0.08))
TOP_TERMS = 40
# A bucket this full is boilerplate shared by many pages, not a story: it yields no pairs.
LARGEST_BUCKET = 300


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """An article's signatures, one row of bins per channel."""

    article: str
    shingles: np.ndarray
    terms: np.ndarray
    catchline: str = ""


@dataclass(frozen=True, slots=True)
class CandidatePair:
    """Two articles worth aligning, the channel that paired them and its Jaccard estimate."""

    first: str
    second: str
    channel: str
    estimated_jaccard: float


def fingerprint_articles(articles: Sequence[Article], lexicon: Lexicon) -> list[Fingerprint]:
    """Fingerprints of a batch of articles (hashing and signatures vectorised over the batch)."""
    cache = TokenHashes()
    shingle_sets = []
    term_sets = []
    for article in articles:
        text = article.text
        shingle_sets.append(shingle_hashes(token_hashes(text, cache)))
        term_sets.append(term_hashes(term_profile(text, lexicon).top(TOP_TERMS), cache))
    shingle_rows = signatures(shingle_sets)
    term_rows = signatures(term_sets)
    return [
        Fingerprint(article.id, shingle_rows[index], term_rows[index], catchline_key(article))
        for index, article in enumerate(articles)
    ]


class CandidateIndex:
    """The fingerprints of stored articles; pairs new articles with them and with each other."""

    def __init__(self, fingerprints: Sequence[Fingerprint] = ()) -> None:
        self.ids: list[str] = []
        self.catchlines: dict[str, list[int]] = {}
        self.rows: dict[str, np.ndarray] = {channel.name: np.empty((0, 128), np.uint64) for channel in CHANNELS}
        self.add(fingerprints)

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, fingerprints: Sequence[Fingerprint]) -> None:
        if not fingerprints:
            return
        for fingerprint in fingerprints:
            if fingerprint.catchline:
                self.catchlines.setdefault(fingerprint.catchline, []).append(len(self.ids))
            self.ids.append(fingerprint.article)
        for channel in CHANNELS:
            new_rows = np.stack([getattr(fingerprint, channel.name) for fingerprint in fingerprints])
            self.rows[channel.name] = np.concatenate([self.rows[channel.name], new_rows])

    def add_and_pair(self, fingerprints: Sequence[Fingerprint]) -> list[CandidatePair]:
        """Add new fingerprints; return every candidate pair that involves at least one of them."""
        old_count = len(self.ids)
        self.add(fingerprints)
        best: dict[tuple[int, int], tuple[float, str]] = {}
        for channel in CHANNELS:
            rows = self.rows[channel.name]
            first, second = _colliding_pairs(band_keys(rows, channel.rows_per_band), old_count)
            if len(first) == 0:
                continue
            estimates = estimated_jaccard(rows[first], rows[second])
            keep = estimates >= channel.minimum_jaccard
            for left, right, estimate in zip(first[keep], second[keep], estimates[keep], strict=True):
                key = (int(left), int(right))
                if key not in best or estimate > best[key][0]:
                    best[key] = (float(estimate), channel.name)
        for members in self.catchlines.values():
            for position, right in enumerate(members):
                for left in members[:position]:
                    if right >= old_count and (left, right) not in best:
                        best[(left, right)] = (1.0, "catchline")
        pairs = [
            CandidatePair(self.ids[left], self.ids[right], channel, round(estimate, 4))
            for (left, right), (estimate, channel) in best.items()
        ]
        return sorted(pairs, key=lambda pair: (pair.first, pair.second))


def _colliding_pairs(keys: np.ndarray, old_count: int) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (low, high) sharing a band key, at least one of them new (index >= old_count)."""
    count, bands = keys.shape
    flat = keys.reshape(-1)
    owners = np.repeat(np.arange(count, dtype=np.int64), bands)
    usable = flat != EMPTY
    flat, owners = flat[usable], owners[usable]
    order = np.argsort(flat, kind="stable")
    flat, owners = flat[order], owners[order]
    starts = np.flatnonzero(np.concatenate([[True], flat[1:] != flat[:-1]]))
    sizes = np.diff(np.append(starts, len(flat)))
    lows: list[np.ndarray] = []
    highs: list[np.ndarray] = []
    pairs_of_two = starts[sizes == 2]
    if len(pairs_of_two):
        left, right = owners[pairs_of_two], owners[pairs_of_two + 1]
        lows.append(np.minimum(left, right))
        highs.append(np.maximum(left, right))
    for start, size in zip(
        starts[(sizes > 2) & (sizes <= LARGEST_BUCKET)], sizes[(sizes > 2) & (sizes <= LARGEST_BUCKET)], strict=True
    ):
        members = np.unique(owners[start : start + size])
        if members[-1] < old_count or len(members) < 2:
            continue
        left, right = np.triu_indices(len(members), k=1)
        lows.append(members[left])
        highs.append(members[right])
    if not lows:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    low, high = np.concatenate(lows), np.concatenate(highs)
    new = (high >= old_count) & (low != high)
    encoded = np.unique(low[new] * count + high[new])
    return encoded // count, encoded % count
