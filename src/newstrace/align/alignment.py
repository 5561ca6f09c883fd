"""Which source sentence each copy sentence comes from, and how closely (verbatim to paraphrase)."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from newstrace.align.style import TextStyle, text_style
from newstrace.embeddings import LeadEncoder, lead_text
from newstrace.model import AlignedSentence
from newstrace.sentences import Lexicon, split_sentences
from newstrace.sentences.terms import term_counts

_NOT_WORD = re.compile(r"[\W_]+")
# A capitalised word inside a sentence (not its first word): a name of a person, place or body.
_INNER_NAME = re.compile(r"(?<=[\w,;:] )[A-Z][\w'-]{2,}")
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
    # Capitalised words inside sentences, lowercased: names that tie two reports to one event.
    names: frozenset[str]
    # The sentence term vectors flattened for matrix products: row (sentence), term key, unit weight.
    term_rows: np.ndarray
    term_keys: np.ndarray
    term_values: np.ndarray
    # Measured once here rather than for each pair (it was a quarter of the pair stage's time).
    style: TextStyle
    # Words of each normalised sentence (at least 1), the weights of the coverage shares.
    sentence_words: np.ndarray
    # Per text rather than per pair, where every pair of a text asked for them again: the document
    # terms that are numbers (with their weights), the words of all sentences, the mean term weight.
    number_terms: dict[str, float]
    word_count: int
    mean_term_weight: float
    # The embedding of the article's opening (unit vector), when an encoder is installed.
    lead_vector: np.ndarray | None = None


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


def prepare_text(paragraphs: list[str], lexicon: Lexicon, encoder: LeadEncoder | None = None) -> PreparedText:
    """An article's sentences and terms for alignment; with `encoder`, its opening's embedding too."""
    sentences = [sentence for paragraph in paragraphs for sentence in split_sentences(paragraph)]
    normalised = [_NOT_WORD.sub(" ", sentence.lower()).strip() for sentence in sentences]
    terms = []
    document_counts: Counter[str] = Counter()
    known_weights: dict[str, float] = {}
    for sentence in sentences:
        counts, weights = term_counts(sentence, lexicon)
        terms.append({term: weights[term] * count for term, count in counts.items()})
        document_counts.update(counts)
        known_weights.update(weights)
    document = {term: known_weights[term] * (1.0 + math.log(count)) for term, count in document_counts.items()}
    quotes = sum(paragraph.count("“") + paragraph.count('"') // 2 for paragraph in paragraphs)
    names = frozenset(name.lower() for sentence in sentences for name in _INNER_NAME.findall(sentence))
    rows: list[int] = []
    keys: list[int] = []
    values: list[float] = []
    for row, sentence_terms in enumerate(terms):
        norm = sum(weight * weight for weight in sentence_terms.values()) ** 0.5
        for term, weight in sentence_terms.items():
            rows.append(row)
            # Keys only meet keys of the same process, so Python's (salted) string hash is enough.
            keys.append(hash(term))
            values.append(weight / norm)
    return PreparedText(
        sentences,
        normalised,
        terms,
        document,
        quotes,
        names,
        np.array(rows, dtype=np.int64),
        np.array(keys, dtype=np.int64),
        np.array(values, dtype=np.float64),
        text_style(sentences, document, names),
        np.array([max(1, sentence.count(" ") + 1) for sentence in normalised], dtype=float),
        {term: weight for term, weight in document.items() if term.isdigit()},
        sum(sentence.count(" ") + 1 for sentence in normalised),
        sum(document.values()) / len(document) if document else 0.0,
        encoder.encode([lead_text(paragraphs)])[0] if encoder is not None else None,
    )


def cosine(first: dict[str, float], second: dict[str, float]) -> float:
    if not first or not second:
        return 0.0
    if len(first) > len(second):
        first, second = second, first
    dot = sum(weight * second.get(term, 0.0) for term, weight in first.items())
    norm = (sum(w * w for w in first.values()) * sum(w * w for w in second.values())) ** 0.5
    return dot / norm if norm else 0.0


def sentence_similarity(copy: PreparedText, source: PreparedText) -> np.ndarray:
    """Cosine of every copy sentence's terms with every source sentence's (copy rows, source columns)."""
    similarity = np.zeros((len(copy.sentences), len(source.sentences)))
    if len(copy.term_keys) == 0 or len(source.term_keys) == 0:
        return similarity
    # A sparse join on the term keys: only shared terms cost anything (measured 10x faster than
    # dense matrix products on long articles).
    order = np.argsort(source.term_keys, kind="stable")
    sorted_keys = source.term_keys[order]
    starts = np.searchsorted(sorted_keys, copy.term_keys, side="left")
    ends = np.searchsorted(sorted_keys, copy.term_keys, side="right")
    counts = ends - starts
    if counts.sum() == 0:
        return similarity
    copy_entries = np.repeat(np.arange(len(copy.term_keys)), counts)
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    source_entries = order[np.repeat(starts, counts) + offsets]
    np.add.at(
        similarity,
        (copy.term_rows[copy_entries], source.term_rows[source_entries]),
        copy.term_values[copy_entries] * source.term_values[source_entries],
    )
    return similarity


def align_texts(copy: PreparedText, source: PreparedText, similarity: np.ndarray | None = None) -> AlignedText:
    """Each copy sentence's best source sentence (any order: reordered text is still a copy)."""
    if not copy.sentences or not source.sentences:
        return AlignedText([], 0.0, 0.0, 0.0, 0.0, 0.0, cosine(copy.document_terms, source.document_terms))
    if similarity is None:
        similarity = sentence_similarity(copy, source)
    source_index = {text: index for index, text in reversed(list(enumerate(source.normalised)))}
    aligned: list[AlignedSentence] = []
    copy_words, source_words = copy.sentence_words, source.sentence_words
    kinds: list[str] = []
    used_sources: set[int] = set()
    # One argmax over the matrix, not one numpy call per sentence (the same first-maximum rule).
    best_sources = similarity.argmax(axis=1).tolist()
    best_scores = similarity[np.arange(len(best_sources)), best_sources].tolist()
    for row, sentence in enumerate(copy.normalised):
        exact = source_index.get(sentence)
        if exact is not None and sentence:
            aligned.append(AlignedSentence(row, (exact,), "verbatim", 1.0))
            kinds.append("verbatim")
            used_sources.add(exact)
            continue
        best = best_sources[row]
        term_score = best_scores[row]
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
