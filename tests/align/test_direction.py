"""Which of two related articles came first: direction features, the model, and what overrules it."""

from __future__ import annotations

import numpy as np
import pytest

from newstrace.align import prepare_text, relate
from newstrace.align.direction import (
    DIRECTION_FEATURE_NAMES,
    MODEL_PATH,
    DirectionModel,
    default_direction_model,
    direction_features,
)
from newstrace.align.relation import RelationModels, compare_pair
from newstrace.model import Article, Relation
from newstrace.sentences import default_lexicon
from tests.factories import make_article

ORIGINAL = [
    "The Tarrow county council voted 7-2 on Monday to close the Millbeck library branch on June 30, citing a "
    "budget gap of 410,000 dollars.",
    "“We looked at every other option,” said council chair Edith Varga. “None of them added up.”",
    "The branch lends about 38,000 books a year and hosts a weekly reading club for 60 children, according to "
    "librarian Tomas Reyes.",
]
# An invented content-farm rewrite: figures dropped, quotations gone, excitement added.
REWRITE = [
    "Shocking news for book lovers! The council has decided to shut down a beloved local library, and people "
    "are absolutely furious about it!",
    "Officials claim there is simply no money left, but is that really the whole story?",
    "Families who relied on the library for years are now left wondering where their children will go!",
]


def _features(first: Article, second: Article) -> np.ndarray:
    lexicon = default_lexicon()
    first_text, second_text = prepare_text(first.paragraphs, lexicon), prepare_text(second.paragraphs, lexicon)
    comparison = compare_pair(first, first_text, second, second_text)
    return direction_features(
        first, first_text, second, second_text, comparison.second_from_first, comparison.first_from_second
    )


def test_swapping_the_pair_negates_every_feature() -> None:
    original, rewrite = make_article("a", ORIGINAL, date="2024-05-01"), make_article("b", REWRITE, date="2024-05-02")
    forward, backward = _features(original, rewrite), _features(rewrite, original)
    assert forward.shape == (len(DIRECTION_FEATURE_NAMES),)
    np.testing.assert_allclose(forward, -backward, atol=1e-12)
    named = dict(zip(DIRECTION_FEATURE_NAMES, forward.tolist(), strict=True))
    assert named["date_order"] == 1.0  # the first is dated earlier
    assert named["number_containment"] > 0  # the rewrite keeps none of the original's figures
    assert named["quotes_per_100_words"] > 0
    assert named["exclamations_per_sentence"] < 0


class _Always:
    """A direction scorer that always names the first article, to see what overrules a model."""

    def source_probability(self, first: Article, second: Article, features: np.ndarray) -> float:
        return 0.99


class _SameStory:
    """A story scorer that judges every pair one story, so that its direction is weighed."""

    def probability(self, first: Article, second: Article, features: np.ndarray) -> float:
        return 0.9

    def probabilities(self, pairs: list[tuple[Article, Article]], features: np.ndarray) -> np.ndarray:
        return np.full(len(pairs), 0.9)


def _relate(first: Article, second: Article, models: RelationModels) -> Relation:
    lexicon = default_lexicon()
    return relate(
        first, prepare_text(first.paragraphs, lexicon), second, prepare_text(second.paragraphs, lexicon), models
    )


def test_the_model_decides_only_where_agency_marks_and_dates_are_silent() -> None:
    models = RelationModels(_SameStory(), _Always())
    silent = _relate(make_article("copy", REWRITE), make_article("original", ORIGINAL), models)
    assert (silent.source, silent.direction) == ("copy", "known")
    assert silent.direction_confidence == pytest.approx(0.99)
    assert any("direction model" in reason for reason in silent.evidence)
    credited = _relate(make_article("copy", REWRITE), make_article("original", ORIGINAL, credit="AP"), models)
    assert (credited.source, credited.direction) == ("original", "known")
    assert not any("direction model" in reason for reason in credited.evidence)
    # Agency mark against date: contradictory hard evidence leaves the direction open, model or not.
    torn = _relate(
        make_article("copy", REWRITE, date="2024-05-01"),
        make_article("original", ORIGINAL, credit="AP", date="2024-05-02"),
        models,
    )
    assert torn.direction == "unknown"
    assert torn.direction_confidence == 0.5


class _OtherStory:
    """A story scorer that judges every pair two stories."""

    def probability(self, first: Article, second: Article, features: np.ndarray) -> float:
        return 0.1

    def probabilities(self, pairs: list[tuple[Article, Article]], features: np.ndarray) -> np.ndarray:
        return np.full(len(pairs), 0.1)


def test_unrelated_articles_get_no_direction_whatever_the_model_and_the_marks_say() -> None:
    # An agency mark and a direction model sure of the first: neither weighs for two stories.
    relation = _relate(
        make_article("b-wire", ORIGINAL, credit="AP", date="2024-05-01"),
        make_article("a-other", REWRITE, date="2024-05-03"),
        RelationModels(_OtherStory(), _Always()),
    )
    assert relation.kind == "unrelated"
    assert (relation.source, relation.copy, relation.direction) == ("a-other", "b-wire", "unknown")
    assert relation.direction_confidence == 0.5
    assert relation.evidence == []
    assert relation.story_probability == pytest.approx(0.1)


def test_without_a_model_the_soft_rules_decide() -> None:
    relation = _relate(make_article("copy", REWRITE), make_article("original", ORIGINAL), RelationModels(_SameStory()))
    # Figures and quotations kept point to the original (one point each).
    assert (relation.source, relation.direction) == ("original", "known")
    assert not any("direction model" in reason for reason in relation.evidence)


@pytest.mark.skipif(not MODEL_PATH.exists(), reason="no shipped direction model")
def test_the_shipped_model_names_the_original_of_a_content_farm_rewrite() -> None:
    model = default_direction_model()
    assert isinstance(model, DirectionModel)
    original, rewrite = make_article("z-original", ORIGINAL), make_article("a-rewrite", REWRITE)
    forward = model.source_probability(original, rewrite, _features(original, rewrite))
    backward = model.source_probability(rewrite, original, _features(rewrite, original))
    assert forward > 0.65
    assert forward + backward == pytest.approx(1.0)
