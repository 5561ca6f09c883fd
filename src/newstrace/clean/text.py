"""The plain-text cleaner: page text in, articles with body, captions and metadata out.

The page is read as header, body and footer: the body runs from the first to the last line of
real prose; before it only a headline, a date line, a byline and captions survive, and after it
the article has ended at the first line that is plainly not part of it.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from itertools import accumulate, groupby, islice
from typing import NamedTuple

import numpy as np

from newstrace.clean.credits import (
    ANY_AGENCY,
    REPORTING_CREDIT,
    agency_byline,
    agency_line,
    author_line_agency,
    author_line_name,
    canonical_agency,
    closing_agency,
    contributing_agency,
    find_dateline,
    is_credit_paragraph,
    metadata_author,
    name_line,
    names_in_credit,
    names_someone,
    opens_with_a_date,
    parse_byline,
    place_in_capitals,
    post_line_author,
    split_dateline,
    split_reporter_credit,
    split_sign_off,
)
from newstrace.clean.dates import (
    DATE_LINE_DATES,
    MONTHS,
    WEEKDAYS,
    choose_article_date,
    find_dates,
    is_comment_stamp,
    is_date_line,
    is_time_stamp,
    is_update,
    month_day,
    publication_date,
    stamp_of_date_line,
)
from newstrace.clean.digests import digest_reports, opening_source_dateline
from newstrace.clean.headlines import (
    TITLE_PARTS,
    TITLE_SEPARATOR,
    headline_after_site_name,
    headline_of_broken_title,
    is_menu,
    is_section_label,
    is_site_banner,
    is_skip_link,
    mostly_figures,
    names_the_site_within,
    row_headline,
    without_leading_sections,
    without_site_name_tail,
    without_skip_links,
    without_title_label,
    without_trailing_sections,
)
from newstrace.clean.line_features import RuleDecisions, rule_features
from newstrace.clean.line_model import LineModel, PageToScore
from newstrace.clean.line_vocabulary import LABEL_WORDS, STOP_WORDS, WIDGET_WORDS
from newstrace.clean.lines import (
    POST_LINE_WORDS,
    SHORT_LINE_WORDS,
    Line,
    build_lines,
    build_pages_lines,
    headline_before_post,
    is_caption_form,
    line_key,
    with_day_first_dates,
)
from newstrace.clean.normalize import RULE_LINE_REASON, NormalizedText, normalize_text
from newstrace.clean.patterns import (
    AUTHOR_BOX_HEADING,
    AUTHOR_BOX_HEADING_WORDS,
    AUTHOR_MARK,
    AUTHOR_WORDS,
    LINE_RULES,
    POST_MARK,
    POSTING_MARK,
    POSTING_WORDS,
    SENTENCE_END,
    TRAILING_RULES,
    LineRule,
)
from newstrace.clean.site import content_words
from newstrace.clean.split import (
    bare_headline_split,
    find_article_boundaries,
    find_part_boundaries,
    headed_briefs_split,
)
from newstrace.model import PUBLISHED_TIME, RemovedLine
from newstrace.sentences.language import ENGLISH, guess_language
from newstrace.sentences.split import split_sentences
from newstrace.sentences.words import count_words, has_unspaced_script, spaced_pairs

SHORT_FOOTER_LINE = "short line after the article (teaser, topic or widget)"
MODEL_REASON = "line classifier: not article text"
PART_HEADING_REASON = "heading of a part of the article (teasers, comments)"
ABOVE_HEADLINE_REASON = "short line above the headline (site furniture)"
# Lines the model scores at least this likely to be body are kept (chosen by grouped cross-validation).
BODY_THRESHOLD = 0.4
# What trafilatura extracts from HTML is mostly body already: only lines the model is sure of go.
EXTRACTED_BODY_THRESHOLD = 0.02
# Fewer words than this kept by the model, where the rules keep at least RULES_ARTICLE_WORDS, is a
# page whose article the model missed (see _holds_the_article).
MODEL_MISSED_WORDS = 20
RULES_ARTICLE_WORDS = 300
# A paragraph of prose, not a line of a menu, a list of headlines or a credit.
PROSE_PARAGRAPH_WORDS = 25
# Reasons that send a line to an article field rather than drop it; they hold even where the model
# would keep the line (the body excludes headline, captions, date lines and bylines).
AGENCY_CREDIT_REASON = "agency credit line"
_FIELD_REASONS = frozenset({"title", "caption", "date line", "byline", AGENCY_CREDIT_REASON})
MARKUP_REASON = "HTML, script code or encoded data"
# A long line with hardly a function word and no full stop at its end is a list (newspapers of a group,
# a site's tags, stock names), not prose, whatever its neighbours make the model say. On the 2,167
# training and measuring pages the model kept 3,898 words of such lines that are no body and 45 that
# are (a test page's lorem ipsum); a table's row of figures (a box score) or code is left alone.
WORD_LIST_REASON = "list of names or topics (no sentence)"
WORD_LIST_WORDS = 40
WORD_LIST_FUNCTION_SHARE = 0.05
WORD_LIST_FIGURE_SHARE = 0.2
# Words of the scripts STOP_WORDS covers (Latin and Cyrillic letters, figures); other scripts have none.
_LISTED_SCRIPT_WORD = re.compile(r"^[0-9a-zß-öø-ÿа-яё_]+$")
_CODE_MARKS = re.compile(r"[{};=<>]")
POST_LINE_REASON = "post line (author and date)"
AUTHOR_LINE_REASON = "author line (byline)"
# Reasons that remove a line the model keeps (besides the line's own rule).
AUTHOR_BIO_REASON = "author bio"
PHOTO_CREDIT_REASON = next(rule.reason for rule in LINE_RULES if rule.name == "photo_credit")
TEASER_UNDER_LINK_REASON = "teaser list"
# "Image caption," alone on its line, over the caption it labels.
CAPTION_LABEL_REASON = "caption label"
_REASONS_WHATEVER_THE_MODEL_SAYS = frozenset(
    {
        "stray short token",
        MARKUP_REASON,
        POST_LINE_REASON,
        AUTHOR_LINE_REASON,
        WORD_LIST_REASON,
        AUTHOR_BIO_REASON,
        PHOTO_CREDIT_REASON,
        TEASER_UNDER_LINK_REASON,
        CAPTION_LABEL_REASON,
    }
)
# Lines after which, once the article's prose has begun, nothing is the article's: the rules' pass
# closes at a bio or a comments header after two paragraphs, the model's body at those or a heading
# of related articles after one (grouped CV, three seeds: plain text 0.923 -> 0.935, English
# 0.942 -> 0.951; a comment thread or teasers after a short post had read as its body).
_CLOSING_RULES = ("author_bio", "comments")
# A reporter's credit line or a copyright notice closes the article too, as a link heading alone
# does (see _closes_article and _foot_leaves_text_under); so does a tag list or a newsletter prompt
# at the foot, whose next line ("Get the week's news in your inbox every Friday.") reads as prose.
# On the 2,837 text readings 14 pages changed, all better (Dragnet 0.345 -> 0.625, L3S-GN1 0.717 ->
# 1.0); of the 2,167 HTML readings 11, 9 better (two measuring pages 0.948 -> 0.963, 0.989 -> 1.0).
_MODEL_CLOSING_RULES = (
    *_CLOSING_RULES,
    "related_heading",
    "reporter_credit",
    "copyright",
    "tags",
    "newsletter",
    "author_line",
)
# What the rules call the furniture above an article's first paragraph (menus, widgets, teasers).
_HEADER_REASONS = ("header: navigation, widget or teaser", "truncated teaser or breadcrumb")
_LINKED_TITLE = re.compile(r"[:|»›>]\s*\w")
_WORD = re.compile(r"\w+")
HEADLINE_FUNCTION_WORDS_FROM = 5
# A `<title>` line names the site too; shorter first lines are mostly a site's name or a menu.
TITLE_LINE_WORDS = 4
# Between the parts of a Chinese or Japanese `<title>`: an underscore or a bar, spaced or not, or a
# spaced dash ("Headline_Section_Site", "Headline｜Site", "Headline - Site").
_UNSPACED_TITLE_SEPARATOR = re.compile(r"\s*[_｜|]\s*|\s+[-–—]\s+")
# A headline line that carries the trail of pages to it ("Home > News > Headline", "InfoWorld Home /
# Cloud / News / Headline", "Site | Section | Headline"): the title is its last part.
_TRAIL_SEPARATOR = re.compile(r"\s+(»|›|>|/|\||::)\s+")
_HOME_STEP = re.compile(r"^(?:you\s+are\s+(?:here|in)\s*:?\s*)?(?:\S+\s+)?home$", re.IGNORECASE)
# Marks that only ever lead from the site to the page; a bar also ends a headline with the site's name.
_TRAIL_MARKS = frozenset("»›>/")
TRAIL_STEP_WORDS = 4
BARRED_TRAIL_STEP_WORDS = 2
TRAIL_HEADLINE_WORDS = 4
BARRED_TRAIL_HEADLINE_WORDS = 5
_TRAILING = tuple((rule, re.compile(rule.pattern, re.IGNORECASE)) for rule in TRAILING_RULES)


@dataclass(slots=True)
class CleanedText:
    """What the cleaner found in one article of a page, before it becomes an Article."""

    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    # The line each paragraph was read from: the first and last may since have lost a dateline, a
    # reporter credit or trailing junk, and the line model must still see those lines as kept.
    body_lines: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    dateline: str | None = None
    credit: str | None = None
    byline: str | None = None
    date: date | None = None
    date_source: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TextToClean:
    """A page's text with what its container said of it (title, date, author)."""

    text: str
    title: str | None = None
    metadata_date: str | None = None
    author: str | None = None
    body_threshold: float = BODY_THRESHOLD
    # A page's whole text, menus and all (False for trafilatura's extract of an HTML page).
    whole_page: bool = True
    # The site's name as its words run together ("paulocoelhoblog", "thewashingtonpost"): see site_names.
    site_names: tuple[str, ...] = ()
    # The keys of an extract's lines that were cells of a layout table (html.layout_cells_as_lines).
    layout_lines: frozenset[str] = frozenset()


def clean_text(
    text: str,
    title: str | None = None,
    metadata_date: str | None = None,
    author: str | None = None,
    line_model: LineModel | None = None,
    body_threshold: float = BODY_THRESHOLD,
) -> list[CleanedText]:
    """Clean a page's text into one article per glued part, in order; with a line model, the model
    decides which lines are body and the rules say where the others go and why."""
    return clean_texts([TextToClean(text, title, metadata_date, author, body_threshold)], line_model)[0]


def clean_texts(pages: Sequence[TextToClean], line_model: LineModel | None = None) -> list[list[CleanedText]]:
    """clean_text for many pages, the line model scoring all their lines in one batch."""
    with _without_cycle_collection():
        return _clean_texts(pages, line_model)


def _writes_day_first(text: str) -> bool:
    """Whether a page is in a language that writes all its dates in figures day first: any but
    English, whose American pages write the month first (British ones do not; left undecided)."""
    return guess_language(text) != ENGLISH


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while a batch is cleaned, as it was before if it was off.

    Cleaning makes many small objects that hold no reference cycles (lines, lists, tuples), so
    reference counting frees them all; each object made counts towards a collection, and the
    collections walk the whole heap, which holds the loaded models and word lists. On the 97
    measuring pages, cleaned 15 times: median 3.1 -> 2.5 ms a page."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _clean_texts(pages: Sequence[TextToClean], line_model: LineModel | None) -> list[list[CleanedText]]:
    normalized = [normalize_text(page.text) for page in pages]
    pages_lines = [
        with_day_first_dates(lines, partial(_writes_day_first, page.text))
        for page, lines in zip(pages, build_pages_lines([text.lines for text in normalized]), strict=True)
    ]
    # Where the line model reads a page, it takes only the kept lines and captions of the rules'
    # reading: the rules' removed lines are left out, and made only for a page the model leaves to
    # the rules. They lived as long as the batch: without them a fifth fewer garbage collections
    # (819 -> 637 on 970 pages) and _prepare 0.30 -> 0.20 ms a page.
    prepared = [
        _prepare(page, text, lines, record_removed=line_model is None or not lines)
        for page, text, lines in zip(pages, normalized, pages_lines, strict=True)
    ]
    if line_model is not None:
        scored = [item for item in prepared if item.lines]
        probabilities = line_model.batch_body_probabilities(
            [
                PageToScore(
                    [line.text for line in item.lines],
                    item.page.title,
                    rule_features(item.lines, _rule_decisions(item.rules_results)),
                    [line.key for line in item.lines],
                )
                for item in scored
            ]
        )
        for item, page_probabilities in zip(scored, probabilities, strict=True):
            # A page where the model finds no body at all (all list or table) is left to the rules.
            kept = _complete_runs_of_rows(
                item.lines,
                _complete_numbered_lists(
                    item.lines,
                    _keep_the_wire_lede(
                        item.lines,
                        _end_at_closing_line(item.lines, item.segments, _kept_by_model(item, page_probabilities)),
                    ),
                ),
            )
            teasers = teaser_lists(item.lines, item.segments, kept)
            by_model = _clean_by_model(
                item.lines,
                item.segments,
                kept & ~teasers,
                item.page.title,
                item.page.metadata_date,
                item.normalized.metadata,
                item.page.whole_page,
                item.normalized.joined_bylines,
                item.page.site_names,
                teasers,
            )
            item.articles = (
                by_model if _holds_the_article(by_model, item.rules_results) else _read_by_rules_in_full(item)
            )
    for item in prepared:
        articles = item.articles
        for article in articles:
            _move_credit_paragraph(article)
        if item.page.layout_lines:
            _without_cell_marks(articles, item.page.layout_lines)
        if articles is item.rules_results:
            _remove_named_lines(articles, item.lines)
        if articles:
            articles[0].removed[:0] = item.normalized.removed
            if articles[0].credit is None:
                # A wire note the reading of the page took out ("(With AFP)") credits its agency.
                articles[0].credit = _contributing_agency(item.normalized.removed)
            if (
                not articles[0].byline
                or _byline_of_contributors(articles[0])
                or _surnames_of(articles[0].byline, item.page.author)
            ):
                # A record's own author before the names of those who only contributed ("Associated
                # Press writer Jon Berg contributed from Oslund"), which stand in where none is known.
                articles[0].byline = metadata_author(item.page.author) or articles[0].byline
            # A Markdown page's one heading of the first level is its headline (html2text and
            # readers' Markdown write the page's <h1> so), where no record named the title.
            if not item.page.title and len(item.normalized.top_headings) == 1 and len(articles) == 1:
                articles[0].title = item.normalized.top_headings[0]
        for article in articles:
            if article.title:
                article.title = _cleaned_title(article.title, item.page.site_names)
        if articles and articles[0].title and item.lines and not item.page.title:
            articles[0].title = _part_naming_the_lede(
                articles[0].title, item.lines[0].text, articles[0].paragraphs, item.page.site_names
            )
            _header_line_naming_the_lede(articles[0], item.page.site_names)
        _read_gallery_by_captions(item.articles)
        item.articles = [report for article in item.articles for report in _digest_reports(article)]
        item.articles = [part for article in item.articles for part in _apart_at_bare_headline(article)]
    return [item.articles for item in prepared]


def _apart_at_bare_headline(article: CleanedText) -> list[CleanedText]:
    """The article, or the two glued in it where a second one's headline stands alone among its
    paragraphs (split.bare_headline_split): the second has its headline for title and its own
    dateline and credits; the page's removed lines and captions stay with the first."""
    position = bare_headline_split(article.paragraphs)
    if position is None:
        return _apart_at_brief_headings(article)
    second = CleanedText(title=article.paragraphs[position], paragraphs=article.paragraphs[position + 1 :])
    second.body_lines = list(second.paragraphs)
    del article.paragraphs[position:]
    del article.body_lines[position:]
    _extract_credits(second)
    return [article, second]


def _apart_at_brief_headings(article: CleanedText) -> list[CleanedText]:
    """The article, or the briefs of a briefs page, each under its headline (split.headed_briefs_split):
    the first keeps the page's title, fields and removed lines; the others are dated as the page, as a
    digest's reports are, and read their own datelines and credits."""
    headings = headed_briefs_split(article.paragraphs)
    if not headings:
        return [article]
    paragraphs = article.paragraphs
    lines_align = len(article.body_lines) == len(paragraphs)
    parts = [article]
    for heading, end in zip(headings, [*headings[1:], len(paragraphs)], strict=True):
        brief = CleanedText(
            title=paragraphs[heading],
            paragraphs=paragraphs[heading + 1 : end],
            date=article.date,
            date_source=article.date_source,
            metadata={DIGEST_TITLE: article.title or ""},
        )
        brief.body_lines = list(brief.paragraphs)
        _extract_credits(brief)
        parts.append(brief)
    if lines_align:
        del article.body_lines[headings[0] :]
    del paragraphs[headings[0] :]
    return parts


# A page of photographs and their captions alone (a gallery, a slideshow) has its captions for text,
# where they hold at least this many words: otherwise it had no article, though an agency's captions
# travel as its stories do. Of the 2,167 training and measuring pages, one (ABC News' slideshow of an
# exhibition, whose gold body is its caption) had ended with no article this way.
GALLERY_CAPTION_WORDS = 20
# A sentence of this many words kept as body is an article's text, and its captions stay captions.
GALLERY_PROSE_WORDS = 8
GALLERY_FURNITURE_REASON = "gallery page: short line beside the captions (menu or widget)"
TEXT_FROM = "text_from"


def _read_gallery_by_captions(articles: list[CleanedText]) -> None:
    """Where no part of a page kept a sentence of prose (a menu's words at most), a part whose captions
    hold GALLERY_CAPTION_WORDS words takes them for its paragraphs (metadata text_from: captions)."""
    if any(_is_prose_paragraph(paragraph) for article in articles for paragraph in article.paragraphs):
        return
    for article in articles:
        # Captions in a caption's form (a photographer's or agency's credit): lines taken for captions
        # only by being said twice are a page's teasers as often.
        photographs = [caption for caption in article.captions if is_caption_form(caption)]
        if sum(count_words(caption) for caption in photographs) >= GALLERY_CAPTION_WORDS:
            article.removed += [RemovedLine(paragraph, GALLERY_FURNITURE_REASON) for paragraph in article.paragraphs]
            article.removed += [
                RemovedLine(caption, GALLERY_FURNITURE_REASON)
                for caption in article.captions
                if caption not in photographs
            ]
            article.paragraphs, article.body_lines = photographs, list(photographs)
            article.captions = []
            article.metadata[TEXT_FROM] = "captions"


def _is_prose_paragraph(text: str) -> bool:
    return count_words(text) >= GALLERY_PROSE_WORDS and bool(SENTENCE_END.search(text[-8:]))


DIGEST_TITLE = "digest_title"


def _digest_reports(article: CleanedText) -> list[CleanedText]:
    """A digest's reports (clean.digests), each an article under its heading and dateline, dated as the
    digest; the article alone where it is no digest."""
    reports = digest_reports(article.paragraphs, opened_by_dateline=article.dateline is not None)
    if not reports:
        return [article]
    paragraphs = article.paragraphs
    lines_align = len(article.body_lines) == len(paragraphs)
    if (opening := opening_source_dateline(paragraphs, reports)) is not None and article.dateline is None:
        article.dateline, article.credit = opening[0].place or None, article.credit or opening[0].agency
        article.removed.append(RemovedLine(opening[0].text, "wire dateline"))
        paragraphs[0] = opening[1]
    ends = [report.start if report.heading is None else report.heading for report in reports]
    parts = [article]
    for report, end in zip(reports, [*ends[1:], len(paragraphs)], strict=True):
        start = report.start
        parts.append(
            CleanedText(
                title=paragraphs[report.heading] if report.heading is not None else None,
                paragraphs=[report.text, *paragraphs[start + 1 : end]],
                body_lines=article.body_lines[start:end] if lines_align else [],
                removed=[RemovedLine(report.dateline.text, "wire dateline")],
                dateline=report.dateline.place or None,
                credit=report.dateline.agency,
                date=article.date,
                date_source=article.date_source,
                metadata={DIGEST_TITLE: article.title or ""},
            )
        )
    if lines_align:
        del article.body_lines[ends[0] :]
    del paragraphs[ends[0] :]
    return parts


def _move_credit_paragraph(article: CleanedText) -> None:
    """A last paragraph that is a reporter credit alone goes to the removed lines and the credit field,
    as one after a "___" on its line does (_extract_credits). Done on the finished reading, so the
    rules' reading stays as the line model learnt from it."""
    if len(article.paragraphs) < 2 or not is_credit_paragraph(article.paragraphs[-1]):
        return
    credit = article.paragraphs.pop()
    if article.body_lines and article.body_lines[-1] == credit:
        article.body_lines.pop()
    article.metadata.setdefault("reporter_credit", credit)
    _take_reporter_credit(article, credit)


def _take_reporter_credit(article: CleanedText, credit: str) -> None:
    """A reporter credit taken out of the text: a removed line, the byline where none is known, and
    the agency it names."""
    article.removed.append(RemovedLine(credit, "reporter credit"))
    if not article.byline:
        names = names_in_credit(credit)
        article.byline = ", ".join(names) if names else None
    article.credit = article.credit or canonical_agency(credit)


def _surnames_of(byline: str, author: str | None) -> bool:
    """Whether a byline a reporter credit gave names surnames of a record's author ("Mehsud" of
    "Michele Langevine Leiby; Saleem Mehsud", from "Mehsud reported from Miram Shah."), which names
    them whole."""
    names = byline.split(", ")
    author_words = set(_WORD.findall(author.lower())) if author else set()
    return any(len(name.split()) == 1 for name in names) and all(
        name.split()[-1].lower() in author_words for name in names
    )


def _byline_of_contributors(article: CleanedText) -> bool:
    """Whether an article's byline is the names of a reporter credit's contributors alone."""
    credit = article.metadata.get("reporter_credit", "")
    return (
        "contributed" in credit
        and not _AUTHORS_IN_CREDIT.search(credit)
        and article.byline == (", ".join(names_in_credit(credit)) or None)
    )


# A reporter credit's words for those who wrote the story, not only contributed to it.
_AUTHORS_IN_CREDIT = re.compile(r"\b(?:reported\s+from|reporting\s+by|writing\s+by|written\s+by)\b", re.IGNORECASE)


def _without_cell_marks(articles: list[CleanedText], layout_lines: frozenset[str]) -> None:
    """The lines that were cells of a layout table without the mark they were read with ("| ")."""

    def unmarked(text: str) -> str:
        return text[len(CELL_MARK) :] if text.startswith(CELL_MARK) and line_key(text) in layout_lines else text

    for article in articles:
        article.paragraphs = [unmarked(paragraph) for paragraph in article.paragraphs]
        article.body_lines = [unmarked(line) for line in article.body_lines]
        article.captions = [unmarked(caption) for caption in article.captions]
        article.removed = [RemovedLine(unmarked(item.line), item.reason) for item in article.removed]
        if article.title:
            article.title = unmarked(article.title)


def headline_after_trail(title: str) -> str:
    """The headline of a title line that opens with the trail of pages to it, else the title.

    The steps of a trail are a few words each and the headline ends it; one kind of mark joins
    them. Behind "Home" any mark makes a trail; otherwise two steps at least, and with a bar short
    ones before a longer headline, since "Headline | Section | Site" ends with the site. Acts on the
    field alone: the lines and the body are read as before. On the 2,167 training and measuring
    pages, 25 titles lost their trail and none their headline."""
    parts = _TRAIL_SEPARATOR.split(title)
    marks = set(parts[1::2])
    if len(marks) != 1:
        return title
    [mark] = marks
    *steps, headline = parts[::2]
    step_words = max(count_words(step) for step in steps)
    headline_words = count_words(headline)
    if _HOME_STEP.match(steps[0]):
        is_trail = step_words <= TRAIL_STEP_WORDS and headline_words >= TRAIL_HEADLINE_WORDS
    elif mark in _TRAIL_MARKS:
        is_trail = len(steps) >= 2 and step_words <= TRAIL_STEP_WORDS and headline_words >= TRAIL_HEADLINE_WORDS
    else:
        is_trail = (
            len(steps) >= 2 and step_words <= BARRED_TRAIL_STEP_WORDS and headline_words >= BARRED_TRAIL_HEADLINE_WORDS
        )
    return headline if is_trail else title


def _remove_named_lines(articles: list[CleanedText], lines: list[Line]) -> None:
    """Move the markup lines the rules kept, and the lines a rule after the model names (a share bar,
    script code, an advertisement marker), to the removed lines. Done on the rules' finished reading,
    not inside it: the line model learnt from that reading, and changing it for markup lines cost
    grouped CV 0.004 when the model was retrained (seed 7: 0.946 -> 0.932)."""
    # A rule's reason says more than the markup's ("script code" of a line calling the browser).
    reasons = {line.text: MARKUP_REASON for line in lines if line.markup and line.rule_after_model is None}
    reasons.update((line.text, line.rule_after_model.reason) for line in lines if line.rule_after_model)
    if not reasons:
        return
    for article in articles:
        if len(article.paragraphs) != len(article.body_lines):
            continue
        kept = [
            (paragraph, line)
            for paragraph, line in zip(article.paragraphs, article.body_lines, strict=True)
            if line not in reasons
        ]
        article.removed += [RemovedLine(line, reasons[line]) for line in article.body_lines if line in reasons]
        article.paragraphs = [paragraph for paragraph, _ in kept]
        article.body_lines = [line for _, line in kept]


@dataclass(slots=True)
class _PreparedPage:
    """A page's lines, parts and the rules' reading of them (its removed lines only where asked for),
    before the line model's."""

    page: TextToClean
    normalized: NormalizedText
    lines: list[Line]
    segments: list[tuple[int, int]]
    rules_results: list[CleanedText]
    articles: list[CleanedText]


def _cleaned_title(title: str, site_names: tuple[str, ...]) -> str | None:
    """A headline as read, without what pages print around it (a table row's bars, skip links, a trail, the
    site's name, sections); None for a stamp or a section's label."""
    # A headline read from a layout table's row leaves the row's bars ("| Headline | | |").
    title = row_headline(title) or title
    title = without_skip_links(headline_after_trail(without_title_label(title)))
    title = headline_after_site_name(title, site_names)
    title = without_site_name_tail(title, site_names)
    title = without_trailing_sections(without_leading_sections(title, site_names))
    # A date and a time ("January 2, 2008 7:33 AM ET", a stamp's part of "Agency - date") is the page's
    # stamp, and a section's label ("Breaking News") the page's: no headline.
    return None if is_date_line(title) or is_section_label(title) else headline_of_broken_title(title)


def _prepare(
    page: TextToClean, normalized: NormalizedText, lines: list[Line], record_removed: bool = True
) -> _PreparedPage:
    segments = _segments(lines)
    rules_results = _clean_by_rules(
        lines,
        segments,
        page.title,
        page.metadata_date,
        normalized.metadata,
        normalized.joined_bylines,
        record_removed=record_removed,
    )
    return _PreparedPage(page, normalized, lines, segments, rules_results, rules_results)


def _holds_the_article(by_model: list[CleanedText], by_rules: list[CleanedText]) -> bool:
    """Whether the model's reading of a page holds its article: it keeps something, and not a few
    words where the rules' reading keeps an article's prose. A page whose comment thread outweighs
    the article can make the model take the thread for the article, and the thread then goes as a
    thread, leaving a line or two. On the 2,167 training and measuring pages, 2 pages kept fewer
    than MODEL_MISSED_WORDS words where the rules kept RULES_ARTICLE_WORDS words of prose
    paragraphs: a blog post of 1,960 words with 400 comments (F1 0.00 -> 0.97) and a French report
    (0.04 -> 0.32). Counting all the rules' words instead took in 7 pages of little text and much
    template (a sidebar, a theme's credits), whose template then linked them to other sites' pages."""
    if not by_model:
        return False
    # The model's words are counted only until there are enough: most pages reach MODEL_MISSED_WORDS
    # in their first paragraph, and counting all of them cost 0.05 ms a page.
    running_words = accumulate(count_words(paragraph) for article in by_model for paragraph in article.paragraphs)
    if any(words >= MODEL_MISSED_WORDS for words in running_words):
        return True
    prose_words = [count_words(paragraph) for article in by_rules for paragraph in article.paragraphs]
    return sum(words for words in prose_words if words >= PROSE_PARAGRAPH_WORDS) < RULES_ARTICLE_WORDS


def _read_by_rules_in_full(item: _PreparedPage) -> list[CleanedText]:
    """The rules' reading of a prepared page with its removed lines, now its articles'."""
    item.rules_results = _clean_by_rules(
        item.lines,
        item.segments,
        item.page.title,
        item.page.metadata_date,
        item.normalized.metadata,
        item.normalized.joined_bylines,
    )
    return item.rules_results


def _clean_by_model(
    lines: list[Line],
    segments: list[tuple[int, int]],
    is_body: np.ndarray,
    title: str | None,
    metadata_date: str | None,
    wire_metadata: dict[str, str],
    whole_page: bool = True,
    joined_bylines: dict[str, int] | None = None,
    site_names: tuple[str, ...] = (),
    teasers: np.ndarray | None = None,
) -> list[CleanedText]:
    parts: list[tuple[int, CleanedText]] = []
    orphans: list[RemovedLine] = []
    for start, end in segments:
        if not np.count_nonzero(is_body[start:end]):
            # A part the model keeps nothing of (teasers, a menu) holds no article text: its lines
            # are removed lines of the article before it.
            removed = [RemovedLine(line.text, MODEL_REASON) for line in lines[start:end]]
            (parts[-1][1].removed if parts else orphans).extend(removed)
            continue
        # The container's metadata and the page's opening (its <title> line) belong to the first
        # article, wherever the parts before it held nothing of one.
        first = not parts
        parts.append(
            (
                start,
                _clean_segment_by_model(
                    lines[start:end],
                    known_title=title if first else None,
                    metadata_date=metadata_date if first else None,
                    wire_metadata=wire_metadata if first else {},
                    is_body=is_body[start:end],
                    teasers=teasers[start:end] if teasers is not None else None,
                    whole_page=whole_page,
                    opening=lines[0] if first and lines else None,
                    joined_bylines=joined_bylines,
                    site_names=site_names,
                ),
            )
        )
    articles = _join_parts(lines, segments, parts)
    if articles:
        articles[0].removed[:0] = orphans
    return articles


def line_model_inputs(text: str) -> tuple[list[str], np.ndarray]:
    """The lines a line model scores for a page's text, and their rule features (for training)."""
    normalized = normalize_text(text)
    lines = build_lines(normalized.lines)
    rules_results = _clean_by_rules(lines, _segments(lines), None, None, normalized.metadata)
    return [line.text for line in lines], rule_features(lines, _rule_decisions(rules_results))


# A comment thread without a header shows itself by who posted each comment: a second attribution
# (or a comment's time stamp) within this many lines of one, a line between, after a paragraph of
# the article. On the extraction-train pages
# the shipped model never learns from: Dragnet 0.835 -> 0.838 (precision 0.813 -> 0.818), L3S-GN1
# 0.935 -> 0.936, recall the same; the measuring pages unchanged. The buttons under a comment
# ("Reply", "Report") are no such sign: they stand under posts embedded in articles too (a BBC
# article lost two thirds of its text when they counted). A page whose attributions begin above its
# first paragraph is a live blog's entries, not a thread (Dragnet 0.838 either way).
THREAD_WINDOW = 12
THREAD_ATTRIBUTIONS = 2
THREAD_PROSE_BEFORE = 1


def _end_at_closing_line(lines: list[Line], segments: list[tuple[int, int]], is_body: np.ndarray) -> np.ndarray:
    """The model's body stops at a comments header, an author bio, a heading of related articles or
    a comment thread that follows the article's prose: long comments and teasers read like paragraphs."""
    is_body = is_body.copy()
    # The few lines that can end the body (attributions, time stamps, closing lines) are visited in
    # order, the prose before each counted from the positions of the prose lines, rather than every
    # line tested in turn (0.041 -> 0.019 ms a page).
    strong_positions = [position for position, line in enumerate(lines) if line.strong_body]
    # A closing line ends the text only under prose the model kept: a site's blurb in prose above the
    # article ("Updated continuously by citizens like you, ...") is none, and a comment count over the
    # article ("4 Comments") had ended it before it began.
    kept_prose = [position for position in strong_positions if is_body[position]]
    closing: set[int] = set()
    # Attributions, and short time stamps: some threads head each comment with a stamp alone
    # ("#1.2 - Tue Jul 24, 2012 12:06 PM EDT ldo").
    attributed: list[int] = []
    # A stamp said again word for word is the page's header printed twice (a paywalled report's),
    # not a second comment: two comments' stamps differ in their minute or their author.
    stamps_seen: set[str] = set()
    # Only a line a rule names or one holding a date can be either: they are picked out first, in a
    # list comprehension, and visited alone (_end_at_closing_line 0.045 -> 0.042 ms a page).
    named_or_dated = [
        position for position, line in enumerate(lines) if line.rule or line.rule_after_model or line.dates
    ]
    for position in named_or_dated:
        line = lines[position]
        rule = _rule_of(line)
        attribution = rule is not None and rule.name == "attribution"
        if attribution:
            attributed.append(position)
        elif (
            line.dates
            and line.words <= SHORT_LINE_WORDS
            and not line.sentence_end
            and is_time_stamp(line.text, line.dates)
            and line.key not in stamps_seen
        ):
            attributed.append(position)
            stamps_seen.add(line.key)
        if (
            rule is not None
            and not attribution
            and _closes_article(line)
            and not _links_comments_in_header(lines, position)
            and not _text_goes_on_under(lines, position, kept_prose)
            and not _box_inside_text(lines, position)
            and not _foot_leaves_text_under(line, position, strong_positions)
        ):
            closing.add(position)
    forms = {position: _first_word(lines[position].text) for position in attributed}
    events = sorted(closing.union(attributed))
    # The form of the attributions of a thread found: the page splits a long thread into parts, and
    # a part that opens with a comment of that form goes on with it.
    thread_form: str | None = None
    prose_seen = 0
    opening_forms: set[str] = set()
    others = attributed
    # Once a comments section's heading has ended the article, a part after it that holds comments'
    # stamps ("by bob42 on Aug 9, 2012 10:40 AM EDT reply") is more of its thread: a page splits a
    # long thread into parts wherever a comment looks like a headline. A part without them may hold
    # the article itself, where a stream of teasers ("48.5k reactions • Join the Conversation") came first.
    comments_closed = False
    stamped: list[int] | None = None
    excerpts = [position for position in strong_positions if _EXCERPT_END.search(lines[position].text[-12:])]
    for start, end in segments:
        first_excerpt = _excerpt_list_start(lines, excerpts, strong_positions, start, end)
        if first_excerpt is not None:
            is_body[first_excerpt:end] = False
        if comments_closed:
            if stamped is None:
                stamped = [position for position, line in enumerate(lines) if _marks_a_comment(line)]
            if bisect_left(stamped, end) - bisect_left(stamped, start) >= THREAD_ATTRIBUTIONS:
                is_body[start:end] = False
                continue
            comments_closed = False
        next_attributed = bisect_left(attributed, start)
        opening = attributed[next_attributed] if next_attributed < len(attributed) else end
        opening = min(opening, end)
        prose_before_start = bisect_left(strong_positions, start)
        if (
            thread_form is not None
            and opening < end
            and forms[opening] == thread_form
            and bisect_left(strong_positions, opening) == prose_before_start
        ):
            is_body[start:end] = False
            continue
        thread_form = None
        if prose_seen == 0:
            first_prose = strong_positions[prose_before_start] if prose_before_start < len(strong_positions) else end
            first_prose = min(first_prose, end)
            # A live blog's entries carry attributions of one form from its start: they are its
            # structure. A post's own ("Posted by Ana on May 3") differs from its commenters' ("by
            # bob42 writes: on May 3"), which still make a thread. A thread's comments are counted
            # past the part's end, and the article's prose in the parts before: the page may split
            # a thread after every comment.
            opening_forms = {form for position, form in forms.items() if start <= position < first_prose}
            others = [position for position in attributed if forms[position] not in opening_forms]
        for position in events[bisect_left(events, start) : bisect_left(events, end)]:
            prose_in_part = bisect_left(strong_positions, position) - prose_before_start
            in_thread = (
                position in forms
                and forms[position] not in opening_forms
                and prose_seen + prose_in_part >= THREAD_PROSE_BEFORE
                # Another comment's attribution follows within the window, a comment's text between
                # ("18 Nov 2019, 19:09" over "Updated: 18 Nov 2019, 19:11" heads one article).
                and bisect_left(others, position + THREAD_WINDOW) - bisect_left(others, position + 2)
                >= THREAD_ATTRIBUTIONS - 1
            )
            kept_in_part = bisect_left(kept_prose, position) > bisect_left(kept_prose, start)
            if (prose_in_part and kept_in_part and position in closing) or in_thread:
                is_body[position + 1 : end] = False
                if in_thread:
                    thread_form = forms[position]
                else:
                    closing_rule = _rule_of(lines[position])
                    comments_closed = closing_rule is not None and closing_rule.name == "comments"
                prose_seen += prose_in_part
                break
        else:
            prose_seen += bisect_left(strong_positions, end) - prose_before_start
    return is_body


# A paragraph cut off by an ellipsis ("… ", "[…]", "[...]"): a post's excerpt in a list of other posts.
_EXCERPT_END = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*$")
# Two excerpts at most this many lines apart, of one length (a blog cuts each after the same number of
# words, 55 by WordPress's default) within EXCERPT_WORDS_APART words, make a list of them; writers'
# paragraphs that trail off in an ellipsis differ in length.
EXCERPT_WINDOW = 4
EXCERPT_WORDS_APART = 2


def _excerpt_list_start(
    lines: list[Line], excerpts: list[int], strong_positions: list[int], start: int, end: int
) -> int | None:
    """Where a list of other posts' excerpts begins in a part, after prose of the article: the first of
    two paragraphs of one length cut off by an ellipsis a few lines apart; None where there is none."""
    first = bisect_left(excerpts, start)
    for index in range(first, bisect_left(excerpts, end) - 1):
        position, following = excerpts[index], excerpts[index + 1]
        if (
            following - position <= EXCERPT_WINDOW
            and abs(lines[position].words - lines[following].words) <= EXCERPT_WORDS_APART
            and bisect_left(strong_positions, position) > bisect_left(strong_positions, start)
        ):
            return position
    return None


def _is_comment_stamp_line(line: Line) -> bool:
    """A line that tells when a comment was posted: an attribution, or one date and a clock time
    after it in a short line (the name, "reply" and "recs" around it)."""
    rule = _rule_of(line)
    if rule is not None and rule.name == "attribution":
        return True
    return bool(line.dates) and line.words <= POST_LINE_WORDS and is_time_stamp(line.text, line.dates)


_COMMENT_WIDGET_WORDS = re.compile(r"(?i)\b(?:comment|abuse|reply|inappropriate)\b")


# A commenter's name and how long ago they wrote ("Miles Taylor 10 days ago", "bob42 • 3 years ago").
_NAME_TIME_AGO = re.compile(r"^\w.{0,60}?\b\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\W*$", re.IGNORECASE)
NAME_TIME_AGO_WORDS = 8


def _marks_a_comment(line: Line) -> bool:
    """A comment's stamp, or a widget under each comment ("Reply", "Report this comment"): a thread's
    comments may carry times without a year ("January 7 17:05"), which are no stamp, and its widgets."""
    if _is_comment_stamp_line(line):
        return True
    if line.words <= NAME_TIME_AGO_WORDS and line.text.endswith(("ago", "ago.")) and _NAME_TIME_AGO.match(line.text):
        return True
    rule = _rule_of(line)
    return rule is not None and (
        rule.name == "comment_widget"
        or (rule.name == "page_tools" and _COMMENT_WIDGET_WORDS.search(line.text) is not None)
    )


def _marks_a_thread(line: Line) -> bool:
    """A comment's stamp or widget, or a comments heading: under a link, the thread has begun."""
    if _marks_a_comment(line):
        return True
    rule = _rule_of(line)
    return rule is not None and rule.name == "comments"


def _is_word_list(line: Line) -> bool:
    """Whether a line is a long list of words rather than prose (see WORD_LIST_REASON)."""
    if line.words < WORD_LIST_WORDS or line.sentence_end:
        return False
    words = _WORD.findall(line.text.lower())
    count = len(words)
    if count < WORD_LIST_WORDS or sum(_LISTED_SCRIPT_WORD.match(word) is not None for word in words) < 0.9 * count:
        return False
    return (
        sum(word in STOP_WORDS for word in words) < WORD_LIST_FUNCTION_SHARE * count
        and sum(word.isdigit() for word in words) < WORD_LIST_FIGURE_SHARE * count
        and len(_CODE_MARKS.findall(line.text)) < 3
    )


def _first_word(text: str) -> str:
    words = _WORD.findall(text[:40].lower())
    return words[0] if words else ""


_BARE_BY = re.compile(r"(?i)by:?")


# "1. ", "12) ": a bare number opening a line ("10 people were hurt") numbers nothing.
_ITEM_NUMBER = re.compile(r"^\s*(\d{1,2})[.)]\s")
# A line introducing a list ("Top 10:", "The winners:") is short.
_LIST_LEAD_IN_WORDS = 8


def _complete_numbered_lists(lines: list[Line], is_body: np.ndarray) -> np.ndarray:
    """A numbered list the model keeps is kept whole: the line after a kept item n that is item n + 1,
    and the short line ending in a colon that introduces a kept item 1. The model's sense of where an
    article ends cut the last item of a chart or of a list of steps."""
    # A line _ITEM_NUMBER matches opens with a list marker too (Line.list_item): only those are
    # matched (0.043 -> 0.004 ms a page).
    numbers = {
        position: int(match.group(1))
        for position, line in enumerate(lines)
        if line.list_item and (match := _ITEM_NUMBER.match(line.text))
    }
    is_body = is_body.copy()
    # Only numbered lines can change, visited in order (an item kept may keep the next).
    for position, number in numbers.items():
        if position >= 1 and numbers.get(position - 1) == number - 1 and is_body[position - 1]:
            is_body[position] = True
    for position, number in numbers.items():
        if number != 1 or position < 1:
            continue
        line = lines[position - 1]
        if (
            not is_body[position - 1]
            and is_body[position]
            and line.text.rstrip().endswith(":")
            and line.words <= _LIST_LEAD_IN_WORDS
        ):
            is_body[position - 1] = True
    return is_body


# A wire lede the model left out just above the text it kept: at most LEDE_REACH lines above it, with
# only short lines between (a live page's first time stamp, "9:34 p.m."), and going on with a sentence.
LEDE_REACH = 3
LEDE_GAP_WORDS = 4
LEDE_WORDS = 8


def _keep_the_wire_lede(lines: list[Line], is_body: np.ndarray) -> np.ndarray:
    """The article's first line where it opens with an agency's dateline ("WASHINGTON (AP) — The Latest on
    the campaign (all times Eastern):") and the model kept the text under it but not it: the dateline
    marks where the article begins, and with the line went its place and credit."""
    kept = np.flatnonzero(is_body)
    if not len(kept):
        return is_body
    first = int(kept[0])
    for position in range(first - 1, max(-1, first - 1 - LEDE_REACH), -1):
        line = lines[position]
        dateline, rest = split_dateline(line.text)
        if dateline is not None and dateline.place and dateline.agency and len(rest.split()) >= LEDE_WORDS:
            is_body = is_body.copy()
            is_body[position] = True
            return is_body
        if line.words > LEDE_GAP_WORDS or line.headline_like:
            return is_body
    return is_body


# A table the article holds, one row a line ("June 10 -- Coral Sky Amphitheatre, Tampa, FL", "3a
# etapa: 22 de abril – Velopark"): at least ROW_RUN lines in a row of one shape, each with a figure
# among its first words and at most ROW_WORDS words (Line.row_like). Where the model keeps at least
# half of such a run, it keeps it whole: a tour's dates, a season's calendar and a list of results
# lost rows here and there.
ROW_RUN = 5
_SHAPE_UNIT = re.compile(r"[^\W\d_]+|\d+|[^\w\s]+")


def _row_shape(line: Line) -> str | None:
    """The shape of a line's opening (letters, figures and marks, as "a 0 --"), or None for a line that
    is no table's row."""
    units = [
        "0" if unit[0].isdigit() else "a" if unit[0].isalpha() else unit
        for unit in _SHAPE_UNIT.findall(line.text[:40])
        if unit != "."
    ]
    # A row opens with its figure (a date, a rank, a stage): prose with a number further on is no row.
    return " ".join(units[:3]) if len(units) >= 3 and "0" in units[:2] else None


# What an extract's line that was a cell of a layout table opens with while it is read, as the row it
# came from did (html.layout_cells_as_lines); it leaves the output (_without_cell_marks).
CELL_MARK = "| "


def _kept_by_model(item: _PreparedPage, probabilities: np.ndarray) -> np.ndarray:
    """The lines the model keeps: those it scores at least the page's threshold. On an extract
    (trafilatura's, mostly body already, read with a low threshold) the rows of a layout table it
    kept ("| Home | | News | | Sport |") are held to a whole page's threshold."""
    kept = probabilities >= item.page.body_threshold
    if item.page.body_threshold < BODY_THRESHOLD:
        layout = item.page.layout_lines
        rows = np.fromiter(
            (line.text.startswith("|") or line.key in layout for line in item.lines), dtype=bool, count=len(item.lines)
        )
        kept &= ~rows | (probabilities >= BODY_THRESHOLD)
    return kept


# A teaser list after an article: at least TEASER_HEADLINES other stories' headlines (each of at most
# TEASER_HEADLINE_WORDS words), or TEASER_PAIRS with a one-sentence blurb each (of at most
# TEASER_BLURB_WORDS), the last lines the model kept, after TEASER_PROSE_BEFORE words of the article's
# prose. Measured on the held-out pages (plain text, site pass): L3S-GN1 0.956 -> 0.958 (17 pages up,
# a cricket scorecard down), Dragnet 0.882 either way (13 up, 10 down: its golds keep some blogs'
# lists of related posts, source links and photo credits), CleanPortalEval unchanged. The measuring
# pages, grouped cross-validation with ten seeds: plain text 0.946 -> 0.947 (English 0.952 -> 0.953),
# HTML 0.976 (precision 0.971 -> 0.973, recall 0.981 -> 0.980). With three bare headlines enough, a
# credit, a copyright line and a sign-off under a Korean report read as teasers.
# A blurb also pairs with the headline right above it that the model left out, teasers in a part of
# their own count the article's prose in the parts above, and a blurb naming "Apple Inc. CEO Steve
# Jobs" is one sentence (the sentence splitter's abbreviations): CBC's pages end in several parts of
# "Headlines" with blurbs, the model keeping the blurbs alone. Held out, plain text + site pass:
# L3S-GN1 0.958 -> 0.959 (6 pages up, none down), Dragnet 0.883 (3 up), CleanPortalEval unchanged;
# measuring pages, ten seeds: 0.9466 -> 0.9473 (English 0.9529 -> 0.9537; a deals page's last product
# boxes went in two seeds); HTML unchanged.
TEASER_HEADLINES = 4
# Three headlines each with its blurb are as plain a sign.
TEASER_PAIRS = 3
TEASER_HEADING_WORDS = 3
TEASER_HEADLINE_WORDS = 15
TEASER_BLURB_WORDS = 45
# A post that is itself a list of links (a blog's weekly round-up) opens with a short introduction.
TEASER_PROSE_BEFORE = 100
TEASER_LIST_REASON = "teaser list after the article (other stories' headlines)"
_MARKS = re.compile(r"[\w\s]+")
_INNER_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?\s+[A-Z“\"]")
_DATE_END_RESIDUE = re.compile(r"^[\W_]*$")


def _is_teaser_headline(line: Line) -> bool:
    # A table's rows and a fact box's lead-in ("Key features:") are the article's.
    return (
        (line.headline_like or (line.truncated and line.rule is None))
        and line.words <= TEASER_HEADLINE_WORDS
        and not line.row_like
        and not line.text.rstrip().endswith(":")
    )


def _is_link_label(line: Line) -> bool:
    """Whether a line is a "read also" label alone (_READ_ALSO_LABEL) that a link or heading rule names."""
    rule = line.rule or line.rule_after_model
    return (
        rule is not None
        and rule.name in ("link_line", "related_heading")
        and _READ_ALSO_LABEL.match(line.text) is not None
    )


def _is_teaser_blurb(line: Line) -> bool:
    # A sentence under a wire dateline ("KESTREL BAY — ...") is a brief of the page's news, not a teaser.
    return (
        line.words <= TEASER_BLURB_WORDS
        # "Apple Inc. CEO Steve Jobs" is one sentence: abbreviations and initials end none.
        and (not _INNER_SENTENCE_END.search(line.text) or len(split_sentences(line.text)) == 1)
        and not _under_a_wire_dateline(line.text)
    )


def _under_a_wire_dateline(text: str) -> bool:
    # A date alone before a dash is no wire dateline here: teasers' blurbs are dated so ("Jan 14, 2008 - ...").
    dateline = split_dateline(text)[0]
    return dateline is not None and bool(dateline.place or dateline.agency)


def _ends_with_date(line: Line) -> bool:
    """Whether a line ends with a date ("... (Monday January 14 2008)")."""
    return bool(line.dates) and _DATE_END_RESIDUE.match(line.text[line.dates[-1].end :]) is not None


def teaser_lists(lines: list[Line], segments: list[tuple[int, int]], is_body: np.ndarray) -> np.ndarray:
    """The lines of a teaser list the model kept at an article's end: a run of other stories'
    headlines, each perhaps with a one-sentence blurb under it, after the article's prose."""
    teasers = np.zeros(len(lines), dtype=bool)
    # The article's prose in the parts above: a page's teasers may stand in parts of their own.
    prose_above = 0
    for start, end in segments:
        kept = np.flatnonzero(is_body[start:end]).tolist()
        prose_in_part = sum(lines[start + position].words for position in kept if lines[start + position].strong_body)
        index, headlines, pairs, first = len(kept) - 1, 0, 0, None
        while index >= 0:
            line = lines[start + kept[index]]
            if _is_teaser_headline(line):
                headlines, first, index = headlines + 1, index, index - 1
            elif index >= 1 and _is_teaser_headline(lines[start + kept[index - 1]]) and _is_teaser_blurb(line):
                headlines, pairs, first, index = headlines + 1, pairs + 1, index - 1, index - 2
            elif (
                kept[index] >= 1
                and (index == 0 or kept[index - 1] != kept[index] - 1)
                and _is_teaser_headline(lines[start + kept[index] - 1])
                and _is_teaser_blurb(line)
            ):
                # The teaser's headline right above its blurb, which the model left out.
                headlines, pairs, first, index = headlines + 1, pairs + 1, index, index - 1
            elif line.words <= TEASER_HEADING_WORDS and not line.sentence_end:
                # A heading among or under the teasers ("Partner news", "More"), counted as none; one
                # above them may be the article's last line (an author's name), and stays.
                index -= 1
            else:
                break
        if first is None or (headlines < TEASER_HEADLINES and pairs < TEASER_PAIRS):
            prose_above += prose_in_part
            continue
        # The run reaches to the last line kept, headings under the teasers included.
        run = [start + position for position in kept[first:]]
        # Lines of one form (a list of places, results, "Team (Group A): 10th appearance") are a table
        # the article holds; headlines vary. Headlines each followed by its date ("Hughes Signs (Monday
        # January 14 2008)") are other articles whatever their marks: the dates are what they share.
        forms = Counter(
            _MARKS.sub("", lines[position].text)
            for position in run
            if _is_teaser_headline(lines[position]) and not _ends_with_date(lines[position])
        )
        forms.pop("", None)
        if forms and 2 * forms.most_common(1)[0][1] >= headlines:
            prose_above += prose_in_part
            continue
        prose = sum(lines[start + position].words for position in kept[:first] if lines[start + position].strong_body)
        if prose + prose_above >= TEASER_PROSE_BEFORE:
            teasers[run] = True
        prose_above += prose
    return teasers


def _complete_runs_of_rows(lines: list[Line], is_body: np.ndarray) -> np.ndarray:
    """Runs of table rows (see ROW_RUN) the model keeps half of or more, kept whole."""
    # Only runs of short lines with a figure in their first characters can be tables: their shapes
    # alone are read (reading every line's cost 8% of the cleaning).
    may_be_row = [line.row_like for line in lines]
    original = is_body
    is_body = is_body.copy()
    position = 0
    for candidate, group in groupby(may_be_row):
        size = sum(1 for _ in group)
        if candidate and size >= ROW_RUN:
            offset = position
            for shape, run in groupby(_row_shape(line) for line in lines[position : position + size]):
                length = sum(1 for _ in run)
                rows = slice(offset, offset + length)
                if (
                    shape is not None
                    and length >= ROW_RUN
                    and (
                        2 * np.count_nonzero(is_body[rows]) >= length
                        or _introduced(lines, is_body, offset)
                        or _under_the_headline(lines, original, offset)
                    )
                ):
                    is_body[rows] = True
                offset += length
        position += size
    return is_body


# A run of rows a few lines under the page's headline, with no prose kept above it, is the article
# itself: a race calendar, a league table, a list of results (autoracing's calendar of twelve rows
# had scored 0.0 with every fold model, which kept the sidebar's blurbs and none of the rows; now 0.40
# to 0.60, the sidebar still kept). Measuring pages, ten seeds: 0.9473 -> 0.9531 (other languages
# 0.915 -> 0.950, English unchanged); held out plain text + site pass: L3S-GN1 and CleanPortalEval
# unchanged, Dragnet one page up (0.85 -> 0.91), one down by 0.005; HTML unchanged.
HEADLINE_ROWS_REACH = 5


def _opens_a_kept_table(lines: list[Line], kept: list[bool], position: int) -> bool:
    """Whether a kept row opens ROW_RUN kept rows of one shape, with words in them: rows of figures
    alone ("6 7 8 9 10 11 12") are a calendar's widget."""
    if not lines[position].row_like or position + ROW_RUN > len(lines):
        return False
    shape = _row_shape(lines[position])
    return (
        shape is not None
        and "a" in shape.split()
        and all(
            kept[other] and lines[other].row_like and _row_shape(lines[other]) == shape
            for other in range(position, position + ROW_RUN)
        )
    )


def _under_the_headline(lines: list[Line], is_body: np.ndarray, start: int) -> bool:
    """Whether a run of rows starts within HEADLINE_ROWS_REACH lines under the page's headline (a line
    of COUNT_HEADLINE_WORDS words or more, under the page's first line, that the first line, its
    <title>, holds) and the model kept no prose above it."""
    title_key = lines[0].key
    if not title_key or any(is_body[position] and lines[position].strong_body for position in range(start)):
        return False
    return any(_title_holds(line, title_key) for line in lines[max(1, start - HEADLINE_ROWS_REACH) : start])


def _introduced(lines: list[Line], is_body: np.ndarray, start: int) -> bool:
    """Whether the line above a run of rows is kept text that announces them ("The tour's dates:"),
    not a heading a rule names ("Related:", "Tags:")."""
    if start < 1 or not is_body[start - 1]:
        return False
    line = lines[start - 1]
    return line.text.rstrip().endswith(":") and _rule_of(line) is None


def _rule_of(line: Line) -> LineRule | None:
    """The rule that names a line in the line model's reading: its own, else one of RULES_AFTER_MODEL."""
    return line.rule or line.rule_after_model


# A comments heading or count ("Comments", "0 comments", "11 Comments") is the comments section's heading
# after the article, or a link to it in the article's header, beside the post's date and over its first
# paragraphs (held-out L3S-GN1 text+site: counts 0.948 -> 0.949, the bare heading too 0.953 -> 0.954).
_COMMENT_PROMPTS = frozenset({"leave", "add", "post", "write"})
_COMMENTS_LINK = re.compile(
    r"^[\W_]*(?:(?:\d+\s+)?(?:comments?|responses?|repl(?:y|ies))\W*"
    # A prompt to comment in a post line's bar of links ("Leave a comment! | Published in News").
    rf"|(?:{'|'.join(sorted(_COMMENT_PROMPTS))})\s+a\s+(?:comment|reply)\W*(?:\|.*)?)$",
    re.IGNORECASE,
)
COUNT_DATE_REACH = 3
COUNT_PROSE_REACH = 6
COUNT_PROSE_LINES = 2
COUNT_HEADLINE_REACH = 2
COUNT_BYLINE_REACH = 8
COUNT_HEADLINE_WORDS = 3


def _links_comments_in_header(lines: list[Line], position: int) -> bool:
    """Whether a comments heading or count is the header's link to the thread: a date within
    COUNT_DATE_REACH lines above it (or the headline, or the byline, under it), and prose under it, or
    under that byline (COUNT_PROSE_LINES lines within COUNT_PROSE_REACH), before any comment's stamp,
    attribution, widget or form. Teasers above such a header read as the article's prose, and the
    link then closed the article before its first paragraph."""
    line = lines[position]
    if not _COMMENTS_LINK.match(line.text):
        return False
    # The post's date stands above the link, or the page's headline just under it, or the byline
    # further under it; a comment's stamp under a heading is the thread's.
    above = lines[max(0, position - COUNT_DATE_REACH) : position]
    # A prompt to comment ("Leave a comment!") stands in a post line's bar, the author named above it.
    prompt = line.text[:1].isalpha() and line.text.split(maxsplit=1)[0].lower() in _COMMENT_PROMPTS
    byline = _byline_under(lines, position)
    if (
        byline is None
        and not any(other.dates or (prompt and POST_MARK.search(other.text)) for other in above)
        and not _headline_under(lines, position)
    ):
        return False
    # The text follows the link, or the byline under it.
    prose = 0
    start = position + 1 if byline is None else byline + 1
    for other in lines[start : start + COUNT_PROSE_REACH]:
        if other.strong_body:
            prose += 1
            if prose >= COUNT_PROSE_LINES:
                return True
        elif _marks_a_thread(other):
            return False
    return False


# Under a thread's heading come comments, each with its stamp or widget; under a link to the thread
# inside the text ("Comments | Weigh In | Corrections?" between two paragraphs) the text goes on,
# perhaps after a box of a blog's teasers. Held out, plain text: a reach of 10 lines gave Dragnet
# 0.8660, 20 lines 0.8675 (two more Washington Post reports past such a box), 30 lines moved 4 pages more.
TEXT_UNDER_REACH = 20
TEXT_UNDER_LINES = 4
THREAD_SIGNATURES = 2
# A comment that opens with its writer's name and a colon ("Dorothy: I moor at the south pier ...").
_SIGNED_OPENING = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}: ")


# A reporter's credit line ("(Reporting by Ana Ruiz; Editing by Tom Hallet)"), a copyright notice, a
# link heading alone, a tag list or a newsletter prompt (see _closes_article) closes a story: what
# follows is the site's foot ("Our Standards: ...", "Trending Stories"), unless paragraphs of prose go
# on under it (a roundup's next report, a publisher's own addition, a notice above the text, a box of
# links inside the text).
_FOOT_RULES = ("reporter_credit", "copyright", "link_line", "tags", "newsletter")
CREDIT_PROSE_UNDER = 2
# A newsletter prompt that closes has this many words, fewest and most: a menu's "Subscribe" alone
# closes nothing, nor does a sentence of the text (a measuring page's "... heavy oversubscription
# from small investors ..." had lost the paragraph under it).
NEWSLETTER_PROMPT_WORDS = (3, 15)
# A notice proper, opening with its mark and naming a year or its rights: not a menu's "DMCA Copyright
# Agent", a photograph's "photos © Ana Ruiz, 2018" or a picture's credit "© Reuters".
# "All rights reserved" in the languages of the copyright rule's words too.
_RIGHTS_RESERVED = (
    r"\ball\s+rights\s+reserved\b|\briproduzione\s+riservata\b|\btous\s+droits\s+réservés\b"
    r"|\btodos\s+los\s+derechos\s+reservados\b|\btodos\s+os\s+direitos\s+reservados\b"
    r"|\balle\s+rechte\s+vorbehalten\b|\balle\s+rechten\s+voorbehouden\b"
)
_FOOT_NOTICE = re.compile(rf"^[\W_]*(?:copyright\b|©|\(c\))|{_RIGHTS_RESERVED}", re.IGNORECASE)


def _is_foot_notice(text: str) -> bool:
    return (
        _FOOT_NOTICE.search(text) is not None
        and _NOTICE_MARKS.search(text) is not None
        and _IMAGE_WORDS.search(text) is None
    )


def _foot_leaves_text_under(line: Line, position: int, strong_positions: list[int]) -> bool:
    """Whether a credit line, a copyright notice or a link heading leaves the lines under it be: a
    notice that is no notice proper, or any with CREDIT_PROSE_UNDER paragraphs of prose or more under it."""
    rule = _rule_of(line)
    if rule is None or rule.name not in _FOOT_RULES:
        return False
    if rule.name == "copyright" and not _is_foot_notice(line.text):
        return True
    under = bisect_right(strong_positions, position)
    return len(strong_positions) - under >= CREDIT_PROSE_UNDER


def _text_goes_on_under(lines: list[Line], position: int, kept_prose: list[int]) -> bool:
    """Whether a comments heading is a link inside the text: TEXT_UNDER_LINES lines of prose or more
    under it within TEXT_UNDER_REACH lines, before any comment's stamp or widget, and more than
    twice the prose the model kept above it (the thread's heading follows the article's prose; a
    teaser's or a menu's prose above the article is none of it). An author line ("Written by Ana
    Ruiz") is the post's byline, not its end, unless it has more of the prose above it than under it."""
    rule = _rule_of(lines[position])
    if rule is not None and rule.name == "author_line":
        return _prose_around(lines, position, kept_prose) != "above"
    if rule is None or rule.name != "comments":
        return False
    prose_above = bisect_left(kept_prose, position)
    prose_under = signed = 0
    end = min(len(lines), position + 1 + TEXT_UNDER_REACH)
    for below in range(position + 1, end):
        other = lines[below]
        if _marks_a_thread(other):
            break
        prose_under += other.strong_body
        # A name alone between two comments ("Dorothy Marsh", then her comment) signs a thread's
        # comment; a teaser box names its author under a headline, not under prose.
        signed += (
            below + 1 < end
            and lines[below + 1].strong_body
            and (below == position + 1 or lines[below - 1].strong_body)
            and name_line(other.text) is not None
        ) or (other.strong_body and _SIGNED_OPENING.match(other.text) is not None)
    return prose_under >= TEXT_UNDER_LINES and prose_under > 2 * prose_above and signed < THREAD_SIGNATURES


def _prose_around(lines: list[Line], position: int, kept_prose: list[int]) -> str:
    """Where most of the prose around a line stands: "above" where the model kept two lines of prose
    or more above it and fewer under it (up to a comment's stamp or widget), else "under"."""
    prose_above = bisect_left(kept_prose, position)
    prose_under = 0
    for below in range(position + 1, min(len(lines), position + 1 + TEXT_UNDER_REACH)):
        if _marks_a_thread(lines[below]):
            break
        prose_under += lines[below].strong_body
    return "above" if prose_above >= 2 and prose_above > prose_under else "under"


# A box of other stories inside the text ("Te puede interesar" over one headline): at most this many
# lines under its heading, then the text's prose again, this many paragraphs of at least this many
# words in all. At the end of an article its list runs on to the page's foot.
BOX_TEASER_LINES = 3
BOX_PROSE_LINES = 2
BOX_PROSE_WORDS = 30


def _box_inside_text(lines: list[Line], position: int) -> bool:
    """Whether a related-articles heading heads a box inside the text: a few short lines under it, then
    paragraphs of prose, with nothing a rule names between."""
    rule = _rule_of(lines[position])
    if rule is None or rule.name != "related_heading":
        return False
    below = position + 1
    while below < len(lines) and below - position <= BOX_TEASER_LINES and not lines[below].strong_body:
        if _rule_of(lines[below]) is not None:
            return False
        below += 1
    prose = lines[below : below + BOX_PROSE_LINES]
    return (
        below > position + 1
        and len(prose) == BOX_PROSE_LINES
        and all(line.strong_body and _rule_of(line) is None for line in prose)
        # Chinese and Japanese counted by characters, as their words are not spaced.
        and sum(count_words(line.text) for line in prose) >= BOX_PROSE_WORDS
    )


def _byline_under(lines: list[Line], position: int) -> int | None:
    """Where the article's byline ("By Ana Ruiz") stands under a link, within COUNT_BYLINE_REACH lines
    and before any comment's stamp: a link in the header's bar of tools ("Article | Stock Quotes |
    Comments"), where the date stands further above and notices may come between. A byline is the
    page's first and comes once: under a thread's heading after the article's own byline, or one
    followed by another within reach, "By Dorothy Marsh" heads a comment."""
    if any(_is_plain_byline(other) for other in lines[:position]):
        return None
    for below, other in enumerate(lines[position + 1 : position + 1 + COUNT_BYLINE_REACH], start=position + 1):
        if _marks_a_comment(other):
            return None
        if _is_plain_byline(other):
            after = lines[below + 1 : below + 1 + COUNT_BYLINE_REACH]
            return None if any(_is_plain_byline(later) for later in after) else below
    return None


def _is_plain_byline(line: Line) -> bool:
    return line.parsed_byline is not None and _rule_of(line) is None


def _headline_under(lines: list[Line], position: int) -> bool:
    """Whether the page's headline (a line of COUNT_HEADLINE_WORDS words or more that the page's first
    line, its <title>, holds) stands within COUNT_HEADLINE_REACH lines under a line."""
    title_key = lines[0].key
    return any(
        other.headline_like and _title_holds(other, title_key)
        for other in lines[position + 1 : position + 1 + COUNT_HEADLINE_REACH]
    )


def _title_holds(line: Line, title_key: str) -> bool:
    """Whether a line of COUNT_HEADLINE_WORDS words or more is held by the page's first line (its
    <title>, keyed as title_key): the page's headline printed again."""
    return line.words >= COUNT_HEADLINE_WORDS and line.key in title_key


# A caption's label before it ("Image caption, ...", "Media caption ...", "Photo caption: ...", "Caption: ...").
# In capitals as a label is, and "Caption" with its colon: "caption of the figure" opens a sentence.
_MEDIA_CAPTION = r"(?:Image|Media|Photo|Picture|Video|IMAGE|MEDIA|PHOTO|PICTURE|VIDEO)\s+(?i:caption)"
_CAPTION_LABEL = re.compile(rf"^(?:{_MEDIA_CAPTION}\s*[,:]?|(?i:caption)\s*:)\s+(?=\S)")


# The label alone on its line, the caption on the next ("Image caption," over "Residents were moved ...").
_CAPTION_LABEL_ALONE = re.compile(rf"^(?:{_MEDIA_CAPTION}|(?i:caption))\s*[,:]?$")


def _under_caption_label(lines: list[Line], position: int) -> bool:
    """Whether a line is the caption under its label alone on the line above ("Image caption,")."""
    line = lines[position]
    return (
        position > 0
        and CAPTION_LEAST_WORDS <= line.words <= CREDITED_CAPTION_WORDS
        and _CAPTION_LABEL_ALONE.match(lines[position - 1].text.strip()) is not None
    )


def _labelled_caption(text: str) -> str | None:
    """The caption of a line that is one under its label ("Image caption, The ferry ..." -> "The ferry
    ..."), else None; "Create-a-Caption: ..." is no label."""
    found = _CAPTION_LABEL.match(text)
    return text[found.end() :] if found is not None and count_words(text) - 2 >= 2 else None


# The forms agencies caption their photographs in, which pages print among the paragraphs: AP's "FILE -
# In this Jan. 15, 2008, file photo, ...", "In this photo provided by the county, ...", "In this image
# made from video, ...", Reuters' "FILE PHOTO: ...". Read after the model only: the rules' reading is
# among its inputs as it learnt them.
_WIRE_PHOTO_CAPTION = re.compile(
    r"^(?:FILE(?:\s+PHOTO)?\s*[-–—:]\s+"
    # A bare "In this photo, you can see ..." is a blog's sentence: a date, "file" or "undated" before
    # the photo, or who provided or made it after, is the agency's form.
    r"|In\s+this\s+(?:.{0,50}?\b(?:file|undated|handout)\s+|.{0,50}?\d{4},?\s+)(?:photo|image|picture)\b"
    r"|In\s+this\s+(?:photo|image|picture|frame\s+grab)\s+"
    r"(?:provided|taken|released|made|shot|obtained|courtesy|from\s+video)\b)"
)


# A caption ending with its photograph's credit in the forms newspapers print: "... Photograph: Ana
# Ruiz/Guardian", "... Credit: Ana Ruiz for The Times", "Credit... Ana Ruiz/The Times", Al Jazeera's "...
# [Ana Ruiz/Al Jazeera]", "... | Ana Ruiz/The Times". Read after the model, on lines of at most
# CREDITED_CAPTION_WORDS words.
# The credit names who made or gave the picture: no date ("Photos: 10 Dec 2011") and no teaser cut short
# ("Festival In Photos: The Bands, The…").
_LABELLED_CREDIT = r"\b(?:Photograph|Photo|Picture|Image|Credit)s?\s*(?::|\.{3}|…)\s*[^\W\d_][^.!?:…]{1,79}$"
_CAPTION_CREDIT_TAIL = re.compile(
    rf"(?:{_LABELLED_CREDIT[:-1]}|\[[^\[\]]{{2,60}}/[^\[\]]{{2,60}}\]|\|\s*[A-Z][^|]{{1,60}}/[^|]{{2,60}})$"
)
_LABELLED_CREDIT_TAIL = re.compile(_LABELLED_CREDIT)
CREDITED_CAPTION_WORDS = 60
# A caption names what the picture shows: fewer words are a credit's or a label's.
CAPTION_LEAST_WORDS = 4


# A photograph's credit alone on its line under the caption, the photographer and the agency or paper:
# "Ana Ruiz/AP", "Ana Ruiz/AFP via Getty Images", "Ana Ruiz/The Lakeland Courier" (as NPR prints them).
_PHOTOGRAPHER_AND_SOURCE = (
    r"[A-ZÀ-Ý][\w.'’-]+(?:\s+[A-ZÀ-Ý][\w.'’-]+){1,3}\s*/\s*[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|via|for|of))*$"
)
_PHOTOGRAPHER_CREDIT = re.compile(f"^{_PHOTOGRAPHER_AND_SOURCE}")
# A caption's credit in brackets at its end, as Al Jazeera and the Washington Post print it ("... on
# Monday [Ana Ruiz/Al Jazeera]", "... on Monday. (Ana Ruiz/AP)"). Names either side of the slash: a date
# ("(10/01/07)") or a list of tags ("[ Design, Social/Online ]") is none.
_BRACKETED_CREDIT_TAIL = re.compile(
    r"\s(?:\[[^\[\],]{0,58}[^\W\d_][^\[\],]{0,58}/[^\[\],]{0,58}[^\W\d_][^\[\],]{0,58}\]"
    r"|\([^(),]{0,58}[^\W\d_][^(),]{0,58}/[^(),]{0,58}[^\W\d_][^(),]{0,58}\))$"
)
# The photographer's credit run into the caption after its last sentence, as AFP's French captions end
# ("... lundi. JAN HORAK / AFP").
_PHOTOGRAPHER_CREDIT_TAIL = re.compile(
    rf"(?<=[.!?])\s+(?P<credit>{_PHOTOGRAPHER_AND_SOURCE}"
    # The agency first, as EFE's captions end ("... este lunes. EFE/Ana Ruiz").
    r"|[A-ZÀ-Ý]{2,}(?:\s+[A-ZÀ-Ý]{2,})?\s*/\s*[A-ZÀ-Ý][\w.'’-]+(?:\s+[A-ZÀ-Ý][\w.'’-]+){1,3}$)"
)
PHOTOGRAPHER_CREDIT_WORDS = 8


def _over_photographer_credit(lines: list[Line], position: int) -> bool:
    """Whether the next line is a photograph's credit of the photographer's name and its source."""
    return position + 1 < len(lines) and _is_photographer_credit(lines[position + 1])


def _is_photographer_credit(credit: Line) -> bool:
    """Whether a line is a photograph's credit of the photographer's name and its source alone."""
    return (
        credit.words <= PHOTOGRAPHER_CREDIT_WORDS
        and _PHOTOGRAPHER_CREDIT.match(credit.text) is not None
        # Links named in capitals either side of a slash ("View Pics / Read More") are a widget's.
        and not _names_a_widget(credit.text)
    )


def _names_a_widget(text: str) -> bool:
    """Whether any word of a text is a widget's ("View", "Read", "More")."""
    return any(word in WIDGET_WORDS for word in _WORD.findall(text.lower()))


def _credited_caption(lines: list[Line], position: int, in_header: bool) -> bool:
    """Whether a line is a photograph's caption by its credit: ending with its labelled credit ("...
    Photograph: Ana Ruiz/AP", "... Credit...Ana Ruiz for The Times"), or, among the header's lines, a
    sentence over a line of the photographer's name and source ("Ana Ruiz/AP"). In the text, a
    paragraph over such a line is the text's, the picture under it uncaptioned; a menu ends with a
    link's name after a bar ("| Log in/Register"), which the captions' tail also reads after the model."""
    line = lines[position]
    if line.words < CAPTION_LEAST_WORDS or line.words > CREDITED_CAPTION_WORDS:
        return False
    if (labelled := _LABELLED_CREDIT_TAIL.search(line.text)) is not None:
        return count_words(line.text[: labelled.start()]) >= CAPTION_LEAST_WORDS
    if in_header and (bracketed := _BRACKETED_CREDIT_TAIL.search(line.text)) is not None:
        return count_words(line.text[: bracketed.start()]) >= CAPTION_LEAST_WORDS
    if in_header and (tail := _PHOTOGRAPHER_CREDIT_TAIL.search(line.text)) is not None:
        return count_words(line.text[: tail.start()]) >= CAPTION_LEAST_WORDS and not _names_a_widget(tail["credit"])
    return (
        in_header
        and line.sentence_end
        # A teaser's headline cut short ("Ten Couples Who Stayed To...") is no caption.
        and not line.text.rstrip().endswith(("...", "…"))
        and _over_photographer_credit(lines, position)
    )


def _is_dated_photo_caption(lines: list[Line], position: int) -> bool:
    """Whether a line is a photo's caption that dates it, over the photo's credit ("Beekeepers inspect
    hives near Wessenburg on April 27, 2024." over "Photo: Jeroen Staal"), as wire photos are
    captioned. A post's first paragraph over a photo's credit ("photo: WhatsApp") gives no date."""
    if position + 1 >= len(lines):
        return False
    credit = lines[position + 1].rule
    line = lines[position]
    return credit is not None and credit.name == "photo_credit" and bool(line.dates) and line.sentence_end


def _author_boxes(lines: list[Line], first_body: int) -> set[int]:
    """The heading of an author's box after the text ("About Ana Ruiz") and the bio under it, where
    the name is the post's author: the header's post line or byline names them ("Ana Ruiz 27/09/2018
    2 comments", "By Ana Ruiz"), and the bio names them again. A box on the article's subject, or on
    a company its headline names, names no author."""
    found: set[int] = set()
    header = [
        line.text.lower()
        for line in lines[:first_body]
        if line.words <= POST_LINE_WORDS and (line.dates or line.parsed_byline is not None)
    ]
    for position in range(first_body, len(lines) - 1):
        line = lines[position]
        if line.words > AUTHOR_BOX_HEADING_WORDS or (heading := AUTHOR_BOX_HEADING.match(line.text)) is None:
            continue
        name = heading["name"].lower()
        if any(name in text for text in header) and name.rsplit(maxsplit=1)[-1] in lines[position + 1].text.lower():
            found.update((position, position + 1))
    return found


# A link line that is a heading alone ("Related Stories", "Trending Stories", "Mehr zum Thema", "Most
# read"), of this many words at most, heads the list of teasers after the article; "Read also" ("Leggi
# anche", "Lesen Sie auch") points from inside the text to one article and closes nothing.
LINK_HEADING_WORDS = 4
_READ_ALSO = re.compile(
    r"\b(?<!most\s)(?:read|see|watch)\b|\b(?:also|anche|auch|aussi|também|también|ook|leggi|lesen|lire|leia|lea)\b",
    re.IGNORECASE,
)


# "Read also" in the languages of the related headings after the model and of the link labels.
_READ_ALSO_PHRASES = (
    r"read\s+also|also\s+read|lire\s+aussi|lea\s+también|leia\s+também|leggi\s+anche|lesen\s+sie\s+auch"
    r"|lees\s+ook|читайте\s+также|baca\s+juga|czytaj\s+(?:także|też|również)|läs\s+(?:också|även)"
    r"|[اأإ]قرأ\s+[اأ]يضا?ً?"
)
# A related heading saying it closes nothing: "Also on HuffPost" and "See also" above a list of teasers
# still close.
_READ_ALSO_HEADING = re.compile(rf"\b(?:{_READ_ALSO_PHRASES}|lea\s+tambien)\b", re.IGNORECASE)
# A label telling to read another story, alone on its line ("Lesen Sie auch", "READ MORE:", "Also read",
# "À lire aussi"): that story's headline follows. Not a jump link ("Read more..." over the rest of a
# post), nor "See also" (a reference section's heading) or "Don't miss:" (a deals post's product list).
_READ_ALSO_LABEL = re.compile(
    rf"^[\W_]*(?:{_READ_ALSO_PHRASES}|read\s+more|mehr\s+zum\s+thema|à\s+lire\s+aussi|leia\s+mais|lea\s+más)\s*:?$",
    re.IGNORECASE,
)


def _closes_article(line: Line) -> bool:
    rule = _rule_of(line)
    if rule is not None and rule.name == "link_line":
        return (
            line.words <= LINK_HEADING_WORDS
            and _LINKED_TITLE.search(line.text) is None
            and _READ_ALSO.search(line.text) is None
        )
    if rule is None or rule.name not in _MODEL_CLOSING_RULES:
        return False
    if rule.name == "newsletter":
        # A prompt of its own ("Subscribe to our newsletter"), not a menu's one word nor a sentence of
        # the text that says "oversubscription"; nor a paywall's ("Subscribe to continue reading"),
        # which may have the rest of the text under it.
        paywall = line.rule_after_model is not None and not line.rule_after_model.ends_article
        return NEWSLETTER_PROMPT_WORDS[0] <= line.words <= NEWSLETTER_PROMPT_WORDS[1] and not paywall
    # "Veja também: <a title>" links one article from inside another; the bare heading opens a list,
    # unless it is a read-also's ("Lire aussi", "Lea también"), which stands inside the text as the
    # link line's does (a French report had lost its three last paragraphs under one).
    return rule.name != "related_heading" or (
        _LINKED_TITLE.search(line.text) is None and _READ_ALSO_HEADING.search(line.text) is None
    )


def _segments(lines: list[Line]) -> list[tuple[int, int]]:
    """The parts of a page, each read as an article is read (see split.py)."""
    boundaries = find_part_boundaries(lines)
    return list(zip([0, *boundaries], [*boundaries, len(lines)], strict=True))


def _join_parts(
    lines: list[Line], segments: list[tuple[int, int]], parts: list[tuple[int, CleanedText]]
) -> list[CleanedText]:
    """The articles of a page from its parts (each with its first line): a part that opens no
    article of its own (a teaser list, a comment thread) joins the article before it, its heading
    kept as a removed line."""
    if len(parts) == 1:
        # Most pages are one part: no words to count (0.03 ms a page of 18 lines).
        return [parts[0][1]]
    starts = set(find_article_boundaries(lines, [start for start, _ in segments[1:]]))
    articles: list[CleanedText] = []
    opening_words = 0
    for start, part in parts:
        words = sum(len(paragraph.split()) for paragraph in part.paragraphs)
        if not articles or start in starts:
            articles.append(part)
            opening_words = words
            continue
        article = articles[-1]
        if part.title:
            article.removed.append(RemovedLine(part.title, PART_HEADING_REASON))
        article.paragraphs += part.paragraphs
        article.body_lines += part.body_lines
        article.captions += part.captions
        # The part's date, byline or credit would be a comment's or a teaser's: its lines stay
        # removed lines (with their reasons), not the article's fields. But a part longer than the
        # article's opening is its body (what came before was the page's furniture the model
        # kept), and where the article has no date or headline, those over that body are its own.
        if words > opening_words:
            if article.date is None and part.date is not None:
                article.date, article.date_source = part.date, part.date_source
            if article.title is None and part.title is not None:
                article.title = part.title
                article.removed = [line for line in article.removed if line.line != part.title]
        article.removed += part.removed
    return articles


def _clean_by_rules(
    lines: list[Line],
    segments: list[tuple[int, int]],
    title: str | None,
    metadata_date: str | None,
    wire_metadata: dict[str, str],
    joined_bylines: dict[str, int] | None = None,
    record_removed: bool = True,
) -> list[CleanedText]:
    """The rules' reading of a page's parts, joined into articles; `record_removed`: with the lines
    each article's reading removes line by line, its date, the author of a post line under its text
    and the outlet that first published it. Without, the reading is only the line model's inputs: its
    kept lines, captions and paragraphs, the same either way."""
    parts: list[tuple[int, CleanedText]] = []
    for start, end in segments:
        # Container metadata (a feed's title and date) and the page's opening line describe the
        # first article only: that of the first part with any text (an empty part is dropped).
        first = not any(part.paragraphs for _, part in parts)
        parts.append(
            (
                start,
                _clean_segment(
                    lines[start:end],
                    known_title=title if first else None,
                    metadata_date=metadata_date if first else None,
                    wire_metadata=wire_metadata if first else {},
                    opening=lines[0] if first and lines else None,
                    joined_bylines=joined_bylines,
                    record_removed=record_removed,
                ),
            )
        )
    return _join_parts(lines, segments, parts)


def _rule_decisions(results: list[CleanedText]) -> RuleDecisions:
    return RuleDecisions(
        kept={line for result in results for line in result.body_lines},
        captions={caption for result in results for caption in result.captions},
    )


# What the rules may have read an agency's name alone under the text as, before it is known for a credit.
_CLOSING_CREDIT_READINGS = (None, "stray short token", SHORT_FOOTER_LINE)


# A headline in title case ending with a full stop: words of this many letters or more, most of them
# capitalised (a tabloid's lede opens with a word in capitals instead: "SIR CLIFF Richard hasn't ...").
HEADLINE_CASE_LETTERS = 4
HEADLINE_CASE_SHARE = 0.75
_CAPITALISED_OPENING = re.compile(r"^\W*(?:[A-Z]\s+)?[A-Z][A-Z'’-]+\b")


HEADLINE_WORDS_WITH_A_FULL_STOP = 25


def _headline_with_a_full_stop(first: Line, second: Line) -> bool:
    """Whether a text's first line is its headline although it ends as a sentence does: short, in title
    case ("Here's Why Winning Iowa Could Break The Election Wide Open."), over a longer paragraph."""
    if not (first.sentence_end and 4 <= first.words <= HEADLINE_WORDS_WITH_A_FULL_STOP and second.words > first.words):
        return False
    # A prompt's rule may name a headline's word ("... where Donations Slipped through the Cracks.").
    if _CAPITALISED_OPENING.match(first.text) or (first.rule is not None and not first.rule.edges_only) or first.dates:
        return False
    long_words = [word for word in _WORD.findall(first.text) if len(word) >= HEADLINE_CASE_LETTERS and word.isalpha()]
    capitalised = sum(word[0].isupper() for word in long_words)
    return len(long_words) >= 3 and capitalised >= HEADLINE_CASE_SHARE * len(long_words)


# A sentence this long that a prompt's rule names for one of its words is a report's ("Clinton said the
# foundation had disclosed enough, referencing its donations on Wednesday"), where the model keeps it.
PROMPT_WORDS_IN_PROSE = 20


def _prose_but_for_a_prompts_words(line: Line) -> bool:
    """Whether a line is prose a rule trusted only at the text's edges names (a donation's or a
    newsletter's words in a long sentence): it opens the body as other prose does, and inside the
    body the rule lets it stand."""
    return (
        line.rule is not None
        and line.rule.edges_only
        and line.words >= PROMPT_WORDS_IN_PROSE
        and line.sentence_end
        and not line.caption_like
    )


# A paragraph signed off by its agency is prose of at least this many words before the sign-off.
SIGNED_OFF_WORDS = 12


def _signed_off_prose(line: Line) -> bool:
    """Whether a line is prose ending with its agency's sign-off in brackets ("... said. (AFP)"), not a
    picture's credit naming its photographer or its kind ("(AP Photo/Ana Ruiz)", "(Photo: AFP)")."""
    agency, sign_off, rest = split_sign_off(line.text)
    return (
        agency is not None
        and sign_off.startswith("(")
        and "/" not in sign_off
        and rest.endswith((".", '"', "”"))
        and count_words(rest) >= SIGNED_OFF_WORDS
    )


def _credit_line_agency(line: Line, position: int, reason: str | None, headline_at: int, first_body: int) -> str | None:
    """The agency of a credit line alone under the headline, in the header ("The Associated Press", "AP
    Sports Writer", "Agence France-Presse"): the copy is the agency's. Above the headline such a line
    is a menu's link, inside the text a picture's credit."""
    if not headline_at < position < first_body <= position + HEADER_DATE_REACH:
        return None
    # A short agency name ("EFE", "AFP") is also a stray short token's length.
    if reason is not None and reason not in _HEADER_REASONS and reason != "stray short token":
        return None
    found = agency_line(line.text.removeprefix(CELL_MARK))
    return found[0] if found is not None else None


def _clean_segment(
    lines: list[Line],
    known_title: str | None,
    metadata_date: str | None,
    wire_metadata: dict[str, str],
    opening: Line | None = None,
    joined_bylines: dict[str, int] | None = None,
    record_removed: bool = True,
) -> CleanedText:
    result = CleanedText(metadata=dict(wire_metadata))
    strong_positions = [position for position, line in enumerate(lines) if line.strong_body]
    body_positions = strong_positions
    if not body_positions:
        # A page of short lines (a list, a set list, a results table): all of it is the body,
        # bar the headline and what the rules name.
        body_positions = [position for position, line in enumerate(lines) if line.rule is None]
        if body_positions and lines[body_positions[0]].headline_like and len(body_positions) > 1:
            body_positions = body_positions[1:]
    first_body = body_positions[0] if body_positions else len(lines)
    last_body = body_positions[-1] if body_positions else len(lines) - 1
    seen_keys: set[str] = set()
    date_lines: list[_DateEvidence] = []

    title_key = line_key(known_title) if known_title else None
    if known_title:
        result.title = known_title
    else:
        title_line, title_text = _choose_title(lines[:first_body], opening, as_learnt=True)
        if title_line is not None:
            result.title, byline, agency = _apart_from_joined_byline(title_line, title_text, joined_bylines)
            result.byline = result.byline or byline
            result.credit = result.credit or agency
            title_key = title_line.key

    in_teaser_list = False
    headline_at = _last_headline(lines, first_body, title_key)
    last_kept = last_body
    for position, line in enumerate(lines):
        zone = "header" if position < first_body else "footer" if position > last_body else "body"
        reason = _removal_reason(line, zone, seen_keys, title_key)
        if (agency := _credit_line_agency(line, position, reason, headline_at, first_body)) is not None:
            reason = AGENCY_CREDIT_REASON
            result.credit = result.credit or agency
        elif (
            zone == "footer"
            and position == last_kept + 1
            and reason in _CLOSING_CREDIT_READINGS
            and (agency := closing_agency(line.text)) is not None
        ):
            # The agency named alone right under the text ("dpa", "(AFP/Reuters)"): the text is its copy.
            reason = AGENCY_CREDIT_REASON
            result.credit = result.credit or agency
        # Headlines listed under a "Related"/"More on" line are teasers, not subheadings.
        if reason is None and in_teaser_list and not line.sentence_end and line.words <= 15:
            reason = "teaser list"
        in_teaser_list = (line.rule is not None and line.rule.name == "link_line") or (
            in_teaser_list and reason == "teaser list"
        )
        if reason is None and _is_dated_photo_caption(lines, position):
            reason = "caption"
        seen_keys.add(line.key)
        # Only the lines just above the text can be post lines: the test is skipped for the others.
        if 0 < first_body - position <= HEADER_DATE_REACH:
            _note_post_line(result, date_lines, line, reason, headline_at < position, first_body - position)
        if reason == "title":
            continue
        if reason == "caption":
            result.captions.append(line.text)
            continue
        if reason == "date line":
            _add_date_line(result, date_lines, line, headline_at < position < first_body)
            if record_removed:
                result.removed.append(RemovedLine(line.text, reason))
            continue
        if reason == "byline":
            _note_byline(result, line)
            if record_removed:
                result.removed.append(RemovedLine(line.text, reason))
            continue
        if reason is not None:
            if record_removed:
                result.removed.append(RemovedLine(line.text, reason))
            if reason == "reporter credit":
                result.metadata.setdefault("reporter_credit", line.text)
            # An author bio or a comments header after real prose closes the article even where
            # long comments follow it (they would otherwise pass for body paragraphs).
            closes_body = (
                zone == "body"
                and line.rule is not None
                and line.rule.name in _CLOSING_RULES
                and len(strong_positions) >= 2
                and strong_positions[1] < position
            )
            if closes_body or (zone == "footer" and reason != AGENCY_CREDIT_REASON and _ends_article(line, reason)):
                # What follows the end of an article (comments, teasers, the next story) is not it.
                for later in lines[position + 1 :]:
                    later_reason = _removal_reason(later, "footer", seen_keys, title_key)
                    if later_reason == "caption":
                        result.captions.append(later.text)
                        continue
                    if record_removed:
                        result.removed.append(RemovedLine(later.text, later_reason or "after the end of the article"))
                    seen_keys.add(later.key)
                break
            continue
        result.paragraphs.append(line.text)
        result.body_lines.append(line.text)
        last_kept = position

    if record_removed:
        _note_footer_post_line(result, date_lines, lines, last_kept)
    # Without the removed lines, the reading is the line model's inputs: its date and original
    # publisher are not looked for (_clean_segment 0.193 -> 0.182 ms a page, 0.057 -> 0.041 on generated
    # pages).
    _finish(result, metadata_date, date_lines, with_date_and_publisher=record_removed)
    return result


# The strength of a line's date, strongest first: a date line between the headline and the text, a
# short line there holding a date among other words, a post line just after the text ("Posted by
# Ana on May 3, 2012 | Permalink"), a post line just above the headline ("November 6, 2012, 17:36
# GMT · By Ana Ruiz"), a post line among the text's first lines that the model left out ("Date:
# November 1, 2012 | Category: Homes | Author: Ana Ruiz" under a kept teaser), a date line elsewhere
# (above the headline it is often the site's masthead, the day the page was read; after the text a
# teaser's).
(
    _DATE_LINE_BELOW_HEADLINE,
    _HEADER_LINE,
    _FOOTER_LINE,
    _POST_LINE_ABOVE_HEADLINE,
    _POST_LINE_IN_TEXT,
    _OTHER_DATE_LINE,
) = range(6)
# "Author: Ana Ruiz", a post line's label for its author.
_AUTHOR_LABEL = re.compile(r"\bauthor\s*:", re.IGNORECASE)
# How far into the text such a post line stands.
POST_LINE_IN_TEXT_REACH = 5
# How far above the headline a post line naming its author stands (a section's name may come between).
POST_LINE_ABOVE_REACH = 3
# How far below the article's last paragraph its post line stands: the lines between are a
# permalink, tags, share buttons.
FOOTER_DATE_REACH = 3
# A post line ("by Ana Ruiz on May 3, 2012", "Submitted by ana on 3 May 2012 - 3:03pm", "ROME, May
# 3, 2012"): at most this many words, at most this many lines above the article's first paragraph.
HEADER_DATE_WORDS = POST_LINE_WORDS
HEADER_DATE_REACH = 12
_NOT_POST_LINES = ("date line", "title", "caption")


class _DateEvidence(NamedTuple):
    strength: int
    value: date
    source: str
    # Labelled as an update's date ("Updated: March 10, 2024"): a publication date as strong goes first.
    update: bool = False


def _note_post_line(
    result: CleanedText,
    date_lines: list[_DateEvidence],
    line: Line,
    reason: str | None,
    below_headline: bool,
    lines_to_text: int,
) -> str | None:
    """Note the date and author of a short line between the headline and the text that holds other
    words beside its date (a date line proper is noted as one): the post line of blogs and news
    sites, also where it follows the headline on the headline's line; or the author of an author
    line there. The reason to remove the line for, if it was either, else None."""
    if not 0 < lines_to_text <= HEADER_DATE_REACH:
        return None
    agency = None
    if reason == "title":
        headline = line.headline_before_post
        if not headline:
            return None
        post_part = line.text[len(headline) :]
        found = [found_date for found_date in line.dates if found_date.start >= len(headline)]
    elif (
        below_headline
        and line.words <= HEADER_DATE_WORDS
        and reason not in _NOT_POST_LINES
        # A post line long enough to read as a sentence still opens as one ("By Ana Ruiz on Monday,
        # November 18th, 2019 at 11:04 a.m.").
        and (not line.strong_body or _opens_as_post_line(line))
        # A caption (said twice, or in a caption's form, an agency's "FILE - ...") tells when its photo
        # was taken.
        and line.repeats == 1
        and not line.caption_like
        and not _WIRE_PHOTO_CAPTION.match(line.text)
    ):
        post_part = line.text
        found = list(line.dates)
        # A comment's time stamp ("Maria July 7, 2012 at 2:31 pm") stands there on pages whose article
        # is a comment thread; a post's names its author or its posting ("Posted by Ana on May 3, 2012
        # at 9:01 am", "Filed as News on May 3, 2012 11:25 am by Ana"). Of 115 such lines on training
        # pages dated by their address, 107 held the page's date; the 8 that did not were mostly
        # commenters named without "by".
        if found and is_comment_stamp(post_part, found) and not POST_MARK.search(post_part):
            # An agency's name before the date and time is the wire's stamp, no commenter's
            # ("Associated Press - January 11, 2008 4:13 PM ET" under a station page's headline).
            agency = canonical_agency(post_part[: found[0].start])
            if agency is None:
                return None
            result.credit = result.credit or agency
    else:
        return None
    if not found:
        # Without a date, an author line gives the byline ("Posted by Ana Ruiz", "By Ana Ruiz on
        # 11/12/2012", "Ana Ruiz, @anaruiz"); a "By ..." line is read as a byline already.
        if line.words > SHORT_LINE_WORDS or reason == "byline":
            return None
        author, agency = author_line_name(post_part), author_line_agency(post_part)
        if author is None and agency is None:
            return None
        result.byline = result.byline or author
        result.credit = result.credit or agency
        return AUTHOR_LINE_REASON
    published, update = publication_date(post_part, found)
    date_lines.append(_DateEvidence(_HEADER_LINE, published.value, "header line", update))
    # An agency's stamp names no author.
    if result.byline is None and reason != "byline" and agency is None:
        result.byline = post_line_author(post_part)
    return POST_LINE_REASON


# The longest "By ..." line read as a byline.
BYLINE_WORDS = 10
# "By Ana Ruiz on ", "Posted by Ana Ruiz, ": an author's mark, up to four capitalised words, then the
# date (a weekday may stand before it).
_POST_LINE_OPENING = re.compile(
    rf"^(?:(?i:{'|'.join(POSTING_WORDS)})\s+)?(?i:{'|'.join(AUTHOR_WORDS)})\s+"
    r"(?P<name>[A-ZÀ-Ý][\w.'’-]*(?:\s+[A-ZÀ-Ý][\w.'’-]*){0,3}),?\s+(?:(?i:on)\s+)?"
)
# What may stand between the name and the date: a weekday and its comma.
_BEFORE_POST_DATE = 12


def _opens_as_post_line(line: Line) -> bool:
    """Whether a line opens with its author and then its date: a post line, however long."""
    opening = _POST_LINE_OPENING.match(line.text)
    if opening is None or not line.dates or line.dates[0].start - opening.end() > _BEFORE_POST_DATE:
        return False
    # "By Tuesday, November 3, 2020, the count had ..." opens a sentence.
    first_name = opening.group("name").split()[0].lower().rstrip(".,")
    return first_name not in WEEKDAYS and first_name not in MONTHS


# How many of the text's last kept lines may be its author's signature.
SIGNATURE_REACH = 3


def _signature_author(line: Line) -> str | None:
    """The author an author line said once names ("Posted by Ana Ruiz, Product Manager", "Written by
    Ana Ruiz"), or None; a thread's "by bob42 on Aug 9, 2012 ..." says its form again and again."""
    if line.words > SHORT_LINE_WORDS or line.repeats > 1 or line.strong_body:
        return None
    return author_line_name(line.text)


def _note_byline(result: CleanedText, line: Line) -> None:
    """Take a "By ..." line's names and agency for the article's byline and credit, where none was
    taken before and the names are a name."""
    parsed = line.parsed_byline
    if parsed and names_someone(parsed[0]):
        result.byline = result.byline or parsed[0]
        result.credit = result.credit or parsed[1]


def _is_byline_with_an_end(line: Line) -> bool:
    """A "By ..." line ending in a comma or a full stop ("By Ana Ruiz,", "By Ana Ruiz, M.D."): the
    rules' reading, which the line model learnt from, takes only bylines without a sentence's end."""
    parsed = line.parsed_byline
    return (
        parsed is not None
        and line.sentence_end
        and line.words <= BYLINE_WORDS
        and line.text.endswith((",", "."))
        and names_someone(parsed[0])
    )


def _is_post_line_in_text(line: Line) -> bool:
    """Whether a line left out of the text, among its first lines, is its post line: a date beside an
    author or a posting word, short, and no comment's time stamp unless a posting word comes first
    ("Posted by Ana Ruiz on May 3, 2012 at 9:01 am", not "Comment by ana — May 3, 2012 @ 9:14 pm")."""
    return (
        bool(line.dates)
        and line.words <= HEADER_DATE_WORDS
        and not line.strong_body
        and (POST_MARK.search(line.text) is not None or _AUTHOR_LABEL.search(line.text) is not None)
        and (
            not is_comment_stamp(line.text, line.dates)
            or POSTING_MARK.search(line.text, 0, line.dates[0].start) is not None
        )
    )


# Up to four words, a posting word, then "on" or "at" ("This entry was posted on", "Published on").
_POSTED_OPENING = re.compile(rf"^(?:\S+\s+){{0,4}}(?:{'|'.join(POSTING_WORDS)})\s+(?:on|at)\s+(?:\w+,?\s+)?$", re.I)
_POSTED_OPENING_CHARACTERS = 80
# Such a sentence stands below the tags, likes and share buttons too.
POSTED_SENTENCE_REACH = 8


def _posted_sentence_date(line: Line) -> date | None:
    """The date of a blog's footer sentence opening with its posting ("This entry was posted on May 3,
    2012 at 9:01 am and is filed under News. You can follow any responses ..."), a long line."""
    if line.words <= HEADER_DATE_WORDS:
        return None
    opening = find_dates(line.text[:_POSTED_OPENING_CHARACTERS])
    return opening[0].value if opening and _POSTED_OPENING.match(line.text[: opening[0].start]) else None


def _note_footer_post_line(
    result: CleanedText, date_lines: list[_DateEvidence], lines: list[Line], last_paragraph: int
) -> None:
    """Note the date of a post line just below the article's text, where many blogs print author and
    date (on the training pages: 7 more articles dated, the one whose address gives its date right),
    and the author of an author line there ("Posted by Ana Ruiz at 8:56 AM")."""
    for offset, line in enumerate(lines[last_paragraph + 1 : last_paragraph + 1 + POSTED_SENTENCE_REACH]):
        if line.words > HEADER_DATE_WORDS:
            posted = _posted_sentence_date(line)
            if posted is not None:
                date_lines.append(_DateEvidence(_FOOTER_LINE, posted, "footer line"))
                return
            continue
        if line.strong_body or offset >= FOOTER_DATE_REACH:
            continue
        found = line.dates
        if not found and result.byline is None and line.words <= SHORT_LINE_WORDS:
            result.byline = author_line_name(line.text)
        if found and POST_MARK.search(line.text):
            if not is_comment_stamp(line.text, found) or AUTHOR_MARK.search(line.text, 0, found[0].start):
                published, update = publication_date(line.text, found)
                date_lines.append(_DateEvidence(_FOOTER_LINE, published.value, "footer line", update))
            return


def _add_date_line(result: CleanedText, date_lines: list[_DateEvidence], line: Line, below_headline: bool) -> None:
    """Note a date line's date as a candidate for its article's, unless it is a comment's time stamp
    ("Maria July 7, 2012 at 2:31 pm"), which had dated articles by a comment (a guess: of 467 pages
    dated by their address, 16 go undated, 8 of whose dates were right, 3 a day off and 5 off by more)."""
    if line.date_line is None or is_comment_stamp(line.text, line.dates):
        return
    strength = _DATE_LINE_BELOW_HEADLINE if below_headline else _OTHER_DATE_LINE
    update = is_update(line.text, line.dates[0])
    date_lines.append(_DateEvidence(strength, line.date_line, "date line", update))
    result.metadata.setdefault("date_line", line.text)


# How far under the first line of prose the model kept the headline may stand, and how many lines of
# prose may stand above it, for the header to begin there.
HEADLINE_UNDER_PROSE_REACH = 8
PROSE_ABOVE_HEADLINE = 2


def _header_under_first_prose(
    lines: list[Line], first_body: int, headline_key: str, body_positions: list[int]
) -> tuple[int, int] | None:
    """Where the headline stands, and the text begins, when the headline stands just under the first
    prose the model kept: a sidebar's sentence above a blog's post ("This search returns results
    from the blog") had made the post's headline and its post line body text."""
    end = min(len(lines), first_body + 1 + HEADLINE_UNDER_PROSE_REACH)
    for position in range(first_body + 1, end):
        if lines[position].key != headline_key:
            continue
        if sum(1 for line in lines[first_body:position] if line.strong_body) > PROSE_ABOVE_HEADLINE:
            return None
        text_start = next(
            (
                later
                for later in body_positions
                if later > position and lines[later].strong_body and not _opens_as_post_line(lines[later])
            ),
            None,
        )
        return None if text_start is None else (position, text_start)
    return None


def _last_headline(lines: list[Line], first_body: int, title_key: str | None) -> int:
    """Where the headline stands last above the body (a page repeats it: in its <title>, teasers and
    breadcrumbs first), or -1."""
    if title_key is None:
        return -1
    for position in range(first_body - 1, -1, -1):
        if lines[position].key == title_key:
            return position
    return -1


def _finish(
    result: CleanedText,
    metadata_date: str | None,
    date_lines: list[_DateEvidence],
    with_date_and_publisher: bool = True,
) -> None:
    _strip_trailing_junk(result)
    _extract_credits(result, complete=with_date_and_publisher)
    _cut_release_boilerplate(result)
    if not with_date_and_publisher:
        return
    if "dateline_date" in result.metadata:
        # The wire's own date, ahead of every date line of the page.
        dated = date.fromisoformat(result.metadata["dateline_date"])
        date_lines = [_DateEvidence(_DATE_LINE_BELOW_HEADLINE - 1, dated, "dateline"), *date_lines]
    article_date, date_source = choose_article_date(
        metadata_date,
        [(found.value, found.source) for found in sorted(date_lines, key=lambda found: (found.strength, found.update))],
        result.metadata.get("wire_date"),
        result.captions,
        result.paragraphs,
    )
    result.date, result.date_source = article_date, date_source
    if (
        article_date is not None
        and date_source == "date line"
        and PUBLISHED_TIME not in result.metadata
        and (stamp := stamp_of_date_line(result.metadata.get("date_line", ""), article_date)) is not None
    ):
        # The date line's time orders one publisher's versions of a story (6:05 AM, then the 11:30 AM
        # update), as a page's metadata time does; two publishers' only where both name their zones.
        result.metadata[PUBLISHED_TIME] = stamp.isoformat()


# A kept line of at most this many words, alone under lines the model left out, is not the text's end.
KEPT_ALONE_WORDS = 3


def _trailing_furniture(lines: list[Line], body_positions: list[int]) -> frozenset[int]:
    """The last kept lines that are a stray token ("234") or short, without a sentence's end, and
    parted from the kept line above by lines the model left out; the first kept line is never one. A
    line closing the article under them ("Written by Ana Ruiz") is passed over."""
    end = len(body_positions) - 1
    if end > 0 and _closes_article(lines[body_positions[end]]):
        end -= 1
    trailing: set[int] = set()
    for index in range(end, 0, -1):
        line = lines[body_positions[index]]
        alone = (
            body_positions[index] - body_positions[index - 1] >= 2
            and line.words <= KEPT_ALONE_WORDS
            and not line.sentence_end
        )
        if not (line.stray_token or alone):
            break
        trailing.add(body_positions[index])
    return frozenset(trailing)


def _clean_segment_by_model(
    lines: list[Line],
    known_title: str | None,
    metadata_date: str | None,
    wire_metadata: dict[str, str],
    is_body: np.ndarray,
    whole_page: bool = True,
    opening: Line | None = None,
    joined_bylines: dict[str, int] | None = None,
    site_names: tuple[str, ...] = (),
    teasers: np.ndarray | None = None,
) -> CleanedText:
    """The model keeps the body; every other line goes to its field (title, caption, date line,
    byline) or to the removed lines with the rule's reason, else the model's. `whole_page`: the
    text is a page's (not an extract of its article); `opening`: the page's first line."""
    joined_bylines = joined_bylines or {}
    result = CleanedText(metadata=dict(wire_metadata))
    # Python bools and ints: indexing a NumPy array line by line costs more than the loop's tests.
    kept_by_model: list[bool] = is_body.tolist()
    body_positions: list[int] = np.flatnonzero(is_body).tolist()
    # The header (headline, captions, date line, byline) ends at the first kept line of real prose,
    # even where the model keeps a line above it; a post line as long as a sentence is no prose.
    first_prose = next(
        (
            position
            for position in body_positions
            if (lines[position].strong_body or _prose_but_for_a_prompts_words(lines[position]))
            and not _opens_as_post_line(lines[position])
        ),
        None,
    )
    first_body = body_positions[0] if first_prose is None else first_prose
    if first_prose is not None:
        # A table kept whole (ROW_RUN rows of one shape in a row) above the first prose opens the
        # body as prose does: a race calendar under its headline is the article, the prose below it
        # a sidebar's. With no prose kept at all, the body opens at the first kept line as before.
        first_body = next(
            (
                position
                for position in body_positions[: bisect_left(body_positions, first_prose)]
                if _opens_a_kept_table(lines, kept_by_model, position)
            ),
            first_prose,
        )
    # Counters and a widget's words the model kept under the text ("234" and "5" under a post's last
    # paragraph, "3 Restacks" alone under the likes): the text ends above them, and they are the footer's.
    trailing = _trailing_furniture(lines, body_positions)
    last_body = (
        max(position for position in body_positions if position < min(trailing)) if trailing else body_positions[-1]
    )
    signature_positions = frozenset(body_positions[-SIGNATURE_REACH:])
    title_key = line_key(known_title) if known_title else None
    headline_position = -1
    # A text that opens with its headline as a sentence, full stop and all (a corpus's "Headline." line):
    # the model keeps it with the prose under it.
    stopped_headline = (
        not known_title
        and whole_page
        and first_body == 0
        and len(body_positions) > 1
        and _headline_with_a_full_stop(lines[0], lines[body_positions[1]])
    )
    if known_title:
        result.title = known_title
    elif stopped_headline:
        first_body = body_positions[1]
        result.title, title_key, headline_position = lines[0].text, lines[0].key, 0
    else:
        title_line, title_text = _choose_title(lines[:first_body], opening, site_names=site_names)
        if title_line is not None:
            result.title, byline, agency = _apart_from_joined_byline(title_line, title_text, joined_bylines)
            result.byline = result.byline or byline
            result.credit = result.credit or agency
            title_key = title_line.key
            # Line.index is the line's place on the page and a segment a run of the page's lines
            # (list.index compared whole dataclasses: 0.015 ms a page).
            headline_position = title_line.index - lines[0].index
        elif opening is not None and lines and opening.index < lines[0].index and _could_be_title(opening):
            # The part holding the article opens under the page's own lines (a bar of sharing buttons
            # split it from them) and names no headline: the page's first line, its <title>, does.
            result.title = _title_part(opening)
        elif whole_page and first_body > 0 and _headline_with_a_full_stop(lines[0], lines[first_body]):
            result.title, title_key, headline_position = lines[0].text, lines[0].key, 0
    moved = (
        _header_under_first_prose(lines, first_body, line_key(result.title), body_positions) if result.title else None
    )
    if moved is not None:
        headline_position, first_body = moved
    seen_keys: set[str] = set()
    caption_keys: set[str] = set()
    author_after_by = -1
    name_above: tuple[str, int] | None = None
    date_lines: list[_DateEvidence] = []
    # Where the header moved, its headline is the one under the prose (the title line may be the <title>).
    headline_at = headline_position if moved is not None else _last_headline(lines, first_body, title_key)
    author_boxes = _author_boxes(lines, first_body)
    last_kept = last_body
    under_link_line = False
    last_paragraph = -1
    closing_candidate: tuple[int, str] | None = None
    closing_credit: tuple[int, str] | None = None  # where among the removed lines, and the agency
    # A teaser's headline said again elsewhere on the page (beside its picture) is that teaser too.
    teaser_keys = (
        {lines[position].key for position in np.flatnonzero(teasers).tolist()} if teasers is not None else set()
    )
    for position, line in enumerate(lines):
        zone = "header" if position < first_body else "footer" if position > last_body else "body"
        reason = _removal_reason(line, zone, seen_keys, title_key, position == last_body)
        if reason is None and position in trailing:
            reason = SHORT_FOOTER_LINE
        if reason == "caption" and position == last_body and kept_by_model[position] and _signed_off_prose(line):
            # The text's last paragraph, signed by its agency as a picture is ("... the ministry said.
            # (AFP)"): the text, its sign-off read as the credit when the text is finished.
            reason = None
        if teaser_keys and line.key in teaser_keys and reason not in ("title", "repeated headline"):
            reason = TEASER_LIST_REASON
        if line.markup and line.rule_after_model is None:
            reason = MARKUP_REASON
        elif line.rule_after_model is not None and reason not in ("title", "repeated headline"):
            reason = line.rule_after_model.reason
        # A line that is a date and nothing else is the article's date line wherever the model's
        # body begins (a reprints notice kept above the headline moved it into the body's zone).
        # A publication's date and its update's make a line long enough to read as prose.
        dated_twice = len(line.dates) == DATE_LINE_DATES
        if (
            reason is None
            and line.date_line is not None
            and (line.words <= SHORT_LINE_WORDS or dated_twice)
            and (not line.strong_body or dated_twice)
        ):
            reason = "date line"
        elif zone == "header" and (reason is None or reason in _HEADER_REASONS) and _is_byline_with_an_end(line):
            reason = "byline"
        elif (agency := _credit_line_agency(line, position, reason, headline_at, first_body)) is not None:
            reason = AGENCY_CREDIT_REASON
            result.credit = result.credit or agency
        elif (
            position == last_paragraph + 1
            and reason in _CLOSING_CREDIT_READINGS
            and (agency := closing_agency(line.text)) is not None
        ):
            # An agency named alone under a paragraph ("dpa", "(AFP/Reuters)"): under the text's last
            # one it credits the text (read once the loop is done), between two a picture.
            reason = AGENCY_CREDIT_REASON
            closing_candidate = (position, agency)
        # An article's text starts after its headline: short lines above it are the page's, whatever
        # the model says of them.
        above_headline = position < headline_position and not line.strong_body
        if above_headline and reason is None:
            reason = ABOVE_HEADLINE_REASON
        seen_keys.add(line.key)
        # Below the header none of the tests for post lines, author lines and bylines can hold:
        # they are skipped there, the body's lines being most of a page (with the Python lists and
        # the reasons looked into only for kept lines, _clean_by_model 0.29 -> 0.20 ms a page).
        if position < first_body:
            post_line = (
                _note_post_line(result, date_lines, line, reason, headline_at < position, first_body - position)
                if first_body - position <= HEADER_DATE_REACH
                else None
            )
            if post_line is not None and reason not in _FIELD_REASONS:
                # An author and a date are fields, not text, on trafilatura's extract too.
                reason = post_line
            elif position == author_after_by:
                reason = AUTHOR_LINE_REASON
            elif (
                0 < headline_position - position <= POST_LINE_ABOVE_REACH
                and line.dates
                and line.words <= HEADER_DATE_WORDS
                # An author or a posting word beside the date ("Posted on Fri, Jan. 18, 2008"), or
                # other words and the time of day after it ("Health Notes November 6, 2012, 2:57 pm"):
                # a masthead gives the day alone, and comments follow the text (a date line proper is
                # noted as one).
                and (POST_MARK.search(line.text) or (line.date_line is None and is_time_stamp(line.text, line.dates)))
                and not line.strong_body
            ):
                # A post line just above the headline, naming its author beside its date.
                published, update = publication_date(line.text, line.dates)
                date_lines.append(_DateEvidence(_POST_LINE_ABOVE_HEADLINE, published.value, "header line", update))
                result.byline = result.byline or post_line_author(line.text)
                reason = POST_LINE_REASON
            elif result.byline is None and line.text in joined_bylines:
                # A line above the text that took the byline under it as its wrapped continuation.
                result.byline, agency = _joined_byline(line.text[joined_bylines[line.text] :])
                result.credit = result.credit or agency
            elif (
                result.byline is None
                and headline_at < position < first_body - 1
                and _BARE_BY.fullmatch(line.text)
                and (name := name_line(lines[position + 1].text)) is not None
            ):
                # "By" on a line of its own and the author's name on the next (a page's byline block).
                result.byline, author_after_by = name, position + 1
        elif reason is None and position in signature_positions and (author := _signature_author(line)) is not None:
            # An author line among the text's last lines: the post's signature ("Posted by Ana Ruiz,
            # Product Manager" under a company blog's post), a field and no text.
            result.byline = result.byline or author
            reason = AUTHOR_LINE_REASON
        elif reason is None and position in signature_positions and (posted := _posted_sentence_date(line)):
            # Its footer sentence ("This entry was posted on May 3, 2012 at 9:01 am and is filed
            # under News"): the post's date, no text.
            date_lines.append(_DateEvidence(_FOOTER_LINE, posted, "footer line"))
            reason = POST_LINE_REASON
        if reason is None and kept_by_model[position] and _is_word_list(line):
            reason = WORD_LIST_REASON
        if (
            reason is None
            and kept_by_model[position]
            and (
                _is_dated_photo_caption(lines, position)
                or _WIRE_PHOTO_CAPTION.match(line.text)
                or (line.words <= CREDITED_CAPTION_WORDS and _CAPTION_CREDIT_TAIL.search(line.text))
            )
        ):
            reason = "caption"
        elif _CAPTION_LABEL_ALONE.match(line.text.strip()):
            reason = CAPTION_LABEL_REASON
        elif (reason is None or reason in _HEADER_REASONS or reason == MODEL_REASON) and _under_caption_label(
            lines, position
        ):
            reason = "caption"
        elif (reason is None or reason in _HEADER_REASONS) and (
            _labelled_caption(line.text) is not None or _credited_caption(lines, position, reason is not None)
        ):
            # A caption under its label ("Image caption, The ferry ..."), as the BBC prints them, or
            # with its photograph's credit: the caption, whatever the model scored (it learnt such
            # lines as not the article's).
            reason = "caption"
        if (
            kept_by_model[position]
            and reason in (None, "repeated line")
            # Under a caption, or said again (a caption's toggle repeats it): a photograph's credit.
            and ((position > 0 and lines[position - 1].key in caption_keys) or line.repeats > 1)
            and _is_photographer_credit(line)
        ):
            reason = PHOTO_CREDIT_REASON
        if (
            reason is None
            and kept_by_model[position]
            and under_link_line
            and not line.sentence_end
            and line.words <= TEASER_HEADLINE_WORDS
            # A list's item is the text's; a Chinese or Japanese headline's commas read as a row's cells.
            and (not line.row_like or has_unspaced_script(line.text))
            and not line.text.rstrip().endswith(":")
        ):
            # Another story's headline under a "Read also" line ("Lesen Sie auch", "READ MORE"), between
            # the paragraphs: the link's, not the text's.
            reason = TEASER_UNDER_LINK_REASON
        under_link_line = (
            _is_link_label(line)
            or _box_inside_text(lines, position)
            or (under_link_line and reason == TEASER_UNDER_LINK_REASON)
        )
        if reason is None and kept_by_model[position] and position in author_boxes:
            reason = AUTHOR_BIO_REASON
        if kept_by_model[position] and reason not in _FIELD_REASONS:
            # A named rule (a share widget, a donation prompt) or scraper residue ("2. /") removes a
            # line whatever the model's score: it matches whole short lines only (measured by grouped
            # cross-validation: letting the model keep those it scored >= 0.9 gained nothing).
            # Without a reason (most of the body) none of these holds.
            removed_whatever_the_model_says = reason is not None and (
                (line.rule is not None and reason == line.rule.reason)
                or reason in _REASONS_WHATEVER_THE_MODEL_SAYS
                or (line.rule_after_model is not None and reason == line.rule_after_model.reason)
                or above_headline
                or position in trailing
                # A copy of a line already read as a caption in a caption's form ("each caption once,
                # as a caption, not as body text"; a line that is a caption only by being said twice
                # may be the lede, which sites repeat under the photo), or of the headline above the
                # text (in a list article, a question asked of each guest repeats as a heading).
                or (
                    reason == "repeated line"
                    and line.key in caption_keys
                    and (
                        line.caption_like
                        or _CAPTION_CREDIT_TAIL.search(line.text) is not None
                        or _over_photographer_credit(lines, position)
                    )
                )
                or (reason == "repeated headline" and zone == "header")
                # On a whole page (not trafilatura's extract, where such lines are mostly the lead)
                # the furniture above the article goes too (grouped CV, three seeds: English text
                # +0.001, the extract -0.010 were it applied there).
                or (whole_page and reason in _HEADER_REASONS)
            )
            if not removed_whatever_the_model_says:
                result.paragraphs.append(line.text)
                result.body_lines.append(line.text)
                last_kept = last_paragraph = position
                if closing_credit is not None:
                    result.removed[closing_credit[0]] = RemovedLine(
                        result.removed[closing_credit[0]].line, PHOTO_CREDIT_REASON
                    )
                    closing_credit = None
                continue
        if first_body < position <= first_body + POST_LINE_IN_TEXT_REACH and _is_post_line_in_text(line):
            published, update = publication_date(line.text, line.dates)
            date_lines.append(_DateEvidence(_POST_LINE_IN_TEXT, published.value, "header line", update))
        if reason == "title":
            continue
        if reason == "caption":
            caption_keys.add(line.key)
            result.captions.append(_labelled_caption(line.text) or line.text)
            continue
        if reason == "date line":
            _add_date_line(result, date_lines, line, headline_at < position < first_body)
        elif reason == "byline":
            _note_byline(result, line)
        elif reason == "reporter credit":
            result.metadata.setdefault("reporter_credit", line.text)
        elif reason == AUTHOR_LINE_REASON and result.byline is None:
            result.byline = author_line_name(line.text)
        if name_above is None and (
            # Over the date line, under the headline or under its deck ("Ada Brennan" over "Mar 05, 2025",
            # as a newsletter platform prints a post).
            (
                reason in (POST_LINE_REASON, "date line")
                and (position - 2 == headline_at or (position - 3 == headline_at and _is_deck(lines[position - 2])))
            )
            # Over the author's role or outlet ("Ada Brennan" over "BBC News, Lakeland" or "Health
            # correspondent"), anywhere between the headline and the text.
            or (headline_at < position - 1 < position < first_body and _ROLE_LINE.match(line.text))
        ):
            name_above = _name_alone_above(result, lines[position - 1])
        if closing_candidate is not None and closing_candidate[0] == position and reason == AGENCY_CREDIT_REASON:
            closing_credit = (len(result.removed), closing_candidate[1])
        result.removed.append(RemovedLine(line.text, reason or MODEL_REASON))
    if closing_credit is not None:
        result.credit = result.credit or closing_credit[1]
    if name_above is not None and result.byline is None and not _named_elsewhere(result, *name_above):
        # Only where nothing else named the author: a label under the headline may read as a name too.
        result.byline, where = name_above
        result.removed[where] = RemovedLine(result.removed[where].line, "byline")
    _note_footer_post_line(result, date_lines, lines, last_kept)
    _finish(result, metadata_date, date_lines)
    return result


def _named_elsewhere(result: CleanedText, name: str, where: int) -> bool:
    """Whether the page says a name again (the words run together or not): in its headline or text (a
    team, a place: "Adelaide United"), or in another line of its header (the site's "MalaysiaSun.com",
    the <title> line holding the post's own headline "Joy the Baker – Papa Says")."""
    key = _NOT_LETTERS.sub("", name.lower())
    texts = (result.title or "", *result.paragraphs, *(item.line for item in result.removed[:where]))
    return any(key in _NOT_LETTERS.sub("", text.lower()) for text in texts)


_NOT_LETTERS = re.compile(r"[\W\d_]+")
# A line naming an author's role or outlet alone ("Health correspondent", "BBC News, Lakeland").
_ROLE_LINE = re.compile(
    r"^(?:[\w'’&.-]+\s+){0,3}(?i:reporter|correspondent|editor|writer|journalist|columnist)s?(?:,\s*[^.!?]{1,30})?$"
    # With its place: "Latest Sport News" or "Chanel News" alone is a menu's line.
    r"|^(?:[A-Z][\w&.-]*\s+){1,2}News,\s*[A-Z][^.!?]{0,30}$"
)
# A person's name: this many words at least and at most.
NAME_WORDS = (2, 4)


# A deck, the headline's second line: a sentence's worth of words, at least.
DECK_WORDS = 8


def _is_deck(line: Line) -> bool:
    return line.words >= DECK_WORDS and not line.dates


def _name_alone_above(result: CleanedText, previous: Line) -> tuple[str, int] | None:
    """A name alone on the line above (over the date line, "ANA RUIZ" over "Updated Fri, September 12,
    2025 at 6:30 PM EDT·2 min read", as a portal prints a partner's story; or over the author's role),
    where the header's rules removed it as furniture: the name and where it stands among the removed lines."""
    if (
        not result.removed
        or result.removed[-1].line != previous.text
        or result.removed[-1].reason not in _HEADER_REASONS
    ):
        return None
    name = name_line(previous.text)
    if name is None or not NAME_WORDS[0] <= len(name.split()) <= NAME_WORDS[1]:
        return None
    words = [word.strip(".,").lower() for word in name.split()]
    if canonical_agency(name.title()) or any(word in LABEL_WORDS or word in WEEKDAYS for word in words):
        return None
    return name, len(result.removed) - 1


# The fewest words of a page's first line that is its headline above a deck, and the most of the
# deck's words the headline may share (more, and the first line is the <title> of the line under it).
DECK_HEADLINE_WORDS = 5
DECK_HEADLINE_WORDS_WITHOUT_FUNCTION_WORDS = 6
DECK_SHARED_WORDS = 0.5


# A text browser's dump (lynx, w3m) has no <title> line: the page opens with its menus, which
# bullets mark ("* ", "+ ", "o ", "• ", "□ ", "☆ "), and a masthead or a teaser's headline said twice
# is no headline. There the headline is the last one standing within TITLE_NEAR_BODY lines above
# the body. Measured on the 1,088 Dragnet and CleanPortalEval pages whose gold body opens with their
# headline, dumped from their HTML: lynx 32.6% -> 43.6%, lynx -nolist 44.7% -> 51.3%, w3m 44.6% ->
# 49.2% of titles right (with the bullets and brackets _might_be_title passes over, and lynx's feeds
# removed); their own text unchanged (82.9%): they open with their <title>.
BROWSER_BULLET_LINES = 5
TITLE_NEAR_BODY = 15
NEAR_TITLE_WORDS = 4
NEAR_TITLE_MOST_WORDS = 20
_BROWSER_BULLET_MARKS = "□☆○◦•*+o"
_OPENING_QUOTES = "\"“‘'"


def _choose_title(
    header: list[Line], opening: Line | None = None, as_learnt: bool = False, site_names: tuple[str, ...] = ()
) -> tuple[Line | None, str | None]:
    """The headline line (lines above it are the page's) and the headline's text (see _title_as_read;
    a text browser's dump reads its headline nearest the body)."""
    line, text = _title_as_read(header, opening, as_learnt, site_names)
    if as_learnt or not header:
        return line, text
    # A page opening with its <title> ("Headline | Site") was saved by a scraper, bullets or not
    # (tested first: most pages do).
    opening = opening or header[0]
    if _title_separator(opening.text, False).search(opening.text):
        return line, text
    bullets = (other for other in header if other.text[:1] in _BROWSER_BULLET_MARKS and other.text[1:2].isspace())
    if sum(1 for _ in islice(bullets, BROWSER_BULLET_LINES)) < BROWSER_BULLET_LINES:
        return line, text
    end = header[-1].index
    near = [
        other
        for other in _title_candidates([line for line in header if line.index >= end - TITLE_NEAR_BODY], site_names)
        if _title_word_count(other, False) >= NEAR_TITLE_WORDS
        and _reads_as_headline(other)
        and not _is_author_line(other, False)
        # Not a post line, a caption, a link, a quotation or a sentence of the deck.
        and not other.dates
        and not other.caption_like
        and "http" not in other.text
        and other.text[:1] not in _OPENING_QUOTES
        and other.words <= NEAR_TITLE_MOST_WORDS
        and not other.text.endswith(".")
    ]
    return (near[-1], _title_text(near[-1])) if near else (line, text)


def _title_candidates(header: list[Line], site_names: tuple[str, ...]) -> list[Line]:
    """The header's lines that may be the headline, but for the author line's test (the reading not as learnt)."""
    return [
        line
        for position, line in enumerate(header)
        if line.title_like
        and _might_be_title(line, False)
        and not is_site_banner(line.text, site_names)
        and _labelled_caption(line.text) is None
        and not (position > 0 and _CAPTION_LABEL_ALONE.match(header[position - 1].text.strip()))
    ]


def _title_as_read(
    header: list[Line], opening: Line | None = None, as_learnt: bool = False, site_names: tuple[str, ...] = ()
) -> tuple[Line | None, str | None]:
    """The headline line (lines above it are the page's) and the headline's text.

    A scraped page opens with its `<title>`: the headline and the site's name. A later line made of
    that first line's words is the headline (on 1,000 training pages, titles agreeing with the
    HTML's went from 51% to 67%). Where no line is, the headline part of a first line in the
    `<title>` form is the title, the line chosen as before still marking where the page's furniture
    ends (67% -> 69%, bodies unchanged).
    """
    # The lines _could_be_title keeps, but for the author line's test: that one (two regular
    # expressions) is left to the lines a choice falls on. A possible headline's flag first, which
    # most of a header's lines fail.
    if as_learnt:
        candidates = [line for line in header if line.headline_like and _might_be_title(line, as_learnt)]
    else:
        candidates = _title_candidates(header, site_names)
    if not candidates:
        return None, None
    opening = opening or header[0]
    if len(header) > 1 or opening is not header[0]:
        opening_words = set(_title_words(opening.text, as_learnt))
        # Of the lines inside the opening, the longest (up to 20 words), the first of equals: the
        # candidates are tried longest first (a stable sort), up to the first inside, rather than
        # each read for its words (with the deferred author test, _choose_title 0.094 -> 0.058 ms a
        # page for the two readings).
        for line in sorted(candidates, key=lambda line: _capped_words(line, as_learnt), reverse=True):
            if (
                line is not opening
                and _title_word_count(line, as_learnt) >= 3
                and _share_inside(_title_words(line.text, as_learnt), opening_words) >= 0.8
                and not _is_author_line(line, as_learnt)
            ):
                return line, _title_text(line)
    # Site names and section labels come before the headline and are shorter than it.
    chosen = next(
        (
            line
            for line in candidates
            if line.repeats > 1 and _title_word_count(line, as_learnt) >= 4 and not _is_author_line(line, as_learnt)
        ),
        None,
    )
    if chosen is None:
        # The best read of the headlines, the first of equals (a stable sort, as max chooses).
        ranked = sorted(candidates, key=lambda line: _headline_rank(line, as_learnt), reverse=True)
        chosen = next((line for line in ranked if not _is_author_line(line, as_learnt)), None)
        if chosen is None:
            return None, None
        if (
            not as_learnt
            and chosen.index == opening.index + 1
            and _headline_over_its_deck(opening, chosen, candidates, first_line=opening is header[0])
        ):
            chosen = opening
        elif (
            not as_learnt
            and (above := _line_above(header, chosen)) is not None
            and not any(mark in above.text for mark in (*_MENU_MARKS, "→", "•", ":"))
            and not above.text.isupper()
            # A widget's or a credit's line opens with its verb ("Search in ...", "Share ...", "Prepared by").
            and (first_word := _WORD.search(above.text.lower())) is not None
            and first_word.group() not in WIDGET_WORDS
            and not _PREPARED_BY.match(above.text)
            and _headline_over_its_deck(above, chosen, candidates)
        ):
            # A headline over its deck inside the header (no <title> line above them): the headline.
            chosen = above
    # A <title> line names the site beside the headline ("Headline - Site"); a first line without
    # such a separator is as likely a masthead ("THE LAKESIDE VALLEY COURIER") as the headline.
    if _could_be_title(opening, as_learnt) and _in_title_form(opening, as_learnt):
        return chosen, _headline_part(opening.text, as_learnt)
    return chosen, _title_text(chosen)


# The opening paragraphs a headline is compared with (a headline names what its lede tells), and the
# content words of theirs a part of the <title> line must name to replace a title that names none.
LEDE_PARAGRAPHS = 2
LEDE_WORDS_SHARED = 2


def _part_naming_the_lede(title: str, title_line: str, paragraphs: list[str], site_names: tuple[str, ...]) -> str:
    """Of the parts of the page's first line (its <title>), the one naming most of what the lede tells,
    where the title chosen is another part that names none of it ("Headline – Site – Local news from
    the valley": the longest part is the site's motto). A headline names what its lede tells."""
    parts = [part.strip() for part in TITLE_PARTS.split(title_line) if part.strip()]
    if len(parts) < 2 or title not in parts:
        return title
    lede = content_words(" ".join(paragraphs[:LEDE_PARAGRAPHS]))
    # A title that names something of the lede stays: a blog's text names the blog, an image post's
    # short text its headline's words.
    if content_words(title) & lede:
        return title
    # The site's own name ("The Curious Brain" on thecuriousbrain.com) is named by its posts' text too.
    shared = {
        part: len(content_words(part) & lede)
        for part in parts
        if len(part.split()) >= 3
        and not names_the_site_within(part, site_names)
        and not is_site_banner(part, site_names)
    }
    best = max(shared, key=lambda part: shared[part], default=title)
    return best if shared.get(best, 0) >= LEDE_WORDS_SHARED else title


# A header line that may replace a title naming nothing of the lede: a headline's length in words, and
# the lede's content words it names at least (two replaced the right title of 14 of 108 blog pages
# whose headline names nothing of their first paragraphs; three, of 7 of 56).
HEADER_HEADLINE_WORDS = (4, 20)
HEADER_HEADLINE_SHARED = 3
# Marks of a menu or a trail in a line ("« Previous post | Main"), no headline's.
_MENU_MARKS = ("|", "«", "»")


def _header_line_naming_the_lede(article: CleanedText, site_names: tuple[str, ...]) -> None:
    """Where the title names nothing of what the text tells (a site's motto, "Exclusive news, data and
    analytics for financial market professionals", read over the headline), the header line removed as
    furniture that names most of its lede, three content words at least, becomes the title (the nearest
    the text of equals), and the title line a removed header line."""
    lede = content_words(" ".join(article.paragraphs[:LEDE_PARAGRAPHS]))
    title_words = content_words(article.title or "")
    # A headline names something the text tells, if not in its lede then further on (a blog's); a
    # site's motto or a menu names nothing of it. The lede is asked first: the whole text's words cost
    # 0.2 ms a page of 7.7 KB, and most headlines name their lede.
    if not lede or title_words & lede or title_words & content_words(" ".join(article.paragraphs)):
        return
    best, best_shared, best_title = None, HEADER_HEADLINE_SHARED, None
    for position, item in enumerate(article.removed):
        words = len(item.line.split())
        if (
            item.reason not in _HEADER_REASONS
            or not HEADER_HEADLINE_WORDS[0] <= words <= HEADER_HEADLINE_WORDS[1]
            or item.line.rstrip().endswith((".", ":", "?", "!"))
            or item.line[:1] in _OPENING_QUOTES
            or any(mark in item.line for mark in _MENU_MARKS)
            or is_caption_form(item.line)
            or is_site_banner(item.line, site_names)
        ):
            continue
        shared = len(content_words(item.line) & lede)
        if shared < best_shared:
            continue
        title = _cleaned_title(item.line, site_names)
        # The title said again with more around it ("Headline - Author - Site") is that title.
        if title and not (title_words and title_words <= content_words(title)):
            best, best_shared, best_title = position, shared, title
    if best is None or best_title is None:
        return
    article.removed[best] = RemovedLine(article.title or "", _HEADER_REASONS[0])
    article.title = best_title


def _in_title_form(line: Line, as_learnt: bool) -> bool:
    """Whether a page's first line has the `<title>` form: a separator between the headline and the
    site's name ("Headline - Site"), in TITLE_LINE_WORDS words or more."""
    return (
        _title_word_count(line, as_learnt) >= TITLE_LINE_WORDS
        and _title_separator(line.text, as_learnt).search(line.text) is not None
        and not _is_menu_bar(line.text)
    )


# A menu bar ("Home | News | World | Sport") is parted as a <title> is, but into labels alone, and
# opens with a label where a <title> opens with its headline (short ones too: "Derby-bound - Football
# - Fox Sports", "Classificação NASCAR | Autoracing | F1 | Indy").
MENU_BAR_PARTS = 3
MENU_LABEL_WORDS = 2


def _is_menu_bar(text: str) -> bool:
    parts = [part for part in TITLE_PARTS.split(text) if part.strip()]
    return (
        len(parts) >= MENU_BAR_PARTS
        and all(len(part.split()) <= MENU_LABEL_WORDS for part in parts)
        and is_section_label(parts[0])
    )


def _title_part(opening: Line) -> str:
    """The headline a page's first line gives: its headline part where it has the `<title>` form, else the line."""
    return _headline_part(opening.text, False) if _in_title_form(opening, False) else _title_text(opening)


_PREPARED_BY = re.compile(r"^\W*(?:prepared|posted|written|compiled|edited|produced)\s+by\b", re.IGNORECASE)


def _line_above(header: list[Line], line: Line) -> Line | None:
    """The header's line just above a line, if the header holds it."""
    position = line.index - header[0].index
    return header[position - 1] if 0 < position < len(header) and header[position] is line else None


def _headline_over_its_deck(opening: Line, chosen: Line, candidates: list[Line], first_line: bool = False) -> bool:
    """Whether the page's first line is its headline, the longer line chosen under it the deck: a
    headline of a few words with a function word among them (a masthead or a site's name has none),
    telling in other words what the deck tells (a first line made of the chosen line's words is the
    page's <title>, the chosen line its headline)."""
    words = _WORD.findall(opening.text.lower())
    return (
        opening in candidates
        and _share_inside(_title_words(_title_text(chosen), False), set(words)) < DECK_SHARED_WORDS
        and len(words) >= DECK_HEADLINE_WORDS
        and (
            (any(word in STOP_WORDS for word in words) and _reads_as_headline(opening))
            # A press release's headline in title case may hold none ("Orvale Labs Reports Third
            # Quarter 2025 Results"), but is longer than a masthead and names no widget. Only the
            # page's first line: inside a header such a line is as often a menu's ("WP Rugby
            # SuperSport United Nedbank Challenge").
            or (
                first_line
                and len(words) >= DECK_HEADLINE_WORDS_WITHOUT_FUNCTION_WORDS
                and all(word[:1].isupper() or word[:1].isdigit() for word in _WORD.findall(opening.text))
                and not any(word in WIDGET_WORDS for word in words)
            )
        )
    )


def _title_words(text: str, as_learnt: bool) -> list[str]:
    """A line's words as the title choice compares them: Chinese and Japanese as pairs of characters,
    where a clause is one run of word characters (not in the rules' reading the line model learnt)."""
    return _WORD.findall(text.lower() if as_learnt else spaced_pairs(text.lower()))


def _title_word_count(line: Line, as_learnt: bool) -> int:
    """A line's words, Chinese and Japanese counted by characters outside the reading as learnt."""
    return count_words(line.text) if not as_learnt and has_unspaced_script(line.text) else line.words


def _title_separator(text: str, as_learnt: bool) -> re.Pattern[str]:
    """What parts a `<title>` line: Chinese and Japanese titles join their parts without spaces
    ("Headline_Section_Site", "Headline｜Site")."""
    return _UNSPACED_TITLE_SEPARATOR if not as_learnt and has_unspaced_script(text) else TITLE_SEPARATOR


def _headline_rank(line: Line, as_learnt: bool = True) -> tuple[bool, int]:
    """How well a possible headline reads as one: a headline's words first, then its length."""
    return _reads_as_headline(line), _capped_words(line, as_learnt)


def _capped_words(line: Line, as_learnt: bool = True) -> int:
    """A line's words, counted up to 20: among headlines inside the `<title>` line longer is not likelier."""
    return min(_title_word_count(line, as_learnt), 20)


def _apart_from_joined_byline(
    title_line: Line, title_text: str | None, joined_bylines: dict[str, int] | None
) -> tuple[str | None, str | None, str | None]:
    """The headline, the byline and the agency it names, of a headline line that took the byline under
    it as its wrapped continuation ("Headline" + "by: ANA RUIZ, Associated Press"); else the title as
    chosen and neither."""
    cut = (joined_bylines or {}).get(title_line.text)
    if cut is None:
        return title_text, None, None
    return title_line.text[:cut].rstrip(), *_joined_byline(title_line.text[cut:])


def _joined_byline(byline: str) -> tuple[str | None, str | None]:
    """The author and the agency of a byline a line took as its continuation ("by Ana Ruiz", "by: ANA
    RUIZ, Associated Press", Italian "di Ana Ruiz")."""
    if byline.startswith("di "):
        return name_line(byline[3:]), None
    parsed = parse_byline(byline)
    return post_line_author(byline), parsed[1] if parsed is not None else None


def _title_text(line: Line) -> str:
    """A headline line's text, without the author and date some sites print after the headline."""
    return line.headline_before_post or line.text


def _reads_as_headline(line: Line) -> bool:
    """Whether a possible headline reads as one rather than as a menu ("Home Rugby Cricket Soccer
    Golf") or a widget ("Search This Site Go"): a headline of five words or more holds a function
    word, and is not made of furniture words."""
    words = _WORD.findall(line.text.lower())
    if not words:
        return False
    if len(words) >= HEADLINE_FUNCTION_WORDS_FROM and not any(word in STOP_WORDS for word in words):
        return False
    return sum(word in WIDGET_WORDS for word in words) < len(words) / 2


def _could_be_title(line: Line, as_learnt: bool = False) -> bool:
    """Whether a line may be the headline. `as_learnt`: as the rules' reading chose when the shipped
    line model learnt from it, which the rules keep (their choice is among the model's inputs:
    changing it moved retrained models by chance, seed 7 0.948 -> 0.942 for four pages)."""
    return _might_be_title(line, as_learnt) and not _is_author_line(line, as_learnt)


_NO_HEADLINE_OPENING = re.compile(rf"[{_BROWSER_BULLET_MARKS}>]\s|\[[^\]]*\]$|\[\s*\]|IFRAME:")


def _might_be_title(line: Line, as_learnt: bool) -> bool:
    """_could_be_title but for its dearest test, the author line's (see _is_author_line)."""
    if line.date_line is not None or line.parsed_byline is not None:
        return False
    if line.repeats > 1 and line.words >= 6 and line.caption_like:
        return False
    if line.words <= CREDITED_CAPTION_WORDS and _CAPTION_CREDIT_TAIL.search(line.text):
        # A headline never ends with its photograph's credit ("... Photograph: Ana Ruiz/AP").
        return False
    if as_learnt:
        return line.headline_like and headline_before_post(line.text, line.dates, as_learnt=True) != ""
    return (
        line.title_like
        # A list's item (a text browser's bullets too: "□", "☆", "+", "o"), a form's field or an
        # image's alt text alone in brackets ("[To search, type and ]", "[ ] Remember me"), an embed;
        # not a headline led by a tag in brackets ("[VIDEO] The mayor's speech").
        and not _NO_HEADLINE_OPENING.match(line.text)
        # A video post's headline opens with its verb ("Watch: the minister on the bridge"); a player's
        # button names the page itself ("Listen to this article").
        and (
            line.rule_after_model is None
            or (line.rule_after_model.name == "media_link" and not _NAMES_THIS_PAGE.search(line.text))
        )
        and line.headline_before_post != ""
        # A page's first line, its `<title>`, may carry the site's menu after the headline.
        and not (line.index > 0 and is_menu(line.text))
        and not mostly_figures(line.text)
        and not is_skip_link(line.text)
        # A table's row is a headline only where one cell says it (not a date and a menu beside it).
        and row_headline(line.text) != ""
    )


_NAMES_THIS_PAGE = re.compile(r"\bthis\s+(?:article|story|page|post)\b", re.IGNORECASE)


def _is_author_line(line: Line, as_learnt: bool) -> bool:
    """An author line ("Posted by Ana Ruiz") is no headline; the reading the model learnt from let it be."""
    return not as_learnt and line.words <= SHORT_LINE_WORDS and bool(author_line_name(line.text))


def _headline_part(title_line: str, as_learnt: bool = True) -> str:
    """The headline of a `<title>` line ("Headline - Site", "Site | Section | Headline"): its
    part of the most words."""
    separator = _title_separator(title_line, as_learnt)
    parts = [part.strip() for part in separator.split(title_line) if part.strip()]
    if separator is TITLE_SEPARATOR:
        return max(parts, key=lambda part: len(part.split()), default=title_line)
    return max(parts, key=count_words, default=title_line)


def _share_inside(words: list[str], others: set[str]) -> float:
    distinct = set(words)
    return len(distinct & others) / len(distinct) if distinct else 0.0


def _ends_article(line: Line, reason: str) -> bool:
    """Whether a line removed after the last paragraph of prose closes the article."""
    if line.rule is not None:
        return line.rule.ends_article
    return reason not in ("stray short token", "repeated line", "caption")


# A prompt's words asking the reader to do something, opening the line or one of its sentences
# ("Thanks for reading The Quay Letter! Subscribe for free to receive new posts."), or thanking them.
_ASKING = re.compile(
    r"(?:^|[.!?]\s+)\W*(?:please\s+)?(?:sign\s+up|subscribe|donate|support\s+(?:us|our|independent)|follow\s+us"
    r"|get\s+the\s+latest)\b|^\W*thanks?\s+(?:you\s+)?for\s+reading\b",
    re.IGNORECASE,
)


def _removal_reason(
    line: Line, zone: str, seen_keys: set[str], title_key: str | None, last_of_body: bool = False
) -> str | None:
    """Why a line is not body text, or None to keep it; "title", "caption", "date line" and
    "byline" send the line to its field."""
    if title_key is not None and line.key == title_key:
        return "title" if title_key not in seen_keys else "repeated headline"
    # A named rule's reason first, so a repeated widget line is removed as that widget.
    # A prompt trusted at the edges only is let stand inside the body where it is as long as a
    # sentence; as the body's last line (under a text the model kept whole) it is the page's where it
    # has no sentence's end ("Sign up to our daily newsletter for the latest news") or asks ("Sign up
    # to get an email from reporter Ana Ruiz when she publishes a new story.").
    at_its_edge = last_of_body and (not line.sentence_end or _ASKING.search(line.text) is not None)
    if line.rule is not None and not (line.rule.edges_only and zone == "body" and line.words > 8 and not at_its_edge):
        return line.rule.reason
    if line.key in seen_keys:
        return "repeated line"
    if line.stray_token:
        return "stray short token"
    if line.caption_like or (line.repeats > 1 and line.words >= 6 and zone != "body"):
        return "caption"
    if zone != "body" and line.date_line and (line.words <= SHORT_LINE_WORDS or len(line.dates) == DATE_LINE_DATES):
        return "date line"
    if line.words <= 10 and not line.sentence_end and line.parsed_byline:
        return "byline"
    if zone == "header":
        if line.sentence_end and line.words >= 6 and line.repeats == 1 and not line.truncated:
            return None
        if line.truncated:
            return "truncated teaser or breadcrumb"
        return "header: navigation, widget or teaser"
    if zone == "footer":
        if line.truncated:
            return "truncated teaser"
        if not line.sentence_end and not line.list_item and line.words <= 15:
            return SHORT_FOOTER_LINE
    return None


def _strip_trailing_junk(result: CleanedText) -> None:
    if not result.paragraphs:
        return
    last = result.paragraphs[-1]
    for rule, regex in _TRAILING:
        # Lower-cased once a rule, not once a trigger (the paragraph shortens as rules match).
        lowered = last.lower()
        if rule.triggers and not any(trigger in lowered for trigger in rule.triggers):
            continue
        match = regex.search(last)
        if match and match.start() > 0 and len(match.group(0).split()) <= rule.max_words:
            result.removed.append(RemovedLine(match.group(0).strip(), rule.reason))
            last = last[: match.start()].rstrip()
    result.paragraphs[-1] = last


HEADER_BEFORE_DATELINE_REASON = "header before the wire dateline"


def _extract_credits(result: CleanedText, complete: bool = True) -> None:
    """The dateline, credits and original publisher of a reading's text. Not `complete`: the reading
    is only the line model's inputs, whose kept lines stay as it learnt them (no agency's credit line
    or sign-off taken out) and whose publisher is not looked for."""
    if not result.paragraphs:
        return
    if complete:
        _take_agency_line(result)
    _take_dateline(result, complete)
    if (result.credit is None or result.byline is None) and (byline := agency_byline(result.paragraphs[0])):
        # A byline naming the agency among header pieces joined to the text ("3:30 p.m. EST By ANA RUIZ
        # The Associated Press"): the agency's copy, whoever printed it (the dateline under a paragraph
        # of such pieces may have credited it already).
        result.credit = result.credit or byline[0]
        result.byline = result.byline or byline[1]
    if complete:
        _take_wire_ends(result)
    credit, rest = split_reporter_credit(result.paragraphs[-1])
    if credit:
        result.metadata["reporter_credit"] = credit
        if rest:
            result.paragraphs[-1] = rest
        else:
            _pop_paragraph(result, -1)
        _take_reporter_credit(result, credit)
    if complete:
        _take_sign_off(result)
        _take_editor_credit(result)
        _take_source_line(result)
        _take_author_bio(result)
    if complete and not result.byline and REPORTING_CREDIT.match(result.metadata.get("reporter_credit", "")):
        # A credit line of its own at the foot ("(Reporting by Ana Ruiz; Editing by Tom Hallet)"), which
        # a rule removed: its reporters are the authors, as where it ends the last paragraph.
        result.byline = ", ".join(names_in_credit(result.metadata["reporter_credit"])) or None
    result.removed = [_as_notice(item) for item in result.removed]
    result.credit = result.credit or _agency_of_copyright(result.removed)
    if complete and result.credit is None:
        result.credit = (
            _contributing_agency(result.removed)
            or _agency_of_author_line(result.removed, result.byline)
            or _providing_agency(result.removed)
        )
    if not complete:
        return
    _take_republication_note(result)
    _note_correction(result)
    lines = [
        *result.paragraphs[:1],
        *result.paragraphs[-ORIGINAL_PUBLISHER_REACH:],
        *(item.line for item in result.removed),
    ]
    # The words looked for in all the lines at once rule out most pages, and find the few lines to
    # read on the others ("first" is a common word: reading every line cost 0.2 ms such a page).
    publisher = next(filter(None, map(original_publisher, _lines_holding(lines, _PUBLISHING_WORDS))), None)
    if publisher is not None:
        result.metadata.setdefault("originally_published", publisher)
        # "This article originally appeared on AP News": the agency's copy, credited so.
        result.credit = result.credit or canonical_agency(publisher)


# A publisher's correction of the text ("Correction: An earlier version of this story misstated ...",
# "This article has been corrected to ...", "Rectificación:", "Correctif :"): the article's own words,
# as the hand-made bodies keep editors' notes, and worth a field of its own to anyone checking facts.
_CORRECTION = re.compile(
    r"^[\W_]*(?:(?:correction|clarification|correctif|rectificación|rectificacion|korrektur|rettifica|correção)s?"
    r"(?:\s*\([^()\n]{0,40}\))?\s*:|(?:an\s+)?(?:earlier|previous)\s+versions?\s+of\s+this\s+(?:story|article|report|post)\b"
    r"|this\s+(?:story|article|report|post)\s+(?:has\s+been|was)\s+(?:corrected|amended)\b)",
    re.IGNORECASE,
)
CORRECTION_PARAGRAPH_WORDS = 80
_ERROR_TOLD = re.compile(
    r"\b(?:misstated|misidentified|misspelled|misquoted|incorrectly|erroneously|in\s+error|an\s+error|mistakenly"
    r"|should\s+have\s+(?:said|been)|referred\s+incorrectly)\b",
    re.IGNORECASE,
)


def _note_correction(result: CleanedText) -> None:
    """Metadata `correction`: the text's correction notes (first or last paragraphs), which stay in it."""
    paragraphs = result.paragraphs
    ends = {*range(min(2, len(paragraphs))), *range(max(0, len(paragraphs) - 3), len(paragraphs))}
    notes = []
    for position in sorted(ends):
        paragraph = paragraphs[position]
        if len(paragraph.split()) > CORRECTION_PARAGRAPH_WORDS or not _CORRECTION.match(paragraph):
            continue
        # "CORRECTION:" on a line of its own heads the note under it, where that tells an error.
        alone = paragraph.rstrip().endswith(":") and position + 1 < len(paragraphs)
        if alone and _ERROR_TOLD.search(paragraphs[position + 1]):
            paragraph = f"{paragraph} {paragraphs[position + 1]}"
        notes.append(paragraph)
    if notes:
        result.metadata.setdefault("correction", "\n".join(notes))


# A first paragraph of this many words at most that names where the article first appeared is the
# republisher's note, not its text ("This article originally appeared on AP News.").
REPUBLICATION_NOTE_WORDS = 20


# The marks an agency's copy ends with, alone on their line: "Enditem" (Xinhua), "(END)" (Yonhap),
# "-END-", "ENDS", "-30-" (the Canadian Press), "###" under a press release.
_WIRE_END_MARK = re.compile(r"^(?:\(?\s*(?i:end\s*item|ends?)\s*\)?|-\s*(?i:ends?)\s*-|-\s*30\s*-|#\s*#\s*#)\.?$")
# The same marks run into the last sentence ("... by 2029. Enditem").
_WIRE_END_IN_TEXT = re.compile(r"(?<=[.!?\"”’)])\s+(?:Enditem|ENDITEM|\(END\)|-END-|-30-|###)\s*$")
# A style sheet's selector or brace left under the text (".bio-text, .twitter-bio {", "}").
_STYLE_RULE_LINE = re.compile(r"^[.#@]?[\w\-]+(?:[\s,>+~:.#\[\]=\w\-\"']*)\{\s*$|^\}\.?$")
# A rule alone under the text ("___" between an AP story and its notes).
_RULE_ALONE = re.compile(r"^[_\-–—=*~\s]{3,}$")
# A reporter's address alone on a line under the text ("parkjh@example.co.kr"), or their account
# ("Twitter: @anaruiz").
_CONTACT_ADDRESS = re.compile(
    r"^[<(]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[>)]?$"
    r"|^(?:twitter|x|instagram|threads|bluesky|mastodon|facebook)\s*:\s*@[\w.]+\.?$",
    re.IGNORECASE,
)
# A republisher's note that the page is an agency's feed as received: "(This story has not been edited
# by our staff and is published from a syndicated news feed.)", "Except for the headline, this story
# was auto-generated from a syndicated feed." It says the page is a copy, whatever its byline.
_SYNDICATED_FEED_NOTE = re.compile(
    r"^(?=.{0,240}\b(?:syndicated|agency|wire)\s+(?:news\s+)?feeds?\b)"
    r"(?=.{0,240}\b(?:edited|unedited|staff|auto-?generated|automatically\s+generated)\b).{20,300}$",
    re.IGNORECASE,
)
_FOOT_REASONS = frozenset({SHORT_FOOTER_LINE, "stray short token"})
# The longest of those lines (a feed's notice runs to 300 characters).
WIRE_END_CHARACTERS = 300
WIRE_END_REASON = "agency's end mark"
CONTACT_ADDRESS_REASON = "reporter's address"
SYNDICATED_FEED_REASON = "syndicated feed notice"


def _take_wire_ends(result: CleanedText) -> None:
    """What an agency's copy ends with under its text, as papers and portals print the feed (end marks,
    rules, the reporter's address, a style sheet's leftovers), and the republisher's note that the page
    is the feed's (kept as metadata `syndication_note`, above the text too): out of the body, last first."""
    while len(result.paragraphs) > 1 and (reason := _wire_end_reason(result.paragraphs[-1].strip())) is not None:
        if reason == SYNDICATED_FEED_REASON:
            result.metadata.setdefault("syndication_note", result.paragraphs[-1].strip())
        result.removed.append(RemovedLine(_pop_paragraph(result, -1), reason))
    # The rules take such short lines for the page's foot: named for what they are.
    for position, item in enumerate(result.removed):
        if item.reason in _FOOT_REASONS and (reason := _wire_end_reason(item.line.strip())) is not None:
            result.removed[position] = RemovedLine(item.line, reason)
    if len(result.paragraphs) > 1 and _is_feed_note(result.paragraphs[0].strip()):
        result.metadata.setdefault("syndication_note", result.paragraphs[0].strip())
        result.removed.append(RemovedLine(_pop_paragraph(result, 0), SYNDICATED_FEED_REASON))
    if result.paragraphs and (mark := _WIRE_END_IN_TEXT.search(result.paragraphs[-1])) is not None:
        result.removed.append(RemovedLine(mark.group(0).strip(), WIRE_END_REASON))
        result.paragraphs[-1] = result.paragraphs[-1][: mark.start()]
    if "syndication_note" not in result.metadata:
        # A note the line model or a rule took out already says the same.
        note = next((item.line for item in result.removed if _is_feed_note(item.line.strip())), None)
        if note is not None:
            result.metadata["syndication_note"] = note.strip()


# What a bio says of its author right after the name: "Ana Ruiz is a former teacher ...", "Ana Ruiz, a
# teacher, writes ...", "Ana Ruiz covers schools".
_BIO_AFTER_NAME = re.compile(
    r"\s*(?:,\s+(?:a|an|the)\s|\s(?:is|was|has|writes|wrote|covers|reports|teaches|lives|works|joined|served)\b)"
)
AUTHOR_BIO_WORDS = 60


def _take_author_bio(result: CleanedText) -> None:
    """A last paragraph that tells who the byline's author is ("Ana Ruiz is a former librarian and
    writes about local government."): the author's bio, no text of the article."""
    if not result.byline or len(result.paragraphs) < 3:
        return
    last = result.paragraphs[-1]
    if len(last.split()) > AUTHOR_BIO_WORDS:
        return
    names = [name.strip() for name in re.split(r",|\band\b|&", result.byline) if len(name.split()) >= 2]
    if any(last.startswith(name) and _BIO_AFTER_NAME.match(last, len(name)) for name in names):
        result.removed.append(RemovedLine(_pop_paragraph(result, -1), AUTHOR_BIO_REASON))


def _wire_end_reason(line: str) -> str | None:
    """Why a line under an article's text is no text (an end mark, a rule, a style sheet's line, an
    address, a feed's notice), or None. Each is a short line: a paragraph is let go at once."""
    if len(line) > WIRE_END_CHARACTERS:
        return None
    if _WIRE_END_MARK.match(line):
        return WIRE_END_REASON
    if _RULE_ALONE.match(line):
        return RULE_LINE_REASON
    if _STYLE_RULE_LINE.match(line):
        return MARKUP_REASON
    if _CONTACT_ADDRESS.match(line):
        return CONTACT_ADDRESS_REASON
    return SYNDICATED_FEED_REASON if _is_feed_note(line) else None


def _is_feed_note(line: str) -> bool:
    """Whether a (stripped) line is a republisher's syndicated-feed notice. Its word "feed" is looked for
    first: the pattern's lookaheads cost 1.2 µs a line (0.19 ms a page of 165 lines), and a page's removed lines
    are all asked."""
    return len(line) <= WIRE_END_CHARACTERS and "feed" in line.lower() and _SYNDICATED_FEED_NOTE.match(line) is not None


def _take_republication_note(result: CleanedText) -> None:
    """A first paragraph that is a republisher's note alone: out of the body, its outlet kept. At the
    foot the note stays (the hand-made bodies of the measuring pages keep "Originally published on
    Live Science." as their last line); above the text it stands where the lede should."""
    if len(result.paragraphs) < 2 or len(result.paragraphs[0].split()) > REPUBLICATION_NOTE_WORDS:
        return
    publisher = original_publisher(result.paragraphs[0])
    if publisher is not None:
        result.metadata.setdefault("originally_published", publisher)
        result.removed.append(RemovedLine(_pop_paragraph(result, 0), REPUBLICATION_NOTE_REASON))


def _pop_paragraph(result: CleanedText, position: int) -> str:
    """Take a paragraph out of the text (and its line out of the body's lines, where it stands there)."""
    paragraph = result.paragraphs.pop(position)
    if result.body_lines and result.body_lines[position] == paragraph:
        result.body_lines.pop(position)
    return paragraph


def _take_agency_line(result: CleanedText) -> None:
    """A first paragraph that is an agency's credit alone ("The Associated Press", "- Reuters", "ANA RUIZ,
    Associated Press Writer"), kept by the model above the text: the credit and the byline, no text."""
    if len(result.paragraphs) < 2:
        return
    found = agency_line(result.paragraphs[0].removeprefix(CELL_MARK))
    if found is None:
        return
    result.removed.append(RemovedLine(_pop_paragraph(result, 0), "byline"))
    result.credit = result.credit or found[0]
    result.byline = result.byline or found[1]


# A paragraph above the lede of at most this many words may stand above an agency's dateline.
NOTE_BEFORE_DATELINE_WORDS = 40


def _take_dateline(result: CleanedText, complete: bool = True) -> None:
    """The wire dateline opening the text, and the header pieces an extraction joined before it; with
    `complete`, a short paragraph above the lede it opens leaves the text (see _above_the_lede)."""
    # A layout table's cell keeps its mark until the end ("| MANILA, Nov. 24 (Xinhua) -- ...").
    dateline, header, rest = find_dateline(result.paragraphs[0].removeprefix(CELL_MARK))
    position = 0
    if (
        dateline is None
        and len(result.paragraphs) > 1
        and count_words(result.paragraphs[0]) <= NOTE_BEFORE_DATELINE_WORDS
    ):
        # A short paragraph above the lede (an editor's note, a photo's caption, a promotion); the lede
        # under it opens with the agency's dateline. Only one naming its agency is read there: "AFAIK –
        # I'm not aware ..." or a date alone opening a second paragraph is the text's.
        dateline, header, rest = find_dateline(result.paragraphs[1].removeprefix(CELL_MARK))
        if dateline is None or header or not dateline.agency:
            return
        position = 1
    if dateline is None:
        return
    date_alone = not (dateline.place or dateline.agency)
    if date_alone and len(result.paragraphs) > 1 and opens_with_a_date(result.paragraphs[1]):
        # A date alone before a dash dates the text it opens; opening the next paragraph too, it is a
        # timeline's first entry ("March 3, 2001 – The company is founded.").
        return
    if header and _HEADER_SENTENCE.search(header):
        # A sentence before the dateline is text (an editor's note, a caption): it stays, a paragraph
        # of its own ("This is part one of the transcript. ... CHARLESTON (CNN) -- ...").
        result.paragraphs.insert(0, header)
        position = 1
    elif header:
        # Pieces of the page's header that an extraction joined to the dateline: a byline, a stamp, a
        # photo link ("By ANA RUIZ, AP Writer 2 hours ago CAIRO (AP) - ..."). Only a place in
        # capitals tells where the byline's names end ("By Ana Ruiz New Delhi (IANS)" does not).
        result.removed.append(RemovedLine(header, HEADER_BEFORE_DATELINE_REASON))
        byline = parse_byline(header) if place_in_capitals(dateline.place) else None
        result.byline = result.byline or (byline[0] if byline else None)
    result.dateline = dateline.place or None
    result.credit = dateline.agency or result.credit
    result.byline = result.byline or dateline.reporter
    if dateline.agency:
        # The agency's own form, which a publisher's copy may drop (stories' origins, agency_mark_rank).
        result.metadata["dateline_agency"] = dateline.agency
    result.removed.append(RemovedLine(dateline.text, "wire dateline"))
    result.paragraphs[position] = rest
    # A dateline with its year ("DENVER, March 3, 2025 /PRNewswire/ --") dates the release.
    found = find_dates(dateline.when) if dateline.when else []
    if found:
        result.metadata["dateline_date"] = found[0].value.isoformat()
    elif dateline.when and (day := month_day(dateline.when)) is not None:
        # Its day without the year ("BERN, Nov 5 (Reuters)") dates nothing, but bounds how far the
        # article lies from a dated one (pair_features, stories' dates).
        result.metadata["dateline_day"] = day
    if position == 1 and complete and not header:
        _above_the_lede(result)


# A note of the publisher's to its readers above the lede, which stays text.
_EDITORS_NOTE = re.compile(
    r"^[\W_]*(?:editor['’]?s\s+note|note\s+to\s+(?:readers|editors)|correction|clarification)\b", re.I
)


def _above_the_lede(result: CleanedText) -> None:
    """The paragraph above an agency's dateline lede: the text begins at the dateline. A photo's caption
    goes to the captions, an editor's note stays; anything else (a promotion, a link to comments, a
    network's banner) leaves as the header's. On the 2,167 measuring and training pages, none of the 10
    such paragraphs is the gold text's (a caption, "Get SI's LSU TIGERS Championship Package FREE!",
    "Breaking News Visit Yahoo! News for the latest.")."""
    above = result.paragraphs[0]
    if _EDITORS_NOTE.match(above):
        return
    _pop_paragraph(result, 0)
    if (byline := agency_byline(above)) is not None:
        # Header pieces naming the agency's writer ("| 1/7/2008, 6:30 p.m. EST By ANA RUIZ The Associated Press").
        result.credit = result.credit or byline[0]
        result.byline = result.byline or byline[1]
    if _WIRE_PHOTO_CAPTION.match(above) or is_caption_form(above):
        result.captions.append(above)
    elif result.title is None and count_words(above) <= HEADLINE_ABOVE_LEDE_WORDS:
        # A text saved as its headline, then the lede (PolNeAR's AP stories: "O’Malley campaign to shift
        # staff, resources to Iowa." over "DALLAS (AP) — ..."): the headline, where none was found.
        result.title = above
        result.removed.append(RemovedLine(above, "title"))
    else:
        result.removed.append(RemovedLine(above, HEADER_BEFORE_DATELINE_REASON))


# A headline above its lede has at most this many words.
HEADLINE_ABOVE_LEDE_WORDS = 20


def _take_sign_off(result: CleanedText) -> None:
    """An agency's sign-off ending the text ("... in the third round. - AAP", "Brought to you by AAP ©
    AAP 2008") or a copyright notice run into its last paragraph ("... Mr Ruiz. Copyright (c) Press
    Association Ltd. 2008, All Rights Reserved."): the credit, no text."""
    if not result.paragraphs:
        return
    last = result.paragraphs[-1]
    agency, sign_off, rest = split_sign_off(last)
    if agency is None:
        notice = _NOTICE_IN_TEXT.search(last, max(0, len(last) - NOTICE_CHARACTERS))
        agency = _notice_agency(notice.group(0)) if notice is not None else None
        if notice is None or agency is None:
            return
        sign_off, rest = notice.group(0).strip(), last[: notice.start()]
    result.credit = result.credit or agency
    result.removed.append(RemovedLine(sign_off, "agency sign-off"))
    if rest.strip():
        result.paragraphs[-1] = rest.rstrip()
    else:
        _pop_paragraph(result, -1)


def _take_editor_credit(result: CleanedText) -> None:
    """A last paragraph that credits the desk's editor alone ("| Editor: Wang Hai |", as Xinhua's
    English copy ends): a field of the page, no text."""
    if len(result.paragraphs) > 1 and _EDITOR_CREDIT.match(result.paragraphs[-1]):
        result.removed.append(RemovedLine(_pop_paragraph(result, -1), "editor credit"))


def _take_source_line(result: CleanedText) -> None:
    """A last paragraph that names the text's source alone ("Source: Orvale Labs", "(Source: The
    Lakeside Courier)", "Fuente: EFE"): out of the body, an agency credited, any other source kept as
    metadata `credited_source` (a trade site's copy of a company's release names the company so)."""
    match = _source_line(result.paragraphs[-1]) if len(result.paragraphs) > 1 else None
    if match is not None:
        result.removed.append(RemovedLine(_pop_paragraph(result, -1), SOURCE_LINE_REASON))
    else:
        # The rules take a short last line for the page's foot: read there, it names the source too.
        found = next(
            (
                (position, match)
                for position, item in enumerate(result.removed)
                if item.reason == SHORT_FOOTER_LINE and (match := _source_line(item.line)) is not None
            ),
            None,
        )
        if found is None:
            return
        position, match = found
        result.removed[position] = RemovedLine(result.removed[position].line, SOURCE_LINE_REASON)
    name = match.group("name").strip()
    if _IMAGE_WORDS.search(name) or _PICTURE_LIBRARY.search(name):
        # "Source: Getty" under the text names its picture's library, not the text's source.
        return
    agency = canonical_agency(name)
    if agency is not None:
        result.credit = result.credit or agency
    elif name:
        result.metadata.setdefault("credited_source", name)


# "Source: Name" and its forms in other languages, in brackets or not, as a text's last paragraph. The
# hand-made bodies of the measuring pages leave it out ("SOURCE: Al Jazeera News", "SOURCE: News
# agencies"); of the 2,167 training pages' last paragraphs, Dragnet's bodies keep it on 5 pages and
# leave it out on 9, L3S-GN1's leave it out on all 7.
_SOURCE_LINE = re.compile(
    r"^[\[(]?\s*(?i:sources?|fuentes?|quellen?|fontes?|bronn?(?:en)?|источники?|kaynak)\s*:\s*"
    r"(?P<name>[^\n]{0,120}?)\s*\.?\s*[\])]?\s*$"
)
SOURCE_LINE_WORDS = 10
_PICTURE_LIBRARY = re.compile(r"\b(?:getty|shutterstock|istock|alamy|depositphotos|unsplash|pexels)\b", re.IGNORECASE)
SOURCE_LINE_REASON = "source line (who the text comes from)"


def _source_line(text: str) -> re.Match[str] | None:
    match = _SOURCE_LINE.match(text)
    return match if match is not None and len(match.group("name").split()) <= SOURCE_LINE_WORDS else None


# "Editor: Name", "Edited by Name", between a layout table's bars or not; a name of one to four words.
_EDITOR_CREDIT = re.compile(
    r"^[|\s]*(?i:editors?\s*:|edited\s+by\s*:?)\s*[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and))" + r"{0,4}[|\s]*$"
)
# A sentence of six words or more, ended: no header piece (a headline, a stamp, a byline) is one.
_HEADER_SENTENCE = re.compile(r"(?:\b\w+\W+){5,}?\w+[.!?][\"”’)]?(?:\s|$)")
# A copyright notice after the last sentence of the text, where a page ran its footer into it.
_NOTICE_IN_TEXT = re.compile(r"(?:(?<=[.!?\"”’])\s+)(?=(?i:copyright|©|\(c\)))[^\n]*$")
NOTICE_CHARACTERS = 160


def _lines_holding(lines: list[str], words: Sequence[str]) -> list[str]:
    """The lines in which one of the (lower-case) words occurs, case aside, in order."""
    joined = "\n".join(lines).lower()
    if joined.count("\n") != len(lines) - 1:
        # A line holding a line break of its own: the lines are told apart no more.
        return [line for line in lines if any(word in line.lower() for word in words)]
    numbers: set[int] = set()
    for word in words:
        position = joined.find(word)
        while position >= 0:
            numbers.add(joined.count("\n", 0, position))
            position = joined.find(word, position + 1)
    return [lines[number] for number in sorted(numbers)]


# The wires that carry companies' press releases, as canonical_agency names them.
RELEASE_WIRES = frozenset(["PRNewswire", "GlobeNewswire", "Business Wire", "ACCESSWIRE", "EIN Presswire"])
RELEASE_BOILERPLATE_REASON = "press release boilerplate (about the company, contacts, source)"
# Where a release's boilerplate begins: "About Orvale Labs", "Media contact:", "Investor Relations",
# "SOURCE Orvale Labs", "Forward-Looking Statements". Every release of a company ends with the same,
# and two of its releases shared it: they were taken for a rewrite of each other, one story.
_RELEASE_BOILERPLATE = re.compile(
    r"^(?:about\s+[^.!?]{2,60}|(?:media|press|investor|news)\s+(?:contacts?|relations|inquiries)\b.*"
    r"|contacts?\s*:.*|source\s*:?\s+[A-Z].{0,80}|forward[-\s]looking\s+statements?.{0,40}|safe\s+harbou?r\b.{0,40})$",
    re.IGNORECASE,
)
RELEASE_BOILERPLATE_WORDS = 12
_ABOUT_HEADING = re.compile(r"^about\s+([A-Z][^.!?:]{1,60}?)\s*:?$", re.IGNORECASE)


def _cut_release_boilerplate(result: CleanedText) -> None:
    """In a release a wire carries, the company's boilerplate at its end goes to the removed lines,
    from its first heading on (or, where the heading went already, from the paragraph that presents the
    company it named); the release's own paragraphs before it stay."""
    if result.credit not in RELEASE_WIRES:
        return
    # "About Orvale Labs" taken out as a short line: its company's presentation follows it.
    presented = tuple(
        f"{match.group(1)} " for item in result.removed if (match := _ABOUT_HEADING.match(item.line)) is not None
    )
    start = next(
        (
            position
            for position, paragraph in enumerate(result.paragraphs)
            if position > 0
            and (
                (len(paragraph.split()) <= RELEASE_BOILERPLATE_WORDS and _RELEASE_BOILERPLATE.match(paragraph))
                or (presented and paragraph.startswith(presented))
            )
        ),
        None,
    )
    if start is None:
        return
    result.removed += [RemovedLine(paragraph, RELEASE_BOILERPLATE_REASON) for paragraph in result.paragraphs[start:]]
    del result.paragraphs[start:]
    if len(result.body_lines) > start:
        del result.body_lines[start:]


COPYRIGHT_REASON = "copyright notice"
REPUBLICATION_NOTE_REASON = "republication note (where it first appeared)"
_CONTRIBUTION_REASONS = frozenset({"wire note", "reporter credit"})
# Where a republished article names the outlet that published it first ("This story originally
# appeared on ZDNet", "Originally published on www.cio.com"): in its last paragraphs or its removed lines.
ORIGINAL_PUBLISHER_REACH = 3
_FIRST_PUBLISHED = re.compile(
    r"(?:^[\W_]*|\bthis\s+(?:article|story|post|piece|column|report|essay)\s+(?:was\s+|is\s+)?)"
    r"(?:(?:originally|first)\s+(?:appeared|published|ran|posted)\s+(?:on|in|at|by)"
    # "This article is republished from The Conversation under a Creative Commons license."
    r"|(?:is\s+|was\s+)?(?:republished|reprinted)\s+(?:here\s+)?(?:with\s+permission\s+)?from"
    # An aggregator's excerpt sends its readers to the whole article: "Read the full story at AP News",
    # "Continue reading the original article on The Harbour Gazette".
    r"|(?<![\w ])(?:click\s+here\s+to\s+)?(?:read|see|continue\s+reading)\s+(?:the\s+|this\s+)?"
    r"(?:full|complete|entire|whole|original|rest\s+of\s+(?:the|this))\s+(?:story|article|report|piece|post)\s+(?:at|on|in))\s+"
    r"(?:page\s+\w+\s+of\s+)?(?P<outlet>[^,;:()\"“”]{2,80})",
    re.IGNORECASE,
)
# Where the outlet's name ends: the headline, page, date or author that may follow it.
_PUBLISHER_END = re.compile(
    r"\s+(?:under|on|and|with|at|in|by|as|where)\s.*$|\.\s.*$|\.$|\s+(?:click|read)\b.*$", re.IGNORECASE
)


_DATE_WORD = re.compile(
    r"(?:\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d)",
    re.IGNORECASE,
)


# Where an excerpt's note sends its readers without naming the outlet ("Read the rest of this post on the
# original site").
_NO_OUTLET = re.compile(
    r"(?:the\s+|our\s+|this\s+|their\s+)?(?:original\s+|source\s+|publisher'?s?\s+|partner'?s?\s+)?"
    r"(?:site|website|web\s+site|page|source|link|blog|app)",
    re.IGNORECASE,
)


# _FIRST_PUBLISHED needs one of these words in a line: they are looked for first (a substring test),
# as that pattern tries every position of a line (7 µs a line; 0.07 ms of a short page's 0.7).
# ("original" finds "originally" too.)
_PUBLISHING_WORDS = ("original", "first", "republished", "reprinted", "full", "complete", "entire", "whole", "rest of")


def original_publisher(line: str) -> str | None:
    """The outlet a line says the article first appeared in ("This post originally appeared on
    LearnVest.com on Oct. 11" -> "LearnVest.com"), or None."""
    lowered = line.lower()
    if not any(word in lowered for word in _PUBLISHING_WORDS):
        return None
    found = _FIRST_PUBLISHED.search(line)
    if found is None:
        return None
    outlet = _PUBLISHER_END.sub("", found.group("outlet").strip()).strip(" .'’»›>")
    # "Originally published on Tuesday, August 9": a date, not an outlet; nor is "the original site".
    if not outlet or len(outlet.split()) > 8 or _DATE_WORD.match(outlet) or _NO_OUTLET.fullmatch(outlet):
        return None
    return outlet


_COPYRIGHT_HOLDER = re.compile(
    r"^[\W_]*(?:(?:copyright|©|\(c\))\s*)+(?:\d{4}(?:\s*-\s*\d{4})?\s*,?\s*)?(?:by\s+)?(?:the\s+)?("
    + ANY_AGENCY
    + r")\b",
    re.IGNORECASE,
)
_IMAGE_WORDS = re.compile(r"\b(?:photos?|pictures?|images?|video|graphics?|getty|illustrations?)\b", re.IGNORECASE)


def _agency_of_copyright(removed: list[RemovedLine]) -> str | None:
    """The agency a copyright notice of the page holds ("Copyright 2024 The Associated Press. All
    rights reserved.", "© Reuters 2007"): an agency's story republished, credited by its notice
    alone. The notice must open with the copyright mark and the agency follow it: a footer listing the
    agencies a site may carry credits none of them, and "Ana Ruiz © Reuters" under a picture is the
    photographer's. Not a photo's notice either: the picture is the agency's, not the text."""
    return next(filter(None, (_notice_agency(item.line) for item in removed if item.reason == COPYRIGHT_REASON)), None)


_PROVIDED_BY = re.compile(rf"^(?:©\s*)?[Pp]rovided\s+by\s+(?:[Tt]he\s+)?(?P<agency>{ANY_AGENCY})\s*$")


def _providing_agency(removed: list[RemovedLine]) -> str | None:
    """The agency a portal's mark of its partner's story names ("© Provided by Associated Press", as MSN
    prints it over the partner's text and pictures)."""
    found = (_PROVIDED_BY.match(item.line.strip()) for item in removed)
    return next((canonical_agency(match.group("agency")) for match in found if match is not None), None)


_AUTHOR_LINE_REASONS = frozenset({"byline", AUTHOR_LINE_REASON, POST_LINE_REASON})
# An author line of more words than this is a sentence or a bio, whose agency may be anyone's employer.
AUTHOR_LINE_AGENCY_WORDS = 14


def _agency_of_author_line(removed: list[RemovedLine], byline: str | None) -> str | None:
    """The agency an author line names ("Story by Associated Press", "Story by Ana Ruiz and Tom Hallet,
    The Associated Press"): the agency's copy, whoever printed it. The line is one removed as a byline,
    or the one the byline was read from, whatever rule removed it."""
    lines = (item.line for item in removed if item.reason in _AUTHOR_LINE_REASONS or (byline and byline in item.line))
    return next(
        (
            agency
            for line in lines
            if len(line.split()) <= AUTHOR_LINE_AGENCY_WORDS and (agency := canonical_agency(line))
        ),
        None,
    )


def _contributing_agency(removed: list[RemovedLine]) -> str | None:
    """The agency a wire note or a reporter credit names as a contributor ("(With AFP)", "Additional
    reporting by Reuters"): the story carries its copy."""
    notes = (item.line for item in removed if item.reason in _CONTRIBUTION_REASONS)
    return next(filter(None, map(contributing_agency, notes)), None)


# A line opening with the copyright mark is a photograph's credit to the rules ("© Ana Ruiz/Reuters"); with a
# year or "all rights reserved" it is the page's notice ("© Thomson Reuters 2008. All rights reserved."). Told
# apart after the rules and the model, whose inputs stay as learnt.
_NOTICE_MARKS = re.compile(rf"\b(?:19|20)\d{{2}}\b|\brights\s+reserved\b|{_RIGHTS_RESERVED}", re.IGNORECASE)


def _as_notice(item: RemovedLine) -> RemovedLine:
    """A removed line the photo-credit rule named, given its reason as a copyright notice where it is one."""
    if item.reason != PHOTO_CREDIT_REASON or not item.line.lstrip().startswith("©"):
        return item
    return RemovedLine(item.line, COPYRIGHT_REASON) if _NOTICE_MARKS.search(item.line) else item


def _notice_agency(notice: str) -> str | None:
    """The agency a copyright notice names as its holder, or None (see _agency_of_copyright)."""
    if _IMAGE_WORDS.search(notice):
        return None
    holder = _COPYRIGHT_HOLDER.search(notice)
    return canonical_agency(holder.group(1)) if holder is not None else None
