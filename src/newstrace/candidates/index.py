"""Fingerprints of articles and the LSH index that pairs each new article with similar ones.

Two channels: word 5-gram shingles find copies and syndicated versions; the article's heaviest
content terms (rare words, names, numbers) find rewrites, which share few 5-grams with their source.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from itertools import pairwise, repeat
from typing import Any, TypeVar

import numpy as np

from newstrace.candidates.catchline import catchline_key
from newstrace.candidates.hashing import SHINGLE_SIZE, shingle_hashes, window_hashes
from newstrace.candidates.minhash import (
    EMPTY,
    NUMBER_OF_BINS,
    adjacent_bands,
    band_keys,
    band_keys_of_columns,
    estimated_jaccard,
    owned_signatures,
    same_class_pairs,
)
from newstrace.candidates.profiles import TermTable, heaviest_terms
from newstrace.candidates.tokens import Tokens, tokenise
from newstrace.model import Article, has_agency_marks
from newstrace.sentences import Lexicon
from newstrace.sentences.words import spaced_pairs

Instance = TypeVar("Instance")


@dataclass(frozen=True, slots=True)
class Channel:
    """One LSH channel: its bands (bin indices of each) and the estimated Jaccard a colliding pair must
    reach; `minimum_jaccard_across_days`, where set, is what a pair dated days apart must reach."""

    name: str
    bands: np.ndarray
    minimum_jaccard: float
    minimum_jaccard_across_days: float | None = None

    @property
    def minimum_agreeing(self) -> int:
        """The number of agreeing bins the minimum Jaccard estimate asks for."""
        return math.ceil(self.minimum_jaccard * NUMBER_OF_BINS)


# Bands of 3 bins catch 5-gram Jaccard 0.3 with probability 0.68 and 0.5 with 0.996. Rewrites
# keep about a quarter of their source's heaviest terms (median 0.25, 10% below 0.13, measured on
# LLM rewrites): the terms channel pairs every two articles whose signatures agree on enough bins
# to pass its filter (`same_class_pairs`). Its former bands of 2 neighbouring bins behaved like
# single bins (densification copies one term into its empty neighbours), so sharing one term was
# enough to collide: 85 colliding pairs per article at 10,000 generated articles, 191 at 30,000,
# against 13 and 17 with these bands, which find every pair whose estimate passes the filter.
TERMS_MINIMUM_JACCARD = 0.08
# Articles dated more than DAYS_APART days apart are one story only as a copy or a rewrite of the
# other (stories.build drops other links across days), so judging a pair of them pays only where its
# text may be taken from the other. Copies are the shingles channel's; of the terms channel's pairs
# across days, those below TERMS_MINIMUM_JACCARD_ACROSS_DAYS are left out, as most pairs of one topic
# sit there and few rewrites do. Measured: in 924 political articles of one election (PolNeAR), the
# terms channel paired each article with 75 others (median) and 97.6% of the 42,065 pairs lay more
# than 2 days apart; the bound leaves out 34,638 of them. No relation found in it, in METER, in
# PolitiFact or in a crawl of 2,163 pages was among those left out; 13.8% of PolitiFact's LLM
# rewrites fall below 0.15 (their median is 0.25), which a rewrite published days after its source
# would miss.
DAYS_APART = 2
TERMS_MINIMUM_JACCARD_ACROSS_DAYS = 0.15
# A date the index cannot place (none, or not a whole ISO date): never days apart from another.
NO_DAY = -1
SHINGLES = "shingles"
# The shingles channel comes first: the echoes it finds stay out of the channels after it.
CHANNELS = (
    Channel(SHINGLES, adjacent_bands(3), 0.08),
    Channel(
        "terms",
        same_class_pairs(math.ceil(TERMS_MINIMUM_JACCARD * NUMBER_OF_BINS)),
        TERMS_MINIMUM_JACCARD,
        TERMS_MINIMUM_JACCARD_ACROSS_DAYS,
    ),
)
TOP_TERMS = 40
# Raised whenever fingerprint_articles makes other rows of the same article: fingerprints a database
# holds from an older version are made again from their articles before new ones are paired with
# them, so that old and new articles are compared by one measure. Version 1: words of Chinese,
# Japanese and Thai read as pairs of characters, and each language's terms weighed by its own word
# list (fingerprints made before then have version 0).
FINGERPRINT_VERSION = 1
# A bucket this full is boilerplate shared by many pages, not a story: articles arriving after it
# filled pair with nobody through it. Counting arrivals (not the final size) makes pairing in
# batches give the pairs of one batch.
LARGEST_BUCKET = 300
# An article whose shingles lie nearly all inside an article before it in precedence (containment at
# least ECHO_CONTAINMENT, from the Jaccard estimate and the two sets' sizes) is that article's echo: a
# reprint that adds nothing, paired with it alone. A wire story reprinted by 300 papers made every two
# reprints a pair (45,150 pairs judged, 52 s and 0.9 GB) and grows as the square of its reprints.
# Below ECHO_MINIMUM_JACCARD the containment estimate is too loose (a short brief inside a long report).
ECHO_CONTAINMENT = 0.9
ECHO_MINIMUM_JACCARD = 0.3
# An article is paired with at most this many of the articles indexed before it, those of the
# highest estimates: pages of one template (generated reports, a site's listings) otherwise pair
# every two (2,000 generated pages of one vocabulary gave 1.6 million pairs, a run of 10,000 grew
# past 15 GB). Real corpora hardly reach it: METER's articles have at most 42 such partners, and the
# crawl of the training pages 130 (2 of its 9,589 pairs go); PolitiFact's long transcripts and pages
# of junk have up to 459 (1,393 of 29,764 pairs go, none between an original and its rewrite, whose
# estimates are among the highest).
MAX_EARLIER_PARTNERS = 128
# Band keys are made and sorted about this many at a time, few enough for their arrays (2 MB) to
# stay in cache (2**21 -> 2**18 measured 0.40 -> 0.33 CPU s for the pair stage at 10,000 generated
# articles) and for memory to stay bounded at any index size; colliding pairs are scored in slices
# small enough to stay in cache (65,536 -> 2,048 measured 2.8 -> 2.5 CPU s for the pair stage at
# 30,000 generated articles).
KEYS_PER_GROUP = 1 << 18
PAIRS_PER_SCORING = 2048
# Articles tokenised and signed together: enough for array operations to pay, few enough for
# their arrays to stay in cache (2,048 -> 512 measured 1.43 -> 1.19 CPU s for 10,000 articles).
ARTICLES_PER_CHUNK = 512
# One band of every bin: its key folds a whole signature row, for finding repeated rows.
_WHOLE_ROW = np.arange(NUMBER_OF_BINS)[None, :]
# Python floats in an object array: the pairs share 129 float objects instead of one new float each.
_ROUNDED_SHARES = np.array(
    [round(agreeing / NUMBER_OF_BINS, 4) for agreeing in range(NUMBER_OF_BINS + 1)], dtype=object
)


# A long text (a page of many stories, a feed of comments, a long read) is also signed passage by
# passage: its heaviest terms over the whole text are spread over all it holds, so a report of one
# of its parts shares too few of them to meet it. Passages of PASSAGE_TOKENS tokens every
# PASSAGE_STRIDE tokens (any run of a stride's length lies wholly in one), for texts of at least
# LONG_TEXT_TOKENS tokens; news reports of usual length get none.
PASSAGE_TOKENS = 600
PASSAGE_STRIDE = 300
LONG_TEXT_TOKENS = 1800
# A text longer than this many strides (a forum dump, a book) gets this many passages, each longer:
# thousands of passages of one text fill the LSH buckets with each other (a 20 MB page took 65 s and
# 8 GB to pair), and a news report is not told apart inside such a text anyway.
MAX_PASSAGES = 64
PASSAGES = "passages"
_NO_PASSAGES = np.empty((0, NUMBER_OF_BINS), dtype=np.uint64)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """An article's signatures, one row of bins per channel, and one terms row per passage of a long text.

    `shingle_count` sizes the shingle set (0: unknown, never an echo's or its source's); `echo_of`, once
    indexed, names the article it nearly repeats ("": none)."""

    article: str
    shingles: np.ndarray
    terms: np.ndarray
    catchline: str = ""
    passages: np.ndarray = field(default_factory=lambda: _NO_PASSAGES)
    shingle_count: int = 0
    echo_of: str = ""
    # A dateline, an agency credit or a wire header, then the earliest date (ISO, "": none): first
    # among new articles to stand for their echoes.
    agency_marked: bool = False
    date: str = ""


@dataclass(frozen=True, slots=True)
class CandidatePair:
    """Two articles worth aligning, the channel that paired them and its Jaccard estimate."""

    first: str
    second: str
    channel: str
    estimated_jaccard: float


def fingerprint_articles(articles: Sequence[Article], lexicon: Lexicon) -> list[Fingerprint]:
    """Fingerprints of a batch of articles (tokens, hashes, terms and signatures vectorised over the batch).

    Each article's terms are weighed by its language's word list where `lexicon` knows others."""
    fingerprints: list[Fingerprint] = []
    # One table of looked-up tokens per language: a word's weight is its language's.
    tables: dict[str, TermTable] = {}
    for start in range(0, len(articles), ARTICLES_PER_CHUNK):
        chunk = articles[start : start + ARTICLES_PER_CHUNK]
        # Chinese, Japanese or Thai text is read as pairs of characters, the word-sized unit of a
        # script without spaces (a clause between commas would be one token).
        texts = [spaced_pairs(article.text) for article in chunk]
        tokens = tokenise(texts)
        shingles, shingle_owners = _shingles(tokens, len(chunk))
        shingle_rows = owned_signatures(shingles, shingle_owners, len(chunk))
        lexicons = [lexicon.for_paragraphs(article.paragraphs) for article in chunk]
        by_language: dict[str, list[int]] = {}
        for position, article_lexicon in enumerate(lexicons):
            by_language.setdefault(article_lexicon.language, []).append(position)
        if len(by_language) == 1:
            term_rows, passages = _term_rows(tokens, len(chunk), _table(tables, lexicons[0]))
        else:
            # Articles of several languages: each language's terms from its own table, in order.
            term_rows = np.empty((len(chunk), NUMBER_OF_BINS), dtype=np.uint64)
            passages = [_NO_PASSAGES] * len(chunk)
            for members in by_language.values():
                rows, member_passages = _term_rows(
                    tokenise([texts[position] for position in members]),
                    len(members),
                    _table(tables, lexicons[members[0]]),
                )
                term_rows[members] = rows
                for position, passage in zip(members, member_passages, strict=True):
                    passages[position] = passage
        # Rows from iterating the arrays and fields from map, not one index per row: 1.44 -> 0.97 µs an article.
        fingerprints += _instances(
            Fingerprint,
            len(chunk),
            [article.id for article in chunk],
            list(shingle_rows),
            list(term_rows),
            map(catchline_key, chunk),
            passages,
            np.bincount(shingle_owners, minlength=len(chunk)).tolist(),
            repeat("", len(chunk)),
            map(has_agency_marks, chunk),
            [(article.date or "")[:10] for article in chunk],
        )
    return fingerprints


def _table(tables: dict[str, TermTable], lexicon: Lexicon) -> TermTable:
    if lexicon.language not in tables:
        tables[lexicon.language] = TermTable(lexicon)
    return tables[lexicon.language]


def _term_rows(tokens: Tokens, texts: int, table: TermTable) -> tuple[np.ndarray, list[np.ndarray]]:
    """The terms signature of each text, and the signatures of its passages (long texts only)."""
    term_rows = owned_signatures(*heaviest_terms(tokens, texts, table, TOP_TERMS), texts)
    passage_tokens, passage_texts = _passages(tokens, texts)
    passage_rows = owned_signatures(
        *heaviest_terms(passage_tokens, len(passage_texts), table, TOP_TERMS), len(passage_texts)
    )
    if not len(passage_texts):
        return term_rows, [_NO_PASSAGES] * texts
    bounds = np.searchsorted(passage_texts, np.arange(texts + 1)).tolist()
    return term_rows, [passage_rows[start:end] for start, end in pairwise(bounds)]


def _passages(tokens: Tokens, texts: int) -> tuple[Tokens, np.ndarray]:
    """The tokens of the passages of the long texts, each passage its own owner, and each passage's text."""
    lengths = np.bincount(tokens.owners, minlength=texts)
    text_starts = np.cumsum(lengths) - lengths
    pieces: list[np.ndarray] = []
    passage_texts: list[int] = []
    for text in np.flatnonzero(lengths >= LONG_TEXT_TOKENS).tolist():
        length, start = int(lengths[text]), int(text_starts[text])
        stride = max(PASSAGE_STRIDE, -(-(length - PASSAGE_STRIDE) // MAX_PASSAGES))
        # Passages twice as long as the stride, so that any run of a stride's length lies in one.
        size = max(PASSAGE_TOKENS, 2 * stride)
        for offset in range(0, length - stride, stride):
            pieces.append(np.arange(start + offset, start + min(offset + size, length)))
            passage_texts.append(text)
    if not pieces:
        empty = np.empty(0, np.int64)
        return Tokens(tokens.hashes[empty], empty, tokens.starts[empty], tokens.ends[empty], tokens.data), empty
    chosen = np.concatenate(pieces)
    owners = np.repeat(np.arange(len(pieces)), [len(piece) for piece in pieces])
    passage = Tokens(tokens.hashes[chosen], owners, tokens.starts[chosen], tokens.ends[chosen], tokens.data)
    return passage, np.array(passage_texts, dtype=np.int64)


def _shingles(tokens: Tokens, texts: int) -> tuple[np.ndarray, np.ndarray]:
    """The hash of every run of SHINGLE_SIZE tokens inside one text (a shorter text is one run) and its text."""
    hashes, owners = tokens.hashes, tokens.owners
    windows = len(hashes) - SHINGLE_SIZE + 1
    if windows > 0:
        inside = np.flatnonzero(owners[:windows] == owners[SHINGLE_SIZE - 1 :])
        # Hashing every window from slices and keeping those inside one text is cheaper than
        # gathering the tokens of the inside ones (3.6 -> 1.8 µs an article).
        runs = [window_hashes(hashes)[inside]]
        run_owners = [owners[inside]]
    else:
        runs, run_owners = [], []
    lengths = np.bincount(owners, minlength=texts)
    text_starts = np.cumsum(lengths) - lengths
    for text in np.flatnonzero((lengths > 0) & (lengths < SHINGLE_SIZE)).tolist():
        runs.append(shingle_hashes(hashes[text_starts[text] : text_starts[text] + lengths[text]]))
        run_owners.append(np.full(len(runs[-1]), text))
    if not runs:
        return np.empty(0, np.uint64), np.empty(0, np.int64)
    return np.concatenate(runs), np.concatenate(run_owners)


class CandidateIndex:
    """The fingerprints of stored articles; pairs new articles with them and with each other."""

    def __init__(
        self,
        fingerprints: Sequence[Fingerprint] = (),
        max_earlier_partners: int | None = MAX_EARLIER_PARTNERS,
        days_apart: int | None = DAYS_APART,
    ) -> None:
        """`max_earlier_partners`: see MAX_EARLIER_PARTNERS; `days_apart`: see DAYS_APART. None for no
        bound (the story model's training, on small corpora, takes every pair the channels find)."""
        self.max_earlier_partners = max_earlier_partners
        self.days_apart = days_apart
        self.ids: list[str] = []
        self.catchlines: dict[str, list[int]] = {}
        self.rows: dict[str, np.ndarray] = {
            channel.name: np.empty((0, NUMBER_OF_BINS), np.uint64) for channel in CHANNELS
        }
        # The terms rows of long texts' passages, and the article each belongs to.
        self.passage_rows = _NO_PASSAGES
        self.passage_owners = np.empty(0, dtype=np.int64)
        self.shingle_counts = np.empty(0, dtype=np.int64)
        # The article each echo repeats, and whether each indexed article (by position) is an echo.
        self.echo_of: dict[str, str] = {}
        self.is_echo = np.empty(0, dtype=bool)
        # Of each article repeating the shingle set of one before it in precedence, that article's
        # position (-1: none); such repeats stay out of the LSH buckets (found before them, in any run).
        self.repeat_of = np.empty(0, dtype=np.int64)
        self.agency_marked = np.empty(0, dtype=bool)
        self.dates = np.empty(0, dtype="U10")
        self.day_numbers = np.empty(0, dtype=np.int64)
        self._first_with_shingles: dict[int, int] = {}
        self.add(fingerprints)

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, fingerprints: Sequence[Fingerprint]) -> None:
        """Index fingerprints without pairing them (stored ones): their echoes are those they carry."""
        first_new = len(self.ids)
        self._append(fingerprints)
        position = {article: number for number, article in enumerate(self.ids)} if self.echo_of else {}
        rows = self.rows.get(SHINGLES)
        for number in range(first_new, len(self.ids)):
            source = position.get(self.echo_of.get(self.ids[number], ""), -1)
            if rows is not None and source >= 0 and np.array_equal(rows[source], rows[number]):
                self.repeat_of[number] = source
        self._register_shingle_sets(range(first_new, len(self.ids)))

    def _append(self, fingerprints: Sequence[Fingerprint]) -> None:
        if not fingerprints:
            return
        first_new = len(self.ids)
        for fingerprint in fingerprints:
            if fingerprint.catchline:
                self.catchlines.setdefault(fingerprint.catchline, []).append(len(self.ids))
            if fingerprint.echo_of:
                self.echo_of[fingerprint.article] = fingerprint.echo_of
            self.ids.append(fingerprint.article)
        self.shingle_counts = np.concatenate(
            [self.shingle_counts, np.array([item.shingle_count for item in fingerprints], dtype=np.int64)]
        )
        self.agency_marked = np.concatenate(
            [self.agency_marked, np.array([item.agency_marked for item in fingerprints], dtype=bool)]
        )
        # Undated articles after every dated one.
        self.dates = np.concatenate([self.dates, np.array([item.date or "~" for item in fingerprints], dtype="U10")])
        self.day_numbers = np.concatenate(
            [self.day_numbers, np.array([_day_number(item.date) for item in fingerprints], dtype=np.int64)]
        )
        self.is_echo = np.concatenate([self.is_echo, np.array([bool(item.echo_of) for item in fingerprints])])
        self.repeat_of = np.concatenate([self.repeat_of, np.full(len(fingerprints), -1, dtype=np.int64)])
        for channel in CHANNELS:
            # One concatenation of the rows: np.stack makes a view of each first (0.45 -> 0.26 µs a row).
            new_rows = np.concatenate([getattr(fingerprint, channel.name) for fingerprint in fingerprints]).reshape(
                len(fingerprints), NUMBER_OF_BINS
            )
            self.rows[channel.name] = np.concatenate([self.rows[channel.name], new_rows])
        self.passage_rows = np.concatenate([self.passage_rows, *(item.passages for item in fingerprints)])
        self.passage_owners = np.concatenate(
            [
                self.passage_owners,
                np.repeat(np.arange(first_new, len(self.ids)), [len(item.passages) for item in fingerprints]),
            ]
        )

    @staticmethod
    def _shingles_number() -> int:
        return next((number for number, channel in enumerate(CHANNELS) if channel.name == SHINGLES), 0)

    def _register_shingle_sets(self, positions: Iterable[int]) -> None:
        """Mark each of the articles (visited in this order) that repeats the shingle set of one met
        before it, the first met of each set kept as the one the others repeat."""
        rows = self.rows.get(SHINGLES)
        chosen = np.fromiter(positions, dtype=np.int64)
        if rows is None or len(chosen) == 0:
            return
        keys = band_keys(rows[chosen], _WHOLE_ROW)[:, 0].tolist()
        empty = (rows[chosen] == EMPTY).all(axis=1).tolist()
        for position, key, is_empty in zip(chosen.tolist(), keys, empty, strict=True):
            if is_empty or self.repeat_of[position] >= 0:
                continue
            first = self._first_with_shingles.setdefault(key, position)
            # A key says nothing of equality: the rows are compared, and a rare clash is no repeat.
            if first != position and np.array_equal(rows[first], rows[position]):
                self.repeat_of[position] = first

    def _precedence(self, first_new: int) -> np.ndarray:
        """Each indexed article's place in the order echoes are decided in: stored articles first, in
        their order; then the new ones with an agency's marks first, then the earliest dated (a next
        day's release that recaps the day before is not what that one repeats), then the longest (a
        wire copy and the whole of a story before the reprints and the cuts), then in arrival order."""
        count = len(self.ids)
        new = np.arange(first_new, count)
        order = new[np.lexsort((new, -self.shingle_counts[new], self.dates[new], ~self.agency_marked[new]))]
        place = np.arange(count)
        place[order] = np.arange(first_new, count)
        return place

    def add_and_pair(self, fingerprints: Sequence[Fingerprint]) -> list[CandidatePair]:
        """Add new fingerprints; return every candidate pair that involves at least one of them.

        A new article that echoes another (see ECHO_CONTAINMENT) is paired with that article
        alone, and no new article is paired with an echo; `echo_of` records the new echoes."""
        old_count = len(self.ids)
        old_passages = len(self.passage_owners)
        self._append(fingerprints)
        count = len(self.ids)
        precedence = self._precedence(old_count)
        self._register_shingle_sets(np.argsort(precedence)[old_count:])
        found: list[np.ndarray] = []
        estimates: list[np.ndarray] = []
        channel_numbers: list[np.ndarray] = []
        passages_number = len(CHANNELS) + 1
        # A new exact repeat echoes the article it repeats and is paired with it alone, outside the buckets.
        repeats = np.flatnonzero(self.repeat_of[old_count:] >= 0) + old_count
        repeated = self.repeat_of[repeats]
        echo_source = np.full(count, -1, dtype=np.int64)
        echo_source[repeats] = repeated
        self.is_echo[repeats] = True
        for position, source in zip(repeats.tolist(), repeated.tolist(), strict=True):
            self.echo_of[self.ids[position]] = self.ids[source]
        found.append(np.minimum(repeated, repeats) * count + np.maximum(repeated, repeats))
        estimates.append(np.ones(len(repeats)))
        channel_numbers.append(np.full(len(repeats), self._shingles_number(), dtype=np.int64))
        # Shingle pairs close enough to make one of them an echo: (low, high, estimate).
        echo_candidates: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        for number, channel in enumerate(CHANNELS):
            rows, owners, is_passage, old_rows = self._rows_of(channel, old_count, old_passages)
            # Echoes are found by the shingles channel (run first), and kept out of the others.
            indexed = self.repeat_of[owners] < 0
            if channel.name != SHINGLES:
                indexed &= ~self.is_echo[owners]
            colliding = _distinct_pairs(rows, channel.bands, old_rows, indexed)
            for start in range(0, len(colliding), PAIRS_PER_SCORING):
                first, second = np.divmod(colliding[start : start + PAIRS_PER_SCORING], len(rows))
                estimate = estimated_jaccard(rows[first], rows[second])
                keep = estimate >= channel.minimum_jaccard
                if channel.minimum_jaccard_across_days is not None and self.days_apart is not None:
                    keep &= (estimate >= channel.minimum_jaccard_across_days) | ~self._far_apart(
                        owners[first], owners[second]
                    )
                first_passage, second_passage = is_passage[first], is_passage[second]
                # Two whole texts are this channel's pair; a passage and another article's whole text
                # are a passages pair; two passages are neither.
                whole = keep & ~first_passage & ~second_passage
                part = keep & (first_passage != second_passage) & (owners[first] != owners[second])
                low = np.minimum(owners[first], owners[second])
                high = np.maximum(owners[first], owners[second])
                if channel.name == SHINGLES:
                    close = whole & (estimate >= ECHO_MINIMUM_JACCARD)
                    echo_candidates.append((low[close], high[close], estimate[close]))
                for chosen, channel_number in ((whole, number), (part, passages_number)):
                    found.append(low[chosen] * count + high[chosen])
                    estimates.append(estimate[chosen])
                    channel_numbers.append(np.full(int(chosen.sum()), channel_number))
            if channel.name == SHINGLES:
                self._mark_echoes(echo_candidates, echo_source, precedence)
        catchline_pairs = [
            left * count + right
            for members in self.catchlines.values()
            for position, right in enumerate(members)
            if right >= old_count
            for left in members[:position]
        ]
        found.append(np.array(catchline_pairs, dtype=np.int64))
        estimates.append(np.ones(len(catchline_pairs)))
        channel_numbers.append(np.full(len(catchline_pairs), len(CHANNELS)))
        encoded, estimate, channel_number = (
            np.concatenate(found),
            np.concatenate(estimates),
            np.concatenate(channel_numbers),
        )
        # The best estimate of each pair, the earlier channel on a tie (a catchline only where no channel paired).
        order = np.lexsort((channel_number, -(estimate * (channel_number != len(CHANNELS))), encoded))
        encoded, estimate, channel_number = encoded[order], estimate[order], channel_number[order]
        first_of_pair = np.concatenate([[True], encoded[1:] != encoded[:-1]])[: len(encoded)]
        is_echo_pair = np.zeros(len(encoded), dtype=bool)
        if self.is_echo.any():
            # An echo keeps the pair with the article it repeats; its other pairs go, as that
            # article's pairs stand for them.
            low_of_pair, high_of_pair = np.divmod(encoded, max(count, 1))
            is_echo_pair = (echo_source[high_of_pair] == low_of_pair) | (echo_source[low_of_pair] == high_of_pair)
            first_of_pair &= (~self.is_echo[low_of_pair] & ~self.is_echo[high_of_pair]) | is_echo_pair
        if self.max_earlier_partners is not None:
            exempt = (channel_number == len(CHANNELS)) | is_echo_pair
            first_of_pair &= _within_partner_cap(
                encoded, estimate, first_of_pair, count, exempt, self.max_earlier_partners
            )
        first, second = np.divmod(encoded[first_of_pair], max(count, 1))
        # Estimates are shares of 128 bins: rounding each possible share once gives round()'s values.
        agreeing = np.rint(estimate[first_of_pair] * NUMBER_OF_BINS).astype(np.int64)
        rank = np.empty(count, dtype=np.int64)
        rank[sorted(range(count), key=self.ids.__getitem__)] = np.arange(count)
        # Pairs are distinct: one argsort of packed ranks orders them as a lexsort would (10 -> 4 ms for 79,000).
        order = np.argsort(rank[first] * max(count, 1) + rank[second])
        names = np.array([channel.name for channel in CHANNELS] + ["catchline", PASSAGES], dtype=object)
        ids = np.array(self.ids, dtype=object)
        # Object arrays pick ids, names and rounded estimates in C; only the pairs are built in Python.
        return _candidate_pairs(
            ids[first[order]].tolist(),
            ids[second[order]].tolist(),
            names[channel_number[first_of_pair][order]].tolist(),
            _ROUNDED_SHARES[agreeing[order]].tolist(),
        )

    def _far_apart(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """Which pairs of indexed articles are both dated, more than `days_apart` days apart."""
        first_days, second_days = self.day_numbers[first], self.day_numbers[second]
        dated = (first_days != NO_DAY) & (second_days != NO_DAY)
        return dated & (np.abs(first_days - second_days) > self.days_apart)

    def _mark_echoes(
        self,
        candidates: list[tuple[np.ndarray, np.ndarray, np.ndarray]],
        echo_source: np.ndarray,
        precedence: np.ndarray,
    ) -> None:
        """Mark the new articles that echo another, and each one's echoed article in `echo_source`.

        Of a close pair, the article later in `precedence` (every such article is new) echoes the other
        when nearly all its shingles are the other's; each echoes the article, not itself an echo, of
        the highest estimate (the first in precedence on a tie), decided in precedence order."""
        if not candidates:
            return
        low, high, share = (np.concatenate(parts) for parts in zip(*candidates, strict=True))
        high_first = precedence[high] < precedence[low]
        earlier, later = np.where(high_first, high, low), np.where(high_first, low, high)
        later_size, earlier_size = self.shingle_counts[later], self.shingle_counts[earlier]
        # |A ∩ B| = J (|A| + |B|) / (1 + J), as a share of the later article's shingles.
        containment = share * (later_size + earlier_size) / ((1.0 + share) * np.maximum(later_size, 1))
        chosen = (containment >= ECHO_CONTAINMENT) & (later_size > 0) & (earlier_size > 0)
        earlier, later, share = earlier[chosen], later[chosen], share[chosen]
        order = np.lexsort((precedence[earlier], -share, precedence[later]))
        for source, echo in zip(earlier[order].tolist(), later[order].tolist(), strict=True):
            if not self.is_echo[echo] and not self.is_echo[source]:
                self.is_echo[echo] = True
                echo_source[echo] = source
                self.echo_of[self.ids[echo]] = self.ids[source]

    def _rows_of(
        self, channel: Channel, old_count: int, old_passages: int
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
        """A channel's rows, the article each belongs to, whether it is a passage's, and how many of
        the rows were there before this batch (they come first).

        The terms channel also holds the passages of long texts, each article's row followed by
        its passages': arrival order, the same whether the articles came in one batch or several,
        and one pass of the bands finds both kinds of pairs."""
        rows = self.rows[channel.name]
        count = len(rows)
        if channel.name != "terms" or len(self.passage_owners) == 0:
            return rows, np.arange(count), np.zeros(count, dtype=bool), old_count
        owners = np.concatenate([np.arange(count), self.passage_owners])
        is_passage = np.concatenate([np.zeros(count, bool), np.ones(len(self.passage_owners), bool)])
        order = np.lexsort((is_passage, owners))
        rows = np.concatenate([rows, self.passage_rows])[order]
        return rows, owners[order], is_passage[order], old_count + old_passages

    def colliding_pair_counts(self) -> dict[str, int]:
        """Distinct pairs sharing a band key per channel, before the Jaccard filter."""
        return {channel.name: len(_distinct_pairs(self.rows[channel.name], channel.bands, 0)) for channel in CHANNELS}


def _day_number(text: str) -> int:
    """The proleptic ordinal of an ISO date (YYYY-MM-DD), or NO_DAY."""
    if len(text) != len("YYYY-MM-DD"):
        return NO_DAY
    try:
        return date.fromisoformat(text).toordinal()
    except ValueError:
        return NO_DAY


def _within_partner_cap(
    encoded: np.ndarray, estimate: np.ndarray, chosen: np.ndarray, count: int, exempt: np.ndarray, cap: int
) -> np.ndarray:
    """Which pairs (low * count + high, by index position) are among the `cap` pairs of the
    highest estimate that their later article has with earlier ones (the earlier first on a tie);
    `exempt` pairs (an echo's, a catchline's) always are, and count towards no cap.

    Each article's pairs with those before it are all made in the call that indexes it, so runs in
    batches cap as one run does."""
    within = np.ones(len(encoded), dtype=bool)
    capped = np.flatnonzero(chosen & ~exempt)
    if len(capped) <= cap:
        return within
    low, high = np.divmod(encoded[capped], max(count, 1))
    order = np.lexsort((low, -estimate[capped], high))
    sorted_high = high[order]
    starts = np.flatnonzero(np.concatenate([[True], sorted_high[1:] != sorted_high[:-1]]))
    rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.append(starts, len(order))))
    within[capped[order[rank >= cap]]] = False
    return within


def _candidate_pairs(
    firsts: list[str], seconds: list[str], channels: list[str], estimates: list[float]
) -> list[CandidatePair]:
    """CandidatePair(first, second, channel, estimate) for each position of the lists, built in C."""
    return _instances(CandidatePair, len(firsts), firsts, seconds, channels, estimates)


def _instances(kind: type[Instance], count: int, *columns: Iterable[Any]) -> list[Instance]:
    """`count` instances of a frozen dataclass with slots, the values of each field (in order) a column.

    A frozen dataclass's __init__ sets each field through object.__setattr__ (~500 ns a pair);
    the slots' descriptors set a whole field from C (measured 2x faster; Fingerprint 3% -> 1% of
    fingerprinting). The classes built so have no __post_init__ that this would skip.
    """
    instances = list(map(object.__new__, repeat(kind, count)))
    for field_slot, values in zip((getattr(kind, item.name) for item in fields(kind)), columns, strict=True):
        deque(map(field_slot.__set__, instances, values), maxlen=0)
    return instances


def _distinct_pairs(
    rows: np.ndarray, bands: np.ndarray, old_count: int, indexed: np.ndarray | None = None
) -> np.ndarray:
    """The distinct pairs sharing a band key, encoded low * len(rows) + high, at least one of them new;
    only rows `indexed` (default all) take part."""
    encoded = [low * len(rows) + high for low, high in _colliding_pairs(rows, bands, old_count, indexed)]
    return _distinct(np.concatenate(encoded)) if encoded else np.empty(0, np.int64)


def _distinct(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values (np.unique hashes 64-bit integers, measured 10x slower than sorting).

    One np.sort (numpy's SIMD sort: 9 ns a value for 2 million 64-bit values) beat sorting parts
    split on their top bits (29 ns) on this machine."""
    values = np.sort(values)
    return values[np.concatenate([[True], values[1:] != values[:-1]])] if len(values) else values


def _colliding_pairs(
    rows: np.ndarray, bands: np.ndarray, old_count: int, indexed: np.ndarray | None = None
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Index pairs (low, high) sharing a band key, at least one new (index >= old_count), by group of bands.

    Each group's pairs are distinct; a pair may come again from a later group.
    """
    count = len(rows)
    if count < 2 or count == old_count:
        return
    usable = ~(rows == EMPTY).all(axis=1)
    usable = np.flatnonzero(usable if indexed is None else usable & indexed)
    if len(usable) < 2:
        return
    # Key and owner share one 64-bit word so that a plain sort groups the keys (an argsort is
    # slower); the key loses the owner's bits, and a rare false collision only costs a Jaccard check.
    owner_bits = max(1, (count - 1).bit_length())
    owner_mask = np.uint64((1 << owner_bits) - 1)
    columns = np.ascontiguousarray(rows[usable].T)
    owners = usable.astype(np.uint64)
    bands_per_group = max(1, KEYS_PER_GROUP // len(usable))
    for start in range(0, len(bands), bands_per_group):
        numbers = np.arange(start, min(start + bands_per_group, len(bands)))
        keys = band_keys_of_columns(columns, bands[numbers], numbers)
        keys &= ~owner_mask
        keys |= owners
        combined = np.sort(keys.reshape(-1))
        # Only members after the first of their bucket pair with anyone (two in ten keys): they alone
        # are ranked, from runs of consecutive positions (ranking every key, then expanding: 38 -> 6
        # µs an article at 10,000 generated articles).
        follows = np.flatnonzero((combined[1:] ^ combined[:-1]) <= owner_mask) + 1
        if len(follows) == 0:
            continue
        run_start = np.concatenate([[True], follows[1:] != follows[:-1] + 1])
        bucket_first = np.maximum.accumulate(np.where(run_start, follows - 1, 0))
        rank = follows - bucket_first
        owner = (combined[follows] & owner_mask).astype(np.int64)
        # Members are sorted by index, so each pairs with those before it: arrival order.
        chosen = np.flatnonzero((rank < LARGEST_BUCKET) & (owner >= old_count))
        if len(chosen) == 0:
            continue
        pairing, partners = follows[chosen], rank[chosen]
        total = int(partners.sum())
        # Positions of the partners: for each pairing member, the `partners` positions before it.
        partner_positions = np.arange(total) + np.repeat(pairing - np.cumsum(partners), partners)
        low = (combined[partner_positions] & owner_mask).astype(np.int64)
        high = np.repeat(owner[chosen], partners)
        distinct = low != high
        encoded = _distinct(low[distinct] * count + high[distinct])
        yield encoded // count, encoded % count
