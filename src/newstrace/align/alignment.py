"""Which source sentence each copy sentence comes from, and how closely (verbatim to paraphrase)."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.process import cpdist

from newstrace.align.style import TextStyle, text_style
from newstrace.embeddings import LeadEncoder, lead_text
from newstrace.model import AlignedSentence
from newstrace.sentences import Lexicon, split_sentences
from newstrace.sentences.language import ENGLISH, opening_text
from newstrace.sentences.terms import term_counts
from newstrace.sentences.words import count_words, has_unspaced_script

_NOT_WORD = re.compile(r"[\W_]+")
# A capitalised word inside a sentence (not its first word): a name of a person, place or body.
INNER_NAME = re.compile(r"(?<=[\w,;:] )[A-Z][\w'-]{2,}")
# Character similarity (0-100) of the normalised sentences for each kind; term cosine for a paraphrase.
LIGHT_EDIT_RATIO = 80.0
PARAPHRASE_COSINE = 0.3
# A paraphrase this close (term cosine) follows its source sentence; looser ones may be the copy's own
# sentences on the same subject (a follow-up's new paragraphs beside the background it reuses).
CLOSE_PARAPHRASE_COSINE = 0.5
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
    # Words of each normalised sentence (at least 1), the weights of the coverage shares.
    sentence_words: np.ndarray
    # Per text rather than per pair, where every pair of a text asked for them again: the document
    # terms that are numbers (with their weights), the words of all sentences, the mean term weight.
    number_terms: dict[str, float]
    word_count: int
    mean_term_weight: float
    # Each sentence's summed term weight (a sentence too light is never a paraphrase).
    sentence_weights: np.ndarray
    # The first position of each normalised sentence, and the squared norm of the document terms.
    sentence_positions: dict[str, int]
    document_square_sum: float
    # The term entries ordered by key (stable), for the sparse join of two texts' sentences.
    term_order: np.ndarray
    # The embedding of the article's opening (unit vector), when an encoder is installed.
    lead_vector: np.ndarray | None = None
    # The language whose word list weighed the terms.
    language: str = ENGLISH
    # The text's style once measured: once per text rather than per pair (it was a quarter of the
    # pair stage's time), and only for texts whose direction a model weighs (a related pair's).
    measured_style: list[TextStyle] = field(default_factory=list, compare=False, repr=False)

    @property
    def style(self) -> TextStyle:
        if not self.measured_style:
            self.measured_style.append(text_style(self.sentences, self.document_terms, self.names))
        return self.measured_style[0]


_KINDS = ("unaligned", "verbatim", "light_edit", "paraphrase")
_UNALIGNED, _VERBATIM, _LIGHT_EDIT, _PARAPHRASE = range(len(_KINDS))


@dataclass(frozen=True, slots=True)
class SentenceMatches:
    """For each copy sentence: its kind (a code of _KINDS), its source sentence (-1: none), its term
    cosine with that sentence and their character ratio (0-100, 0 where not measured)."""

    kinds: np.ndarray
    sources: np.ndarray
    term_scores: np.ndarray
    ratios: np.ndarray

    @classmethod
    def none(cls) -> SentenceMatches:
        empty = np.zeros(0)
        return cls(empty.astype(np.int8), empty.astype(np.int64), empty, empty)

    def sentences(self) -> list[AlignedSentence]:
        """The matches as AlignedSentence records (built only for the pairs that keep them)."""
        aligned = []
        columns = (self.kinds, self.sources, self.term_scores, self.ratios)
        rows = zip(*(column.tolist() for column in columns), strict=True)
        for row, (kind, source, term_score, ratio) in enumerate(rows):
            if kind == _VERBATIM:
                aligned.append(AlignedSentence(row, (source,), "verbatim", 1.0))
            elif kind == _UNALIGNED:
                aligned.append(AlignedSentence(row, (), "unaligned", round(term_score, 3)))
            else:
                aligned.append(AlignedSentence(row, (source,), _KINDS[kind], round(max(ratio / 100.0, term_score), 3)))
        return aligned


@dataclass(frozen=True, slots=True)
class AlignedText:
    """The alignment of a copy's sentences to a source's, with summary shares."""

    matches: SentenceMatches
    copy_coverage: float  # share of the copy's words in aligned sentences
    source_coverage: float  # share of the source's words that some copy sentence comes from
    verbatim_share: float  # share of the copy's words in verbatim sentences
    edited_share: float  # ... in verbatim or lightly edited sentences
    order: float  # share of aligned sentences in the source's order (longest increasing run)
    document_similarity: float  # weighted cosine of the two texts' terms
    close_share: float = 0.0  # ... in verbatim, lightly edited or closely paraphrased sentences

    @property
    def verbatim_sentences(self) -> int:
        return int((self.matches.kinds == _VERBATIM).sum())

    def verbatim_rows(self) -> list[int]:
        """The copy's sentences that are its source's word for word."""
        return np.flatnonzero(self.matches.kinds == _VERBATIM).tolist()

    @property
    def aligned(self) -> list[AlignedSentence]:
        return self.matches.sentences()


def prepare_text(paragraphs: list[str], lexicon: Lexicon, encoder: LeadEncoder | None = None) -> PreparedText:
    """An article's sentences and terms for alignment (weighed by its language's word list, where
    `lexicon` knows others); with `encoder`, its opening's embedding too."""
    lexicon = lexicon.for_text(opening_text(paragraphs))
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
    names = frozenset(name.lower() for sentence in sentences for name in INNER_NAME.findall(sentence))
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
    term_keys = np.array(keys, dtype=np.int64)
    return PreparedText(
        sentences,
        normalised,
        terms,
        document,
        quotes,
        names,
        np.array(rows, dtype=np.int64),
        term_keys,
        np.array(values, dtype=np.float64),
        np.array([max(1, _words_of_normalised(sentence)) for sentence in normalised], dtype=float),
        {term: weight for term, weight in document.items() if term.isdigit()},
        sum(_words_of_normalised(sentence) for sentence in normalised),
        sum(document.values()) / len(document) if document else 0.0,
        np.array([sum(sentence_terms.values()) for sentence_terms in terms], dtype=np.float64),
        {text: index for index, text in reversed(list(enumerate(normalised)))},
        sum(weight * weight for weight in document.values()),
        np.argsort(term_keys, kind="stable"),
        encoder.encode([lead_text(paragraphs)])[0] if encoder is not None else None,
        language=lexicon.language,
    )


def _words_of_normalised(sentence: str) -> int:
    """Words of a normalised sentence (single spaces between words; a Chinese clause is one run)."""
    return count_words(sentence) if has_unspaced_script(sentence) else sentence.count(" ") + 1


def document_cosine(copy: PreparedText, source: PreparedText) -> float:
    """The weighted cosine of two texts' document terms."""
    first, second = copy.document_terms, source.document_terms
    if not first or not second:
        return 0.0
    if len(first) > len(second):
        first, second = second, first
    dot = sum(weight * second.get(term, 0.0) for term, weight in first.items())
    norm = (copy.document_square_sum * source.document_square_sum) ** 0.5
    return dot / norm if norm else 0.0


def sentence_similarity(copy: PreparedText, source: PreparedText) -> np.ndarray:
    """Cosine of every copy sentence's terms with every source sentence's (copy rows, source columns)."""
    similarity = np.zeros((len(copy.sentences), len(source.sentences)))
    if len(copy.term_keys) == 0 or len(source.term_keys) == 0:
        return similarity
    # A sparse join on the term keys: only shared terms cost anything (measured 10x faster than
    # dense matrix products on long articles).
    order = source.term_order
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


def align_texts(
    copy: PreparedText,
    source: PreparedText,
    similarity: np.ndarray | None = None,
    document_similarity: float | None = None,
) -> AlignedText:
    """Each copy sentence's best source sentence (any order: reordered text is still a copy).

    The kinds are decided for all sentences at once; the per-sentence records are built only when
    asked for (most pairs compared are unrelated, and a loop over their sentences was a third of
    the pair stage's time). `similarity` and `document_similarity` (document_cosine, the same
    both ways) are made once for a pair aligned both ways."""
    if document_similarity is None:
        document_similarity = document_cosine(copy, source)
    if not copy.sentences or not source.sentences:
        return AlignedText(SentenceMatches.none(), 0.0, 0.0, 0.0, 0.0, 0.0, document_similarity)
    if similarity is None:
        similarity = sentence_similarity(copy, source)
    source_index = source.sentence_positions
    count = len(copy.normalised)
    # The first maximum of each row, as one argmax over the matrix.
    best_sources = similarity.argmax(axis=1)
    term_scores = similarity[np.arange(count), best_sources]
    exact = np.array([source_index.get(sentence, -1) if sentence else -1 for sentence in copy.normalised])
    verbatim = exact >= 0
    ratios = np.zeros(count)
    # Verbatim means the same words (case and punctuation aside); any other change is an edit.
    measured = np.flatnonzero(~verbatim & (term_scores > 0.2))
    if len(measured):
        ratios[measured] = cpdist(
            [copy.normalised[row] for row in measured.tolist()],
            [source.normalised[column] for column in best_sources[measured].tolist()],
            scorer=fuzz.ratio,
            dtype=np.float64,
            workers=1,
        )
    light_edit = ~verbatim & (ratios >= LIGHT_EDIT_RATIO)
    paraphrase = (
        ~verbatim
        & ~light_edit
        & (term_scores >= PARAPHRASE_COSINE)
        & (copy.sentence_weights >= MINIMUM_SENTENCE_WEIGHT)
    )
    kinds = np.full(count, _UNALIGNED, dtype=np.int8)
    kinds[verbatim], kinds[light_edit], kinds[paraphrase] = _VERBATIM, _LIGHT_EDIT, _PARAPHRASE
    aligned_mask = kinds != _UNALIGNED
    sources = np.where(verbatim, exact, np.where(aligned_mask, best_sources, -1))
    copy_words = copy.sentence_words
    total_copy = copy_words.sum()
    sources_in_order = sources[aligned_mask].tolist()
    order = _longest_increasing_run(sources_in_order) / len(sources_in_order) if sources_in_order else 0.0
    return AlignedText(
        matches=SentenceMatches(kinds, sources, term_scores, ratios),
        copy_coverage=float(copy_words[aligned_mask].sum() / total_copy),
        source_coverage=float(
            source.sentence_words[np.unique(sources[aligned_mask])].sum() / source.sentence_words.sum()
        ),
        verbatim_share=float(copy_words[verbatim].sum() / total_copy),
        edited_share=float(copy_words[verbatim | light_edit].sum() / total_copy),
        order=order,
        document_similarity=document_similarity,
        close_share=float(
            copy_words[verbatim | light_edit | (paraphrase & (term_scores >= CLOSE_PARAPHRASE_COSINE))].sum()
            / total_copy
        ),
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
