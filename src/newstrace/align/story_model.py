"""Story scorers: how likely two articles tell one story, from their pair features (rules or learned)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from newstrace.align.pair_features import FEATURE_NAMES
from newstrace.model import Article

MODEL_PATH = Path(__file__).resolve().parent / "models" / "story_model.txt"
# Every scorer speaks one scale: at or above this, two articles are more likely one story than not.
STORY_THRESHOLD = 0.5
# The hand rule's own break point (measured on METER and PolitiFact), mapped onto STORY_THRESHOLD.
RULE_BREAK = 0.25
_DOCUMENT = FEATURE_NAMES.index("document_similarity")
_COVERAGE = FEATURE_NAMES.index("coverage_high")


class StoryScorer(Protocol):
    """How likely two articles tell one story, 0 to 1, from the articles and their pair features."""

    def probability(self, first: Article, second: Article, features: np.ndarray) -> float: ...

    def probabilities(self, pairs: Sequence[tuple[Article, Article]], features: np.ndarray) -> np.ndarray:
        """The probability of many pairs (features one row a pair) at once."""
        ...


@dataclass(frozen=True, slots=True)
class RuleStoryScorer:
    """Shared sentences, else shared rare terms: the rule used when no learned model is at hand."""

    def probability(self, first: Article, second: Article, features: np.ndarray) -> float:
        return self.from_features(features)

    def probabilities(self, pairs: Sequence[tuple[Article, Article]], features: np.ndarray) -> np.ndarray:
        return np.array([self.from_features(row) for row in features], dtype=np.float64)

    @staticmethod
    def from_features(features: np.ndarray) -> float:
        """The graded story similarity of the features: shared sentences, else shared rare terms."""
        document = float(features[_DOCUMENT])
        rule = max(document, 0.5 * float(features[_COVERAGE]) + 0.5 * document)
        # Linear below the break point and above it, so the break lands on STORY_THRESHOLD.
        if rule <= RULE_BREAK:
            return rule / RULE_BREAK * STORY_THRESHOLD
        return STORY_THRESHOLD + (rule - RULE_BREAK) / (1 - RULE_BREAK) * (1 - STORY_THRESHOLD)


def graded_similarity(lexical: float, lead_similarity: float | None = None) -> float:
    """How alike two articles' stories are, 0 to 1, graded rather than a verdict: the rule's lexical
    score (RuleStoryScorer.from_features), averaged with the embedding cosine of their openings when
    both were embedded (SemEval-2022 English pairs, Pearson with the human rating: lexical 0.808,
    embedding alone 0.861, the two 0.864)."""
    return lexical if lead_similarity is None else (lexical + max(0.0, lead_similarity)) / 2


# The boosters of an ensemble are stored one after the other, split by this line.
ENSEMBLE_SEPARATOR = "\n=== next model of the ensemble ===\n"


class LearnedStoryScorer:
    """LightGBM models of P(same story | pair features), trained by scripts/train_story_model.py: one,
    or an ensemble (models of several seeds, their probabilities averaged)."""

    def __init__(self, model_text: str) -> None:
        import lightgbm

        self.boosters = [lightgbm.Booster(model_str=text) for text in model_text.split(ENSEMBLE_SEPARATOR)]
        if any(tuple(booster.feature_name()) != FEATURE_NAMES for booster in self.boosters):
            raise ValueError("the story model was trained on other features")

    def probability(self, first: Article, second: Article, features: np.ndarray) -> float:
        return float(self.probabilities([(first, second)], features.reshape(1, -1))[0])

    def probabilities(self, pairs: Sequence[tuple[Article, Article]], features: np.ndarray) -> np.ndarray:
        # One call for many pairs: LightGBM costs ~0.2 ms a call whatever its rows.
        if len(features) == 0:
            return np.zeros(0)
        return np.mean([booster.predict(features, num_threads=1) for booster in self.boosters], axis=0)


def ensemble_text(model_texts: Sequence[str]) -> str:
    """The text of an ensemble of story models, as LearnedStoryScorer reads it."""
    return ENSEMBLE_SEPARATOR.join(model_texts)


@lru_cache(maxsize=1)
def default_story_scorer() -> StoryScorer:
    """The learned model shipped with the package, or the rule when its file (or lightgbm) is missing."""
    try:
        return LearnedStoryScorer(MODEL_PATH.read_text(encoding="utf-8"))
    except (OSError, ImportError, ValueError):
        return RuleStoryScorer()
