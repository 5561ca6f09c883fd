"""Training the story model: candidate pairs of labelled corpora, their features, grouped folds.

Needs lightgbm (a dependency) and labelled articles; scripts/train_story_model.py and
benchmarks/story_accuracy.py (cross-validated figures) call it.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from rich.progress import track

from newstrace.align import prepare_text
from newstrace.align.direction import DIRECTION_FEATURE_NAMES, DirectionModel, direction_features
from newstrace.align.pair_features import FEATURE_NAMES, FEATURE_TRENDS
from newstrace.align.relation import RelationModels, compare_pair, relate
from newstrace.align.story_model import LearnedStoryScorer, RuleStoryScorer, ensemble_text
from newstrace.candidates import CandidateIndex, fingerprint_articles
from newstrace.model import Article
from newstrace.sentences import default_lexicon

if TYPE_CHECKING:
    import lightgbm

FOLDS = 5
PARAMETERS = {
    "objective": "binary",
    "learning_rate": 0.05,
    "num_leaves": 15,
    "min_data_in_leaf": 40,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "num_threads": 1,
    "verbose": -1,
    "seed": 7,
}
ROUNDS = 300
# The story model is an ensemble of models trained with these seeds (bagging and feature sampling draw
# from the seed), their probabilities averaged. One model's figures moved with its seed: METER's
# cross-validated pairwise F1 0.949 with seed 7, 0.952 with seeds 3, 11 and 19, and PolitiFact's ARI
# between 0.910 and 0.916.
ENSEMBLE_SEEDS = (7, 3, 11, 19, 23)
DIRECTION_ROUNDS = 200


@dataclass(slots=True)
class PairSet:
    """Candidate pairs of one corpus: features, labels and the gold story of each side.

    `direction_labels`: 1 when the first article is the source, 0 when the second is, -1 unknown.
    """

    features: np.ndarray
    labels: np.ndarray
    first_story: list[str]
    second_story: list[str]
    dataset: str
    direction_features: np.ndarray
    direction_labels: np.ndarray
    # The article ids of each pair, to look a pair up again.
    first_id: list[str]
    second_id: list[str]


def candidate_pair_set(
    articles: list[Article], stories: dict[str, str], generations: dict[str, int], dataset: str
) -> PairSet:
    """Every pair the pipeline would compare (LSH channels, catchlines, neighbours), with features.

    `generations`: 0 for an article known to be an original, 1 for one derived from it; within a
    story, a pair of different generations is a direction example.
    """
    lexicon = default_lexicon()
    by_id = {article.id: article for article in articles}
    prepared = {article.id: prepare_text(article.paragraphs, lexicon) for article in articles}
    index = CandidateIndex(max_earlier_partners=None, days_apart=None)
    pairs = [(pair.first, pair.second) for pair in index.add_and_pair(fingerprint_articles(articles, lexicon))]
    rules = RelationModels(RuleStoryScorer())
    relations = []
    for first, second in pairs:
        relation = relate(by_id[first], prepared[first], by_id[second], prepared[second], rules)
        if relation.kind != "unrelated":
            relations.append(relation)
    compared = {frozenset(pair) for pair in pairs}
    # Imported here: the pipeline imports this package, not the other way round.
    from newstrace.pipeline import neighbours_to_compare

    pairs += neighbours_to_compare(list(by_id), relations, compared, index, max_degree=None)
    rows = []
    direction_rows = []
    for first, second in track(pairs, description=f"{dataset}: features of {len(pairs):,} pairs"):
        comparison = compare_pair(by_id[first], prepared[first], by_id[second], prepared[second])
        rows.append(comparison.features)
        direction_rows.append(
            direction_features(
                by_id[first],
                prepared[first],
                by_id[second],
                prepared[second],
                comparison.second_from_first,
                comparison.first_from_second,
            )
        )
    first_story = [stories[first] for first, _ in pairs]
    second_story = [stories[second] for _, second in pairs]
    labels = np.array([a == b for a, b in zip(first_story, second_story, strict=True)], dtype=np.int8)
    direction_labels = np.array(
        [
            -1
            if not same or generations[first] == generations[second]
            else int(generations[first] < generations[second])
            for (first, second), same in zip(pairs, labels, strict=True)
        ],
        dtype=np.int8,
    )
    return PairSet(
        np.array(rows),
        labels,
        first_story,
        second_story,
        dataset,
        np.array(direction_rows),
        direction_labels,
        [first for first, _ in pairs],
        [second for _, second in pairs],
    )


def save_pair_sets(sets: Sequence[PairSet], path: Path) -> None:
    """Pair sets to a .npz file, so the slow corpus pass runs once."""
    arrays: dict[str, np.ndarray] = {"datasets": np.array([pair_set.dataset for pair_set in sets])}
    for pair_set in sets:
        name = pair_set.dataset
        arrays |= {
            f"{name}_features": pair_set.features,
            f"{name}_labels": pair_set.labels,
            f"{name}_first": np.array(pair_set.first_story),
            f"{name}_second": np.array(pair_set.second_story),
            f"{name}_direction_features": pair_set.direction_features,
            f"{name}_direction_labels": pair_set.direction_labels,
            f"{name}_first_id": np.array(pair_set.first_id),
            f"{name}_second_id": np.array(pair_set.second_id),
        }
    np.savez_compressed(path, **arrays)


def load_pair_sets(path: Path) -> list[PairSet]:
    stored = np.load(path, allow_pickle=False)
    return [
        PairSet(
            stored[f"{name}_features"],
            stored[f"{name}_labels"],
            [str(story) for story in stored[f"{name}_first"]],
            [str(story) for story in stored[f"{name}_second"]],
            name,
            stored[f"{name}_direction_features"],
            stored[f"{name}_direction_labels"],
            [str(article) for article in stored[f"{name}_first_id"]],
            [str(article) for article in stored[f"{name}_second_id"]],
        )
        for name in (str(name) for name in stored["datasets"])
    ]


def politifact_stories(records: Sequence[dict[str, Any]]) -> dict[int, str]:
    """The story of each PolitiFact group: groups whose originals are one text (19 of the corpus's
    360) are one story, named after the first, so that one text never sits in two folds."""
    first_group_of_text: dict[str, int] = {}
    for record in sorted(records, key=lambda record: record["group"]):
        if record["style"] == "original":
            first_group_of_text.setdefault(" ".join(record["text"].split()), record["group"])
    originals = {
        record["group"]: first_group_of_text[" ".join(record["text"].split())]
        for record in records
        if record["style"] == "original"
    }
    return {record["group"]: f"politifact-{originals.get(record['group'], record['group'])}" for record in records}


def without_pairs_across_groups(pair_set: PairSet, group_of_article: Callable[[str], str]) -> PairSet:
    """The pairs less those joining two groups of one story (rewrites of one original text made for
    two groups): whether they tell one story the labels cannot say. Labelled other stories, they
    taught the model that a rewrite following its original sentence by sentence may be another story
    (one scored 0.41); labelled one story, the model drew stories wider (PolNeAR: 13 more same-event
    links of one campaign's coverage)."""
    kept = np.array(
        [
            group_of_article(first) == group_of_article(second) or first_story != second_story
            for first, second, first_story, second_story in zip(
                pair_set.first_id, pair_set.second_id, pair_set.first_story, pair_set.second_story, strict=True
            )
        ],
        dtype=bool,
    )
    rows = np.flatnonzero(kept)
    return PairSet(
        pair_set.features[rows],
        pair_set.labels[rows],
        [pair_set.first_story[row] for row in rows],
        [pair_set.second_story[row] for row in rows],
        pair_set.dataset,
        pair_set.direction_features[rows],
        pair_set.direction_labels[rows],
        [pair_set.first_id[row] for row in rows],
        [pair_set.second_id[row] for row in rows],
    )


def fold_of(story: str) -> int:
    return zlib.crc32(story.encode()) % FOLDS


def train(features: np.ndarray, labels: np.ndarray, rounds: int = ROUNDS, seed: int | None = None) -> lightgbm.Booster:
    import lightgbm

    constraints = [FEATURE_TRENDS[name] for name in FEATURE_NAMES]
    data = lightgbm.Dataset(features, labels, feature_name=list(FEATURE_NAMES), free_raw_data=False)
    parameters = {**PARAMETERS, "monotone_constraints": constraints}
    if seed is not None:
        parameters["seed"] = seed
    return lightgbm.train(parameters, data, num_boost_round=rounds)


def train_ensemble(features: np.ndarray, labels: np.ndarray) -> str:
    """The text of the story model: one model per seed of ENSEMBLE_SEEDS, as LearnedStoryScorer reads it."""
    return ensemble_text([train(features, labels, seed=seed).model_to_string() for seed in ENSEMBLE_SEEDS])


def train_direction(features: np.ndarray, labels: np.ndarray, rounds: int = DIRECTION_ROUNDS) -> lightgbm.Booster:
    """P(first is the source): every example is also given the other way round (features negated)."""
    import lightgbm

    both = np.vstack([features, -features])
    both_labels = np.concatenate([labels, 1 - labels])
    data = lightgbm.Dataset(both, both_labels, feature_name=list(DIRECTION_FEATURE_NAMES), free_raw_data=False)
    return lightgbm.train(PARAMETERS, data, num_boost_round=rounds)


def cross_validated_scores(sets: Sequence[PairSet]) -> list[np.ndarray]:
    """Out-of-fold scores of every pair whose two stories fall in one fold (NaN for the others)."""
    folds = [
        (np.array([fold_of(s) for s in pair_set.first_story]), np.array([fold_of(s) for s in pair_set.second_story]))
        for pair_set in sets
    ]
    scores = [np.full(len(pair_set.labels), np.nan) for pair_set in sets]
    for fold in range(FOLDS):
        train_features = np.vstack(
            [s.features[(a != fold) & (b != fold)] for s, (a, b) in zip(sets, folds, strict=True)]
        )
        train_labels = np.concatenate(
            [s.labels[(a != fold) & (b != fold)] for s, (a, b) in zip(sets, folds, strict=True)]
        )
        scorer = LearnedStoryScorer(train_ensemble(train_features, train_labels))
        for position, (pair_set, (a, b)) in enumerate(zip(sets, folds, strict=True)):
            held_out = (a == fold) & (b == fold)
            if held_out.any():
                scores[position][held_out] = scorer.probabilities([], pair_set.features[held_out])
    return scores


class _FoldModels:
    """For each set of left-out folds (one or two), a model trained without their stories."""

    def __init__(self, sets: Sequence[PairSet], fold_of_article: Callable[[Article], int]) -> None:
        self.fold_of_article = fold_of_article
        self.stories: dict[frozenset[int], LearnedStoryScorer] = {}
        self.directions: dict[frozenset[int], DirectionModel] = {}
        folds = [(_folds(pair_set.first_story), _folds(pair_set.second_story)) for pair_set in sets]
        for size in (1, 2):
            for left_out in combinations(range(FOLDS), size):
                kept = [~np.isin(first, left_out) & ~np.isin(second, left_out) for first, second in folds]
                features = np.vstack([s.features[mask] for s, mask in zip(sets, kept, strict=True)])
                labels = np.concatenate([s.labels[mask] for s, mask in zip(sets, kept, strict=True)])
                self.stories[frozenset(left_out)] = LearnedStoryScorer(train_ensemble(features, labels))
                directed = [mask & (s.direction_labels >= 0) for s, mask in zip(sets, kept, strict=True)]
                direction = train_direction(
                    np.vstack([s.direction_features[mask] for s, mask in zip(sets, directed, strict=True)]),
                    np.concatenate([s.direction_labels[mask] for s, mask in zip(sets, directed, strict=True)]),
                )
                self.directions[frozenset(left_out)] = DirectionModel(direction.model_to_string())

    def left_out(self, first: Article, second: Article) -> frozenset[int]:
        return frozenset((self.fold_of_article(first), self.fold_of_article(second)))


@dataclass(frozen=True, slots=True)
class _CrossValidatedStory:
    models: _FoldModels

    def probability(self, first: Article, second: Article, features: np.ndarray) -> float:
        return self.models.stories[self.models.left_out(first, second)].probability(first, second, features)

    def probabilities(self, pairs: Sequence[tuple[Article, Article]], features: np.ndarray) -> np.ndarray:
        result = np.zeros(len(pairs))
        left_out = [self.models.left_out(first, second) for first, second in pairs]
        for folds in set(left_out):
            rows = np.array([position for position, key in enumerate(left_out) if key == folds])
            result[rows] = self.models.stories[folds].probabilities([pairs[row] for row in rows], features[rows])
        return result


@dataclass(frozen=True, slots=True)
class _CrossValidatedDirection:
    models: _FoldModels

    def source_probability(self, first: Article, second: Article, features: np.ndarray) -> float:
        model = self.models.directions[self.models.left_out(first, second)]
        return model.source_probability(first, second, features)


def cross_validated_models(sets: Sequence[PairSet], fold_of_article: Callable[[Article], int]) -> RelationModels:
    """Models that judge a pair without having seen either article's story (for honest benchmarks)."""
    fold_models = _FoldModels(sets, fold_of_article)
    return RelationModels(_CrossValidatedStory(fold_models), _CrossValidatedDirection(fold_models))


def _folds(stories: Sequence[str]) -> np.ndarray:
    return np.array([fold_of(story) for story in stories])
