"""Style measures of a text: what tells reporting and speech from a machine paraphrase of them."""

from __future__ import annotations

import pytest

from newstrace.align.style import TextStyle, text_style

REPORT = [
    'The harbour board voted 7-2 on Monday to dredge berth 4, its chair said: "We can\'t wait another winter."',
    "Dredging starts in May.",
    "I asked the board why it took so long; we got no answer",
]
PARAPHRASE = [
    "Moreover, the harbour board notably approved a comprehensive plan to dredge a berth amid mounting concerns.",
    "Additionally, officials underscored that the initiative is crucial for ensuring the port remains competitive.",
    "Furthermore, the board highlighted that the project would significantly enhance the regional economy.",
]


def _style(sentences: list[str]) -> TextStyle:
    return text_style(sentences, {}, frozenset())


def test_reporting_quotes_contracts_and_speaks_in_the_first_person_where_a_paraphrase_does_not() -> None:
    report, paraphrase = _style(REPORT), _style(PARAPHRASE)
    # Six of its 38 words are inside quotation marks.
    assert report.quoted_word_share == pytest.approx(6 / 38)
    assert paraphrase.quoted_word_share == 0
    assert report.contraction_share > 0 == paraphrase.contraction_share
    assert report.first_person_share > 0 == paraphrase.first_person_share
    assert paraphrase.connective_share > 10 * max(report.connective_share, 0.1)
    # The report's sentences run from 4 to 21 words and one is left unfinished.
    assert report.sentence_length_spread > 2 * paraphrase.sentence_length_spread
    assert report.unfinished_sentence_share == pytest.approx(1 / 3)
    assert paraphrase.unfinished_sentence_share == 0
    assert paraphrase.word_length > report.word_length


def test_vocabulary_variety_does_not_grow_with_length() -> None:
    text = ["The board met again and voted again on the same plan for the same berth."] * 20
    short, long = _style(text[:4]), _style(text)
    assert long.windowed_distinct_share == pytest.approx(short.windowed_distinct_share, abs=0.05)
    assert long.distinct_word_share < short.distinct_word_share / 4


def test_an_empty_text_has_a_style_of_zeros_not_an_error() -> None:
    style = _style([])
    assert style.sentence_length_spread == 0
    assert style.quoted_word_share == 0
    assert style.windowed_distinct_share == 0
