"""Counts of a text's style that sources and their derived copies tend to differ in, once per text."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

_WORD = re.compile(r"\w+")


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


def text_style(sentences: Sequence[str], document_terms: dict[str, float], names: frozenset[str]) -> TextStyle:
    """The style of a text from its sentences, its weighted terms and its names."""
    joined = " ".join(sentences)
    words = _WORD.findall(joined)
    count = max(1, len(words))
    sentence_count = max(1, len(sentences))
    terms = document_terms
    return TextStyle(
        log_words=math.log(count),
        term_rarity=float(np.mean(list(terms.values()))) if terms else 0.0,
        number_share=sum(term.isdigit() for term in terms) / max(1, len(terms)),
        quotes_per_100_words=100 * (joined.count('"') + joined.count("“")) / count,
        exclamations_per_sentence=(joined.count("!") + joined.count("?")) / sentence_count,
        words_per_sentence=count / sentence_count,
        names_per_100_words=100 * len(names) / count,
        distinct_word_share=len({word.lower() for word in words}) / count,
        capitalised_share=sum(word[0].isupper() for word in words) / count,
    )
