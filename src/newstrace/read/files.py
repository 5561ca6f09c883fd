"""Readers for single-page files: plain text and HTML."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from newstrace.model import Page, ReadError
from newstrace.read.decode import DecodeError, decode_bytes
from newstrace.read.headers import ScraperHeader, read_scraper_header


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def names_for_path(path: Path, suffix_length: int | None = None) -> tuple[str, ...]:
    """Article names from shortest to longest: stem, parent/stem, ... so ids stay short but unique."""
    name = path.name
    stem = name[: len(name) - suffix_length] if suffix_length else path.stem
    parts = [*path.parent.parts[-3:], stem] if path.parent.parts else [stem]
    parts = [part for part in parts if part not in ("", "/", ".")]
    names = ["/".join(parts[index:]) for index in range(len(parts) - 1, -1, -1)]
    return tuple(names)


def read_bytes_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; raise ValueError with the size when it is over the page limit."""
    size = path.stat().st_size
    if size > max_bytes:
        raise ValueError(
            f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB page limit (--max-page-mb raises it)"
        )
    with path.open("rb") as handle:
        return handle.read(max_bytes + 1)


def _read_decoded(path: Path, max_bytes: int) -> tuple[bytes, str] | ReadError:
    try:
        data = read_bytes_limited(path, max_bytes)
    except ValueError as error:
        return ReadError(str(path), str(error))
    try:
        text, _encoding = decode_bytes(data)
    except DecodeError as error:
        return ReadError(str(path), str(error))
    return data, text


def is_html_document(text: str) -> bool:
    """Whether a text file holds an HTML document: it opens with a doctype or an <html> element
    (after an XML declaration at most). Crawls often save pages' source under .txt."""
    head = text[:2000].lstrip().lower()
    if head.startswith("<?xml"):
        head = head[head.find("?>") + 2 :].lstrip() if "?>" in head else ""
    return head.startswith(("<!doctype html", "<html"))


def read_text_file(path: Path, max_bytes: int) -> Iterator[Page | ReadError]:
    decoded = _read_decoded(path, max_bytes)
    if isinstance(decoded, ReadError):
        yield decoded
        return
    data, text = decoded
    if is_html_document(text):
        yield Page(str(path), content_hash(data), "html", names_for_path(path), html=text)
        return
    # A scraper's header above the text (Jina Reader's, YAML front matter) gives the page's address,
    # title, date and author, as a record's fields would.
    header = read_scraper_header(text) or ScraperHeader(text)
    yield Page(
        str(path),
        content_hash(data),
        "text",
        names_for_path(path),
        text=header.text,
        url=header.url,
        title=header.title,
        date=header.date,
        author=header.author,
    )


def read_html_file(path: Path, max_bytes: int) -> Iterator[Page | ReadError]:
    decoded = _read_decoded(path, max_bytes)
    if isinstance(decoded, ReadError):
        yield decoded
        return
    data, html = decoded
    yield Page(str(path), content_hash(data), "html", names_for_path(path), html=html)
