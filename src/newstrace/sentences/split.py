"""Sentence splitting by punctuation, aware of abbreviations, initials and quotations."""

from __future__ import annotations

import re

# Words that end in a full stop without ending the sentence (titles, months, common Latin).
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "ft",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "gov",
        "sen",
        "rep",
        "rev",
        "hon",
        "pres",
        "supt",
        "insp",
        "det",
        "no",
        "nos",
        "vol",
        "pp",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "inc",
        "ltd",
        "co",
        "corp",
        "bros",
        "dept",
        "univ",
        "ave",
        "rd",
        "approx",
        "est",
        "vs",
        "etc",
        "al",
        "cf",
        "ca",
        "eg",
        "ie",
    ]
)
# A candidate boundary: terminal punctuation, optional closing quotes or brackets, then space.
# The next sentence opens with a capital (Latin, Greek, Cyrillic, Armenian, Georgian), a figure, or
# a letter of a script without capitals (Arabic, Hebrew, the scripts of India, Thai, Korean); Arabic
# and Urdu end a question with "؟" and a sentence with "۔", Hindi and Bengali with "।".
_BOUNDARY = re.compile(
    r"([.!?…؟۔।]+[\"'”’»)\]]*)(\s+)"
    r"(?=[\"'“‘«(\[]?[A-ZÀ-ÖØ-ÞΑ-ΩΆ-ΏА-ЯЁЄІЇҐԱ-Ֆა-ჰ0-9\u0590-\u05ff\u0600-\u06ff\u0900-\u0dff\u0e00-\u0e7f\uac00-\ud7af])"
)
_WORD_BEFORE = re.compile(r"([\w.]+)$")
# Chinese and Japanese end a sentence with a full-width stop and start the next without a space.
# A quotation closed after its stop and followed by the particle that cites it ("「…。」と") goes on.
_FULL_WIDTH_BOUNDARY = re.compile(r"([。！？]+[」』”’）》]*)(?![」』”’）》])(\s*)(?=\S)(?![とっ])")


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph, in order, stripped; a paragraph without stops is one sentence."""
    if not paragraph.isascii() and _FULL_WIDTH_BOUNDARY.search(paragraph):
        return [part for piece in _split_after_full_width_stops(paragraph) for part in _split_sentences(piece)]
    return _split_sentences(paragraph)


def _split_after_full_width_stops(paragraph: str) -> list[str]:
    pieces, start = [], 0
    for match in _FULL_WIDTH_BOUNDARY.finditer(paragraph):
        pieces.append(paragraph[start : match.end(1)])
        start = match.end()
    pieces.append(paragraph[start:])
    return [piece for piece in pieces if piece.strip()]


def _split_sentences(paragraph: str) -> list[str]:
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        end = match.end(1)
        if not _ends_sentence(paragraph[max(start, match.start(1) - 40) : match.start(1)], match.group(1)):
            continue
        sentence = paragraph[start:end].strip()
        if sentence:
            sentences.append(sentence)
        start = match.end()
    rest = paragraph[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def _ends_sentence(before: str, punctuation: str) -> bool:
    if punctuation[0] != ".":
        return True
    word = _WORD_BEFORE.search(before)
    if word is None:
        return True
    token = word.group(1)
    # Initials and dotted abbreviations ("J.", "U.S.") rarely end a sentence in news text.
    if len(token) == 1 and token.isupper():
        return False
    if "." in token and len(token) <= 6:
        return False
    return token.lower() not in _ABBREVIATIONS
