"""Pair features and the story scorers: what two articles share, and how likely they are one story."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from newstrace.align import prepare_text
from newstrace.align.pair_features import FEATURE_NAMES, lead_similarity
from newstrace.align.relation import compare_pair
from newstrace.align.story_model import (
    MODEL_PATH,
    RULE_BREAK,
    STORY_THRESHOLD,
    LearnedStoryScorer,
    RuleStoryScorer,
    default_story_scorer,
    ensemble_text,
    graded_similarity,
)
from newstrace.model import Article
from newstrace.sentences import default_lexicon
from tests.factories import make_article

FERRY = [
    "The ferry link between Kestrel Bay and Strathmorrow will stop for 16 weeks from May 2, the Vennick Line said.",
    "About 2,400 islanders depend on the crossing, which carries fuel, post and the school bus nine times a day.",
    "Director Ines Holloway said the 70-year-old ramp could fail at any moment.",
]
FERRY_RETOLD = [
    "Vennick Line will halt sailings between Kestrel Bay and Strathmorrow for 16 weeks starting on May 2.",
    "Some 2,400 island residents rely on the route for fuel, mail and the school bus, which sail nine times daily.",
    "Ines Holloway, the director, warned that the ramp, now 70 years old, might give way at any time.",
]
CHEESE = [
    "The Ashgrove cheese festival drew a record 18,000 visitors to the old cattle market on Saturday.",
    "More than 90 dairies from the Pellin valley set up stalls, and a Harlow Farm blue cheese won the top prize.",
]


def _features(first: Article, second: Article) -> dict[str, float]:
    lexicon = default_lexicon()
    comparison = compare_pair(
        first, prepare_text(first.paragraphs, lexicon), second, prepare_text(second.paragraphs, lexicon)
    )
    assert comparison.features.shape == (len(FEATURE_NAMES),)
    return dict(zip(FEATURE_NAMES, comparison.features.tolist(), strict=True))


def test_a_retold_story_shares_names_figures_and_its_lede() -> None:
    retold = _features(make_article("a", FERRY), make_article("b", FERRY_RETOLD))
    unrelated = _features(make_article("a", FERRY), make_article("c", CHEESE))
    assert retold["shared_numbers"] >= 3  # 16, 2, 2,400 / 70
    assert retold["number_overlap"] > 0.5
    assert {"shared_names", "name_overlap"} <= retold.keys()
    assert retold["shared_names"] >= 2  # Strathmorrow, Holloway (inside sentences)
    for name in ("document_similarity", "lede_match", "best_sentence_mean", "heavy_term_overlap", "coverage_high"):
        assert retold[name] > unrelated[name], name
    assert unrelated["shared_numbers"] == 0
    assert unrelated["shared_names"] == 0


def test_dates_and_catchlines_enter_the_features() -> None:
    undated = _features(make_article("a", FERRY), make_article("b", FERRY_RETOLD))
    assert math.isnan(undated["day_gap"])
    dated = _features(
        make_article("a", FERRY, date="2024-05-01"), make_article("b", FERRY_RETOLD, date="2024-05-04T08:00")
    )
    assert dated["day_gap"] == 3
    # A wire dateline's day without its year ("Nov 5") counts as the nearest such day to a dated article.
    yearless = _features(
        make_article("a", FERRY, date="2024-05-01"),
        make_article("b", FERRY_RETOLD, metadata={"dateline_day": "--11-05"}),
    )
    assert yearless["day_gap"] == 178  # 5 November 2023
    both_yearless = _features(
        make_article("a", FERRY, metadata={"dateline_day": "--12-30"}),
        make_article("b", FERRY_RETOLD, metadata={"dateline_day": "--01-02"}),
    )
    assert both_yearless["day_gap"] == 3
    wire = {"wire_slug": "TRANSPORT Ferry Lead", "wire_date": "01/05/24"}
    same_catchline = _features(make_article("a", FERRY, metadata=wire), make_article("b", CHEESE, metadata=wire))
    assert same_catchline["same_catchline"] == 1.0
    assert undated["same_catchline"] == 0.0


def test_a_headline_counts_the_share_of_its_terms_the_other_article_uses() -> None:
    untitled = _features(make_article("a", FERRY), make_article("b", FERRY_RETOLD))
    assert math.isnan(untitled["headline_terms_found"])
    # Every term of this headline (Strathmorrow, sailings, halt, 16, weeks) is in the retelling's text.
    own_event = _features(
        make_article("a", FERRY, title="Strathmorrow sailings to halt for 16 weeks"), make_article("b", FERRY_RETOLD)
    )
    assert own_event["headline_terms_found"] == 1.0
    other_event = _features(
        make_article("a", FERRY, title="Strathmorrow ferry to stop for 16 weeks"),
        make_article("c", CHEESE, title="Record crowds at Ashgrove cheese festival"),
    )
    assert other_event["headline_terms_found"] == 0.0
    # Both headlined: the lower of the two ways (the cheese headline's terms are not in the ferry text).
    half = _features(
        make_article("a", FERRY, title="Strathmorrow ferry to stop for 16 weeks"),
        make_article("b", FERRY_RETOLD, title="Cheese festival record as ferry stops"),
    )
    assert 0.0 < half["headline_terms_found"] < 1.0


def test_identical_texts_have_full_coverage_both_ways() -> None:
    features = _features(make_article("a", FERRY), make_article("b", FERRY))
    assert features["coverage_high"] == features["coverage_low"] == features["edited_high"] == 1.0
    assert features["length_ratio"] == 1.0


def test_the_rule_scorer_puts_its_break_point_on_the_story_threshold() -> None:
    def score(document: float, coverage: float) -> float:
        features = np.zeros(len(FEATURE_NAMES))
        features[FEATURE_NAMES.index("document_similarity")] = document
        features[FEATURE_NAMES.index("coverage_high")] = coverage
        return RuleStoryScorer.from_features(features)

    assert score(RULE_BREAK, 0.0) == pytest.approx(STORY_THRESHOLD)
    assert score(0.0, 0.0) == 0.0
    assert score(1.0, 1.0) == pytest.approx(1.0)
    values = [score(value, value) for value in np.linspace(0, 1, 21)]
    assert values == sorted(values)


@pytest.mark.skipif(not MODEL_PATH.exists(), reason="no shipped story model")
def test_the_shipped_model_ranks_a_retold_story_above_an_unrelated_one() -> None:
    scorer = default_story_scorer()
    assert isinstance(scorer, LearnedStoryScorer)
    lexicon = default_lexicon()
    ferry, retold, cheese = make_article("a", FERRY), make_article("b", FERRY_RETOLD), make_article("c", CHEESE)
    prepared = {article.id: prepare_text(article.paragraphs, lexicon) for article in (ferry, retold, cheese)}

    def score(first: Article, second: Article) -> float:
        features = compare_pair(first, prepared[first.id], second, prepared[second.id]).features
        return scorer.probability(first, second, features)

    assert score(ferry, retold) >= STORY_THRESHOLD > score(ferry, cheese)
    assert 0.0 <= score(ferry, cheese) <= 1.0


def test_a_model_trained_on_other_features_is_refused(tmp_path: Path) -> None:
    lightgbm = pytest.importorskip("lightgbm")
    data = lightgbm.Dataset(np.random.default_rng(1).random((50, 2)), np.arange(50) % 2, feature_name=["a", "b"])
    booster = lightgbm.train({"objective": "binary", "verbose": -1, "num_threads": 1}, data, num_boost_round=2)
    with pytest.raises(ValueError, match="other features"):
        LearnedStoryScorer(booster.model_to_string())


def _boosters_on_story_features(seeds: tuple[int, ...]) -> list[str]:
    lightgbm = pytest.importorskip("lightgbm")
    rng = np.random.default_rng(3)
    features = rng.random((400, len(FEATURE_NAMES)))
    labels = (features[:, 0] + 0.3 * rng.random(400) > 0.6).astype(int)
    parameters = {"objective": "binary", "verbose": -1, "num_threads": 1, "bagging_fraction": 0.7, "bagging_freq": 1}
    return [
        lightgbm.train(
            {**parameters, "seed": seed}, lightgbm.Dataset(features, labels, feature_name=list(FEATURE_NAMES)), 20
        ).model_to_string()
        for seed in seeds
    ]


def test_an_ensemble_of_story_models_averages_their_probabilities() -> None:
    texts = _boosters_on_story_features((1, 2, 3))
    features = np.random.default_rng(4).random((5, len(FEATURE_NAMES)))
    alone = [LearnedStoryScorer(text).probabilities([], features) for text in texts]
    # Models of other seeds differ, so the mean is no single model's.
    assert not np.allclose(alone[0], alone[1])
    ensemble = LearnedStoryScorer(ensemble_text(texts))
    assert np.allclose(ensemble.probabilities([], features), np.mean(alone, axis=0))
    first, second = make_article("a", ["One line."]), make_article("b", ["Another line."])
    assert ensemble.probability(first, second, features[0]) == pytest.approx(np.mean([p[0] for p in alone]))


def test_an_ensemble_holding_a_model_of_other_features_is_refused() -> None:
    lightgbm = pytest.importorskip("lightgbm")
    data = lightgbm.Dataset(np.random.default_rng(1).random((50, 2)), np.arange(50) % 2, feature_name=["a", "b"])
    other = lightgbm.train({"objective": "binary", "verbose": -1, "num_threads": 1}, data, num_boost_round=2)
    with pytest.raises(ValueError, match="other features"):
        LearnedStoryScorer(ensemble_text([*_boosters_on_story_features((1,)), other.model_to_string()]))


def test_a_relation_stored_before_the_story_model_reads_its_similarity_as_the_probability() -> None:
    from newstrace.model import Relation

    old_record = {"source": "a", "copy": "b", "kind": "same_event", "confidence": 0.7, "similarity": 0.66}
    relation = Relation.from_dict(old_record)
    assert relation.story_probability == 0.66
    assert Relation.from_dict(relation.to_dict()) == relation
    new = Relation("a", "b", "same_event", 0.7, 0.4, story_probability=0.9)
    assert Relation.from_dict(new.to_dict()).story_probability == 0.9


def test_the_lead_similarity_needs_both_openings_embedded() -> None:
    lexicon = default_lexicon()
    ferry, retold = make_article("a", FERRY), make_article("b", FERRY_RETOLD)
    first, second = prepare_text(ferry.paragraphs, lexicon), prepare_text(retold.paragraphs, lexicon)
    assert lead_similarity(first, second) is None
    first_vector = np.array([0.6, 0.8], dtype=np.float32)
    second_vector = np.array([1.0, 0.0], dtype=np.float32)
    both = lead_similarity(replace(first, lead_vector=first_vector), replace(second, lead_vector=second_vector))
    assert both == pytest.approx(0.6)
    # One side without a vector (an article stored before the encoder was installed): none.
    assert lead_similarity(replace(first, lead_vector=first_vector), second) is None


def test_the_graded_similarity_averages_shared_text_with_the_openings_likeness() -> None:
    features = np.zeros(len(FEATURE_NAMES))
    features[FEATURE_NAMES.index("document_similarity")] = 0.6
    lexical = RuleStoryScorer.from_features(features)
    assert graded_similarity(lexical) == lexical
    assert graded_similarity(lexical, 0.9) == pytest.approx((lexical + 0.9) / 2)
    # Openings pointing apart add nothing rather than subtracting.
    assert graded_similarity(lexical, -0.2) == pytest.approx(lexical / 2)
