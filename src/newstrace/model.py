"""The document model shared by every stage: what was read, and the articles cleaned from it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class Page:
    """One page as read: raw text or HTML plus whatever metadata its container carried."""

    source: str
    content_hash: str
    format: str
    names: tuple[str, ...]
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    date: str | None = None
    author: str | None = None
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class ReadError:
    """A file or record that could not be read, with a message a person can act on."""

    source: str
    error: str


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file that is not of a kind newstrace reads; reported, not counted as a failure."""

    source: str
    reason: str


@dataclass(slots=True)
class RemovedLine:
    """A line taken out of the body, and the rule that took it out."""

    line: str
    reason: str


@dataclass(slots=True)
class Article:
    """One cleaned article: body paragraphs plus the metadata separated from them."""

    id: str
    source: str
    content_hash: str
    position: int
    title: str | None
    paragraphs: list[str]
    captions: list[str] = field(default_factory=list)
    dateline: str | None = None
    credit: str | None = None
    byline: str | None = None
    date: str | None = None
    date_source: str | None = None
    outlet: str | None = None
    url: str | None = None
    removed: list[RemovedLine] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        # Written out, as Relation.to_dict is: dataclasses.asdict copies each removed line through a
        # deep recursion (a page of a few hundred removed lines cost more to store than to read).
        data = {name: getattr(self, name) for name in _ARTICLE_FIELDS}
        data["paragraphs"] = list(self.paragraphs)
        data["captions"] = list(self.captions)
        data["removed"] = [{"line": item.line, "reason": item.reason} for item in self.removed]
        data["metadata"] = dict(self.metadata)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        values = dict(data)
        values["removed"] = [RemovedLine(**item) for item in values.get("removed", [])]
        return cls(**values)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


_ARTICLE_FIELDS = tuple(item.name for item in fields(Article))
# How the store and the site pass name the group of articles of no known outlet (Article.outlet None).
NO_OUTLET = ""
# Article.metadata's key for the canonical address an HTML page names on another site than its own.
CANONICAL_ELSEWHERE = "canonical_elsewhere"
# Article.metadata's key for the time of publication a feed or page metadata gives with the date (ISO 8601,
# with its offset where it has one).
PUBLISHED_TIME = "published_time"

# Relation kinds, strongest derivation first; `unrelated` pairs are stored apart, as UnrelatedPair.
RELATION_KINDS = ("duplicate", "copy", "syndicated", "rewrite", "same_event", "unrelated")
# The kinds where the copy is made from the source sentence by sentence.
DERIVED_KINDS = RELATION_KINDS[:4]
# Sentence alignment kinds.
ALIGNMENT_KINDS = ("verbatim", "light_edit", "paraphrase", "unaligned")
# A copy's confidence is the share of its words in its source's sentences word for word: from this
# share it is the source's text (perhaps trimmed, or within a longer one), below it a copy that carries
# part of its source inside text of its own (a follow-up reusing an earlier report's background).
WHOLE_COPY_SHARE = 0.97


@dataclass(frozen=True, slots=True)
class AlignedSentence:
    """One sentence of the copy and the source sentences it comes from (none when unaligned)."""

    copy_sentence: int
    source_sentences: tuple[int, ...]
    kind: str
    score: float


@dataclass(slots=True)
class Relation:
    """How `copy` derives from `source`, with the evidence; `direction` is "unknown" when undecided."""

    source: str
    copy: str
    kind: str
    confidence: float
    similarity: float
    direction: str = "unknown"
    evidence: list[str] = field(default_factory=list)
    aligned: list[AlignedSentence] = field(default_factory=list)
    # The cheap channel that proposed the pair ("shingles", "terms"), or "neighbours" (a shared relation).
    found_by: str = ""
    # How sure the direction is: P(source came first), 0.5 when nothing decides.
    direction_confidence: float = 0.5
    # P(the two tell one story), what stories are built from; `similarity` is how much they share.
    story_probability: float = -1.0
    # How much text they share (sentences, else rare terms), without the embedding's likeness of
    # topic: what tells which of two reports of one event a copy follows.
    text_similarity: float = -1.0

    def __post_init__(self) -> None:
        # Relations stored before the story model (or the embeddings) had only the similarity.
        if self.story_probability < 0:
            self.story_probability = self.similarity
        if self.text_similarity < 0:
            self.text_similarity = self.similarity

    @property
    def is_partial_copy(self) -> bool:
        """A copy carrying part of its source word for word inside text of its own."""
        return self.kind == "copy" and self.confidence < WHOLE_COPY_SHARE

    def to_dict(self) -> dict[str, Any]:
        # Written out: dataclasses.asdict copied each aligned sentence through a deep recursion, a
        # tenth of the time spent on relations (storing them) in a run on METER.
        data = {name: getattr(self, name) for name in _RELATION_FIELDS}
        data["evidence"] = list(self.evidence)
        data["aligned"] = [
            {
                "copy_sentence": item.copy_sentence,
                "source_sentences": list(item.source_sentences),
                "kind": item.kind,
                "score": item.score,
            }
            for item in self.aligned
        ]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Relation:
        values = dict(data)
        values["aligned"] = [
            AlignedSentence(item["copy_sentence"], tuple(item["source_sentences"]), item["kind"], item["score"])
            for item in values.get("aligned", [])
        ]
        return cls(**values)


_RELATION_FIELDS = tuple(item.name for item in fields(Relation))


@dataclass(frozen=True, slots=True)
class UnrelatedPair:
    """Two articles compared and judged not one story, with the story model's probability all the same:
    a pair at 0.4 is weaker evidence than a link but stronger than a pair never compared."""

    first: str
    second: str
    story_probability: float
    # The text they share (see Relation.text_similarity); None in databases made before it was kept.
    text_similarity: float | None = None


@dataclass(frozen=True, slots=True)
class StoryMember:
    """An article of a story and how it relates to the story's origin; an echo names the article it
    repeats, the only one it was compared with."""

    article: str
    kind: str
    confidence: float
    echo_of: str | None = None


@dataclass(slots=True)
class Story:
    """Articles telling one event, the one named as their origin, a date and a short label."""

    id: str
    label: str
    date: str | None
    origin: str
    members: list[StoryMember]
    origin_evidence: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Story:
        values = dict(data)
        values["members"] = [StoryMember(**member) for member in values.get("members", [])]
        return cls(**values)


def publishers_differ(first: Article, second: Article) -> bool:
    """Whether two articles are known to come from different publishers: two outlets (a paper's copy
    credited to the agency is the paper's), else two credits, else a credit against a text with neither
    credit nor wire header. A publisher's report of another day is its update; another publisher's is
    a copy. Pages of an unknown site share its template: unknown is no difference."""
    if first.outlet and second.outlet:
        return first.outlet != second.outlet
    if first.credit and second.credit:
        return first.credit != second.credit
    # A text with no credit and no wire header is not the crediting agency's own release: the
    # uncredited reuse of a wire report (an agency's releases carry one or the other).
    return _credited_alone(first, second) or _credited_alone(second, first)


def _credited_alone(credited: Article, other: Article) -> bool:
    return bool(credited.credit) and not other.credit and not other.metadata.get("wire_date")


def has_agency_marks(article: Article) -> bool:
    """A dateline, an agency credit or a wire header: the marks of an original report."""
    return bool(article.dateline or article.credit or article.metadata.get("wire_date"))


def agency_mark_rank(article: Article) -> int:
    """How an article carries its agency's marks: 0 in the agency's own form (a wire header, a dateline
    under the agency's tag), 1 otherwise (a credit line, a byline, a dateline alone), 2 not at all.

    A publisher's copy of a wire report credits the agency in its own way ("The Associated Press" under
    the headline) and often drops the tag from the dateline; the agency's release keeps both."""
    if article.metadata.get("wire_date") or article.metadata.get("dateline_agency"):
        return 0
    return 1 if has_agency_marks(article) else 2
