"""Words in scripts written without spaces: counted by characters, compared as pairs of characters."""

from __future__ import annotations

from newstrace.sentences.terms import UNSPACED_PAIR_WEIGHT, default_lexicon, term_counts
from newstrace.sentences.words import count_words, has_unspaced_script, spaced_pairs


def test_spaced_text_counts_its_runs_between_spaces() -> None:
    assert count_words("The ferry left at noon, an hour late.") == 8
    assert count_words("한국 정부는 새 노선을 발표했다") == 5  # Korean puts spaces between words


def test_chinese_and_japanese_count_a_word_per_two_characters() -> None:
    # Ten characters, then figures and characters: one run between spaces each.
    assert count_words("市政府宣布新建地铁线路") == 6
    assert count_words("新华社北京3月4日电") == 6  # 新华社北京 (3), 月 (1), 日电 (1), and the figures 3 and 4
    assert count_words("東京都は月曜日に発表した") == 6


def test_pairs_of_characters_replace_a_run_and_leave_other_text() -> None:
    assert spaced_pairs("北京市") == " 北京 京市 "
    assert spaced_pairs("in 北京 today") == "in  北京  today"
    assert spaced_pairs("A plain English line.") == "A plain English line."
    assert not has_unspaced_script("Café crème")
    assert has_unspaced_script("東京")


def test_pairs_of_characters_are_weighted_content_terms() -> None:
    counts, weights = term_counts("地铁线路，地铁站。", default_lexicon())
    assert counts["地铁"] == 2
    assert weights["地铁"] == UNSPACED_PAIR_WEIGHT
    # A lone character between stops weighs nothing, as one-letter words do.
    assert "将" not in term_counts("将，地铁。", default_lexicon())[0]
