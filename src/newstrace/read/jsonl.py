"""JSON readers: one page per line of a JSONL dump, or per record of a .json file, in the shape of
news-please and Common Crawl derived dumps."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TypeGuard

from newstrace.model import Page, ReadError, SkippedFile
from newstrace.read.decode import DecodeError, decode_bytes
from newstrace.read.files import is_html_document, names_for_path, read_bytes_limited

_GIVE_UP_AFTER = 3
# "markdown": the field Firecrawl and Crawl4AI write a page's text to, as Markdown; "articleBody":
# schema.org's NewsArticle.
TEXT_FIELDS = ("text", "maintext", "content", "body", "articleBody", "markdown")
HTML_FIELDS = ("html", "raw_html")
# schema.org's NewsArticle names its title "headline".
_TITLE_FIELDS = ("title", "headline")
# The names of dumps and APIs: news-please (date_publish, source_domain), Hugging Face's cc_news
# (domain), NewsAPI (publishedAt, source: {"name": ...}), schema.org (datePublished).
_DATE_FIELDS = (
    "date",
    "date_publish",
    "published",
    "publish_date",
    "published_at",
    "publishedAt",
    "datePublished",
    "publication_date",
    "pub_date",
    "timestamp",
    # Firecrawl's metadata: the page's article:published_time.
    "publishedTime",
    "article:published_time",
)
_AUTHOR_FIELDS = ("author", "authors", "byline", "creator")
_OUTLET_FIELDS = (
    "outlet",
    "source_domain",
    "site_name",
    "sitename",
    "publisher",
    "publication",
    "source_name",
    "domain",
    "ogSiteName",
)


def _open(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return path.open("rb")


# NewsAPI cuts an article's content and says by how much ("… [+2345 chars]"): the note is no text.
_NEWSAPI_CUT = re.compile(r"\s*\[\+\d+ chars\]\s*$")
# JSON may escape half of a character ("\ud83d" of an emoji cut short by a scraper): Python reads it
# as a lone surrogate, which no later stage can encode. It becomes the replacement character.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


# Dumps that keep the time as a number count seconds (or milliseconds) since 1970, in UTC; a number
# outside these bounds (an id, a year alone) is no time.
_EPOCH_SECONDS = (631_152_000, 4_102_444_800)  # 1990-01-01 to 2100-01-01


def _date_of(fields: dict[str, object]) -> str | None:
    """The record's date as text; a time in seconds or milliseconds since 1970 as an ISO 8601 date and time."""
    value = next((fields[name] for name in _DATE_FIELDS if fields.get(name) not in (None, "")), None)
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return _first(fields, _DATE_FIELDS)
    seconds = value / 1000 if value > _EPOCH_SECONDS[1] else value
    if _EPOCH_SECONDS[0] <= seconds < _EPOCH_SECONDS[1]:
        return datetime.fromtimestamp(seconds, tz=UTC).isoformat()
    return None


def _first(record: dict[str, object], fields: tuple[str, ...]) -> str | None:
    for field_name in fields:
        value = record.get(field_name)
        if isinstance(value, dict):
            # A named object ({"id": "bbc-news", "name": "BBC News"}): its name.
            value = value.get("name") or value.get("title")
        if isinstance(value, list):
            value = ", ".join(str(item.get("name", "") if isinstance(item, dict) else item) for item in value if item)
        if value not in (None, ""):
            return _LONE_SURROGATE.sub("\ufffd", str(value))
    return None


def _named_source(record: dict[str, object]) -> str | None:
    """NewsAPI's source object's name. A plain "source" field is left: dumps use it for the feed or
    the crawl a record came from, and all of a feed's articles as one outlet would make wire copies
    of several papers that outlet's boilerplate."""
    return _first(record, ("source",)) if isinstance(record.get("source"), dict) else None


def is_page_record(record: object) -> TypeGuard[dict[str, object]]:
    """Whether a record holds a page: an object with a text or an html field with something in it."""
    return isinstance(record, dict) and bool(_first(record, TEXT_FIELDS) or _first(record, HTML_FIELDS))


def page_of_record(record: dict[str, object], where: str, content_hash: str, fallback_names: list[str]) -> Page:
    """A page from a record that holds a text or html field (its own id or url names it)."""
    text = _first(record, TEXT_FIELDS)
    if text:
        text = _NEWSAPI_CUT.sub("", text)
    html = _first(record, HTML_FIELDS)
    if text and not html and is_html_document(text):
        # A dump whose text field holds the page's source.
        text, html = None, text
    metadata = record.get("metadata")
    # Firecrawl keeps a page's title, address and date in a "metadata" object: read after the
    # record's own fields (its text and html are the record's alone).
    fields = {**metadata, **record} if isinstance(metadata, dict) else record
    url = _first(fields, ("url", "link", "sourceURL"))
    own_name = _first(record, ("id",)) or url
    return Page(
        source=where,
        content_hash=content_hash,
        format="html" if html and not text else "text",
        names=(own_name,) if own_name else tuple(fallback_names),
        text=text,
        html=html if not text else None,
        url=url,
        title=_first(fields, _TITLE_FIELDS),
        date=_date_of(fields),
        author=_first(fields, _AUTHOR_FIELDS),
        outlet=_first(fields, _OUTLET_FIELDS) or _named_source(record),
    )


# The keys under which APIs return their records: NewsAPI's "articles", Firecrawl's "data", search
# APIs' "results", "items", "hits" (Elasticsearch's, each record's fields under "_source").
_ENVELOPE_KEYS = ("articles", "data", "results", "items", "documents", "hits", "records", "response", "value")
# How many envelopes deep records are looked for ({"hits": {"hits": [...]}}, {"response": {"results": [...]}}).
ENVELOPE_DEPTH = 3


def _records_of(document: object, depth: int = ENVELOPE_DEPTH) -> list[object]:
    """The records of a JSON document: a list of them, one record, or records inside an API's envelope."""
    if isinstance(document, list):
        return [
            item["_source"] if isinstance(item, dict) and isinstance(item.get("_source"), dict) else item
            for item in document
        ]
    if not isinstance(document, dict) or is_page_record(document) or depth == 0:
        return [document]
    for key in _ENVELOPE_KEYS:
        inner = document.get(key)
        if isinstance(inner, (list, dict)):
            records = _records_of(inner, depth - 1)
            if any(is_page_record(record) for record in records):
                return records
    return [document]


def read_json_file(path: Path, max_bytes: int) -> Iterator[Page | ReadError | SkippedFile]:
    """A .json file of one page record (news-please writes one an article), a list of them, or an API's
    response holding them (NewsAPI's, Firecrawl's); a JSON file of anything else (a settings or label
    file) is skipped, not failed."""
    try:
        data = read_bytes_limited(path, max_bytes)
    except ValueError as error:  # over the page limit
        yield ReadError(str(path), str(error))
        return
    try:
        document = json.loads(decode_bytes(data)[0])
    except DecodeError as error:
        yield ReadError(str(path), str(error))
        return
    except ValueError as error:
        yield ReadError(str(path), f"not JSON: {error}")
        return
    except RecursionError:
        yield ReadError(str(path), "not JSON: nested too deeply")
        return
    records = _records_of(document)
    pages = [(number, record) for number, record in enumerate(records) if is_page_record(record)]
    if not pages:
        fields = ", ".join((*TEXT_FIELDS, *HTML_FIELDS))
        yield SkippedFile(str(path), f"JSON without page records (fields {fields})")
        return
    in_list = not (len(records) == 1 and records[0] is document)
    stem_names = names_for_path(path)
    for number, record in pages:
        where = f"{path}:{number + 1}" if in_list else str(path)
        names = [f"{name}:{number + 1}" for name in stem_names] if in_list else list(stem_names)
        digest = hashlib.sha256(
            json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass")
        ).hexdigest()
        yield page_of_record(record, where, digest, names)


def read_jsonl_file(path: Path, max_bytes: int) -> Iterator[Page | ReadError]:
    """Stream the file line by line, so a large dump never sits in memory whole."""
    stem_names = names_for_path(path, suffix_length=len(path.name) - path.name.lower().index(".jsonl"))
    found_any = False
    pages_found = records_without_text = 0
    pending: list[ReadError] = []
    with _open(path) as handle:
        for line_number, raw in enumerate(handle, start=1):
            where = f"{path}:{line_number}"
            if not raw.strip():
                continue
            found_any = True
            if len(raw) > max_bytes:
                yield ReadError(where, f"record is {len(raw) / 1e6:.1f} MB, over the page limit")
                continue
            try:
                line, _encoding = decode_bytes(raw)
                record = json.loads(line)
            except (DecodeError, json.JSONDecodeError) as error:
                yield ReadError(where, f"not a JSON record: {error}")
                continue
            except RecursionError:
                yield ReadError(where, "not a JSON record: nested too deeply")
                continue
            if not isinstance(record, dict):
                yield ReadError(where, "not a JSON object")
                continue
            if not is_page_record(record):
                records_without_text += 1
                if pages_found == 0 and records_without_text >= _GIVE_UP_AFTER:
                    # A JSONL file of something else (an index, a label file): one error, not one a line.
                    yield ReadError(str(path), "records have no text or html field: not a file of pages")
                    return
                error = ReadError(where, f"record has no text or html field ({', '.join(TEXT_FIELDS)})")
                if pages_found:
                    yield error
                else:
                    pending.append(error)
                continue
            pages_found += 1
            yield from pending
            pending.clear()
            yield page_of_record(
                record, where, hashlib.sha256(raw.strip()).hexdigest(), [f"{name}:{line_number}" for name in stem_names]
            )
    if not found_any:
        yield ReadError(str(path), "empty file")
