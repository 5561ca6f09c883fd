"""HTML pages: trafilatura finds the main text and metadata; the text cleaner finishes the job."""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from datetime import date
from html import unescape
from itertools import accumulate

import trafilatura

from newstrace.clean.credits import name_line
from newstrace.clean.dates import confirmed_figure_date
from newstrace.clean.headlines import (
    TITLE_PARTS,
    TITLE_SEPARATOR,
    headline_after_site_name,
    headline_of_broken_title,
    is_site_banner,
    lists_the_sites_sections,
    names_the_site_within,
    site_names,
)
from newstrace.clean.lines import line_keys
from newstrace.clean.normalize import HIDDEN_ELEMENTS
from newstrace.clean.site import paragraph_key
from newstrace.clean.text import CELL_MARK

# Deeper than any real page; lxml and trafilatura recurse on nesting, so hostile markup with
# thousands of nested elements is flattened first rather than allowed to exhaust the stack.
MAX_NESTING = 200


@dataclass(frozen=True, slots=True)
class ExtractedHtml:
    text: str
    title: str | None
    date: str | None
    author: str | None
    outlet: str | None
    url: str | None
    # True when the text is the page's whole visible text (trafilatura could not be used or found
    # nothing), to be cleaned as a scraped page is, menus and all.
    whole_page: bool = False
    # The page's <title>, which often holds the headline where the title is the site's name.
    page_title: str | None = None
    # The keys of the lines that were cells of a layout table (see layout_cells_as_lines).
    layout_lines: frozenset[str] = frozenset()
    # The address the page names as its canonical one (<link rel="canonical">), where it has one.
    canonical_url: str | None = None
    # The address of the original a syndicated page names in its metadata (<meta name="original-source">
    # or "syndication-source", Google News' tags for a partner's copy), where it names one.
    original_source_url: str | None = None
    # The time of publication the page's metadata gives, as written (ISO 8601 in the markup).
    published_time: str | None = None
    # True when the text is the articleBody of the page's JSON-LD, not what the page shows.
    from_structured_data: bool = False
    # The site's name as the page's og:site_name gives it (trafilatura's may be a piece of the <title>).
    declared_site_name: str | None = None


class HtmlError(ValueError):
    """The page holds no article text trafilatura or a plain-text fallback can find."""


# Elements that never hold others (void) or whose end tag HTML lets a page leave out: counting
# them as opened would take an ordinary page with many <br>, <img> or unclosed <p> for a hostile one
# (3 of the 97 benchmark pages were flattened to their whole visible text that way).
_NOT_NESTING = frozenset(
    (
        *("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source"),
        *("track", "wbr", "basefont", "frame", "keygen"),
        *("p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot"),
        *("colgroup", "rt", "rp"),
    )
)
# A tag runs to the first ">" after its name; it closes itself when a "/" stands before that ">".
# Read with a greedy run and a look back rather than a lazy run that tries "/>" at every character:
# the same tags, 1.27 -> 0.48 ms a page of the 97 measuring pages.
_START_OR_END_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*(?:(?<=(/)))?>")


def _nesting_depth(html: str) -> int:
    """How deep the page's elements nest."""
    depth = deepest = 0
    for closing, name, self_closing in _START_OR_END_TAG.findall(html):
        if name.lower() in _NOT_NESTING or self_closing:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


_HIDDEN_OPENING = re.compile(rf"<({'|'.join(HIDDEN_ELEMENTS)})\b", re.I)
_HIDDEN_CLOSING = re.compile(rf"</({'|'.join(HIDDEN_ELEMENTS)})\s*>", re.I)
_TAG = re.compile(r"<[^>]*>")


def visible_text(html: str) -> str:
    """The visible text of a page, one block a line, read by stripping tags rather than by building
    a tree: libxml2 stops at its nesting limit and drops what lies deeper, so markup no parser
    should be trusted with is read this way too."""
    text = _TAG.sub("\n", _without_hidden_elements(html))
    return "\n".join(line.strip() for line in unescape(text).split("\n") if line.strip())


_FIGURE_CAPTION_OPENING = re.compile(r"<figcaption\b[^>]*>", re.IGNORECASE)
_FIGURE_CAPTION_CLOSING = re.compile(r"</figcaption\s*>", re.IGNORECASE)
# A page's pictures: more captions than this are a gallery's, kept to its first ones.
MAX_FIGURE_CAPTIONS = 20
FIGURE_CAPTION_CHARACTERS = 1_000


def figure_captions(html: str) -> list[str]:
    """The texts of a page's <figcaption> elements, in order and once each: trafilatura's extract leaves
    pictures out, and their captions with them. Each opening is paired with the next closing in a
    sorted list (a search from each opening grows as the square of unclosed ones)."""
    closings = [match.start() for match in _FIGURE_CAPTION_CLOSING.finditer(html)]
    captions: list[str] = []
    for opening in _FIGURE_CAPTION_OPENING.finditer(html):
        found = bisect.bisect_left(closings, opening.end())
        if found == len(closings):
            break
        inner = html[opening.end() : min(closings[found], opening.end() + FIGURE_CAPTION_CHARACTERS)]
        caption = " ".join(unescape(_TAG.sub(" ", inner)).split())
        if caption and caption not in captions:
            captions.append(caption)
            if len(captions) == MAX_FIGURE_CAPTIONS:
                break
    return captions


def _without_hidden_elements(html: str) -> str:
    """The page with each script, style, noscript and template element (its opening tag to the next
    end tag of its name) made a space; an element never closed stays. Each opening finds its end in a
    sorted list: a regular expression searching on from every opening took 8 s for 16,000 unclosed
    scripts, growing as their square."""
    closings: dict[str, list[int]] = {}
    ends: dict[int, int] = {}
    for match in _HIDDEN_CLOSING.finditer(html):
        closings.setdefault(match.group(1).lower(), []).append(match.start())
        ends[match.start()] = match.end()
    pieces: list[str] = []
    kept_from = 0
    for opening in _HIDDEN_OPENING.finditer(html):
        if opening.start() < kept_from:
            continue
        starts = closings.get(opening.group(1).lower(), [])
        found = bisect.bisect_left(starts, opening.end())
        if found == len(starts):
            continue
        pieces += [html[kept_from : opening.start()], " "]
        kept_from = ends[starts[found]]
    pieces.append(html[kept_from:])
    return "".join(pieces)


def _date_search() -> dict[str, object]:
    """htmldate without its extensive search: that search sends any date-like string of the page to
    dateparser, which guesses ("martes 12 de marzo de 2019" in a comment became 2019-01-01) and was
    a third of the time of extracting HTML pages. Measured on 482 pages with a date in their URL:
    480 dated, 454 of them that date (26 wrong), against 463 dated, 445 right (17 wrong) without it."""
    return {"original_date": True, "extensive_search": False, "max_date": date.today().isoformat()}


def extract_html(html: str, url: str | None = None) -> ExtractedHtml:
    if not html.strip():
        raise HtmlError("empty HTML page")
    if _nesting_depth(html[:2_000_000]) > MAX_NESTING:
        text = visible_text(html)
        if not text:
            raise HtmlError(f"HTML nested deeper than {MAX_NESTING} elements and no text found")
        return ExtractedHtml(text, None, None, None, None, url, whole_page=True)
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
        deduplicate=False,
        date_extraction_params=_date_search(),
    )
    body = json_ld_article_body(html)
    if document is None or not (document.text or "").strip():
        if body is not None:
            return ExtractedHtml(
                body,
                None,
                None,
                None,
                None,
                url,
                canonical_url=canonical_url(html),
                original_source_url=original_source_url(html),
                published_time=published_time(html),
                from_structured_data=True,
                declared_site_name=declared_site_name(html),
            )
        text = visible_text(html)
        if not text:
            raise HtmlError("no article text found in the HTML")
        return ExtractedHtml(text, None, None, None, None, url, whole_page=True)
    text, layout_lines = layout_cells_as_lines(document.text)
    from_structured_data = body is not None and _holds_far_more(body, text)
    if from_structured_data:
        # A paywalled or script-built page shows a teaser; its structured data hold the whole text.
        text, layout_lines = body, frozenset()
    page_title = title_tag_text(html)
    names = site_names(None, document.url or url)
    title = confirmed_title(document.title, page_title, names)
    title = headline_under_banner(title, page_title, html, text, names) or title
    if title is not None:
        title = headline_of_broken_title(title)
    if title and (is_site_banner(title, names) or lists_the_sites_sections(title)):
        # The site's name, or what it covers, is no headline (nor a broken <title>, above): the text's
        # lines are read for one instead.
        title = None
    return ExtractedHtml(
        text=text,
        title=title,
        date=_confirmed_date(document.date, html, document.url or url),
        author=document.author,
        outlet=document.sitename,
        url=document.url or url,
        page_title=page_title,
        layout_lines=layout_lines,
        canonical_url=canonical_url(html),
        original_source_url=original_source_url(html),
        published_time=published_time(html),
        from_structured_data=from_structured_data,
        declared_site_name=declared_site_name(html),
    )


_JSON_LD = re.compile(
    r"<script\b[^>]*\btype\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL
)
# How deep in a JSON-LD document an article is looked for (its @graph, a list of items, a mainEntity).
JSON_LD_DEPTH = 4
_PARAGRAPH_END = re.compile(r"</p\s*>|<br\s*/?>", re.IGNORECASE)


def json_ld_article_body(html: str) -> str | None:
    """The text of the article a page's JSON-LD gives as its articleBody (paragraphs apart where the
    body marks them), or None."""
    if "articleBody" not in html:
        return None
    for block in _JSON_LD.findall(html):
        try:
            data = json.loads(block.strip())
        except (ValueError, RecursionError):  # HTML comments, entities, a trailing comma; nested too deep
            continue
        body = _article_body(data, JSON_LD_DEPTH)
        if body:
            text = _TAG.sub("", _PARAGRAPH_END.sub("\n\n", body)) if "<" in body else body
            paragraphs = [" ".join(line.split()) for line in unescape(text).split("\n")]
            return "\n\n".join(paragraph for paragraph in paragraphs if paragraph) or None
    return None


def _article_body(data: object, depth: int) -> str | None:
    if depth < 0:
        return None
    if isinstance(data, dict):
        body = data.get("articleBody")
        if isinstance(body, str) and body.strip():
            return body
        data = list(data.values())
    if isinstance(data, list):
        for item in data:
            if isinstance(item, (dict, list)) and (body := _article_body(item, depth - 1)):
                return body
    return None


# An extract gives way to the structured data's body holding this many times its words, and this many
# more: a teaser above a paywall's prompt, not an extract that missed a caption or two.
BODY_GAIN = 1.5
BODY_GAIN_WORDS = 40


def _holds_far_more(body: str, text: str) -> bool:
    body_words, text_words = len(body.split()), len(text.split())
    return body_words >= BODY_GAIN * text_words and body_words - text_words >= BODY_GAIN_WORDS


# A <link> element whose rel names it canonical; its href is read apart (attributes come in any order).
# Each element's attributes are read up to 2,000 characters: a page of unclosed tags costs no more.
_CANONICAL_LINK = re.compile(r"<link\b[^>]{0,2000}\brel\s*=\s*[\"']?canonical\b[^>]{0,2000}>", re.IGNORECASE)
_ORIGINAL_SOURCE_META = re.compile(
    r"<meta\b[^>]{0,2000}\bname\s*=\s*[\"']?(?:original-source|syndication-source)[\"']?[^>]{0,2000}>", re.IGNORECASE
)
_HREF = re.compile(r"\bhref\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.IGNORECASE)
# Where the <head> ends, at the latest: the links and metadata read stand in it.
HEAD_REACH = 200_000


# The publication time in a page's metadata: <meta property="article:published_time" content="...">
# (attributes in either order) or JSON-LD's "datePublished".
_PUBLISHED_META = re.compile(
    r"<meta\b[^>]{0,2000}\b(?:property|name|itemprop)\s*=\s*[\"']?(?:article:published_time|datePublished)[\"']?[^>]{0,2000}>",
    re.IGNORECASE,
)
_CONTENT = re.compile(r"\bcontent\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)
_JSON_LD_PUBLISHED = re.compile(r"[\"']datePublished[\"']\s*:\s*[\"']([^\"']{10,40})[\"']")


_SITE_NAME_META = re.compile(
    r"<meta\b[^>]{0,2000}\bproperty\s*=\s*[\"']?og:site_name[\"']?[^>]{0,2000}>", re.IGNORECASE
)


def _head_attribute(element: re.Pattern[str], attribute: re.Pattern[str], html: str) -> str | None:
    """The value (as written) of an attribute of the first element of the page's head that `element`
    matches, or None."""
    found = element.search(html, 0, HEAD_REACH)
    value = attribute.search(found.group(0)) if found is not None else None
    return next(group for group in value.groups() if group is not None) if value is not None else None


def declared_site_name(html: str) -> str | None:
    """The site's name as the page's og:site_name declares it, or None."""
    value = _head_attribute(_SITE_NAME_META, _CONTENT, html)
    return (unescape(value).strip() or None) if value is not None else None


def published_time(html: str) -> str | None:
    """The time of publication a page's metadata gives, as written, or None."""
    value = _head_attribute(_PUBLISHED_META, _CONTENT, html)
    if value is not None:
        return value.strip()
    found = _JSON_LD_PUBLISHED.search(html)
    return found.group(1).strip() if found is not None else None


def canonical_url(html: str) -> str | None:
    """The absolute web address a page names as its canonical one, or None."""
    return _absolute(_head_attribute(_CANONICAL_LINK, _HREF, html))


def original_source_url(html: str) -> str | None:
    """The absolute web address of the original a syndicated page names in its metadata, or None."""
    return _absolute(_head_attribute(_ORIGINAL_SOURCE_META, _CONTENT, html))


def _absolute(value: str | None) -> str | None:
    address = unescape(value).strip() if value is not None else ""
    return address if address.lower().startswith(("http://", "https://")) else None


def _confirmed_date(found: str | None, html: str, url: str | None) -> str | None:
    """trafilatura's date (ISO) where the page does not leave it to a guess (dates.confirmed_figure_date)."""
    if not found:
        return found
    try:
        value = date.fromisoformat(found[:10])
    except ValueError:
        return found
    confirmed = confirmed_figure_date(value, html, url)
    if confirmed is None:
        return None
    return found if confirmed == value else confirmed.isoformat()


# A cell of a layout table holding prose: an old site's page laid out in a table, the article in one
# cell beside the menu's and the teasers'.
LAYOUT_CELL_WORDS = 25
# trafilatura writes a cell's paragraphs one after another with runs of spaces between them.
_CELL_PARAGRAPH_BREAK = re.compile(r"\s{3,}")


def layout_cells_as_lines(text: str) -> tuple[str, frozenset[str]]:
    """trafilatura writes a table's row as one line ("| cell | cell |"): a row with a cell of prose
    is layout, not data, and each of its cells' paragraphs becomes a line of its own. Returns the
    text and the keys (lines.line_key) of those lines: the cleaner holds them to a whole page's
    threshold, as it holds the rows of a layout table."""
    if "|" not in text:
        return text, frozenset()
    lines: list[str] = []
    from_cells: list[str] = []
    for line in text.split("\n"):
        if line.startswith("|"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if any(cell.count(" ") + 1 >= LAYOUT_CELL_WORDS for cell in cells):
                paragraphs = [
                    paragraph.strip()
                    for cell in cells
                    for paragraph in _CELL_PARAGRAPH_BREAK.split(cell)
                    if paragraph.strip()
                ]
                # Marked as a row's cell: the line model reads such lines better so (held-out HTML +
                # site pass L3S-GN1 0.931 -> 0.934, 0.931 unmarked); the mark leaves the output.
                lines += [CELL_MARK + paragraph for paragraph in paragraphs]
                from_cells += paragraphs
                continue
        lines.append(line)
    return "\n".join(lines), frozenset(line_keys(from_cells))


_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_HEADLINE_WORD = re.compile(r"\w+")
# A <title> part of fewer words is a site's or a section's name, no headline.
TITLE_TAG_HEADLINE_WORDS = 3
SHARED_TITLE_WORD = 4


def title_tag_text(html: str) -> str | None:
    """The text of the page's <title>, if it has one with words."""
    title_tag = _TITLE_TAG.search(html[:200_000])
    if title_tag is None:
        return None
    return " ".join(unescape(_TAG.sub(" ", title_tag[1])).split()) or None


def confirmed_title(metadata_title: str | None, page_title: str | None, names: tuple[str, ...] = ()) -> str | None:
    """trafilatura's title (a page's og:title first, else a heading), unless it shares no word with
    the page's <title> and is shorter than its headline part: then that part. Some sites give every
    page their own name or motto as og:title ("Official Blog of the National Football League"), and
    a page without one can lead trafilatura to a widget's heading ("Share this:", "Local Teams"). A
    title that is the site's name (`names`, see site_names) always gives way. Where trafilatura finds
    no title, the <title>'s headline part is the title (on 400 crawled pages: 14 more headlines, and
    bodies without them; one section's name, "NY1: Top Stories", for a headline read from the text)."""
    if page_title is None:
        return metadata_title
    if not metadata_title:
        # trafilatura finds no title on some pages whose <title> has one (in a head it cannot read).
        headline, names_the_site = _title_tag_headline(page_title, names)
        least = 1 if names_the_site else TITLE_TAG_HEADLINE_WORDS
        return headline if len(headline.split()) >= least and not is_site_banner(headline, names) else None
    banner = is_site_banner(metadata_title, names)
    # trafilatura takes a "Site - Headline" <title>'s first part for the headline: where that part
    # holds the site's name and another holds three words or more and not the name, that one is it.
    parts = [part.strip() for part in TITLE_SEPARATOR.split(page_title)]
    if metadata_title.strip() in parts and names_the_site_within(metadata_title, names):
        others = [part for part in parts if part != metadata_title.strip() and not names_the_site_within(part, names)]
        longest = max(others, key=lambda part: len(part.split()), default="")
        if len(longest.split()) >= TITLE_TAG_HEADLINE_WORDS:
            return longest
    # A title sharing a word with the <title> is the headline in other words (an og:title written
    # for sharing, a <title> for search engines): kept.
    if not banner and _shares_a_word(metadata_title, page_title):
        return metadata_title
    headline, names_the_site = _title_tag_headline(page_title, names)
    words = len(headline.split())
    least = 1 if names_the_site else TITLE_TAG_HEADLINE_WORDS
    # A <title> part no longer than the title is as likely the site's name ("The Anatolian Times" for
    # "US-Iran tension on the rise after standoff in Strait of Hormuz"), unless the <title> names the
    # site beside it ("Posluszny agrees with owner ... - NFL.com" where every page's og:title is the
    # blog's motto).
    longer = words > len(metadata_title.split()) or (names_the_site and words >= TITLE_TAG_HEADLINE_WORDS)
    if words >= least and (banner or longer):
        return headline
    return metadata_title


def _title_tag_headline(page_title: str, names: tuple[str, ...]) -> tuple[str, bool]:
    """The headline part of a <title> (its longest part once the site's name is off), and whether
    the site's name was all the rest."""
    without_site = headline_after_site_name(page_title, names)
    parts = TITLE_SEPARATOR.split(without_site)
    headline = max(parts, key=lambda part: len(part.split()), default="")
    # What the site's name leaves of the <title>, in one part, is its headline however short
    # ("Letters of Note: Please advise"); else a part of fewer words is a section's name.
    return headline, without_site != page_title and len(parts) == 1


def headline_under_banner(
    title: str | None, page_title: str | None, html: str, article_text: str, names: tuple[str, ...] = ()
) -> str | None:
    """The rest of the page's <title> where the title is one end of it ("Rand's Blog" of "Why I'm a
    Conference Whore « Rand's Blog") and that rest stands on the page under the title and above the
    article's text: a blog's name heads each of its pages as the first heading, where trafilatura
    looks for a title. None when the page does not show it so (the title is then the headline and
    the rest the site's name, as in "Vacations! — Paulo Coelho's Blog")."""
    if not title or not page_title:
        return None
    title_key = paragraph_key(title)
    rest = None
    for separator in TITLE_PARTS.finditer(page_title):
        head, tail = page_title[: separator.start()].strip(), page_title[separator.end() :].strip()
        if paragraph_key(tail) == title_key:
            rest = head
        elif paragraph_key(head) == title_key:
            rest = tail
    # The extract's first line of prose: a tagline or a date line may come before it.
    opening = next((line for line in article_text.split("\n") if len(line.split()) >= BODY_LINE_WORDS), "")
    first_words = paragraph_key(opening)[:BODY_OPENING_CHARACTERS]
    if (
        rest is None
        or len(rest.split()) < TITLE_TAG_HEADLINE_WORDS
        or not first_words
        or is_site_banner(rest.removeprefix("The ").removeprefix("the "), names)
        # "Headline | Stephen M. Walt": a columnist's name, the byline under the headline.
        or name_line(rest) is not None
    ):
        return None
    rest_key = paragraph_key(rest)
    keys = [paragraph_key(line) for line in visible_text(html).split("\n")]
    # Links and emphasis break a paragraph into several lines of the visible text: its opening is
    # looked for across them.
    starts = list(accumulate((len(key) + 1 for key in keys), initial=0))
    found = " ".join(keys).find(first_words)
    if found < 0:
        return None
    body = bisect.bisect_right(starts, found) - 1
    shown = keys[:body]
    # Of the two ends of the <title>, the one standing nearer above the article's text is its
    # headline, the other the site's heading higher up.
    headline = max((position for position, key in enumerate(shown) if key == rest_key), default=None)
    banner = max((position for position, key in enumerate(shown) if key == title_key), default=None)
    if headline is None or banner is None or not banner < headline or body - headline > BANNER_REACH:
        return None
    return rest


# How much of the article's opening (its words, lower-cased and spaced) finds its place on the page,
# read from the extract's first line of this many words (a shorter one may be a tagline or a date).
BODY_OPENING_CHARACTERS = 60
BODY_LINE_WORDS = 8
# Lines of the page from a post's headline to its text.
BANNER_REACH = 30


def _shares_a_word(first: str, second: str) -> bool:
    """Whether two texts share a word of SHARED_TITLE_WORD letters or more ("Olympic" and "Olympics"
    alike: words compared by their first SHARED_TITLE_WORD + 1 letters)."""
    return bool(_title_stems(first) & _title_stems(second))


def _title_stems(text: str) -> set[str]:
    words = _HEADLINE_WORD.findall(text.lower())
    return {word[: SHARED_TITLE_WORD + 1] for word in words if len(word) >= SHARED_TITLE_WORD}
