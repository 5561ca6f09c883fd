"""What a pair of articles shares, as numbers a story model can weigh: text, terms, names, figures, dates."""

from __future__ import annotations

import math
from collections.abc import Set as AbstractSet
from datetime import date

import numpy as np

from newstrace.align.alignment import AlignedText, PreparedText
from newstrace.candidates.catchline import catchline_key
from newstrace.clean.dates import fewest_days_apart
from newstrace.model import Article
from newstrace.sentences import default_lexicon
from newstrace.sentences.terms import term_counts

# Each feature, and how P(same story) may move as it grows: 1 never down, -1 never up, 0 either way
# (monotone constraints keep the learned model from fitting noise against common sense).
FEATURE_TRENDS = {
    "document_similarity": 1,
    "coverage_high": 1,
    "coverage_low": 1,
    "edited_high": 1,
    "order_of_better": 0,
    "best_sentence_mean": 1,
    "lede_match": 1,
    "heavy_term_overlap": 1,
    "shared_numbers": 1,
    "number_overlap": 1,
    "shared_names": 1,
    "name_overlap": 1,
    "length_ratio": 0,
    "shorter_log_words": 0,
    "day_gap": -1,
    "same_catchline": 1,
    "headline_terms_found": 1,
}
FEATURE_NAMES = tuple(FEATURE_TRENDS)
# How many of each text's heaviest terms the overlap feature compares.
HEAVY_TERMS = 20
# The opening sentences of a news report carry its event: who, what, where, when.
LEDE_SENTENCES = 2


def pair_features(
    first: Article,
    first_text: PreparedText,
    second: Article,
    second_text: PreparedText,
    second_from_first: AlignedText,
    first_from_second: AlignedText,
    similarity: np.ndarray,
) -> np.ndarray:
    """The features of FEATURE_NAMES for two articles; `similarity` has the second's sentences as rows."""
    better, other = (
        (second_from_first, first_from_second)
        if second_from_first.copy_coverage >= first_from_second.copy_coverage
        else (first_from_second, second_from_first)
    )
    first_numbers, second_numbers = first_text.number_terms.keys(), second_text.number_terms.keys()
    first_words, second_words = first_text.word_count, second_text.word_count
    day_gap = days_apart(first, second)
    first_catchline = catchline_key(first)
    return np.array(
        [
            better.document_similarity,
            better.copy_coverage,
            other.copy_coverage,
            max(better.edited_share, other.edited_share),
            better.order,
            _best_sentence_mean(similarity),
            _lede_match(similarity),
            _heavy_term_overlap(first_text.document_terms, second_text.document_terms),
            len(first_numbers & second_numbers),
            _overlap(first_numbers, second_numbers),
            len(first_text.names & second_text.names),
            _overlap(first_text.names, second_text.names),
            min(first_words, second_words) / max(first_words, second_words, 1),
            math.log1p(min(first_words, second_words)),
            math.nan if day_gap is None else float(day_gap),
            float(bool(first_catchline) and first_catchline == catchline_key(second)),
            _headline_terms_found(first, first_text, second, second_text),
        ],
        dtype=np.float64,
    )


def lead_similarity(first: PreparedText, second: PreparedText) -> float | None:
    """Cosine of the two openings' embeddings, or None unless both were embedded (an empty text's
    embedding is the model's of no words, as alike any other's as that says nothing)."""
    if first.lead_vector is None or second.lead_vector is None or not first.sentences or not second.sentences:
        return None
    return float(np.dot(first.lead_vector, second.lead_vector))


def _best_sentence_mean(similarity: np.ndarray) -> float:
    """Mean over both texts' sentences of each one's best match in the other (a soft alignment)."""
    if similarity.size == 0:
        return 0.0
    return float((similarity.max(axis=1).mean() + similarity.max(axis=0).mean()) / 2)


def _lede_match(similarity: np.ndarray) -> float:
    """How well the opening sentences of each text are matched anywhere in the other."""
    if similarity.size == 0:
        return 0.0
    rows = similarity[:LEDE_SENTENCES].max(axis=1).max()
    columns = similarity[:, :LEDE_SENTENCES].max(axis=0).max()
    return float(max(rows, columns))


def _heavy_term_overlap(first: dict[str, float], second: dict[str, float]) -> float:
    """Weighted share of the shorter text's heaviest terms that the other text uses too."""
    smaller, larger = (first, second) if len(first) <= len(second) else (second, first)
    heaviest = sorted(smaller.items(), key=lambda item: -item[1])[:HEAVY_TERMS]
    total = sum(weight for _, weight in heaviest)
    if not total:
        return 0.0
    return sum(weight for term, weight in heaviest if term in larger) / total


def _headline_terms_found(
    first: Article, first_text: PreparedText, second: Article, second_text: PreparedText
) -> float:
    """Of a headline's content terms (by weight), the share the other article has in its headline or
    text: the lower of the two ways where both have a headline, NaN where neither has. A headline
    names its event; a report of another event on the same beat shares the beat's words, not those."""
    shares = [
        share
        for headline, other_headline, other_text, language in (
            (first.title, second.title, second_text, first_text.language),
            (second.title, first.title, first_text, second_text.language),
        )
        if (share := _found_share(headline, other_headline, other_text, language)) is not None
    ]
    return min(shares) if shares else math.nan


def _found_share(
    headline: str | None, other_headline: str | None, other_text: PreparedText, language: str
) -> float | None:
    """The weighted share of a headline's terms in the other article (its language's weights)."""
    if not headline:
        return None
    lexicon = default_lexicon(language)
    _, weights = term_counts(headline, lexicon)
    total = sum(weights.values())
    if not total:
        return None
    other_headline_terms = term_counts(other_headline, lexicon)[0] if other_headline else {}
    return (
        sum(
            weight
            for term, weight in weights.items()
            if term in other_text.document_terms or term in other_headline_terms
        )
        / total
    )


def _overlap(first: AbstractSet[str], second: AbstractSet[str]) -> float:
    """Shared items over the smaller set (a short copy keeps few of the source's names)."""
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def days_apart(first: Article, second: Article) -> int | None:
    """Days between two articles' dates; a wire dateline's day without its year ("BERN, Nov 5
    (Reuters)") counts as the nearest such day, so two reports months apart stay apart."""
    first_day, second_day = _day_of(first), _day_of(second)
    if first_day is None or second_day is None:
        return None
    return fewest_days_apart(first_day, second_day)


def _day_of(article: Article) -> date | str | None:
    return parse_date(article.date) or article.metadata.get("dateline_day")


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
