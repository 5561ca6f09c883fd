"""The line classifier: load the shipped two-stage model and score every line of a page at once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from newstrace.clean.line_features import batch_line_features, sequence_features

MODEL_PATH = Path(__file__).resolve().parent / "models" / "line_model.txt"
# The two stages are stored one after the other, split by this line.
_STAGE_SEPARATOR = "\n=== second stage ===\n"
# LightGBM stops adding trees for a line once its raw score is this far from 0 (checked every
# PREDICTION_CHECK_EVERY trees): most lines are plainly body or plainly not, and the two boosters
# took a quarter of the cleaning time. Measured by grouped cross-validation, see the model card.
PREDICTION_MARGIN = 6.0
PREDICTION_CHECK_EVERY = 10
_PREDICTION_OPTIONS = {
    "pred_early_stop": True,
    "pred_early_stop_freq": PREDICTION_CHECK_EVERY,
    "pred_early_stop_margin": PREDICTION_MARGIN,
}


class LineModel:
    """Two LightGBM boosters: lines scored alone, then rescored along the page's run of scores."""

    def __init__(self, first_stage: str, second_stage: str) -> None:
        import lightgbm

        self.first = lightgbm.Booster(model_str=first_stage)
        self.second = lightgbm.Booster(model_str=second_stage)
        self.text = first_stage + _STAGE_SEPARATOR + second_stage

    @classmethod
    def from_boosters(cls, first_stage: str, second_stage: str) -> LineModel:
        return cls(first_stage, second_stage)

    @classmethod
    def from_text(cls, text: str) -> LineModel:
        first_stage, second_stage = text.split(_STAGE_SEPARATOR)
        return cls(first_stage, second_stage)

    def save(self, path: Path) -> None:
        path.write_text(self.text, encoding="utf-8")

    def batch_body_probabilities(self, pages: Sequence[PageToScore]) -> list[np.ndarray]:
        """For each page, the probability that each of its lines is article body: one pass of features
        and of each booster for the batch (LightGBM and numpy cost per call about what 100 lines cost;
        pages have 30 to 200)."""
        if not any(page.texts for page in pages):
            return [np.zeros(0) for _ in pages]
        line_columns, batch = batch_line_features(
            [page.texts for page in pages], [page.title for page in pages], [page.keys for page in pages]
        )
        features = np.concatenate([line_columns, np.vstack([page.rule_columns for page in pages])], axis=1)
        first = self.first.predict(features, num_threads=1, **_PREDICTION_OPTIONS)
        second = self.second.predict(sequence_features(features, first, batch), num_threads=1, **_PREDICTION_OPTIONS)
        return np.split(second, batch.starts[1:-1])


@dataclass(frozen=True, slots=True)
class PageToScore:
    """One page's lines as the line model scores them: texts, title, the rules' columns, line keys."""

    texts: Sequence[str]
    title: str | None
    rule_columns: np.ndarray
    keys: Sequence[str] | None = None


@lru_cache(maxsize=1)
def default_line_model() -> LineModel | None:
    """The model shipped with the package, or None when its file (or lightgbm) is missing."""
    try:
        return LineModel.from_text(MODEL_PATH.read_text(encoding="utf-8"))
    except (OSError, ImportError, ValueError):
        return None
