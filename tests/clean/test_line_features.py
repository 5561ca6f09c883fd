"""Line features of a batch of pages: the same as page by page, and never across a page's edges."""

from __future__ import annotations

import re

import numpy as np

from newstrace.clean.line_features import (
    _STOP_WORD,
    _WIDGET_WORD,
    FEATURE_NAMES,
    SEQUENCE_NAMES,
    Pages,
    _best_runs,
    _hashes_of,
    _kinds_of,
    batch_line_features,
    line_features,
    sequence_features,
)
from tests.clean.test_text import CONTENT_FARM_PAGE, SYNDICATED_PAGE, WIRE_PAGE

PAGES = [
    [line for line in page.splitlines() if line.strip()] for page in (WIRE_PAGE, SYNDICATED_PAGE, CONTENT_FARM_PAGE)
]
TITLES = [None, "Harbour Authority Approves New Ferry Terminal After Long Dispute", None]


def test_a_batch_of_pages_gets_the_features_each_page_gets_alone() -> None:
    batch, pages = batch_line_features([*PAGES, []], [*TITLES, None])
    alone = np.vstack([line_features(texts, title) for texts, title in zip(PAGES, TITLES, strict=True)])
    assert batch.shape == (sum(map(len, PAGES)), len(FEATURE_NAMES))
    np.testing.assert_allclose(batch, alone, rtol=1e-6, atol=1e-6)
    assert list(pages.starts) == [0, *np.cumsum([len(texts) for texts in PAGES]).tolist(), pages.starts[-1]]


def test_sequence_features_of_a_batch_match_each_page_alone() -> None:
    batch, pages = batch_line_features(PAGES, TITLES)
    probabilities = np.linspace(0.05, 0.95, len(batch)) ** 2
    together = sequence_features(batch, probabilities, pages)
    assert together.shape[1] == batch.shape[1] + len(SEQUENCE_NAMES)
    alone = [
        sequence_features(batch[first:last], probabilities[first:last])
        for first, last in zip(pages.starts[:-1], pages.starts[1:], strict=True)
    ]
    np.testing.assert_allclose(together, np.vstack(alone), rtol=1e-6, atol=1e-6)


def test_neighbours_windows_and_positions_stop_at_a_pages_edge() -> None:
    batch, pages = batch_line_features(PAGES, TITLES)
    second_page_first_line = int(pages.starts[1])
    previous = FEATURE_NAMES.index("previous_log_tokens")
    position = FEATURE_NAMES.index("relative_position")
    since_prose = FEATURE_NAMES.index("log_lines_since_prose")
    assert batch[second_page_first_line, previous] == 0.0
    assert batch[second_page_first_line, position] == 0.0
    # No prose above the first line of a page, whatever the page before it ends with.
    first_alone = line_features(PAGES[1], TITLES[1])
    assert batch[second_page_first_line, since_prose] == first_alone[0, since_prose]


def test_page_edges_of_empty_and_single_line_pages() -> None:
    pages = Pages.of_counts([0, 1, 3, 0])
    assert pages.count == 4
    assert pages.page_of_line.tolist() == [1, 2, 2, 2]
    assert pages.line_start.tolist() == [0, 1, 1, 1]
    assert pages.line_end.tolist() == [1, 4, 4, 4]


def test_links_handles_times_and_years_are_marked_on_their_own_lines() -> None:
    lines = [
        "Follow @harbourdesk for updates",
        "#ferries #weather",
        "Write to the desk at news@example.org",
        "More at https://example.org/ferries",
        "Updated 12:30",
        "Published in 2019",
        "Call 2:15 pm",
        "The ferry carried 19999 passengers on route a1999 last spring, the operator said.",
        "A year with no date in it, and a hash#tag glued to a word.",
        "Email: me@",
    ]
    features = line_features(lines, title="Ferry news")
    link_like = features[:, FEATURE_NAMES.index("link_like")].astype(bool).tolist()
    date_like = features[:, FEATURE_NAMES.index("date_like")].astype(bool).tolist()
    assert link_like == [True, True, True, True, False, False, False, False, False, False]
    assert date_like == [False, False, False, False, True, True, True, False, False, False]


def test_a_list_is_a_run_of_lines_of_one_shape_and_its_figures_are_counted() -> None:
    lines = [
        "News",
        "Sport",
        "Weather",
        "The regatta returns to the lake this summer with six race days, the club said on Monday.",
        "1. Saturday 7 June: Holm Bay",
        "2. Saturday 21 June: North Shore",
        "3. Saturday 5 July: Holm Bay",
        "4. Sunday 20 July: Kell Point",
        "Entries close a week before each race.",
    ]
    features = line_features(lines, title="Regatta dates")
    runs = np.exp(features[:, FEATURE_NAMES.index("log_shape_run")]).round().astype(int).tolist()
    figures = features[:, FEATURE_NAMES.index("shape_run_digit_share")].tolist()
    assert runs == [3, 3, 3, 1, 4, 4, 4, 4, 1]
    assert figures == [0, 0, 0, 0, 1, 1, 1, 1, 0]
    # Runs end at a page's edge: the same list split over two pages is two runs.
    batch, _ = batch_line_features([lines[:6], lines[6:]], ["Regatta dates", "Regatta dates"])
    split_runs = np.exp(batch[:, FEATURE_NAMES.index("log_shape_run")]).round().astype(int).tolist()
    assert split_runs == [3, 3, 3, 1, 2, 2, 2, 2, 1]


def _best_run_by_search(gains: list[float]) -> tuple[int, int]:
    """The stretch with the largest sum, by trying every one: of the best, the earliest end, then
    the earliest start."""
    sums = {(start, end): sum(gains[start : end + 1]) for end in range(len(gains)) for start in range(end + 1)}
    largest = max(sums.values())
    best = [(end, start) for (start, end), total in sums.items() if total >= largest - 1e-9]
    end, start = min(best)
    return start, end


def test_each_pages_best_run_is_its_stretch_with_the_largest_summed_gain() -> None:
    generator = np.random.default_rng(7)
    sizes = [5, 1, 0, 12, 3, 8]
    gains = generator.normal(0.0, 1.0, sum(sizes)).round(2)
    starts, ends = _best_runs(gains, Pages.of_counts(sizes))
    offset = 0
    for page, size in enumerate(sizes):
        if size:
            assert (int(starts[page]), int(ends[page])) == _best_run_by_search(gains[offset : offset + size].tolist())
        offset += size


def test_a_single_page_layout_is_the_one_of_counts_builds() -> None:
    for count in (0, 1, 7):
        single, counted = Pages.single(count), Pages.of_counts([count])
        for name in ("starts", "page_of_line", "line_start", "line_end"):
            np.testing.assert_array_equal(getattr(single, name), getattr(counted, name))


def test_word_hashes_are_equal_exactly_for_equal_lower_cased_words() -> None:
    lines = [
        "The council said the plan was THE best",
        "Öffentliche Anhörung: der Rat und DER Bürgermeister",
        "它的 计划 and them, then_the 2024 café CAFÉ",
        "",
        "— · —",
    ]
    words = _hashes_of(lines)
    expected = [word.lower() for line in lines for word in re.findall(r"\w+", line)]
    assert len(words.hashes) == len(expected)
    assert words.lines.tolist() == [number for number, line in enumerate(lines) for _ in re.findall(r"\w+", line)]
    by_hash: dict[int, set[str]] = {}
    for value, word in zip(words.hashes.tolist(), expected, strict=True):
        by_hash.setdefault(value, set()).add(word)
    assert all(len(spelled) == 1 for spelled in by_hash.values())
    assert len(by_hash) == len(set(expected))
    # The stop and widget lists are found by the same hashes, whatever the case.
    kinds = _kinds_of(_hashes_of(["THE Share der", "council"]).hashes)
    assert kinds.tolist()[:3] == [_STOP_WORD, _WIDGET_WORD, _STOP_WORD] and kinds[3] == 0
