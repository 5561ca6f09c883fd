"""Sentence splitting: abbreviations, initials, quotations and paragraphs without stops."""

from __future__ import annotations

import pytest

from newstrace.sentences import split_sentences


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "Mr. Aldous Penhallow met Dr. Imogen Stray at the U.S. consulate in Brackwater. They talked for an hour.",
            [
                "Mr. Aldous Penhallow met Dr. Imogen Stray at the U.S. consulate in Brackwater.",
                "They talked for an hour.",
            ],
        ),
        (
            "The harbour survey was written by J. R. Castellan and M. Oduya. It runs to 40 pages.",
            ["The harbour survey was written by J. R. Castellan and M. Oduya.", "It runs to 40 pages."],
        ),
        (
            "Gov. Alma Ruiz signed the ferry bill on Jan. 4 with Sen. Lutz beside her. It takes effect in March.",
            ["Gov. Alma Ruiz signed the ferry bill on Jan. 4 with Sen. Lutz beside her.", "It takes effect in March."],
        ),
        (
            "The pier owner, Harrow Holdings Ltd. of Saltmere, declined to comment. Its lawyers met on Friday.",
            ["The pier owner, Harrow Holdings Ltd. of Saltmere, declined to comment.", "Its lawyers met on Friday."],
        ),
    ],
)
def test_abbreviations_and_initials_do_not_end_a_sentence(paragraph: str, expected: list[str]) -> None:
    assert split_sentences(paragraph) == expected


def test_quotations_end_sentences_with_their_closing_mark() -> None:
    paragraph = "“We will rebuild the pier,” said Mayor Lowe. “Nobody will stop us.” The council agreed."
    assert split_sentences(paragraph) == [
        "“We will rebuild the pier,” said Mayor Lowe.",
        "“Nobody will stop us.”",
        "The council agreed.",
    ]
    straight = 'Lowe told the hall: "The old pier is finished." Then she left by the side door.'
    assert split_sentences(straight) == [
        'Lowe told the hall: "The old pier is finished."',
        "Then she left by the side door.",
    ]


def test_a_quoted_question_followed_by_its_attribution_stays_whole() -> None:
    paragraph = "“Who will pay for the pier?” asked one fisherman. Nobody answered him."
    assert split_sentences(paragraph) == ["“Who will pay for the pier?” asked one fisherman.", "Nobody answered him."]


def test_question_and_exclamation_marks_end_sentences() -> None:
    paragraph = "Did anyone see the trawler? Nobody did! The coastguard was called at 9.30 on Friday."
    assert split_sentences(paragraph) == [
        "Did anyone see the trawler?",
        "Nobody did!",
        "The coastguard was called at 9.30 on Friday.",
    ]


def test_a_paragraph_without_stops_is_one_sentence() -> None:
    paragraph = "  Residents gathered at the harbour wall as the tide came in and nobody spoke  "
    assert split_sentences(paragraph) == ["Residents gathered at the harbour wall as the tide came in and nobody spoke"]


def test_numbers_and_ordinary_words_before_a_stop_end_sentences() -> None:
    assert split_sentences("The ferry left at 10. Passengers waved. Prices rose 4.5 per cent. Wages did not.") == [
        "The ferry left at 10.",
        "Passengers waved.",
        "Prices rose 4.5 per cent.",
        "Wages did not.",
    ]


def test_a_stop_before_a_lower_case_word_is_not_a_boundary() -> None:
    assert split_sentences("Shares in Harrow Inc. fell by a third. The firm said little.") == [
        "Shares in Harrow Inc. fell by a third.",
        "The firm said little.",
    ]


def test_empty_and_blank_paragraphs_have_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences("   \n ") == []


def test_chinese_and_japanese_sentences_end_at_full_width_stops_without_a_space() -> None:
    assert split_sentences("市政府周一宣布新建地铁。他说：“工程很难。”专家表示支持！") == [
        "市政府周一宣布新建地铁。",
        "他说：“工程很难。”",
        "专家表示支持！",
    ]
    # A quotation that ends with a stop and goes on with the particle citing it is one sentence.
    assert split_sentences("知事は「新線を作る。」と述べた。費用は未定だ。") == [
        "知事は「新線を作る。」と述べた。",
        "費用は未定だ。",
    ]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # Scripts without capitals: Arabic (with its question mark), Hebrew, Hindi (with its danda), Korean.
        (
            "قالت البلدية إن الجسر سيغلق. هل ستستمر الأعمال عاما؟ نعم.",
            ["قالت البلدية إن الجسر سيغلق.", "هل ستستمر الأعمال عاما؟", "نعم."],
        ),
        ("השר אמר כי הגשר ייסגר. התושבים כועסים.", ["השר אמר כי הגשר ייסגר.", "התושבים כועסים."]),
        ("नगर निगम ने कहा कि पुल बंद रहेगा। काम एक साल चलेगा।", ["नगर निगम ने कहा कि पुल बंद रहेगा।", "काम एक साल चलेगा।"]),
        ("시는 다리를 폐쇄한다고 밝혔다. 주민들은 반발했다.", ["시는 다리를 폐쇄한다고 밝혔다.", "주민들은 반발했다."]),
        # Greek capitals.
        (
            "Ο δήμος ανακοίνωσε ότι η γέφυρα θα κλείσει. Οι κάτοικοι διαμαρτύρονται.",
            ["Ο δήμος ανακοίνωσε ότι η γέφυρα θα κλείσει.", "Οι κάτοικοι διαμαρτύρονται."],
        ),
    ],
)
def test_sentences_of_scripts_without_capitals_and_of_greek(paragraph: str, expected: list[str]) -> None:
    assert split_sentences(paragraph) == expected
