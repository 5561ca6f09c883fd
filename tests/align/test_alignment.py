"""Sentence alignment: verbatim, light edits, paraphrases and unaligned sentences; coverage and order."""

from __future__ import annotations

import re

import pytest

from newstrace.align import align_texts, prepare_text
from newstrace.sentences import Lexicon, default_lexicon

SOURCE = [
    "Fire crews from Kestrel Bay rescued 14 hikers from the Dunmore ridge on Sunday after a sudden snowstorm trapped them near the summit. The group, aged between 19 and 62, had set out from the Carrick Lodge trailhead at dawn.",
    "Rescue leader Tobias Greenhalgh said the walkers had ignored warnings posted at the trailhead. Two of them were taken to Penmorrow infirmary with frostbite.",
    "The mountain rescue team has been called out 37 times this winter, more than in any year since 2009. Greenhalgh urged visitors to check the forecast before climbing.",
]
UNRELATED_SENTENCE = "Shares in the Velmont brewing group fell sharply in early trading on the Corvallis exchange."


def _words(sentence: str) -> int:
    return len(re.findall(r"[^\W_]+", sentence))


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return default_lexicon()


def test_each_kind_on_constructed_sentences(lexicon: Lexicon) -> None:
    copy = [
        # Same words; case and punctuation differ.
        "FIRE CREWS from Kestrel Bay rescued 14 hikers from the Dunmore ridge on Sunday, after a sudden snowstorm trapped them near the summit!",
        # One word added.
        "Rescue leader Tobias Greenhalgh said the walkers had ignored the warnings posted at the trailhead.",
        # Other words, same facts and names.
        "Frostbite sent two of the stranded hikers to the infirmary in Penmorrow, according to Greenhalgh.",
        UNRELATED_SENTENCE,
    ]
    result = align_texts(prepare_text([" ".join(copy)], lexicon), prepare_text(SOURCE, lexicon))
    assert [(item.copy_sentence, item.kind, item.source_sentences) for item in result.aligned] == [
        (0, "verbatim", (0,)),
        (1, "light_edit", (2,)),
        (2, "paraphrase", (3,)),
        (3, "unaligned", ()),
    ]
    verbatim, light_edit, paraphrase, unaligned = result.aligned
    assert verbatim.score == 1.0
    assert 0.8 <= light_edit.score <= 1.0
    assert 0.3 <= paraphrase.score <= 1.0
    assert unaligned.score < 0.3


def test_shares_of_the_copys_words_by_kind(lexicon: Lexicon) -> None:
    copy = [
        SOURCE[0].split(". ")[0] + ".",
        "Rescue leader Tobias Greenhalgh said the walkers had ignored the warnings posted at the trailhead.",
        UNRELATED_SENTENCE,
    ]
    result = align_texts(prepare_text(copy, lexicon), prepare_text(SOURCE, lexicon))
    words = [_words(sentence) for sentence in copy]
    total = sum(words)
    assert result.verbatim_share == pytest.approx(words[0] / total)
    assert result.edited_share == pytest.approx((words[0] + words[1]) / total)
    assert result.copy_coverage == pytest.approx((words[0] + words[1]) / total)
    source_sentences = prepare_text(SOURCE, lexicon).sentences
    source_words = [_words(sentence) for sentence in source_sentences]
    assert result.source_coverage == pytest.approx((source_words[0] + source_words[2]) / sum(source_words))
    assert result.order == 1.0


def test_a_trimmed_verbatim_copy_covers_all_of_itself_and_part_of_its_source(lexicon: Lexicon) -> None:
    source = prepare_text(SOURCE, lexicon)
    result = align_texts(prepare_text(SOURCE[:2], lexicon), source)
    assert [item.kind for item in result.aligned] == ["verbatim"] * 4
    assert (result.copy_coverage, result.verbatim_share, result.edited_share, result.order) == (1.0, 1.0, 1.0, 1.0)
    source_words = [_words(sentence) for sentence in source.sentences]
    assert result.source_coverage == pytest.approx(sum(source_words[:4]) / sum(source_words))
    assert result.source_coverage < 1.0


def test_reordered_paragraphs_still_align_but_out_of_order(lexicon: Lexicon) -> None:
    reordered = [SOURCE[2], SOURCE[0], SOURCE[1]]
    result = align_texts(prepare_text(reordered, lexicon), prepare_text(SOURCE, lexicon))
    assert [item.source_sentences[0] for item in result.aligned] == [4, 5, 0, 1, 2, 3]
    assert result.copy_coverage == 1.0
    assert result.source_coverage == 1.0
    assert result.verbatim_share == 1.0
    # The longest run in the source's order is 0, 1, 2, 3: four of six sentences.
    assert result.order == pytest.approx(4 / 6)


def test_a_paraphrase_of_every_sentence_aligns_in_order(lexicon: Lexicon) -> None:
    paraphrase = [
        "On Sunday a sudden snowstorm trapped 14 hikers near the summit of the Dunmore ridge, and Kestrel Bay fire crews brought them down. The walkers, between 19 and 62 years old, had left the Carrick Lodge trailhead at first light.",
        "According to Tobias Greenhalgh, who led the rescue, the group paid no attention to the trailhead warnings. Frostbite sent two of them to the Penmorrow infirmary.",
        "Since 2009 the mountain rescue team has never had a winter as busy as this one, with 37 callouts so far. Before heading up, visitors should study the weather forecast, Greenhalgh warned.",
    ]
    result = align_texts(prepare_text(paraphrase, lexicon), prepare_text(SOURCE, lexicon))
    assert [item.kind for item in result.aligned] == ["paraphrase"] * 6
    assert [item.source_sentences for item in result.aligned] == [(0,), (1,), (2,), (3,), (4,), (5,)]
    assert result.verbatim_share == 0.0 and result.edited_share == 0.0
    assert result.copy_coverage == 1.0 and result.order == 1.0
    assert result.document_similarity > 0.5


def test_a_short_sentence_without_content_words_is_not_placed_by_its_words(lexicon: Lexicon) -> None:
    source = prepare_text(["Greenhalgh said the ridge was closed. He said so twice."], lexicon)
    copy = prepare_text(["He said so twice.", "It was so."], lexicon)
    result = align_texts(copy, source)
    assert [(item.kind, item.source_sentences) for item in result.aligned] == [("verbatim", (1,)), ("unaligned", ())]


def test_unrelated_texts_align_nothing(lexicon: Lexicon) -> None:
    other = [
        UNRELATED_SENTENCE,
        "Analysts at the Harwick bank blamed a wet summer for a 12 percent drop in beer sales.",
    ]
    result = align_texts(prepare_text(other, lexicon), prepare_text(SOURCE, lexicon))
    assert all(item.kind == "unaligned" for item in result.aligned)
    assert (result.copy_coverage, result.source_coverage, result.order) == (0.0, 0.0, 0.0)
    assert result.document_similarity < 0.1


def test_an_empty_text_aligns_nothing(lexicon: Lexicon) -> None:
    result = align_texts(prepare_text([], lexicon), prepare_text(SOURCE, lexicon))
    assert result.aligned == []
    assert (result.copy_coverage, result.source_coverage, result.order) == (0.0, 0.0, 0.0)
    assert align_texts(prepare_text(SOURCE, lexicon), prepare_text([], lexicon)).aligned == []


def test_prepare_text_counts_direct_quotations(lexicon: Lexicon) -> None:
    prepared = prepare_text(
        [
            "“We got there just in time,” Greenhalgh said. “Another hour and we would have lost them.”",
            'One hiker said: "I thought we were finished." Another declined to talk.',
            "Greenhalgh said the team got there just in time.",
        ],
        lexicon,
    )
    assert prepared.quote_count == 3
    assert len(prepared.sentences) == 5
    assert len(prepared.terms) == len(prepared.normalised) == len(prepared.sentences)
