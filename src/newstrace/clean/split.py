"""Find where a page holds a second, unrelated article glued after the first."""

from __future__ import annotations

import re
from collections import Counter

from newstrace.clean.lines import Line

# A capitalised word that does not open the line or a sentence: "(?<![.!?]\s)(?<!^)\b[A-ZÀ-Ý]..."
# written with the capital first and the look-behinds after it, so the regex engine skips to
# capitals instead of trying every position (twice as fast, the same matches).
_NAME = re.compile(r"[A-ZÀ-Ý](?<!\w[A-ZÀ-Ý])(?<![.!?]\s[A-ZÀ-Ý])(?<!^[A-ZÀ-Ý])[a-zà-ÿ]{2,}\b")
# Two parts that name almost none of the same people, places and organisations tell different stories.
MAX_SHARED_NAMES = 0.15
HEADER_WINDOW = 8
MAX_HEADLINE_REPEATS = 3
MIN_BODY_LINES_AFTER = 3
# Words of a line repeated in a header block for it to count as a caption.
CAPTION_WORDS = 6
# A first article has paragraphs: one line of prose above a headline block is a teaser or a promotion.
MIN_BODY_LINES_BEFORE = 3


def _names(lines: list[Line], cache: dict[int, list[str]]) -> set[str]:
    """Capitalised names of the lines; each line is read once per page (the cache is by line index)."""
    found: set[str] = set()
    _add_names(found, lines, cache)
    return found


def _add_names(found: set[str], lines: list[Line], cache: dict[int, list[str]]) -> None:
    for line in lines:
        names = cache.get(line.index)
        if names is None:
            names = cache[line.index] = _NAME.findall(line.text)
        found.update(names)


def _opens_new_page(lines: list[Line], position: int) -> bool:
    """A headline followed by a header block (its repeat, a caption, residue) or set off by a gap."""
    candidate = lines[position]
    # A headline is said at most in the page's title, above the article and once more; a line said
    # more often is a widget's (under each comment) or a menu's.
    if not candidate.headline_like or candidate.sentence_end or candidate.repeats > MAX_HEADLINE_REPEATS:
        return False
    window = lines[position + 1 : position + 1 + HEADER_WINDOW]
    header_block = []
    for line in window:
        if line.strong_body:
            break
        header_block.append(line)
    repeated_headline = any(line.key == candidate.key for line in header_block)
    # A caption: a line that reads as one, or a long line said twice in the block (scrapers repeat
    # a photo's caption); a long line said elsewhere on the page too is a teaser or a menu's.
    block_keys = Counter(line.key for line in header_block if line.words >= CAPTION_WORDS)
    has_caption = any(line.caption_like for line in header_block) or any(count > 1 for count in block_keys.values())
    has_residue = any(line.stray_token or line.rule is not None for line in header_block)
    # Residue or a gap alone is common under teasers in a page's footer; a second article brings
    # its own headline block: the headline repeated, or a caption.
    return repeated_headline or has_caption or (has_residue and candidate.blank_before >= 2)


def find_article_boundaries(lines: list[Line]) -> list[int]:
    """Indexes of lines that open a further article; empty for a page with one article."""
    boundaries: list[int] = []
    names_cache: dict[int, list[str]] = {}
    start = 0
    body_lines = 0
    # The names of lines[start:read_up_to], grown as the scan goes rather than gathered again from
    # the part's first line for each candidate headline.
    before: set[str] = set()
    read_up_to = 0
    for position, line in enumerate(lines):
        if line.strong_body:
            body_lines += 1
            continue
        if body_lines < MIN_BODY_LINES_BEFORE or position == start or not _opens_new_page(lines, position):
            continue
        _add_names(before, lines[read_up_to:position], names_cache)
        read_up_to = position
        after_lines = [other for other in lines[position : position + 40] if other.strong_body]
        if len(after_lines) < MIN_BODY_LINES_AFTER:
            continue
        after = _names(after_lines, names_cache)
        if not before or not after:
            continue
        shared = len(before & after) / min(len(before), len(after))
        if shared <= MAX_SHARED_NAMES:
            boundaries.append(position)
            start = position
            body_lines = 0
            before = set()
    return boundaries
