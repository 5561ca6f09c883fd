"""The relation between two articles: its kind, confidence, story similarity and direction."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from newstrace.align.alignment import (
    INNER_NAME,
    AlignedText,
    PreparedText,
    align_texts,
    document_cosine,
    prepare_text,
    sentence_similarity,
)
from newstrace.align.direction import (
    DirectionScorer,
    default_direction_model,
    direction_features,
    has_agency_marks,
)
from newstrace.align.pair_features import FEATURE_NAMES, lead_similarity, pair_features, parse_date
from newstrace.align.story_model import (
    STORY_THRESHOLD,
    RuleStoryScorer,
    StoryScorer,
    default_story_scorer,
    graded_similarity,
)
from newstrace.clean import outlet_of_url
from newstrace.clean.credits import canonical_agency
from newstrace.clean.site import subject_words
from newstrace.embeddings import LeadEncoder, default_lead_encoder
from newstrace.model import (
    CANONICAL_ELSEWHERE,
    PUBLISHED_TIME,
    WHOLE_COPY_SHARE,
    Article,
    Relation,
    agency_mark_rank,
    publishers_differ,
)
from newstrace.sentences import default_lexicon
from newstrace.sentences.words import count_words

# Thresholds on the shares of the copy's words (see AlignedText); the kinds are tried in this order.
DUPLICATE_SHARE = 0.98
COPY_VERBATIM_SHARE = WHOLE_COPY_SHARE
SYNDICATED_EDITED_SHARE = 0.6
REWRITE_ALIGNED_SHARE = 0.5
REWRITE_ORDER = 0.6
# A copy wrapped in text of its own: a quarter or more of its words in at least two of the source's
# sentences word for word, little reworded closely beside them (light edits, close paraphrases: a
# rewrite rewords the rest), and a fifth or more matching nothing of the source, or only loosely.
# An agency's follow-up that reuses its earlier report's background, a paper's story around an
# agency's paragraphs. METER: 3 of its 2,310 related pairs (a release's sub, papers' stories; 2
# rewrites and a same-event report before); PolitiFact's LLM rewrites: none of 2,801 (one keeping 7
# sentences word for word rewords the others closely).
WRAPPED_VERBATIM_SHARE = 0.25
WRAPPED_VERBATIM_SENTENCES = 2
WRAPPED_REWORDED_SHARE = 0.25
WRAPPED_OWN_SHARE = 0.2
CATCHLINE_SIMILARITY = 0.8
COPIED_KINDS = ("duplicate", "copy", "syndicated")
# A rewrite dated apart from its source is told by its text alone only where most of it follows the
# source sentence by sentence (confidence: aligned share times order) and the undated story
# probability is as sure: weaker likeness across days is a running story's next report.
DATED_REWRITE_CONFIDENCE = 0.8
DATED_REWRITE_SENTENCES = 2
# A content farm's paraphrase of a wire story a day later, every sentence in order with its figures,
# got an undated story probability of 0.798 and was called unrelated: a rewrite of this many aligned
# sentences each way needs only the story threshold undated. Two or three sentences of a teaser or a
# ranking's entries paraphrase another report months away as well (PolNeAR: three such pairs).
SUBSTANTIAL_REWRITE_SENTENCES = 4
# Direction from details: one side must hold this much more of the other's numbers.
DETAIL_MARGIN = 0.2
# A direction is "known" when P(first is the source) is this far from one half.
DIRECTION_MARGIN = 0.15
# Without a direction model, what one point of rule evidence adds to that probability.
DIRECTION_POINT = 0.15
# Agency marks and dates are worth more than a point: two of them (an agency dateline on one side)
# decide at 0.99, above what the direction model says of two papers, so an agency copy in a story
# outweighs papers that only look like sources of each other (METER, cross-validated: PA named
# origin 95.8% -> 98.3%, stories of 2+ articles with a PA origin 97.4% -> 100%).
HARD_DIRECTION_POINT = 0.25
# An article of fewer words tells no story another could share (a page left with "November 2012",
# a blog's name): on 2,063 real pages analysed as one crawl, one such page was a "rewrite" of six
# unrelated blog posts at confidence 1.0. Identical texts are still duplicates.
MINIMUM_STORY_WORDS = 8
# Headlines need this many subject words each before their having none in common says anything.
SUBJECT_WORDS_TO_TELL = 2
# A word this frequent (Zipf scale: 30 uses per million words) is a beat's, not an event's.
BEAT_WORD_ZIPF = 4.5
# Letters of a headline's word that the text must say for it to tell what the headline names.
HEADLINE_WORD_PREFIX = 6
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class PairComparison:
    """Two articles aligned both ways, and the features a story scorer weighs."""

    second_from_first: AlignedText
    first_from_second: AlignedText
    features: np.ndarray


def compare_pair(
    first: Article, first_text: PreparedText, second: Article, second_text: PreparedText
) -> PairComparison:
    similarity_matrix = sentence_similarity(second_text, first_text)
    document_similarity = document_cosine(second_text, first_text)
    second_from_first = align_texts(second_text, first_text, similarity_matrix, document_similarity)
    first_from_second = align_texts(first_text, second_text, similarity_matrix.T, document_similarity)
    features = pair_features(
        first, first_text, second, second_text, second_from_first, first_from_second, similarity_matrix
    )
    return PairComparison(second_from_first, first_from_second, features)


def _undated_probability(models: RelationModels, first: Article, second: Article, features: np.ndarray) -> float | None:
    """The story probability of a pair dated apart as if its dates were unknown; None for a pair
    not dated apart."""
    gap = features[FEATURE_NAMES.index("day_gap")]
    if np.isnan(gap) or gap == 0:
        return None
    undated = features.copy()
    undated[FEATURE_NAMES.index("day_gap")] = np.nan
    return models.story.probability(first, second, undated)


def _rewritten_another_day(comparison: PairComparison, undated: float) -> bool:
    """Whether one text rewrites the other sentence by sentence, dated apart: as sure as
    DATED_REWRITE_CONFIDENCE in its alignment, and in its undated story probability unless the rewrite
    runs to SUBSTANTIAL_REWRITE_SENTENCES aligned sentences each way, where that probability need only
    pass the story threshold."""
    if undated < STORY_THRESHOLD:
        return False
    sentences = DATED_REWRITE_SENTENCES if undated >= DATED_REWRITE_CONFIDENCE else SUBSTANTIAL_REWRITE_SENTENCES
    return (
        max(
            _dated_rewrite_confidence(alignment, other_way, undated, sentences)
            for alignment, other_way in (
                (comparison.second_from_first, comparison.first_from_second),
                (comparison.first_from_second, comparison.second_from_first),
            )
        )
        >= DATED_REWRITE_CONFIDENCE
    )


def _dated_rewrite_confidence(
    alignment: AlignedText, other_way: AlignedText, story_probability: float, sentences: int = DATED_REWRITE_SENTENCES
) -> float:
    """The confidence of a rewrite whose two texts each have `sentences` aligned sentences or more,
    else 0: one sentence ("X was found guilty of conspiracy to murder") fits a report of another case."""
    kind, confidence = classify(alignment, other_way, story_probability)
    aligned = min(
        sum(1 for sentence in side.aligned if sentence.kind != "unaligned") for side in (alignment, other_way)
    )
    return confidence if kind == "rewrite" and aligned >= sentences else 0.0


def classify(
    alignment: AlignedText, other_way: AlignedText, story_probability: float, wrapped_copy: bool = False
) -> tuple[str, float]:
    """The kind of derivation shown by the alignment of a copy to its source, and a confidence
    (`wrapped_copy`: the copy carries part of its source inside its own text, see carries_its_source)."""
    if alignment.verbatim_share >= DUPLICATE_SHARE and other_way.verbatim_share >= DUPLICATE_SHARE:
        return "duplicate", round(min(alignment.verbatim_share, other_way.verbatim_share), 3)
    if alignment.verbatim_share >= COPY_VERBATIM_SHARE:
        return "copy", round(alignment.verbatim_share, 3)
    if alignment.edited_share >= SYNDICATED_EDITED_SHARE:
        return "syndicated", round(alignment.edited_share, 3)
    if other_way.verbatim_share >= COPY_VERBATIM_SHARE and alignment.verbatim_share >= alignment.copy_coverage - 0.01:
        # The whole source word for word inside a longer text, which adds to it and rewords none of it: a
        # copy with more (an update's added paragraphs, a paper's own lines around the wire's report).
        return "copy", round(other_way.verbatim_share, 3)
    if wrapped_copy:
        # Its confidence, the share word for word, stays below a whole copy's (Relation.is_partial_copy).
        return "copy", min(round(alignment.verbatim_share, 3), WHOLE_COPY_SHARE - 0.001)
    if alignment.copy_coverage >= REWRITE_ALIGNED_SHARE and alignment.order >= REWRITE_ORDER:
        return "rewrite", round(min(1.0, alignment.copy_coverage * alignment.order + 0.1), 3)
    if story_probability >= STORY_THRESHOLD:
        return "same_event", round(story_probability, 3)
    return "unrelated", round(1.0 - story_probability, 3)


def carries_its_source(
    models: RelationModels,
    comparison: PairComparison,
    alignment: AlignedText,
    copy_text: PreparedText,
    pair: tuple[Article, Article],
    probability: float,
    undated: float | None = None,
) -> bool:
    """Whether a copy carries part of its source inside its own text (is_wrapped_copy), telling its
    story: two pages of one site share their template's sentences word for word, which name nothing
    the pages' own sentences name, and tell no one story (a follow-up of another day does, its dates
    aside). An agency's update of its own report, under the same dateline, tells its story whatever
    its new sentences name. `undated`: the pair's story probability without its dates, where already made."""
    if not is_wrapped_copy(alignment):
        return False
    if not _carried_names_told(copy_text, alignment) and not _one_agency_dateline(*pair):
        return False
    if probability >= STORY_THRESHOLD:
        return True
    if undated is None:
        undated = _undated_probability(models, *pair, comparison.features)
    return undated is not None and undated >= STORY_THRESHOLD


def _one_agency_dateline(first: Article, second: Article) -> bool:
    """Whether both articles stand under one agency's dateline of one place ("GRANBY FALLS, Colo. (AP)")."""
    return bool(first.dateline and first.credit) and (first.dateline, first.credit) == (second.dateline, second.credit)


def _carried_names_told(copy_text: PreparedText, alignment: AlignedText) -> bool:
    """Whether the sentences a copy carries word for word name someone or something (a capitalised
    word inside a sentence) that its other sentences name too."""
    verbatim = set(alignment.verbatim_rows())
    carried: set[str] = set()
    own: set[str] = set()
    for row, sentence in enumerate(copy_text.sentences):
        (carried if row in verbatim else own).update(name.lower() for name in INNER_NAME.findall(sentence))
    return not carried.isdisjoint(own)


def is_wrapped_copy(alignment: AlignedText) -> bool:
    """Whether a copy carries part of its source word for word inside text of its own, paraphrasing
    little of the rest."""
    return (
        alignment.verbatim_share >= WRAPPED_VERBATIM_SHARE
        and alignment.verbatim_sentences >= WRAPPED_VERBATIM_SENTENCES
        and alignment.close_share - alignment.verbatim_share < WRAPPED_REWORDED_SHARE
        # Its own sentences on the subject may match some of the source's loosely.
        and 1.0 - alignment.close_share >= WRAPPED_OWN_SHARE
    )


@dataclass(frozen=True, slots=True)
class DirectionEvidence:
    """Rule points for the first article being the source: hard (agency marks, dates) and soft."""

    hard_points: int
    soft_points: int
    hard_reasons: int
    reasons: list[str]


def direction_evidence(
    first: Article,
    first_text: PreparedText,
    second: Article,
    second_text: PreparedText,
    first_from_second: AlignedText,
    second_from_first: AlignedText,
) -> DirectionEvidence:
    """Points for `first` being the source (negative: `second` is), and the reasons in words."""
    points = 0
    reasons: list[str] = []

    # An article that names the outlet it first appeared in ("This story originally appeared on
    # ZDNet") is that outlet's copy: said outright, it outweighs an agency mark or a date.
    for source, copy, sign in ((first, second, 1), (second, first, -1)):
        if (said := _first_appeared_in(copy, source)) is not None:
            points += FIRST_APPEARED_POINTS * sign
            reasons.append(f"{copy.id} {said}")
    if has_agency_marks(first) != has_agency_marks(second):
        sign = 1 if has_agency_marks(first) else -1
        points += 2 * sign
        holder = first if sign > 0 else second
        reasons.append(f"{holder.id} carries an agency dateline, credit or wire header; the other does not")
    elif (
        first.credit
        and first.credit == second.credit
        and (ranks := (agency_mark_rank(first), agency_mark_rank(second))) in ((0, 1), (1, 0))
    ):
        # Both credit one agency, one in the agency's own form (its tag in the dateline, a wire header),
        # the other in a paper's ("Fuente: EFE", "dpa" under the text): the paper's is the copy.
        sign = 1 if ranks[0] == 0 else -1
        points += 2 * sign
        holder = first if sign > 0 else second
        reasons.append(f"{holder.id} carries {holder.credit}'s own dateline or wire header; the other only credits it")
    first_date, second_date = parse_date(first.date), parse_date(second.date)
    if first_date and second_date and first_date != second_date:
        sign = 1 if first_date < second_date else -1
        points += 2 * sign
        reasons.append(f"{(first if sign > 0 else second).id} is dated earlier")
    elif first_date and first_date == second_date and (sign := _stamped_earlier(first, second)):
        # A point, not a date's two: a feed's time may be the last update's, and an agency's copy
        # updated later in the day stays the source of the papers' copies of its first version.
        points += sign
        earlier, later = (first, second) if sign > 0 else (second, first)
        reasons.append(f"{earlier.id} is stamped earlier the same day ({_clock(earlier)} against {_clock(later)})")
    if first.url and first.url == second.url:
        # Two crawls of one page: the later is the publisher's update of the earlier, not a copy. Only
        # their times tell which came first (a hard reason: without them the direction stays unknown,
        # as the styles of one publisher's two versions say nothing of their order).
        reasons.append("both are versions of one web address")
    hard_points, hard_reasons = points, len(reasons)
    # Completeness: the copy is (mostly) inside the source, not the other way round.
    completeness = second_from_first.copy_coverage - first_from_second.copy_coverage
    if abs(completeness) >= 0.15:
        sign = 1 if completeness > 0 else -1
        points += sign
        reasons.append(_completeness_reason(first, second, first_from_second, second_from_first, sign))
    # Derived texts lose specific details (numbers, rare names) more often than they add them.
    details = _containment(second_text, first_text) - _containment(first_text, second_text)
    if abs(details) >= DETAIL_MARGIN:
        sign = 1 if details > 0 else -1
        points += sign
        holder, other = (first, second) if sign > 0 else (second, first)
        reasons.append(f"{holder.id} has the figures of {other.id} and more")
    # Rewrites turn direct quotations into reported speech; sources keep them.
    if first_text.quote_count != second_text.quote_count and max(first_text.quote_count, second_text.quote_count) >= 2:
        ratio = min(first_text.quote_count, second_text.quote_count) / max(
            first_text.quote_count, second_text.quote_count
        )
        if ratio <= 0.5:
            sign = 1 if first_text.quote_count > second_text.quote_count else -1
            points += sign
            reasons.append(f"{(first if sign > 0 else second).id} keeps the direct quotations the other drops")
    return DirectionEvidence(hard_points, points - hard_points, hard_reasons, reasons)


def _completeness_reason(
    first: Article, second: Article, first_from_second: AlignedText, second_from_first: AlignedText, sign: int
) -> str:
    """Which text is the more complete, in words that claim no more than the shares show."""
    contained, other = (second, first) if sign > 0 else (first, second)
    inside_alignment = second_from_first if sign > 0 else first_from_second
    inside = inside_alignment.copy_coverage
    outside = first_from_second.copy_coverage if sign > 0 else second_from_first.copy_coverage
    # Loose paraphrases may be the text's own sentences on the subject: only close ones contain it.
    if inside_alignment.close_share >= MOSTLY_CONTAINED:
        return f"{contained.id} is mostly contained in the other, which is more complete"
    # Two reports of one topic match a few sentences loosely: "mostly contained" would claim a copy.
    return (
        f"{inside:.0%} of {contained.id}'s words stand in sentences matching {other.id}'s, "
        f"{outside:.0%} of {other.id}'s in sentences matching it"
    )


# The share of a text's words in sentences aligned with the other's from which it reads as "mostly
# contained" in it.
MOSTLY_CONTAINED = 0.5

# Rule points of a copy's own word that it first appeared in the other's outlet (an agency mark or a
# date gives 2).
FIRST_APPEARED_POINTS = 3
_NOT_NAME = re.compile(r"[^a-z0-9]+")


def _first_appeared_in(copy: Article, source: Article) -> str | None:
    """How `copy` says it is `source`'s outlet's: it names that outlet as where it first appeared
    ("ZDNet" for "zdnet.com"), or an address on its site as its canonical one (a syndication
    partner's page); None where it says neither."""
    canonical = copy.metadata.get(CANONICAL_ELSEWHERE)
    if canonical and source.url and _same_site(canonical, source.url):
        return f"names an address on {source.outlet or source.id}'s site as its canonical one"
    named = copy.metadata.get("originally_published")
    if not named or not source.outlet:
        return None
    said, outlet = (
        _NOT_NAME.sub("", text.lower().removeprefix("www.").removeprefix("the ")) for text in (named, source.outlet)
    )
    shorter, longer = sorted((said, outlet), key=len)
    if (said == outlet and said) or (len(shorter) >= 4 and shorter in longer):
        return f"says it first appeared in {source.outlet}"
    return None


def _agencies_apart(source: Article, copy: Article) -> tuple[str, str] | None:
    """The two agencies credited, where each article is credited to a different one ("AP" and
    "Reuters"), else None."""
    agencies = canonical_agency(source.credit), canonical_agency(copy.credit)
    if agencies[0] is None or agencies[1] is None or agencies[0] == agencies[1]:
        return None
    return agencies[0], agencies[1]


def _published_time(article: Article) -> datetime | None:
    try:
        return datetime.fromisoformat(article.metadata[PUBLISHED_TIME])
    except (KeyError, TypeError, ValueError):
        return None


def _stamped_earlier(first: Article, second: Article) -> int:
    """1 where `first`'s time of publication is the earlier, -1 where `second`'s is, 0 where that is
    not known: a time without its offset is compared only with one of the same site's clock."""
    first_time, second_time = _published_time(first), _published_time(second)
    if first_time is None or second_time is None or first_time == second_time:
        return 0
    aware = first_time.tzinfo is not None, second_time.tzinfo is not None
    if aware != (True, True) and (aware != (False, False) or publishers_differ(first, second)):
        return 0
    return 1 if first_time < second_time else -1


def _clock(article: Article) -> str:
    """An article's time of publication as the evidence says it: in UTC where its offset is known."""
    stamp = _published_time(article)
    if stamp is None:
        return "?"
    if stamp.tzinfo is None:
        return stamp.strftime("%H:%M")
    return stamp.astimezone(UTC).strftime("%H:%M") + " UTC"


def _same_site(first: str, second: str) -> bool:
    host = outlet_of_url(first)
    return host is not None and host == outlet_of_url(second)


@dataclass(frozen=True, slots=True)
class RelationModels:
    """What judges a pair beyond the alignment: one story or not, and (if any model) which came first."""

    story: StoryScorer
    direction: DirectionScorer | None = None
    # Embeds the openings of the articles that meet in a pair (None: the lexical features alone).
    lead_encoder: LeadEncoder | None = None


def default_models() -> RelationModels:
    """The models shipped with the package; the rules stand in for any that is missing."""
    return RelationModels(default_story_scorer(), default_direction_model(), default_lead_encoder())


@dataclass(frozen=True, slots=True)
class ArticlePair:
    """Two articles related on their own (not within a run): the relation and both prepared texts."""

    relation: Relation
    first_text: PreparedText
    second_text: PreparedText


def relate_articles(first: Article, second: Article, models: RelationModels | None = None) -> ArticlePair:
    """Prepare two articles (with the lead encoder, if any) and relate them."""
    models = models or default_models()
    lexicon = default_lexicon()
    first_text = prepare_text(first.paragraphs, lexicon, models.lead_encoder)
    second_text = prepare_text(second.paragraphs, lexicon, models.lead_encoder)
    return ArticlePair(relate(first, first_text, second, second_text, models), first_text, second_text)


def relate(
    first: Article,
    first_text: PreparedText,
    second: Article,
    second_text: PreparedText,
    models: RelationModels | None = None,
    comparison: PairComparison | None = None,
    story_probability: float | None = None,
) -> Relation:
    """The relation of two articles, named source -> copy when the evidence gives a direction
    (`comparison`: their compare_pair, and `story_probability`: the story model's score of it, when
    already made)."""
    models = models or default_models()
    if comparison is None:
        comparison = compare_pair(first, first_text, second, second_text)
    if story_probability is None:
        story_probability = models.story.probability(first, second, comparison.features)
    probability = round(story_probability, 4)
    second_from_first, first_from_second = comparison.second_from_first, comparison.first_from_second
    lexical = RuleStoryScorer.from_features(comparison.features)
    openings = lead_similarity(first_text, second_text)
    similarity = round(graded_similarity(lexical, openings), 4)
    text_similarity = round(lexical, 4)
    reason = _never_one_story(first, second)
    # The same text under two headlines is the article retitled where it tells what both headlines
    # name; where it does not, it is a site's template that the extraction kept (an author's bio, a
    # blog's app notice or book list) for two posts whose own text it missed.
    # A text that tells one of the two headlines is that article, whatever the other page's title
    # (a text browser's dump or a scrape may have taken a masthead or a menu's line for it): where no
    # outlet is known, only a text that tells neither is taken for a template.
    duplicates = _duplicates(comparison, probability)
    first_told, second_told = (_headlines_told(first), _headlines_told(second)) if duplicates else (True, True)
    told = first_told and second_told
    if (
        duplicates
        and not (first_told or second_told)
        and reason is None
        and _headlines_of_other_subjects(first, second)
    ):
        reason = "the same text under headlines of other subjects that it does not tell: a site's template"
    if reason and not (duplicates and told):
        # What the two share says nothing of their stories: the pair weighs nothing in a story.
        return _unrelated(first, second, 0.0, similarity, text_similarity, [reason])
    # The story model learnt from METER that wire copy of another day is another story (there, an
    # agency's own next-day release), and marks down any pair dated apart: a paraphrase of every
    # sentence, with all its names and figures, a day later gets 0.10. Another publisher's rewrite is
    # a rewrite, and its source's story, whatever the day it appeared: its kind and story probability
    # are judged as if the dates were unknown. A publisher's own text of another day (or one of an
    # unknown publisher: pages of one unnamed site share its template) keeps the dated verdict.
    undated = (
        _undated_probability(models, first, second, comparison.features)
        if probability < STORY_THRESHOLD and publishers_differ(first, second)
        else None
    )
    rewritten_another_day = undated is not None and _rewritten_another_day(comparison, undated)
    if not rewritten_another_day and _unrelated_either_way(comparison, probability):
        return _unrelated(first, second, probability, similarity, text_similarity, [])
    evidence = direction_evidence(first, first_text, second, second_text, first_from_second, second_from_first)
    reasons = list(evidence.reasons)
    decided_by_model = False
    if evidence.hard_points or evidence.hard_reasons:
        # Agency marks and publication dates decide when present; when they contradict each other,
        # nothing softer overrules them and the direction stays unknown.
        first_is_source = _points_probability(evidence.hard_points, HARD_DIRECTION_POINT)
    elif models.direction is not None and first_text.style.reads_as_english and second_text.style.reads_as_english:
        # The model learnt English reporting and English machine paraphrase; of texts in other
        # languages its style counts are noise, and the points of completeness, figures and quotes
        # decide alone.
        features = direction_features(first, first_text, second, second_text, second_from_first, first_from_second)
        first_is_source = models.direction.source_probability(first, second, features)
        decided_by_model = True
    else:
        first_is_source = _points_probability(evidence.soft_points)
    known = abs(first_is_source - 0.5) >= DIRECTION_MARGIN
    if (known and first_is_source > 0.5) or (not known and first.id < second.id):
        source, copy, alignment, other_way = first, second, second_from_first, first_from_second
    else:
        source, copy, alignment, other_way = second, first, first_from_second, second_from_first
    if known and decided_by_model:
        reasons.append(
            f"the direction model gives {max(first_is_source, 1 - first_is_source):.0%} that {source.id} came first"
        )
    copy_text = second_text if copy is second else first_text
    wrapped = carries_its_source(models, comparison, alignment, copy_text, (first, second), probability, undated)
    kind, confidence = classify(alignment, other_way, probability, wrapped)
    if kind == "duplicate" and known and not (evidence.hard_points or evidence.hard_reasons):
        # Texts the same but for a character or two (a quotation mark, a space): their style and
        # completeness say nothing of which came first, and the soft evidence goes.
        known, first_is_source, reasons = False, 0.5, []
        if first.id > second.id:
            source, copy, alignment, other_way = second, first, first_from_second, second_from_first
        else:
            source, copy, alignment, other_way = first, second, second_from_first, first_from_second
    if kind == "copy" and alignment.verbatim_share < COPY_VERBATIM_SHARE and wrapped:
        reasons.append(
            f"{copy.id} carries {alignment.verbatim_sentences} of {source.id}'s sentences word for word"
            f" ({alignment.verbatim_share:.0%} of its text); the rest is its own"
        )
    if kind in COPIED_KINDS:
        # A copy shares its source's text at least as surely as it is a copy, and its story as surely
        # as that and their openings tell together: two pages of one site that share only its
        # registration form are "copies" under other headlines. On SemEval-2022's English pairs one
        # such pair, rated dissimilar, had similarity 0.91 (now 0.75): Pearson 0.864 -> 0.872.
        text_similarity = max(text_similarity, confidence)
        similarity = round(max(similarity, graded_similarity(text_similarity, openings)), 4)
        probability = max(probability, confidence)
    elif kind == "rewrite" and probability < STORY_THRESHOLD:
        # Paraphrase-level likeness in order is weak alone: texts on one topic have it too.
        if rewritten_another_day:
            gap = int(comparison.features[FEATURE_NAMES.index("day_gap")])
            reasons.append(f"a rewrite dated {gap} day{'s' if gap != 1 else ''} apart from its source")
            probability = max(probability, round(undated or 0.0, 4))
        else:
            kind, confidence = "unrelated", round(1.0 - probability, 3)
    if kind == "rewrite" and (agencies := _agencies_apart(source, copy)):
        # Two agencies' reports of one event tell it in the same order from the same officials'
        # words, and read as a paraphrase of each other; neither took the other's text (that would
        # be a copy or a syndicated copy), and calling one a rewrite accuses it of uncredited reuse.
        reasons.append(f"each is its own agency's report ({agencies[0]} and {agencies[1]}), not a rewrite")
        if probability >= STORY_THRESHOLD:
            kind, confidence = "same_event", round(probability, 3)
        else:
            kind, confidence = "unrelated", round(1.0 - probability, 3)
    if comparison.features[FEATURE_NAMES.index("same_catchline")]:
        # Releases under one wire catchline and date are one story, however little text they share.
        reasons.append("both are wire releases under the same catchline and date")
        similarity = max(similarity, CATCHLINE_SIMILARITY)
        probability = max(probability, CATCHLINE_SIMILARITY)
        if kind == "unrelated":
            kind, confidence = "same_event", probability
    direction = "known" if known else "unknown"
    if kind == "duplicate" and not known:
        reasons.append("identical texts: either may be the source")
    return Relation(
        source=source.id,
        copy=copy.id,
        kind=kind,
        confidence=confidence,
        similarity=similarity,
        direction=direction,
        evidence=reasons,
        aligned=alignment.aligned if kind != "unrelated" else [],
        direction_confidence=round(max(first_is_source, 1 - first_is_source), 3),
        story_probability=probability,
        text_similarity=text_similarity,
    )


def _unrelated(
    first: Article, second: Article, probability: float, similarity: float, text_similarity: float, reasons: list[str]
) -> Relation:
    # Which of two unrelated articles came first means nothing: no direction is weighed.
    source, copy = (first, second) if first.id < second.id else (second, first)
    return Relation(
        source=source.id,
        copy=copy.id,
        kind="unrelated",
        confidence=round(1.0 - probability, 3),
        similarity=similarity,
        direction="unknown",
        evidence=reasons,
        aligned=[],
        direction_confidence=0.5,
        story_probability=probability,
        text_similarity=text_similarity,
    )


def _never_one_story(first: Article, second: Article) -> str | None:
    """Why the two cannot tell one story whatever text they share, or None: one is too slight, both
    are articles of one page, or both are of one outlet under headlines of other subjects, so that
    what they share is the outlet's template (a bio, a licence, a sidebar) that the site pass,
    needing three such articles, could not find. On the 2,070 training pages analysed as one crawl,
    relations 160 -> 134: 23 of the 26 gone were false (a "copy" at 1.0 from a shared author bio,
    "same_event" at 0.95 from a sidebar of recent posts), the other 3 a roundup and an item it may hold."""
    for article in (first, second):
        words = _words_up_to(article.paragraphs, MINIMUM_STORY_WORDS)
        if words < MINIMUM_STORY_WORDS:
            return f"{article.id} has too little text to tell a story ({words} words)"
    if first.content_hash and (first.content_hash, first.source) == (second.content_hash, second.source):
        # The cleaner splits a page only between reports of other people and places (a glued page, a
        # digest's reports under their own datelines); a night's game capsules share their template.
        return "both are articles of one page, which holds them as different reports"
    if not first.outlet or not second.outlet or first.outlet.lower() != second.outlet.lower():
        return None
    if _headlines_of_other_subjects(first, second):
        return f"both are of {first.outlet}, under headlines of other subjects: what they share is the outlet's"
    return None


def _headlines_of_other_subjects(first: Article, second: Article) -> bool:
    """Whether two headlines (of SUBJECT_WORDS_TO_TELL subject words each) name other subjects: they
    share no subject word, or a single one that is a beat's word rather than an event's."""
    first_subject, second_subject = subject_words(first.title, first.outlet), subject_words(second.title, second.outlet)
    if min(len(first_subject), len(second_subject)) < SUBJECT_WORDS_TO_TELL:
        return False
    shared = first_subject & second_subject
    return not shared or (len(shared) == 1 and _is_beat_word(next(iter(shared)), first.title or ""))


def _is_beat_word(word: str, headline: str) -> bool:
    """Whether a headline word is as common as a section's ("update", "fantasy"): an outlet heads
    many reports of other events with it. Two phone makers' updates of one blog and fantasy football
    posts were linked by one such word in a crawl of the 2,167 cleaning pages; the four links through
    a single rarer word ("Lanka" 3.9, "Gadkari", "Droid", "Mortech") told one event. A car site's
    Sandy report and Suzuki's bankruptcy, linked by "auto" (4.48), stay linked."""
    zipf = default_lexicon().for_text(headline).zipf.get(word)
    return zipf is not None and zipf >= BEAT_WORD_ZIPF


def _headlines_told(article: Article) -> bool:
    """Whether the article's text says a word of what its headline is about (matched on its first
    letters, as "suspended" is told by "suspension"); True without a headline to tell."""
    subject = subject_words(article.title, article.outlet)
    if not subject:
        return True
    said = {
        word[:HEADLINE_WORD_PREFIX] for paragraph in article.paragraphs for word in _TOKEN.findall(paragraph.lower())
    }
    return any(word[:HEADLINE_WORD_PREFIX] in said for word in subject)


def _words_up_to(paragraphs: list[str], limit: int) -> int:
    """The words of the paragraphs, counted only until `limit` is reached (each pair asked it of both
    of its articles: counting whole texts was a twentieth of a crawl's analysis)."""
    words = 0
    for paragraph in paragraphs:
        # A paragraph's opening holds the words still wanted, unless they are long ones: a text of
        # one paragraph (a transcript, a scraped line) was counted whole for every pair it was in.
        opening = count_words(paragraph[: (limit - words) * OPENING_CHARACTERS_PER_WORD])
        words += opening if words + opening >= limit else count_words(paragraph)
        if words >= limit:
            break
    return words


# Characters of a paragraph's opening read for each word still wanted (words are rarely this long).
OPENING_CHARACTERS_PER_WORD = 20


def _duplicates(comparison: PairComparison, probability: float) -> bool:
    return classify(comparison.second_from_first, comparison.first_from_second, probability)[0] == "duplicate"


def _unrelated_either_way(comparison: PairComparison, probability: float) -> bool:
    """Whether the pair is unrelated whichever article is the source: no copied text either way, too
    unlikely one story for a rewrite or the same event, and no shared wire catchline."""
    if probability >= STORY_THRESHOLD or comparison.features[FEATURE_NAMES.index("same_catchline")]:
        return False
    # Part of one text word for word inside the other is weighed in full (its story undated, too).
    return all(
        classify(alignment, other_way, probability)[0] not in COPIED_KINDS and not is_wrapped_copy(alignment)
        for alignment, other_way in (
            (comparison.second_from_first, comparison.first_from_second),
            (comparison.first_from_second, comparison.second_from_first),
        )
    )


def _containment(inner: PreparedText, outer: PreparedText) -> float:
    """Share of the inner text's numbers found in the outer (rewrites drop figures, rarely add them)."""
    total = sum(inner.number_terms.values())
    if not total:
        return 0.0
    return sum(weight for term, weight in inner.number_terms.items() if term in outer.document_terms) / total


def _points_probability(points: int, point: float = DIRECTION_POINT) -> float:
    """P(first is the source) from rule points, each worth `point`."""
    return 0.5 + max(-0.49, min(0.49, points * point))
