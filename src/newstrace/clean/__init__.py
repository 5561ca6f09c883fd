"""Cleaning: a Page in, its articles out (body paragraphs, captions, metadata, removed lines)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlparse

from newstrace.clean.credits import (
    ANY_AGENCY,
    byline_without_employer,
    byline_without_outlets,
    byline_without_role,
    names_another_site,
    readable_byline,
)
from newstrace.clean.dates import date_from_url, metadata_time, month_from_url
from newstrace.clean.headlines import site_names, title_line
from newstrace.clean.html import HtmlError, extract_html, figure_captions, visible_text
from newstrace.clean.line_model import LineModel, default_line_model
from newstrace.clean.lines import line_key, matching_rule
from newstrace.clean.normalize import normalize_characters, normalize_text
from newstrace.clean.patterns import LINE_RULES, NOT_AN_ARTICLE_SENTENCE
from newstrace.clean.site import PAGE_TITLE, content_words
from newstrace.clean.text import (
    BODY_THRESHOLD,
    DIGEST_TITLE,
    EXTRACTED_BODY_THRESHOLD,
    LEDE_PARAGRAPHS,
    MARKUP_REASON,
    TEXT_FROM,
    CleanedText,
    TextToClean,
    clean_texts,
)
from newstrace.model import CANONICAL_ELSEWHERE, PUBLISHED_TIME, Article, Page
from newstrace.sentences.words import count_words

# Words the visible text of an HTML page must give as body, where trafilatura's extract gave none,
# for the page to have an article (on the 2,070 training pages as HTML: 5 pages read this way, of
# 20 to 1,835 words; the 20 were a magazine's blurb and its menu).
MIN_FALLBACK_WORDS = 50
# trafilatura reads a page laid out in tables (most news sites of the 2000s) cell by cell, with the
# menus and teasers of the cells beside the article's: there the page's whole-text reading replaces
# the extract's where the extract kept words of its own (it holds at most LAYOUT_EXTRACT_HELD of the
# extract's content words: the extract kept cells the whole text's reading found no article in),
# and where it keeps MIN_FALLBACK_WORDS words and at most LAYOUT_READING_RATIO times the extract's (a
# reading that ran on into a comment thread or another page's text grows far longer). Of the held-out
# pages so laid out (221 of L3S-GN1's 580, 23 of Dragnet's 1,305; none of the measuring pages or
# CleanPortalEval), 40 and 6 are read so: 26 and 3 better by more than 0.1 F1, 4 and 2 worse. HTML
# path with the site pass: L3S-GN1 0.945 -> 0.954, Dragnet 0.908 -> 0.909.
LAYOUT_READING_RATIO = 3
LAYOUT_EXTRACT_HELD = 0.8
SAME_WORDS_HELD = 0.95
# An extract shorter than this is checked against the page's whole text: that reading replaces it
# where it keeps LONG_READING_WORDS or more and holds at most EXTRACT_HELD of the extract's words.
SHORT_EXTRACT_WORDS = 80
LONG_READING_WORDS = 250
EXTRACT_HELD = 0.4
# An extract whose prose opens a long run of the page's text, with words of its own the reading does
# not hold, is the article's opening and the junk beside it (trafilatura stopped after the first
# paragraph): the reading replaces it where it keeps CONTINUED_READING_WORDS or more (and twice the
# extract's), holds at most EXTRACT_PARTLY_HELD of the extract's words, and RUN_SHARE of its words
# lie in one run of consecutive lines through the extract's prose. A short post's reading that went
# on into its comments or teasers breaks that run at their headings and stamps. On the held-out
# pages as HTML, two L3S-GN1 reports kept their first sentence alone (F1 0.04 and 0.22) and none of
# the 131 Dragnet pages read again meets the rule (the one with a long reading holding 0.59 of its
# extract, a blog post of 68 words over 812 of comments, has 3% of them in the post's run).
CONTINUED_READING_WORDS = 150
EXTRACT_PARTLY_HELD = 0.6
RUN_SHARE = 0.8
# A line of the reading this long, inside a paragraph of the extract as long (or holding it), is the extract's prose.
ANCHOR_WORDS = 8
# What the rules call a comment thread's heading when they remove it.
COMMENTS_REASON = next(rule.reason for rule in LINE_RULES if rule.name == "comments")
# A date read from a page's text this many days from the day its address spells is still its own.
ADDRESS_DATE_DAYS = 2


class CleaningError(ValueError):
    """A page that yields no article: the message says why."""


def clean_page(page: Page, line_model: LineModel | None = None, use_line_model: bool = True) -> list[Article]:
    """The articles of a page, named by the page's first name ("stem", or "stem#1", "stem#2").

    Lines are kept by `line_model` (default: the shipped one; the rules alone without it); from
    HTML, trafilatura's extract, only lines the model is sure are not body go."""
    result = clean_pages([page], line_model, use_line_model)[0]
    if isinstance(result, Exception):
        raise result
    return result


def clean_pages(
    pages: Sequence[Page], line_model: LineModel | None = None, use_line_model: bool = True
) -> list[list[Article] | Exception]:
    """clean_page for many pages, their lines scored by the line model in one batch; each page gets
    its articles or the error that stopped it (a CleaningError says why it has none)."""
    if use_line_model and line_model is None:
        line_model = default_line_model()
    model = line_model if use_line_model else None
    results: list[list[Article] | Exception] = []
    inputs: list[tuple[int, TextToClean, _Container]] = []
    for position, page in enumerate(pages):
        try:
            text, container = _text_of(page)
        except Exception as error:  # a CleaningError, or a page that breaks extraction: it fails alone
            results.append(error)
            continue
        results.append([])
        inputs.append((position, text, container))
    cleaned = _clean_each(inputs, model)
    # trafilatura's extract can miss the article (a page it reads as a list of links or comments, an
    # extract of nothing but a copyright line, or a block beside the article: a column of teasers, a
    # fixtures table): a page whose extract keeps few words is cleaned again from its whole visible
    # text, as a scraper would have saved it, and that reading may take its place (see
    # reads_the_article_instead). On the held-out L3S-GN1 pages, HTML + site pass 0.934 -> 0.941
    # (four extracts of teasers or fixtures); Dragnet, CleanPortalEval and the measuring pages unchanged.
    retry = [
        (number, position, _visible_text_of(pages[position], text))
        for number, (position, text, _) in enumerate(inputs)
        if not text.whole_page and (_word_count(_kept(cleaned[number])) < SHORT_EXTRACT_WORDS or text.layout_lines)
    ]
    if retry:
        again = _clean_each([(position, text, inputs[number][2]) for number, position, text in retry], model)
        for (number, _, text), parts in zip(retry, again, strict=True):
            extract, reading = _kept(cleaned[number]), _kept(parts)
            if reads_the_table_layout_instead(extract, reading, inputs[number][1]):
                _keep_the_extracts_headline(extract, reading)
                cleaned[number] = parts
            elif reads_the_article_instead(extract, reading) or continues_the_extract(extract, reading, text.text):
                cleaned[number] = parts
    _date_and_credit_from_visible_text(pages, inputs, cleaned, model)
    for (position, text, container), parts in zip(inputs, cleaned, strict=True):
        if isinstance(parts, Exception):
            results[position] = parts
            continue
        kept = _kept(parts)
        if not kept:
            results[position] = CleaningError(_nothing_kept_message(parts))
            continue
        if len(kept) == 1 and is_teaser_listing(kept[0].paragraphs):
            results[position] = CleaningError(TEASER_LISTING_MESSAGE)
            continue
        if len(kept) == 1 and is_site_notice_page(kept[0]):
            results[position] = CleaningError(SITE_NOTICE_MESSAGE)
            continue
        page = pages[position]
        if page.html is not None and not text.whole_page:
            _add_figure_captions(kept[0], figure_captions(page.html))
        # An address that spells out a day ("/2012/08/09/") dates the page's first article when
        # nothing in it does: the publisher's own record of the day, no guess. It also outweighs a
        # date read from the text days away from it (a sidebar's, a comment's, an update's).
        if (from_address := date_from_url(container.url)) is not None and (
            kept[0].date is None or _far_from(kept[0].date, from_address)
        ):
            kept[0].date, kept[0].date_source = from_address, "address"
        elif (
            from_address is None
            and kept[0].date is not None
            and kept[0].date_source != "metadata"
            and (month := month_from_url(container.url)) is not None
            and not _within_month(kept[0].date, month)
        ):
            # A month's folder ("/2012/08/") rules out a date the text gives in another month (a sidebar's
            # post, a photo's day): of the 2,167 measuring and training pages, 14 such text dates, none
            # the page's, against 555 in the address's month, 544 the page's.
            kept[0].date, kept[0].date_source = None, None
        for report in kept[1:]:
            # A digest's reports are of the day it is dated.
            if DIGEST_TITLE in report.metadata and report.date is None:
                report.date, report.date_source = kept[0].date, kept[0].date_source
        if container.page_title and container.page_title != kept[0].title:
            kept[0].metadata[PAGE_TITLE] = container.page_title
        if container.text_from:
            kept[0].metadata[TEXT_FROM] = container.text_from
        if container.canonical_elsewhere:
            kept[0].metadata[CANONICAL_ELSEWHERE] = container.canonical_elsewhere
        if (
            kept[0].date_source == "metadata"
            and kept[0].date is not None
            and (stamp := metadata_time(container.published_time, kept[0].date.isoformat()))
        ):
            # The feed's time of day: two versions of one page, or a copy of the same day, are told apart by it.
            kept[0].metadata[PUBLISHED_TIME] = stamp
        results[position] = [
            _to_article(page, part, number, len(kept), container.outlet, container.url)
            for number, part in enumerate(kept, start=1)
        ]
    return results


# A figure caption of fewer words is a player's or a widget's label ("Watch on YouTube").
MIN_FIGURE_CAPTION_WORDS = 4


def _add_figure_captions(article: CleanedText, captions: list[str]) -> None:
    """The page's figure captions, which the extract left out, as the first article's captions where
    its text does not hold them already; not a prompt a named rule knows ("Subscribe to ...")."""
    held = {line_key(line) for line in (*article.paragraphs, *article.captions)}
    for caption in captions:
        key, words = line_key(caption), count_words(caption)
        if words >= MIN_FIGURE_CAPTION_WORDS and key not in held and matching_rule(caption, words) is None:
            article.captions.append(caption)
            held.add(key)


def _within_month(found: date, month: tuple[int, int]) -> bool:
    """Whether a date falls in the address's month, or ADDRESS_DATE_DAYS from it (a time zone)."""
    first = date(month[0], month[1], 1)
    after = date(month[0] + month[1] // 12, month[1] % 12 + 1, 1)
    return (first - timedelta(days=ADDRESS_DATE_DAYS)) <= found < (after + timedelta(days=ADDRESS_DATE_DAYS))


def _far_from(found: date, from_address: date) -> bool:
    """Whether a page's date is more than ADDRESS_DATE_DAYS from its address's.

    On the 2,070 training pages as a crawl, 433 articles were dated by their text and had a day in
    their address: 404 the same day, 16 a day or two off (a time zone, an update's stamp), 13 further.
    Those 13, read: the address was right wherever it could be told (a match report's game day
    against its page's later stamp, a sidebar's date, a comment's). Of the 536 HTML pages of the
    2,167 measuring and training pages dated by their metadata and by their address, 531 agree, 2 are
    a day or two apart and 3 further, where the address was right each time: the metadata held the
    day the page was saved (its masthead's "January 15, 2008" over a report of January 2), or the
    date of the claim a fact-check examines."""
    return abs((found - from_address).days) > ADDRESS_DATE_DAYS


def _date_and_credit_from_visible_text(
    pages: Sequence[Page],
    inputs: Sequence[tuple[int, TextToClean, _Container]],
    cleaned: list[list[CleanedText] | Exception],
    model: LineModel | None,
) -> None:
    """Date an HTML page's article that its metadata and trafilatura's extract leave undated, and credit
    one they leave uncredited, from the page's whole visible text, where its date line or post line,
    its byline naming the agency ("By ANA RUIZ, Associated Press Writer") or its copyright notice
    stands (the extract drops them), with the date line's author where none is known. Only where that
    reading finds the same article (most words of the shorter in common). Dates: on 467 training
    pages whose address gives their date, 15 of the 17 the HTML path left undated got that date, none
    another. Credits: a page is read again only where its markup names an agency; L3S-GN1 articles
    credited 104 -> 142 (the plain-text path's 140), Dragnet 10 -> 16, each new credit's source read."""
    wanting: list[tuple[CleanedText, int, TextToClean]] = []
    for number, (position, text, _) in enumerate(inputs):
        kept = _kept(cleaned[number])
        html = pages[position].html
        if text.whole_page or not html or not kept:
            continue
        undated = text.metadata_date is None and kept[0].date is None
        # The markup is searched, not parsed: most pages name no agency anywhere and are not read again.
        uncredited = kept[0].credit is None and _NAMES_AN_AGENCY.search(html) is not None
        if undated or uncredited:
            wanting.append((kept[0], position, text))
    if not wanting:
        return
    readings = _clean_each(
        [(position, _visible_text_of(pages[position], text), _Container(None, None)) for _, position, text in wanting],
        model,
    )
    for (article, _, _), reading in zip(wanting, readings, strict=True):
        words = _words_of(article.paragraphs)
        for part in _kept(reading):
            theirs = _words_of(part.paragraphs)
            if len(theirs & words) < SAME_ARTICLE_WORDS * min(len(theirs), len(words)):
                continue
            article.credit = article.credit or part.credit
            if article.date is None and part.date is not None:
                # The byline only with the date: the post line or date line that gives both.
                article.date, article.date_source = part.date, part.date_source
                article.byline = article.byline or part.byline
            break


# An agency's name anywhere on a page: only such a page's visible text is read again for its credit.
_NAMES_AN_AGENCY = re.compile(rf"\b(?:{ANY_AGENCY})\b")


def _words_of(paragraphs: list[str]) -> set[str]:
    return {word for paragraph in paragraphs for word in _WORD.findall(paragraph.lower())}


def _clean_each(
    inputs: Sequence[tuple[int, TextToClean, _Container]], model: LineModel | None
) -> list[list[CleanedText] | Exception]:
    """The cleaned parts of each input, in one batch; if one page breaks it, each page alone."""
    try:
        return list(clean_texts([text for _, text, _ in inputs], model))
    except Exception:
        cleaned: list[list[CleanedText] | Exception] = []
        for _, text, _ in inputs:
            try:
                cleaned.append(clean_texts([text], model)[0])
            except Exception as error:
                cleaned.append(error)
        return cleaned


def reads_the_article_instead(extract: list[CleanedText], reading: list[CleanedText]) -> bool:
    """Whether a page's whole-text reading replaces trafilatura's extract of it: the extract kept
    nothing and the reading an article (a blurb and two links read from a page's furniture are
    none), or the extract is a short block beside a long article that holds few of its words (a
    column of teasers, a fixtures table), on a page without a comment thread."""
    if not extract:
        return _word_count(reading) >= MIN_FALLBACK_WORDS
    return (
        _word_count(reading) >= LONG_READING_WORDS
        and _held_in(extract, reading) <= EXTRACT_HELD
        and not _has_comments(reading)
    )


def reads_the_table_layout_instead(extract: list[CleanedText], reading: list[CleanedText], text: TextToClean) -> bool:
    """Whether a page laid out in tables is read from its whole text rather than from trafilatura's
    extract of its cells (see LAYOUT_READING_RATIO)."""
    words = _word_count(reading)
    if not text.layout_lines or not MIN_FALLBACK_WORDS <= words <= LAYOUT_READING_RATIO * _word_count(extract):
        return False
    held = _held_in(extract, reading)
    if held <= LAYOUT_EXTRACT_HELD:
        return True
    # The same words both ways: the reading keeps the page's lines as paragraphs and its headline,
    # where the extract of the cells ran them into one and left the headline in a cell with the
    # agency's post line.
    return (
        held >= SAME_WORDS_HELD
        and words >= SAME_WORDS_HELD * _word_count(extract)
        and bool(reading and reading[0].title)
        and not (extract and extract[0].title)
    )


def _keep_the_extracts_headline(extract: list[CleanedText], reading: list[CleanedText]) -> None:
    """Where a page's whole-text reading replaces the extract of its table cells, the title the extract
    gave stays if it names something of the reading's lede: above a table-laid article the whole text
    has promotions and photographs' captions (which name the lede's people too), which the extract's
    narrower text left out; a title naming none of it is a date or a section's name."""
    if not extract or not reading or not extract[0].title:
        return
    lede = content_words(" ".join(reading[0].paragraphs[:LEDE_PARAGRAPHS]))
    if content_words(extract[0].title) & lede:
        reading[0].title = extract[0].title


def continues_the_extract(extract: list[CleanedText], reading: list[CleanedText], text: str) -> bool:
    """Whether a page's whole-text reading is the article whose opening alone trafilatura's extract
    took, beside junk of its own: see CONTINUED_READING_WORDS."""
    extract_words, reading_words = _word_count(extract), _word_count(reading)
    # No test for a comment thread here: its heading breaks the run, as it ends the article.
    if not extract or reading_words < max(CONTINUED_READING_WORDS, 2 * extract_words):
        return False
    if not EXTRACT_HELD < _held_in(extract, reading) <= EXTRACT_PARTLY_HELD:
        return False
    return _run_through(extract, reading, normalize_text(text).lines) >= RUN_SHARE * reading_words


def _run_through(extract: list[CleanedText], reading: list[CleanedText], lines: list[str]) -> int:
    """The words of the longest run of the reading's lines, consecutive on the page (blank lines
    aside), that holds a line of the extract's prose."""
    page_lines = [line for line in lines if line.strip()]
    kept: dict[int, str] = {}
    cursor = 0
    for line in (line for part in reading for line in part.body_lines):
        # The reading's lines are the page's, in order: each is found after the one before.
        try:
            found = page_lines.index(line, cursor)
        except ValueError:
            continue
        kept[found] = line
        cursor = found + 1
    paragraphs = [
        line_key(paragraph)
        for part in extract
        for paragraph in part.paragraphs
        if len(paragraph.split()) >= ANCHOR_WORDS
    ]
    longest = 0
    for position, line in kept.items():
        key = line_key(line)
        if len(line.split()) < ANCHOR_WORDS or not any(key in theirs or theirs in key for theirs in paragraphs):
            continue
        first, last = position, position
        while first - 1 in kept:
            first -= 1
        while last + 1 in kept:
            last += 1
        longest = max(longest, sum(len(kept[index].split()) for index in range(first, last + 1)))
    return longest


def _word_count(parts: list[CleanedText]) -> int:
    return sum(len(paragraph.split()) for part in parts for paragraph in part.paragraphs)


def _held_in(extract: list[CleanedText], reading: list[CleanedText]) -> float:
    """The share of the extract's content words (no stop words: any two English texts share those)
    that the other reading's text holds."""
    words = content_words(" ".join(paragraph for part in extract for paragraph in part.paragraphs))
    theirs = content_words(" ".join(paragraph for part in reading for paragraph in part.paragraphs))
    return len(words & theirs) / len(words) if words else 1.0


def _has_comments(parts: list[CleanedText]) -> bool:
    """Whether a reading met a comment thread's heading: there, long comments read as paragraphs, and
    a short post's extract stands against the thread (two held-out blogs)."""
    return any(item.reason == COMMENTS_REASON for part in parts for item in part.removed)


TEASER_LISTING_MESSAGE = "no article text found on the page, only a list of other articles' teasers"
# A teaser's snippet cut off by an ellipsis ("... were missing..."); a prose paragraph has this many words.
_CUT_OFF = re.compile(r"(?:\.\.\.|…)\s*$")
LISTING_PROSE_WORDS = 8
LISTING_TEASERS = 3


def is_teaser_listing(paragraphs: list[str]) -> bool:
    """Whether a page's text is a list of other articles' teasers (an aggregator's or a section's page):
    its first paragraph of prose is a snippet cut off by an ellipsis, as LISTING_TEASERS or more are and
    at least half of them. An article's lede is never cut off; a text with teasers after it keeps it.
    On the 2,837 text, 2,167 HTML and 924 PolNeAR readings, no page reads so."""
    prose = [paragraph for paragraph in paragraphs if len(paragraph.split()) >= LISTING_PROSE_WORDS]
    cut_off = [paragraph for paragraph in prose if _CUT_OFF.search(paragraph)]
    return bool(prose) and bool(_CUT_OFF.search(prose[0])) and len(cut_off) >= max(LISTING_TEASERS, len(prose) / 2)


SITE_NOTICE_MESSAGE = (
    "no article text found: the page is the site's notice (page not found, access denied, a browser"
    " check or a cookie consent wall)"
)
# A notice page is short: at most this many words of text, and at least this share of them in
# paragraphs (or the title) saying why there is no article.
SITE_NOTICE_WORDS = 150
SITE_NOTICE_SHARE = 0.5


def is_site_notice_page(article: CleanedText) -> bool:
    """Whether an article's text is a site's notice instead of an article: a missing page, a barred
    one, a bot check or a consent wall (NOT_AN_ARTICLE_SENTENCE), most of its few words saying so."""
    parts = [part for part in (article.title, *article.paragraphs) if part]
    words = [count_words(part) for part in parts]
    total = sum(words)
    if not total or total > SITE_NOTICE_WORDS:
        return False
    saying_so = (NOT_AN_ARTICLE_SENTENCE.search(part.strip()) is not None for part in parts)
    notice = sum(count for count, says in zip(words, saying_so, strict=True) if says)
    return notice >= SITE_NOTICE_SHARE * total


def _nothing_kept_message(parts: list[CleanedText]) -> str:
    """Why a page yields no article; a page of nothing but code or encoded data says so."""
    reasons = {line.reason for part in parts for line in part.removed}
    if reasons == {MARKUP_REASON}:
        return f"no article text found on the page, only {MARKUP_REASON}"
    return "no article text found on the page"


def _kept(parts: list[CleanedText] | Exception) -> list[CleanedText]:
    """The parts that hold text: a paragraph with a word in it (a page of emoji and marks has none)."""
    if isinstance(parts, Exception):
        return []
    return [part for part in parts if any(_WORD.search(paragraph) for paragraph in part.paragraphs)]


def _visible_text_of(page: Page, extracted: TextToClean) -> TextToClean:
    """The page's whole visible text to clean as a scraped page, with the metadata found before."""
    return TextToClean(
        visible_text(page.html or ""),
        extracted.title,
        extracted.metadata_date,
        extracted.author,
        BODY_THRESHOLD,
        site_names=extracted.site_names,
    )


# metadata text_from of an article read from its page's JSON-LD articleBody.
STRUCTURED_DATA = "structured data (JSON-LD articleBody)"
# Two readings of a page tell one article when most words of the shorter are the other's too.
SAME_ARTICLE_WORDS = 0.6
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class _Container:
    outlet: str | None
    url: str | None
    # An HTML page's <title>, or a scraped page's first line where it has that form: kept beside the
    # article's title for the site pass (clean.site), which can tell from many pages of a site that
    # a title is the site's name, and the headline is here.
    page_title: str | None = None
    # The canonical address an HTML page names on another site than its own: the page is that
    # site's article, carried here (a syndication partner's copy points to the original so).
    canonical_elsewhere: str | None = None
    # The page's date as its feed or metadata wrote it, time of day and all.
    published_time: str | None = None
    # Where the text came from when not from what the page shows (TEXT_FROM).
    text_from: str | None = None


def _text_of(page: Page) -> tuple[TextToClean, _Container]:
    """The text to clean and the metadata around it: the page's own, else what trafilatura finds."""
    title, date, author, outlet, url = page.title, page.date, page.author, page.outlet, page.url
    # A record's own title and author went through the scraper that made its text's mojibake.
    title, author = (normalize_characters(value) if value else value for value in (title, author))
    if page.text is not None:
        names = site_names(outlet, url)
        text = TextToClean(page.text, title, date, author, BODY_THRESHOLD, site_names=names)
        first_line = title_line(page.text)
        if title and first_line and line_key(title) not in line_key(first_line):
            # A record that names its title: a first line without it is the text's (a dateline and
            # a dash read as a <title>'s parts), not the page's <title>.
            first_line = None
        return text, _Container(outlet, url, first_line, published_time=date)
    if page.html is None:
        raise CleaningError("page has neither text nor HTML")
    try:
        extracted = extract_html(page.html, page.url)
    except HtmlError as error:
        raise CleaningError(str(error)) from None
    address = url or extracted.url
    elsewhere = next(
        (
            named
            for named in (extracted.canonical_url, extracted.original_source_url)
            if named and address and _hosts_differ(named, address)
        ),
        None,
    )
    if (
        not url
        and address
        and extracted.declared_site_name
        and names_another_site(extracted.declared_site_name, address)
    ):
        # A saved page without its own address, whose canonical address is another site's than the one
        # it declares itself (a syndication partner's copy points to the original): that address is
        # the original's, and the page is the declared site's.
        elsewhere, address = address, None
        outlet = outlet or extracted.declared_site_name
    text = TextToClean(
        extracted.text,
        title or extracted.title,
        date or extracted.date,
        author or extracted.author,
        BODY_THRESHOLD if extracted.whole_page else EXTRACTED_BODY_THRESHOLD,
        whole_page=extracted.whole_page,
        # trafilatura's site name is at times the headline part of the <title> ("Sacred Heart wins
        # debut as No. 1" for "Sacred Heart wins debut as No. 1 - Examiner.com"): the address names it.
        site_names=site_names(outlet, address),
        layout_lines=extracted.layout_lines,
    )
    # The address's host names the outlet where there is one, the same on every page of the site
    # (the site pass reads an outlet's articles together); trafilatura's site name only where none
    # is. Its name is often a piece of the <title>: the site beside a section, a date or the
    # headline ("TheStar.com | Sports", "Ledger-Enquirer.com | 01/19/2008", "Allardyce leaves
    # Magpies"), or a copyright line; on the 2,070 training pages as HTML, 26 sites went by several
    # names, and the site pass read each name's pages apart.
    return text, _Container(
        outlet or outlet_of_url(address) or extracted.outlet,
        address,
        extracted.page_title,
        elsewhere,
        date or extracted.published_time,
        STRUCTURED_DATA if extracted.from_structured_data else None,
    )


def _hosts_differ(first: str, second: str) -> bool:
    """Whether two web addresses are on different sites ("www." aside); False where either has no host."""
    first_host, second_host = outlet_of_url(first), outlet_of_url(second)
    return bool(first_host and second_host and first_host != second_host)


def outlet_of_url(url: str | None) -> str | None:
    """The host of a web address without "www.", or None for no address or one without a host."""
    try:
        host = urlparse(url).hostname if url else None
    except ValueError:  # a malformed address (a bad port, a broken IPv6 literal)
        return None
    return host.removeprefix("www.") if host else None


def _to_article(
    page: Page, part: CleanedText, position: int, total: int, outlet: str | None, url: str | None
) -> Article:
    name = page.names[0]
    # Where no outlet is named, the address's host names it ("apnews.com"): known, not a guess.
    outlet = outlet or outlet_of_url(url)
    return Article(
        id=name if total == 1 else f"{name}#{position}",
        source=page.source,
        content_hash=page.content_hash,
        position=position,
        title=part.title,
        paragraphs=part.paragraphs,
        captions=part.captions,
        dateline=part.dateline,
        credit=part.credit,
        byline=readable_byline(
            byline_without_role(
                byline_without_outlets(
                    byline_without_employer(part.byline), (outlet, part.metadata.get("originally_published"))
                )
            )
        ),
        date=part.date.isoformat() if part.date else None,
        date_source=part.date_source,
        outlet=outlet,
        url=url,
        removed=part.removed,
        metadata=part.metadata,
    )
