"""Term weights: names, numbers and rare words carry a story; common words weigh nothing."""

from __future__ import annotations

import math

import pytest

from newstrace.sentences import Lexicon, default_lexicon, term_profile
from newstrace.sentences.terms import MINIMUM_WEIGHT, NUMBER_WEIGHT, document_weights, term_weights

ARTICLE = """The town council of Orrisdale voted on Monday to close the Tollgate bridge for 14 weeks after engineers found cracks in two of its iron piers.

Council leader Margery Achterberg said the bridge, built in 1887, carried about 9,600 vehicles a day and that drivers would face a detour of 23 kilometres through Wendham.

"We have no choice, the piers are rusting from the inside," Achterberg said. "I would rather close it now than pull a lorry out of the river later."

Shopkeepers on Ferry Street said the closure would cost them customers at the busiest time of the year. The council said it would pay for extra buses between Orrisdale and Wendham while the repairs go on.
"""


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return default_lexicon()


def test_names_and_rare_words_outweigh_common_words(lexicon: Lexicon) -> None:
    weights = term_weights("The mayor said the council would meet Margery Achterberg about the sluice gates.", lexicon)
    for common in ("the", "said", "would", "about"):
        assert common not in weights, common
    assert weights["achter"] > weights["counci"]
    assert weights["marger"] > weights["mayor"]
    assert weights["sluice"] > weights["meet"]


def test_numbers_count_as_heavy_terms_and_are_not_cut_to_a_prefix(lexicon: Lexicon) -> None:
    weights = term_weights("Repairs will cost 2750000 pounds in 2024 and 20240312 is the tender number.", lexicon)
    assert weights["2024"] == NUMBER_WEIGHT
    assert weights["2750000"] == NUMBER_WEIGHT
    # A number is kept whole: a six-character prefix would merge 20240312 with 20240313.
    assert "20240312" in weights
    assert "202403" not in weights
    assert NUMBER_WEIGHT > weights["pounds"] >= MINIMUM_WEIGHT


def test_inflections_meet_on_their_prefix(lexicon: Lexicon) -> None:
    first = term_weights("Achterberg declared an emergency.", lexicon)
    second = term_weights("Achterberg declares an emergency.", lexicon)
    assert first.keys() == second.keys()
    assert "declar" in first


def test_repeated_names_grow_sublinearly_in_document_weights(lexicon: Lexicon) -> None:
    sentence = "Achterberg inspected the bridge. "
    once = document_weights(sentence, lexicon)["achter"]
    twice = document_weights(sentence * 2, lexicon)["achter"]
    four = document_weights(sentence * 4, lexicon)["achter"]
    ten = document_weights(sentence * 10, lexicon)["achter"]
    assert once < twice < four < ten
    assert four < 4 * once
    assert ten < 10 * once / 2
    # Each further repeat adds less than the one before it.
    assert ten - document_weights(sentence * 9, lexicon)["achter"] < twice - once
    # Per-sentence weights, by contrast, are plain sums.
    assert math.isclose(term_weights(sentence * 4, lexicon)["achter"], 4 * term_weights(sentence, lexicon)["achter"])


def test_article_profile_puts_names_and_numbers_on_top(lexicon: Lexicon) -> None:
    profile = term_profile(ARTICLE, lexicon)
    assert set(profile.top(3)) == {"achter", "orrisd", "wendha"}
    for common in ("said", "would", "the", "have", "from"):
        assert common not in profile.weights, common
    for number in ("14", "1887", "23"):
        for everyday in ("street", "day", "year", "town"):
            assert profile.weights[number] > profile.weights[everyday], (number, everyday)
    top = profile.top(10)
    weights = [profile.weights[term] for term in top]
    assert weights == sorted(weights, reverse=True)


def test_top_breaks_ties_by_term(lexicon: Lexicon) -> None:
    profile = term_profile("Meeting at 1887 and 1654 and 9600 and 2025.", lexicon)
    assert profile.top(3) == ["1654", "1887", "2025"]


def test_without_a_word_list_short_words_drop_and_long_words_count() -> None:
    empty = Lexicon({})
    weights = term_weights("The bridge was shut for repairs and the cost was high.", empty)
    assert {"the", "was", "for", "and"}.isdisjoint(weights)
    assert {"bridge", "repair", "cost", "high"} <= set(weights)
    assert weights["bridge"] == weights["repair"]
