"""HTML pages: trafilatura finds the main text and metadata; the text cleaner finishes the job."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from lxml import html as lxml_html

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


class HtmlError(ValueError):
    """The page holds no article text trafilatura or a plain-text fallback can find."""


def _nesting_depth(html: str) -> int:
    depth = deepest = 0
    for index in range(len(html) - 1):
        if html[index] == "<":
            following = html[index + 1]
            if following == "/":
                depth -= 1
            elif following.isalpha():
                depth += 1
                deepest = max(deepest, depth)
    return deepest


def _flatten(html: str) -> str:
    """The visible text of over-nested markup, one block a line, without recursion."""
    parser = lxml_html.HTMLParser(huge_tree=False, recover=True)
    try:
        root = lxml_html.document_fromstring(html, parser=parser)
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    return "\n".join(part.strip() for part in root.itertext() if part.strip())


def extract_html(html: str, url: str | None = None) -> ExtractedHtml:
    if not html.strip():
        raise HtmlError("empty HTML page")
    if _nesting_depth(html[:2_000_000]) > MAX_NESTING:
        text = _flatten(html)
        if not text:
            raise HtmlError(f"HTML nested deeper than {MAX_NESTING} elements and no text found")
        return ExtractedHtml(text, None, None, None, None, url)
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
        deduplicate=False,
    )
    if document is None or not (document.text or "").strip():
        text = _flatten(html)
        if not text:
            raise HtmlError("no article text found in the HTML")
        return ExtractedHtml(text, None, None, None, None, url)
    return ExtractedHtml(
        text=document.text,
        title=document.title,
        date=document.date,
        author=document.author,
        outlet=document.sitename,
        url=document.url or url,
    )
