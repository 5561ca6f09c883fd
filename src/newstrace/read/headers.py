"""The metadata that scrapers for language models write above a page's text: Jina Reader's header
("Title: ...", "URL Source: ...", "Published Time: ...", "Markdown Content:") and YAML front matter
("---", "title: ...", "url: ...", "date: ...", "---"), read into the page's fields and cut from its text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Jina Reader: its fields one to a line (blank lines between), the content after "Markdown Content:".
_READER_HEADER = re.compile(
    r"\A\s*Title:[ \t]*[^\n]*\n\s*"
    r"(?:[A-Z][A-Za-z ]{1,30}:[ \t]*[^\n]*\n\s*){0,8}?"
    r"(?:Markdown|Text|HTML)[ \t]Content:[ \t]*\n",
)
_READER_FIELD = re.compile(r"^(?P<name>[A-Z][A-Za-z ]{1,30}):[ \t]*(?P<value>[^\n]*)$", re.MULTILINE)
# YAML front matter: "key: value" lines between two "---" lines at the top (values quoted or not).
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<fields>(?:[^\n]*\n){1,40}?)---[ \t]*\n")
_FRONT_MATTER_FIELD = re.compile(r"^(?P<name>[A-Za-z_][\w -]{0,30}):[ \t]*(?P<value>[^\n]*)$", re.MULTILINE)

# The names each scraper gives the fields newstrace reads (lower case).
_TITLE_NAMES = ("title", "headline", "og:title")
_URL_NAMES = ("url source", "url", "source url", "sourceurl", "source", "link", "canonical_url", "canonical")
_DATE_NAMES = ("published time", "published", "published_time", "date", "pubdate", "date_published", "datepublished")
_AUTHOR_NAMES = ("author", "authors", "byline")


@dataclass(frozen=True, slots=True)
class ScraperHeader:
    """What a scraper's header said of the page, and the page's text without it."""

    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    author: str | None = None


def read_scraper_header(text: str) -> ScraperHeader | None:
    """The fields of a scraper's header opening the text, and the text after it; None for a text
    that opens otherwise (both patterns are anchored at the start: they fail at once on it)."""
    if (match := _READER_HEADER.match(text)) is not None:
        fields = {found["name"].lower(): found["value"].strip() for found in _READER_FIELD.finditer(match.group(0))}
        return _header(fields, text[match.end() :])
    if (match := _FRONT_MATTER.match(text)) is not None:
        fields = {
            found["name"].strip().lower(): _unquoted(found["value"])
            for found in _FRONT_MATTER_FIELD.finditer(match.group("fields"))
        }
        if any(name in fields for name in (*_TITLE_NAMES, *_URL_NAMES, *_DATE_NAMES)):
            return _header(fields, text[match.end() :])
    return None


def _header(fields: dict[str, str], text: str) -> ScraperHeader:
    def first(names: tuple[str, ...], address: bool = False) -> str | None:
        for name in names:
            value = fields.get(name)
            if value and (not address or value.startswith(("http://", "https://"))):
                return value
        return None

    return ScraperHeader(
        text=text,
        title=first(_TITLE_NAMES),
        url=first(_URL_NAMES, address=True),
        date=first(_DATE_NAMES),
        author=first(_AUTHOR_NAMES),
    )


def _unquoted(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value
