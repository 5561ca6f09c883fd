"""Line features: the measurements the cleaner scores each line by."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from itertools import chain

import numpy as np
from ahocorasick_rs import AhoCorasick, Implementation

from newstrace.clean.credits import parse_byline
from newstrace.clean.dates import DATE_LINE_DATES, FoundDate, date_line_of, find_dates
from newstrace.clean.patterns import (
    AUTHOR_MARK,
    CAPTION_CREDIT,
    CAPTION_NAMING,
    CAPTION_NAMING_WORDS,
    CODE_LINE_CHARACTERS,
    CODE_MARK_SHARE,
    CODE_MARKS,
    COUNT_OPENING,
    DATA_LINE_CHARACTERS,
    DATA_MARK_SHARE,
    ELLIPSIS_END,
    ENCODED_RUN,
    ENCODED_SHARE,
    LINE_RULES,
    LIST_MARKER,
    MARKUP,
    MARKUP_SHARE,
    MARKUP_TEXT_WORDS,
    RULES_AFTER_MODEL,
    SENTENCE_END,
    SPARSE_SPACES,
    WORD,
    LineRule,
)
from newstrace.sentences.words import count_words, has_unspaced_script

# Captions are short; scanning long paragraphs for one costs more than all other features.
_MAX_CAPTION_WORDS = 60
_CAPTION_TRIGGERS = ("(", "photo", "foto", "picture", "image", "getty", "shutterstock", "/")
# Each rule with its regular expression and whether it has triggers. The triggers of all rules and
# of captions go in one automaton; each trigger knows the groups (rules, then captions) it serves.
_RULE_REGEXES = tuple((rule, re.compile(rule.pattern, re.IGNORECASE), bool(rule.triggers)) for rule in LINE_RULES)
_TRIGGER_GROUPS: tuple[tuple[str, ...], ...] = (
    *(rule.triggers for rule in LINE_RULES),
    _CAPTION_TRIGGERS,
    *(rule.triggers for rule in RULES_AFTER_MODEL),
)
_TRIGGERS = sorted({trigger for group in _TRIGGER_GROUPS for trigger in group})
# A DFA finds the same hits as the default automaton in half the time (0.050 -> 0.027 ms a page).
_TRIGGER_AUTOMATON = AhoCorasick(_TRIGGERS, implementation=Implementation.DFA)
_GROUPS_OF_TRIGGER = np.array([[trigger in group for group in _TRIGGER_GROUPS] for trigger in _TRIGGERS], dtype=bool)
_CAPTION_GROUP = len(LINE_RULES)
_FIRST_GROUP_AFTER_MODEL = _CAPTION_GROUP + 1
# Punctuation that varies between copies of a line: left out of its key.
_KEY_MARKS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»–—…•·|¦§¶"
# The longest line a rule may name (a rule without triggers is tried on every line up to it).
_MAX_RULE_WORDS = max(rule.max_words for rule in LINE_RULES)
# The longest line the trigger pass reads: any a rule with triggers, a caption or a rule after the
# model may name. Up to _MAX_RULE_WORDS (author_bio's, a rule without triggers), it read half the text
# of generated pages of long paragraphs for nothing (_TriggerHits 0.022 -> 0.012 ms a page there).
_MAX_TRIGGER_WORDS = max(
    *(rule.max_words for rule in LINE_RULES if rule.triggers),
    _MAX_CAPTION_WORDS,
    *(rule.max_words for rule in RULES_AFTER_MODEL),
)


@dataclass(slots=True)
class Line:
    """One non-blank line of a page with the features the cleaner decides on."""

    index: int
    text: str
    blank_before: int
    # From here on, what depends on the text alone (measured once per distinct text of a batch).
    key: str
    words: int
    sentence_end: bool
    rule: LineRule | None
    caption_like: bool
    list_item: bool
    truncated: bool
    # A lone short token ("TT", "mf", "end"): scraper or wire residue, not text.
    stray_token: bool
    # Mostly HTML or script the scraper left in ("<script src=...>"), or code or encoded data: no text.
    markup: bool
    # Of RULES_AFTER_MODEL, the one the line matches: it acts on the line model's reading only.
    rule_after_model: LineRule | None
    # Prose a reader would call a paragraph: long, or a full sentence of some length, said once.
    strong_body: bool
    # Could be a headline: a short run of words, no rule's, not ending as a sentence does.
    headline_like: bool
    # Could be the title: a possible headline, or one that opens with a count ("5 Great Plants for
    # Indoor Gardens"), which the list marker keeps from headline_like, a feature of the line model.
    title_like: bool
    # Of possible headlines: the headline before an author and a date on its line ("Coffee toffee by
    # Ana on May 3, 2012"), "" for a post line alone, None for others.
    headline_before_post: str | None
    # The dates of a line short enough to be a post line or a headline, found once.
    dates: tuple[FoundDate, ...]
    # Of short lines and possible headlines (others are never asked): the date of a line that is
    # mostly a date, the names and agency of a "By ..." line.
    date_line: date | None
    parsed_byline: tuple[str, str | None] | None
    # May be a row of a table the article holds: short, with a figure among its first characters.
    row_like: bool
    repeats: int = 1


HEADLINE_WORDS = 40
# The longest line read as a post line ("Posted on May 3, 2012 by Ana Ruiz in News | 4 Comments").
POST_LINE_WORDS = 25
# The longest line the cleaner reads as a date line or a byline.
SHORT_LINE_WORDS = 12
# A row of a table the article holds (text._complete_runs_of_rows): at most ROW_WORDS words, a figure
# within its first ROW_FIGURE_REACH characters ("Sept. 12 -- ", "12a etapa: ").
ROW_WORDS = 25
ROW_FIGURE_REACH = 12
_FIGURE = re.compile(r"\d")


_RULES_AFTER_MODEL = tuple((rule, re.compile(rule.pattern, re.IGNORECASE)) for rule in RULES_AFTER_MODEL)


def _rules_after_model(
    texts: Sequence[str], words: Sequence[int], rules: Sequence[LineRule | None], hits: _TriggerHits
) -> list[LineRule | None]:
    """Of RULES_AFTER_MODEL, the first each line matches that no rule names, or only one trusted at the
    page's edges (a paywall's "Subscribe to continue reading" is the newsletter rule's too) (its
    triggers found in the one automaton pass of the rules)."""
    found: list[LineRule | None] = [None] * len(texts)
    for number, (rule, regex) in enumerate(_RULES_AFTER_MODEL, start=_FIRST_GROUP_AFTER_MODEL):
        for index in hits.lines_of(number):
            if (
                found[index] is None
                and (rules[index] is None or rules[index].edges_only)
                and words[index] <= rule.max_words
                and regex.search(texts[index])
            ):
                found[index] = rule
    return found


_WEB_ADDRESS = re.compile(r"\bwww\.")
# Words before a line's author and date from which on they follow a headline.
_HEADLINE_BEFORE_POST_WORDS = 3


def headline_before_post(text: str, dates: Sequence[FoundDate], as_learnt: bool = False) -> str | None:
    """For a line naming an author ("by") beside one of its dates: the headline before them ("Coffee
    toffee by Ana Ruiz on May 3, 2012"), or "" when the line is a post line alone ("Posted on May 3,
    2012 by Ana Ruiz in News"), never a headline. None for other lines. `as_learnt`: as the rules'
    reading had it when the shipped line model learnt from it (an author mark only, before or after
    the date), which the rules' reading keeps."""
    if not dates:
        return None
    # A site's address before the date marks a post line too ("Headline www.example.com 2007-11-24
    # 16:23 Print": a lower-case line, it was read as the headline's wrapped continuation).
    patterns = (AUTHOR_MARK,) if as_learnt else (AUTHOR_MARK, _WEB_ADDRESS)
    marks = sorted(mark.start() for pattern in patterns for mark in pattern.finditer(text))
    if not marks:
        return None
    if len(text[: min(marks[0], dates[0].start)].split()) < _HEADLINE_BEFORE_POST_WORDS:
        return ""
    # An author named after every date ("Filed as News on May 3, 2012 by Ana") ends a post line; a
    # headline may hold a date of its own ("Talks, 29 June 2012 by Ana on June 29, 2012").
    if not as_learnt and marks[0] > dates[-1].start:
        return ""
    # The last "by" before the last date: headlines hold "by" and dates of their own.
    cut = max((mark for mark in marks if mark < dates[-1].start), default=min(marks[0], dates[0].start))
    return text[:cut].rstrip(" -|–—,:/")


def _is_markup(text: str) -> bool:
    """Whether a line is mostly markup with little text besides, or code or encoded data: a line
    holding a whole page's source (an article among its scripts) is left to the other features, as
    removing it loses the article."""
    if len(text) >= CODE_LINE_CHARACTERS and is_code_or_data(text):
        return True
    if "<" not in text:
        return False
    matches = list(MARKUP.finditer(text))
    covered = sum(match.end() - match.start() for match in matches)
    if covered < MARKUP_SHARE * len(text):
        return False
    return len(MARKUP.sub(" ", text).split()) <= MARKUP_TEXT_WORDS


def is_code_or_data(text: str) -> bool:
    """Whether a line is a minified script or style sheet, a JSON literal or encoded data (base64,
    hexadecimal), told by its characters alone."""
    length = len(text)
    spaces = text.count(" ")
    # Cheap tests first, in C. Runs covering ENCODED_SHARE of a line leave the rest for words and the
    # spaces between them, at most half of it spaces; prose has more (about one character in six),
    # and the search for a long run cost 40 µs a line of prose.
    if spaces <= (1 - ENCODED_SHARE) / 2 * length + 1 and _LONG_RUN.search(text):
        encoded = sum(
            len(run)
            for token in text.split()
            if len(token) >= 64 and "://" not in token and not token.lower().startswith("www.")
            for run in ENCODED_RUN.findall(token)
            if _DIGIT.search(run) and _LETTER.search(run)
        )
        if encoded >= ENCODED_SHARE * length:
            return True
    sparse = spaces <= SPARSE_SPACES * length
    stripped = text.strip()
    literal = length >= DATA_LINE_CHARACTERS and stripped[:1] in ("{", "[") and stripped[-1:] in ("}", "]")
    # A line without a letter is a rule ("=====") or a row of marks, no code.
    if not (sparse or literal) or not _LETTER.search(text):
        return False
    marks = len(_CODE_MARK.findall(text))
    return (sparse and marks >= CODE_MARK_SHARE * length) or (literal and marks >= DATA_MARK_SHARE * length)


_LONG_RUN = re.compile(r"\S{64,}")
_CODE_MARK = re.compile("[" + re.escape("".join(sorted(CODE_MARKS))) + "]")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[A-Za-z]")
_CAPTION_CREDIT = re.compile(CAPTION_CREDIT, re.IGNORECASE)
_CAPTION_NAMING = re.compile(CAPTION_NAMING, re.IGNORECASE)
# The characters re's IGNORECASE matches with an ASCII letter that str.lower() leaves other ("ſ", "ı",
# "İ"): a line holding one may name a photo without holding a word of CAPTION_NAMING_WORDS lower-cased.
_OTHER_CASE_LETTERS = frozenset("\u017f\u0131\u0130")


# How near a line's end a photo's credit stands, and the longest line on which it may stand anywhere.
CAPTION_CREDIT_END_REACH = 60
CAPTION_ANYWHERE_WORDS = 12


# A caption opening with its credit or its label: "Photo: ...", "STAFF PHOTO BY ANA RUIZ ...", "Cover
# image: ..." ("Photos: ..." heads a gallery's teaser).
_CREDIT_OPENING = re.compile(
    r"^\W{0,3}(?:(?:staff|file|cover|main|top|lead|header|ap|afp|reuters)\s+)?(?:photo|foto|picture|image)\s*(?:by\b|:)",
    re.IGNORECASE,
)


def is_caption_form(text: str) -> bool:
    """Whether CAPTION_PATTERN finds a caption's form in a line, each of its two parts tried only on the
    lines that can hold it (a credit in brackets ends a line with ")"): the part naming a photo or an
    agency, tried at every position of a line, cost 13 µs a line holding a bracket or a slash."""
    if text.rstrip().endswith(")") and _CAPTION_CREDIT.search(text):
        return True
    lowered = text.lower()
    may_name = any(word in lowered for word in CAPTION_NAMING_WORDS) or not _OTHER_CASE_LETTERS.isdisjoint(text)
    if not may_name:
        return False
    # A credit stands at a caption's end ("... on Monday. REUTERS/Ana Ruiz"), or opens it as a label
    # ("Photo: ..."); inside a sentence the words are the text's ("a Reuters/Ipsos poll showed", "Getty
    # Images said on Tuesday", "the picture by the end of the quarter"), but on a short line.
    if _CREDIT_OPENING.match(text):
        return True
    end = len(text.rstrip()) - CAPTION_CREDIT_END_REACH
    short = sum(word != "|" for word in text.split()) <= CAPTION_ANYWHERE_WORDS
    return any(
        # A credit opening a table's cell ("| Shutterstock/Ana Ruiz | ...", "| Image from ...") too.
        short or match.end() >= end or match.group(0).startswith("|") or text[: match.start()].rstrip().endswith("|")
        for match in _CAPTION_NAMING.finditer(text)
    )


def _is_stray_token(text: str, words: int) -> bool:
    return words <= 1 and len(text) <= 4 and text[-1:] not in ".!?"


# Kana, CJK ideographs and Hangul syllables (code point ranges, the end left out): scripts written
# without spaces between words, or with few.
EAST_ASIAN_RANGES = ((0x3040, 0x3100), (0x3400, 0xA000), (0xAC00, 0xD7B0))
_EAST_ASIAN = re.compile("[" + "".join(f"{chr(start)}-{chr(end - 1)}" for start, end in EAST_ASIAN_RANGES) + "]")
_PROSE_SCAN = 400


def _is_prose(words: int, sentence_end: bool) -> bool:
    return (words >= 12 and sentence_end) or words >= 30


def _is_headline_like(text: str, words: int, plain: bool, list_item: bool) -> bool:
    if not plain or list_item or not 3 <= words <= HEADLINE_WORDS:
        return False
    # A line wholly in brackets is an editor's note ("(Memo to editors: ...)"), not a headline.
    if text.startswith("(") and text.endswith(")"):
        return False
    return not text.endswith((".", ",", ";", ":")) or text.endswith("...")


def line_key(text: str) -> str:
    """What two copies of a line share: letters and digits, lower case (quotes and dashes vary)."""
    return line_keys([text.replace("\n", " ")])[0]


def line_keys(texts: Sequence[str]) -> list[str]:
    """line_key of many lines (each without a line break): the punctuation of all of them replaced at
    once, since str.translate is slow on text outside ASCII (0.36 -> 0.14 ms a page of 165 lines).
    The ASCII lines go apart, where str.translate is fast (0.125 -> 0.115 ms)."""
    ascii_lines = [text.isascii() for text in texts]
    ascii_texts = [text for text, is_ascii in zip(texts, ascii_lines, strict=True) if is_ascii]
    if len(ascii_texts) == len(texts) or not ascii_texts:
        return _marks_out_keys(texts)
    other_keys = _marks_out_keys([text for text, is_ascii in zip(texts, ascii_lines, strict=True) if not is_ascii])
    ascii_keys = _marks_out_keys(ascii_texts)
    if len(ascii_keys) + len(other_keys) != len(texts):
        # A line break within a line: the keys of the lines together, as they always were.
        return _marks_out_keys(texts)
    next_ascii, next_other = iter(ascii_keys).__next__, iter(other_keys).__next__
    return [next_ascii() if is_ascii else next_other() for is_ascii in ascii_lines]


@lru_cache(maxsize=1)
def _ascii_key_table() -> dict[int, str]:
    """str.translate's table for ASCII text: each mark to a space."""
    return str.maketrans(dict.fromkeys([mark for mark in _KEY_MARKS if mark.isascii()], " "))


def _marks_out_keys(texts: Sequence[str]) -> list[str]:
    """The keys of lines, their punctuation replaced in one pass over them joined."""
    joined = "\n".join(texts).lower()
    if joined.isascii():
        joined = joined.translate(_ascii_key_table())
    else:
        for mark in _KEY_MARKS:
            if mark in joined:
                joined = joined.replace(mark, " ")
    return [" ".join(line.split()) for line in joined.split("\n")] if texts else []


def matching_rule(text: str, words: int) -> LineRule | None:
    """The first of LINE_RULES that a line of `words` words matches, or None."""
    return matching_rules([text], [words])[0]


def matching_rules(
    texts: Sequence[str], words: Sequence[int], hits: _TriggerHits | None = None
) -> list[LineRule | None]:
    """The first rule each line matches. The triggers of every rule are found in one Aho-Corasick
    pass over the joined lower-cased lines (a regex scan per rule cost 0.5 ms a page of 165 lines);
    each rule's regular expression then runs only on the lines holding one of its triggers."""
    found: list[LineRule | None] = [None] * len(texts)
    if hits is None:
        hits = _TriggerHits(texts, words)
    # A line stays open to later rules until one names it (each rule checks its own length).
    open_lines = [True] * len(texts)
    for rule_number, (rule, regex, has_triggers) in enumerate(_RULE_REGEXES):
        candidates = hits.lines_of(rule_number, rule.trigger_prefix) if has_triggers else hits.opened
        for index in candidates:
            if open_lines[index] and words[index] <= rule.max_words and regex.search(texts[index]):
                found[index] = rule
                open_lines[index] = False
    return found


class _TriggerHits:
    """Where the triggers of rules and captions occur in the lines short enough for one of them: one
    pass of the automaton over their joined lower-cased texts."""

    def __init__(self, texts: Sequence[str], words: Sequence[int]) -> None:
        # The lines a rule without triggers is tried on (each rule checks its own length).
        self.opened = [index for index, count in enumerate(words) if count <= _MAX_RULE_WORDS]
        scanned = [index for index in self.opened if words[index] <= _MAX_TRIGGER_WORDS]
        pieces = [texts[index].lower() for index in scanned]
        joined = "\n".join(pieces)
        # Triggers hold no line break, so no hit spans two lines; hits may overlap (one inside another).
        found = _TRIGGER_AUTOMATON.find_matches_as_indexes(joined, overlapping=True)
        # Flattened and counted, the hits and the lines' starts fill their arrays twice as fast as from
        # tuples and an accumulate (0.013 -> 0.007 ms a page).
        hits = np.fromiter(chain.from_iterable(found), dtype=np.int64, count=3 * len(found)).reshape(-1, 3)
        starts = np.zeros(len(pieces) + 1, dtype=np.int64)
        np.cumsum(np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces)) + 1, out=starts[1:])
        hit_lines = np.searchsorted(starts, hits[:, 1], side="right") - 1
        # Where each hit ends within its (lower-cased) line, for rules that look only at a line's start.
        self.ends = hits[:, 2] - starts[hit_lines]
        self.owners = np.asarray(scanned, dtype=np.int64)[hit_lines]
        self.groups = _GROUPS_OF_TRIGGER[hits[:, 0]]

    def lines_of(self, group: int, prefix: int | None = None) -> list[int]:
        """The lines holding a trigger of the group (within their first `prefix` characters)."""
        chosen = self.groups[:, group]
        if prefix is not None:
            chosen = chosen & (self.ends <= prefix)
        return np.unique(self.owners[chosen]).tolist()


# Longer lines are counted by their runs between spaces, shorter ones by WORD ("don't" one word,
# "Ana - Rome" two).
_WORD_COUNTED_LENGTH = 200


def _word_count(text: str) -> int:
    return len(text.split()) if len(text) > _WORD_COUNTED_LENGTH else len(WORD.findall(text))


_PLANE = 0x10000
# The classes of code points _word_counts reads: WORD's \w and the marks that join two runs of it.
_WORD_CHARACTER, _WORD_JOINER = 1, 2


@lru_cache(maxsize=1)
def _word_classes() -> np.ndarray:
    """The class bits of every code point of the Basic Multilingual Plane: re's \\w is str.isalnum or
    "_" (the same as numpy's isalnum, tested for every code point; U+0000 reads as "", no word)."""
    characters = np.arange(_PLANE, dtype=np.uint32).view("<U1")
    classes = np.zeros(_PLANE, dtype=np.uint8)
    classes[np.char.isalnum(characters)] |= _WORD_CHARACTER
    classes[ord("_")] |= _WORD_CHARACTER
    classes[[ord(mark) for mark in "'’.-"]] |= _WORD_JOINER
    return classes


def _word_counts(texts: Sequence[str]) -> list[int]:
    """_word_count of many lines (none holding a line break). WORD's matches in the short lines are
    counted for all of them at once over their code points, as runs of word characters less the
    joiners between two of them ("don't", "U.S."): the regex, line by line, cost 1.6 µs a line
    (0.13 -> 0.065 ms a page of 67 distinct lines)."""
    counts = [len(text.split()) if len(text) > _WORD_COUNTED_LENGTH else -1 for text in texts]
    short = [index for index, count in enumerate(counts) if count < 0]
    if not short:
        return counts
    joined = "\n".join([texts[index] for index in short])
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    classes = _word_classes().take(codes, mode="clip")
    word = (classes & _WORD_CHARACTER) != 0
    opens = word.copy()
    opens[1:] &= ~word[:-1]
    joins = ((classes[1:-1] & _WORD_JOINER) != 0) & word[:-2] & word[2:]
    # A line's matches, by the line breaks before their positions.
    breaks = np.flatnonzero(codes == ord("\n"))
    matches = np.bincount(np.searchsorted(breaks, np.flatnonzero(opens)), minlength=len(short))
    matches -= np.bincount(np.searchsorted(breaks, np.flatnonzero(joins) + 1), minlength=len(short))
    for index, count in zip(short, matches.tolist(), strict=True):
        counts[index] = count
    # A line holding a character outside the plane (an emoji) is read by the regex.
    for line in np.unique(np.searchsorted(breaks, np.flatnonzero(codes >= _PLANE))).tolist():
        counts[short[line]] = _word_count(texts[short[line]])
    return counts


def _prose_word_count(text: str, words: int) -> int:
    if text.isascii():
        return words
    # Scripts written without spaces make one "word" of a whole clause: about a word per two of
    # their characters, as the line features count them. The count only decides whether a line is
    # prose (12 or 30 words), so its first characters are enough, however long the line.
    return max(words, len(_EAST_ASIAN.findall(text, 0, _PROSE_SCAN)) // 2)


# A date in figures with both its first numbers 12 or less: one that may read either way.
_FIGURES_DATE = re.compile(r"(?<!\d)[01]?\d([/-])[01]?\d\1(?:19|20)\d\d(?!\d)")


def with_day_first_dates(lines: list[Line], writes_day_first: Callable[[], bool]) -> list[Line]:
    """The lines of a page, where a date in figures read either way ("02/12/2026 - 11:30") is read day
    first if `writes_day_first()` (asked once, and only where there is such a date): its dates, date
    line and post line found again."""
    asked: bool | None = None
    for position, line in enumerate(lines):
        if not _read_for_dates(line.words, line.headline_like) or not _may_read_either_way(line.text):
            continue
        found = tuple(find_dates(line.text, day_first=True))
        if len(found) == len(line.dates):
            continue
        if asked is None:
            asked = writes_day_first()
        if not asked:
            return lines
        lines[position] = replace(
            line,
            dates=found,
            date_line=_date_line(line.text, found, _short(line.words, line.headline_like)),
            headline_before_post=headline_before_post(line.text, found) if line.headline_like else None,
        )
    return lines


def _may_read_either_way(text: str) -> bool:
    """Whether a line holds a date in figures that may read either way. Its separator and its century
    are looked for first: the pattern alone, tried at every character, cost 0.4 ms a page of 165 lines
    (0.04 ms so)."""
    return ("/" in text or "-" in text) and ("20" in text or "19" in text) and _FIGURES_DATE.search(text) is not None


def _read_for_dates(words: int, headline_like: bool) -> bool:
    """Whether a line's dates are looked for: a line that can be a post line or a headline (a
    paragraph's dates are its story's)."""
    return words <= POST_LINE_WORDS or headline_like


def _short(words: int, headline_like: bool) -> bool:
    """Whether a line is ever asked for its date or byline: short lines and possible headlines."""
    return words <= SHORT_LINE_WORDS or headline_like


def _date_line(text: str, found: tuple[FoundDate, ...], short: bool) -> date | None:
    """The date of a short line that is mostly a date; a line of a publication's date and its update's
    is longer than most date lines, and one still."""
    return date_line_of(text, found) if short or len(found) == DATE_LINE_DATES else None


def build_lines(raw_lines: list[str]) -> list[Line]:
    """Features for every non-blank line; blank lines only count towards the next line's gap."""
    return build_pages_lines([raw_lines])[0]


def build_pages_lines(pages: Sequence[Sequence[str]]) -> list[list[Line]]:
    """build_lines for the pages of a batch: what depends on a line's text alone is measured once per
    distinct text of the batch (about half the short lines of scraped pages repeat, within a page
    or a site), and the rules are looked for in all of them at once."""
    distinct: dict[str, int] = {}
    for raw_lines in pages:
        for text in raw_lines:
            if text and text not in distinct:
                distinct[text] = len(distinct)
    texts = list(distinct)
    words = _word_counts(texts)
    hits = _TriggerHits(texts, words)
    rules = matching_rules(texts, words, hits)
    keys = line_keys(texts)
    tails = [text[-8:] for text in texts]
    sentence_ends = [bool(SENTENCE_END.search(tail)) for tail in tails]
    caption_like = [False] * len(texts)
    for index in hits.lines_of(_CAPTION_GROUP):
        caption_like[index] = 4 <= words[index] <= _MAX_CAPTION_WORDS and is_caption_form(texts[index])
    list_items = [bool(LIST_MARKER.match(text)) for text in texts]
    markup = [_is_markup(text) for text in texts]
    rules_after_model = _rules_after_model(texts, words, rules, hits)
    truncated = [count <= 20 and bool(ELLIPSIS_END.search(tail)) for tail, count in zip(tails, words, strict=True)]
    # Lines no rule names, not captions, not cut short: what body text and headlines are made of.
    plain = [
        rule is None and not caption and not cut
        for rule, caption, cut in zip(rules, caption_like, truncated, strict=True)
    ]
    stray = [_is_stray_token(text, count) for text, count in zip(texts, words, strict=True)]
    # A line prose by its words alone is prose by its characters too (they only add words): its
    # characters are counted only where its words fall short (prose 0.026 -> 0.015 ms a page).
    prose = [
        is_plain and (_is_prose(count, end) or _is_prose(_prose_word_count(text, count), end))
        for text, is_plain, count, end in zip(texts, plain, words, sentence_ends, strict=True)
    ]
    headline = [
        _is_headline_like(text, count, is_plain, item)
        for text, count, is_plain, item in zip(texts, words, plain, list_items, strict=True)
    ]
    title_like = [
        is_headline
        or (item and bool(COUNT_OPENING.match(text)) and _is_headline_like(text, count, is_plain, False))
        # A headline in Chinese or Japanese is one run between spaces: its words counted by characters.
        # Only the choice of title reads it: headline_like, a feature of the line model, stays as learnt.
        or (has_unspaced_script(text) and _is_headline_like(text, count_words(text), is_plain, item))
        for text, count, is_plain, item, is_headline in zip(texts, words, plain, list_items, headline, strict=True)
    ]
    found_dates = [
        tuple(find_dates(text)) if _read_for_dates(count, is_headline) else ()
        for text, count, is_headline in zip(texts, words, headline, strict=True)
    ]
    post_headlines = [
        headline_before_post(text, found) if is_headline else None
        for text, is_headline, found in zip(texts, headline, found_dates, strict=True)
    ]
    short = [_short(count, is_headline) for count, is_headline in zip(words, headline, strict=True)]
    date_lines = [_date_line(text, found, fits) for text, fits, found in zip(texts, short, found_dates, strict=True)]
    bylines = [parse_byline(text) if fits else None for text, fits in zip(texts, short, strict=True)]
    # Once per distinct text rather than for each line of each page the model reads (0.061 -> 0.027
    # ms a page for _complete_runs_of_rows).
    row_like = [
        count <= ROW_WORDS and _FIGURE.search(text, 0, ROW_FIGURE_REACH) is not None
        for text, count in zip(texts, words, strict=True)
    ]
    # Each distinct text's fields in Line's order, so a line is made from its text's tuple.
    measured = list(
        zip(
            keys,
            words,
            sentence_ends,
            rules,
            caption_like,
            list_items,
            truncated,
            stray,
            markup,
            rules_after_model,
            prose,
            headline,
            title_like,
            post_headlines,
            found_dates,
            date_lines,
            bylines,
            row_like,
            strict=True,
        )
    )
    built: list[list[Line]] = []
    for raw_lines in pages:
        lines: list[Line] = []
        blanks = 0
        for text in raw_lines:
            if not text:
                blanks += 1
                continue
            lines.append(Line(len(lines), text, blanks, *measured[distinct[text]]))
            blanks = 0
        counts = Counter(line.key for line in lines)
        for line in lines:
            line.repeats = counts[line.key]
            # A paragraph said twice on a page is a caption, a pull quote or a teaser.
            line.strong_body = line.strong_body and line.repeats == 1
        built.append(lines)
    return built
