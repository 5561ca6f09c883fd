"""Cleaning: a Page in, its articles out (body paragraphs, captions, metadata, removed lines)."""

from __future__ import annotations

from newstrace.clean.html import HtmlError, extract_html
from newstrace.clean.line_model import LineModel, default_line_model
from newstrace.clean.text import BODY_THRESHOLD, EXTRACTED_BODY_THRESHOLD, CleanedText, clean_text
from newstrace.model import Article, Page


class CleaningError(ValueError):
    """A page that yields no article: the message says why."""


def clean_page(page: Page, line_model: LineModel | None = None, use_line_model: bool = True) -> list[Article]:
    """The articles of a page, named by the page's first name ("stem", or "stem#1", "stem#2").

    Lines are kept by `line_model` (default: the shipped one; the rules alone without it); from
    HTML, trafilatura's extract, only lines the model is sure are not body go."""
    if use_line_model and line_model is None:
        line_model = default_line_model()
    model = line_model if use_line_model else None
    threshold = BODY_THRESHOLD
    title, date, author, outlet, url = page.title, page.date, page.author, page.outlet, page.url
    if page.text is not None:
        text = page.text
    elif page.html is not None:
        try:
            extracted = extract_html(page.html, page.url)
        except HtmlError as error:
            raise CleaningError(str(error)) from None
        text = extracted.text
        threshold = EXTRACTED_BODY_THRESHOLD
        title = title or extracted.title
        date = date or extracted.date
        author = author or extracted.author
        outlet = outlet or extracted.outlet
        url = url or extracted.url
    else:
        raise CleaningError("page has neither text nor HTML")
    cleaned = [part for part in clean_text(text, title, date, author, model, threshold) if part.paragraphs]
    if not cleaned:
        raise CleaningError("no article text found on the page")
    return [
        _to_article(page, part, position, len(cleaned), outlet, url) for position, part in enumerate(cleaned, start=1)
    ]


def _to_article(
    page: Page, part: CleanedText, position: int, total: int, outlet: str | None, url: str | None
) -> Article:
    name = page.names[0]
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
        byline=part.byline,
        date=part.date.isoformat() if part.date else None,
        date_source=part.date_source,
        outlet=outlet,
        url=url,
        removed=part.removed,
        metadata=part.metadata,
    )
