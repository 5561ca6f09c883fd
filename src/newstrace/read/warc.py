"""WARC reader: each page a web archive holds is one Page, named by its target URL.

Pages are HTML response and resource records (Heritrix, wget, Browsertrix, Common Crawl's WARC) and
plain-text conversion records (Common Crawl's WET files, a page's visible text per record). Records
that are no page (requests, metadata, revisits, redirects, error statuses, images) are passed over;
a file holding no page says what it held instead.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from newstrace.model import Page, ReadError
from newstrace.read.decode import DecodeError, decode_bytes

# Record types whose payload is what was fetched (response: with its HTTP headers; resource: alone)
# or derived from it (conversion: the text a crawler extracted, as in Common Crawl's WET files).
_PAGE_RECORD_TYPES = {"response", "resource", "conversion"}


def read_warc_file(path: Path, max_bytes: int) -> Iterator[Page | ReadError]:
    passed_over: Counter[str] = Counter()
    found_any = False
    with path.open("rb") as handle:
        try:
            for record in ArchiveIterator(handle, arc2warc=True):
                format_, reason = _page_format(record)
                if format_ is None:
                    passed_over[reason] += 1
                    continue
                found_any = True
                yield _page_of_record(record, format_, path, max_bytes)
        except (ArchiveLoadFailed, ValueError, EOFError, OSError) as error:
            yield ReadError(str(path), f"not a readable WARC file: {error}")
            return
        except Exception as error:
            # warcio fails inside its parser on some malformed records (a response record without a
            # target URI raises AttributeError): the file is damaged, not the run. Records before
            # the damage were already given.
            yield ReadError(str(path), f"damaged WARC record ({type(error).__name__}: {error})")
            return
    if not found_any:
        held = ", ".join(f"{count} {reason}" for reason, count in passed_over.most_common())
        yield ReadError(str(path), f"WARC file holds no HTML or text page ({held or 'no records'})")


def _page_format(record: ArcWarcRecord) -> tuple[str | None, str]:
    """The format a record's page is read in ("html" or "text"), or None and why it is no page."""
    if record.rec_type not in _PAGE_RECORD_TYPES:
        return None, f"{record.rec_type} record(s)"
    if record.rec_type == "response":
        if record.http_headers is None:
            return None, "response record(s) without HTTP headers"
        status = record.http_headers.get_statuscode() or ""
        # A redirect or an error page is no article; a crawl of news sites holds many.
        if not status.startswith("2"):
            return None, f"HTTP {status[:1] or '?'}xx response(s)"
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    content_type = content_type.lower()
    if "html" in content_type:
        return "html", ""
    if content_type.startswith("text/plain"):
        return "text", ""
    return None, f"record(s) of {content_type.split(';')[0].strip() or 'no content type'}"


def _page_of_record(record: ArcWarcRecord, format_: str, path: Path, max_bytes: int) -> Page | ReadError:
    url = record.rec_headers.get_header("WARC-Target-URI") or str(path)
    source = f"{path}#{url}"
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return ReadError(source, "record is over the page limit")
    try:
        content, _encoding = decode_bytes(data, _declared_charset(record))
    except DecodeError as error:
        return ReadError(source, str(error))
    if format_ == "html":
        return Page(source, hashlib.sha256(data).hexdigest(), "html", (url,), html=content, url=url)
    return Page(source, hashlib.sha256(data).hexdigest(), "text", (url,), text=content, url=url)


def _declared_charset(record: ArcWarcRecord) -> str | None:
    """The charset the server (or the crawler, for a record it wrote) declared, if any."""
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    content_type = (headers.get_header("Content-Type") if headers else None) or ""
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip(" \"'"):
            return value.strip(" \"'")
    return None
