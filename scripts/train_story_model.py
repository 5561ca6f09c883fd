"""Train the story model (P(same story | pair features)) shipped in src/newstrace/align/models/.

Data: ../shared/corpus/meter (PA wire copy and newspaper stories, labelled by story) and
../shared/corpus/politifact-rewrites (originals and four LLM rewrites each, labelled by group). Each
corpus goes through newstrace as a user's files would (read, clean, candidate pairs, neighbours);
every candidate pair is one example, labelled by whether its two articles share a gold story.
Figures come from 5-fold cross-validation grouped by story: a fold's pairs (both articles in the
fold) are scored by a model trained on the pairs of the other folds (neither article in the fold).

Run: .venv/bin/python scripts/train_story_model.py [--corpus ../shared/corpus] [--save] [--pairs F.npz]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from newstrace import analyze
from newstrace.align.direction import DIRECTION_FEATURE_NAMES, DirectionModel
from newstrace.align.direction import MODEL_PATH as DIRECTION_MODEL_PATH
from newstrace.align.relation import DIRECTION_MARGIN, RelationModels
from newstrace.align.story_model import MODEL_PATH, STORY_THRESHOLD, RuleStoryScorer
from newstrace.align.story_training import (
    FOLDS,
    PairSet,
    candidate_pair_set,
    cross_validated_scores,
    fold_of,
    load_pair_sets,
    politifact_stories,
    save_pair_sets,
    train_direction,
    train_ensemble,
    without_pairs_across_groups,
)
from newstrace.model import Article
from newstrace.store import Store

Loaded = tuple[list[Article], dict[str, str], dict[str, int]]
# The corpora are analysed for their articles only (the pairs are judged again below): the pipeline's
# own judging runs on the rules, and nothing is embedded.
_READ_ONLY = RelationModels(RuleStoryScorer())


def load_meter(corpus: Path, folder: Path) -> Loaded:
    """METER's articles as newstrace reads them, the gold story of each, and its generation (PA: 0)."""
    index = [json.loads(line) for line in (corpus / "meter" / "index.jsonl").read_text().splitlines() if line]
    story_of_file = {str((corpus / "meter" / entry["file"]).resolve()): entry["story"] for entry in index}
    role_of_file = {str((corpus / "meter" / entry["file"]).resolve()): entry["role"] for entry in index}
    database = folder / "meter.db"
    analyze([corpus / "meter" / "PA", corpus / "meter" / "newspapers"], db=database, models=_READ_ONLY)
    with Store(database) as store:
        articles = list(store.articles())
    stories = {article.id: story_of_file.get(str(Path(article.source).resolve()), "") for article in articles}
    generations = {
        article.id: int(role_of_file.get(str(Path(article.source).resolve())) != "PA") for article in articles
    }
    return [article for article in articles if stories[article.id]], stories, generations


def load_politifact(corpus: Path, folder: Path) -> Loaded:
    """The PolitiFact originals and rewrites as articles, the group of each, and its generation."""
    records = [json.loads(line) for line in (corpus / "politifact-rewrites" / "train.jsonl").read_text().splitlines()]
    pages = folder / "politifact.jsonl"
    with pages.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps({"id": f"g{record['group']}-{record['style']}", "text": record["text"]}) + "\n")
    database = folder / "politifact.db"
    analyze([pages], db=database, models=_READ_ONLY)
    with Store(database) as store:
        articles = list(store.articles())
    story_of_group = politifact_stories(records)
    stories = {article.id: story_of_group[int(article.id.split("-")[0][1:])] for article in articles}
    generations = {article.id: int(not article.id.endswith("-original")) for article in articles}
    return articles, stories, generations


def pair_figures(labels: np.ndarray, decisions: np.ndarray) -> tuple[float, float, float]:
    true_positive = float((labels & decisions).sum())
    precision = true_positive / max(1, decisions.sum())
    recall = true_positive / max(1, labels.sum())
    return precision, recall, 2 * precision * recall / max(1e-9, precision + recall)


def report(sets: Sequence[PairSet], scores: Sequence[np.ndarray], console: Console) -> None:
    from sklearn.metrics import roc_auc_score

    table = Table(title="same-story pairs among candidates, out of fold (both stories in the scored fold)")
    for column in ("data", "pairs", "same story", "rule AUC", "rule P/R/F1", "model AUC", "model P/R/F1"):
        table.add_column(column)
    for pair_set, score in zip(sets, scores, strict=True):
        scored = ~np.isnan(score)
        labels = pair_set.labels[scored].astype(bool)
        rule_scores = np.array([RuleStoryScorer.from_features(row) for row in pair_set.features[scored]])
        rule_figures = pair_figures(labels, rule_scores >= STORY_THRESHOLD)
        model_figures = pair_figures(labels, score[scored] >= STORY_THRESHOLD)
        table.add_row(
            pair_set.dataset,
            f"{scored.sum():,}",
            f"{labels.sum():,}",
            f"{roc_auc_score(labels, rule_scores):.3f}",
            "/".join(f"{value:.3f}" for value in rule_figures),
            f"{roc_auc_score(labels, score[scored]):.3f}",
            "/".join(f"{value:.3f}" for value in model_figures),
        )
    console.print(table)


def report_direction(sets: Sequence[PairSet], console: Console) -> None:
    """Out-of-fold accuracy of the direction model against the rule points, on pairs of known direction."""
    table = Table(title="which of a same-story pair is the original, out of fold")
    for column in ("data", "pairs", "rules right / undecided", "model right / undecided"):
        table.add_column(column)
    for held_out_set in sets:
        right = undecided = rule_right = rule_undecided = total = 0
        for fold in range(FOLDS):
            masks = [
                (s.direction_labels >= 0) & (_fold_array(s.first_story) != fold) & (_fold_array(s.second_story) != fold)
                for s in sets
            ]
            model = DirectionModel(
                train_direction(
                    np.vstack([s.direction_features[mask] for s, mask in zip(sets, masks, strict=True)]),
                    np.concatenate([s.direction_labels[mask] for s, mask in zip(sets, masks, strict=True)]),
                ).model_to_string()
            )
            scored = (
                (held_out_set.direction_labels >= 0)
                & (_fold_array(held_out_set.first_story) == fold)
                & (_fold_array(held_out_set.second_story) == fold)
            )
            for features, label in zip(
                held_out_set.direction_features[scored], held_out_set.direction_labels[scored], strict=True
            ):
                probability = model.source_probability(None, None, features)  # type: ignore[arg-type]
                known = abs(probability - 0.5) >= DIRECTION_MARGIN
                right += known and (probability > 0.5) == bool(label)
                undecided += not known
                rule = rule_points(features)
                rule_right += rule != 0 and (rule > 0) == bool(label)
                rule_undecided += rule == 0
                total += 1
        table.add_row(
            held_out_set.dataset,
            f"{total:,}",
            f"{rule_right / max(1, total):.1%} / {rule_undecided / max(1, total):.1%}",
            f"{right / max(1, total):.1%} / {undecided / max(1, total):.1%}",
        )
    console.print(table)


def rule_points(features: np.ndarray) -> float:
    """The rules' verdict from the direction features that mirror them (agency marks, dates, completeness)."""
    names = list(DIRECTION_FEATURE_NAMES)
    date_order = features[names.index("date_order")]
    return (
        2 * features[names.index("agency_marks")]
        + (0.0 if np.isnan(date_order) else 2 * date_order)
        + (np.sign(features[names.index("completeness")]) if abs(features[names.index("completeness")]) >= 0.15 else 0)
    )


def _fold_array(stories: Sequence[str]) -> np.ndarray:
    return np.array([fold_of(story) for story in stories])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--pairs", type=Path, help="cache of the pair features (.npz): read if present, else written")
    parser.add_argument("--save", action="store_true", help=f"train on all pairs and write {MODEL_PATH}")
    arguments = parser.parse_args()
    console = Console()
    sets = _load_or_build(arguments.corpus, arguments.pairs)
    report(sets, cross_validated_scores(sets), console)
    report_direction(sets, console)
    if arguments.save:
        story = train_ensemble(np.vstack([s.features for s in sets]), np.concatenate([s.labels for s in sets]))
        directed = [s.direction_labels >= 0 for s in sets]
        direction = train_direction(
            np.vstack([s.direction_features[mask] for s, mask in zip(sets, directed, strict=True)]),
            np.concatenate([s.direction_labels[mask] for s, mask in zip(sets, directed, strict=True)]),
        )
        for path, model_text in ((MODEL_PATH, story), (DIRECTION_MODEL_PATH, direction.model_to_string())):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(model_text, encoding="utf-8")
            console.print(f"wrote {path} ({path.stat().st_size:,} bytes)")


def _load_or_build(corpus: Path, cache: Path | None) -> list[PairSet]:
    if cache is not None and cache.exists():
        return load_pair_sets(cache)
    loaders: dict[str, Callable[[Path, Path], Loaded]] = {
        "meter": load_meter,
        "politifact": load_politifact,
    }
    sets = []
    with tempfile.TemporaryDirectory(prefix="story_model_") as folder:
        for name, loader in loaders.items():
            articles, stories, generations = loader(corpus, Path(folder))
            pair_set = candidate_pair_set(articles, stories, generations, name)
            if name == "politifact":
                pair_set = without_pairs_across_groups(pair_set, lambda article_id: article_id.split("-")[0])
            sets.append(pair_set)
    if cache is not None:
        save_pair_sets(sets, cache)
    return sets


if __name__ == "__main__":
    main()
