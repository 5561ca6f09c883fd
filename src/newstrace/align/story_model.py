"""Story scorers: how likely two articles tell one story, from their pair features (rules or learned)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from newstrace.align.pair_features import FEATURE_NAMES, LEXICAL_FEATURE_NAMES
from newstrace.model import Article

MODEL_PATH = Path(__file__).resolve().parent / "models" / "story_model.txt"
# The same model trained with the embedding feature too: used for pairs whose openings were embedded.
LEAD_MODEL_PATH = MODEL_PATH.with_name("story_model_lead.txt")
# Every scorer speaks one scale: at or above this, two articles are more likely one story than not.
STORY_THRESHOLD = 0.5
# The hand rule's own break point (measured on METER and PolitiFact), mapped onto STORY_THRESHOLD.
RULE_BREAK = 0.25
_DOCUMENT = FEATURE_NAMES.index("document_similarity")
_COVERAGE = FEATURE_NAMES.index("coverage_high")
_LEAD = FEATURE_NAMES.index("lead_similarity")


class StoryScorer(Protocol):
    """How likely two articles tell one story, 0 to 1, from the articles and their pair features."""

    def probability(self, first: Article, second: Article, features: np.ndarray) -> float: ...


@dataclass(frozen=True, slots=True)
class RuleStoryScorer:
    """Shared sentences, else shared rare terms: the rule used when no learned model is at hand."""

    def probability(self, first: Article, second: Article, features: np.ndarray) -> float:
        return self.from_features(features)

    @staticmethod
    def from_features(features: np.ndarray) -> float:
        """The graded story similarity of the features: shared sentences, else shared rare terms."""
        document = float(features[_DOCUMENT])
        rule = max(document, 0.5 * float(features[_COVERAGE]) + 0.5 * document)
        # Linear below the break point and above it, so the break lands on STORY_THRESHOLD.
        if rule <= RULE_BREAK:
            return rule / RULE_BREAK * STORY_THRESHOLD
        return STORY_THRESHOLD + (rule - RULE_BREAK) / (1 - RULE_BREAK) * (1 - STORY_THRESHOLD)


def graded_similarity(features: np.ndarray) -> float:
    """How alike two articles' stories are, 0 to 1, graded rather than a verdict: the rule's lexical
    score, averaged with the embedding cosine of their openings when both were embedded (SemEval-2022
    English pairs, Pearson with the human rating: lexical 0.830, embedding 0.859, the two 0.870)."""
    lexical = RuleStoryScorer.from_features(features)
    lead = float(features[_LEAD])
    return lexical if math.isnan(lead) else (lexical + max(0.0, lead)) / 2


class LearnedStoryScorer:
    """LightGBM models of P(same story | pair features), trained by scripts/train_story_model.py: one on
    the lexical features, and optionally one that also weighs the openings' embedding similarity."""

    def __init__(self, model_text: str, lead_model_text: str | None = None) -> None:
        import lightgbm

        self.booster = lightgbm.Booster(model_str=model_text)
        if tuple(self.booster.feature_name()) != LEXICAL_FEATURE_NAMES:
            raise ValueError("the story model was trained on other features")
        self.lead_booster = lightgbm.Booster(model_str=lead_model_text) if lead_model_text else None
        if self.lead_booster is not None and tuple(self.lead_booster.feature_name()) != FEATURE_NAMES:
            raise ValueError("the story model with embeddings was trained on other features")

    def probability(self, first: Article, second: Article, features: np.ndarray) -> float:
        return float(self.probabilities(features.reshape(1, -1))[0])

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """Scores of many pairs (rows) at once; pairs without the embedding feature get the lexical model."""
        scores = np.zeros(len(features))
        embedded = ~np.isnan(features[:, _LEAD]) if self.lead_booster is not None else np.zeros(len(features), bool)
        if embedded.any():
            scores[embedded] = self.lead_booster.predict(features[embedded], num_threads=1)  # type: ignore[union-attr]
        if (~embedded).any():
            scores[~embedded] = self.booster.predict(features[~embedded, :_LEAD], num_threads=1)
        return scores


@lru_cache(maxsize=1)
def default_story_scorer() -> StoryScorer:
    """The learned model shipped with the package, or the rule when its file (or lightgbm) is missing."""
    try:
        lexical = MODEL_PATH.read_text(encoding="utf-8")
    except OSError:
        return RuleStoryScorer()
    try:
        with_lead: str | None = LEAD_MODEL_PATH.read_text(encoding="utf-8")
    except OSError:
        with_lead = None
    try:
        return LearnedStoryScorer(lexical, with_lead)
    except (ImportError, ValueError):
        return RuleStoryScorer()
