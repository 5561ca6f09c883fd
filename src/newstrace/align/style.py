"""Counts of a text's style that sources and their derived copies tend to differ in, once per text."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newstrace.sentences.language import ENGLISH_SHARE, english_share

_WORD = re.compile(r"\w+")
# Connectives, hedges and attributions that machine paraphrase overuses (lists of words in excess
# in LLM text: Kobak et al. 2024, Liang et al. 2024), against plain reporting or speech. A fixed,
# generic list: no word of any corpus was added for it.
_CONNECTIVES = frozenset(
    (
        "additionally",
        "furthermore",
        "moreover",
        "however",
        "notably",
        "overall",
        "ultimately",
        "meanwhile",
        "consequently",
        "nevertheless",
        "nonetheless",
        "thus",
        "therefore",
        "hence",
        "indeed",
        "significantly",
        "potentially",
        "particularly",
        "reportedly",
        "allegedly",
        "apparently",
        "purportedly",
        "crucial",
        "pivotal",
        "essential",
        "significant",
        "potential",
        "various",
        "numerous",
        "comprehensive",
        "highlight",
        "highlights",
        "highlighted",
        "highlighting",
        "underscore",
        "underscores",
        "underscored",
        "underscoring",
        "emphasize",
        "emphasizes",
        "emphasized",
        "emphasizing",
        "delve",
        "delves",
        "showcasing",
        "intricate",
        "realm",
        "landscape",
        "ensure",
        "ensuring",
        "regarding",
        "amid",
    )
)
_FIRST_PERSON = frozenset(["i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours"])
_CONTRACTION = re.compile(r"\w(?:n['’]t|['’](?:re|ll|ve|m|d))\b", re.IGNORECASE)
_QUOTED = re.compile(r'"[^"]{1,2000}?"|“[^”]{1,2000}?”')
_FINISHED = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_PUNCTUATION = re.compile(r"[();:–—]| - ")
# Words per window of the length-independent vocabulary share.
_WINDOW = 50


@dataclass(frozen=True, slots=True)
class TextStyle:
    """Counts of one text that sources and their derived copies tend to differ in."""

    log_words: float
    term_rarity: float
    number_share: float
    quotes_per_100_words: float
    exclamations_per_sentence: float
    words_per_sentence: float
    names_per_100_words: float
    distinct_word_share: float
    capitalised_share: float
    # Machine paraphrase evens sentences out, reports speech rather than quoting it, leans on
    # connectives, drops the first person and contractions, uses longer words, leaves no fragment
    # unfinished, and punctuates less variedly than reporting, speech or a scraped page.
    sentence_length_spread: float
    quoted_word_share: float
    connective_share: float
    first_person_share: float
    contraction_share: float
    word_length: float
    unfinished_sentence_share: float
    windowed_distinct_share: float
    punctuation_per_sentence: float
    # Not a feature of the direction model: whether the counts above, made for English, apply.
    english_share: float = 0.0

    @property
    def reads_as_english(self) -> bool:
        return self.english_share >= ENGLISH_SHARE


def text_style(sentences: Sequence[str], document_terms: dict[str, float], names: frozenset[str]) -> TextStyle:
    """The style of a text from its sentences, its weighted terms and its names."""
    joined = " ".join(sentences)
    words = _WORD.findall(joined)
    count = max(1, len(words))
    sentence_count = max(1, len(sentences))
    terms = document_terms
    lengths = np.array([len(_WORD.findall(sentence)) for sentence in sentences] or [0], dtype=float)
    lowered = [word.lower() for word in words]
    quoted = sum(len(_WORD.findall(match)) for match in _QUOTED.findall(joined))
    windows = [lowered[start : start + _WINDOW] for start in range(0, max(1, len(lowered) - _WINDOW + 1), _WINDOW)]
    return TextStyle(
        log_words=math.log(count),
        term_rarity=float(np.mean(list(terms.values()))) if terms else 0.0,
        number_share=sum(term.isdigit() for term in terms) / max(1, len(terms)),
        quotes_per_100_words=100 * (joined.count('"') + joined.count("“")) / count,
        exclamations_per_sentence=(joined.count("!") + joined.count("?")) / sentence_count,
        words_per_sentence=count / sentence_count,
        names_per_100_words=100 * len(names) / count,
        distinct_word_share=len(set(lowered)) / count,
        capitalised_share=sum(word[0].isupper() for word in words) / count,
        sentence_length_spread=float(lengths.std() / lengths.mean()) if lengths.mean() else 0.0,
        quoted_word_share=quoted / count,
        connective_share=100 * sum(word in _CONNECTIVES for word in lowered) / count,
        first_person_share=100 * sum(word in _FIRST_PERSON for word in lowered) / count,
        contraction_share=100 * len(_CONTRACTION.findall(joined)) / count,
        word_length=sum(map(len, words)) / count,
        unfinished_sentence_share=sum(not _FINISHED.search(sentence) for sentence in sentences) / sentence_count,
        windowed_distinct_share=float(np.mean([len(set(window)) / max(1, len(window)) for window in windows])),
        punctuation_per_sentence=len(_PUNCTUATION.findall(joined)) / sentence_count,
        english_share=english_share(lowered),
    )
