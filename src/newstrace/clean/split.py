"""Find where a page's text breaks into parts, and which parts open a second, unrelated article.

A part starts at a headline-like line with a header block under it (its repeat, a caption, or a
byline and a date), after which the text names other people and places. The cleaner reads each
part as an article is read (header, body, footer): a teaser list, a comment thread or a second
article each gets its own reading. Only some parts start an article of their own (a second page
glued after the first); the others are joined back to the article before them.
"""

from __future__ import annotations

import re
from collections import Counter

from newstrace.clean.credits import names_someone
from newstrace.clean.dates import MONTHS, WEEKDAYS
from newstrace.clean.lines import Line
from newstrace.clean.patterns import GALLERY_COUNTER

# A capitalised word that does not open the line or a sentence: "(?<![.!?]\s)(?<!^)\b[A-ZÀ-Ý]..."
# written with the capital first and the look-behinds after it, so the regex engine skips to
# capitals instead of trying every position (twice as fast, the same matches).
_NAME = re.compile(r"[A-ZÀ-Ý](?<!\w[A-ZÀ-Ý])(?<![.!?]\s[A-ZÀ-Ý])(?<!^[A-ZÀ-Ý])[a-zà-ÿ]{2,}\b")
# Two parts that name almost none of the same people, places and organisations tell different stories.
MAX_SHARED_NAMES = 0.15
HEADER_WINDOW = 8
MIN_BODY_LINES_AFTER = 3
# A headline is said at most in the page's title, above the article and once more; a line said
# more often is a widget's (under each comment) or a menu's.
MAX_HEADLINE_REPEATS = 3
# Words of a line said twice in a header block for it to count as a caption there.
CAPTION_WORDS = 6
# A first article has paragraphs: one line of prose above a headline block is a teaser or a promotion
# (two or three: 14 or 12 of the 2,070 training pages split; two keeps a glued brief of two paragraphs).
MIN_BODY_LINES_BEFORE = 2
# A gallery's caption stands this many lines under its counter at most ("Caption", "Close" between).
GALLERY_REACH = 3


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


def _header_block(lines: list[Line], position: int) -> list[Line]:
    """The lines under a headline-like line before the next paragraph."""
    block = []
    for line in lines[position + 1 : position + 1 + HEADER_WINDOW]:
        if line.strong_body:
            break
        block.append(line)
    return block


def _has_residue_after_gap(candidate: Line, block: list[Line]) -> bool:
    return candidate.blank_before >= 2 and any(line.stray_token or line.rule is not None for line in block)


def _in_gallery(lines: list[Line], position: int) -> bool:
    """Whether a line is a photo gallery's counter ("Image 1 of 4") or a caption right under one: the
    gallery's captions, said twice, read like a second article's headline block."""
    return any(GALLERY_COUNTER.match(line.text) for line in lines[max(0, position - GALLERY_REACH) : position + 1])


def _opens_new_part(lines: list[Line], position: int) -> bool:
    """A headline followed by a header block (its repeat, a caption, residue) or set off by a gap."""
    candidate = lines[position]
    if not candidate.headline_like or candidate.sentence_end:
        return False
    # The gallery's test (four regex matches) comes last: most candidates have no header block and
    # fail before it (find_part_boundaries 0.115 -> 0.072 ms a page).
    return _has_header_block(lines, position) and not _in_gallery(lines, position)


def _has_header_block(lines: list[Line], position: int) -> bool:
    """Whether a headline-like line has a header block under it, or residue after a gap above it."""
    candidate = lines[position]
    # Residue or a gap alone is common under teasers in a page's footer; a second article brings
    # its own headline block: the headline repeated, or a caption (or a long line said twice on
    # the page: scrapers repeat a photo's caption). One loop over the block rather than a
    # generator for each test (with the deferred names below, find_part_boundaries 0.115 -> 0.047 ms
    # a page).
    dated = named = False
    for line in lines[position + 1 : position + 1 + HEADER_WINDOW]:
        if line.strong_body:
            break
        if line.key == candidate.key or line.caption_like or (line.repeats > 1 and line.words >= CAPTION_WORDS):
            return True
        dated = dated or line.date_line is not None
        named = named or line.parsed_byline is not None
    if dated and named and _has_byline_and_date(_header_block(lines, position)):
        return True
    return candidate.blank_before >= 2 and _has_residue_after_gap(candidate, _header_block(lines, position))


def _has_byline_and_date(block: list[Line]) -> bool:
    """Whether a header block names an author ("By ...") and gives a date: an article's own header.

    Pages glued from two articles under their own headline, byline and date were read as one. On the
    2,167 training and measuring pages no more pages are cut in two; 12 have parts read apart (a
    site's menu and search bar over the headline left the body), L3S-GN1 precision 0.921 -> 0.923;
    the measuring pages unchanged with the shipped model; grouped CV (five seeds, models retrained on
    the rules' new reading) 0.945 -> 0.944, English 0.954 -> 0.952, within the seeds' spread. Kept out
    of the reading the model learns from only, it was 0.941: the model must read the parts it learnt on."""
    has_byline = any(line.parsed_byline is not None and names_someone(line.parsed_byline[0]) for line in block)
    return has_byline and any(line.date_line is not None for line in block)


def _opens_new_article(lines: list[Line], position: int) -> bool:
    """A part's opening that is a second article's: a headline said no more than a headline is, and
    a caption that reads as one or is said twice under it. A long line said elsewhere on the page
    too is a teaser's title (a teaser list repeats the menu), which is enough for a part only."""
    candidate = lines[position]
    if candidate.repeats > MAX_HEADLINE_REPEATS:
        return False
    block = _header_block(lines, position)
    said_here = Counter(line.key for line in block if line.words >= CAPTION_WORDS)
    return (
        any(line.key == candidate.key for line in block)
        or any(line.caption_like for line in block)
        or any(count > 1 for count in said_here.values())
        or _has_residue_after_gap(candidate, block)
        or _has_byline_and_date(block)
    )


def find_part_boundaries(lines: list[Line]) -> list[int]:
    """Indexes of lines that open a further part; empty for a page read in one part."""
    boundaries: list[int] = []
    names_cache: dict[int, list[str]] = {}
    start = 0
    seen_body = False
    # The names of lines[start:read_up_to], grown as the scan goes rather than gathered again from
    # the part's first line for each candidate headline.
    before: set[str] = set()
    read_up_to = 0
    for position, line in enumerate(lines):
        if line.strong_body:
            seen_body = True
            continue
        if not seen_body or position == start or not _opens_new_part(lines, position):
            continue
        after_lines = [other for other in lines[position : position + 40] if other.strong_body]
        if len(after_lines) < MIN_BODY_LINES_AFTER:
            continue
        after = _names(after_lines, names_cache)
        if not after:
            continue
        # The names before are gathered only once a candidate needs them: most candidates fail
        # first, and what is read later is read once all the same.
        _add_names(before, lines[read_up_to:position], names_cache)
        read_up_to = position
        if not before:
            continue
        shared = len(before & after) / min(len(before), len(after))
        if shared <= MAX_SHARED_NAMES:
            boundaries.append(position)
            start = position
            seen_body = False
            before = set()
    return boundaries


def find_article_boundaries(lines: list[Line], part_boundaries: list[int] | None = None) -> list[int]:
    """The part boundaries (found if not given) that open a further article; empty for one article.

    A part that follows fewer than MIN_BODY_LINES_BEFORE paragraphs of the article before it, or
    whose opening is a menu's, a teaser list's or a comment's, is that article's. Measured on the
    2,070 single-article training pages: pages cut into two or more articles 75 -> 14, an article's
    body divided between two 14 -> 4, the body text the same (the parts are still read apart)."""
    if part_boundaries is None:
        part_boundaries = find_part_boundaries(lines)
    articles: list[int] = []
    article_start = 0
    for boundary in part_boundaries:
        body_lines = sum(line.strong_body for line in lines[article_start:boundary])
        if body_lines >= MIN_BODY_LINES_BEFORE and _opens_new_article(lines, boundary):
            articles.append(boundary)
            article_start = boundary
    return articles


# A second article glued under its headline alone (no byline, date or caption under it), found in an
# article's kept paragraphs after the model: the one short line without a sentence's end among them
# (an article with subheadings, a list or a recipe has several), prose of its own on each side, the
# two sides naming almost none of the same people, places and things, a news lede under the headline
# (who said what, on what day), and the headline naming what follows it rather than what came before.
BARE_HEADLINE_WORDS = (4, 16)
MIN_PARAGRAPHS_AFTER = 3
MIN_PROSE_WORDS = 60
PROSE_PARAGRAPH_WORDS = 12
MAX_SHARED_WORDS = 0.12
_SENTENCE_OR_CLAUSE_END = re.compile(r"[.!?:;,…\"'”’)\]]\s*$")
# A news report's lede says who said what when: a blog's or a listicle's next section does not.
_NEWS_LEDE = re.compile(
    r"\b(?:said|says|told|announced|reported|according\s+to|(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday"
    r"|sagte|teilte|erklärte|a\s+(?:déclaré|annoncé|indiqué)|dijo|anunció|ha\s+detto|disse|anunciou)\b",
    re.IGNORECASE,
)
_HEADLINE_WORD = re.compile(r"[^\W\d_]{4,}")


def _is_prose(paragraph: str) -> bool:
    return len(paragraph.split()) >= PROSE_PARAGRAPH_WORDS and _SENTENCE_OR_CLAUSE_END.search(paragraph) is not None


def _short_unended(paragraph: str) -> bool:
    return len(paragraph.split()) <= BARE_HEADLINE_WORDS[1] and _SENTENCE_OR_CLAUSE_END.search(paragraph) is None


def bare_headline_split(paragraphs: list[str]) -> int | None:
    """The index of a paragraph that is a glued second article's headline, or None."""
    candidates = [position for position, paragraph in enumerate(paragraphs) if _short_unended(paragraph)]
    if len(candidates) != 1:
        return None
    position = candidates[0]
    headline = paragraphs[position]
    before, after = paragraphs[:position], paragraphs[position + 1 :]
    if (
        len(before) < MIN_BODY_LINES_BEFORE
        or len(after) < MIN_PARAGRAPHS_AFTER
        or len(headline.split()) < BARE_HEADLINE_WORDS[0]
        or not headline[:1].isupper()
        or "|" in headline
        or not (_is_prose(before[-1]) and _is_prose(after[0]))
        or _NEWS_LEDE.search(after[0]) is None
        or min(sum(len(text.split()) for text in side) for side in (before, after)) < MIN_PROSE_WORDS
    ):
        return None
    before_names = {name for text in before for name in _NAME.findall(text)}
    after_names = {name for text in after for name in _NAME.findall(text)}
    if not before_names or not after_names:
        return None
    if len(before_names & after_names) / min(len(before_names), len(after_names)) > MAX_SHARED_NAMES:
        return None
    before_words = {word.lower() for text in before for word in _HEADLINE_WORD.findall(text)}
    after_words = {word.lower() for text in after for word in _HEADLINE_WORD.findall(text)}
    if len(before_words & after_words) / len(before_words | after_words) > MAX_SHARED_WORDS:
        return None
    headline_words = {word.lower() for word in _HEADLINE_WORD.findall(headline)}
    return position if len(headline_words & after_words) > len(headline_words & before_words) else None


# A page of news briefs, each under its headline alone ("Dam cracks prompt evacuation warning", a
# paragraph or two, the next headline): every short line without a sentence's end among the article's
# paragraphs heads a brief, each brief opens with a news lede, and no two briefs share their names or
# words as sections of one article do (a feature's subheadings, a listicle's entries under one subject).
MIN_BRIEF_HEADINGS = 2
MAX_BRIEF_PARAGRAPHS = 5
BRIEF_HEADING_WORDS = 3
_CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)


def headed_briefs_split(paragraphs: list[str]) -> list[int]:
    """The indices of the headings of a briefs page's second and later briefs (the first brief stands
    under the page's title), or [] where the paragraphs are not briefs."""
    headings = [position for position, paragraph in enumerate(paragraphs) if _short_unended(paragraph)]
    if len(headings) < MIN_BRIEF_HEADINGS or headings[0] == 0:
        return []
    starts = [0, *(position + 1 for position in headings)]
    ends = [*headings, len(paragraphs)]
    briefs = [paragraphs[start:end] for start, end in zip(starts, ends, strict=True)]
    if any(
        not brief or len(brief) > MAX_BRIEF_PARAGRAPHS or not _is_prose(brief[0]) or _NEWS_LEDE.search(brief[0]) is None
        for brief in briefs
    ):
        return []
    titles = [paragraphs[position] for position in headings]
    if any(
        len(title.split()) < BRIEF_HEADING_WORDS or not title[:1].isupper() or "|" in title or title.endswith(":")
        for title in titles
    ):
        return []
    # Every brief of a day's page may say "Monday": days and months name no one.
    names = [
        {name for text in brief for name in _NAME.findall(text) if name.lower() not in _CALENDAR_WORDS}
        for brief in briefs
    ]
    words = [
        {word.lower() for text in brief for word in _HEADLINE_WORD.findall(text)} - _CALENDAR_WORDS for brief in briefs
    ]
    for first in range(len(briefs)):
        for second in range(first + 1, len(briefs)):
            shorter = min(len(names[first]), len(names[second]))
            if shorter and len(names[first] & names[second]) / shorter > MAX_SHARED_NAMES:
                return []
            if len(words[first] & words[second]) / max(1, len(words[first] | words[second])) > MAX_SHARED_WORDS:
                return []
    # Each heading names its own brief more than any other.
    for number, title in enumerate(titles, start=1):
        title_words = {word.lower() for word in _HEADLINE_WORD.findall(title)}
        own = len(title_words & words[number])
        if own == 0 or any(len(title_words & words[other]) >= own for other in range(len(briefs)) if other != number):
            return []
    return headings
