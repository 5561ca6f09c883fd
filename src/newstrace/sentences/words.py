"""Words in any script: Chinese, Japanese, Thai and the other scripts written without spaces between
words count by their characters, and are read as overlapping pairs of characters where terms are
compared (the usual unit for these scripts when no word segmenter is at hand: a word of Chinese is
one to three characters, most often two)."""

from __future__ import annotations

import re

# Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, Japanese kana, CJK
# ideographs (with extension A and the compatibility block). Korean Hangul puts spaces between words.
UNSPACED_RANGES = (
    (0x0E00, 0x0F00),
    (0x1000, 0x10A0),
    (0x1780, 0x1800),
    (0x3040, 0x3100),
    (0x3400, 0x4DC0),
    (0x4E00, 0xA000),
    (0xF900, 0xFB00),
)
_UNSPACED_CLASS = "".join(f"{chr(start)}-{chr(end - 1)}" for start, end in UNSPACED_RANGES)
_UNSPACED = re.compile(f"[{_UNSPACED_CLASS}]")
_UNSPACED_RUN = re.compile(f"[{_UNSPACED_CLASS}]+")
# A word of these scripts is about two characters (Chinese averages 1.5 to 2, Japanese about 2).
CHARACTERS_PER_WORD = 2


def has_unspaced_script(text: str) -> bool:
    """Whether the text holds characters of a script written without spaces."""
    return not text.isascii() and _UNSPACED.search(text) is not None


def count_words(text: str) -> int:
    """Words of the text: runs between spaces, and a word per CHARACTERS_PER_WORD characters of a
    script written without spaces (a Chinese paragraph is one run between spaces)."""
    if not has_unspaced_script(text):
        return len(text.split())
    words = 0
    for chunk in text.split():
        unspaced = sum(len(run) for run in _UNSPACED_RUN.findall(chunk))
        rest = _UNSPACED_RUN.sub(" ", chunk).split()
        words += -(-unspaced // CHARACTERS_PER_WORD) + sum(1 for part in rest if any(c.isalnum() for c in part))
    return words


def spaced_pairs(text: str) -> str:
    """The text with each run of a script written without spaces written as its overlapping pairs of
    characters, space-separated ("北京市" -> " 北京 京市 "), so that tokenisers splitting on spaces and
    punctuation find word-sized units; other text is left as it is."""
    if not has_unspaced_script(text):
        return text
    return _UNSPACED_RUN.sub(_pairs_of_run, text)


def _pairs_of_run(match: re.Match[str]) -> str:
    run = match.group(0)
    if len(run) == 1:
        return f" {run} "
    return " " + " ".join(run[index : index + 2] for index in range(len(run) - 1)) + " "
