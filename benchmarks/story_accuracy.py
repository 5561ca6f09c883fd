"""Story stage on real labelled data: clustering, origin and relations on METER and PolitiFact rewrites, similarity
on SemEval-2022 Task 8. The script only measures: nothing in it is tuned to the data.

Run: .venv/bin/python benchmarks/story_accuracy.py [--meter] [--politifact] [--semeval] [--limit N] [--json FILE]
Corpus: ../shared/corpus (README there: meter/, politifact-rewrites/, semeval2022-task8/); --corpus DIR to change.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import re
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from clustering_metrics import adjusted_rand_index, pairwise_scores, pearson_correlation, spearman_correlation

REPOSITORY_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPOSITORY_ROOT.parent / "shared" / "corpus"
DATASETS = ("meter", "politifact", "semeval")
STORE_FUNCTIONS = ("analyze", "load_report")
INTERFACE = {"meter": STORE_FUNCTIONS, "politifact": STORE_FUNCTIONS, "semeval": ("compare_texts",)}
CORPUS_FILES = {
    "meter": ("meter/index.jsonl", "meter/PA", "meter/newspapers"),
    "politifact": ("politifact-rewrites/train.jsonl",),
    "semeval": ("semeval2022-task8/english-pairs.jsonl",),
}
REWRITE_STYLES = ("neutral", "objective", "sensational", "emotionally_triggering")
# Relation kinds from closest to farthest, the order of the columns; a kind not listed goes last.
KIND_ORDER = ("duplicate", "copy", "syndicated", "rewrite", "same_event", "unrelated")
TARGET_PAIRWISE_F1 = 0.95
TARGET_ORIGIN_SHARE = 0.90
TARGET_ADJUSTED_RAND = 0.95
# The best published English Pearson on SemEval-2022 Task 8 (the corpus README).
TARGET_PEARSON = 0.872

# An article split from a page is named `stem#2`; a JSONL record's source is `path:line`.
_SPLIT_SUFFIX = re.compile(r"#\d+$")
_LINE_SUFFIX = re.compile(r":(\d+)$")

console = Console()
# Piped output (a log, CI) would otherwise wrap the tables at 80 columns.
if not console.is_terminal:
    console.width = 120


@dataclass
class Timing:
    """Wall-clock seconds of the measured call and the articles it handled per second."""

    seconds: float
    articles: int
    articles_per_second: float


@dataclass
class RunHealth:
    """What a run stored and how much of it could be traced back to the labelled inputs."""

    inputs: int
    articles: int
    errors: int
    unmapped_articles: int
    inputs_without_article: int
    articles_in_no_story: int
    articles_in_several_stories: int


@dataclass
class ClusteringFigures:
    """Predicted stories against the gold ones, over articles (each inherits its input's label)."""

    scored_articles: int
    gold_stories: int
    predicted_stories: int
    predicted_multi_member_stories: int
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    adjusted_rand_index: float


@dataclass
class MeterFigures:
    """Figures of the METER run."""

    health: RunHealth
    clustering: ClusteringFigures
    pa_named_origin: float
    pa_of_same_story_named_origin: float
    multi_member_stories_with_pa_origin: float
    relations_by_roles: dict[str, dict[str, int]]
    relations_across_stories: dict[str, int]
    candidate_recall: dict[str, float]
    timing: Timing


@dataclass
class PolitifactFigures:
    """Figures of the PolitiFact rewrites run."""

    health: RunHealth
    clustering: ClusteringFigures
    origin_right: float
    # The data holds groups whose originals are one text under two group numbers: no tool can tell
    # them apart. Figures with such groups counted as one story, beside (not instead of) the above.
    groups_sharing_an_original: int
    clustering_with_shared_originals_merged: ClusteringFigures
    # The ARI against the data's groups of the best answer a tool can give: every group right, the
    # groups that share their original text in one story (an article is in one story).
    best_reachable_adjusted_rand: float
    origin_right_counting_the_same_text: float
    rewrite_link_recall: dict[str, float]
    original_named_source: dict[str, float]
    relations_by_styles: dict[str, dict[str, int]]
    relations_across_groups: dict[str, int]
    candidate_recall: dict[str, float]
    timing: Timing


@dataclass
class SimilarityBucket:
    """Pairs of one rounded Overall rating: their mean similarity and the kinds given."""

    rounded_overall: int
    pairs: int
    mean_similarity: float
    kinds: dict[str, int]


@dataclass
class SemevalFigures:
    """Figures of the SemEval similarity run."""

    pairs: int
    pearson_with_negative_overall: float
    spearman_with_negative_overall: float
    by_rounded_overall: list[SimilarityBucket]
    timing: Timing


@dataclass
class IndexedReport:
    """A stored run's report, indexed by article: its input, its story, and each story's origin."""

    input_of_article: dict[str, str]
    story_of_article: dict[str, str]
    origin_of_story: dict[str, str | None]
    size_of_story: dict[str, int]
    stories_of_input: dict[str, set[str]]
    relations: list[dict[str, Any]]
    health: RunHealth = field(repr=False)


class InterfaceMissing(RuntimeError):
    """The story stage's functions are not in this checkout of newstrace."""


def _require(function_names: Sequence[str]) -> dict[str, Callable[..., Any]]:
    try:
        import newstrace
    except ImportError as error:
        raise InterfaceMissing(f"newstrace cannot be imported ({error}); install it: pip install -e .") from error
    missing = [name for name in function_names if not callable(getattr(newstrace, name, None))]
    if missing:
        names = ", ".join(f"newstrace.{name}" for name in missing)
        raise InterfaceMissing(f"{names} missing: the story stage has not landed in this checkout yet")
    return {name: getattr(newstrace, name) for name in function_names}


def _kind_name(kind: Any) -> str:
    """A relation kind as text, whether the tool gives a string or an enum."""
    return str(getattr(kind, "value", kind))


def _spread(items: Sequence[Any], limit: int | None) -> list[Any]:
    """At most `limit` items, evenly spaced, so a quick run still samples the whole set (e.g. courts and showbiz)."""
    if limit is None or limit >= len(items):
        return list(items)
    return [items[index * len(items) // limit] for index in range(limit)]


def _timing(seconds: float, articles: int) -> Timing:
    return Timing(seconds, articles, articles / seconds if seconds > 0 else math.nan)


def _share(hits: int, total: int) -> float:
    return hits / total if total else math.nan


def _run_analyze(paths: list[Path], database: Path, models: Any = None) -> tuple[dict[str, Any], float]:
    """Analyze the inputs into a fresh database, timed, and load its report."""
    interface = _require(STORE_FUNCTIONS)
    start = time.perf_counter()
    if models is None:
        interface["analyze"](paths, db=database)
    else:
        interface["analyze"](paths, db=database, models=models)
    seconds = time.perf_counter() - start
    return interface["load_report"](database), seconds


def index_report(
    report: dict[str, Any], input_of: Callable[[dict[str, Any]], str | None], input_keys: Sequence[str]
) -> IndexedReport:
    """Map each article to its labelled input with `input_of`, and each to its predicted story."""
    input_of_article: dict[str, str] = {}
    unmapped = 0
    for article in report["articles"]:
        key = input_of(article)
        if key is None:
            unmapped += 1
        else:
            input_of_article[article["id"]] = key
    story_of_article: dict[str, str] = {}
    stories_per_article: Counter[str] = Counter()
    origin_of_story: dict[str, str | None] = {}
    size_of_story: dict[str, int] = {}
    for story in report["stories"]:
        story_id = str(story["id"])
        origin_of_story[story_id] = story.get("origin")
        size_of_story[story_id] = len(story["members"])
        for member in story["members"]:
            stories_per_article[member["article"]] += 1
            story_of_article.setdefault(member["article"], story_id)
    stories_of_input: dict[str, set[str]] = defaultdict(set)
    for article_id, key in input_of_article.items():
        if article_id in story_of_article:
            stories_of_input[key].add(story_of_article[article_id])
    health = RunHealth(
        inputs=len(input_keys),
        articles=len(report["articles"]),
        errors=len(report.get("errors", [])),
        unmapped_articles=unmapped,
        inputs_without_article=len(set(input_keys) - set(input_of_article.values())),
        articles_in_no_story=sum(article["id"] not in stories_per_article for article in report["articles"]),
        articles_in_several_stories=sum(count > 1 for count in stories_per_article.values()),
    )
    return IndexedReport(
        input_of_article,
        story_of_article,
        origin_of_story,
        size_of_story,
        dict(stories_of_input),
        report.get("relations", []),
        health,
    )


def score_clustering(indexed: IndexedReport, gold_of_input: dict[str, Hashable]) -> ClusteringFigures:
    """Pair scores and ARI over articles; an input with no article counts as a story of its own, a miss."""
    gold_labels: list[Hashable] = []
    predicted_labels: list[Hashable] = []
    for article_id, key in indexed.input_of_article.items():
        gold_labels.append(gold_of_input[key])
        predicted_labels.append(indexed.story_of_article.get(article_id, ("no story", article_id)))
    for key in sorted(set(gold_of_input) - set(indexed.input_of_article.values())):
        gold_labels.append(gold_of_input[key])
        predicted_labels.append(("no article", key))
    scores = pairwise_scores(gold_labels, predicted_labels)
    return ClusteringFigures(
        scored_articles=len(indexed.input_of_article),
        gold_stories=len(set(gold_of_input.values())),
        predicted_stories=len(indexed.size_of_story),
        predicted_multi_member_stories=sum(size > 1 for size in indexed.size_of_story.values()),
        pairwise_precision=scores.precision,
        pairwise_recall=scores.recall,
        pairwise_f1=scores.f1,
        adjusted_rand_index=adjusted_rand_index(gold_labels, predicted_labels),
    )


def best_matching_stories(indexed: IndexedReport, gold_of_input: dict[str, Hashable]) -> dict[Hashable, str | None]:
    """For each gold story, the predicted story holding most of its inputs (ties: the lowest story id)."""
    inputs_per_story: dict[Hashable, Counter[str]] = defaultdict(Counter)
    for key, gold in gold_of_input.items():
        inputs_per_story[gold].update(indexed.stories_of_input.get(key, ()))
    best: dict[Hashable, str | None] = {}
    for gold in set(gold_of_input.values()):
        counts = inputs_per_story.get(gold)
        best[gold] = min(counts, key=lambda story: (-counts[story], story)) if counts else None
    return best


def _relation_kind_counts(
    indexed: IndexedReport, group_of_input: Callable[[str], str], gold_of_input: dict[str, Hashable]
) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
    """Relation kinds by the groups (roles, styles) of source and copy, and those joining two gold stories."""
    by_group: dict[str, Counter[str]] = defaultdict(Counter)
    across: Counter[str] = Counter()
    for relation in indexed.relations:
        kind = _kind_name(relation["kind"])
        source_key = indexed.input_of_article.get(relation["source"])
        copy_key = indexed.input_of_article.get(relation["copy"])
        if source_key is None or copy_key is None:
            by_group["(unmapped)"][kind] += 1
            continue
        by_group[f"{group_of_input(source_key)} -> {group_of_input(copy_key)}"][kind] += 1
        if kind != "unrelated" and gold_of_input[source_key] != gold_of_input[copy_key]:
            across[kind] += 1
    return {name: dict(counts) for name, counts in sorted(by_group.items())}, dict(across)


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def cross_validated_models(pairs: Path | None, story_of_article: Callable[[Any], str]) -> Any:
    """With --cross-validate: story and direction models that never saw either article's story."""
    if pairs is None:
        return None
    from newstrace.align import story_training

    return story_training.cross_validated_models(
        story_training.load_pair_sets(pairs), lambda article: story_training.fold_of(story_of_article(article))
    )


def candidate_recall(database: Path, gold_of_article: Callable[[Any], Hashable | None]) -> dict[str, float]:
    """Share of same-story pairs the cheap channels propose (by the channel that proposed each), and the
    share compared at all once the neighbours step has run (pairs related or judged unrelated)."""
    from newstrace.candidates import CandidateIndex, fingerprint_articles
    from newstrace.sentences import default_lexicon
    from newstrace.store import Store

    with Store(database) as store:
        articles = list(store.articles())
        compared = {frozenset((relation.source, relation.copy)) for relation in store.relations()}
        compared |= {frozenset((pair.first, pair.second)) for pair in store.unrelated_pairs()}
    members: dict[Hashable, list[str]] = defaultdict(list)
    for article in articles:
        gold = gold_of_article(article)
        if gold is not None:
            members[gold].append(article.id)
    gold_pairs = {frozenset(pair) for ids in members.values() for pair in itertools.combinations(ids, 2)}
    candidates = CandidateIndex().add_and_pair(fingerprint_articles(articles, default_lexicon()))
    by_channel: Counter[str] = Counter()
    for pair in candidates:
        if frozenset((pair.first, pair.second)) in gold_pairs:
            by_channel[pair.channel] += 1
    recall = {f"proposed by {channel}": _share(count, len(gold_pairs)) for channel, count in sorted(by_channel.items())}
    recall["proposed by any channel"] = _share(sum(by_channel.values()), len(gold_pairs))
    recall["compared (after the neighbours step)"] = _share(len(gold_pairs & compared), len(gold_pairs))
    return recall


def _print_candidate_recall(title: str, recall: dict[str, float]) -> None:
    table = Table(title=title, title_justify="left")
    table.add_column("same-story pairs")
    table.add_column("share", justify="right")
    for name, share in recall.items():
        table.add_row(name, _number(share, percent=True))
    console.print(table)


def measure_meter(corpus: Path, limit: int | None, pairs: Path | None = None) -> MeterFigures:
    """Cluster the PA wire copy and the newspaper articles written from it; the PA file should be the origin."""
    meter = corpus / "meter"
    index = _read_jsonl(meter / "index.jsonl")
    stories = _spread(sorted({entry["story"] for entry in index}), limit)
    chosen_stories = set(stories)
    entries = [entry for entry in index if entry["story"] in chosen_stories]
    with tempfile.TemporaryDirectory(prefix="story_accuracy_meter_") as folder:
        root = Path(folder) / "meter"
        for entry in entries:
            target = root / entry["file"]
            target.parent.mkdir(parents=True, exist_ok=True)
            # Bytes as they are: wire headers, `<` line ends, Latin-1.
            shutil.copyfile(meter / entry["file"], target)
        story_of_path = {str((root / entry["file"]).resolve()): entry["story"] for entry in entries}
        models = cross_validated_models(pairs, lambda article: story_of_path[str(Path(article.source).resolve())])
        report, seconds = _run_analyze([root / "PA", root / "newspapers"], Path(folder) / "meter.db", models)
        recall = candidate_recall(
            Path(folder) / "meter.db", lambda article: story_of_path.get(str(Path(article.source).resolve()))
        )
        # Sources are paths as the reader met them under the folders given; resolved while the files still exist.
        key_of_path = {str((root / entry["file"]).resolve()): entry["file"] for entry in entries}
        sources = {article.get("source") for article in report["articles"] if article.get("source")}
        input_of_source = {source: key_of_path.get(str(Path(source).resolve())) for source in sources}

    def input_of(article: dict[str, Any]) -> str | None:
        return input_of_source.get(article.get("source"))

    gold_of_input: dict[str, Hashable] = {entry["file"]: entry["story"] for entry in entries}
    role_of_input = {entry["file"]: entry["role"] for entry in entries}
    indexed = index_report(report, input_of, list(gold_of_input))
    clustering = score_clustering(indexed, gold_of_input)

    def origin_input(story_id: str | None) -> str | None:
        origin = indexed.origin_of_story.get(story_id) if story_id is not None else None
        return indexed.input_of_article.get(origin) if origin is not None else None

    best = best_matching_stories(indexed, gold_of_input)
    pa_origin = same_story_pa_origin = 0
    for gold, story_id in best.items():
        key = origin_input(story_id)
        if key is not None and role_of_input[key] == "PA":
            pa_origin += 1
            same_story_pa_origin += gold_of_input[key] == gold
    multi_member = [story_id for story_id, size in indexed.size_of_story.items() if size > 1]
    multi_member_pa = 0
    for story_id in multi_member:
        key = origin_input(story_id)
        multi_member_pa += key is not None and role_of_input[key] == "PA"
    by_roles, across = _relation_kind_counts(indexed, role_of_input.__getitem__, gold_of_input)
    return MeterFigures(
        health=indexed.health,
        clustering=clustering,
        pa_named_origin=_share(pa_origin, len(best)),
        pa_of_same_story_named_origin=_share(same_story_pa_origin, len(best)),
        multi_member_stories_with_pa_origin=_share(multi_member_pa, len(multi_member)),
        relations_by_roles=by_roles,
        relations_across_stories=across,
        candidate_recall=recall,
        timing=_timing(seconds, indexed.health.articles),
    )


def measure_politifact(corpus: Path, limit: int | None, pairs: Path | None = None) -> PolitifactFigures:
    """Cluster originals with their four LLM rewrites; the original should be each story's origin."""
    records = _read_jsonl(corpus / "politifact-rewrites" / "train.jsonl")
    groups = _spread(sorted({record["group"] for record in records}), limit)
    chosen_groups = set(groups)
    records = [record for record in records if record["group"] in chosen_groups]
    record_ids = [f"g{record['group']}-{record['style']}" for record in records]
    with tempfile.TemporaryDirectory(prefix="story_accuracy_politifact_") as folder:
        pages = Path(folder) / "politifact.jsonl"
        with pages.open("w", encoding="utf-8") as handle:
            for record_id, record in zip(record_ids, records, strict=True):
                handle.write(json.dumps({"id": record_id, "text": record["text"]}, ensure_ascii=False) + "\n")
        # The training script's names of PolitiFact stories, whose folds the models left out.
        from newstrace.align.story_training import politifact_stories

        story_of_group = politifact_stories(records)
        models = cross_validated_models(pairs, lambda article: story_of_group[int(article.id.split("-")[0][1:])])
        report, seconds = _run_analyze([pages], Path(folder) / "politifact.db", models)
        recall = candidate_recall(Path(folder) / "politifact.db", lambda article: article.id.split("-")[0])

    known_ids = set(record_ids)

    def input_of(article: dict[str, Any]) -> str | None:
        record_id = _SPLIT_SUFFIX.sub("", str(article["id"]))
        if record_id in known_ids:
            return record_id
        # Should the tool rename an id, the source still says which line (from 1) the article came from.
        line = _LINE_SUFFIX.search(article.get("source") or "")
        if line and 1 <= int(line.group(1)) <= len(record_ids):
            return record_ids[int(line.group(1)) - 1]
        return None

    gold_of_input: dict[str, Hashable] = {
        record_id: record["group"] for record_id, record in zip(record_ids, records, strict=True)
    }
    style_of_input = {record_id: record["style"] for record_id, record in zip(record_ids, records, strict=True)}
    indexed = index_report(report, input_of, record_ids)
    clustering = score_clustering(indexed, gold_of_input)

    best = best_matching_stories(indexed, gold_of_input)
    original_text = {
        record["group"]: " ".join(record["text"].split()) for record in records if record["style"] == "original"
    }
    first_group_of_text: dict[str, Hashable] = {}
    for group in sorted(original_text):
        first_group_of_text.setdefault(original_text[group], group)
    merged_group = {group: first_group_of_text[text] for group, text in original_text.items()}
    text_counts = Counter(original_text.values())
    sharing = sum(text_counts[text] > 1 for text in original_text.values())
    origin_right = origin_right_same_text = 0
    for group, story_id in best.items():
        origin = indexed.origin_of_story.get(story_id) if story_id is not None else None
        origin_key = indexed.input_of_article.get(origin) if origin is not None else None
        origin_right += origin_key == f"g{group}-original"
        origin_right_same_text += (
            origin_key is not None
            and origin_key.endswith("-original")
            and original_text.get(gold_of_input[origin_key]) == original_text.get(group)
        )
    merged_gold = {key: merged_group.get(group, group) for key, group in gold_of_input.items()}

    linked: set[tuple[str, str]] = set()
    original_as_source: set[tuple[str, str]] = set()
    for relation in indexed.relations:
        if _kind_name(relation["kind"]) == "unrelated":
            continue
        source_key = indexed.input_of_article.get(relation["source"])
        copy_key = indexed.input_of_article.get(relation["copy"])
        if source_key is None or copy_key is None:
            continue
        linked.add((source_key, copy_key))
        linked.add((copy_key, source_key))
        original_as_source.add((source_key, copy_key))
    originals = sorted(record["group"] for record in records if record["style"] == "original")
    pairs_by_style = {
        style: [(f"g{group}-original", f"g{group}-{style}") for group in originals if f"g{group}-{style}" in known_ids]
        for style in REWRITE_STYLES
    }
    pairs_by_style["all"] = [pair for pairs in pairs_by_style.values() for pair in pairs]
    by_styles, across = _relation_kind_counts(indexed, style_of_input.__getitem__, gold_of_input)
    return PolitifactFigures(
        health=indexed.health,
        clustering=clustering,
        origin_right=_share(origin_right, len(best)),
        groups_sharing_an_original=sharing,
        clustering_with_shared_originals_merged=score_clustering(indexed, merged_gold),
        best_reachable_adjusted_rand=adjusted_rand_index(
            list(gold_of_input.values()), [merged_gold[key] for key in gold_of_input]
        ),
        origin_right_counting_the_same_text=_share(origin_right_same_text, len(best)),
        rewrite_link_recall={
            style: _share(sum(pair in linked for pair in pairs), len(pairs)) for style, pairs in pairs_by_style.items()
        },
        original_named_source={
            style: _share(sum(pair in original_as_source for pair in pairs), len(pairs))
            for style, pairs in pairs_by_style.items()
        },
        relations_by_styles=by_styles,
        relations_across_groups=across,
        candidate_recall=recall,
        timing=_timing(seconds, indexed.health.articles),
    )


def _round_half_up(value: float) -> int:
    # Python's round() sends 2.5 to 2; a rating of 2.5 sits between 2 and 3 and goes up, like 1.5 and 3.5.
    return math.floor(value + 0.5)


def measure_semeval(corpus: Path, limit: int | None) -> SemevalFigures:
    """Story similarity of each pair against the human Overall rating (1 very similar, 4 very dissimilar)."""
    compare_texts = _require(INTERFACE["semeval"])["compare_texts"]
    pairs = _spread(_read_jsonl(corpus / "semeval2022-task8" / "english-pairs.jsonl"), limit)
    similarities: list[float] = []
    kinds: list[str] = []
    start = time.perf_counter()
    for pair in pairs:
        # The pairs' texts are scraped pages' (a login prompt, a paywall's form, a menu beside the headline
        # and text): compared as `analyze` reads pages, cleaned first (the texts as given: 0.872).
        relation = compare_texts(pair["text1"], pair["text2"], clean=True)
        similarities.append(float(relation.similarity))
        kinds.append(_kind_name(relation.kind))
    seconds = time.perf_counter() - start
    overall = [float(pair["Overall"]) for pair in pairs]
    negative_overall = [-rating for rating in overall]
    buckets: dict[int, list[int]] = defaultdict(list)
    for position, rating in enumerate(overall):
        buckets[_round_half_up(rating)].append(position)
    by_rounded = [
        SimilarityBucket(
            rounded_overall=rating,
            pairs=len(positions),
            mean_similarity=math.fsum(similarities[position] for position in positions) / len(positions),
            kinds=dict(Counter(kinds[position] for position in positions).most_common()),
        )
        for rating, positions in sorted(buckets.items())
    ]
    enough = len(pairs) >= 2
    return SemevalFigures(
        pairs=len(pairs),
        pearson_with_negative_overall=pearson_correlation(similarities, negative_overall) if enough else math.nan,
        spearman_with_negative_overall=spearman_correlation(similarities, negative_overall) if enough else math.nan,
        by_rounded_overall=by_rounded,
        timing=_timing(seconds, 2 * len(pairs)),
    )


def _number(value: float | None, percent: bool = False) -> str:
    if value is None or math.isnan(value):
        return "n/a"
    return f"{value:.1%}" if percent else f"{value:.3f}"


def _verdict(value: float, target: float, strict: bool = False) -> str:
    if math.isnan(value):
        return "n/a"
    met = value > target if strict else value >= target
    return "[green]met[/green]" if met else "[red]not met[/red]"


def _figures_table(title: str, rows: list[tuple[str, str, str, str]]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("figure")
    table.add_column("value", justify="right")
    table.add_column("target", justify="right")
    table.add_column("")
    for row in rows:
        table.add_row(*row)
    return table


def _health_rows(health: RunHealth, input_name: str) -> list[tuple[str, str, str, str]]:
    rows = [
        (f"{input_name} / articles", f"{health.inputs} / {health.articles}", "", ""),
        ("errors", str(health.errors), "", ""),
    ]
    problems = {
        "articles not traced to an input": health.unmapped_articles,
        f"{input_name} without an article (scored as misses)": health.inputs_without_article,
        "articles in no story": health.articles_in_no_story,
        "articles in several stories": health.articles_in_several_stories,
    }
    rows += [(name, str(count), "0", "" if count == 0 else "[red]check[/red]") for name, count in problems.items()]
    return rows


def _clustering_rows(clustering: ClusteringFigures, gold_name: str) -> list[tuple[str, str, str, str]]:
    return [
        (
            f"{gold_name} (gold) / predicted stories",
            f"{clustering.gold_stories} / {clustering.predicted_stories}",
            "",
            "",
        ),
        ("predicted stories of 2+ articles", str(clustering.predicted_multi_member_stories), "", ""),
        ("pairwise precision", _number(clustering.pairwise_precision), "", ""),
        ("pairwise recall", _number(clustering.pairwise_recall), "", ""),
    ]


def _timing_row(timing: Timing, what: str) -> tuple[str, str, str, str]:
    return (what, f"{timing.seconds:.2f} s, {timing.articles_per_second:,.1f} articles/s", "", "")


def _kind_counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{kind} {count}" for kind, count in counts.items()) or "none"


def _counts_table(title: str, counts: dict[str, dict[str, int]], row_name: str) -> Table:
    kinds = sorted(
        {kind for row in counts.values() for kind in row},
        key=lambda kind: (KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER), kind),
    )
    table = Table(title=title, title_justify="left")
    table.add_column(row_name)
    for kind in kinds:
        table.add_column(kind, justify="right")
    table.add_column("all", justify="right")
    for name, row in counts.items():
        table.add_row(name, *(str(row.get(kind, 0)) for kind in kinds), str(sum(row.values())))
    return table


def print_meter(figures: MeterFigures) -> None:
    clustering = figures.clustering
    rows = _health_rows(figures.health, "files")
    rows += _clustering_rows(clustering, "stories")
    rows += [
        (
            "pairwise F1",
            _number(clustering.pairwise_f1),
            f">= {TARGET_PAIRWISE_F1}",
            _verdict(clustering.pairwise_f1, TARGET_PAIRWISE_F1),
        ),
        ("adjusted Rand index", _number(clustering.adjusted_rand_index), "", ""),
        (
            "PA named origin (best-matching story)",
            _number(figures.pa_named_origin, percent=True),
            f">= {TARGET_ORIGIN_SHARE:.0%}",
            _verdict(figures.pa_named_origin, TARGET_ORIGIN_SHARE),
        ),
        (
            "  of which a PA file of that gold story",
            _number(figures.pa_of_same_story_named_origin, percent=True),
            "",
            "",
        ),
        ("stories of 2+ articles with a PA origin", _number(figures.multi_member_stories_with_pa_origin, True), "", ""),
        _timing_row(figures.timing, "analyze time"),
    ]
    console.print(_figures_table("METER: PA wire copy and the newspapers' articles", rows))
    console.print(_counts_table("METER relations by role (source -> copy)", figures.relations_by_roles, "roles"))
    console.print(f"relations joining two different gold stories: {_kind_counts(figures.relations_across_stories)}\n")
    _print_candidate_recall("METER candidate recall (same-story pairs)", figures.candidate_recall)


def print_politifact(figures: PolitifactFigures) -> None:
    clustering = figures.clustering
    rows = _health_rows(figures.health, "records")
    rows += _clustering_rows(clustering, "groups")
    rows += [
        ("pairwise F1", _number(clustering.pairwise_f1), "", ""),
        (
            "adjusted Rand index",
            _number(clustering.adjusted_rand_index),
            f">= {TARGET_ADJUSTED_RAND}",
            _verdict(clustering.adjusted_rand_index, TARGET_ADJUSTED_RAND),
        ),
        (
            "origin right (best-matching story names the original)",
            _number(figures.origin_right, percent=True),
            f">= {TARGET_ORIGIN_SHARE:.0%}",
            _verdict(figures.origin_right, TARGET_ORIGIN_SHARE),
        ),
        ("groups whose original is also another group's", str(figures.groups_sharing_an_original), "", ""),
        (
            "  ARI with those groups counted as one story",
            _number(figures.clustering_with_shared_originals_merged.adjusted_rand_index),
            "",
            "",
        ),
        (
            "  best ARI a tool can reach (those groups one story, all else right)",
            _number(figures.best_reachable_adjusted_rand),
            "",
            "",
        ),
        (
            "  origin right, the same original text under another group",
            _number(figures.origin_right_counting_the_same_text, percent=True),
            "",
            "",
        ),
        _timing_row(figures.timing, "analyze time"),
    ]
    console.print(_figures_table("PolitiFact originals and their LLM rewrites", rows))
    table = Table(title="PolitiFact rewrite links (original, rewrite), by style", title_justify="left")
    table.add_column("style")
    table.add_column("linked (any kind but unrelated)", justify="right")
    table.add_column("original named the source", justify="right")
    for style, recall in figures.rewrite_link_recall.items():
        table.add_row(style, _number(recall, True), _number(figures.original_named_source[style], True))
    console.print(table)
    console.print(
        _counts_table("PolitiFact relations by style (source -> copy)", figures.relations_by_styles, "styles")
    )
    console.print(f"relations joining two different groups: {_kind_counts(figures.relations_across_groups)}\n")
    _print_candidate_recall("PolitiFact candidate recall (same-group pairs)", figures.candidate_recall)


def print_semeval(figures: SemevalFigures) -> None:
    rows = [
        ("pairs", str(figures.pairs), "", ""),
        (
            "Pearson (similarity, -Overall)",
            _number(figures.pearson_with_negative_overall),
            f"> {TARGET_PEARSON}",
            _verdict(figures.pearson_with_negative_overall, TARGET_PEARSON, strict=True),
        ),
        ("Spearman (similarity, -Overall)", _number(figures.spearman_with_negative_overall), "", ""),
        _timing_row(figures.timing, "compare_texts time"),
    ]
    console.print(_figures_table("SemEval-2022 Task 8, English pairs: story similarity", rows))
    table = Table(
        title="similarity by Overall rating, rounded (1 very similar .. 4 very dissimilar)", title_justify="left"
    )
    table.add_column("Overall", justify="right")
    table.add_column("pairs", justify="right")
    table.add_column("mean similarity", justify="right")
    table.add_column("kinds")
    for bucket in figures.by_rounded_overall:
        table.add_row(
            str(bucket.rounded_overall), str(bucket.pairs), _number(bucket.mean_similarity), _kind_counts(bucket.kinds)
        )
    console.print(table)
    console.print()


def _json_ready(value: Any) -> Any:
    """NaN (an undefined share or correlation) as null, since JSON has no NaN."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {str(key): _json_ready(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json_ready(item) for item in value]
    return value


MEASURES: dict[str, tuple[Callable[[Path, int | None], Any], Callable[[Any], None]]] = {
    "meter": (measure_meter, print_meter),
    "politifact": (measure_politifact, print_politifact),
    "semeval": (measure_semeval, print_semeval),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--meter", action="store_true", help="METER: story clustering, PA origin, relation kinds")
    parser.add_argument("--politifact", action="store_true", help="PolitiFact rewrites: clustering, origin, links")
    parser.add_argument("--semeval", action="store_true", help="SemEval-2022 Task 8: similarity against ratings")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help=f"default: {DEFAULT_CORPUS}")
    parser.add_argument(
        "--limit", type=int, help="quick run: at most N stories (meter), groups (politifact), pairs (semeval)"
    )
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    parser.add_argument(
        "--cross-validate",
        type=Path,
        metavar="PAIRS",
        help="score METER and PolitiFact pairs with models trained without their stories' folds "
        "(PAIRS: the .npz of scripts/train_story_model.py --pairs); the shipped model saw these corpora",
    )
    arguments = parser.parse_args()
    if arguments.limit is not None and arguments.limit < 1:
        parser.error("--limit must be at least 1")
    chosen = [name for name in DATASETS if getattr(arguments, name)] or list(DATASETS)

    corpus: Path = arguments.corpus
    if not corpus.is_dir():
        sys.exit(f"corpus not found at {corpus}: pass --corpus DIR (the shared corpus, with meter/ and the others)")
    absent = [
        str(corpus / name) for dataset in chosen for name in CORPUS_FILES[dataset] if not (corpus / name).exists()
    ]
    if absent:
        sys.exit("corpus incomplete, missing: " + ", ".join(absent))
    try:
        _require(sorted({name for dataset in chosen for name in INTERFACE[dataset]}))
    except InterfaceMissing as error:
        sys.exit(f"cannot measure: {error}")

    results: dict[str, Any] = {"corpus": str(corpus), "limit": arguments.limit}
    failed = False
    for name in chosen:
        measure, show = MEASURES[name]
        with console.status(f"measuring {name}..."):
            try:
                if name == "semeval":
                    figures = measure(corpus, arguments.limit)
                else:
                    figures = measure(corpus, arguments.limit, arguments.cross_validate)
            # One dataset breaking the tool must not hide the others' figures; the traceback says where.
            except Exception as error:
                failed = True
                traceback.print_exc()
                console.print(f"[red]{name}: failed ({type(error).__name__}: {error})[/red]\n")
                results[name] = {"error": f"{type(error).__name__}: {error}"}
                continue
        show(figures)
        results[name] = asdict(figures)
    if arguments.json:
        arguments.json.write_text(json.dumps(_json_ready(results), indent=2) + "\n", encoding="utf-8")
        console.print(f"figures written to {arguments.json}")
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
