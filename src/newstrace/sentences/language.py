"""The language of a text, as far as term weights need it: by its script, and among languages of one
script by the share of each one's commonest function words. A guess for weighting words, not a
language identifier: "en" whenever the text reads as English or nothing else is clear."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

ENGLISH = "en"
# English function words no other language of the news writes as often ("a", "in", "is" and "to"
# are words of Spanish, German, Dutch or Polish too): 7% to 30% of the words of English articles
# (METER, PolitiFact, the 82 English measuring pages; one PolitiFact page of code 0%), at most 1.2%
# of the 15 measuring pages in Portuguese, Russian, Korean, Italian, Indonesian and Japanese.
ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and that for it was on with as at by from he she they his her their said were be has have this".split()  # noqa: SIM905
)
# Below this share of English function words a text is not English.
ENGLISH_SHARE = 0.03
# The commonest function words of languages written in the Latin alphabet that the word lists cover.
_LATIN_FUNCTION_WORDS = {
    "es": "de la que el en los las del se por con una para es su al lo como más pero",
    "pt": "de que não uma os do da em para com é mais pelo pela dos das ao como foi",
    "fr": "le la les des et est une dans pour que qui pas sur du au avec ce il sont",
    "it": "il di che la è per una del della sono non con gli le nel alla anche più",
    "de": "der die und das ist nicht mit den von zu ein sich auf dem des eine auch",
    "nl": "de het een van en is dat niet op zijn met voor ook bij aan wordt",
    "id": "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga adalah",
    "pl": "i w nie na się że jest do to z jak po od przez oraz jego",
    "tr": "ve bir bu da için ile de olarak çok daha gibi olan en ise",
    "sv": "och att det som är en på för med inte av till den har om",
    "ro": "și în de care este la pe un o cu să nu mai din pentru",
    "cs": "a je se na že v to s není jsou z do jako by pro",
}
_LATIN_PROFILES = {language: frozenset(words.split()) for language, words in _LATIN_FUNCTION_WORDS.items()}
# A language's function words must make at least this share of a Latin-script text's words.
_LATIN_SHARE = 0.08
# Letters read to tell a script and words read to tell a language: a page's opening is enough.
LANGUAGE_SAMPLE_CHARACTERS = 3000
_ENGLISH_SAMPLE_CHARACTERS = 1000
_WORD = re.compile(r"\w+")
# Scripts of one language each (as far as the word lists go), by the block of their letters.
_SCRIPT_BLOCKS = (
    (0x0370, 0x0400, "el"),
    (0x0590, 0x0600, "he"),
    (0x0900, 0x0980, "hi"),
    (0x0980, 0x0A00, "bn"),
    (0x0B80, 0x0C00, "ta"),
    (0xAC00, 0xD7B0, "ko"),
)
_CYRILLIC = (0x0400, 0x0530)
_ARABIC = (0x0600, 0x0700)
_UKRAINIAN_LETTERS = frozenset("іїєґ")
_PERSIAN_LETTERS = frozenset("پچژگ")
_URDU_LETTERS = frozenset("ٹڈڑںے")


def guess_language(text: str) -> str:
    """The language whose word list weighs a text's words best ("en" when unsure)."""
    sample = _sample(text)
    # Letters of other scripts take two or three bytes in UTF-8, English's one (a curly quote or a
    # dash here and there adds a few): the letters are counted only where those bytes abound.
    if len(sample.encode("utf-8", "surrogatepass")) > 1.5 * len(sample):
        # A text mostly in another script is in that script's language, whatever English it quotes
        # (a Hindi page opening with an English cookie notice is Hindi).
        # Letters and the marks that join them (the vowel signs of Indian scripts are no letters).
        letters = [character for character in sample if unicodedata.category(character)[0] in "LM"]
        if letters and sum(character >= "\u0250" for character in letters) > len(letters) / 2:
            return _script_language(letters)
    # English, most texts, is told from the opening's first thousand characters, split at spaces
    # (a regular expression's words cost ten times as much; the function words seldom touch a mark).
    opening = text[:_ENGLISH_SAMPLE_CHARACTERS].lower().split()
    if not opening or english_share(opening) >= ENGLISH_SHARE:
        return ENGLISH
    words = _WORD.findall(sample.lower())
    if not words or english_share(words) >= ENGLISH_SHARE:
        return ENGLISH
    return _latin_language(words)


def _sample(text: str) -> str:
    """The text's opening and a piece from its middle: a page may open with a notice in another
    language (a cookie banner in English above a Hindi report)."""
    if len(text) <= LANGUAGE_SAMPLE_CHARACTERS:
        return text
    half = LANGUAGE_SAMPLE_CHARACTERS // 2
    middle = len(text) // 2
    return text[:half] + "\n" + text[middle : middle + half]


def english_share(words: list[str]) -> float:
    """The share of lower-cased words that are English function words."""
    return sum(map(ENGLISH_FUNCTION_WORDS.__contains__, words)) / len(words) if words else 0.0


def _latin_language(words: list[str]) -> str:
    shares = {
        language: sum(word in profile for word in words) / len(words) for language, profile in _LATIN_PROFILES.items()
    }
    language, share = max(shares.items(), key=lambda item: item[1])
    return language if share >= _LATIN_SHARE else ENGLISH


def _script_language(letters: list[str]) -> str:
    blocks: Counter[str] = Counter()
    for character in letters:
        code = ord(character)
        if _CYRILLIC[0] <= code < _CYRILLIC[1]:
            blocks["cyrillic"] += 1
        elif _ARABIC[0] <= code < _ARABIC[1]:
            blocks["arabic"] += 1
        else:
            for start, end, language in _SCRIPT_BLOCKS:
                if start <= code < end:
                    blocks[language] += 1
                    break
    if not blocks:
        return ENGLISH
    script, count = blocks.most_common(1)[0]
    if count < len(letters) / 2:
        return ENGLISH
    if script == "cyrillic":
        return "uk" if any(character in _UKRAINIAN_LETTERS for character in letters) else "ru"
    if script == "arabic":
        if any(character in _URDU_LETTERS for character in letters):
            return "ur"
        return "fa" if any(character in _PERSIAN_LETTERS for character in letters) else "ar"
    return script


def opening_text(paragraphs: Sequence[str]) -> str:
    """A text's first paragraphs, as many as its language is told from."""
    opening: list[str] = []
    length = 0
    for paragraph in paragraphs:
        opening.append(paragraph)
        length += len(paragraph)
        if length >= LANGUAGE_SAMPLE_CHARACTERS:
            break
    return "\n".join(opening)
