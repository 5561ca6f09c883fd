"""Vectorised line features for the line classifier: one row per non-blank line of a page.

Every feature carries to unseen sites and languages: lengths, punctuation, shares of function words
(several languages), capitals, digits, widget vocabulary, position, repetition, likeness to the title,
and the same measured over neighbouring lines and windows, since an article is one run of prose.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from newstrace.clean.line_vocabulary import STOP_WORDS, WIDGET_WORDS
from newstrace.clean.lines import Line, line_key
from newstrace.clean.patterns import LINE_RULES

_TOKEN = re.compile(r"\w+")
_TOKEN_OR_NEWLINE = re.compile(r"\w+|\n")
_NEWLINE = "\n"
# Character classes, as bits, for the code points of the Basic Multilingual Plane.
_PLANE = 0x10000
_WORD, _UPPER, _DIGIT, _SPACE, _EAST_ASIAN_CLASS = 1, 2, 4, 8, 16
# Marks looked up in the same table: one table read replaces a np.isin call per mark set (measured:
# np.isin was a fifth of the feature time on short pages).
_COMMA, _FULL_STOP, _PARTICLE, _LINK_MARK, _EAST_ASIAN_STOP = 32, 64, 128, 256, 512
# Kana, CJK ideographs and Hangul: lines of these scripts have few spaces, so tokens are long.
_EAST_ASIAN_RANGES = ((0x3040, 0x3100), (0x3400, 0xA000), (0xAC00, 0xD7B0))
_COMMAS = np.array([ord(","), ord("、"), ord("，")], dtype=np.uint32)
_FULL_STOPS = np.array([ord("."), ord("!"), ord("?"), ord("…")], dtype=np.uint32)
# Function particles and endings of Japanese, Chinese and Korean prose, counted as function words.
_EAST_ASIAN_PARTICLES = np.array(
    [ord(character) for character in "のはがをにでとも的了是在和다는은을를에의"], dtype=np.uint32
)
_LINK_MARKS = np.array([ord("@"), ord("#"), ord("/")], dtype=np.uint32)
_EAST_ASIAN_STOPS = np.array([ord("。"), ord("！"), ord("？")], dtype=np.uint32)
_LINK_LIKE = re.compile(r"https?://|www\.|\S@\S|(?:^|\s)[@#]\w")
_LIST_MARKER = re.compile(r"^(?:[•·▪●◦*»›>|–—-]|\d{1,2}[.)])\s")
# Clock times and years: the mark of bylines, date lines and comment headers.
_DATE_LIKE = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b(?:19|20)\d{2}\b")
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
_RULE_NUMBERS = {rule.name: number for number, rule in enumerate(LINE_RULES, start=1)}


@dataclass(frozen=True, slots=True)
class RuleDecisions:
    """The lines the rule-based cleaner kept as body and those it took for captions."""

    kept: set[str]
    captions: set[str]


def rule_features(lines: Sequence[Line], decisions: RuleDecisions) -> np.ndarray:
    """A float32 row of RULE_NAMES per line."""
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
    kept_window = _window_means(columns[:, :1], 7)
    return np.concatenate([columns, kept_window], axis=1).astype(np.float32)


def _shares(counts: np.ndarray, totals: np.ndarray) -> np.ndarray:
    return counts / np.maximum(totals, 1)


def _window_means(values: np.ndarray, width: int) -> np.ndarray:
    """Mean of each column over a centred window of lines (shorter at the page's edges)."""
    half = width // 2
    padded = np.concatenate([np.zeros((1, values.shape[1])), np.cumsum(values, axis=0)])
    count = len(values)
    upper = np.minimum(np.arange(count) + half + 1, count)
    lower = np.maximum(np.arange(count) - half, 0)
    return (padded[upper] - padded[lower]) / (upper - lower)[:, None]


def _shift(values: np.ndarray, offset: int) -> np.ndarray:
    """Each line's neighbour `offset` lines away (zeros past the page's edges)."""
    shifted = np.zeros_like(values)
    if offset > 0:
        shifted[:-offset] = values[offset:]
    else:
        shifted[-offset:] = values[:offset]
    return shifted


def _lines_since(flags: np.ndarray) -> np.ndarray:
    """For each line, how many lines back the last flagged line is (the line itself counts as 0)."""
    positions = np.arange(len(flags))
    last = np.maximum.accumulate(np.where(flags, positions, -1))
    return np.where(last >= 0, positions - last, len(flags) + 1)


def _run_lengths(flags: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """For each flagged line, the summed weight of the run of consecutive flagged lines it is in."""
    if not len(flags):
        return np.zeros(0)
    edges = np.flatnonzero(np.diff(np.concatenate([[0], flags.astype(np.int8), [0]])))
    totals = np.zeros(len(flags))
    cumulative = np.concatenate([[0.0], np.cumsum(weights)])
    for start, end in zip(edges[::2], edges[1::2], strict=True):
        totals[start:end] = cumulative[end] - cumulative[start]
    return totals


def _count_between(flags: np.ndarray, start: int, end: int) -> np.ndarray:
    """For each line, how many flagged lines lie strictly between it and the run start..end (0 inside)."""
    cumulative = np.concatenate([[0], np.cumsum(flags)])
    positions = np.arange(len(flags))
    counts = np.zeros(len(flags))
    before = positions < start
    counts[before] = cumulative[start] - cumulative[positions[before] + 1]
    after = positions > end
    counts[after] = cumulative[positions[after]] - cumulative[end + 1]
    return counts


@lru_cache(maxsize=1)
def _character_classes() -> np.ndarray:
    """A class bit set for every code point of the Basic Multilingual Plane (built once, ~30 ms)."""
    characters = [chr(code) for code in range(_PLANE)]
    classes = np.zeros(_PLANE, dtype=np.uint16)
    classes[[character.isalnum() or character == "_" for character in characters]] |= _WORD
    classes[[character.isupper() for character in characters]] |= _UPPER
    classes[[character.isdecimal() for character in characters]] |= _DIGIT
    classes[[character.isspace() for character in characters]] |= _SPACE
    for start, end in _EAST_ASIAN_RANGES:
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


def _per_line(line_of: np.ndarray, mask: np.ndarray, count: int) -> np.ndarray:
    return np.bincount(line_of[mask], minlength=count).astype(np.float64)


def _lines_matching(pattern: re.Pattern[str], texts: Sequence[str], candidates: np.ndarray) -> np.ndarray:
    """Which lines hold a match; only candidate lines (those with the characters it needs) are searched."""
    flags = np.zeros(len(texts), dtype=bool)
    for position in np.flatnonzero(candidates):
        flags[position] = pattern.search(texts[position]) is not None
    return flags


def line_features(texts: Sequence[str], title: str | None = None, keys: Sequence[str] | None = None) -> np.ndarray:
    """A float32 row of FEATURE_NAMES per line; `title` defaults to the page's first line.

    Characters are classified for the whole page at once (one array of code points), not line by line."""
    count = len(texts)
    if count == 0:
        return np.zeros((0, len(FEATURE_NAMES)), dtype=np.float32)
    page = "\n".join(texts)
    codes = np.frombuffer(page.encode("utf-32-le"), dtype=np.uint32)
    classes = _character_classes()[np.minimum(codes, _PLANE - 1)]
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

    # Words of the whole page in one pass; a newline token marks where each line ends.
    items = _TOKEN_OR_NEWLINE.findall(page.lower())
    is_break = np.fromiter(map(_NEWLINE.__eq__, items), dtype=bool, count=len(items))
    word_lines = np.cumsum(is_break)[~is_break]
    words = [item for item in items if item != _NEWLINE]

    def words_in(vocabulary: frozenset[str] | set[str]) -> np.ndarray:
        hits = np.fromiter(map(vocabulary.__contains__, words), dtype=bool, count=len(words))
        return np.bincount(word_lines[hits], minlength=count).astype(np.float64)

    stop_counts = words_in(STOP_WORDS)
    widget_counts = words_in(WIDGET_WORDS)

    last_characters = [text.rstrip(_CLOSING)[-1:] for text in texts]
    ends = np.array(
        [[c in ".。", c in "!?！？", c in ":：", c in ",;，", c.isdigit(), c == "…"] for c in last_characters]
    )
    ends_ellipsis = ends[:, 5] | np.array([text.endswith("...") for text in texts])
    link_like = _lines_matching(_LINK_LIKE, texts, _per_line(line_of, (classes & _LINK_MARK) > 0, count) > 0)
    date_like = _lines_matching(_DATE_LIKE, texts, digits > 0)
    list_marker = np.array([bool(_LIST_MARKER.match(text)) for text in texts])
    starts_lower = np.array([text[:1].islower() for text in texts])
    # A line of quoted speech is article text, however short: a mark readers of every language know.
    starts_with_quote = np.array([text[:1] in _OPENING_QUOTES for text in texts])
    if keys is None:
        keys = [line_key(text) for text in texts]
    key_counts = Counter(keys)
    repeats = np.fromiter((key_counts[key] for key in keys), np.float64, count)

    title_text = title if title else texts[0]
    title_words = set(_TOKEN.findall(title_text.lower()))
    title_key = line_key(title_text)
    in_title = words_in(title_words)
    distinct = token_counts
    is_title = np.array([key == title_key for key in keys])

    cumulative_chars = np.cumsum(chars) - chars
    total_chars = max(chars.sum(), 1.0)
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
            _shares(np.minimum(in_title, len(title_words)), np.full(count, len(title_words))),
            is_title,
            np.arange(count) / count,
            cumulative_chars / total_chars,
            np.full(count, math.log1p(count)),
            np.full(count, math.log1p(total_chars)),
        ]
    ).astype(np.float64)

    # Prose: a long line that reads as sentences (punctuated, or dense in function words).
    stop_share = base[:, BASE_NAMES.index("stop_share")]
    prose = (chars >= 80) & (sentence_end | (breaks > 0)) & ((stop_share >= 0.15) | (east_asian > 0.3 * chars))
    context_values = np.column_stack(
        [base[:, BASE_NAMES.index(name)] for name in _CONTEXT_COLUMNS[:-1]] + [prose.astype(np.float64)]
    )
    columns = [_shift(context_values, -1), _shift(context_values, 1)]
    columns += [_window_means(context_values, width) for width in _WINDOWS]
    prose_chars = np.where(prose, chars, 0.0)
    total_prose = max(prose_chars.sum(), 1.0)
    prose_before = (np.cumsum(prose_chars) - prose_chars) / total_prose
    prose_after = 1.0 - prose_before - prose_chars / total_prose
    since = _lines_since(prose)
    until = _lines_since(prose[::-1])[::-1]
    # The headline repeated on the page (after its <title> line) is where the article begins.
    headline_like = np.flatnonzero(
        (base[1:, BASE_NAMES.index("line_share_of_title")] >= 0.6) & (token_counts[1:] <= 40)
    )
    headline = int(headline_like[0]) + 1 if len(headline_like) else 0
    from_headline = np.arange(count) - headline
    run = _run_lengths(prose | (_window_means(prose[:, None].astype(float), 5)[:, 0] > 0.3), prose_chars)
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
        ]
    )
    return np.concatenate([base, context], axis=1).astype(np.float32)


def sequence_features(features: np.ndarray, probabilities: np.ndarray) -> np.ndarray:
    """SECOND_STAGE_NAMES: the line features plus first-stage probabilities seen along the page."""
    count = len(probabilities)
    if count == 0:
        return np.zeros((0, len(SECOND_STAGE_NAMES)), dtype=np.float32)
    chars = np.expm1(features[:, 0].astype(np.float64))
    column = probabilities.astype(np.float64)[:, None]
    windows = [_window_means(column, width)[:, 0] for width in _SEQUENCE_WINDOWS]
    padded = np.concatenate([np.zeros(_NEIGHBOUR_SPAN), probabilities, np.zeros(_NEIGHBOUR_SPAN)])
    stacked_before = np.column_stack([padded[offset : offset + count] for offset in range(_NEIGHBOUR_SPAN)])
    after_start = _NEIGHBOUR_SPAN + 1
    stacked_after = np.column_stack(
        [padded[after_start + offset : after_start + offset + count] for offset in range(_NEIGHBOUR_SPAN)]
    )
    weighted = probabilities * chars
    total = max(weighted.sum(), 1.0)
    before = (np.cumsum(weighted) - weighted) / total
    after = 1.0 - before - weighted / total
    # The best run: the stretch of lines whose summed (probability - 1/2) weighted by length is largest.
    gains = (probabilities - 0.5) * np.log1p(chars)
    cumulative = np.concatenate([[0.0], np.cumsum(gains)])
    lowest_before = np.minimum.accumulate(cumulative)
    end = int(np.argmax(cumulative[1:] - lowest_before[:-1]))
    start = int(np.argmin(cumulative[: end + 1]))
    positions = np.arange(count)
    in_run = (positions >= start) & (positions <= end)
    distance = np.where(positions < start, start - positions, np.where(positions > end, positions - end, 0))
    run_share = weighted[start : end + 1].sum() / total
    # What lies between a line and the run: menus, widgets, comment headers (a name and a time).
    short = features[:, FEATURE_NAMES.index("log_tokens")] < math.log1p(8)
    log_tokens = features[:, FEATURE_NAMES.index("log_tokens")]
    dated = (log_tokens < math.log1p(15)) & (features[:, FEATURE_NAMES.index("date_like")] > 0)
    widget = features[:, FEATURE_NAMES.index("widget_share")] >= 0.3
    between = [np.log1p(_count_between(flags, start, end)) for flags in (short, dated, widget)]
    sequence = np.column_stack(
        [
            probabilities,
            *windows,
            _shift(column, -1)[:, 0],
            _shift(column, 1)[:, 0],
            stacked_before.max(axis=1),
            stacked_after.max(axis=1),
            before,
            after,
            in_run,
            np.log1p(distance),
            np.full(count, run_share),
            positions > end,
            *between,
        ]
    )
    return np.concatenate([features, sequence.astype(np.float32)], axis=1)
