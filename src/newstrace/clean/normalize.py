"""Normalise raw page text: characters, line ends, and wire-service layouts (headers, `<` ends)."""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice, pairwise

import ftfy

from newstrace.clean.credits import ANY_AGENCY
from newstrace.model import RemovedLine
from newstrace.sentences import default_lexicon
from newstrace.sentences.words import has_unspaced_script

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\u2060\ufeff]")
# A soft hyphen (HTML's &shy;, typesetters' hyphenation points, PDF text) shows nothing inside a
# line, yet splits a word in two for every tokenizer: "inter\u00adnational" is read as two words
# and matches no copy that lacks it. At a line's end it marks a word broken there: those are joined
# once wrapping is undone, the rest are dropped now.
SOFT_HYPHEN = "\u00ad"
_SOFT_HYPHEN_INSIDE = re.compile(r"\u00ad(?![ \t]*\n)")
_SOFT_HYPHEN_BREAK = re.compile(r"\u00ad[ \t]*\n[ \t]*(?=[^\W\d_])")
_OTHER_SPACES = "\t\u00a0\u2009\u202f\u3000"
_RULE_MARKS = frozenset("-=_*~#")
_RULE_LINE = re.compile(r"^\s*[-=_*~#]{8,}\s*$")
# PA wire header: "16:54 01/03/00: Page 1 (ZSM) COURTS Burstein" (time, UK date, page, desk, slug).
_WIRE_HEADER = re.compile(
    r"^\s*(?P<time>\d{1,2}:\d{2})\s+(?P<date>\d{1,2}/\d{1,2}/\d{2,4})\s*:\s*"
    r"(?:Page\s+(?P<page>\d+)\s*)?(?:\((?P<desk>[A-Z]{2,5})\)\s*)?(?P<slug>.*)$"
)
# Editors' notes on wire copy: "(with pic)", "(reopens)", "(ADVISORY: ...)", "(Pic later)".
# An advisory or a correction may explain itself at length; other notes are short, and a long
# paragraph in brackets ("(Note the ...)") is the article's.
_WIRE_NOTE = re.compile(
    r"^\((?:(?:with|plus|corrects?|corrected|adds?|updates?|embargoed|repeats?|reopens?|advisory|note|pic|"
    r"subs?|writethru|refiling|refiled|new\s+lead|rewrites?)\b[^()]{0,80}"
    r"|(?:advisory|corrects?|corrected)\b[^()]{0,300})\)$",
    re.I,
)
# AP's note to editors above a story: "Eds: UPDATES with investigators' comments. With AP Photos."
_EDITORS_NOTE = re.compile(r"^Eds?:\s+\S")
_WIRE_POUND = re.compile(r"#(?=\d)")
_TERMINAL = re.compile(r"[.!?:;\"”’)\]…]$")
# A wrapped line's continuation: a lower-case letter, perhaps after a dash or a bullet.
_CONTINUATION_MARKS = "—–•-"
# A sentence goes on in a word of letters; a code of letters and digits opens a line of its own: EPA's
# caption numbers ("epa09876543 Protesters gather ..."), which had been joined to the headline above.
_CONTINUATION = re.compile(rf"^(?:[{_CONTINUATION_MARKS}]\s*)?[a-zà-ÿ](?![a-zà-ÿ]*\d)")
# (Italian bylines: "di Marco Bellini".)
_BYLINE_ALONE = re.compile(
    r"(?:by|di):?\s+[A-ZÀ-Ý][\w.'’-]*(?:\s+(?:[A-ZÀ-Ý][\w.'’-]*|and|&)){0,5}"
    # An agency after a comma ("by: ANA RUIZ, Associated Press"); not any words (a sidebar's "BLOG: Heart
    # to Heart by Ana Ruiz, Staff Writer" is no byline of the post under it).
    rf"(?:\s*,\s*(?:[Tt]he\s+)?(?:{ANY_AGENCY}))?\s*$"
)
# Typewriter-era quotes: ``like this'' (wire copy, some newspaper archives).
_OPEN_BACKTICKS = re.compile(r"``")
_CLOSE_APOSTROPHES = re.compile(r"''")


@dataclass(slots=True)
class NormalizedText:
    lines: list[str]
    removed: list[RemovedLine] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    # Lines that took a byline alone as their wrapped continuation ("Headline" + "by Ana Ruiz"), and
    # where it begins: the headline's text and the byline are read apart from them.
    joined_bylines: dict[str, int] = field(default_factory=dict)
    # A Markdown page's headings of the first level ("# Headline"), read without their marks.
    top_headings: list[str] = field(default_factory=list)


# Mojibake: UTF-8 read as Windows-1252 or Latin-1 ("Ã©" for "é", "â€™" for "’", "Â " for a no-break
# space), as scrapers save pages whose encoding they guessed wrong; it splits names and hides
# quotation marks. A UTF-8 lead byte read so (Â to ï) before a continuation byte read so: ftfy
# undoes it, and decides whether it is mojibake at all. Only texts holding such a pair are given to
# it (it costs about 1 ms a page).
_MOJIBAKE = re.compile(
    "[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


# A character reference a scraper left in the text ("&quot;", "&#8217;", "&mdash;"): decoded, or a
# copy keeping them is no copy word for word of its source.
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def normalize_characters(text: str) -> str:
    if "&" in text and ";" in text:
        text = _CHARACTER_REFERENCE.sub(lambda found: html.unescape(found.group()), text)
    if not text.isascii() and _MOJIBAKE.search(text):
        text = ftfy.fix_encoding(text)
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    if SOFT_HYPHEN in text:
        text = _SOFT_HYPHEN_INSIDE.sub("", text)
    text = _OPEN_BACKTICKS.sub("“", text)
    return _CLOSE_APOSTROPHES.sub("”", text)


# A line this long holding this many tags, among them a page's own structure, is a page's source that
# the scraper could not read (broken HTML saved whole: an L3S-GN1 page of 35,000 characters in one
# line, its article among its scripts).
SOURCE_LINE_CHARACTERS = 1_000
SOURCE_LINE_TAGS = 20
_TAG = re.compile(r"<[^<>]*>")
# Comments' marks and tags, one pass: a walk over them, never a search from each opening tag to its
# end, which a page of unclosed scripts would make quadratic.
_MARKUP_TOKEN = re.compile(r"<!--|-->|<(/?)([a-zA-Z][\w:-]*)[^<>]*>")
# Elements whose content is never shown.
HIDDEN_ELEMENTS = ("script", "style", "noscript", "template")
_BLOCK_ELEMENTS = frozenset(
    (
        *("p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th", "table", "tbody", "thead"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "title", "head", "body", "html", "section", "article", "header"),
        *("footer", "nav", "aside", "blockquote", "pre", "form", "option", "select", "center", "hr", "figure"),
        *("figcaption", "address", "main"),
    )
)


def source_lines(line: str) -> list[str]:
    """The visible text of a line holding HTML source, one block a line: scripts, styles and comments
    dropped (also a script the line opens inside of, its opening tag cut off by the scraper), block
    elements ending lines, inline ones (links, bold) kept within their sentence."""
    pieces: list[str] = []
    hidden: str | None = None
    in_comment = False
    last = 0
    first_open = next((m for m in _MARKUP_TOKEN.finditer(line) if m.group(2) and not m.group(1)), None)
    for match in _MARKUP_TOKEN.finditer(line):
        token, closing, name = match.group(0), match.group(1), (match.group(2) or "").lower()
        if in_comment:
            in_comment = token != "-->"
        elif hidden is not None:
            hidden = None if closing and name == hidden else hidden
        elif closing and name in HIDDEN_ELEMENTS and (first_open is None or match.start() < first_open.start()):
            # The line began inside this element: what came before its end was its content.
            pieces = []
        else:
            pieces.append(line[last : match.start()])
            if token == "<!--":
                in_comment = True
            elif name in HIDDEN_ELEMENTS and not closing:
                hidden = name
            else:
                pieces.append("\n" if name in _BLOCK_ELEMENTS else " ")
        last = match.end()
    if hidden is None and not in_comment:
        pieces.append(line[last:])
    text = html.unescape("".join(pieces))
    return [" ".join(part.split()) for part in text.split("\n") if part.strip()]


# A page's own structure: a script, a style, its head or body. HTML a page shows as text (an embed
# code to copy: links and bold around a title) has none.
_PAGE_STRUCTURE = re.compile(r"<(?:/?(?:script|style|head|body|html)\b|!doctype|meta\b)", re.I)


def _is_page_source(line: str) -> bool:
    return (
        len(line) >= SOURCE_LINE_CHARACTERS
        and line.count("<") >= SOURCE_LINE_TAGS
        and _PAGE_STRUCTURE.search(line) is not None
        and len(_TAG.findall(line)) >= SOURCE_LINE_TAGS
    )


# A paragraph's drop cap set apart from the rest of its word ("H ong Kong is burning", "T he Davis Cup
# began"), as scrapers save a styled first letter: 13 lines of the 2,167 measuring and training pages,
# four of them measuring pages, whose golds join the word.
_DROP_CAP = re.compile(r"(?:^|\n)[ \t]*[A-Z] [a-z]")
_DROP_CAP_WORD = re.compile(r"([A-Z]) ([a-z]+)\b")
# The joined word must be at least this common (Zipf) and this much commoner than the rest alone: "O
# n" is "On", but "H on October 24th" (an initial) and "B of A" stay.
DROP_CAP_WORD_ZIPF = 3.0
DROP_CAP_MARGIN = 1.0


def _with_drop_cap_joined(line: str) -> str:
    """A line whose opening letter was set apart from its word, the word whole again; else the line."""
    found = _DROP_CAP_WORD.match(line)
    if found is None:
        return line
    zipf = default_lexicon().zipf
    joined, rest = (found.group(1) + found.group(2)).lower(), found.group(2)
    if zipf.get(joined, 0.0) >= max(DROP_CAP_WORD_ZIPF, zipf.get(rest, 0.0) + DROP_CAP_MARGIN):
        return found.group(1) + line[found.start(2) :]
    return line


def normalize_text(text: str) -> NormalizedText:
    """Lines of the page with blank lines kept (as ""), wire layout undone and its header kept."""
    text = normalize_characters(text)
    head_links = ""
    if text[:1] in " \n" and (found := BROWSER_HEAD_LINKS.match(text)):
        head_links, text = " ".join(found.group().split()), text[found.end() :]
    # Without a "<" no line ends with one: most pages are spared the count of them.
    wire_layout = "<" in text and _is_wire_layout([line.strip() for line in text.split("\n")])
    if not wire_layout:
        # On the lines as saved, where indents and runs of spaces count towards the width, and before
        # markdown is read: a link's words may be wrapped over two lines.
        lines = text.split("\n")
        unwrapped = unwrap_fixed_width(lines)
        if unwrapped is not lines:
            text = "\n".join(unwrapped)
    if SOFT_HYPHEN in text:
        text = _SOFT_HYPHEN_BREAK.sub("", text).replace(SOFT_HYPHEN, "")
    text = _collapse_spaces(text)
    raw_lines = [line.strip() for line in text.split("\n")]
    if _DROP_CAP.search(text):
        raw_lines = [_with_drop_cap_joined(line) for line in raw_lines]
    references: list[str] = []
    if "[" in text and _reads_as_browser_dump(text):
        raw_lines, references = _without_link_references(raw_lines)
    markdown_links: list[str] = []
    top_headings: list[str] = []
    if ("](" in text or "#" in text) and _reads_as_markdown(text):
        read: list[str] = []
        for line in raw_lines:
            # A line of links alone (a menu's item, a share bar, a teaser in a list, an image) is no text.
            if _MARKDOWN_LINKS_ONLY.match(line):
                markdown_links.append(line)
                read.append("")
            else:
                read.append(_without_markdown(line))
                if line.startswith("# "):
                    top_headings.append(read[-1])
        raw_lines = read
    sources = [_is_page_source(line) for line in raw_lines] if "<" in text else []
    if any(sources):
        raw_lines = [
            part
            for line, source in zip(raw_lines, sources, strict=True)
            for part in (source_lines(line) if source else [line])
        ]
    result = NormalizedText(lines=[], top_headings=[heading for heading in top_headings if heading])
    if head_links:
        result.removed.append(RemovedLine(head_links, HEAD_LINKS_REASON))
    result.removed += [RemovedLine(line, LINK_REFERENCES_REASON) for line in references]
    result.removed += [RemovedLine(line, MARKDOWN_LINKS_REASON) for line in markdown_links]
    buffer: list[str] = []
    for line in raw_lines:
        # Each pattern is tried only on lines opening with a character it must open with (lines are
        # stripped): most lines of a page need none of the three.
        opening = line[:1]
        if opening in _RULE_MARKS and _RULE_LINE.match(line):
            result.removed.append(RemovedLine(line, RULE_LINE_REASON))
            continue
        header = _WIRE_HEADER.match(line) if opening.isdigit() and not result.metadata else None
        if header:
            result.metadata.update({f"wire_{key}": value.strip() for key, value in header.groupdict().items() if value})
            result.removed.append(RemovedLine(line, "wire header"))
            continue
        if not wire_layout:
            result.lines.append(line)
            continue
        # In wire layout a paragraph ends with "<"; other line ends are only the terminal's wrap.
        ends_paragraph = line.endswith("<")
        # Wire teleprinters had no pound sign and sent "#" for it: "fined #2,500".
        content = _WIRE_POUND.sub("£", line.rstrip("<").strip())
        if content:
            buffer.append(content)
        if ends_paragraph or not line:
            if buffer:
                result.lines.append(" ".join(buffer))
                buffer = []
            result.lines.append("")
    if buffer:
        result.lines.append(" ".join(buffer))
    kept = []
    for line in result.lines:
        if (line.startswith("(") and _WIRE_NOTE.match(line)) or (line.startswith("Eds") and _EDITORS_NOTE.match(line)):
            result.removed.append(RemovedLine(line, "wire note"))
        else:
            kept.append(line)
    result.lines = _join_wrapped(kept, result.joined_bylines)
    result.lines, repeated = without_repeated_blocks(result.lines)
    result.removed += [RemovedLine(line, REPEATED_BLOCK_REASON) for line in repeated]
    return result


RULE_LINE_REASON = "rule line"
REPEATED_BLOCK_REASON = "repeated block: the same run of paragraphs said again on the page"
# A block holds this many paragraphs of prose at least: one paragraph said twice is a pull quote, a
# caption or a teaser, which the line features read as such.
BLOCK_PROSE_LINES = 2
_PROSE_END = re.compile(r"[.!?][\"”’)\]]?$")


def _is_prose_paragraph(line: str) -> bool:
    words = line.count(" ") + 1
    return words >= 30 or (words >= 12 and _PROSE_END.search(line) is not None)


def _is_copied_text(block: list[str]) -> bool:
    """Whether a run said twice is text: two paragraphs of prose at least (each counted once), half of
    them or more ending as sentences do. A teaser list's leads are cut short ("may soon..."), and a
    caption widget's end in its button ("... less")."""
    prose = {line for line in block if _is_prose_paragraph(line)}
    full = sum(1 for line in prose if _is_full_paragraph(line))
    return len(prose) >= BLOCK_PROSE_LINES and full >= 1 and 2 * full >= len(prose)


def _is_full_paragraph(line: str) -> bool:
    return _PROSE_END.search(line) is not None and not line.endswith(("...", "…"))


def without_repeated_blocks(lines: list[str]) -> tuple[list[str], list[str]]:
    """The lines with every later copy of a run of paragraphs removed (a paywalled page that prints
    its teaser twice, a scraper that saved a post twice), and the removed lines.

    Each paragraph of a copied run would otherwise be said twice, and the cleaner reads a paragraph
    said twice as a teaser or a caption: such pages lost their whole article. A run counts when it
    is said again in the same order and is text (_is_copied_text)."""
    # Only a paragraph of prose said again starts a copied run: pages without one (most) skip the
    # walk over their lines (without_repeated_blocks 0.034 -> 0.026 ms a page).
    said_again = [text for text, count in Counter(lines).items() if count > 1]
    if not any(text and _is_prose_paragraph(text) for text in said_again):
        return lines, []
    nonblank = [position for position, line in enumerate(lines) if line]
    texts = [lines[position] for position in nonblank]
    first_seen: dict[str, int] = {}
    dropped: set[int] = set()
    index = 0
    while index < len(texts):
        text = texts[index]
        earlier = first_seen.setdefault(text, index)
        if earlier == index or not _is_prose_paragraph(text):
            index += 1
            continue
        # The copied run around this paragraph, backwards and forwards, no longer than the distance
        # between the copies (a run said twice, not one line said many times).
        distance = index - earlier
        start, end = index, index + 1
        while (
            start - 1 - distance >= 0
            and end - start < distance
            and start - 1 not in dropped
            and texts[start - 1] == texts[start - 1 - distance]
        ):
            start -= 1
        while end < len(texts) and end - start < distance and texts[end] == texts[end - distance]:
            end += 1
        if _is_copied_text(texts[start:end]):
            dropped.update(range(start, end))
        index = end
    if not dropped:
        return lines, []
    removed_positions = {nonblank[position] for position in dropped}
    kept = [line for position, line in enumerate(lines) if position not in removed_positions]
    return kept, [lines[position] for position in sorted(removed_positions)]


def _collapse_spaces(text: str) -> str:
    """Runs of spaces, tabs and fixed-width spaces become one space; str.replace does it five times
    faster than a regular expression, which stops at every single space of the page."""
    for space in _OTHER_SPACES:
        if space in text:
            text = text.replace(space, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text


# Text broken at a fixed width (lynx and w3m dumps, html2text and pandoc output, mail archives):
# every line of a paragraph but its last ends within a word's length of the width. A page saved a
# block a line has no such width: its paragraphs run to hundreds of characters, and its lines end
# anywhere. The width is the length of the longest line a wrapper could have broken: one with a
# space, and no word longer than UNBREAKABLE_WORD (an address, a code), which no wrapper breaks.
WRAP_WIDTHS = range(40, 121)
UNBREAKABLE_WORD = 40
# A full line ends within this many characters of the width, and is followed by a line of its block.
FULL_LINE_SHORTFALL = 15
# Wrapped text has this many full lines at least, and they are this share at least of the lines longer
# than half the width followed by a line of their block (all of them where blank lines part the
# paragraphs; where nothing does, a paragraph's last line and a teaser are among them too).
FULL_LINES = 4
FULL_LINE_SHARE = 0.5
# Blank lines part the paragraphs of wrapped text where there are this many of them a full line at least.
PARTED_BY_BLANK_LINES = 0.2
# The most of the full lines that may end a sentence (about one in ten a wrapper leaves does).
FULL_LINE_SENTENCE_ENDS = 0.5
# Characters a terminal shows two columns wide: Hangul, CJK ideographs and punctuation, kana, full-width forms.
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3040-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)
_TABLE_PADDING = "   "
_QUOTE_MARK = ">"
# A word broken at its hyphen by the wrapper: letters right before a hyphen (or a soft one) at the line's end.
_HYPHEN_BREAK = re.compile(r"[^\W\d_][-\u00ad]$")
_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]?$")
_OPENING_QUOTES = "\"“‘'("
_BULLET = re.compile(r"^(?:[-*•–+]|\d{1,3}[.)])\s")


def unwrap_fixed_width(lines: list[str]) -> list[str]:
    """Paragraphs broken at a fixed width joined again, a line each; other text is returned as it was
    (the very list).

    Only breaks the width forced are undone: a short line (a heading, a menu's item, a paragraph's
    last line) ends where its writer ended it, and so does the line before a bullet. Widths are
    counted in a terminal's columns, indents included and two for a Chinese, Japanese or Korean
    character, as text browsers wrap; so is a word broken at its hyphen ("well-" and "known")."""
    # Most pages hold a paragraph longer than any width: found, it ends the test (one split a page),
    # before the columns of wide characters are counted (a line's columns are at least its length).
    if any(_breakable(line) for line in lines if len(line) > WRAP_WIDTHS.stop):
        return lines
    wide = any(not line.isascii() and _WIDE.search(line) for line in lines)
    columns = _columns if wide else len
    if wide and any(_breakable(line) for line in lines if columns(line) > WRAP_WIDTHS.stop):
        return lines
    trimmed = [line.rstrip() for line in lines]
    width = max(
        (columns(line) for line in trimmed if columns(line) >= WRAP_WIDTHS.start and _breakable(line)), default=0
    )
    if width not in WRAP_WIDTHS:
        return lines
    full = [
        line
        for line, following in pairwise(trimmed)
        if following and width - FULL_LINE_SHORTFALL <= columns(line) <= width and _breakable(line)
    ]
    # Their text, not its indent, is long (w3m centres a menu's items); a table's row, padded with runs
    # of spaces to its columns, is no paragraph's line.
    inside = sum(
        1
        for line, following in pairwise(trimmed)
        if following and 2 * columns(text := line.lstrip()) > width and _TABLE_PADDING not in text and _breakable(text)
    )
    if len(full) < FULL_LINES or len(full) < FULL_LINE_SHARE * inside:
        return lines
    # A wrapper breaks mid-sentence: lines of one sentence each, all about as long, end as sentences do.
    if sum(1 for line in full if _TERMINAL.search(line)) > FULL_LINE_SENTENCE_ENDS * len(full):
        return lines
    # Where blank lines part the paragraphs, a line that ends a sentence inside a block goes on too.
    blank_lines_part = sum(1 for line in trimmed if not line) >= PARTED_BY_BLANK_LINES * len(full)
    joined = [trimmed[0]]
    for previous, line in pairwise(trimmed):
        following = line.lstrip()
        # A quotation's lines each open with its mark ("> "), as Markdown writes them: it goes on
        # without the mark.
        if following.startswith(_QUOTE_MARK) and previous.lstrip().startswith(_QUOTE_MARK):
            following = following.removeprefix(_QUOTE_MARK).lstrip()
        if previous and following and _break_forced(previous, following, width, columns, blank_lines_part):
            joined[-1] = _joined(joined[-1], following)
        else:
            joined.append(line)
    return joined


def _columns(line: str) -> int:
    """The columns a terminal gives the line: two for each wide character."""
    return len(line) + len(_WIDE.findall(line))


def _breakable(line: str) -> bool:
    """Whether a wrapper could break the line: between its words (none longer than UNBREAKABLE_WORD),
    or anywhere in a script written without spaces.

    A Markdown link and a list's item are left out: html2text leaves a link whole where its title
    holds spaces, and list items unwrapped (its default)."""
    line = line.strip()
    if "](" in line or _BULLET.match(line):
        return False
    if has_unspaced_script(line):
        return True
    return " " in line and max(map(len, line.split())) <= UNBREAKABLE_WORD


def _break_forced(
    line: str, following: str, width: int, columns: Callable[[str], int] = len, blank_lines_part: bool = True
) -> bool:
    """Whether the next line's first word (to its first hyphen, where a wrapper may break; its first
    character in a script written without spaces) would not have fitted on the line."""
    if _BULLET.match(following):
        return False
    # A sentence that ends a line and a capital that opens the next may part two paragraphs where no
    # blank line does: kept apart, a paragraph is at worst cut between two sentences, where joined, a
    # copyright notice or a teaser could take the article's last sentence with it.
    if (
        not blank_lines_part
        and _SENTENCE_END.search(line)
        and (following[:1].isupper() or following[:1] in _OPENING_QUOTES)
    ):
        return False
    if _unspaced_edge(line[-1:], following[:1]):
        return columns(line) + columns(following[0]) > width
    if _HYPHEN_BREAK.search(line) and following[:1].islower():
        return True
    word = following.split(" ", 1)[0]
    hyphen = word.find("-", 1)
    if hyphen > 0:
        word = word[: hyphen + 1]
    return columns(line) + 1 + columns(word) > width


def _unspaced_edge(last: str, first: str) -> bool:
    """Whether a break falls between characters of which one is of a script written without spaces."""
    return has_unspaced_script(last) or has_unspaced_script(first)


def _joined(line: str, following: str) -> str:
    """Two pieces of a wrapped paragraph as one: no space inside a word broken at its hyphen, nor
    beside a character of a script written without spaces."""
    if _HYPHEN_BREAK.search(line) and following[:1].isalnum():
        # A soft hyphen shows only where the word breaks: joined, the word has none.
        return f"{line.removesuffix(SOFT_HYPHEN)}{following}"
    if _unspaced_edge(line[-1:], following[:1]):
        return f"{line}{following}"
    return f"{line} {following}"


def _join_wrapped(lines: list[str], joined_bylines: dict[str, int] | None = None) -> list[str]:
    """Undo hard wrapping: a line that stops mid-sentence and a next line (at most one blank line
    later) that starts in lower case are one paragraph. `joined_bylines` gets each joined line whose
    continuation is a byline alone, and where that begins.

    A lower-case "by Ana Ruiz" under a headline is joined to it as before: the lines are the rules'
    reading, which the line model learnt from (keeping it apart moved retrained models by chance)."""
    joined: list[str] = []
    blank_run = 0
    for line in lines:
        if not line:
            blank_run += 1
            joined.append(line)
            continue
        # The characters _CONTINUATION opens with, tested first: most lines open with a capital, and
        # the regex call cost more than the rest of the loop (0.033 -> 0.025 ms a page).
        opening = line[0]
        if (
            blank_run <= 1
            and ("a" <= opening <= "z" or "à" <= opening <= "ÿ" or opening in _CONTINUATION_MARKS)
            and _CONTINUATION.match(line)
        ):
            previous = len(joined) - 1 - blank_run
            if (
                previous >= 0
                and joined[previous]
                and not _TERMINAL.search(joined[previous])
                and len(joined[previous].split()) >= 5
            ):
                del joined[previous + 1 :]
                if joined_bylines is not None and _BYLINE_ALONE.match(line):
                    joined_bylines[f"{joined[previous]} {line}"] = len(joined[previous]) + 1
                joined[previous] = f"{joined[previous]} {line}"
                blank_run = 0
                continue
        joined.append(line)
        blank_run = 0
    return joined


# Markdown, as scrapers that save pages for language models write it (headings marked "# ", links
# "[text](address)", images "![alt](address)", bold "**text**"; not "__text__", as code names use
# underscores): read without its marks, so that a heading reads as a headline and a link as its words.
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
# A quotation's marks, nested or not: "> text", ">> text".
_MARKDOWN_QUOTATION = re.compile(r"^(?:>[ \t]?)+")
_MARKDOWN_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_MARKDOWN_LINK = re.compile(r"\[([^\]\n]+)\]\((?:https?://|/|\.{0,2}/|mailto:|#)[^)\s]*(?:\s+\"[^\"]*\")?\)")
_MARKDOWN_STRONG = re.compile(r"(?<![\w*])\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*(?![\w*])")
# A line wholly in single asterisks or underscores ("*By Ana Ruiz*"); single marks inside a line are
# left, as footnotes and bullets use them too.
_MARKDOWN_EMPHASIS_LINE = re.compile(r"^([*_])(?=\S)([^*_]+?)(?<=\S)\1$")


# A page is read as Markdown where it has a heading and a link, three headings or two links: a
# stray "**WRONG**", "# include <stdio.h>" or "*Available on ...*" in a page's text is no Markdown
# (reading four such pages of the line model's training data as Markdown moved its grouped CV by
# 0.002, English 0.953 -> 0.950).
_MARKDOWN_HEADING_LINE = re.compile(r"^[ \t]*#{1,6}[ \t]", re.MULTILINE)
_MARKDOWN_LINK_OPENING = re.compile(r"\]\((?:https?://|/|mailto:|#)")


MARKDOWN_LINKS_REASON = "links alone (Markdown): menu, share bar, teaser or image"
# A link, an image, or an image that links ("[![alt](picture)](address)", as html2text writes a teaser's photo).
_MARKDOWN_LINKS_ONLY = re.compile(
    r"^(?:[*+-]\s+|\d{1,2}[.)]\s+)?"
    r"(?:(?:!?\[[^\]\n]*\]|\[!\[[^\]\n]*\]\([^)\s]*\)\])\([^)\s]*(?:\s+\"[^\"]*\")?\)[\s|·•,/-]*)+$"
)


# A text browser's dump (lynx -dump, links -dump): each link's text follows its number in brackets
# ("[12]Sport"), and the numbered addresses follow the text under "References". The numbers are no
# words of the text: they are read away, and the references go as removed lines. Inserted and
# deleted text is marked "[INS: ... :INS]": the marks go, the text stays.
LINK_REFERENCES_REASON = "link references of a text browser's dump"
LINK_NUMBERS = 5
# The share of the lines under the last "References" heading that must be numbered addresses.
REFERENCE_LINE_SHARE = 0.8
_LINK_NUMBER = re.compile(r"\[\d{1,5}\](?=\S)")
_REFERENCES = re.compile(r"^References$", re.MULTILINE)
_REFERENCE_LINE = re.compile(r"^(?:\d{1,5}\.\s+\S+|(?:Visible|Hidden)\s+links:)$")
_EDIT_MARK = re.compile(r"\[(?:INS|DEL): ?| ?:(?:INS|DEL)\]")


# lynx opens its dump with the page's head links (its feeds: "#[1]Site » Feed [2]Site » Comments
# Feed"), indented three spaces behind a "#", up to the first blank line: no headline, though it reads
# as a <title> (a headline of the page's own opens at its line's start: "#3 (and a few other stuffs)").
HEAD_LINKS_REASON = "a text browser's list of the page's feeds (its head's links)"
BROWSER_HEAD_LINKS = re.compile(r"(?:[ \t]*\n)* {3}#\S[^\n]*(?:\n[ \t]*\S[^\n]*)*")


def _reads_as_browser_dump(text: str) -> bool:
    # The heading first: a plain search, where the link numbers' pattern would scan most pages whole.
    return (
        "\nReferences" in text
        and _REFERENCES.search(text) is not None
        and sum(1 for _ in islice(_LINK_NUMBER.finditer(text), LINK_NUMBERS)) >= LINK_NUMBERS
    )


def _without_link_references(lines: list[str]) -> tuple[list[str], list[str]]:
    """The lines without their link numbers and edit marks, and the references block they end with."""
    end = len(lines)
    for position in range(len(lines) - 1, -1, -1):
        if lines[position] == "References":
            block = [line for line in lines[position + 1 :] if line]
            # The last such heading whose lines below are references (an article may say "References").
            if block and sum(1 for line in block if _REFERENCE_LINE.match(line)) >= REFERENCE_LINE_SHARE * len(block):
                end = position
            break
    kept = [_EDIT_MARK.sub("", _LINK_NUMBER.sub("", line)) if "[" in line else line for line in lines[:end]]
    return kept, [line for line in lines[end:] if line]


def _reads_as_markdown(text: str) -> bool:
    headings = sum(1 for _ in islice(_MARKDOWN_HEADING_LINE.finditer(text), 3))
    links = sum(1 for _ in islice(_MARKDOWN_LINK_OPENING.finditer(text), 2))
    return (headings >= 1 and links >= 1) or headings >= 3 or links >= 2


def _without_markdown(line: str) -> str:
    """A line without Markdown's marks: heading, quotation, links (their text kept), images (their text
    kept), strong and emphasised text."""
    if line.startswith(">"):
        line = _MARKDOWN_QUOTATION.sub("", line)
    if line.startswith("#"):
        line = _MARKDOWN_HEADING.sub("", line)
    if "](" in line:
        line = _MARKDOWN_LINK.sub(r"\1", _MARKDOWN_IMAGE.sub(r"\1", line)).strip()
    if "**" in line:
        line = _MARKDOWN_STRONG.sub(r"\1", line)
    if line[:1] and line[0] in "*_":
        line = _MARKDOWN_EMPHASIS_LINE.sub(r"\2", line)
    return line


def _is_wire_layout(lines: list[str]) -> bool:
    nonblank = [line for line in lines if line]
    if len(nonblank) < 3:
        return False
    marked = sum(1 for line in nonblank if line.endswith("<"))
    return marked >= 1 and marked / len(nonblank) >= 0.1
