"""Vectorised line features for the line classifier: one row per non-blank line of a page.

Every feature carries to unseen sites and languages: lengths, punctuation, shares of function words
(several languages), capitals, digits, widget vocabulary, position, repetition, likeness to the title,
and the same measured over neighbouring lines and windows, since an article is one run of prose.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, pairwise

import numpy as np

from newstrace.clean.line_vocabulary import STOP_WORDS, WIDGET_WORDS
from newstrace.clean.lines import EAST_ASIAN_RANGES, Line, line_keys
from newstrace.clean.patterns import LINE_RULES

_STOP_WORD, _WIDGET_WORD = 1, 2
# Word hashes: a polynomial over the lower-cased code points, mixed (see _word_hashes).
_HASH_BASE_VALUE = 0x100000001B3
_HASH_BASE_INVERSE_VALUE = pow(_HASH_BASE_VALUE, -1, 1 << 64)
# Powers of the base are read per block of positions (see _word_hashes).
_HASH_BLOCK = 1 << 16
_HASH_MIX = np.uint64(0xBF58476D1CE4E5B9)
_PAGE_SALT = np.uint64(0x9E3779B97F4A7C15)
# Character classes, as bits, for the code points of the Basic Multilingual Plane.
_PLANE = 0x10000
_WORD, _UPPER, _DIGIT, _SPACE, _EAST_ASIAN_CLASS = 1, 2, 4, 8, 16
# Marks looked up in the same table: one table read replaces a np.isin call per mark set (measured:
# np.isin was a fifth of the feature time on short pages).
_COMMA, _FULL_STOP, _PARTICLE, _LINK_MARK, _EAST_ASIAN_STOP = 32, 64, 128, 256, 512
# The characters counted one by one: punctuation (neither word nor space), digits, East Asian script.
_COUNTED = 1024
_COMMAS = np.array([ord(","), ord("、"), ord("，")], dtype=np.uint32)
_FULL_STOPS = np.array([ord("."), ord("!"), ord("?"), ord("…")], dtype=np.uint32)
# Function particles and endings of Japanese, Chinese and Korean prose, counted as function words.
_EAST_ASIAN_PARTICLES = np.array(
    [ord(character) for character in "のはがをにでとも的了是在和다는은을를에의"], dtype=np.uint32
)
_LINK_MARKS = np.array([ord("@"), ord("#"), ord("/")], dtype=np.uint32)
_EAST_ASIAN_STOPS = np.array([ord("。"), ord("！"), ord("？")], dtype=np.uint32)
# Links, e-mail addresses, @handles and #tags. Written so that every alternative opens with a
# character (the look-behinds come after it): the regex engine then skips to those characters
# instead of trying each position, three times faster than "\S@\S|(?:^|\s)[@#]\w".
_LINK_LIKE = re.compile(r"https?://|www\.|@(?<=\S@)\S|[@#](?<!\S[@#])\w")
_LIST_MARKS = "•·▪●◦*»›>|–—-"
_LIST_NUMBER_ENDS = ".)"
_LIST_MARKER = re.compile(rf"^(?:[{_LIST_MARKS}]|\d{{1,2}}[{_LIST_NUMBER_ENDS}])\s")
# Clock times and years: the mark of bylines, date lines and comment headers.
# "\b\d{1,2}[:.]\d{2}\b|\b(?:19|20)\d{2}\b" opening with the digit, for the same reason.
_DATE_LIKE = re.compile(r"\d(?<!\w\d)(?:\d?[:.]\d{2}|(?<=1)9\d{2}|(?<=2)0\d{2})(?!\w)")
_CLOSING = "\"'”’»)]"
_OPENING_QUOTES = frozenset("\"'“‘«„「『—")
# Classes of a line's first and last characters, in a table of their own (see _edge_classes).
_ENDS_PERIOD, _ENDS_EXCLAIM_QUESTION, _ENDS_COLON, _ENDS_COMMA, _ENDS_DIGIT, _ENDS_ELLIPSIS = 1, 2, 4, 8, 16, 32
_CLOSING_MARK, _OPENING_QUOTE, _LIST_MARK, _LIST_NUMBER_END, _STARTS_LOWER = 64, 128, 256, 512, 1024

# Window widths (lines, centred) over which neighbouring lines are summarised.
_WINDOWS = (3, 7, 15)
_SEQUENCE_WINDOWS = (3, 7, 15, 31)
_NEIGHBOUR_SPAN = 5
# Window (lines, centred) of the rules' kept lines.
_KEPT_WINDOW = 7

BASE_NAMES: tuple[str, ...] = (
    "log_chars",
    "log_tokens",
    "chars_per_token",
    "ends_period",
    "ends_exclaim_question",
    "ends_colon",
    "ends_comma",
    "ends_digit",
    "ends_ellipsis",
    "sentence_breaks",
    "commas_per_token",
    "stop_share",
    "capitalised_share",
    "digit_share",
    "punctuation_share",
    "east_asian_share",
    "widget_share",
    "link_like",
    "date_like",
    "list_marker",
    "starts_lower",
    "starts_with_quote",
    "log_repeats",
    "title_share_of_line",
    "line_share_of_title",
    "is_title",
    "relative_position",
    "chars_before_share",
    "log_page_lines",
    "log_page_chars",
)
# Base features summarised over neighbours and windows: (name, column).
_CONTEXT_COLUMNS = ("log_tokens", "ends_period", "stop_share", "widget_share", "capitalised_share", "prose")


def _context_names() -> tuple[str, ...]:
    names = [f"previous_{name}" for name in _CONTEXT_COLUMNS] + [f"next_{name}" for name in _CONTEXT_COLUMNS]
    for width in _WINDOWS:
        names += [f"window{width}_{name}" for name in _CONTEXT_COLUMNS]
    names += ["prose_chars_before", "prose_chars_after", "log_lines_since_prose", "log_lines_until_prose"]
    names += ["log_prose_run", "prose_run_share", "lines_from_headline"]
    names += ["log_shape_run", "shape_run_digit_share"]
    return tuple(names)


CONTEXT_NAMES = _context_names()
FEATURE_NAMES: tuple[str, ...] = BASE_NAMES + CONTEXT_NAMES
SEQUENCE_NAMES: tuple[str, ...] = (
    "probability",
    *(f"probability_window{width}" for width in _SEQUENCE_WINDOWS),
    "probability_previous",
    "probability_next",
    "probability_max_before",
    "probability_max_after",
    "probable_chars_before",
    "probable_chars_after",
    "in_best_run",
    "log_distance_to_best_run",
    "best_run_share",
    "after_best_run",
    "log_short_lines_from_run",
    "log_date_lines_from_run",
    "log_widget_lines_from_run",
)
# What the rule-based cleaner made of each line: the learned model corrects the rules rather than
# relearning what they already know (captions, credits, widgets, comment headers).
RULE_NAMES: tuple[str, ...] = (
    "kept_by_rules",
    "caption_by_rules",
    "rule_number",
    "caption_like",
    "strong_body",
    "headline_like",
    "kept_by_rules_window7",
)
MODEL_FEATURE_NAMES: tuple[str, ...] = FEATURE_NAMES + RULE_NAMES
SECOND_STAGE_NAMES: tuple[str, ...] = MODEL_FEATURE_NAMES + SEQUENCE_NAMES
# One number per rule name, in order of first appearance (a rule may take several entries).
_RULE_NUMBERS = {name: number for number, name in enumerate(dict.fromkeys(rule.name for rule in LINE_RULES), start=1)}


@dataclass(frozen=True, slots=True)
class RuleDecisions:
    """The lines the rule-based cleaner kept as body and those it took for captions."""

    kept: set[str]
    captions: set[str]


@dataclass(frozen=True, slots=True)
class Pages:
    """Where each page's lines sit in a batch of lines: features never look across a page's edges."""

    starts: np.ndarray  # first line of each page, then the total: len(pages) + 1 values
    page_of_line: np.ndarray
    line_start: np.ndarray  # for each line, the first line of its page
    line_end: np.ndarray  # for each line, one past the last line of its page

    @classmethod
    def of_counts(cls, counts: Sequence[int]) -> Pages:
        sizes = np.asarray(counts, dtype=np.int64)
        starts = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        page_of_line = np.repeat(np.arange(len(sizes)), sizes)
        return cls(starts, page_of_line, starts[:-1][page_of_line], starts[1:][page_of_line])

    @classmethod
    def single(cls, count: int) -> Pages:
        """One page of `count` lines: of_counts([count]) built without its arithmetic (it runs per page)."""
        zeros = np.zeros(count, dtype=np.int64)
        return cls(np.array([0, count], dtype=np.int64), zeros, zeros, np.full(count, count, dtype=np.int64))

    @property
    def count(self) -> int:
        return len(self.starts) - 1

    def per_line(self, values: np.ndarray) -> np.ndarray:
        """A value per page, repeated for each of its lines."""
        return np.asarray(values)[self.page_of_line]

    def totals(self, values: np.ndarray) -> np.ndarray:
        """The sum of a line value over each page (summed as numpy sums one page: same bits)."""
        return np.array([values[first:last].sum() for first, last in pairwise(self.starts.tolist())])

    def before(self, values: np.ndarray) -> np.ndarray:
        """For each line, the sum of the value over the lines above it on its page."""
        # Written as one page's `cumsum - values` minus the page's offset (0 for the first page), so
        # a page scored alone gets exactly the features the line model was trained on.
        above = np.cumsum(values, dtype=np.float64) - values
        return above - above[self.line_start]


def rule_features(lines: Sequence[Line], decisions: RuleDecisions) -> np.ndarray:
    """A float32 row of RULE_NAMES per line (of one page)."""
    count = len(lines)
    if not count:
        return np.zeros((0, len(RULE_NAMES)), dtype=np.float32)
    kept, captions = decisions.kept, decisions.captions
    # One flat list of numbers rather than a list of tuples, which numpy reads slowly.
    values: list[int] = []
    for line in lines:
        rule = line.rule
        values += (
            line.text in kept,
            line.text in captions,
            _RULE_NUMBERS[rule.name] if rule is not None else 0,
            line.caption_like,
            line.strong_body,
            line.headline_like,
        )
    try:
        # Flags and rule numbers are whole numbers below 256: bytes() reads the list at C speed, where
        # numpy's conversion of it cost as much as the loop (with the list: 0.08 -> 0.04 ms a page).
        columns = np.frombuffer(bytes(values), dtype=np.uint8).reshape(count, len(RULE_NAMES) - 1)
    except (TypeError, ValueError):
        columns = np.array(values, dtype=np.float64).reshape(count, len(RULE_NAMES) - 1)
    features = np.empty((count, len(RULE_NAMES)), dtype=np.float32)
    features[:, :-1] = columns
    # The kept lines' centred window of 7 (shorter at the page's edges): its sums are whole numbers,
    # exact in any order, so one convolution gives them (0.02 -> 0.005 ms a page).
    window_sums = np.convolve(columns[:, 0], np.ones(_KEPT_WINDOW))[_KEPT_WINDOW // 2 : count + _KEPT_WINDOW // 2]
    features[:, -1] = window_sums / _window_sizes(count, _KEPT_WINDOW)
    return features


@lru_cache(maxsize=512)
def _window_sizes(count: int, width: int) -> np.ndarray:
    """How many lines of a page of `count` lines a centred window of `width` holds, at each line."""
    positions = np.arange(count)
    sizes = np.minimum(positions + width // 2 + 1, count) - np.maximum(positions - width // 2, 0)
    sizes.flags.writeable = False
    return sizes


def _shares(counts: np.ndarray, totals: np.ndarray) -> np.ndarray:
    return counts / np.maximum(totals, 1)


def _window_means(running: np.ndarray, width: int, pages: Pages) -> np.ndarray:
    """Mean of each series of line values (a row) over a centred window of lines (shorter at each
    page's edges), from its running sums: a zero, then np.cumsum's values."""
    # One running sum serves every width. A series a row: take along the rows is five times faster
    # than indexing the rows of a matrix of a line a row.
    half = width // 2
    positions = np.arange(running.shape[1] - 1)
    upper = np.minimum(positions + half + 1, pages.line_end)
    lower = np.maximum(positions - half, pages.line_start)
    return (running.take(upper, axis=1) - running.take(lower, axis=1)) / (upper - lower)


def _lines_since(flags: np.ndarray, pages: Pages) -> np.ndarray:
    """For each line, how many lines back the last flagged line of its page is (itself: 0)."""
    positions = np.arange(len(flags))
    last = np.maximum.accumulate(np.where(flags, positions, -1))
    return np.where(last >= pages.line_start, positions - last, pages.line_end - pages.line_start + 1)


def _lines_until(flags: np.ndarray, pages: Pages) -> np.ndarray:
    """For each line, how many lines on the next flagged line of its page is (itself: 0)."""
    positions = np.arange(len(flags))
    following = np.minimum.accumulate(np.where(flags, positions, len(flags))[::-1])[::-1]
    return np.where(following < pages.line_end, following - positions, pages.line_end - pages.line_start + 1)


def _run_lengths(flags: np.ndarray, weights: np.ndarray, pages: Pages) -> np.ndarray:
    """For each flagged line, the summed weight of the run of consecutive flagged lines it is in."""
    if not flags.any():
        return np.zeros(len(flags))
    previous = np.concatenate([[False], flags[:-1]])
    starts_run = flags & (~previous | (np.arange(len(flags)) == pages.line_start))
    run = np.cumsum(starts_run) - 1
    totals = np.bincount(run[flags], weights=weights[flags], minlength=int(run.max()) + 1 if len(run) else 0)
    return np.where(flags, totals[np.maximum(run, 0)], 0.0)


def _best_runs(gains: np.ndarray, pages: Pages) -> tuple[np.ndarray, np.ndarray]:
    """For each page, the first and last line (counted from the page's start) of its stretch of lines
    with the largest summed gain: the pages laid out as the rows of a matrix, so that each row's
    cumulative sums and running minimum are those of the page alone (the same bits as page by page)."""
    sizes = np.diff(pages.starts)
    width = int(sizes.max()) if len(sizes) else 0
    position = np.arange(len(gains)) - pages.line_start
    rows = np.zeros((pages.count, width))
    rows[pages.page_of_line, position] = gains
    cumulative = np.concatenate([np.zeros((pages.count, 1)), np.cumsum(rows, axis=1)], axis=1)
    lowest_before = np.minimum.accumulate(cumulative, axis=1)
    columns = np.arange(width)
    rises = np.where(columns < sizes[:, None], cumulative[:, 1:] - lowest_before[:, :-1], -np.inf)
    end = np.argmax(rises, axis=1) if width else np.zeros(pages.count, dtype=np.int64)
    # The run starts after the lowest cumulative sum up to its end (the first, where several are lowest).
    upto = np.where(np.arange(width + 1) <= end[:, None], cumulative, np.inf)
    start = np.argmin(upto, axis=1)
    return start, end


def _plane_characters() -> np.ndarray:
    """Every code point of the Basic Multilingual Plane as a one-character numpy string."""
    # For numpy's str tests: the same as str's (checked for every code point), ten times faster than
    # a list of str tests (44 -> 4 ms, once). U+0000 reads as "", which passes no test, as "\0" does.
    return np.arange(_PLANE, dtype=np.uint32).view("<U1")


@lru_cache(maxsize=1)
def _character_classes() -> np.ndarray:
    """A class bit set for every code point of the Basic Multilingual Plane (built once, ~5 ms)."""
    characters = _plane_characters()
    classes = np.zeros(_PLANE, dtype=np.uint16)
    classes[np.char.isalnum(characters)] |= _WORD
    classes[ord("_")] |= _WORD
    classes[np.char.isupper(characters)] |= _UPPER
    classes[np.char.isdecimal(characters)] |= _DIGIT
    classes[np.char.isspace(characters)] |= _SPACE
    # Lines of these scripts have few spaces, so their tokens are long.
    for start, end in EAST_ASIAN_RANGES:
        classes[start:end] |= _EAST_ASIAN_CLASS
    for codes, bit in (
        (_COMMAS, _COMMA),
        (_FULL_STOPS, _FULL_STOP),
        (_EAST_ASIAN_PARTICLES, _PARTICLE),
        (_LINK_MARKS, _LINK_MARK),
        (_EAST_ASIAN_STOPS, _EAST_ASIAN_STOP),
    ):
        classes[codes] |= bit
    punctuation = (classes & (_WORD | _SPACE)) == 0
    classes[punctuation | ((classes & (_DIGIT | _EAST_ASIAN_CLASS | _PARTICLE)) != 0)] |= _COUNTED
    return classes


@lru_cache(maxsize=1)
def _edge_classes() -> np.ndarray:
    """A bit set for every code point of the Basic Multilingual Plane as the first or last character
    of a line: the kinds of line ends, closing marks, and the marks of a line's start."""
    characters = _plane_characters()
    classes = np.zeros(_PLANE, dtype=np.uint16)
    for marks, bit in (
        (".。", _ENDS_PERIOD),
        ("!?！？", _ENDS_EXCLAIM_QUESTION),
        (":：", _ENDS_COLON),
        (",;，", _ENDS_COMMA),
        ("…", _ENDS_ELLIPSIS),
        (_CLOSING, _CLOSING_MARK),
        (_OPENING_QUOTES, _OPENING_QUOTE),
        (_LIST_MARKS, _LIST_MARK),
        (_LIST_NUMBER_ENDS, _LIST_NUMBER_END),
    ):
        classes[[ord(mark) for mark in marks]] |= bit
    classes[np.char.isdigit(characters)] |= _ENDS_DIGIT
    classes[np.char.islower(characters)] |= _STARTS_LOWER
    return classes


@lru_cache(maxsize=1)
def _lower_case() -> np.ndarray:
    """The lower case of every code point of the Basic Multilingual Plane (itself where the lower
    case is not one character), as 64-bit numbers ready for hashing."""
    lowered = [character.lower() for character in map(chr, range(_PLANE))]
    return np.array([ord(lower) if len(lower) == 1 else code for code, lower in enumerate(lowered)], dtype=np.uint64)


@lru_cache(maxsize=2)
def _hash_powers(base: int) -> np.ndarray:
    """base ** k modulo 2 ** 64 for k below _HASH_BLOCK."""
    powers = np.full(_HASH_BLOCK, base, dtype=np.uint64)
    powers[0] = 1
    return np.cumprod(powers)


def _block_powers(base: int, blocks: int) -> np.ndarray:
    """base ** (k * _HASH_BLOCK) modulo 2 ** 64 for k below `blocks`."""
    powers = np.full(blocks, pow(base, _HASH_BLOCK, 1 << 64), dtype=np.uint64)
    powers[0] = 1
    return np.cumprod(powers)


@dataclass(frozen=True, slots=True)
class _Words:
    """The \\w+ words of a text (lower-cased, hashed) and the line each belongs to."""

    hashes: np.ndarray
    lines: np.ndarray


def _word_spans(word: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The first and one past the last position of each run of word characters."""
    padded = np.zeros(len(word) + 2, dtype=bool)
    padded[1:-1] = word
    # Runs open and close in turn: one comparison finds both.
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    return edges[0::2], edges[1::2]


def _word_hashes(codes: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """A 64-bit hash of each word (its span of the code points), the same for the same lower-cased
    word; the words hold no character outside the Basic Multilingual Plane (as the classes have it)."""
    # One regex pass over a batch's lower-cased text and a dictionary lookup per word cost a third of
    # the feature time: here each word is the sum of its code points times powers of a base, read
    # from one running sum over the batch.
    if len(starts) == 0:
        return np.empty(0, dtype=np.uint64)
    # The running sum holds code * base ** position: the positions' powers are those of the position
    # within a block times those of the block, two in-place products instead of a cumulative product
    # over the batch (5.2 -> 2.3 ms a batch of 16,000 lines, with the inverse powers below). Summing
    # a block at a time in a small buffer measured slower in the cleaner (fresh memory, page faults).
    # Only the codes inside words count (the running sum cancels the others), all in the Plane.
    blocks = len(codes) // _HASH_BLOCK + 1
    running = np.zeros(blocks * _HASH_BLOCK + 1, dtype=np.uint64)
    _lower_case().take(codes, mode="clip", out=running[1 : len(codes) + 1])
    terms = running[1:].reshape(blocks, _HASH_BLOCK)
    terms *= _hash_powers(_HASH_BASE_VALUE)
    terms *= _block_powers(_HASH_BASE_VALUE, blocks)[:, None]
    np.cumsum(running, out=running)
    # Sum over the word of code * base ** (position - start): the same for the word anywhere.
    inverse = _hash_powers(_HASH_BASE_INVERSE_VALUE)[starts & (_HASH_BLOCK - 1)]
    inverse *= _block_powers(_HASH_BASE_INVERSE_VALUE, blocks)[starts // _HASH_BLOCK]
    hashes = running[ends] - running[starts]
    hashes *= inverse
    hashes += (ends - starts).astype(np.uint64) * _HASH_MIX
    hashes ^= hashes >> np.uint64(31)
    hashes *= _HASH_MIX
    hashes ^= hashes >> np.uint64(29)
    return hashes


def _hashes_of(texts: Sequence[str]) -> _Words:
    """_word_hashes of texts, each text a line."""
    codes = np.frombuffer("\n".join(texts).encode("utf-32-le"), dtype=np.uint32)
    starts, ends = _word_spans((_character_classes().take(codes, mode="clip") & _WORD) > 0)
    lines = np.searchsorted(np.flatnonzero(codes == 10), starts)
    return _Words(_word_hashes(codes, starts, ends), lines)


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[np.ndarray, np.ndarray]:
    """The hashes of the stop and widget words, sorted, and each word's kind bits."""
    words = sorted(STOP_WORDS | WIDGET_WORDS)
    hashed = _hashes_of(words)
    # A listed word that is not one \\w+ word ("l'") can match no word of a line.
    single = np.bincount(hashed.lines, minlength=len(words)) == 1
    kinds = np.array(
        [(_STOP_WORD if word in STOP_WORDS else 0) | (_WIDGET_WORD if word in WIDGET_WORDS else 0) for word in words],
        dtype=np.uint8,
    )
    first_word = np.searchsorted(hashed.lines, np.arange(len(words)))
    hashes = hashed.hashes[np.minimum(first_word, len(hashed.hashes) - 1)][single]
    order = np.argsort(hashes)
    return hashes[order], kinds[single][order]


@dataclass(frozen=True, slots=True)
class _VocabularyTable:
    """The vocabulary as a table with one slot per word: slot = (hash >> shift) & (len(table) - 1)."""

    hashes: np.ndarray
    kinds: np.ndarray
    shift: np.uint64
    mask: np.uint64


@lru_cache(maxsize=1)
def _vocabulary_table() -> _VocabularyTable | None:
    """A table where no two vocabulary words share a slot (None if none up to 2 ** 22 slots)."""
    vocabulary, kinds = _vocabulary()
    for bits in range(16, 23):
        for shift in range(64 - bits + 1):
            slots = (vocabulary >> np.uint64(shift)) & np.uint64((1 << bits) - 1)
            ordered = np.sort(slots)
            if (ordered[1:] != ordered[:-1]).all():
                table_hashes = np.zeros(1 << bits, dtype=np.uint64)
                table_kinds = np.zeros(1 << bits, dtype=np.uint8)
                table_hashes[slots] = vocabulary
                table_kinds[slots] = kinds
                return _VocabularyTable(table_hashes, table_kinds, np.uint64(shift), np.uint64((1 << bits) - 1))
    return None


def _kinds_of(hashes: np.ndarray) -> np.ndarray:
    """The stop and widget bits of each hashed word (0 for words of neither list)."""
    table = _vocabulary_table()
    if table is None:
        vocabulary, kinds = _vocabulary()
        place = np.minimum(np.searchsorted(vocabulary, hashes), len(vocabulary) - 1)
        return np.where(vocabulary[place] == hashes, kinds[place], 0)
    # One slot read instead of a binary search per word (0.058 -> 0.01 ms a page).
    slots = ((hashes >> table.shift) & table.mask).astype(np.intp)
    kinds = table.kinds.take(slots)
    kinds[table.hashes.take(slots) != hashes] = 0
    return kinds


def _lines_matching(pattern: re.Pattern[str], texts: Sequence[str], candidates: np.ndarray) -> np.ndarray:
    """Which lines hold a match; only candidate lines (those with the characters it needs) are searched."""
    flags = np.zeros(len(texts), dtype=bool)
    positions = np.flatnonzero(candidates).tolist()
    if not positions:
        return flags
    # One search over the candidates' joined text, going on from the next line after a hit, costs a
    # third of a search per line. The patterns cannot match across a line break, and a hit is placed
    # by its last character, since "(?:^|\s)" may take the break before the line.
    pieces = [texts[position] for position in positions]
    joined = "\n".join(pieces)
    starts = list(accumulate((len(piece) + 1 for piece in pieces), initial=0))
    search_from = 0
    while (match := pattern.search(joined, search_from)) is not None:
        line = bisect_right(starts, match.end() - 1) - 1
        flags[positions[line]] = True
        # From the break before the next line, which "(?:^|\s)" may need.
        search_from = starts[line + 1] - 1
    return flags


@dataclass(frozen=True, slots=True)
class _Edges:
    """What each line opens and ends with: ends (period, exclamation or question, colon, comma,
    digit, ellipsis or "..."), list marker, lower-case start, opening quote."""

    ends: np.ndarray  # (6, lines) booleans: a kind of end a row
    list_marker: np.ndarray
    starts_lower: np.ndarray
    starts_with_quote: np.ndarray


def _edges_by_text(texts: Sequence[str]) -> _Edges:
    """_Edges read from the texts one by one: for the lines whose edges the code points cannot give."""
    last = np.array([text.rstrip(_CLOSING)[-1:] for text in texts], dtype="<U1")
    # A line of closing marks alone has no last character; it counts as every kind of end but a digit.
    nothing = last == ""
    ends = np.array(
        [
            nothing | np.isin(last, [".", "。"]),
            nothing | np.isin(last, ["!", "?", "！", "？"]),
            nothing | np.isin(last, [":", "："]),
            nothing | np.isin(last, [",", ";", "，"]),
            np.char.isdigit(last),
            (last == "…") | np.array([text.endswith("...") for text in texts], dtype=bool),
        ]
    )
    return _Edges(
        ends,
        np.array([bool(_LIST_MARKER.match(text)) for text in texts], dtype=bool),
        np.array([text[:1].islower() for text in texts], dtype=bool),
        # A line of quoted speech is article text, however short: a mark readers of every language know.
        np.array([text[:1] in _OPENING_QUOTES for text in texts], dtype=bool),
    )


def _line_edges(
    texts: Sequence[str],
    codes: np.ndarray,
    classes: np.ndarray,
    line_starts: np.ndarray,
    lengths: np.ndarray,
    outside_plane: np.ndarray,
) -> _Edges:
    """_Edges of every line, read from the batch's code points at each line's first and last
    positions; lines with a character outside the Plane are read from their texts."""
    # Six list comprehensions over the lines cost a seventh of the features (0.1 -> 0.015 ms a page).
    size = len(codes)
    edge_classes = _edge_classes()
    # Each line's last character before its closing marks (as text.rstrip(_CLOSING)[-1:]): most
    # lines end in none, the others step back a mark at a time.
    position = line_starts + lengths - 1
    last_codes = codes.take(position, mode="clip")
    pending = np.flatnonzero((lengths > 0) & ((edge_classes.take(last_codes, mode="clip") & _CLOSING_MARK) != 0))
    while len(pending):
        position[pending] -= 1
        pending = pending[position[pending] >= line_starts[pending]]
        pending = pending[(edge_classes.take(codes[position[pending]], mode="clip") & _CLOSING_MARK) != 0]
    # A line of closing marks alone has no last character; it counts as every kind of end but a
    # digit. So does a NUL, which a one-character numpy string (as the lines' ends were read) drops.
    stripped_codes = codes.take(position, mode="clip")
    nothing = (position < line_starts) | (stripped_codes == 0)
    last = edge_classes.take(stripped_codes, mode="clip")
    last[nothing] = 0
    end_bits = [_ENDS_PERIOD, _ENDS_EXCLAIM_QUESTION, _ENDS_COLON, _ENDS_COMMA, _ENDS_DIGIT, _ENDS_ELLIPSIS]
    ends = np.empty((6, len(lengths)), dtype=bool)
    for row, bit in enumerate(end_bits):
        np.not_equal(last & bit, 0, out=ends[row])
    ends[:4] |= nothing
    # Or the text ends in "...", closing marks and all.
    last_position = line_starts + lengths - 1
    dots = (last_codes == 46) & (codes.take(last_position - 1, mode="clip") == 46)
    ends[5] |= (lengths >= 3) & dots & (codes.take(last_position - 2, mode="clip") == 46)
    # "^(?:[•·▪●◦*»›>|–—-]|\d{1,2}[.)])\s" at each line's first four characters.
    opening = [np.minimum(line_starts + offset, size - 1) for offset in range(4)]
    first_classes = [classes[position] for position in opening]
    first_edges = [edge_classes.take(codes[position], mode="clip") for position in opening[:3]]
    spaces = [(line_classes & _SPACE) != 0 for line_classes in first_classes]
    digits = [(line_classes & _DIGIT) != 0 for line_classes in first_classes[:2]]
    list_marker = (lengths >= 2) & ((first_edges[0] & _LIST_MARK) != 0) & spaces[1]
    list_marker |= (lengths >= 3) & digits[0] & ((first_edges[1] & _LIST_NUMBER_END) != 0) & spaces[2]
    list_marker |= (lengths >= 4) & digits[0] & digits[1] & ((first_edges[2] & _LIST_NUMBER_END) != 0) & spaces[3]
    starts_lower = (lengths >= 1) & ((first_edges[0] & _STARTS_LOWER) != 0)
    starts_with_quote = (lengths >= 1) & ((first_edges[0] & _OPENING_QUOTE) != 0)
    lines = np.flatnonzero(outside_plane)
    if len(lines):
        edges = _edges_by_text([texts[line] for line in lines.tolist()])
        ends[:, lines] = edges.ends
        list_marker[lines] = edges.list_marker
        starts_lower[lines] = edges.starts_lower
        starts_with_quote[lines] = edges.starts_with_quote
    return _Edges(ends, list_marker, starts_lower, starts_with_quote)


def _date_starts(codes: np.ndarray, classes: np.ndarray, digit_positions: np.ndarray) -> np.ndarray:
    """The digits where a match of _DATE_LIKE starts, read from the classes of the characters around
    them (\\d and \\w as the classes have them: right for lines of the Plane alone)."""
    # The regex searched a sixth of the lines (0.037 -> 0.006 ms a page).
    size = len(codes)

    def has(offset: int, bit: int) -> np.ndarray:
        return (digit_positions + offset < size) & ((classes.take(digit_positions + offset, mode="clip") & bit) != 0)

    def code(offset: int) -> np.ndarray:
        return np.where(digit_positions + offset < size, codes.take(digit_positions + offset, mode="clip"), 10)

    # "\d(?<!\w\d)": a digit after no word character.
    opens = (digit_positions == 0) | ((classes.take(digit_positions - 1, mode="clip") & _WORD) == 0)
    # Then "\d?[:.]\d{2}", "(?<=1)9\d{2}" or "(?<=2)0\d{2}", and "(?!\w)".
    first_code, second_code, third_code = codes[digit_positions], code(1), code(2)
    two_digits_after_one = has(2, _DIGIT) & has(3, _DIGIT) & ~has(4, _WORD)
    clock = ((second_code == ord(":")) | (second_code == ord("."))) & two_digits_after_one
    long_clock = has(1, _DIGIT) & ((third_code == ord(":")) | (third_code == ord("."))) & has(3, _DIGIT)
    long_clock &= has(4, _DIGIT) & ~has(5, _WORD)
    century = ((first_code == ord("1")) & (second_code == ord("9"))) | (
        (first_code == ord("2")) & (second_code == ord("0"))
    )
    return digit_positions[opens & (clock | long_clock | (century & two_digits_after_one))]


def _within_pages(
    pages: Pages, pages_texts: Sequence[Sequence[str]], titles: Sequence[str | None], keys: list[str]
) -> tuple[np.ndarray, np.ndarray, _Words]:
    """How often each line's key occurs on its page (the same menu on two pages is not repetition),
    whether it is the page's title, and the words of each page's title (the page as their line)."""
    title_texts = [
        (title or page_texts[0]) if page_texts else "" for page_texts, title in zip(pages_texts, titles, strict=True)
    ]
    # Each title without its line breaks; one line_keys call for all of them instead of one per page.
    title_texts = [text.replace("\n", " ") for text in title_texts]
    # Each line stands for its key by the first line of its page with that key: one dictionary pass a
    # page, by mapped C methods, then numpy (a Counter, list comprehensions and line_key a page cost
    # 0.032 -> 0.016 ms a page).
    first_lines: list[int] = []
    title_lines = np.full(pages.count, -1)
    bounds = pages.starts.tolist()
    for page, (first, last, title_key) in enumerate(zip(bounds[:-1], bounds[1:], line_keys(title_texts), strict=True)):
        line_of_key: dict[str, int] = {}
        first_lines += map(line_of_key.setdefault, keys[first:last], range(first, last))
        title_lines[page] = line_of_key.get(title_key, -1)
    key_lines = np.array(first_lines, dtype=np.int64)
    repeats = np.bincount(key_lines, minlength=len(keys))[key_lines].astype(np.float64)
    return repeats, key_lines == title_lines[pages.page_of_line], _hashes_of(title_texts)


def _title_hits(
    words: _Words, word_pages: np.ndarray, title_words: _Words, page_count: int
) -> tuple[np.ndarray, np.ndarray]:
    """The words that are words of their page's title (a word and a title word meet when both the
    word and the page agree), and each page's number of distinct title words."""
    title_keys, first = np.unique(
        title_words.hashes ^ (title_words.lines.astype(np.uint64) * _PAGE_SALT), return_index=True
    )
    title_sizes = np.bincount(title_words.lines[first], minlength=page_count).astype(np.float64)
    if len(title_keys) == 0 or len(words.hashes) == 0:
        return np.empty(0, dtype=np.int64), title_sizes
    salted = words.hashes ^ (word_pages.astype(np.uint64) * _PAGE_SALT)
    # A table of the title keys' top 16 bits passes a few words in a hundred on to the binary search;
    # np.isin sorted all the batch's words (0.09 -> 0.01 ms a page).
    present = np.zeros(1 << 16, dtype=bool)
    present[title_keys >> np.uint64(48)] = True
    maybe = np.flatnonzero(present[salted >> np.uint64(48)])
    candidates = salted[maybe]
    place = np.minimum(np.searchsorted(title_keys, candidates), len(title_keys) - 1)
    return maybe[title_keys[place] == candidates], title_sizes


def line_features(texts: Sequence[str], title: str | None = None, keys: Sequence[str] | None = None) -> np.ndarray:
    """A float32 row of FEATURE_NAMES per line of one page; `title` defaults to the page's first line."""
    features, _ = batch_line_features([texts], [title], [keys])
    return features


def batch_line_features(
    pages_texts: Sequence[Sequence[str]],
    titles: Sequence[str | None],
    pages_keys: Sequence[Sequence[str] | None] | None = None,
) -> tuple[np.ndarray, Pages]:
    """FEATURE_NAMES rows for the lines of many pages at once, and where each page's rows are.

    Characters and words of the whole batch are classified in one pass (arrays, not line by line);
    what depends on a page (repetition, title, position, neighbours) never looks past its edges."""
    pages = Pages.of_counts([len(texts) for texts in pages_texts])
    texts = list(chain.from_iterable(pages_texts))
    count = len(texts)
    if count == 0:
        return np.zeros((0, len(FEATURE_NAMES)), dtype=np.float32), pages
    page_of_line = pages.page_of_line
    codes = np.frombuffer("\n".join(texts).encode("utf-32-le"), dtype=np.uint32)
    classes = _character_classes().take(codes, mode="clip")
    # Each line's first position in the batch, then one past the break after the last line.
    line_bounds = np.empty(count + 1, dtype=np.int64)
    line_bounds[0] = 0
    line_bounds[1:-1] = np.flatnonzero(codes == 10) + 1
    line_bounds[-1] = len(codes) + 1
    line_starts = line_bounds[:-1]
    lengths = np.diff(line_bounds) - 1
    chars = lengths.astype(np.float64)
    line_numbers = np.arange(count)

    # Positions are counted per line from where the lines' bounds fall among them (sorted), not from a
    # line number per character of the batch.
    def lines_of(positions: np.ndarray) -> np.ndarray:
        return np.repeat(line_numbers, np.diff(np.searchsorted(positions, line_bounds)))

    def per_line(lines: np.ndarray) -> np.ndarray:
        return np.bincount(lines, minlength=count).astype(np.float64)

    word_starts, word_ends = _word_spans((classes & _WORD) != 0)
    word_lines = lines_of(word_starts)
    token_counts = per_line(word_lines)
    capitals = per_line(word_lines[(classes[word_starts] & _UPPER) != 0])
    # The characters counted one by one (punctuation, digits, East Asian script) are few: classified
    # among themselves rather than with a mask over the batch each (0.06 -> 0.02 ms a page).
    # flatnonzero of a boolean mask: three times faster than of the uint16 classes.
    counted = np.flatnonzero((classes & _COUNTED) != 0)
    counted_classes = classes[counted]
    counted_lines = lines_of(counted)

    def count_of(bits: int) -> np.ndarray:
        return per_line(counted_lines[(counted_classes & bits) != 0])

    digit_positions = counted[(counted_classes & _DIGIT) != 0]
    opens_digit_run = np.ones(len(digit_positions), dtype=bool)
    np.not_equal(digit_positions[1:], digit_positions[:-1] + 1, out=opens_digit_run[1:])
    digits = per_line(lines_of(digit_positions[opens_digit_run]))
    punctuation = per_line(counted_lines[(counted_classes & (_WORD | _SPACE)) == 0])
    east_asian = count_of(_EAST_ASIAN_CLASS)
    particles = count_of(_PARTICLE)
    # Scripts written without spaces make one "token" of a whole clause: count about a word per two
    # characters there, so lengths and shares mean the same in every script.
    words_count = np.maximum(token_counts, east_asian / 2)
    commas = count_of(_COMMA)
    sentence_break = (counted_classes & _EAST_ASIAN_STOP) != 0
    full_stops = np.flatnonzero((counted_classes & _FULL_STOP) != 0)
    # A full stop breaks a sentence when a space follows it (the batch's last one: nothing does).
    sentence_break[full_stops] |= codes[np.minimum(counted[full_stops] + 1, len(codes) - 1)] == 32
    breaks = per_line(counted_lines[sentence_break])
    link_marks = count_of(_LINK_MARK)

    hashes = _word_hashes(codes, word_starts, word_ends)
    word_kinds = _kinds_of(hashes)
    stop_counts = per_line(word_lines[(word_kinds & _STOP_WORD) != 0])
    widget_counts = per_line(word_lines[(word_kinds & _WIDGET_WORD) != 0])

    # Lines with a character outside the Basic Multilingual Plane, which the class tables do not cover.
    outside_plane = np.zeros(count, dtype=bool)
    outside_plane[lines_of(np.flatnonzero(codes >= _PLANE))] = True
    edges = _line_edges(texts, codes, classes, line_starts, lengths, outside_plane)
    link_like = _lines_matching(_LINK_LIKE, texts, link_marks > 0)
    # Lines with characters outside the Plane go to the regex (its \w and \d know them).
    date_like = np.zeros(count, dtype=bool)
    date_like[lines_of(_date_starts(codes, classes, digit_positions))] = True
    date_like[outside_plane] = _lines_matching(_DATE_LIKE, texts, (digits > 0) & outside_plane)[outside_plane]
    if pages_keys is None:
        pages_keys = [None] * pages.count
    keys: list[str] = []
    for page_texts, page_keys in zip(pages_texts, pages_keys, strict=True):
        # line_key of each line, in one line_keys call a page.
        keys.extend(page_keys if page_keys is not None else line_keys([text.replace("\n", " ") for text in page_texts]))
    repeats, is_title, title_words = _within_pages(pages, pages_texts, titles, keys)
    title_hits, title_sizes_of_page = _title_hits(
        _Words(hashes, word_lines), page_of_line[word_lines], title_words, pages.count
    )
    in_title = per_line(word_lines[title_hits])
    title_sizes = title_sizes_of_page[page_of_line]
    distinct = token_counts

    page_lines = pages.per_line(np.diff(pages.starts).astype(np.float64))
    # Sums of whole numbers: the same bits in any order, so one bincount for all pages.
    page_chars = np.bincount(page_of_line, weights=chars, minlength=pages.count)[page_of_line]
    cumulative_chars = pages.before(chars)
    total_chars = np.maximum(page_chars, 1.0)
    ends = edges.ends
    sentence_end = ends[0] | ends[1]
    log_tokens = np.log1p(words_count)
    stop_share = _shares(stop_counts + particles, words_count)
    capitalised_share = _shares(capitals, token_counts)
    widget_share = _shares(widget_counts, token_counts)
    line_share_of_title = _shares(np.minimum(in_title, title_sizes), title_sizes)
    position_in_page = line_numbers - pages.line_start
    # The features are written as the rows of one float32 matrix, a feature a row, then turned into
    # a line a row: the float64 values rounded once, as the stacked float64 matrix was (column_stack,
    # concatenate and astype, then writes to columns, cost 0.05 ms a page; this, 0.01).
    features = np.empty((len(FEATURE_NAMES), count), dtype=np.float32)
    base_rows = (
        np.log1p(chars),
        log_tokens,
        chars / np.maximum(words_count, 1),
        *ends,
        np.log1p(breaks),
        _shares(commas, token_counts),
        stop_share,
        capitalised_share,
        _shares(digits, token_counts),
        _shares(punctuation, chars),
        _shares(east_asian, chars),
        widget_share,
        link_like,
        date_like,
        edges.list_marker,
        edges.starts_lower,
        edges.starts_with_quote,
        np.log(repeats),
        _shares(np.minimum(in_title, distinct), distinct),
        line_share_of_title,
        is_title,
        position_in_page / page_lines,
        cumulative_chars / total_chars,
        np.log1p(page_lines),
        np.log1p(page_chars),
    )
    for row, values in enumerate(base_rows):
        features[row] = values

    # Prose: a long line that reads as sentences (punctuated, or dense in function words).
    prose = (chars >= 80) & (sentence_end | (breaks > 0)) & ((stop_share >= 0.15) | (east_asian > 0.3 * chars))
    context_values = np.array([log_tokens, ends[0], stop_share, widget_share, capitalised_share, prose])
    width = len(context_values)
    row = len(BASE_NAMES)
    # Previous and next lines, zero past the page's edges.
    previous = features[row : row + width]
    previous[:, 1:] = context_values[:, :-1]
    previous[:, position_in_page == 0] = 0
    following = features[row + width : row + 2 * width]
    following[:, :-1] = context_values[:, 1:]
    following[:, line_numbers == pages.line_end - 1] = 0
    row += 2 * width
    # One running sum serves every window (and the prose window below): the same sums as each one's.
    running = np.zeros((width, count + 1))
    np.cumsum(context_values, axis=1, out=running[:, 1:])
    for window in _WINDOWS:
        features[row : row + width] = _window_means(running, window, pages)
        row += width
    prose_chars = np.where(prose, chars, 0.0)
    total_prose = np.maximum(np.bincount(page_of_line, weights=prose_chars, minlength=pages.count)[page_of_line], 1.0)
    prose_before = pages.before(prose_chars) / total_prose
    prose_after = 1.0 - prose_before - prose_chars / total_prose
    since = _lines_since(prose, pages)
    until = _lines_until(prose, pages)
    # The headline repeated on the page (after its <title> line) is where the article begins.
    headline_like = (line_share_of_title >= 0.6) & (token_counts <= 40) & (position_in_page >= 1)
    headline = np.zeros(pages.count, dtype=np.int64)
    candidates = np.flatnonzero(headline_like)
    if len(candidates):
        first_pages, first_positions = np.unique(page_of_line[candidates], return_index=True)
        headline[first_pages] = position_in_page[candidates[first_positions]]
    from_headline = position_in_page - headline[page_of_line]
    near_prose = _window_means(running[-1:], 5, pages)[0] > 0.3
    run = _run_lengths(prose | near_prose, prose_chars, pages)
    # A list inside an article (a calendar, results, deals) is a run of lines of one shape (numbered,
    # with figures, of a length), as a menu is; how long the run and how much of it is figures.
    # Each line's first character in the batch's codes (an empty line's is the break after it,
    # which is no digit).
    opens_with_digit = (classes[np.minimum(line_starts, len(classes) - 1)] & _DIGIT) > 0
    shape = (
        (edges.list_marker | opens_with_digit).astype(np.int64) * 16
        + (digits > 0) * 8
        + sentence_end * 4
        + np.digitize(words_count, [3.5, 8.5, 15.5])
    )
    new_shape_run = np.ones(count, dtype=bool)
    new_shape_run[1:] = (shape[1:] != shape[:-1]) | (page_of_line[1:] != page_of_line[:-1])
    shape_run = np.cumsum(new_shape_run) - 1
    shape_run_lengths = np.bincount(shape_run).astype(np.float64)
    shape_run_digits = np.bincount(shape_run, weights=(digits > 0).astype(np.float64))
    context_rows = (
        prose_before,
        prose_after,
        np.log1p(since),
        np.log1p(until),
        np.log1p(run),
        run / total_prose,
        np.sign(from_headline) * np.log1p(np.abs(from_headline)),
        np.log(shape_run_lengths[shape_run]),
        shape_run_digits[shape_run] / shape_run_lengths[shape_run],
    )
    for values in context_rows:
        features[row] = values
        row += 1
    return np.ascontiguousarray(features.T), pages


def sequence_features(features: np.ndarray, probabilities: np.ndarray, pages: Pages | None = None) -> np.ndarray:
    """SECOND_STAGE_NAMES: the line features plus first-stage probabilities seen along each page
    (`pages`: where each page's rows are, when the rows are of several pages)."""
    count = len(probabilities)
    if count == 0:
        return np.zeros((0, len(SECOND_STAGE_NAMES)), dtype=np.float32)
    pages = pages or Pages.of_counts([count])
    chars = np.expm1(features[:, 0].astype(np.float64))
    probability = probabilities.astype(np.float64)
    lines = np.arange(count)
    position = lines - pages.line_start
    # Lines of the page after each line.
    remaining = pages.line_end - 1 - lines
    # The sequence columns go straight into one float32 matrix (rounded once, as the float64 stack
    # was); one running sum serves the four windows, and neighbours are shifted slices, not _shift
    # calls (0.07 -> 0.03 ms a page).
    sequence = np.empty((count, len(SEQUENCE_NAMES)), dtype=np.float32)
    sequence[:, 0] = probabilities
    running = np.zeros(count + 1)
    np.cumsum(probability, out=running[1:])
    for column, width in enumerate(_SEQUENCE_WINDOWS, start=1):
        sequence[:, column] = _window_means(running[None], width, pages)[0]

    def neighbour(offset: int) -> np.ndarray:
        """Each line's neighbour `offset` lines on (back, when negative) on its page, else 0."""
        shifted = np.zeros(count)
        if offset > 0:
            shifted[:-offset] = probability[offset:]
            shifted[remaining < offset] = 0
        else:
            shifted[-offset:] = probability[:offset]
            shifted[position < -offset] = 0
        return shifted

    nearby_before = neighbour(-1)
    nearby_after = neighbour(1)
    sequence[:, 5] = nearby_before
    sequence[:, 6] = nearby_after
    for offset in range(2, _NEIGHBOUR_SPAN + 1):
        np.maximum(nearby_before, neighbour(-offset), out=nearby_before)
        np.maximum(nearby_after, neighbour(offset), out=nearby_after)
    sequence[:, 7] = nearby_before
    sequence[:, 8] = nearby_after
    weighted = probabilities * chars
    page_totals = pages.totals(weighted)
    total = np.maximum(pages.per_line(page_totals), 1.0)
    before = pages.before(weighted) / total
    sequence[:, 9] = before
    sequence[:, 10] = 1.0 - before - weighted / total
    # What lies between a line and the run: menus, widgets, comment headers (a name and a time).
    log_tokens = features[:, FEATURE_NAMES.index("log_tokens")]
    short = log_tokens < math.log1p(8)
    dated = (log_tokens < math.log1p(15)) & (features[:, FEATURE_NAMES.index("date_like")] > 0)
    widget = features[:, FEATURE_NAMES.index("widget_share")] >= 0.3
    # The best run of each page: the stretch of lines whose summed (probability - 1/2) weighted by
    # length is largest, found for all pages at once.
    run_start, run_end = _best_runs((probabilities - 0.5) * np.log1p(chars), pages)
    first = run_start[pages.page_of_line]
    last = run_end[pages.page_of_line]
    after_run = position > last
    sequence[:, 11] = (position >= first) & (position <= last)
    distance = np.where(position < first, first - position, np.where(after_run, position - last, 0)).astype(np.float64)
    sequence[:, 12] = np.log1p(distance)
    # Each run's share of its page's weight, the page's total summed once (the same sum as above).
    sequence[:, 13] = pages.per_line(
        np.array(
            [
                weighted[page_first + start : page_first + end + 1].sum() / max(page_total, 1.0)
                for page_first, start, end, page_total in zip(
                    pages.starts[:-1].tolist(), run_start.tolist(), run_end.tolist(), page_totals.tolist(), strict=True
                )
            ]
        )
    )
    sequence[:, 14] = after_run
    # Lines flagged between each line and its page's run (none inside it), from whole-batch counts
    # (whole numbers: the three kinds of flags counted at once).
    absolute_first = pages.line_start + first
    absolute_last = pages.line_start + last
    cumulative = np.zeros((3, count + 1), dtype=np.int64)
    np.cumsum(np.array([short, dated, widget]), axis=1, out=cumulative[:, 1:])
    between = np.where(
        lines < absolute_first,
        cumulative.take(absolute_first, axis=1) - cumulative.take(lines + 1, axis=1),
        np.where(lines > absolute_last, cumulative.take(lines, axis=1) - cumulative.take(absolute_last + 1, axis=1), 0),
    )
    sequence[:, 15:] = np.log1p(between.T.astype(np.float64))
    return np.concatenate([features, sequence], axis=1)
