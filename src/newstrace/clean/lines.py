"""Line features: the measurements the cleaner scores each line by."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import accumulate

from newstrace.clean.credits import parse_byline
from newstrace.clean.dates import is_date_line
from newstrace.clean.patterns import (
    CAPTION_PATTERN,
    ELLIPSIS_END,
    LINE_RULES,
    LIST_MARKER,
    SENTENCE_END,
    WORD,
    LineRule,
)

# Each rule's triggers as one alternation: one regex search per rule is twice as fast as testing
# the triggers one by one (measured: 1.7 vs 3.3 ms per page of 165 lines).
_RULE_REGEXES = tuple(
    (
        rule,
        re.compile(rule.pattern, re.IGNORECASE),
        re.compile("|".join(map(re.escape, rule.triggers))) if rule.triggers else None,
    )
    for rule in LINE_RULES
)
# str.translate is several times faster than a regular expression for this, per line.
_KEY_MARKS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»–—…•·|¦§¶"
_KEY_TABLE = str.maketrans(dict.fromkeys(_KEY_MARKS, " "))
_MAX_RULE_WORDS = max(rule.max_words for rule in LINE_RULES)


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
    # Prose a reader would call a paragraph: long, or a full sentence of some length, said once.
    strong_body: bool
    # Could be a headline: a short run of words, no rule's, not ending as a sentence does.
    headline_like: bool
    # Of short lines and possible headlines (others are never asked): the date of a line that is
    # mostly a date, the names and agency of a "By ..." line.
    date_line: date | None
    parsed_byline: tuple[str, str | None] | None
    repeats: int = 1


HEADLINE_WORDS = 40
# The longest line the cleaner reads as a date line or a byline.
SHORT_LINE_WORDS = 12


def _is_stray_token(text: str, words: int) -> bool:
    return words <= 1 and len(text) <= 4 and text[-1:] not in ".!?"


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
    return " ".join(text.lower().translate(_KEY_TABLE).split())


def line_keys(texts: Sequence[str]) -> list[str]:
    """line_key of many lines: the punctuation of all of them replaced at once, since str.translate
    is slow on text outside ASCII (measured: 0.36 -> 0.14 ms per page of 165 lines)."""
    joined = "\n".join(texts).lower()
    for mark in _KEY_MARKS:
        if mark in joined:
            joined = joined.replace(mark, " ")
    return [" ".join(line.split()) for line in joined.split("\n")] if texts else []


def matching_rule(text: str, words: int) -> LineRule | None:
    """The first of LINE_RULES that a line of `words` words matches, or None."""
    return matching_rules([text], [words])[0]


def matching_rules(texts: Sequence[str], words: Sequence[int]) -> list[LineRule | None]:
    """The first rule each line matches. Each rule looks for its triggers in all open lines at once:
    one scan of their joined text instead of a search per line (a third of the time per page)."""
    found: list[LineRule | None] = [None] * len(texts)
    open_lines = [count <= _MAX_RULE_WORDS for count in words]
    scan = _JoinedLines(texts, words, open_lines)
    for rule, regex, triggers in _RULE_REGEXES:
        reach = scan.lines_up_to(rule.max_words)
        if reach == 0:
            continue
        if triggers is None:
            candidates = [index for index in scan.order[:reach] if open_lines[index]]
        else:
            candidates = scan.with_trigger(triggers, reach, rule.trigger_prefix, open_lines)
        for index in candidates:
            if regex.search(texts[index]):
                found[index] = rule
                open_lines[index] = False
    return found


class _JoinedLines:
    """The lower-cased texts of the lines a rule may name, joined, fewest words first: the lines a
    rule of up to N words may name are then a prefix of the text, scanned without joining again."""

    def __init__(self, texts: Sequence[str], words: Sequence[int], open_lines: list[bool]) -> None:
        self.order = sorted((index for index, is_open in enumerate(open_lines) if is_open), key=words.__getitem__)
        self.counts = [words[index] for index in self.order]
        self.pieces = [texts[index].lower() for index in self.order]
        self.joined: dict[int | None, tuple[str, list[int]]] = {}

    def lines_up_to(self, max_words: int) -> int:
        return bisect_right(self.counts, max_words)

    def _text(self, prefix: int | None) -> tuple[str, list[int]]:
        # The whole lines, or only their first `prefix` characters, joined once per batch.
        if prefix not in self.joined:
            pieces = [piece[:prefix] for piece in self.pieces] if prefix else self.pieces
            starts = list(accumulate((len(piece) + 1 for piece in pieces), initial=0))
            self.joined[prefix] = ("\n".join(pieces), starts)
        return self.joined[prefix]

    def with_trigger(
        self, triggers: re.Pattern[str], reach: int, prefix: int | None, open_lines: list[bool]
    ) -> list[int]:
        """The open lines among the first `reach` in whose text (or its first `prefix` characters) a
        trigger occurs."""
        text, starts = self._text(prefix)
        # Triggers are plain strings without line breaks, so none matches across two joined lines.
        # After a hit the search goes on from the next line: one hit is enough.
        end = starts[reach] - 1
        hits: list[int] = []
        position = 0
        while (match := triggers.search(text, position, end)) is not None:
            line = bisect_right(starts, match.start()) - 1
            if open_lines[self.order[line]]:
                hits.append(self.order[line])
            position = starts[line + 1]
        return hits


# Captions are short; scanning long paragraphs for one costs more than all other features.
_MAX_CAPTION_WORDS = 60
_CAPTION_TRIGGERS = ("(", "photo", "foto", "picture", "image", "getty", "shutterstock", "/")


def _may_be_caption(text: str) -> bool:
    lowered = text.lower()
    return any(trigger in lowered for trigger in _CAPTION_TRIGGERS)


def _word_count(text: str) -> int:
    return len(text.split()) if len(text) > 200 else len(WORD.findall(text))


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
    words = [_word_count(text) for text in texts]
    rules = matching_rules(texts, words)
    keys = line_keys(texts)
    tails = [text[-8:] for text in texts]
    sentence_ends = [bool(SENTENCE_END.search(tail)) for tail in tails]
    caption_like = [
        4 <= count <= _MAX_CAPTION_WORDS and _may_be_caption(text) and bool(CAPTION_PATTERN.search(text))
        for text, count in zip(texts, words, strict=True)
    ]
    list_items = [bool(LIST_MARKER.match(text)) for text in texts]
    truncated = [count <= 20 and bool(ELLIPSIS_END.search(tail)) for tail, count in zip(tails, words, strict=True)]
    # Lines no rule names, not captions, not cut short: what body text and headlines are made of.
    plain = [
        rule is None and not caption and not cut
        for rule, caption, cut in zip(rules, caption_like, truncated, strict=True)
    ]
    stray = [_is_stray_token(text, count) for text, count in zip(texts, words, strict=True)]
    prose = [
        is_plain and _is_prose(count, end) for is_plain, count, end in zip(plain, words, sentence_ends, strict=True)
    ]
    headline = [
        _is_headline_like(text, count, is_plain, item)
        for text, count, is_plain, item in zip(texts, words, plain, list_items, strict=True)
    ]
    # Only short lines and possible headlines are ever asked for their date or byline.
    short = [count <= SHORT_LINE_WORDS or is_headline for count, is_headline in zip(words, headline, strict=True)]
    date_lines = [is_date_line(text) if fits else None for text, fits in zip(texts, short, strict=True)]
    bylines = [parse_byline(text) if fits else None for text, fits in zip(texts, short, strict=True)]
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
            prose,
            headline,
            date_lines,
            bylines,
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
