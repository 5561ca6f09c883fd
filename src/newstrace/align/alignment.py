"""Which source sentence each copy sentence comes from, and how closely (verbatim to paraphrase)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from newstrace.model import AlignedSentence
from newstrace.sentences import Lexicon, split_sentences
from newstrace.sentences.terms import document_weights, term_weights

_NOT_WORD = re.compile(r"[\W_]+")
# Character similarity (0-100) of the normalised sentences for each kind; term cosine for a paraphrase.
LIGHT_EDIT_RATIO = 80.0
PARAPHRASE_COSINE = 0.3
# Below this many weighted terms a sentence ("He said so.") cannot be placed by its words.
MINIMUM_SENTENCE_WEIGHT = 6.0


@dataclass(frozen=True, slots=True)
class PreparedText:
    """An article's sentences with their term vectors, computed once per article."""

    sentences: list[str]
    normalised: list[str]
    terms: list[dict[str, float]]
    document_terms: dict[str, float]
    quote_count: int


@dataclass(frozen=True, slots=True)
class AlignedText:
    """The alignment of a copy's sentences to a source's, with summary shares."""

    aligned: list[AlignedSentence]
    copy_coverage: float  # share of the copy's words in aligned sentences
    source_coverage: float  # share of the source's words that some copy sentence comes from
    verbatim_share: float  # share of the copy's words in verbatim sentences
    edited_share: float  # ... in verbatim or lightly edited sentences
    order: float  # share of aligned sentences in the source's order (longest increasing run)
    document_similarity: float  # weighted cosine of the two texts' terms


def prepare_text(paragraphs: list[str], lexicon: Lexicon) -> PreparedText:
    sentences = [sentence for paragraph in paragraphs for sentence in split_sentences(paragraph)]
    normalised = [_NOT_WORD.sub(" ", sentence.lower()).strip() for sentence in sentences]
    terms = [dict(term_weights(sentence, lexicon)) for sentence in sentences]
    document = document_weights("\n".join(paragraphs), lexicon)
    quotes = sum(paragraph.count("“") + paragraph.count('"') // 2 for paragraph in paragraphs)
    return PreparedText(sentences, normalised, terms, document, quotes)


def cosine(first: dict[str, float], second: dict[str, float]) -> float:
    if not first or not second:
        return 0.0
    if len(first) > len(second):
        first, second = second, first
    dot = sum(weight * second.get(term, 0.0) for term, weight in first.items())
    norm = (sum(w * w for w in first.values()) * sum(w * w for w in second.values())) ** 0.5
    return dot / norm if norm else 0.0


def _cosine_matrix(copy: PreparedText, source: PreparedText) -> np.ndarray:
    vocabulary: dict[str, int] = {}
    for sentence_terms in (*copy.terms, *source.terms):
        for term in sentence_terms:
            vocabulary.setdefault(term, len(vocabulary))
    if not vocabulary:
        return np.zeros((len(copy.sentences), len(source.sentences)))

    def matrix(text: PreparedText) -> np.ndarray:
        values = np.zeros((len(text.terms), len(vocabulary)))
        for row, sentence_terms in enumerate(text.terms):
            for term, weight in sentence_terms.items():
                values[row, vocabulary[term]] = weight
        norms = np.linalg.norm(values, axis=1, keepdims=True)
        return values / np.where(norms == 0, 1, norms)

    return matrix(copy) @ matrix(source).T


def align_texts(copy: PreparedText, source: PreparedText) -> AlignedText:
    """Each copy sentence's best source sentence (any order: reordered text is still a copy)."""
    if not copy.sentences or not source.sentences:
        return AlignedText([], 0.0, 0.0, 0.0, 0.0, 0.0, cosine(copy.document_terms, source.document_terms))
    similarity = _cosine_matrix(copy, source)
    source_index = {text: index for index, text in reversed(list(enumerate(source.normalised)))}
    aligned: list[AlignedSentence] = []
    copy_words = np.array([max(1, sentence.count(" ") + 1) for sentence in copy.normalised], dtype=float)
    source_words = np.array([max(1, sentence.count(" ") + 1) for sentence in source.normalised], dtype=float)
    kinds: list[str] = []
    used_sources: set[int] = set()
    for row, sentence in enumerate(copy.normalised):
        exact = source_index.get(sentence)
        if exact is not None and sentence:
            aligned.append(AlignedSentence(row, (exact,), "verbatim", 1.0))
            kinds.append("verbatim")
            used_sources.add(exact)
            continue
        best = int(np.argmax(similarity[row]))
        term_score = float(similarity[row, best])
        ratio = fuzz.ratio(sentence, source.normalised[best]) if term_score > 0.2 else 0.0
        kind = "unaligned"
        # Verbatim means the same words (case and punctuation aside); any other change is an edit.
        if ratio >= LIGHT_EDIT_RATIO:
            kind = "light_edit"
        elif term_score >= PARAPHRASE_COSINE and sum(copy.terms[row].values()) >= MINIMUM_SENTENCE_WEIGHT:
            kind = "paraphrase"
        kinds.append(kind)
        if kind == "unaligned":
            aligned.append(AlignedSentence(row, (), kind, round(term_score, 3)))
            continue
        score = max(ratio / 100.0, term_score)
        aligned.append(AlignedSentence(row, (best,), kind, round(score, 3)))
        used_sources.add(best)
    total_copy = copy_words.sum()
    in_kinds = np.array(kinds)
    aligned_mask = in_kinds != "unaligned"
    verbatim_mask = in_kinds == "verbatim"
    edited_mask = verbatim_mask | (in_kinds == "light_edit")
    sources_in_order = [item.source_sentences[0] for item in aligned if item.source_sentences]
    order = _longest_increasing_run(sources_in_order) / len(sources_in_order) if sources_in_order else 0.0
    return AlignedText(
        aligned=aligned,
        copy_coverage=float(copy_words[aligned_mask].sum() / total_copy),
        source_coverage=float(source_words[sorted(used_sources)].sum() / source_words.sum()),
        verbatim_share=float(copy_words[verbatim_mask].sum() / total_copy),
        edited_share=float(copy_words[edited_mask].sum() / total_copy),
        order=order,
        document_similarity=cosine(copy.document_terms, source.document_terms),
    )


def _longest_increasing_run(values: list[int]) -> int:
    """Length of the longest non-decreasing subsequence (patience sorting)."""
    import bisect

    tails: list[int] = []
    for value in values:
        position = bisect.bisect_right(tails, value)
        if position == len(tails):
            tails.append(value)
        else:
            tails[position] = value
    return len(tails)
