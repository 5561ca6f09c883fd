"""The relation between two articles: its kind, confidence, story similarity and direction."""

from __future__ import annotations

from datetime import date

from newstrace.align.alignment import AlignedText, PreparedText, align_texts, sentence_similarity
from newstrace.candidates.catchline import catchline_key
from newstrace.model import Article, Relation

# Thresholds on the shares of the copy's words (see AlignedText); the kinds are tried in this order.
DUPLICATE_SHARE = 0.98
COPY_VERBATIM_SHARE = 0.97
SYNDICATED_EDITED_SHARE = 0.6
REWRITE_ALIGNED_SHARE = 0.5
REWRITE_ORDER = 0.6
SAME_EVENT_SIMILARITY = 0.25
CATCHLINE_SIMILARITY = 0.8
# Direction from details: one side must hold this much more of the other's numbers.
DETAIL_MARGIN = 0.2


def story_similarity(forward: AlignedText, backward: AlignedText) -> float:
    """How likely two texts tell one story, 0 to 1: shared sentences, else shared rare terms."""
    sentence_share = max(forward.copy_coverage, backward.copy_coverage)
    return round(max(forward.document_similarity, 0.5 * sentence_share + 0.5 * forward.document_similarity), 4)


def classify(alignment: AlignedText, other_way: AlignedText) -> tuple[str, float]:
    """The kind of derivation shown by the alignment of a copy to its source, and a confidence."""
    if alignment.verbatim_share >= DUPLICATE_SHARE and other_way.verbatim_share >= DUPLICATE_SHARE:
        return "duplicate", round(min(alignment.verbatim_share, other_way.verbatim_share), 3)
    if alignment.verbatim_share >= COPY_VERBATIM_SHARE:
        return "copy", round(alignment.verbatim_share, 3)
    if alignment.edited_share >= SYNDICATED_EDITED_SHARE:
        return "syndicated", round(alignment.edited_share, 3)
    if alignment.copy_coverage >= REWRITE_ALIGNED_SHARE and alignment.order >= REWRITE_ORDER:
        return "rewrite", round(min(1.0, alignment.copy_coverage * alignment.order + 0.1), 3)
    similarity = story_similarity(alignment, other_way)
    if similarity >= SAME_EVENT_SIMILARITY:
        return "same_event", round(min(1.0, similarity + 0.2), 3)
    return "unrelated", round(1.0 - similarity, 3)


def direction_evidence(
    first: Article,
    first_text: PreparedText,
    second: Article,
    second_text: PreparedText,
    first_from_second: AlignedText,
    second_from_first: AlignedText,
) -> tuple[int, list[str]]:
    """Points for `first` being the source (negative: `second` is), and the reasons in words."""
    points = 0
    reasons: list[str] = []

    def credit(article: Article) -> bool:
        return bool(article.dateline or article.credit or article.metadata.get("wire_date"))

    if credit(first) != credit(second):
        sign = 1 if credit(first) else -1
        points += 2 * sign
        holder = first if sign > 0 else second
        reasons.append(f"{holder.id} carries an agency dateline, credit or wire header; the other does not")
    first_date, second_date = _parse_date(first.date), _parse_date(second.date)
    if first_date and second_date and first_date != second_date:
        sign = 1 if first_date < second_date else -1
        points += 2 * sign
        reasons.append(f"{(first if sign > 0 else second).id} is dated earlier")
    # Completeness: the copy is (mostly) inside the source, not the other way round.
    completeness = second_from_first.copy_coverage - first_from_second.copy_coverage
    if abs(completeness) >= 0.15:
        sign = 1 if completeness > 0 else -1
        points += sign
        reasons.append(f"{(second if sign > 0 else first).id} is mostly contained in the other, which is more complete")
    # Derived texts lose specific details (numbers, rare names) more often than they add them.
    details = _containment(second_text.document_terms, first_text.document_terms) - _containment(
        first_text.document_terms, second_text.document_terms
    )
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
    return points, reasons


def relate(first: Article, first_text: PreparedText, second: Article, second_text: PreparedText) -> Relation:
    """The relation of two articles, named source -> copy when the evidence gives a direction."""
    similarity_matrix = sentence_similarity(second_text, first_text)
    second_from_first = align_texts(second_text, first_text, similarity_matrix)
    first_from_second = align_texts(first_text, second_text, similarity_matrix.T)
    points, reasons = direction_evidence(first, first_text, second, second_text, first_from_second, second_from_first)
    if points > 0 or (points == 0 and (first.id < second.id)):
        source, copy, alignment, other_way = first, second, second_from_first, first_from_second
    else:
        source, copy, alignment, other_way = second, first, first_from_second, second_from_first
    kind, confidence = classify(alignment, other_way)
    similarity = story_similarity(alignment, other_way)
    shared_catchline = catchline_key(first) and catchline_key(first) == catchline_key(second)
    if shared_catchline:
        # Releases under one wire catchline and date are one story, however little text they share.
        reasons.append("both are wire releases under the same catchline and date")
        similarity = max(similarity, CATCHLINE_SIMILARITY)
        if kind == "unrelated":
            kind, confidence = "same_event", CATCHLINE_SIMILARITY
    direction = "known" if points != 0 else "unknown"
    if kind == "duplicate" and points == 0:
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
    )


def _containment(inner: dict[str, float], outer: dict[str, float]) -> float:
    """Share of the inner text's numbers found in the outer (rewrites drop figures, rarely add them)."""
    specific = {term: weight for term, weight in inner.items() if term.isdigit()}
    total = sum(specific.values())
    if not total:
        return 0.0
    return sum(weight for term, weight in specific.items() if term in outer) / total


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
