"""From articles and their relations to stories: clusters, origins, dates and labels."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import date
from typing import Generic, TypeVar

import numpy as np

from newstrace.candidates.catchline import catchline_key
from newstrace.clean.dates import nearest_date_of_day
from newstrace.model import (
    DERIVED_KINDS,
    Article,
    Relation,
    Story,
    StoryMember,
    UnrelatedPair,
    agency_mark_rank,
    publishers_differ,
)
from newstrace.stories.cluster import average_linkage

_Item = TypeVar("_Item")

# Articles dated this many days apart are different events, unless one is a verbatim copy of the other
# (a republished page) or a publisher known to be another's copy or rewrite of it (a paper printing
# the wire's report the next morning, a content farm's rewrite days later); measured on METER, where
# the same trial on consecutive days is the main confusion (its dated articles are one agency's
# releases, whose report of the next day is an update: another story).
SAME_EVENT_DAYS = 0
CARRIED_KINDS = ("syndicated", "rewrite")
VERBATIM_KINDS = ("duplicate", "copy")
LABEL_WORDS = 12
# A story's date stands for an undated member's only where the member's own day without a year (its
# wire dateline's "Nov 5") is within this many days of it: a report is printed a day or two later.
DATELINE_DAY_SLACK = 2

# Two groups join when the mean story probability over all their pairs (0 where no relation was found)
# reaches this: lower than the pair threshold, as a new member need not be related to every member.
CLUSTER_THRESHOLD = 0.25
# Two groups do not join while they hold a pair compared and judged less likely than this to be one
# story: a digest (a page of every game's capsule, a news roundup) shares text with each of several
# reports that are not one story with each other, and the mean alone let it join them. Measured by
# cross-validation: PolitiFact ARI 0.916 -> 0.929, origin 91.7% -> 92.5%, METER unchanged (F1 0.952);
# at 0.02 METER's F1 fell to 0.949 and at 0.05 to 0.928 (its gold joins sidebars and columns that the
# model finds unlike the wire copy), so the veto takes only pairs the model all but rules out.
VETO_PROBABILITY = 0.01
# An article left alone joins a story through one relation this sure.
ATTACH_THRESHOLD = 0.5


def build_stories(
    articles: Sequence[Article],
    relations: Sequence[Relation],
    unrelated: Sequence[UnrelatedPair] = (),
    echoes: Mapping[str, str] | None = None,
) -> list[Story]:
    """Every article in exactly one story; stories ordered by date, then by origin.

    Pairs compared and judged unrelated count with their story probability, not as pairs never
    compared (0): measured on METER by cross-validation, pairwise F1 0.904 -> 0.928, PolitiFact flat.
    An echo (an article nearly repeating another, paired with it alone: `echoes` maps it to that
    article) is clustered as the article its chain of echoes ends at, and joins its story."""
    by_id = {article.id: article for article in articles}
    # An echo judged no story with the article it repeats (the outlet's template that both pages' extractions
    # kept) is an article of its own.
    apart = {frozenset((pair.first, pair.second)) for pair in unrelated}
    echoes = {echo: source for echo, source in (echoes or {}).items() if frozenset((echo, source)) not in apart}
    echo_roots = _echo_roots(echoes, by_id.keys())
    echo_of = {echo: source for echo, source in echoes.items() if echo in echo_roots and source in by_id}
    relations = [relation for relation in relations if relation.source in by_id and relation.copy in by_id]
    links = [relation for relation in relations if relation.kind != "unrelated"]
    # (first, second, story probability, text shared, derived sentence by sentence): links, then
    # unrelated pairs (stored before their text similarity was kept: their probability stands in).
    weighted = [
        # A partial copy is another report around the part it reuses: dated apart, another day's story.
        (
            link.source,
            link.copy,
            link.story_probability,
            link.text_similarity,
            link.kind in DERIVED_KINDS and not link.is_partial_copy,
        )
        for link in links
    ]
    weighted += [
        (
            pair.first,
            pair.second,
            pair.story_probability,
            pair.story_probability if pair.text_similarity is None else pair.text_similarity,
            False,
        )
        for pair in unrelated
        if pair.first in by_id and pair.second in by_id
    ]
    edges: dict[tuple[str, str], float] = {}
    closeness: dict[tuple[str, str], float] = {}
    for first, second, probability, similarity, derived in weighted:
        if first in echo_roots or second in echo_roots:
            continue
        if not derived and _days_apart(by_id[first], by_id[second]) > SAME_EVENT_DAYS:
            continue
        key = (first, second) if first < second else (second, first)
        edges[key] = max(edges.get(key, 0.0), probability)
        closeness[key] = max(closeness.get(key, 0.0), similarity)

    # The links that carry a story across days: verbatim copies, and other publishers' derivations
    # dated themselves (an undated paper's copy of a wire release says nothing of the day it told).
    across_days = {
        (relation.source, relation.copy)
        for relation in relations
        if (relation.kind in VERBATIM_KINDS and not relation.is_partial_copy)
        or (
            relation.kind in CARRIED_KINDS
            and _date(by_id[relation.source]) is not None
            and _date(by_id[relation.copy]) is not None
            and publishers_differ(by_id[relation.source], by_id[relation.copy])
        )
    }
    # A copy carried across days tells its source's event, on the day it was printed: within a group
    # holding that source, its own date is no event's (a content farm's rewrite a day later must not
    # keep the other reports of that day out of the story).
    carried_from: dict[str, set[str]] = {}
    for source, copy in across_days:
        carried_from.setdefault(copy, set()).add(source)

    def event_dates(group: frozenset[str]) -> set[date]:
        dated = {member: value for member in group if (value := _date(by_id[member])) is not None}
        told = {value for member, value in dated.items() if not carried_from.get(member, set()) & group}
        return told or set(dated.values())

    linked: dict[str, set[str]] = {}
    for link in links:
        linked.setdefault(link.source, set()).add(link.copy)
        linked.setdefault(link.copy, set()).add(link.source)

    # Each article's partners that rule out one story with it (see VETO_PROBABILITY).
    vetoes: dict[str, set[str]] = {}
    for (first, second), probability in edges.items():
        if probability < VETO_PROBABILITY:
            vetoes.setdefault(first, set()).add(second)
            vetoes.setdefault(second, set()).add(first)

    def may_merge(left: frozenset[str], right: frozenset[str]) -> bool:
        # Unrelated pairs weigh in the mean, but a story needs a link between its two parts.
        smaller, larger = sorted((left, right), key=len)
        if not any(linked.get(member, set()) & larger for member in smaller):
            return False
        if any(vetoes.get(member, set()) & larger for member in smaller):
            return False
        left_dates, right_dates = event_dates(left), event_dates(right)
        if not left_dates or not right_dates:
            return True
        known = left_dates | right_dates
        return (max(known) - min(known)).days <= SAME_EVENT_DAYS or _linked_across(left, right, across_days)

    # The story probability says whether two groups may join; the text they share says which join
    # comes first. Probabilities near 1 cannot tell which day's wire copy an undated paper followed
    # (a trial's next-day copy recaps the day before); the text it took can. METER, cross-validated:
    # pairwise F1 0.925 -> 0.94.
    nodes = [article_id for article_id in by_id if article_id not in echo_roots]
    groups = _with_echoes(
        _attach_lone_articles(average_linkage(nodes, edges, CLUSTER_THRESHOLD, may_merge, closeness), edges, may_merge),
        echo_roots,
    )
    groups = _joined_by_catchline(groups, by_id)
    # Each group's own relations, gathered in one pass (filtering all relations for every group
    # grew as stories times relations).
    group_of = {member: number for number, group in enumerate(groups) for member in group}
    inside: list[list[Relation]] = [[] for _ in groups]
    for relation in relations:
        number = group_of[relation.source]
        if group_of[relation.copy] == number:
            inside[number].append(relation)
    stories = [
        _story(group, by_id, group_relations, echo_of, echo_roots)
        for group, group_relations in zip(groups, inside, strict=True)
    ]
    stories.sort(key=lambda story: (story.date or "9999", story.origin))
    for number, story in enumerate(stories, start=1):
        story.id = f"story-{number}"
    return stories


def _attach_lone_articles(
    groups: list[frozenset[str]],
    edges: dict[tuple[str, str], float],
    may_merge: Callable[[frozenset[str], frozenset[str]], bool],
) -> list[frozenset[str]]:
    """Each article left alone joins the group of the article it is most surely a story with, where
    that is at least ATTACH_THRESHOLD: the mean over a large story's members keeps out a paper's
    piece that only one of them resembles, though a leaf cannot chain two stories."""
    group_of = {member: number for number, group in enumerate(groups) for member in group}
    best: dict[str, tuple[float, str]] = {}
    for (first, second), probability in edges.items():
        for lone, other in ((first, second), (second, first)):
            alone = len(groups[group_of[lone]]) == 1 and len(groups[group_of[other]]) > 1
            if alone and probability >= ATTACH_THRESHOLD and probability > best.get(lone, (0.0, ""))[0]:
                best[lone] = (probability, other)
    joined = [set(group) for group in groups]
    for lone, (_, other) in sorted(best.items()):
        target = group_of[other]
        if may_merge(frozenset({lone}), frozenset(joined[target])):
            joined[target].add(lone)
            joined[group_of[lone]].discard(lone)
    return sorted((frozenset(group) for group in joined if group), key=lambda group: min(group))


def _echo_roots(echoes: Mapping[str, str], present: Collection[str]) -> dict[str, str]:
    """Each present echo with the present article at the end of its chain of echoes (a stored chain or
    loop, which the index never makes, is followed at most once around)."""
    roots = {}
    for echo, source in echoes.items():
        seen = {echo}
        while source in echoes and source not in seen:
            seen.add(source)
            source = echoes[source]
        if echo in present and source in present and source not in echoes:
            roots[echo] = source
    return roots


def _with_echoes(groups: list[frozenset[str]], echo_roots: Mapping[str, str]) -> list[frozenset[str]]:
    """Each echo added to the group of the article its chain of echoes ends at."""
    group_of = {member: number for number, group in enumerate(groups) for member in group}
    joined = [set(group) for group in groups]
    for echo, root in sorted(echo_roots.items()):
        joined[group_of[root]].add(echo)
    return [frozenset(group) for group in joined]


class _DisjointSets(Generic[_Item]):
    """Items joined into sets (union-find with path halving): wire releases of one catchline, identical texts."""

    def __init__(self, items: Iterable[_Item]) -> None:
        self.parent = {item: item for item in items}

    def root(self, item: _Item) -> _Item:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, first: _Item, second: _Item) -> None:
        self.parent[self.root(first)] = self.root(second)


def _joined_by_catchline(groups: list[frozenset[str]], by_id: dict[str, Article]) -> list[frozenset[str]]:
    """Groups holding wire releases of one catchline and date, joined: the agency filed them as one
    story (a profile or a sidebar shares few words with the main report, and the mean over a large
    story kept it apart). METER, cross-validated: pairwise F1 0.947 -> 0.949."""
    group_of_key: dict[str, int] = {}
    sets = _DisjointSets(range(len(groups)))
    for number, group in enumerate(groups):
        for member in sorted(group):
            key = catchline_key(by_id[member])
            if not key:
                continue
            if key in group_of_key:
                sets.join(number, group_of_key[key])
            else:
                group_of_key[key] = number
    joined: dict[int, set[str]] = {}
    for number, group in enumerate(groups):
        joined.setdefault(sets.root(number), set()).update(group)
    return sorted((frozenset(group) for group in joined.values()), key=lambda group: min(group))


def _story(
    group: frozenset[str],
    by_id: dict[str, Article],
    inside: Sequence[Relation],
    echo_of: Mapping[str, str],
    echo_roots: Mapping[str, str],
) -> Story:
    """A group's story from its members and the relations between them; `echo_of`: each echo's
    article, `echo_roots`: the article at the end of its chain of echoes."""
    origin, reasons = choose_origin(group, by_id, inside, echo_roots)
    to_origin: dict[str, tuple[str, float]] = {}
    # An origin that echoes another article was compared with it alone: that article's relations
    # stand for the origin's where the origin has none of its own.
    for stand_in in dict.fromkeys((echo_roots.get(origin, origin), origin)):
        for relation in inside:
            if relation.source == stand_in and relation.copy != origin:
                to_origin[relation.copy] = (relation.kind, relation.confidence)
            elif relation.copy == stand_in and relation.direction == "unknown" and relation.source != origin:
                to_origin[relation.source] = (relation.kind, relation.confidence)
    # An echo was compared with the article it echoes alone: it stands to the origin as that article
    # does (an echo of an echo once that one's kind is known).
    waiting = {echo: source for echo, source in echo_of.items() if echo in group and echo not in to_origin}
    while inherited := {echo: to_origin[source] for echo, source in waiting.items() if source in to_origin}:
        to_origin.update(inherited)
        waiting = {echo: source for echo, source in waiting.items() if echo not in inherited}
    members = [StoryMember(origin, "origin", 1.0, echo_of.get(origin))]
    for member in sorted(group - {origin}):
        kind, confidence = to_origin.get(member, ("same_story", 0.0))
        if member not in to_origin:
            # Related to the story through other members only: its best link says how sure that is.
            links = [relation.confidence for relation in inside if member in (relation.source, relation.copy)]
            confidence = max(links, default=0.0)
        members.append(StoryMember(member, kind, confidence, echo_of.get(member)))
    dates = sorted(value for value in (by_id[member].date for member in group) if value)
    story_date = by_id[origin].date or (dates[0] if dates else None)
    if not by_id[origin].date and (own_day := dated_by_its_day(by_id[origin], story_date)) is not None:
        # An undated origin's wire dateline names its day ("Lima, 12 nov (EFE)"): the story is of that
        # day, not of its first dated copy's, printed the day after.
        story_date = own_day.isoformat()
    title = by_id[origin].title or next((by_id[m].title for m in sorted(group) if by_id[m].title), None)
    label = _label(title or by_id[origin].text)
    return Story(
        id="",
        label=label,
        date=story_date[:10] if story_date else None,
        origin=origin,
        members=members,
        origin_evidence=reasons,
    )


def choose_origin(
    group: frozenset[str],
    by_id: dict[str, Article],
    relations: Sequence[Relation],
    echo_roots: Mapping[str, str] | None = None,
) -> tuple[str, list[str]]:
    """The strongest source by the direction evidence; then agency credit, earliest date, length.

    An echo (`echo_roots`: the article each repeats) was compared with that article alone: it is at
    least as strong a source, so which of two identical texts was analysed first does not decide."""
    if len(group) == 1:
        return next(iter(group)), []
    strength = source_strengths(group, relations)
    for echo, root in (echo_roots or {}).items():
        if echo in group and root in group:
            strength[echo] = max(strength[echo], strength[root])
    _share_among_duplicates(strength, relations)

    def rank(member: str) -> tuple:
        article = by_id[member]
        return (
            -strength[member],
            agency_mark_rank(article),
            article.date or "9999",
            -_reporting_credits(article),
            -len(article.text),
            member,
        )

    origin = min(group, key=rank)
    reasons = [
        f"{relation.copy} derives from it: {'; '.join(relation.evidence)}"
        for relation in relations
        if relation.source == origin and relation.direction == "known"
    ]
    if not reasons:
        reasons = [
            "no direction evidence: chosen by agency credit (the agency's own dateline or wire header first),"
            " earliest date, reporters' credits kept, then the most complete text"
        ]
    return origin, reasons


def _reporting_credits(article: Article) -> int:
    """How many of its reporters' credits a text keeps (byline, closing reporter credit): a publisher's
    copy of a release often drops them, the release keeps both. Times of day are not compared here:
    two publishers' clocks without offsets may be hours apart."""
    return bool(article.byline) + bool(article.metadata.get("reporter_credit"))


def _share_among_duplicates(strength: dict[str, float], relations: Sequence[Relation]) -> None:
    """Give identical texts of unknown direction the strongest one's strength: what one of them is the
    source of, so is its twin, and which twin was compared with a third article does not decide."""
    sets = _DisjointSets(strength)
    for relation in relations:
        if (
            relation.kind == "duplicate"
            and relation.direction != "known"
            and relation.source in strength
            and relation.copy in strength
        ):
            sets.join(relation.source, relation.copy)
    strongest: dict[str, float] = {}
    for member, value in strength.items():
        strongest[sets.root(member)] = max(strongest.get(sets.root(member), value), value)
    for member in strength:
        strength[member] = strongest[sets.root(member)]


def source_strengths(group: frozenset[str], relations: Sequence[Relation]) -> dict[str, float]:
    """How likely each member is to be the source of the others: Bradley-Terry strengths (log scale).

    Each relation of known direction is a match its source wins with its direction confidence.
    A sum of margins let a member pile up wins over many members it was merely compared with (two
    rewrites of one original are compared too, and neither is the other's source); the strengths
    weigh a win by the strength of the one beaten. PolitiFact rewrites, cross-validated: the
    original named origin 88.3% -> 89.4%; METER unchanged. Members without a match keep 0.
    """
    matches = [
        (relation.source, relation.copy, relation.direction_confidence)
        for relation in relations
        if relation.direction == "known" and relation.source in group and relation.copy in group
    ]
    if not matches:
        return dict.fromkeys(group, 0.0)
    played = sorted({member for source, copy, _ in matches for member in (source, copy)})
    number = {member: position for position, member in enumerate(played)}
    winners = np.array([number[source] for source, _, _ in matches])
    losers = np.array([number[copy] for _, copy, _ in matches])
    confidence = np.array([score for _, _, score in matches])
    count = len(played)
    # Each match counts for both sides: the source won `confidence` of it, the copy the rest.
    won = np.bincount(winners, confidence, count) + np.bincount(losers, 1.0 - confidence, count)
    won = np.maximum(won, _LEAST_WINS)
    strength = np.ones(count)
    # Minorisation-maximisation updates (Hunter 2004), vectorised over the story's matches.
    for _ in range(_STRENGTH_ROUNDS):
        pace = 1.0 / (strength[winners] + strength[losers])
        updated = won / (np.bincount(winners, pace, count) + np.bincount(losers, pace, count))
        strength = updated * count / updated.sum()
    strengths = dict(zip(played, np.log(strength).tolist(), strict=True))
    return {member: strengths.get(member, 0.0) for member in group}


# Rounds of the Bradley-Terry updates, and the wins a member that lost every match is given, so its
# strength stays above 0.
_STRENGTH_ROUNDS = 100
_LEAST_WINS = 1e-3


def dated_by_its_day(article: Article, story_date: str | None) -> date | None:
    """An undated article's own day without a year (its wire dateline's "Nov 5") in the year nearest
    the story's date, where the two are at most DATELINE_DAY_SLACK days apart."""
    day = article.metadata.get("dateline_day")
    if not day or not story_date:
        return None
    anchor = date.fromisoformat(story_date[:10])
    own_day = nearest_date_of_day(day, anchor)
    if own_day is None or abs((own_day - anchor).days) > DATELINE_DAY_SLACK:
        return None
    return own_day


def story_dates(stories: Sequence[Story]) -> dict[str, str]:
    """The story date of each member article, for articles whose own text gives none."""
    return {member.article: story.date for story in stories if story.date for member in story.members}


def _label(text: str) -> str:
    words = text.split()
    return " ".join(words[:LABEL_WORDS]) + (" …" if len(words) > LABEL_WORDS else "")


def _date(article: Article) -> date | None:
    try:
        return date.fromisoformat(article.date[:10]) if article.date else None
    except ValueError:
        return None


def _days_apart(first: Article, second: Article) -> int:
    first_date, second_date = _date(first), _date(second)
    if first_date is None or second_date is None:
        return 0
    return abs((first_date - second_date).days)


def _linked_across(left: frozenset[str], right: frozenset[str], links: set[tuple[str, str]]) -> bool:
    """Whether one of the links joins the two sides: a republished page, or another publisher's copy,
    stays in its story across days."""
    return any((first in left and second in right) or (first in right and second in left) for first, second in links)
