"""The pipeline: read every page, clean it into articles, store them; bad input never stops it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from newstrace.align import prepare_text, relate
from newstrace.align.alignment import PreparedText
from newstrace.align.relation import PairComparison, RelationModels, compare_pair, default_models
from newstrace.candidates import CandidateIndex, fingerprint_articles
from newstrace.candidates.minhash import estimated_jaccard
from newstrace.clean import CleaningError, clean_pages
from newstrace.clean.site import articles_without_site_boilerplate
from newstrace.embeddings import LeadEncoder, lead_text
from newstrace.model import Article, Page, ReadError, Relation, Story, UnrelatedPair
from newstrace.read import DEFAULT_MAX_PAGE_BYTES, SkippedFile, list_files, read_paths
from newstrace.sentences import Lexicon, default_lexicon
from newstrace.store import Store
from newstrace.stories import build_stories

ProgressCallback = Callable[[str], None]
# A stage of a run begins: its name and how many steps it takes (None: not known).
StageCallback = Callable[[str, int | None], None]

# Pages cleaned together: numpy and LightGBM cost per call about what 100 lines cost, and pages
# have 30 to 200 lines (measured, 128 pages a batch against 32: 0.67 -> 0.56 ms a page of 31
# lines, 3.1 -> 3.0 ms a page of 165); a batch is also all a run can lose if it is stopped. A batch
# also closes at this many characters, so a few very large pages are not held (and classified) at once.
CLEANING_BATCH = 128
CLEANING_BATCH_CHARACTERS = 2_000_000
# The error of a page whose article the site pass found to be its outlet's template and nothing else.
NO_TEXT_BUT_SITE_BOILERPLATE = "no article text found on the page, only its outlet's boilerplate"
# Pairs judged together: the story model scores them in one call (LightGBM costs ~0.2 ms a call).
JUDGING_CHUNK = 256
# Stored articles whose older fingerprints are made again together (see find_relations).
REFINGERPRINT_CHUNK = 10_000
# What follows a file's path in the source of one of its records: a JSONL line, a WARC record's URL.
_RECORD_SUFFIX = re.compile(r"(?<=\.warc)#.*$|(?<=\.warc\.gz)#.*$|:\d+$", re.IGNORECASE)


def _file_of(source: str) -> str:
    """The file a page, error or skipped file came from, so progress counts each file once."""
    return _RECORD_SUFFIX.sub("", source, count=1)


@dataclass(slots=True)
class RunSummary:
    """What one run did; the figures the CLI prints."""

    files: int = 0
    pages: int = 0
    pages_already_stored: int = 0
    articles: list[Article] = field(default_factory=list)
    split_pages: int = 0
    removed_lines: int = 0
    dates_found: int = 0
    errors: list[ReadError] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    candidate_pairs: int = 0
    relations: list[Relation] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.errors)


def count_files(paths: Iterable[str | Path]) -> int:
    return sum(1 for item in list_files(paths) if not isinstance(item, ReadError))


def analyze(
    paths: Iterable[str | Path],
    db: str | Path = "newstrace.db",
    max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES,
    on_file: ProgressCallback | None = None,
    on_pair: ProgressCallback | None = None,
    models: RelationModels | None = None,
    on_stage: StageCallback | None = None,
    site_boilerplate: bool = True,
) -> RunSummary:
    """Read, clean and store everything under the paths; pages already stored are not redone.

    `models` judge each compared pair (default: the shipped story and direction models, else rules).
    `on_file` is told of each file read, `on_stage` of each later stage begun, `on_pair` of each pair judged.
    `site_boilerplate=False` skips the site pass (clean.site): each page is then cleaned on its own."""
    paths = list(paths)
    summary = RunSummary()
    with Store(db) as store:

        def record(articles: list[Article]) -> None:
            summary.articles.extend(articles)
            summary.split_pages += len(articles) > 1
            summary.removed_lines += sum(len(article.removed) for article in articles)
            summary.dates_found += sum(article.date is not None for article in articles)

        def fail(source: str, message: str) -> None:
            summary.errors.append(ReadError(source, message))
            store.add_error(source, message)

        pending: list[Page] = []
        pending_characters = 0

        def clean_pending() -> None:
            nonlocal pending_characters
            # Pages are cleaned in batches (the line model scores a batch's lines at once), and
            # stored in reading order; a page that breaks a stage fails alone.
            for page, result in zip(pending, clean_pages(pending), strict=True):
                if isinstance(result, CleaningError):
                    fail(page.source, str(result))
                elif isinstance(result, Exception):
                    fail(page.source, f"could not be cleaned ({type(result).__name__}: {result})")
                else:
                    try:
                        record(store.add_page(page, result))
                    except Exception as error:
                        fail(page.source, f"could not be stored ({type(error).__name__}: {error})")
            pending.clear()
            pending_characters = 0

        current_file = None
        for item in read_paths(paths, max_page_bytes):
            file_name = _file_of(item.source)
            if on_file is not None and file_name != current_file:
                current_file = file_name
                on_file(file_name)
            if isinstance(item, SkippedFile):
                summary.skipped.append(item)
                continue
            if isinstance(item, ReadError):
                clean_pending()
                fail(item.source, item.error)
                continue
            summary.pages += 1
            if any(page.content_hash == item.content_hash and page.source == item.source for page in pending):
                clean_pending()  # the same page given twice in one run is stored once
            if store.has_page(item.content_hash, item.source):
                clean_pending()
                summary.pages_already_stored += 1
                record(store.articles_of_page(item.content_hash, item.source))
                continue
            pending.append(item)
            pending_characters += len(item.text or item.html or "")
            if len(pending) >= CLEANING_BATCH or pending_characters >= CLEANING_BATCH_CHARACTERS:
                clean_pending()
        clean_pending()
        # The outlets of every page stored (this run's, and an earlier run's that no pass has read:
        # one without the pass, one stopped before it), marked by the store with the page.
        outlets = store.outlets_to_pass() if site_boilerplate else set()
        if on_stage is not None and outlets:
            on_stage("finding site boilerplate", None)
        site_pass = remove_site_boilerplate(store, outlets)
        for article in site_pass.pages_without_text:
            fail(article.source, f"{article.id}: {NO_TEXT_BUT_SITE_BOILERPLATE}")
        _record_site_boilerplate(summary, site_pass)
        summary.candidate_pairs, summary.relations = find_relations(
            store, default_lexicon(), models or default_models(), on_pair, on_stage
        )
        if on_stage is not None:
            on_stage("building stories", None)
        summary.stories = build_stories(
            list(store.articles()), store.relations(), store.unrelated_pairs(), store.echoes()
        )
        store.replace_stories(summary.stories)
    summary.files = len({_file_of(article.source) for article in summary.articles})
    return summary


@dataclass(slots=True)
class SitePassResult:
    """The articles the site pass changed: those that keep text, and those left with none, told apart
    by whether another article of their page keeps text (a part the cleaner split off a page that was
    its outlet's template: a sidebar of other posts' openings) or none does (the page held no article)."""

    with_text: list[Article] = field(default_factory=list)
    pages_without_text: list[Article] = field(default_factory=list)
    parts_without_text: list[Article] = field(default_factory=list)


def remove_site_boilerplate(store: Store, outlets: Iterable[str]) -> SitePassResult:
    """Move each outlet's site boilerplate out of the bodies of its stored articles (clean.site).
    An article left with no text is stored and listed nowhere. All the outlet's articles are read, as
    read before any pass, so the articles of several runs end as one run leaves them."""
    changed: list[Article] = []
    pages_with_text: set[tuple[str, str]] = set()
    for outlet in sorted(outlets):
        articles = store.articles_of_outlet(outlet)
        changed_here = articles_without_site_boilerplate(articles)
        latest = {article.id: article for article in articles} | {article.id: article for article in changed_here}
        pages_with_text |= {(article.content_hash, article.source) for article in latest.values() if article.paragraphs}
        changed += changed_here
    if changed:
        store.replace_article_text(changed)
    store.mark_outlets_passed(outlets)
    result = SitePassResult()
    for article in changed:
        if article.paragraphs:
            result.with_text.append(article)
        elif (article.content_hash, article.source) in pages_with_text:
            result.parts_without_text.append(article)
        else:
            result.pages_without_text.append(article)
    return result


def _record_site_boilerplate(summary: RunSummary, site_pass: SitePassResult) -> None:
    """The run's articles as stored after the site pass, and the lines it removed; a page split in two
    whose second part was its outlet's template counts as split no more."""
    by_id = {article.id: article for article in site_pass.with_text}
    dropped = {article.id for article in (*site_pass.pages_without_text, *site_pass.parts_without_text)}
    before = {article.id: len(article.removed) for article in summary.articles if article.id in by_id}
    summary.removed_lines += sum(len(by_id[article_id].removed) - count for article_id, count in before.items())
    summary.removed_lines -= sum(len(article.removed) for article in summary.articles if article.id in dropped)
    summary.dates_found -= sum(article.date is not None for article in summary.articles if article.id in dropped)
    pages_before = Counter((article.content_hash, article.source) for article in summary.articles)
    summary.articles = [by_id.get(article.id, article) for article in summary.articles if article.id not in dropped]
    pages_after = Counter((article.content_hash, article.source) for article in summary.articles)
    summary.split_pages -= sum(1 for page, count in pages_before.items() if count > 1 and pages_after[page] <= 1)


def find_relations(
    store: Store,
    lexicon: Lexicon,
    models: RelationModels,
    on_pair: ProgressCallback | None = None,
    on_stage: StageCallback | None = None,
) -> tuple[int, list[Relation]]:
    """Pair the articles not yet indexed with all stored ones, relate each pair, store the relations."""
    new_articles = store.articles_without_fingerprint()
    if not new_articles:
        return 0, []
    # Stored by an older newstrace: made again, so that new articles meet them by today's measure; a
    # chunk of articles at a time, as a large database's would not fit in memory at once.
    made_again: set[str] = set()
    while older := store.articles_with_older_fingerprints(limit=REFINGERPRINT_CHUNK):
        if made_again.issuperset(article.id for article in older):
            break  # nothing left that a new fingerprint replaces: never loop on rows that stay old
        if on_stage is not None:
            on_stage("making older fingerprints again", None)
        store.replace_fingerprints(fingerprint_articles(older, lexicon))
        made_again.update(article.id for article in older)
    if on_stage is not None:
        on_stage("finding candidate pairs", None)
    index = CandidateIndex(store.fingerprints())
    fingerprints = fingerprint_articles(new_articles, lexicon)
    pairs = index.add_and_pair(fingerprints)
    loaded: dict[str, Article] = {article.id: article for article in new_articles}
    prepared: dict[str, PreparedText] = {}
    # The lead encoder costs about 18 ms an article, more than all else a pair needs, and only a
    # relation's graded similarity uses it: pairs are judged without it first, and the articles
    # of the pairs found related are embedded and those pairs judged again (same verdicts).
    lexical_models = replace(models, lead_encoder=None)
    unrelated: list[UnrelatedPair] = []
    # Each relation found (source, copy): its articles in the order compared, their alignment and the
    # story model's probability, for judging it again with the lead encoder.
    compared_as: dict[tuple[str, str], tuple[str, str, PairComparison, float]] = {}

    def prepare(article_id: str) -> None:
        if article_id not in loaded:
            article = store.article(article_id)
            if article is None:
                raise KeyError(article_id)
            loaded[article_id] = article
        if article_id not in prepared:
            prepared[article_id] = prepare_text(loaded[article_id].paragraphs, lexicon)

    def judge(pairs_to_judge: list[tuple[str, str, str]]) -> list[Relation]:
        """The relations among pairs (first, second, channel), judged a chunk at a time so that the
        story model scores a chunk's pairs in one call; unrelated pairs are kept aside."""
        found: list[Relation] = []
        for start in range(0, len(pairs_to_judge), JUDGING_CHUNK):
            chunk = pairs_to_judge[start : start + JUDGING_CHUNK]
            for first_id, second_id, _ in chunk:
                prepare(first_id)
                prepare(second_id)
            comparisons = [
                compare_pair(loaded[first], prepared[first], loaded[second], prepared[second])
                for first, second, _ in chunk
            ]
            probabilities = lexical_models.story.probabilities(
                [(loaded[first], loaded[second]) for first, second, _ in chunk],
                np.vstack([comparison.features for comparison in comparisons]),
            )
            for (first_id, second_id, found_by), comparison, probability in zip(
                chunk, comparisons, probabilities.tolist(), strict=True
            ):
                first, second = loaded[first_id], loaded[second_id]
                relation = relate(
                    first, prepared[first_id], second, prepared[second_id], lexical_models, comparison, probability
                )
                if on_pair is not None:
                    on_pair(f"{first_id} ~ {second_id}")
                if relation.kind == "unrelated":
                    # Not a link, and no way to neighbours; its probability still weighs in clustering.
                    low, high = sorted((first_id, second_id))
                    unrelated.append(UnrelatedPair(low, high, relation.story_probability, relation.text_similarity))
                    continue
                relation.found_by = found_by
                compared_as[(relation.source, relation.copy)] = (first_id, second_id, comparison, probability)
                found.append(relation)
        return found

    if on_stage is not None:
        on_stage("judging pairs", len(pairs))
    relations = judge([(pair.first, pair.second, pair.channel) for pair in pairs])
    compared = {frozenset((pair.first, pair.second)) for pair in pairs}
    stored = store.relations()
    # An echo meets the others through the article it echoes, never as a neighbour.
    echoes = index.echo_of
    neighbour_pairs = neighbours_to_compare(
        [article.id for article in new_articles if article.id not in echoes],
        [
            relation
            for relation in (*stored, *relations)
            if relation.found_by != NEIGHBOURS and relation.source not in echoes and relation.copy not in echoes
        ],
        compared | {frozenset((relation.source, relation.copy)) for relation in stored},
        index,
    )
    if on_stage is not None and neighbour_pairs:
        on_stage("judging neighbours' pairs", len(neighbour_pairs))
    relations += judge([(first, second, NEIGHBOURS) for first, second in neighbour_pairs])
    if models.lead_encoder is not None:
        # An echo's relation to the article it repeats is plain from their shared text: embedding
        # each of a wire story's hundreds of reprints cost more than all the rest of their pairs.
        echo_pairs = {frozenset(pair) for pair in echoes.items()}
        graded = [relation for relation in relations if frozenset((relation.source, relation.copy)) not in echo_pairs]
        if on_stage is not None and graded:
            on_stage("embedding related articles", None)
        vectors = _lead_vectors(store, graded, loaded, models.lead_encoder)
        judged_again = iter(_with_lead_similarity(graded, compared_as, loaded, prepared, models, vectors))
        relations = [
            relation if frozenset((relation.source, relation.copy)) in echo_pairs else next(judged_again)
            for relation in relations
        ]
    fingerprints = [replace(item, echo_of=echoes.get(item.article, "")) for item in fingerprints]
    store.add_relations(fingerprints, relations, unrelated)
    return len(pairs) + len(neighbour_pairs), relations


def _lead_vectors(
    store: Store, relations: list[Relation], loaded: dict[str, Article], encoder: LeadEncoder
) -> dict[str, np.ndarray]:
    """The lead vector of every article of the relations: stored ones reused, the others embedded and
    stored (an article related again in a later run costs no second embedding)."""
    wanted = sorted({article_id for relation in relations for article_id in (relation.source, relation.copy)})
    # An encoder without a name (a stand-in) cannot tell its vectors from another's: none are kept.
    name = getattr(encoder, "name", "")
    vectors = store.lead_vectors(wanted, name) if name else {}
    leads = {article_id: lead_text(loaded[article_id].paragraphs) for article_id in wanted if article_id not in vectors}
    # Each distinct opening once: copies of a wire story often share theirs word for word, and the
    # encoder is most of a run's time (the same text gives the same vector).
    encoded = {text: encoder.encode([text])[0] for text in dict.fromkeys(leads.values())}
    made = {article_id: encoded[text] for article_id, text in leads.items()}
    if name and made:
        store.add_lead_vectors(name, made)
    return vectors | made


def _with_lead_similarity(
    relations: list[Relation],
    compared_as: dict[tuple[str, str], tuple[str, str, PairComparison, float]],
    loaded: dict[str, Article],
    prepared: dict[str, PreparedText],
    models: RelationModels,
    vectors: dict[str, np.ndarray],
) -> list[Relation]:
    """The relations judged again with the embeddings of their articles' openings, on the alignments
    and story probabilities already made (the embedding changes neither; scoring each pair again, one
    at a time, was a tenth of a run's time)."""
    for article_id, vector in vectors.items():
        prepared[article_id] = replace(prepared[article_id], lead_vector=vector)
    judged = []
    for relation in relations:
        first, second, comparison, probability = compared_as[(relation.source, relation.copy)]
        again = relate(
            loaded[first], prepared[first], loaded[second], prepared[second], models, comparison, probability
        )
        again.found_by = relation.found_by
        judged.append(again)
    return judged


NEIGHBOURS = "neighbours"
# Two articles related to a third are compared when their heaviest terms overlap at least this much:
# short pieces of one story share too few terms to meet in the LSH bands, but meet through a neighbour.
NEIGHBOUR_MINIMUM_JACCARD = 0.03
# An article related to more articles than this is met through its relations already, and no step
# goes through it: the step would compare every two of its neighbours (pages of one template, each
# related to a hundred others, made it the largest part of a run). No real corpus here comes near:
# METER's articles have at most 23 relations found by the channels, PolitiFact's 18, a crawl's 12.
NEIGHBOUR_DEGREE = 64


def neighbours_to_compare(
    new_ids: list[str],
    relations: list[Relation],
    compared: set[frozenset[str]],
    index: CandidateIndex,
    max_degree: int | None = NEIGHBOUR_DEGREE,
) -> list[tuple[str, str]]:
    """Pairs two steps apart through a new article's relations that no channel has compared yet.

    Every pair at distance two is reached when the last of its three articles arrives, so an
    incremental run compares the same pairs as a run from scratch (where no article has more than
    `max_degree` relations: above it, the relations of the time decide). None: no bound (the story
    model's training, on small corpora, takes every pair any model could have compared).
    """
    bound = max_degree if max_degree is not None else len(index.ids)
    adjacency: dict[str, set[str]] = {}
    for relation in relations:
        adjacency.setdefault(relation.source, set()).add(relation.copy)
        adjacency.setdefault(relation.copy, set()).add(relation.source)
    wanted: set[tuple[str, str]] = set()
    for article_id in new_ids:
        near = adjacency.get(article_id, set())
        if len(near) > bound:
            continue
        for neighbour in near:
            beyond = adjacency.get(neighbour, set())
            if len(beyond) > bound:
                continue
            for second in beyond:
                if second != article_id:
                    wanted.add(tuple(sorted((article_id, second))))  # type: ignore[arg-type]
            for other in near:
                if other != neighbour:
                    wanted.add(tuple(sorted((neighbour, other))))  # type: ignore[arg-type]
    pairs = sorted(pair for pair in wanted if frozenset(pair) not in compared)
    if not pairs:
        return []
    position = {article_id: number for number, article_id in enumerate(index.ids)}
    rows = index.rows["terms"]
    first = np.array([position[pair[0]] for pair in pairs])
    second = np.array([position[pair[1]] for pair in pairs])
    keep = estimated_jaccard(rows[first], rows[second]) >= NEIGHBOUR_MINIMUM_JACCARD
    return [pair for pair, kept in zip(pairs, keep, strict=True) if kept]
