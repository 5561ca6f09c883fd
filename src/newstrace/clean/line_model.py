"""The line classifier: load the shipped two-stage model and score every line of a page at once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from newstrace.clean.line_features import batch_line_features, sequence_features

MODEL_PATH = Path(__file__).resolve().parent / "models" / "line_model.txt"
# A model's two stages are stored one after the other, split by this line; the models of an
# ensemble likewise, split by the second line.
_STAGE_SEPARATOR = "\n=== second stage ===\n"
_MEMBER_SEPARATOR = "\n=== next model of the ensemble ===\n"
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
# LightGBM's binary early stop weighs twice a line's raw score against the margin: a line it stopped
# has a raw score at least this far from 0, and the ensemble's other models are asked only about the
# lines the first model's stop left unsettled (about 3% of the lines a stage; asking them about every
# line cost a third more cleaning time for the same grouped cross-validation figure, model card).
SETTLED_SCORE = PREDICTION_MARGIN / 2


class LineModel:
    """An ensemble of models of two LightGBM boosters each (lines scored alone, then rescored along
    the page's run of scores), their probabilities averaged; one model is an ensemble of one."""

    def __init__(self, members: Sequence[tuple[str, str]]) -> None:
        import lightgbm

        if not members:
            raise ValueError("a line model needs at least one model")
        self.firsts = [lightgbm.Booster(model_str=first) for first, _ in members]
        self.seconds = [lightgbm.Booster(model_str=second) for _, second in members]
        self.text = _MEMBER_SEPARATOR.join(first + _STAGE_SEPARATOR + second for first, second in members)

    @classmethod
    def from_boosters(cls, first_stage: str, second_stage: str) -> LineModel:
        return cls([(first_stage, second_stage)])

    @classmethod
    def from_text(cls, text: str) -> LineModel:
        stages = [member.split(_STAGE_SEPARATOR) for member in text.split(_MEMBER_SEPARATOR)]
        if any(len(member) != 2 for member in stages):
            raise ValueError("a line model's text holds two stages per model")
        return cls([(first, second) for first, second in stages])

    @classmethod
    def ensemble(cls, models: Sequence[LineModel]) -> LineModel:
        """One model of the models' members, in order."""
        return cls.from_text(_MEMBER_SEPARATOR.join(model.text for model in models))

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
        first = _ensemble_probabilities(self.firsts, features)
        second = _ensemble_probabilities(self.seconds, sequence_features(features, first, batch))
        return np.split(second, batch.starts[1:-1])


def _ensemble_probabilities(boosters: Sequence[Any], features: np.ndarray) -> np.ndarray:
    """The boosters' mean probability for each row: the first booster scores every row, the others
    only the rows it left unsettled (elsewhere the first's stands for all)."""
    raw = boosters[0].predict(features, raw_score=True, num_threads=1, **_PREDICTION_OPTIONS)
    probabilities = 1.0 / (1.0 + np.exp(-raw))
    if len(boosters) == 1:
        return probabilities
    unsettled = np.flatnonzero(np.abs(raw) < SETTLED_SCORE)
    if len(unsettled):
        rows = features[unsettled]
        others = [booster.predict(rows, num_threads=1, **_PREDICTION_OPTIONS) for booster in boosters[1:]]
        probabilities[unsettled] = (probabilities[unsettled] + np.sum(others, axis=0)) / len(boosters)
    return probabilities


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
