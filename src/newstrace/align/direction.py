"""Which of two related articles is the source: features of the pair, one way round, for a model.

Every feature is a difference "first minus second" (or its sign), so swapping the two articles
negates it; the model is asked both ways and the answers averaged, so its verdict cannot depend on
the order the pair was given in.
"""

from __future__ import annotations

import math
from collections.abc import Set as AbstractSet
from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from newstrace.align.alignment import AlignedText, PreparedText
from newstrace.align.pair_features import parse_date
from newstrace.align.style import TextStyle
from newstrace.model import Article, has_agency_marks

MODEL_PATH = Path(__file__).resolve().parent / "models" / "direction_model.txt"
DIRECTION_FEATURE_NAMES = (
    "agency_marks",
    "date_order",
    "completeness",
    "number_containment",
    "name_containment",
    "log_words",
    "term_rarity",
    "number_share",
    "quotes_per_100_words",
    "exclamations_per_sentence",
    "words_per_sentence",
    "names_per_100_words",
    "distinct_word_share",
    "capitalised_share",
    "unique_term_rarity",
    # Machine paraphrase against reporting or speech: PolitiFact original-vs-rewrite pairs right out
    # of fold 94.9% -> 97.9%, original named origin 83.1% -> 89.4% (with build.source_strengths).
    "sentence_length_spread",
    "quoted_word_share",
    "connective_share",
    "first_person_share",
    "contraction_share",
    "word_length",
    "unfinished_sentence_share",
    "windowed_distinct_share",
    "punctuation_per_sentence",
)
# The features that compare the two texts' styles.
_STYLE_NAMES = tuple(field.name for field in fields(TextStyle) if field.name in DIRECTION_FEATURE_NAMES)


def direction_features(
    first: Article,
    first_text: PreparedText,
    second: Article,
    second_text: PreparedText,
    second_from_first: AlignedText,
    first_from_second: AlignedText,
) -> np.ndarray:
    """Features of DIRECTION_FEATURE_NAMES for `first` being the source of `second`."""
    first_date, second_date = parse_date(first.date), parse_date(second.date)
    date_order = math.nan
    if first_date is not None and second_date is not None:
        date_order = float(np.sign((second_date - first_date).days))
    first_numbers, second_numbers = first_text.number_terms.keys(), second_text.number_terms.keys()
    first_style, second_style = first_text.style, second_text.style
    values = {name: getattr(first_style, name) - getattr(second_style, name) for name in _STYLE_NAMES}
    values |= {
        "agency_marks": float(has_agency_marks(first)) - float(has_agency_marks(second)),
        "date_order": date_order,
        "completeness": second_from_first.copy_coverage - first_from_second.copy_coverage,
        "number_containment": _contained(second_numbers, first_numbers) - _contained(first_numbers, second_numbers),
        "name_containment": _contained(second_text.names, first_text.names)
        - _contained(first_text.names, second_text.names),
        # What a copy drops are its source's specifics (rare words, names, figures); what it adds
        # are common words of its own phrasing: the source's own terms are the rarer.
        "unique_term_rarity": _unique_rarity(first_text, second_text) - _unique_rarity(second_text, first_text),
    }
    return np.array([values[name] for name in DIRECTION_FEATURE_NAMES], dtype=np.float64)


# Pseudo-terms of average weight added to a text's own terms: a few changed words say little.
_RARITY_PRIOR_TERMS = 5


def _unique_rarity(text: PreparedText, other: PreparedText) -> float:
    """How much rarer than the text's average its terms missing from `other` are (shrunk to 0 when few)."""
    weights = text.document_terms
    if not weights:
        return 0.0
    average = text.mean_term_weight
    own = [weight - average for term, weight in weights.items() if term not in other.document_terms]
    return sum(own) / (len(own) + _RARITY_PRIOR_TERMS)


def _contained(inner: AbstractSet[str], outer: AbstractSet[str]) -> float:
    """Share of `inner` found in `outer` (1 when `inner` is empty: nothing of it is missing)."""
    return len(inner & outer) / len(inner) if inner else 1.0


class DirectionScorer(Protocol):
    """P(first is the source of second), from the articles and their direction features."""

    def source_probability(self, first: Article, second: Article, features: np.ndarray) -> float: ...


class DirectionModel:
    """A LightGBM model of P(first is the source | direction features), trained by scripts/train_story_model.py."""

    def __init__(self, model_text: str) -> None:
        import lightgbm

        self.booster = lightgbm.Booster(model_str=model_text)
        if tuple(self.booster.feature_name()) != DIRECTION_FEATURE_NAMES:
            raise ValueError("the direction model was trained on other features")

    def source_probability(self, first: Article, second: Article, features: np.ndarray) -> float:
        """P(first is the source), asked both ways round so the order of the pair does not matter."""
        both = self.booster.predict(np.vstack([features, -features]), num_threads=1)
        return float((both[0] + 1.0 - both[1]) / 2)


@lru_cache(maxsize=1)
def default_direction_model() -> DirectionModel | None:
    """The model shipped with the package, or None (the rules decide alone) without it or lightgbm."""
    try:
        return DirectionModel(MODEL_PATH.read_text(encoding="utf-8"))
    except (OSError, ImportError, ValueError):
        return None
