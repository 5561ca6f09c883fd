"""Content terms with weights from word frequency: rare words, names and numbers weigh most."""

from __future__ import annotations

import math
import operator
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import repeat

import numpy as np

from newstrace.sentences.language import ENGLISH, guess_language, opening_text
from newstrace.sentences.words import has_unspaced_script, spaced_pairs

_TOKEN = re.compile(r"\w+")
# Terms are matched on a prefix so that inflections meet ("declares", "declared"); six letters keep
# names and most stems apart in English and in the other European languages alike.
PREFIX_LENGTH = 6
# Below this weight a word is too common to say anything about a story ("the", "said", "year").
MINIMUM_WEIGHT = 1.5
NUMBER_WEIGHT = 4.0
UNKNOWN_WORD_ZIPF = 1.0
# Without a word list (or for words it lacks), short words are usually function words.
SHORT_UNKNOWN_WORD_ZIPF = 6.5
# Zipf frequency of the commonest words (~7.7 for "the"): weight = CEILING_ZIPF - zipf.
CEILING_ZIPF = 7.5
OTHER_LANGUAGES_LEAST_ZIPF = 2.0
# A pair of characters of a script written without spaces (sentences.words): the English word list
# knows none, and each weighs as an ordinary content word does (zipf about 4.5).
UNSPACED_PAIR_WEIGHT = 3.0


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word frequencies on the Zipf scale (log10 of uses per billion words)."""

    zipf: dict[str, float]
    # Term key and weight of each word seen, so a word is looked up once per process.
    known: dict[str, tuple[str, float]] = field(default_factory=dict, compare=False)
    language: str = ENGLISH
    # The lexicon of another language, for texts in it (default_lexicon's own lists); None keeps
    # this lexicon for every text (a lexicon a caller made).
    others: Callable[[str], Lexicon] | None = field(default=None, compare=False, repr=False)

    def for_text(self, text: str) -> Lexicon:
        """The lexicon that weighs the words of a text: its language's, where that is known and
        not this one's. Words of a language weighed by another's list all count as rare: Russian
        function words weighed as much as names, and two unrelated Russian articles shared dozens."""
        if self.others is None:
            return self
        language = guess_language(text)
        return self if language == self.language else self.others(language)

    def for_paragraphs(self, paragraphs: Sequence[str]) -> Lexicon:
        """`for_text` of a text's opening paragraphs, joined only where a language is to be guessed."""
        if self.others is None:
            return self
        return self.for_text(opening_text(paragraphs))

    def term(self, word: str) -> tuple[str, float]:
        """The term key of a lower-cased word and its weight (0 for words too common to count)."""
        found = self.known.get(word)
        if found is None:
            weight = self.weight(word) if len(word) > 1 else 0.0
            found = (word if word.isdigit() else word[:PREFIX_LENGTH], weight if weight >= MINIMUM_WEIGHT else 0.0)
            self.known[word] = found
        return found

    def terms(self, words: list[str]) -> tuple[list[str], np.ndarray]:
        """`term` of many words at once: each word's term key and weight (the very same floats).

        Map calls and array operations over the batch (one `term` call a word cost ~1 µs); the
        words are not put in `known`, which would cost as much again.
        """
        digits = np.fromiter(map(str.isdigit, words), dtype=bool, count=len(words))
        lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
        found = list(map(self.zipf.get, words))
        # One dictionary lookup a word (they miss the cache: ~300 ns each); None becomes NaN here.
        frequencies = np.array(found, dtype=np.float64)
        unlisted = np.fromiter(map(operator.is_, found, repeat(None)), dtype=bool, count=len(words))
        frequencies[unlisted] = np.where(lengths[unlisted] > 3, UNKNOWN_WORD_ZIPF, SHORT_UNKNOWN_WORD_ZIPF)
        # fmax, like max(0.0, x), gives 0.0 for a NaN frequency.
        weights = np.where(digits, NUMBER_WEIGHT, np.fmax(0.0, CEILING_ZIPF - frequencies))
        # Most batches are all ASCII: one check of them joined (14 ns a word) instead of one a word (68 ns).
        if not "".join(words).isascii():
            unspaced = np.fromiter(map(has_unspaced_script, words), dtype=bool, count=len(words))
            weights[unspaced] = UNSPACED_PAIR_WEIGHT
        weights[(lengths <= 1) | (weights < MINIMUM_WEIGHT)] = 0.0
        keys = [word if digit else word[:PREFIX_LENGTH] for word, digit in zip(words, digits.tolist(), strict=True)]
        return keys, weights

    def weight(self, word: str) -> float:
        if word.isdigit():
            return NUMBER_WEIGHT if len(word) > 1 or word != "0" else 0.0
        if has_unspaced_script(word):
            return UNSPACED_PAIR_WEIGHT
        frequency = self.zipf.get(word)
        if frequency is None:
            frequency = UNKNOWN_WORD_ZIPF if len(word) > 3 else SHORT_UNKNOWN_WORD_ZIPF
        return max(0.0, CEILING_ZIPF - frequency)


def default_lexicon(language: str = ENGLISH) -> Lexicon:
    """A language's word frequencies from the wordfreq package (data inside it: English and about
    40 others), English's for a language it lacks, else an empty lexicon; each one loaded once."""
    return _lexicon_of(language)


@cache
def _lexicon_of(language: str) -> Lexicon:
    try:
        import wordfreq
    except ImportError:
        return Lexicon({})
    lists = wordfreq.available_languages(wordlist="best")
    if language not in lists:
        return _lexicon_of(ENGLISH) if language != ENGLISH else Lexicon({})
    # Read from wordfreq's file of words by frequency band, as its get_frequency_dict reads it (a
    # word in two bands takes the later), but not through it: wordfreq keeps every list and
    # dictionary it reads for good, and a crawl of ten languages took 700 MB more than in English
    # alone. Other languages keep the words of zipf 2 or more: rarer ones weigh as unknown words do
    # (6.5 instead of 5.5 to 6.5), and a list takes a third of the memory (Russian 713,447 words ->
    # 252,729).
    least = 1e-8 if language == ENGLISH else 10 ** (OTHER_LANGUAGES_LEAST_ZIPF - 9)
    zipf: dict[str, float] = {}
    for index, band in enumerate(wordfreq.read_cBpack(lists[language])):
        value = wordfreq.cB_to_freq(-index)
        if value > least:
            band_zipf = math.log10(value) + 9
            zipf.update(dict.fromkeys(band, band_zipf))
        else:
            for word in band:
                zipf.pop(word, None)
    return Lexicon(zipf, language=language, others=default_lexicon)


@dataclass(frozen=True, slots=True)
class TermProfile:
    """An article's content terms (prefix keys) with their summed weights."""

    weights: dict[str, float]

    def top(self, count: int) -> list[str]:
        """The count heaviest terms, ties broken by the term so the choice is reproducible."""
        return [term for term, _ in sorted(self.weights.items(), key=lambda item: (-item[1], item[0]))[:count]]


def term_counts(text: str, lexicon: Lexicon) -> tuple[Counter[str], dict[str, float]]:
    """How often each content term occurs in a text, and each term's weight."""
    counts: Counter[str] = Counter()
    weights: dict[str, float] = {}
    for token in _TOKEN.findall(spaced_pairs(text.lower())):
        term, weight = lexicon.term(token)
        if weight:
            counts[term] += 1
            weights[term] = weight
    return counts, weights


def term_weights(text: str, lexicon: Lexicon) -> Counter[str]:
    """Summed weights of the content terms of a text, keyed by lower-cased prefix."""
    counts, weights = term_counts(text, lexicon)
    return Counter({term: weights[term] * count for term, count in counts.items()})


def document_weights(text: str, lexicon: Lexicon) -> dict[str, float]:
    """Term weights of a whole text with sublinear counts, so a name repeated ten times does not swamp it."""
    counts, weights = term_counts(text, lexicon)
    return {term: weights[term] * (1.0 + math.log(count)) for term, count in counts.items()}


def term_profile(text: str, lexicon: Lexicon) -> TermProfile:
    return TermProfile(document_weights(text, lexicon))
