"""Vectorised line features for the line classifier: one row per non-blank line of a page.

Every feature carries to unseen sites and languages: lengths, punctuation, shares of function words
(several languages), capitals, digits, widget vocabulary, position, repetition, likeness to the title,
and the same measured over neighbouring lines and windows, since an article is one run of prose.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

import numpy as np

from newstrace.clean.line_vocabulary import STOP_WORDS, WIDGET_WORDS
from newstrace.clean.lines import EAST_ASIAN_RANGES, Line, line_key
from newstrace.clean.patterns import LINE_RULES

_STOP_WORD, _WIDGET_WORD = 1, 2
# Word hashes: a polynomial over the lower-cased code points, mixed (see _word_hashes).
_HASH_BASE = np.uint64(0x100000001B3)
_HASH_BASE_INVERSE = np.uint64(pow(0x100000001B3, -1, 1 << 64))
_HASH_MIX = np.uint64(0xBF58476D1CE4E5B9)
_PAGE_SALT = np.uint64(0x9E3779B97F4A7C15)
# Character classes, as bits, for the code points of the Basic Multilingual Plane.
_PLANE = 0x10000
_WORD, _UPPER, _DIGIT, _SPACE, _EAST_ASIAN_CLASS = 1, 2, 4, 8, 16
# Marks looked up in the same table: one table read replaces a np.isin call per mark set (measured:
# np.isin was a fifth of the feature time on short pages).
_COMMA, _FULL_STOP, _PARTICLE, _LINK_MARK, _EAST_ASIAN_STOP = 32, 64, 128, 256, 512
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
_LIST_MARKER = re.compile(r"^(?:[•·▪●◦*»›>|–—-]|\d{1,2}[.)])\s")
# Clock times and years: the mark of bylines, date lines and comment headers.
# "\b\d{1,2}[:.]\d{2}\b|\b(?:19|20)\d{2}\b" opening with the digit, for the same reason.
_DATE_LIKE = re.compile(r"\d(?<!\w\d)(?:\d?[:.]\d{2}|(?<=1)9\d{2}|(?<=2)0\d{2})(?!\w)")
_CLOSING = "\"'”’»)]"
_OPENING_QUOTES = frozenset("\"'“‘«„「『—")

# Window widths (lines, centred) over which neighbouring lines are summarised.
_WINDOWS = (3, 7, 15)
_SEQUENCE_WINDOWS = (3, 7, 15, 31)
_NEIGHBOUR_SPAN = 5

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
        return np.array(
            [values[first:last].sum() for first, last in zip(self.starts[:-1], self.starts[1:], strict=True)]
        )

    def before(self, values: np.ndarray) -> np.ndarray:
        """For each line, the sum of the value over the lines above it on its page."""
        # Written as one page's `cumsum - values` minus the page's offset (0 for the first page), so
        # a page scored alone gets exactly the features the line model was trained on.
        above = np.cumsum(values, dtype=np.float64) - values
        return above - above[self.line_start]


def rule_features(lines: Sequence[Line], decisions: RuleDecisions) -> np.ndarray:
    """A float32 row of RULE_NAMES per line (of one page)."""
    if not lines:
        return np.zeros((0, len(RULE_NAMES)), dtype=np.float32)
    columns = np.array(
        [
            (
                line.text in decisions.kept,
                line.text in decisions.captions,
                _RULE_NUMBERS[line.rule.name] if line.rule is not None else 0,
                line.caption_like,
                line.strong_body,
                line.headline_like,
            )
            for line in lines
        ],
        dtype=np.float64,
    )
    kept_window = _window_means(columns[:, :1], 7, Pages.single(len(lines)))
    return np.concatenate([columns, kept_window], axis=1).astype(np.float32)


def _shares(counts: np.ndarray, totals: np.ndarray) -> np.ndarray:
    return counts / np.maximum(totals, 1)


def _window_means(values: np.ndarray, width: int, pages: Pages) -> np.ndarray:
    """Mean of each column over a centred window of lines (shorter at each page's edges)."""
    half = width // 2
    padded = np.concatenate([np.zeros((1, values.shape[1])), np.cumsum(values, axis=0)])
    positions = np.arange(len(values))
    upper = np.minimum(positions + half + 1, pages.line_end)
    lower = np.maximum(positions - half, pages.line_start)
    return (padded[upper] - padded[lower]) / (upper - lower)[:, None]


def _shift(values: np.ndarray, offset: int, pages: Pages) -> np.ndarray:
    """Each line's neighbour `offset` lines away on its page (zeros past the page's edges)."""
    shifted = np.zeros_like(values)
    if offset > 0:
        shifted[:-offset] = values[offset:]
    else:
        shifted[-offset:] = values[:offset]
    target = np.arange(len(values)) + offset
    outside = (target < pages.line_start) | (target >= pages.line_end)
    shifted[outside] = 0
    return shifted


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


@lru_cache(maxsize=1)
def _character_classes() -> np.ndarray:
    """A class bit set for every code point of the Basic Multilingual Plane (built once, ~30 ms)."""
    characters = [chr(code) for code in range(_PLANE)]
    classes = np.zeros(_PLANE, dtype=np.uint16)
    classes[[character.isalnum() or character == "_" for character in characters]] |= _WORD
    classes[[character.isupper() for character in characters]] |= _UPPER
    classes[[character.isdecimal() for character in characters]] |= _DIGIT
    classes[[character.isspace() for character in characters]] |= _SPACE
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
    return classes


@lru_cache(maxsize=1)
def _lower_case() -> np.ndarray:
    """The lower case of every code point of the Basic Multilingual Plane (itself where the lower
    case is not one character)."""
    lowered = [character.lower() for character in map(chr, range(_PLANE))]
    return np.array([ord(lower) if len(lower) == 1 else code for code, lower in enumerate(lowered)], dtype=np.uint32)


@dataclass(frozen=True, slots=True)
class _Words:
    """The \\w+ words of a text (lower-cased, hashed) and the line each belongs to."""

    hashes: np.ndarray
    lines: np.ndarray


def _word_hashes(codes: np.ndarray, word: np.ndarray, line_of: np.ndarray) -> _Words:
    """A 64-bit hash of each word of the code points, the same for the same lower-cased word; a
    character outside the Basic Multilingual Plane counts as no word's (as the classes have it).

    One regex pass over a batch's lower-cased text and a dictionary lookup per word cost a third of
    the feature time: here each word is the sum of its code points times powers of a base, read
    from one running sum over the batch.
    """
    word = word & (codes < _PLANE)
    starts = np.flatnonzero(word & ~np.concatenate([[False], word[:-1]]))
    ends = np.flatnonzero(word & ~np.concatenate([word[1:], [False]])) + 1
    if len(starts) == 0:
        return _Words(np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int64))
    # Only the codes inside words count (the running sum cancels the others), all in the Plane.
    lower = _lower_case().take(codes, mode="clip").astype(np.uint64)
    powers = np.full(len(codes) + 1, _HASH_BASE, dtype=np.uint64)
    powers[0] = 1
    powers = np.cumprod(powers)
    inverse_powers = np.full(len(codes), _HASH_BASE_INVERSE, dtype=np.uint64)
    inverse_powers[0] = 1
    inverse_powers = np.cumprod(inverse_powers)
    running = np.concatenate([[np.uint64(0)], np.cumsum(lower * powers[:-1], dtype=np.uint64)])
    # Sum over the word of code * base ** (position - start): the same for the word anywhere.
    hashes = (running[ends] - running[starts]) * inverse_powers[starts]
    hashes += (ends - starts).astype(np.uint64) * _HASH_MIX
    hashes ^= hashes >> np.uint64(31)
    hashes *= _HASH_MIX
    hashes ^= hashes >> np.uint64(29)
    return _Words(hashes, line_of[starts])


def _hashes_of(texts: Sequence[str]) -> _Words:
    """_word_hashes of texts, each text a line."""
    codes = np.frombuffer("\n".join(texts).encode("utf-32-le"), dtype=np.uint32)
    classes = _character_classes().take(codes, mode="clip")
    return _word_hashes(codes, (classes & _WORD) > 0, np.cumsum(codes == 10))


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


def _kinds_of(hashes: np.ndarray) -> np.ndarray:
    """The stop and widget bits of each hashed word (0 for words of neither list)."""
    vocabulary, kinds = _vocabulary()
    place = np.minimum(np.searchsorted(vocabulary, hashes), len(vocabulary) - 1)
    return np.where(vocabulary[place] == hashes, kinds[place], 0)


def _per_line(line_of: np.ndarray, mask: np.ndarray, count: int) -> np.ndarray:
    return np.bincount(line_of[mask], minlength=count).astype(np.float64)


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


def _within_pages(
    pages: Pages, pages_texts: Sequence[Sequence[str]], titles: Sequence[str | None], keys: list[str], words: _Words
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Repetition and likeness to the title, each within its own page (the same menu on two pages of
    a batch is not repetition): how often each line's key occurs, whether it is the title, whether
    each word is a word of its page's title, and each page's number of title words."""
    repeats = np.zeros(len(keys))
    is_title = np.zeros(len(keys), dtype=bool)
    title_texts: list[str] = []
    for page, (first, last) in enumerate(zip(pages.starts[:-1].tolist(), pages.starts[1:].tolist(), strict=True)):
        if first == last:
            title_texts.append("")
            continue
        keys_of_page = keys[first:last]
        key_counts = Counter(keys_of_page)
        repeats[first:last] = [key_counts[key] for key in keys_of_page]
        title_text = titles[page] or pages_texts[page][0]
        title_key = line_key(title_text)
        is_title[first:last] = [key == title_key for key in keys_of_page]
        title_texts.append(title_text.replace("\n", " "))
    # A word and a title word meet when both the word and the page agree.
    title_words = _hashes_of(title_texts)
    title_keys, first = np.unique(
        title_words.hashes ^ (title_words.lines.astype(np.uint64) * _PAGE_SALT), return_index=True
    )
    title_pages = pages.page_of_line[words.lines] if len(words.lines) else np.empty(0, dtype=np.int64)
    in_title = np.isin(words.hashes ^ (title_pages.astype(np.uint64) * _PAGE_SALT), title_keys)
    title_sizes = np.bincount(title_words.lines[first], minlength=pages.count).astype(np.float64)
    return repeats, is_title, in_title, title_sizes


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
    texts = [text for page_texts in pages_texts for text in page_texts]
    count = len(texts)
    if count == 0:
        return np.zeros((0, len(FEATURE_NAMES)), dtype=np.float32), pages
    page_of_line = pages.page_of_line
    batch = "\n".join(texts)
    codes = np.frombuffer(batch.encode("utf-32-le"), dtype=np.uint32)
    classes = _character_classes().take(codes, mode="clip")
    newline = codes == 10
    line_of = np.cumsum(newline)
    chars = np.fromiter(map(len, texts), dtype=np.float64, count=count)

    word = (classes & _WORD) > 0
    after_word = np.concatenate([[False], word[:-1]])
    token_starts = word & ~after_word
    digit = (classes & _DIGIT) > 0
    after_digit = np.concatenate([[False], digit[:-1]])
    token_counts = _per_line(line_of, token_starts, count)
    capitals = _per_line(line_of, token_starts & ((classes & _UPPER) > 0), count)
    digits = _per_line(line_of, digit & ~after_digit, count)
    punctuation = _per_line(line_of, ~word & ((classes & _SPACE) == 0), count)
    east_asian = _per_line(line_of, (classes & _EAST_ASIAN_CLASS) > 0, count)
    particles = _per_line(line_of, (classes & _PARTICLE) > 0, count)
    # Scripts written without spaces make one "token" of a whole clause: count about a word per two
    # characters there, so lengths and shares mean the same in every script.
    words_count = np.maximum(token_counts, east_asian / 2)
    commas = _per_line(line_of, (classes & _COMMA) > 0, count)
    following = np.concatenate([codes[1:], [10]])
    full_stops = ((classes & _FULL_STOP) > 0) & (following == 32)
    breaks = _per_line(line_of, full_stops | ((classes & _EAST_ASIAN_STOP) > 0), count)

    words = _word_hashes(codes, word, line_of)
    word_kinds = _kinds_of(words.hashes)

    def count_hits(hits: np.ndarray) -> np.ndarray:
        return np.bincount(words.lines[hits], minlength=count).astype(np.float64)

    stop_counts = count_hits((word_kinds & _STOP_WORD) > 0)
    widget_counts = count_hits((word_kinds & _WIDGET_WORD) > 0)

    # One character per line as a numpy array: a list of six tests per line cost a fifth of this function.
    last = np.array([text.rstrip(_CLOSING)[-1:] for text in texts], dtype="<U1")
    # A line of closing marks alone has no last character; it counts as every kind of end but a digit.
    nothing = last == ""
    ends = np.column_stack(
        [
            nothing | np.isin(last, [".", "。"]),
            nothing | np.isin(last, ["!", "?", "！", "？"]),
            nothing | np.isin(last, [":", "："]),
            nothing | np.isin(last, [",", ";", "，"]),
            np.char.isdigit(last),
            last == "…",
        ]
    )
    ends_ellipsis = ends[:, 5] | np.array([text.endswith("...") for text in texts])
    link_like = _lines_matching(_LINK_LIKE, texts, _per_line(line_of, (classes & _LINK_MARK) > 0, count) > 0)
    date_like = _lines_matching(_DATE_LIKE, texts, digits > 0)
    list_marker = np.array([bool(_LIST_MARKER.match(text)) for text in texts])
    starts_lower = np.array([text[:1].islower() for text in texts])
    # A line of quoted speech is article text, however short: a mark readers of every language know.
    starts_with_quote = np.array([text[:1] in _OPENING_QUOTES for text in texts])
    if pages_keys is None:
        pages_keys = [None] * pages.count
    keys: list[str] = []
    for page_texts, page_keys in zip(pages_texts, pages_keys, strict=True):
        keys.extend(page_keys if page_keys is not None else [line_key(text) for text in page_texts])
    repeats, is_title, in_title_words, title_sizes_of_page = _within_pages(pages, pages_texts, titles, keys, words)
    in_title = count_hits(in_title_words)
    title_sizes = pages.per_line(title_sizes_of_page)
    distinct = token_counts

    page_lines = pages.per_line(np.diff(pages.starts).astype(np.float64))
    page_chars = pages.per_line(pages.totals(chars))
    cumulative_chars = pages.before(chars)
    total_chars = np.maximum(page_chars, 1.0)
    sentence_end = ends[:, 0] | ends[:, 1]
    base = np.column_stack(
        [
            np.log1p(chars),
            np.log1p(words_count),
            chars / np.maximum(words_count, 1),
            ends[:, 0],
            ends[:, 1],
            ends[:, 2],
            ends[:, 3],
            ends[:, 4],
            ends_ellipsis,
            np.log1p(breaks),
            _shares(commas, token_counts),
            _shares(stop_counts + particles, words_count),
            _shares(capitals, token_counts),
            _shares(digits, token_counts),
            _shares(punctuation, chars),
            _shares(east_asian, chars),
            _shares(widget_counts, token_counts),
            link_like,
            date_like,
            list_marker,
            starts_lower,
            starts_with_quote,
            np.log(repeats),
            _shares(np.minimum(in_title, distinct), distinct),
            _shares(np.minimum(in_title, title_sizes), title_sizes),
            is_title,
            (np.arange(count) - pages.line_start) / page_lines,
            cumulative_chars / total_chars,
            np.log1p(page_lines),
            np.log1p(page_chars),
        ]
    ).astype(np.float64)

    # Prose: a long line that reads as sentences (punctuated, or dense in function words).
    stop_share = base[:, BASE_NAMES.index("stop_share")]
    prose = (chars >= 80) & (sentence_end | (breaks > 0)) & ((stop_share >= 0.15) | (east_asian > 0.3 * chars))
    context_values = np.column_stack(
        [base[:, BASE_NAMES.index(name)] for name in _CONTEXT_COLUMNS[:-1]] + [prose.astype(np.float64)]
    )
    columns = [_shift(context_values, -1, pages), _shift(context_values, 1, pages)]
    columns += [_window_means(context_values, width, pages) for width in _WINDOWS]
    prose_chars = np.where(prose, chars, 0.0)
    total_prose = np.maximum(pages.per_line(pages.totals(prose_chars)), 1.0)
    prose_before = pages.before(prose_chars) / total_prose
    prose_after = 1.0 - prose_before - prose_chars / total_prose
    since = _lines_since(prose, pages)
    until = _lines_until(prose, pages)
    # The headline repeated on the page (after its <title> line) is where the article begins.
    position_in_page = np.arange(count) - pages.line_start
    headline_like = (
        (base[:, BASE_NAMES.index("line_share_of_title")] >= 0.6) & (token_counts <= 40) & (position_in_page >= 1)
    )
    headline = np.zeros(pages.count, dtype=np.int64)
    candidates = np.flatnonzero(headline_like)
    if len(candidates):
        first_pages, first_positions = np.unique(page_of_line[candidates], return_index=True)
        headline[first_pages] = position_in_page[candidates[first_positions]]
    from_headline = position_in_page - headline[page_of_line]
    near_prose = _window_means(prose[:, None].astype(float), 5, pages)[:, 0] > 0.3
    run = _run_lengths(prose | near_prose, prose_chars, pages)
    # A list inside an article (a calendar, results, deals) is a run of lines of one shape (numbered,
    # with figures, of a length), as a menu is; how long the run and how much of it is figures.
    # Each line's first character in the batch's codes (after each newline; an empty line's is the
    # newline itself, which is no digit).
    line_starts = np.concatenate([[0], np.flatnonzero(newline) + 1])
    opens_with_digit = (classes[np.minimum(line_starts, len(classes) - 1)] & _DIGIT) > 0
    shape = (
        (list_marker | opens_with_digit).astype(np.int64) * 16
        + (digits > 0) * 8
        + sentence_end * 4
        + np.digitize(words_count, [3.5, 8.5, 15.5])
    )
    new_shape_run = np.ones(count, dtype=bool)
    new_shape_run[1:] = (shape[1:] != shape[:-1]) | (page_of_line[1:] != page_of_line[:-1])
    shape_run = np.cumsum(new_shape_run) - 1
    shape_run_lengths = np.bincount(shape_run).astype(np.float64)
    shape_run_digits = np.bincount(shape_run, weights=(digits > 0).astype(np.float64))
    context = np.column_stack(
        [
            *columns,
            prose_before,
            prose_after,
            np.log1p(since),
            np.log1p(until),
            np.log1p(run),
            run / total_prose,
            np.sign(from_headline) * np.log1p(np.abs(from_headline)),
            np.log(shape_run_lengths[shape_run]),
            shape_run_digits[shape_run] / shape_run_lengths[shape_run],
        ]
    )
    return np.concatenate([base, context], axis=1).astype(np.float32), pages


def sequence_features(features: np.ndarray, probabilities: np.ndarray, pages: Pages | None = None) -> np.ndarray:
    """SECOND_STAGE_NAMES: the line features plus first-stage probabilities seen along each page
    (`pages`: where each page's rows are, when the rows are of several pages)."""
    count = len(probabilities)
    if count == 0:
        return np.zeros((0, len(SECOND_STAGE_NAMES)), dtype=np.float32)
    pages = pages or Pages.of_counts([count])
    chars = np.expm1(features[:, 0].astype(np.float64))
    column = probabilities.astype(np.float64)[:, None]
    windows = [_window_means(column, width, pages)[:, 0] for width in _SEQUENCE_WINDOWS]
    nearby_before = np.column_stack([_shift(column, -offset, pages)[:, 0] for offset in range(1, _NEIGHBOUR_SPAN + 1)])
    nearby_after = np.column_stack([_shift(column, offset, pages)[:, 0] for offset in range(1, _NEIGHBOUR_SPAN + 1)])
    weighted = probabilities * chars
    total = np.maximum(pages.per_line(pages.totals(weighted)), 1.0)
    before = pages.before(weighted) / total
    after = 1.0 - before - weighted / total
    # What lies between a line and the run: menus, widgets, comment headers (a name and a time).
    log_tokens = features[:, FEATURE_NAMES.index("log_tokens")]
    short = log_tokens < math.log1p(8)
    dated = (log_tokens < math.log1p(15)) & (features[:, FEATURE_NAMES.index("date_like")] > 0)
    widget = features[:, FEATURE_NAMES.index("widget_share")] >= 0.3
    # The best run of each page: the stretch of lines whose summed (probability - 1/2) weighted by
    # length is largest, found for all pages at once.
    run_start, run_end = _best_runs((probabilities - 0.5) * np.log1p(chars), pages)
    position = np.arange(count) - pages.line_start
    first = run_start[pages.page_of_line]
    last = run_end[pages.page_of_line]
    in_run = (position >= first) & (position <= last)
    after_run = position > last
    distance = np.where(position < first, first - position, np.where(after_run, position - last, 0)).astype(np.float64)
    run_share = pages.per_line(
        np.array(
            [
                weighted[page_first + start : page_first + end + 1].sum()
                / max(weighted[page_first:page_last].sum(), 1.0)
                for page_first, page_last, start, end in zip(
                    pages.starts[:-1].tolist(),
                    pages.starts[1:].tolist(),
                    run_start.tolist(),
                    run_end.tolist(),
                    strict=True,
                )
            ]
        )
    )
    # Lines flagged between each line and its page's run (none inside it), from whole-batch counts.
    absolute_first = pages.line_start + first
    absolute_last = pages.line_start + last
    lines = np.arange(count)
    between = np.zeros((count, 3))
    for column_number, flags in enumerate((short, dated, widget)):
        cumulative = np.concatenate([[0], np.cumsum(flags)])
        between[:, column_number] = np.where(
            lines < absolute_first,
            cumulative[absolute_first] - cumulative[lines + 1],
            np.where(lines > absolute_last, cumulative[lines] - cumulative[absolute_last + 1], 0),
        )
    sequence = np.column_stack(
        [
            probabilities,
            *windows,
            _shift(column, -1, pages)[:, 0],
            _shift(column, 1, pages)[:, 0],
            nearby_before.max(axis=1),
            nearby_after.max(axis=1),
            before,
            after,
            in_run,
            np.log1p(distance),
            run_share,
            after_run,
            np.log1p(between),
        ]
    )
    return np.concatenate([features, sequence.astype(np.float32)], axis=1)
